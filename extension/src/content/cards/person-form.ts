/** "Create contact" / "Create lead" for someone not in Bitrix24, prefilled from the name Gmail shows (it stays in the page until sent). */
import type { Participant } from "../gmail-thread";
import { h } from "../dom";
import type { ApiErrorBody, CardContext } from "./context";
import { showCreateOutcome } from "./create-outcome";

export function personForm(ctx: CardContext, kind: "contact" | "lead", p: Participant, out: HTMLElement): HTMLElement {
  const [first, ...rest] = (p.name && !p.name.includes("@") ? p.name : "").split(" ");
  const form = h("form", { "data-form": kind });
  const name = h("input", { name: "name", value: first ?? "" });
  const lastName = h("input", { name: "lastName", value: rest.join(" ") });
  // Gmail shows no phone numbers; one typed here is checked for duplicates too.
  const phone = h("input", { name: "phone", type: "tel", autocomplete: "tel", maxlength: 40 });
  const title = h("input", { name: "title", required: true, value: ctx.t("leadFrom", { name: p.name || p.email }) });
  const submit = h("button", { type: "submit", class: "primary" }, ctx.t("create"));
  const cancel = h("button", { type: "button" }, ctx.t("cancel"));
  cancel.addEventListener("click", () => form.remove());
  form.append(
    ...(kind === "lead" ? [h("label", {}, ctx.t("leadTitle"), title)] : []),
    h("label", {}, ctx.t("firstName"), name),
    h("label", {}, ctx.t("lastName"), lastName),
    h("label", {}, ctx.t("phone"), phone),
    h("div", { class: "actions" }, submit, cancel),
  );
  const send = async (force: boolean) => {
    submit.disabled = true;
    const body = {
      kind,
      email: p.email,
      name: name.value,
      lastName: lastName.value,
      phone: phone.value,
      ...(kind === "lead" ? { title: title.value } : {}),
      force,
    };
    const answer = await ctx.api<ApiErrorBody>("POST", "/api/extension/records", body);
    submit.disabled = false;
    showCreateOutcome(ctx, answer, out, form, () => send(true));
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void send(false);
  });
  return form;
}
