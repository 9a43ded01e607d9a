/**
 * The sample thread of the Mail page's preview: what the real sidebar would show on an email
 * between the user, a few contacts of this portal's CRM (the user's own most recently changed,
 * else the portal's), a colleague and someone the portal does not know — looked up exactly as the
 * extension's lookup does (./lookup.ts: one batch), as the signed-in user. Admins weighing the
 * tool and visitors of the demo see it without Gmail. Nothing is stored.
 */
import type { BatchItemResult } from "../bitrix24";
import { ACTIVE_EMPLOYEES, displayName } from "../people";
import type { Session } from "../service-types";
import type { MailDeps } from "./deps";
import { lookupParticipants, type ParticipantResult } from "./lookup";
import { readPipelines, type PipelineCatalogue } from "./pipelines";
import { sessionPortal } from "./session-portal";

/** Someone no portal knows (example.com is reserved for examples, RFC 2606). */
export const PREVIEW_STRANGER = { email: "alex.morgan@example.com", name: "Alex Morgan" };
const CONTACTS = 3;

export interface PreviewParticipant {
  email: string;
  name: string;
  role: "from" | "to" | "cc";
}

export interface MailPreview {
  participants: PreviewParticipant[];
  results: ParticipantResult[];
  pipelines: PipelineCatalogue;
}

type Row = Record<string, unknown>;

const emailOf = (row: Row): string => {
  const list = Array.isArray(row.EMAIL) ? (row.EMAIL as Array<{ VALUE?: unknown }>) : [];
  const value = list.map((e) => (typeof e.VALUE === "string" ? e.VALUE.trim().toLowerCase() : "")).find((v) => v.includes("@"));
  return value ?? (typeof row.EMAIL === "string" && row.EMAIL.includes("@") ? row.EMAIL.trim().toLowerCase() : "");
};

export async function readMailPreview(deps: Pick<MailDeps, "prisma" | "clients">, session: Session): Promise<MailPreview> {
  const portal = await sessionPortal(deps, { portalId: session.portalId });
  const client = await deps.clients.clientFor(session.portalId, { userId: session.userId, portal });
  const select = ["ID", "NAME", "LAST_NAME", "EMAIL"];
  const [own, any, staff] = await client.batch([
    { method: "crm.contact.list", params: { order: { DATE_MODIFY: "DESC" }, filter: { ASSIGNED_BY_ID: session.userId, HAS_EMAIL: "Y" }, select } },
    { method: "crm.contact.list", params: { order: { DATE_MODIFY: "DESC" }, filter: { HAS_EMAIL: "Y" }, select } },
    { method: "user.get", params: { FILTER: ACTIVE_EMPLOYEES } },
  ]);
  const rows = (answer: BatchItemResult | undefined): Row[] => (answer?.ok && Array.isArray(answer.result) ? (answer.result as Row[]) : []);
  const people = new Map<string, PreviewParticipant>();
  for (const c of [...rows(own), ...rows(any)]) {
    const email = emailOf(c);
    if (email && people.size < CONTACTS && !people.has(email)) people.set(email, { email, name: displayName(c), role: people.size ? "cc" : "from" });
  }
  const colleague = rows(staff).find((u) => Number(u.ID) !== session.userId && emailOf(u));
  if (colleague) people.set(emailOf(colleague), { email: emailOf(colleague), name: displayName(colleague), role: "cc" });
  people.set(PREVIEW_STRANGER.email, { ...PREVIEW_STRANGER, role: people.size ? "cc" : "from" });
  const participants = [...people.values()];
  const [results, pipelines] = await Promise.all([
    lookupParticipants(client, portal, { participants: participants.map((p) => ({ email: p.email })) }),
    readPipelines(client),
  ]);
  return { participants, results, pipelines };
}
