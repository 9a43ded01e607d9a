/**
 * Creating a contact, lead or deal from the sidebar, as the session's user (their CRM rights
 * apply). Before a contact or lead is created we look for likely duplicates in one batch — the
 * same e-mail or phone (`crm.duplicate.findbycomm`), a similar name (`%LAST_NAME` / `%NAME` filters of
 * crm.contact.list / crm.lead.list, api-reference/crm/contacts/crm-contact-list.md) and a company
 * whose title holds the e-mail's domain name — and, unless the user already chose to go ahead
 * (`force`), answer with them instead of creating. Multi-field e-mails use the documented
 * `[{VALUE, VALUE_TYPE}]` shape (api-reference/crm/data-types.md, crm_multifield).
 */
import { z } from "zod";
import { Bitrix24Error, type BatchCommand, type Bitrix24Client } from "../bitrix24";
import { displayName } from "../people";
import { portalBaseUrl } from "../portal-address";
import { crmLink, type CrmKind } from "./portal-links";

const name = z.string().trim().max(100);
const email = z.string().trim().toLowerCase().email().max(254);
/** Typed by the user (Gmail shows no phone numbers): digits and the usual separators. */
const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+()\d\s./-]*$/, "Only digits, spaces and + ( ) . - /")
  .default("");
const digits = (v: string) => v.replace(/\D/g, "");

export const createContactSchema = z.object({
  kind: z.literal("contact"),
  email,
  name: name.default(""),
  lastName: name.default(""),
  phone,
  force: z.boolean().default(false),
});
export const createLeadSchema = z.object({
  kind: z.literal("lead"),
  email,
  name: name.default(""),
  lastName: name.default(""),
  phone,
  title: z.string().trim().min(1).max(255),
  force: z.boolean().default(false),
});
export const createDealSchema = z.object({
  kind: z.literal("deal"),
  title: z.string().trim().min(1).max(255),
  contactId: z.number().int().positive(),
  categoryId: z.number().int().min(0),
  stageId: z.string().trim().min(1).max(50),
  force: z.boolean().default(false),
});
export const createSchema = z.discriminatedUnion("kind", [createContactSchema, createLeadSchema, createDealSchema]);
export type CreateInput = z.infer<typeof createSchema>;

export interface Duplicate {
  kind: CrmKind;
  id: number;
  title: string;
  reason: "email" | "phone" | "name" | "company_domain" | "open_deal";
  url: string;
}

/** Mail providers whose domain says nothing about the person's company. */
const PUBLIC_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "icloud.com",
  "mail.ru",
  "yandex.ru",
  "gmx.de",
  "gmx.net",
  "web.de",
  "proton.me",
  "protonmail.com",
  "aol.com",
]);

type Row = Record<string, unknown>;
const list = (r: { ok: boolean; result?: unknown }) => (r.ok && Array.isArray(r.result) ? (r.result as Row[]) : []);
const person = (r: Row) => displayName(r) || String(r.TITLE ?? "");

