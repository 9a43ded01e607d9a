/**
 * "Log email": on the user's click only, the sidebar sends what the user sees of one message and
 * we create an e-mail activity (`crm.activity.add`, TYPE_ID 4) bound to the chosen record
 * (api-reference/crm/timeline/activities/activity-base/crm-activity-add.md: OWNER_TYPE_ID /
 * OWNER_ID, COMMUNICATIONS with VALUE + ENTITY_TYPE_ID + ENTITY_ID, DIRECTION 1 incoming /
 * 2 outgoing, DESCRIPTION_TYPE 1 plain text).
 *
 * An outgoing e-mail activity that is COMPLETED=Y is *sent* by the portal (b24restdocs
 * tutorials on sending e-mail from CRM: TYPE_ID 4 + DIRECTION 2 + COMPLETED Y start the sending);
 * the method's page says to add it with COMPLETED=N and then mark it completed with an update.
 * We do exactly that, in the same batch (the update refers to `$result[c0]`), so logging never
 * mails the client.
 *
 * Nothing of the e-mail is kept: only HMAC(secret, portal, Message-ID) so the same message is
 * not logged twice, and the activity it became (for the "already logged" link).
 */
import { createHmac } from "node:crypto";
import { z } from "zod";
import { Bitrix24Error, type BatchCommand, type Bitrix24Client } from "../bitrix24";
import { CRM_TYPES, crmTypeKey } from "../ownership";
import type { MailDeps } from "./deps";
import { RecordGoneError } from "./errors";
import { portalBaseUrl } from "../portal-address";
import { crmLink, type CrmKind } from "./portal-links";

const address = z.object({ email: z.string().trim().toLowerCase().email().max(254), name: z.string().trim().max(200).default("") });

export const logEmailSchema = z.object({
  /**
   * The message's RFC 5322 `Message-ID` (§3.6.4: `<id-left@id-right>`), read from the message's
   * source: the same in every mailbox, so the portal logs an email once however many colleagues
   * received it. Gmail's own ids differ per mailbox and are refused.
   */
  messageId: z
    .string()
    .trim()
    .max(998)
    .regex(/^<[^<>\s]+@[^<>\s]+>$/, "the message's Message-ID header, <id-left@id-right>"),
  subject: z.string().max(998).default(""),
  from: address,
  to: z.array(address).max(100).default([]),
  cc: z.array(address).max(100).default([]),
  date: z.string().datetime({ offset: true }),
  body: z.string().max(100_000).default(""),
  direction: z.enum(["incoming", "outgoing"]),
  target: z.object({ kind: z.enum(["contact", "lead", "company", "deal"]), id: z.number().int().positive() }),
  /** The person the e-mail was exchanged with, as a CRM record (for a deal: its contact). */
  communication: z.object({
    kind: z.enum(["contact", "lead", "company"]),
    id: z.number().int().positive(),
    email: z.string().trim().toLowerCase().email().max(254),
  }),
});
export type LogEmailInput = z.infer<typeof logEmailSchema>;

export function messageIdHash(secret: string, portalId: string, messageId: string): string {
  return createHmac("sha256", secret).update(`mail-message:${portalId}\n${messageId}`).digest("hex");
}

const line = (label: string, list: Array<{ email: string; name: string }>) =>
  list.length ? `${label}: ${list.map((a) => (a.name ? `${a.name} <${a.email}>` : a.email)).join(", ")}\n` : "";

/** Whether this message was logged in the portal already (and where). */
export async function findLogged(deps: Pick<MailDeps, "prisma" | "secret">, portal: { id: string; protocol: string; domain: string }, messageId: string) {
  const row = await deps.prisma.mailLoggedEmail.findUnique({
    where: { portalId_messageIdHash: { portalId: portal.id, messageIdHash: messageIdHash(deps.secret, portal.id, messageId) } },
  });
  if (!row || row.activityId === 0) return null;
  const kind = crmTypeKey(row.ownerTypeId) as CrmKind;
  return { link: crmLink(portalBaseUrl(portal), kind, row.ownerId), loggedAt: row.createdAt, activityId: row.activityId };
}

