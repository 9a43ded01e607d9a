/** "Create deal" for a contact: title, pipeline and stage (from the cached pipelines; open stages only). */
import type { PipelineCache } from "../../shared/storage";
import { h } from "../dom";
import type { ApiErrorBody, CardContext } from "./context";
import { showCreateOutcome } from "./create-outcome";

export function dealForm(ctx: CardContext, contact: { id: number; name: string }, out: HTMLElement): HTMLElement {
  const form = h("form", { "data-form": "deal" });
  const title = h("input", { name: "title", required: true, value: ctx.t("dealWith", { name: contact.name }) });
  const pipeline = h("select", { name: "pipeline" });
  const stage = h("select", { name: "stage" });
  const submit = h("button", { type: "submit", class: "primary" }, ctx.t("create"));
  form.append(
    h("label", {}, ctx.t("dealTitle"), title),
    h("label", {}, ctx.t("pipeline"), pipeline),
    h("label", {}, ctx.t("stage"), stage),
    h("div", { class: "actions" }, submit),
  );
  let cache: PipelineCache | null = null;
  const fillStages = () => {
    const p = cache?.pipelines.find((x) => String(x.id) === pipeline.value);
    stage.replaceChildren(...(p?.stages ?? []).filter((s) => s.semantics === "process").map((s) => h("option", { value: s.id }, s.name)));
  };
  void ctx.pipelines().then((c) => {
    cache = c;
    pipeline.replaceChildren(...(c?.pipelines ?? []).map((p) => h("option", { value: p.id, selected: p.isDefault }, p.name)));
    fillStages();
  });
  pipeline.addEventListener("change", fillStages);
  const send = async (force: boolean) => {
    submit.disabled = true;
    const answer = await ctx.api<ApiErrorBody>("POST", "/api/extension/records", {
      kind: "deal",
      title: title.value,
      contactId: contact.id,
      categoryId: Number(pipeline.value),
      stageId: stage.value,
      force,
    });
    submit.disabled = false;
    showCreateOutcome(ctx, answer, out, form, () => send(true));
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void send(false);
  });
  return form;
}
