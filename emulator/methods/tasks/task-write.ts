/**
 * Applies tasks.task.add / update `fields` to a row. Errors as b24restdocs
 * api-reference/tasks/tasks-task-update.md lists them (ERROR_CORE with a trailing <br>).
 */
import { RestError, type MethodCall } from "../../rest/method-registry";
import { secondsFromIso } from "../../seed/table";

const core = (msg: string) => new RestError("ERROR_CORE", `${msg}<br>`, 400);

function userIds(call: MethodCall, value: unknown): number[] {
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : value === "" || value == null ? [] : [value];
  const ids = [...new Set(list.map(Number).filter((n) => Number.isInteger(n) && n > 0))];
  for (const id of ids) if (!call.portal.users.has(id)) throw core("User not found");
  return ids;
}

export function applyTaskFields(call: MethodCall, row: number, fields: Record<string, unknown>): void {
  const t = call.portal.data.tasks;
  const writes: Array<() => void> = [];
  for (const [key, value] of Object.entries(fields)) {
    switch (key.toUpperCase()) {
      case "TITLE":
        if (!String(value ?? "").trim()) throw core("Task title is not specified");
        writes.push(() => t.setOverride(row, "title", String(value)));
        break;
      case "DESCRIPTION":
        writes.push(() => t.setOverride(row, "description", String(value ?? "")));
        break;
      case "RESPONSIBLE_ID": {
        const id = Number(value);
        if (!call.portal.users.has(id)) throw core('The user specified in the "Responsible" field was not found');
        writes.push(() => t.setInt("responsibleId", row, id));
        break;
      }
      case "CREATED_BY": {
        const id = Number(value);
        if (!call.portal.users.has(id)) throw core("User not found");
        writes.push(() => t.setInt("createdBy", row, id));
        break;
      }
      case "ACCOMPLICES": {
        const ids = userIds(call, value);
        writes.push(() => t.setOverride(row, "accomplices", ids));
        break;
      }
      case "AUDITORS": {
        const ids = userIds(call, value);
        writes.push(() => t.setOverride(row, "auditors", ids));
        break;
      }
      case "STATUS": {
        const s = Number(value);
        if (!(s >= 1 && s <= 7)) throw core("Invalid status");
        writes.push(() => {
          t.setInt("status", row, s);
          t.setInt("closedAt", row, s === 5 ? Math.floor(call.now.getTime() / 1000) : 0);
        });
        break;
      }
      case "PRIORITY":
        writes.push(() => t.setInt("priority", row, Math.max(0, Math.min(2, Number(value) || 0))));
        break;
      case "GROUP_ID":
        writes.push(() => t.setInt("groupId", row, Number(value) || 0));
        break;
      case "UF_CRM_TASK": {
        // A list of "{type prefix}_{id}" bindings (fields.md: D_ deal, L_ lead, C_ contact, CO_ company,
        // T{hex entityTypeId}_ smart process); the whole list replaces the task's bindings.
        const list = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : value ? [value] : [];
        const links = [...new Set(list.map(String).filter((v) => /^[A-Z][A-Za-z0-9]*_\d+$/.test(v)))];
        writes.push(() => t.setOverride(row, "ufCrmTask", links));
        break;
      }
      case "DEADLINE": {
        const s = value ? secondsFromIso(String(value)) : 0;
        writes.push(() => t.setInt("deadline", row, s ?? 0));
        break;
      }
      default:
        break; // other fields are accepted and not kept by the emulator
    }
  }
  // Validation passed for every field: write them all (no partial updates).
  for (const w of writes) w();
  t.setInt("changedBy", row, call.user.id);
  t.setInt("changedAt", row, Math.floor(call.now.getTime() / 1000));
}
