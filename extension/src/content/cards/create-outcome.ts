/**
 * What a create form shows after the app answered: created (with the link; the thread is looked up
 * again), the likely duplicates with "Create anyway" (nothing was created), or why it failed.
 */
import { errorText } from "../../shared/i18n";
import type { ApiAnswer } from "../../shared/messages";
import { h, link } from "../dom";
import type { ApiErrorBody, CardContext } from "./context";
import { note } from "./note";

export function showCreateOutcome(ctx: CardContext, answer: ApiAnswer<ApiErrorBody>, out: HTMLElement, form: HTMLElement, anyway: () => void) {
  if (answer.status === 201) {
    note(out, ctx.t("created"), "ok", answer.body.url, ctx.t("openInBitrix"));
    form.remove();
    ctx.refresh();
    return;
  }
  if (answer.body.error === "duplicates_found") {
    const dups = answer.body.duplicates ?? [];
    const box = h(
      "div",
      { class: "dups", role: "alert", "data-testid": "duplicates" },
      h("div", { class: "title" }, ctx.t("duplicatesTitle")),
      h("div", { class: "muted" }, ctx.t("duplicatesHint")),
      h(
        "ul",
        {},
        ...dups.map((d) => h("li", {}, link(d.url, `${ctx.t(d.kind === "deal" ? "openDeals" : d.kind)}: ${d.title}`), ` — ${ctx.t(`reason_${d.reason}`)}`)),
      ),
    );
    const again = h("button", { type: "button" }, ctx.t("createAnyway"));
    again.addEventListener("click", () => {
      box.remove();
      anyway();
    });
    box.append(h("div", { class: "actions" }, again));
    out.replaceChildren(box);
    out.className = "note";
    return;
  }
  note(out, errorText(ctx.t, answer.body), "err");
}
