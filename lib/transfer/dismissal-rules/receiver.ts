/**
 * Which rule applies to a dismissed employee and who receives their work under it (pure: the
 * portal's departments come from department.get — b24restdocs api-reference/departments/
 * department-get.md: ID, PARENT, UF_HEAD).
 *
 * - The rule: the first of the employee's departments (UF_DEPARTMENT) that has a rule, or whose
 *   nearest parent has one (a rule covers the sub-departments without their own); else the
 *   portal-wide rule (department 0); else none.
 * - "manager": the head of the employee's department; when they head it themselves, the head of the
 *   nearest parent department with another head — the person Bitrix24 shows as their manager.
 * - "head": the head of the rule's department (for the portal-wide rule, of the employee's own),
 *   going up the same way when that head is the employee.
 * - "colleague": the person the rule names.
 * Nobody found (no head anywhere above) answers null: an administrator chooses.
 */

export type RuleTarget = "manager" | "head" | "colleague";

export interface DismissalRuleView {
  /** 0: every department without a rule of its own. */
  departmentId: number;
  target: RuleTarget;
  colleagueId: number | null;
  graceDays: number;
}

export interface DepartmentNode {
  id: number;
  parentId: number | null;
  headUserId: number | null;
}

export function departmentIndex(departments: readonly DepartmentNode[]): Map<number, DepartmentNode> {
  return new Map(departments.map((d) => [d.id, d]));
}

/** The department and its ancestors, nearest first (cycles in bad data stop the walk). */
function upwards(index: Map<number, DepartmentNode>, departmentId: number): DepartmentNode[] {
  const out: DepartmentNode[] = [];
  const seen = new Set<number>();
  for (let d = index.get(departmentId); d && !seen.has(d.id); d = d.parentId ? index.get(d.parentId) : undefined) {
    seen.add(d.id);
    out.push(d);
  }
  return out;
}

/** The rule for an employee in these departments (in UF_DEPARTMENT's order). */
export function ruleFor(
  rules: readonly DismissalRuleView[],
  index: Map<number, DepartmentNode>,
  employeeDepartments: readonly number[],
): DismissalRuleView | null {
  const byDepartment = new Map(rules.map((r) => [r.departmentId, r]));
  for (const start of employeeDepartments) {
    for (const d of upwards(index, start)) {
      const rule = byDepartment.get(d.id);
      if (rule) return rule;
    }
  }
  return byDepartment.get(0) ?? null;
}

/** The first head other than the employee, from this department up. */
function headFrom(index: Map<number, DepartmentNode>, departmentId: number, employeeId: number): number | null {
  for (const d of upwards(index, departmentId)) if (d.headUserId && d.headUserId !== employeeId) return d.headUserId;
  return null;
}

/** Who receives the employee's work under `rule`; null when the structure names nobody. */
export function receiverFor(
  rule: DismissalRuleView,
  index: Map<number, DepartmentNode>,
  employeeId: number,
  employeeDepartments: readonly number[],
): number | null {
  if (rule.target === "colleague") return rule.colleagueId && rule.colleagueId !== employeeId ? rule.colleagueId : null;
  const own = employeeDepartments[0];
  if (rule.target === "head" && rule.departmentId !== 0) return headFrom(index, rule.departmentId, employeeId);
  return own === undefined ? null : headFrom(index, own, employeeId);
}
