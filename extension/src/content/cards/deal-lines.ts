/** How a deal's place and a record's recent activities read on a card. */
import type { PipelineCache } from "../../shared/storage";
import type { Activity, Deal } from "../api-types";
import { h } from "../dom";
import type { CardContext } from "./context";

/** "Pipeline › Stage" from the cached pipelines (the stage's ID when the cache does not know it). */
export function stageLabel(deal: Deal, cache: PipelineCache | null): string {
  const pipeline = cache?.pipelines.find((p) => p.id === deal.categoryId);
  const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
  return `${pipeline?.name ?? "—"} › ${stage?.name ?? deal.stageId}`;
}

/** The record's latest activities (date · subject), or nothing when it has none. */
export function recentActivities(ctx: CardContext, list: Activity[]): HTMLElement | null {
  if (!list.length) return null;
  return h(
    "div",
    { "data-testid": "recent-activities" },
    h("div", { class: "muted" }, ctx.t("recent")),
    h("ul", {}, ...list.map((a) => h("li", {}, `${a.startTime ? new Date(a.startTime).toLocaleDateString(ctx.lang) + " · " : ""}${a.subject}`))),
  );
}
