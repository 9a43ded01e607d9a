/** The toolbar popup: connect to a portal (address typed once, remembered) or disconnect. */
import { send } from "../shared/messages";
import { errorText, languageOf, translator } from "../shared/i18n";
import { readStored } from "../shared/storage";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function render(message?: string) {
  const stored = await readStored();
  const lang = stored.connection?.portal.lang ?? stored.ended?.lang ?? navigator.language;
  const t = translator(lang);
  document.documentElement.lang = languageOf(lang);
  document.title = t("popupTitle");
  $("title").textContent = t("popupTitle");
  $("portal-label").textContent = t("portalAddress");
  $<HTMLInputElement>("portal").placeholder = t("portalPlaceholder");
  $<HTMLInputElement>("portal").value ||= stored.lastPortal ?? "";
  $("connect").textContent = t("connect");
  $("disconnect").textContent = t("disconnect");
  $("privacy").textContent = t("privacy");
  $("connect-form").hidden = Boolean(stored.connection);
  $("connected").hidden = !stored.connection;
  if (stored.connection) $("connected-to").textContent = t("connectedTo", { portal: stored.connection.portal.domain });
  // Not connected because someone ended it: say who (until the user connects again).
  $("status").textContent = message ?? (!stored.connection && stored.ended ? errorText(t, { error: stored.ended.code }) : "");
}

$("connect-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const portal = $<HTMLInputElement>("portal").value.trim();
  if (!portal) return;
  const t = translator(navigator.language);
  await send({ type: "connect", portal });
  await render(t("connecting"));
});

$("disconnect").addEventListener("click", async () => {
  const t = translator((await readStored()).connection?.portal.lang);
  const answer = await send<{ ok: boolean; revoked: boolean }>({ type: "disconnect" });
  await render(answer?.revoked === false ? t("disconnectedOffline") : t("disconnected"));
});

chrome.storage.onChanged.addListener(() => void render($("status").textContent ?? undefined));
void render();
