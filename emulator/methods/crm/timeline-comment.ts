/**
 * crm.timeline.comment.add (b24restdocs api-reference/crm/timeline/comments/crm-timeline-comment-add.md):
 * a comment on a lead, deal, contact or company the caller may read. Errors are
 * `{"error": "", ...}` HTTP 400 with the documented texts.
 */
import { RestError, type MethodCall } from "../../rest/method-registry";
import { param } from "../../seed/read-params";
import { isoFromSeconds } from "../../seed/table";
import { canReadCrm } from "./crm-access";

const fail = (msg: string) => new RestError("", msg, 400);

export function commentAdd(call: MethodCall) {
  const f = param(call.params, "fields", "FIELDS") as Record<string, unknown> | undefined;
  if (!f || typeof f !== "object") throw fail("Parameter 'fields' must be array.");
  const d = call.portal.data;
  const etid = Number(f.ENTITY_TYPE ? { lead: 1, deal: 2, contact: 3, company: 4 }[String(f.ENTITY_TYPE).toLowerCase()] : f.ENTITY_TYPE_ID);
  const id = Number(f.ENTITY_ID);
  if (!d.crm.has(etid) || !d.crm.get(etid)!.has(id)) throw fail("Entity not found.");
  if (!String(f.COMMENT ?? "").trim()) throw fail("Comment is empty.");
  if (!canReadCrm(call.portal, call.user, etid, id - 1)) throw fail("Access denied.");
  const comment = {
    id: d.timelineComments.length + 1,
    entityTypeId: etid,
    entityId: id,
    authorId: Number(f.AUTHOR_ID ?? call.user.id),
    comment: String(f.COMMENT),
    createdAt: isoFromSeconds(Math.floor(call.now.getTime() / 1000)),
  };
  d.timelineComments.push(comment);
  return { result: comment.id };
}