async function findDuplicates(
  client: Bitrix24Client,
  base: string,
  input: z.infer<typeof createContactSchema> | z.infer<typeof createLeadSchema>,
): Promise<Duplicate[]> {
  const commands: BatchCommand[] = [{ method: "crm.duplicate.findbycomm", params: { type: "EMAIL", values: [input.email] } }];
  // Same phone: findbycomm compares digits (crm-duplicate-find-by-comm.md); too short says nothing.
  const byPhone = digits(input.phone).length >= 6;
  if (byPhone) commands.push({ method: "crm.duplicate.findbycomm", params: { type: "PHONE", values: [input.phone] } });
  const byName = input.lastName.length >= 2;
  if (byName) {
    const filter = { "%LAST_NAME": input.lastName, ...(input.name ? { "%NAME": input.name } : {}) };
    commands.push({ method: "crm.contact.list", params: { filter, select: ["ID", "NAME", "LAST_NAME"] } });
    commands.push({ method: "crm.lead.list", params: { filter, select: ["ID", "NAME", "LAST_NAME", "TITLE"] } });
  }
  const domain = input.email.split("@")[1] ?? "";
  const stem = domain.split(".").slice(-2, -1)[0] ?? "";
  const byDomain = !PUBLIC_DOMAINS.has(domain) && stem.length >= 3;
  if (byDomain) commands.push({ method: "crm.company.list", params: { filter: { "%TITLE": stem }, select: ["ID", "TITLE"] } });
  const answers = await client.batch(commands);
  const out: Duplicate[] = [];
  const seen = new Set<string>();
  const add = (d: Duplicate) => {
    if (seen.has(`${d.kind}:${d.id}`) || out.length >= 10) return;
    seen.add(`${d.kind}:${d.id}`);
    out.push(d);
  };
  const byComm = (answer: (typeof answers)[number], title: string, reason: "email" | "phone") => {
    const found = answer.ok && answer.result && typeof answer.result === "object" ? (answer.result as Record<string, unknown>) : {};
    for (const [type, kind] of [
      ["CONTACT", "contact"],
      ["LEAD", "lead"],
      ["COMPANY", "company"],
    ] as const) {
      for (const id of (Array.isArray(found[type]) ? found[type] : []) as unknown[])
        add({ kind, id: Number(id), title, reason, url: crmLink(base, kind, Number(id)) });
    }
  };
  byComm(answers[0], input.email, "email");
  let i = 1;
  if (byPhone) byComm(answers[i++], input.phone, "phone");
  if (byName) {
    for (const r of list(answers[i++]))
      add({ kind: "contact", id: Number(r.ID), title: person(r), reason: "name", url: crmLink(base, "contact", Number(r.ID)) });
    for (const r of list(answers[i++])) add({ kind: "lead", id: Number(r.ID), title: person(r), reason: "name", url: crmLink(base, "lead", Number(r.ID)) });
  }
  if (byDomain)
    for (const r of list(answers[i++]))
      add({ kind: "company", id: Number(r.ID), title: String(r.TITLE ?? ""), reason: "company_domain", url: crmLink(base, "company", Number(r.ID)) });
  return out;
}

export type CreateOutcome = { created: { kind: CrmKind; id: number; url: string } } | { duplicates: Duplicate[] };

/** Creates the record — unless, not forced, likely duplicates exist: then it answers them and creates nothing. */
export async function createRecord(
  client: Bitrix24Client,
  portal: { protocol: string; domain: string },
  userId: number,
  input: CreateInput,
): Promise<CreateOutcome> {
  const base = portalBaseUrl(portal);
  if (input.kind === "deal") {
    if (!input.force) {
      const open = await client.call<Row[]>("crm.deal.list", {
        filter: { CONTACT_ID: input.contactId, CATEGORY_ID: input.categoryId, CLOSED: "N" },
        select: ["ID", "TITLE"],
      });
      const dups = open.result.slice(0, 10).map((r): Duplicate => ({
        kind: "deal",
        id: Number(r.ID),
        title: String(r.TITLE ?? ""),
        reason: "open_deal",
        url: crmLink(base, "deal", Number(r.ID)),
      }));
      if (dups.length) return { duplicates: dups };
    }
    const { result } = await client.call<number>("crm.deal.add", {
      fields: { TITLE: input.title, CATEGORY_ID: input.categoryId, STAGE_ID: input.stageId, CONTACT_ID: input.contactId, ASSIGNED_BY_ID: userId, OPENED: "Y" },
    });
    return { created: { kind: "deal", id: Number(result), url: crmLink(base, "deal", Number(result)) } };
  }
  if (!input.force) {
    const dups = await findDuplicates(client, base, input);
    if (dups.length) return { duplicates: dups };
  }
  const common = {
    NAME: input.name,
    LAST_NAME: input.lastName,
    EMAIL: [{ VALUE: input.email, VALUE_TYPE: "WORK" }],
    ...(input.phone ? { PHONE: [{ VALUE: input.phone, VALUE_TYPE: "WORK" }] } : {}),
    ASSIGNED_BY_ID: userId,
    OPENED: "Y",
    SOURCE_ID: "EMAIL",
  };
  const method = input.kind === "contact" ? "crm.contact.add" : "crm.lead.add";
  const fields = input.kind === "lead" ? { ...common, TITLE: input.title } : common;
  const { result } = await client.call<number>(method, { fields });
  const id = Number(result);
  if (!(id > 0)) throw new Bitrix24Error("BAD_RESPONSE", "no ID of the new record", 200, method);
  return { created: { kind: input.kind, id, url: crmLink(base, input.kind, id) } };
}
