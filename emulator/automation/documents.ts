/**
 * The bizproc documents CRM robots run on, as the robot's handler receives them
 * (b24restdocs api-reference/bizproc/bizproc-robot/bizproc-robot-add.md, DOCUMENT_TYPE;
 * restactivity.php sends `document_id` and `document_type` as three-element lists): leads are
 * ['crm', 'CCrmDocumentLead', 'LEAD'] with IDs 'LEAD_{id}', deals ['crm', 'CCrmDocumentDeal',
 * 'DEAL'] with 'DEAL_{id}'. The emulator runs robots on leads and deals only (the stages the
 * issue's robot is placed on); quotes, smart invoices and smart processes have none.
 */
import type { RobotRegistration } from "../state/automation";

const DOCUMENTS: Record<number, [string, string, string]> = {
  1: ["crm", "CCrmDocumentLead", "LEAD"],
  2: ["crm", "CCrmDocumentDeal", "DEAL"],
};

/** Entity types whose stages can hold robots. */
export const ROBOT_ENTITY_TYPES = [2, 1] as const;

export function documentType(entityTypeId: number): [string, string, string] | null {
  return DOCUMENTS[entityTypeId] ?? null;
}

export function documentId(entityTypeId: number, id: number): [string, string, string] | null {
  const type = documentType(entityTypeId);
  return type ? [type[0], type[1], `${type[2]}_${id}`] : null;
}

/** One FILTER rule (bizproc-robot-add.md): "b24" / "box", or a full or partial document type. */
function ruleMatches(rule: unknown, type: readonly string[]): boolean {
  if (typeof rule === "string") return rule.toLowerCase() === "b24"; // the emulator is a cloud portal
  const parts = Array.isArray(rule) ? rule : rule && typeof rule === "object" ? Object.values(rule) : [];
  return parts.length > 0 && parts.every((p, i) => String(p) === type[i]);
}

/** Whether the robot is offered on this entity type's stages: FILTER's INCLUDE (if any) lets it in, EXCLUDE keeps it out. */
export function robotOffered(robot: Pick<RobotRegistration, "filter">, entityTypeId: number): boolean {
  const type = documentType(entityTypeId);
  if (!type) return false;
  const list = (v: unknown) => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : []);
  const include = list(robot.filter?.INCLUDE);
  if (include.length && !include.some((r) => ruleMatches(r, type))) return false;
  return !list(robot.filter?.EXCLUDE).some((r) => ruleMatches(r, type));
}

/**
 * A name or description in a language: a plain string as it is, a localized one by the upper-cased
 * language code, then EN, then its first value (RestActivityTable::getLocalization).
 */
export function localized(value: string | Record<string, string> | undefined, lang: string): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return value[lang.toUpperCase()] ?? value.EN ?? Object.values(value)[0] ?? "";
}