export async function logEmail(
  deps: Pick<MailDeps, "prisma" | "secret">,
  client: Bitrix24Client,
  portal: { id: string; protocol: string; domain: string },
  userId: number,
  input: LogEmailInput,
): Promise<{ logged: { activityId: number; link: string } } | { alreadyLogged: { link: string; loggedAt: string } }> {
  const hash = messageIdHash(deps.secret, portal.id, input.messageId);
  const ownerTypeId = CRM_TYPES[input.target.kind];
  const link = crmLink(portalBaseUrl(portal), input.target.kind, input.target.id);
  // Reserve first: two clicks (or two tabs) cannot both create an activity.
  try {
    await deps.prisma.mailLoggedEmail.create({
      data: { portalId: portal.id, messageIdHash: hash, activityId: 0, ownerTypeId, ownerId: input.target.id, userId },
    });
  } catch {
    const existing = await findLogged(deps, portal, input.messageId);
    return { alreadyLogged: { link: existing?.link ?? link, loggedAt: (existing?.loggedAt ?? new Date()).toISOString() } };
  }
  try {
    const outgoing = input.direction === "outgoing";
    // Which message this is: its headers as the user saw them, and its Message-ID (the key of "already logged").
    const description = `${line("From", [input.from])}${line("To", input.to)}${line("Cc", input.cc)}Date: ${input.date}\nMessage-ID: ${input.messageId}\n\n${input.body}`;
    const fields = {
      TYPE_ID: 4,
      OWNER_TYPE_ID: ownerTypeId,
      OWNER_ID: input.target.id,
      SUBJECT: input.subject.trim() || "(no subject)",
      DESCRIPTION: description,
      DESCRIPTION_TYPE: 1,
      DIRECTION: outgoing ? 2 : 1,
      COMPLETED: outgoing ? "N" : "Y",
      START_TIME: input.date,
      END_TIME: input.date,
      RESPONSIBLE_ID: userId,
      COMMUNICATIONS: [{ VALUE: input.communication.email, ENTITY_TYPE_ID: CRM_TYPES[input.communication.kind], ENTITY_ID: input.communication.id }],
    };
    // The record and the person first, in the same batch (halt: nothing is added when either is
    // gone): a record deleted or merged since the lookup is told as such, not as a portal error.
    const exists = (kind: CrmKind, id: number) => ({ method: `crm.${kind}.get`, params: { id } });
    const checks = [exists(input.target.kind, input.target.id)];
    if (input.communication.kind !== input.target.kind || input.communication.id !== input.target.id)
      checks.push(exists(input.communication.kind, input.communication.id));
    const add = `c${checks.length}`;
    const commands: BatchCommand[] = [...checks, { method: "crm.activity.add", params: { fields } }];
    if (outgoing) commands.push({ method: "crm.activity.update", params: { id: `$result[${add}]`, fields: { COMPLETED: "Y" } } });
    const answers = await client.batch(commands, { halt: true });
    checks.forEach((check, i) => {
      const answer = answers[i];
      if (answer.ok) return;
      // Access and limits keep their own meaning; any other refusal of a plain get is "not there".
      if (answer.error.constructor === Bitrix24Error) throw new RecordGoneError(check.method.split(".")[1]);
      throw answer.error;
    });
    const [added, completed] = answers.slice(checks.length);
    if (!added.ok) throw added.error;
    if (completed && !completed.ok) throw completed.error;
    const activityId = Number(added.result);
    if (!(activityId > 0)) throw new Bitrix24Error("BAD_RESPONSE", "no ID of the new activity", 200, "crm.activity.add");
    await deps.prisma.mailLoggedEmail.update({ where: { portalId_messageIdHash: { portalId: portal.id, messageIdHash: hash } }, data: { activityId } });
    return { logged: { activityId, link } };
  } catch (error) {
    await deps.prisma.mailLoggedEmail.delete({ where: { portalId_messageIdHash: { portalId: portal.id, messageIdHash: hash } } }).catch(() => undefined);
    throw error;
  }
}
