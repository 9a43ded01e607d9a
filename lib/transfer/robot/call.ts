/**
 * A robot call as the portal posts it (form-encoded; modules/bizproc/activities/bitrix/
 * restactivity/restactivity.php Execute(), b24restdocs api-reference/bizproc/bizproc-robot/
 * bizproc-robot-add.md): `workflow_id`, `code`, `document_id[0..2]` (['crm', 'CCrmDocumentDeal',
 * 'DEAL_12'] or the lead's), `event_token`, `properties[…]` and `auth[…]` (member_id,
 * application_token, domain, user_id and that user's access token, no refresh token). Parsed strictly: anything else is not a
 * call of our robot and is refused before any lookup.
 */
import { z } from "zod";
import { ValidationError } from "../../errors";
import { ROBOT_CODE, ROBOT_KINDS, type RobotKind } from "./definition";

/** A robot call is a few fields and our five properties: 64 KB is far more than one needs. */
export const ROBOT_CALL_MAX_BYTES = 64 * 1024;

export interface RobotOptions extends Record<RobotKind, boolean> {
  /** Move closed activities and tasks too (open ones only otherwise). */
  includeClosed: boolean;
}

export interface RobotCall {
  /** Who the portal says is calling (checked against it before anything runs: lib/lifecycle acceptAppCall). */
  auth: { memberId: string; applicationToken: string; accessToken: string; userId: number; domain: string };
  workflowId: string;
  eventToken: string;
  /** 2 for a deal, 1 for a lead. */
  entityTypeId: 1 | 2;
  recordId: number;
  options: RobotOptions;
}

const DOCUMENTS: Record<string, { entityTypeId: 1 | 2; prefix: string }> = {
  CCrmDocumentDeal: { entityTypeId: 2, prefix: "DEAL_" },
  CCrmDocumentLead: { entityTypeId: 1, prefix: "LEAD_" },
};

const text = (max: number) => z.string().min(1).max(max);
const formSchema = z.object({
  workflow_id: text(64),
  code: z.literal(ROBOT_CODE),
  "document_id[0]": z.literal("crm"),
  "document_id[1]": z.enum(["CCrmDocumentDeal", "CCrmDocumentLead"]),
  "document_id[2]": z.string().regex(/^(DEAL|LEAD)_\d{1,10}$/),
  event_token: text(512),
  "auth[member_id]": z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  "auth[application_token]": text(128),
  "auth[access_token]": text(256),
  "auth[user_id]": z.string().regex(/^\d{1,10}$/),
  "auth[domain]": text(253),
});

/** A Y/N property as the portal sends it; absent means the registered default. */
function flag(fields: Map<string, string>, key: string, fallback: boolean): boolean {
  const v = fields.get(`properties[${key}]`);
  return v === undefined || v === "" ? fallback : v === "Y" || v === "1" || v.toLowerCase() === "true";
}

export function parseRobotCall(entries: Iterable<[string, string]>): RobotCall {
  const fields = new Map(entries);
  const parsed = formSchema.safeParse(Object.fromEntries(fields));
  if (!parsed.success) throw new ValidationError("Not a call of the StaffSuite robot");
  const f = parsed.data;
  const document = DOCUMENTS[f["document_id[1]"]];
  if (!f["document_id[2]"].startsWith(document.prefix)) throw new ValidationError("The document ID does not match its type");
  const options = {
    ...(Object.fromEntries(ROBOT_KINDS.map((k) => [k, flag(fields, k, true)])) as Record<RobotKind, boolean>),
    includeClosed: flag(fields, "includeClosed", false),
  };
  return {
    auth: {
      memberId: f["auth[member_id]"],
      applicationToken: f["auth[application_token]"],
      accessToken: f["auth[access_token]"],
      userId: Number(f["auth[user_id]"]),
      domain: f["auth[domain]"],
    },
    workflowId: f.workflow_id,
    eventToken: f.event_token,
    entityTypeId: document.entityTypeId,
    recordId: Number(f["document_id[2]"].slice(document.prefix.length)),
    options,
  };
}
