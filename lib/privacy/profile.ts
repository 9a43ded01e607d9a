/**
 * A portal user's profile as the export shows it: every field `user.get` returns for them
 * (standard and custom UF_* fields, b24restdocs api-reference/user/user-get.md), labelled with
 * `user.fields`; custom fields the portal defines (`user.userfield.list`,
 * api-reference/user/userfields/user-userfield-list.md) are listed even when empty; the
 * departments they belong to or head (`department.get`) and their manager — the head of their
 * department, or of the parent department when they head it themselves (how Bitrix24's company
 * structure defines a manager).
 */
import type { Bitrix24Client } from "../bitrix24";
import { departmentIdsOf, readDepartments, userNames } from "../people";

export interface Profile {
  user: Record<string, unknown>;
  /** Each field as the portal names it, in the reader's language where the portal has one; never a UF_ code. */
  labels: Record<string, string>;
  /** FIELD_NAMEs of the portal's custom user fields. */
  customFields: string[];
  /** USER_TYPE_ID of each custom field (date, datetime, boolean, …), to show its value in words. */
  customTypes: Record<string, string>;
  departments: Array<{ department_id: number; department_name: string; is_head: boolean }>;
  managers: Array<{ department_id: number; manager_user_id: number; manager_name: string }>;
}

export type ProfileClient = Pick<Bitrix24Client, "call" | "batch" | "listAll">;

export class SubjectNotFoundError extends Error {
  constructor(readonly userId: number) {
    super(`Portal user ${userId} does not exist`);
    this.name = "SubjectNotFoundError";
  }
}

/** The user's record from user.get, or null when the portal has no such user. */
export async function readUser(client: Pick<Bitrix24Client, "call">, userId: number): Promise<Record<string, unknown> | null> {
  // USER_TYPE is not filtered: the export and the anonymisation concern any kind of account.
  const { result } = await client.call<Record<string, unknown>[]>("user.get", { FILTER: { ID: userId } });
  return Array.isArray(result) && result.length > 0 ? result[0] : null;
}

/**
 * A custom field's label: user.userfield.list answers EDIT_FORM_LABEL as one string, or per
 * language ({ en, ru, de }); the portal's default label is the code itself, which is no name.
 */
function labelIn(value: unknown, lang: string, code: string): string | undefined {
  const byLang = value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  const label = typeof value === "string" ? value : (byLang?.[lang] ?? byLang?.en ?? Object.values(byLang ?? {})[0]);
  return typeof label === "string" && label.trim() && label.trim() !== code ? label.trim() : undefined;
}

/** A field with no name in the portal, in words from its code: UF_USR_SHOE_SIZE → "Shoe size". */
export function nameFromCode(code: string): string {
  const words = code
    .replace(/^UF_(USR_)?/, "")
    .replace(/_/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : code;
}

export async function readProfile(client: ProfileClient, userId: number, lang = "en"): Promise<Profile> {
  const [userAnswer, fieldsAnswer, customAnswer] = await client.batch([
    { method: "user.get", params: { FILTER: { ID: userId } } },
    { method: "user.fields" },
    { method: "user.userfield.list", params: { filter: { ENTITY_ID: "USER" } } },
  ]);
  if (!userAnswer.ok) throw userAnswer.error;
  const users = userAnswer.result as Record<string, unknown>[];
  if (!Array.isArray(users) || users.length === 0) throw new SubjectNotFoundError(userId);
  const user = users[0];
  const labels: Record<string, string> = {
    ...(fieldsAnswer.ok && fieldsAnswer.result && typeof fieldsAnswer.result === "object" ? (fieldsAnswer.result as Record<string, string>) : {}),
  };
  const defs = (customAnswer.ok && Array.isArray(customAnswer.result) ? customAnswer.result : []) as Array<Record<string, unknown>>;
  const customFields: string[] = [];
  const customTypes: Record<string, string> = {};
  for (const def of defs) {
    const name = String(def.FIELD_NAME ?? "");
    if (!name.startsWith("UF_")) continue;
    customFields.push(name);
    customTypes[name] = String(def.USER_TYPE_ID ?? "");
    const label = labelIn(def.EDIT_FORM_LABEL, lang, name);
    if (label) labels[name] = label;
  }
  // A UF_ field nobody named (user.fields answers the code): named from its code in words.
  for (const [field, label] of Object.entries(labels)) if (field.startsWith("UF_") && (!label || label === field)) labels[field] = nameFromCode(field);

  const all = await readDepartments(client);
  const byId = new Map(all.map((d) => [d.id, d]));
  const memberOf = departmentIdsOf(user);
  const heads = all.filter((d) => d.headId === userId).map((d) => d.id);
  const deptIds = [...new Set([...memberOf, ...heads])];
  const departments = deptIds.map((id) => ({ department_id: id, department_name: byId.get(id)?.name ?? "", is_head: heads.includes(id) }));

  const managerOf = new Map<number, number>();
  for (const id of memberOf) {
    let d = byId.get(id);
    const seen = new Set<number>();
    while (d && !seen.has(d.id)) {
      seen.add(d.id);
      if (d.headId > 0 && d.headId !== userId) {
        managerOf.set(id, d.headId);
        break;
      }
      d = d.parentId ? byId.get(d.parentId) : undefined;
    }
  }
  const names = await userNames(client, [...new Set(managerOf.values())]);
  const managers = [...managerOf].map(([department_id, manager_user_id]) => ({
    department_id,
    manager_user_id,
    manager_name: names.get(manager_user_id) ?? "",
  }));
  return { user, labels, customFields, customTypes, departments, managers };
}

/** The profile as label/value rows: every field user.get returned plus custom fields it left out. */
export function profileRows(profile: Profile): Array<{ field: string; label: string; value: unknown }> {
  const fields = [...Object.keys(profile.user)];
  for (const f of profile.customFields) if (!fields.includes(f)) fields.push(f);
  return fields.map((field) => ({ field, label: profile.labels[field] ?? nameFromCode(field), value: profile.user[field] ?? "" }));
}
