/**
 * The deal and lead cards' buttons (crm-card.ts), as form POSTs on the portal's origin:
 *   /_portal/crm/move          move a record to a stage as the viewer (their CRM rights apply);
 *                              the stage's robots run (automation/stage-rules.ts)
 *   /_portal/crm/robot         put a robot on a stage with its property values (administrators)
 *   /_portal/crm/robot/remove  take one off (administrators)
 * Each answers 303 back to the card, with `?notice=` when the change was refused. A POST from
 * another origin is refused: the cards are the portal's own pages.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AutomationError, moveToStage, placeRobot, removeRobot } from "../automation/stage-rules";
import type { PortalPageContext } from "../http/portal-context";
import { readBody } from "../http/respond";
import { canWriteCrm } from "../methods/crm/crm-access";
import { currentViewer } from "./viewer";

const ACTIONS = new Set(["/_portal/crm/move", "/_portal/crm/robot", "/_portal/crm/robot/remove"]);

function back(res: ServerResponse, path: string | null, notice: string | null): void {
  const safe = path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/crm/deal/";
  res.writeHead(303, { location: notice ? `${safe}?notice=${encodeURIComponent(notice)}` : safe });
  res.end();
}

function sameOrigin(req: IncomingMessage, ctx: PortalPageContext): boolean {
  const origin = req.headers.origin;
  return !origin || origin === ctx.portalUrl;
}

/** Answers a card action; false when the path is not one of them. */
export async function handleCrmAction(req: IncomingMessage, res: ServerResponse, ctx: PortalPageContext): Promise<boolean> {
  if (req.method !== "POST" || !ACTIONS.has(ctx.subPath)) return false;
  const form = new URLSearchParams(await readBody(req));
  const returnTo = form.get("return");
  if (!sameOrigin(req, ctx)) {
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
    res.end("cross-origin form refused");
    return true;
  }
  const viewer = currentViewer(req, ctx.portal, null);
  const etid = Number(form.get("entityTypeId") ?? 2);
  try {
    if (ctx.subPath === "/_portal/crm/move") {
      const id = Number(form.get("id"));
      if (ctx.portal.data.crm.get(etid)?.has(id) && !canWriteCrm(ctx.portal, viewer, etid, id - 1)) return (back(res, returnTo, "Access denied"), true);
      moveToStage(ctx.store, ctx.portal, etid, id, form.get("stageId") ?? "", viewer.id);
    } else if (!viewer.admin) {
      return (back(res, returnTo, "Administrators only"), true);
    } else if (ctx.subPath === "/_portal/crm/robot") {
      const properties: Record<string, string> = {};
      for (const [k, v] of form) if (k.startsWith("prop_")) properties[k.slice(5)] = v;
      placeRobot(ctx.portal, {
        entityTypeId: etid,
        stageId: form.get("stageId") ?? "",
        clientId: form.get("clientId") ?? "",
        code: form.get("code") ?? "",
        properties,
      });
    } else {
      removeRobot(ctx.portal, Number(form.get("ruleId")));
    }
  } catch (error) {
    if (error instanceof AutomationError) return (back(res, returnTo, error.message), true);
    throw error;
  }
  back(res, returnTo, null);
  return true;
}
