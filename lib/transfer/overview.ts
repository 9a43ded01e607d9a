/**
 * A person's work at a glance (the leaver's overview): who they are, what they hold per type and
 * role, open and in all, and the newest few open records of each — in two requests whatever they
 * hold. The first is one `batch` of the portal's smart-process types (the catalogue), the person
 * and the names of their departments (department.get `ID` taking the person's UF_DEPARTMENT list
 * through a batch reference: b24restdocs settings/how-to-call-rest-api/batch.md, the server's
 * rest_util.php processBatchElement passes a whole-value reference on as the list it is). The
 * second is lib/ownership's counts, each open count keeping the newest records it lists.
 */
import { countOwned, loadCatalogue, SMART_PROCESS_TYPES_COMMAND, type CountResult, type OwnershipClient, type SmartProcessType } from "../ownership";
import { personView, type PersonView, type RawUser } from "./people";

export interface LeaverOverview {
  person: PersonView | null;
  smartProcesses: SmartProcessType[];
  /** Roles with records only. `newestOpen`: a few of the open ones, newest first. */
  counts: CountResult[];
}

/** How many of the newest open records of each type and role the overview links to. */
export const OVERVIEW_SAMPLE = 5;

export async function leaverOverview(client: OwnershipClient, userId: number): Promise<LeaverOverview> {
  const [types, users, departments] = await client.batch([
    SMART_PROCESS_TYPES_COMMAND,
    { method: "user.get", params: { FILTER: { ID: userId } } },
    { method: "department.get", params: { ID: "$result[c1][0][UF_DEPARTMENT]" } },
  ]);
  if (!users.ok) throw users.error;
  const raw = (Array.isArray(users.result) ? users.result : []) as RawUser[];
  if (raw.length === 0) return { person: null, smartProcesses: [], counts: [] };
  const names = new Map<number, string>();
  const rows = departments.ok && Array.isArray(departments.result) ? (departments.result as Array<{ ID?: unknown; NAME?: unknown }>) : [];
  for (const d of rows) names.set(Number(d.ID), String(d.NAME ?? ""));
  const { roles, smartProcesses } = await loadCatalogue(client, types);
  const counts = (await countOwned(client, roles, userId, {}, { sample: OVERVIEW_SAMPLE, maxWaitMs: 0 })).filter((c) => c.total > 0);
  return { person: personView(raw[0], names), smartProcesses, counts };
}
