/** "Log email" to one record: on the click only; the card's note says logged, already logged (with the link) or why not. */
import { errorText } from "../../shared/i18n";
import { h } from "../dom";
import type { CardContext, LogCommunication, LogTarget } from "./context";
import { note } from "./note";

export function logButton(ctx: CardContext, targetTitle: string, target: LogTarget, comm: LogCommunication, out: HTMLElement): HTMLButtonElement {
  // Several "Log email" buttons can sit in one card: each names its record for screen readers and on hover.
  const full = ctx.t(`logEmailTo_${target.kind}`, { title: targetTitle });
  const button = h(
    "button",
    { type: "button", "data-action": "log-email", "data-target": `${target.kind}:${target.id}`, title: full, "aria-label": full },
    ctx.t("logEmail"),
  );
  button.addEventListener("click", async () => {
    button.disabled = true;
    const answer = await ctx.logEmail(target, comm);
    const body = answer.body;
    const already = body.error === "already_logged";
    if (answer.status === 201) note(out, ctx.t("logged"), "ok", body.link, ctx.t("openLogged"));
    else if (already) note(out, ctx.t("alreadyLogged"), "err", body.link, ctx.t("openLogged"));
    // The record was deleted or merged since the lookup: look again, and say why the cards changed.
    else if (body.error === "record_gone") ctx.refresh(errorText(ctx.t, body));
    else note(out, errorText(ctx.t, body), "err");
    button.disabled = answer.status === 201 || already;
  });
  return button;
}
