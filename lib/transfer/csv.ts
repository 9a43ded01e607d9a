/** The dry run's CSV: one line per record the transfer would move (IDs only). */
import type { Assignment } from "./assign";

export function planCsv(fromUserId: number, assignments: readonly Assignment[]): string {
  const lines = ["type,role,record_id,from_user_id,to_user_id,open"];
  for (const a of assignments) lines.push([a.type, a.role, a.record.id, fromUserId, a.to, a.record.open ? "Y" : "N"].join(","));
  return lines.join("\r\n") + "\r\n";
}
