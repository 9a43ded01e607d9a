/**
 * What a list method can filter and order by: a view maps each field name to how a row's value
 * is read (query.ts runs the list over it). Field names are matched loosely (case and underscores
 * ignored), so one view serves both the UPPER_CASE methods and the camelCase ones:
 * `ASSIGNED_BY_ID` and `assignedById` are one field.
 */

export type FieldKind = "int" | "float" | "string" | "date" | "flag" | "list" | "texts";

export interface FieldDef {
  kind: FieldKind;
  /** The raw value of a row: number (int, float, date = unix seconds, 0 = none), string, "Y"/"N", number[]. */
  get(row: number): unknown;
  /** When the field is a plain column, the column itself (fast filters). */
  column?: Int32Array;
}

export type View = Map<string, FieldDef>;

export const normKey = (name: string) => name.replace(/_/g, "").toLowerCase();

export function makeView(fields: Record<string, FieldDef>): View {
  const v: View = new Map();
  for (const [k, def] of Object.entries(fields)) v.set(normKey(k), def);
  return v;
}
