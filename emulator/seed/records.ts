/**
 * Fills the columnar tables (tasks, CRM items, activities) of a generated portal.
 * Only numbers are written here; text is derived on read (derive.ts). One sequential PRNG per
 * table keeps the output identical for the same seed whatever the table sizes of the others.
 */
import { ACTIVITY_COLUMNS, CRM_COLUMNS, TASK_COLUMNS, type PortalData } from "../state/portal-data";
import { ENTITY, type CrmCatalog } from "./crm-catalog";
import { Prng } from "./prng";
import { RecordTable } from "./table";

export interface RecordPlan {
  seed: number;
  staffIds: number[];
  heavyUserIds: number[];
  recordsPerHeavyUser: number;
  /** Workgroup IDs tasks may belong to. */
  groupIds: number[];
}

/** Share of a heavy user's records per kind (sums to 1). */
const HEAVY_SHARE = { tasks: 0.3, 1: 0.1, 2: 0.15, 3: 0.1, 4: 0.05, 7: 0.03, 31: 0.03, dynamic: 0.02, activities: 0.2 } as const;
/** Records per staff member besides the heavy users' ones. */
const BASE_PER_USER = { tasks: 4, 1: 1, 2: 1.5, 3: 2, 4: 0.5, 7: 0.2, 31: 0.2, dynamic: 0.2, activities: 3 } as const;

const START = Date.UTC(2022, 0, 1) / 1000;
const SPAN = 3 * 365 * 86400;

function sizes(plan: RecordPlan, key: keyof typeof HEAVY_SHARE): { total: number; heavy: number } {
  const heavy = Math.round(plan.heavyUserIds.length * plan.recordsPerHeavyUser * HEAVY_SHARE[key]);
  return { total: heavy + Math.round(plan.staffIds.length * BASE_PER_USER[key]), heavy };
}

/** Owner of a row: heavy users own the first `heavy` rows' worth, spread through the table. */
function ownerPicker(plan: RecordPlan, rnd: Prng, total: number, heavy: number) {
  const p = total ? heavy / total : 0;
  const h = plan.heavyUserIds;
  const s = plan.staffIds;
  return () => (h.length && rnd.next() < p ? h[rnd.int(h.length)] : s[rnd.int(s.length)]);
}

// Task REAL_STATUS 1 new, 2 pending, 3 in progress, 4 awaiting control, 5 completed, 6 deferred,
// 7 declined: server source modules/tasks/lib/internals/task/status.php (CTasks::STATE_*).
const STATUS_WEIGHTS: Array<[number, number]> = [
  [1, 0.03],
  [2, 0.25],
  [3, 0.2],
  [4, 0.07],
  [5, 0.35],
  [6, 0.05],
  [7, 0.05],
];

function pickWeighted(rnd: Prng, weights: Array<[number, number]>): number {
  let x = rnd.next();
  for (const [v, w] of weights) if ((x -= w) < 0) return v;
  return weights[weights.length - 1][0];
}

export function generateTasks(plan: RecordPlan): RecordTable<(typeof TASK_COLUMNS)[number]> {
  const { total, heavy } = sizes(plan, "tasks");
  const t = new RecordTable(TASK_COLUMNS, total);
  const rnd = new Prng(plan.seed ^ 0x7a5c);
  const owner = ownerPicker(plan, rnd, total, heavy);
  const staff = plan.staffIds;
  const [resp, creator, status, prio, group, created, changed, changedBy, deadline, closed, acc1, aud1] = TASK_COLUMNS.map((c) => t.col(c));
  for (let r = 0; r < total; r++) {
    const o = owner();
    // The owner holds one of the four roles, so every role is met for heavy users too.
    const role = rnd.int(8);
    const other = staff[rnd.int(staff.length)];
    resp[r] = role < 4 ? o : other;
    creator[r] = role === 4 || role === 5 ? o : rnd.chance(0.4) ? resp[r] : staff[rnd.int(staff.length)];
    acc1[r] = role === 6 ? o : rnd.chance(0.25) ? staff[rnd.int(staff.length)] : 0;
    aud1[r] = role === 7 ? o : rnd.chance(0.3) ? staff[rnd.int(staff.length)] : 0;
    status[r] = r < 7 ? r + 1 : pickWeighted(rnd, STATUS_WEIGHTS);
    prio[r] = rnd.int(3);
    group[r] = plan.groupIds.length && rnd.chance(0.3) ? plan.groupIds[rnd.int(plan.groupIds.length)] : 0;
    created[r] = START + rnd.int(SPAN);
    changed[r] = created[r] + rnd.int(30 * 86400);
    changedBy[r] = creator[r];
    deadline[r] = rnd.chance(0.6) ? created[r] + 86400 * (1 + rnd.int(60)) : 0;
    closed[r] = status[r] === 5 ? changed[r] : 0;
  }
  return t;
}

export function generateCrm(plan: RecordPlan, catalog: CrmCatalog): Map<number, RecordTable<(typeof CRM_COLUMNS)[number]>> {
  const out = new Map<number, RecordTable<(typeof CRM_COLUMNS)[number]>>();
  const kinds: Array<[number, keyof typeof HEAVY_SHARE]> = [
    [ENTITY.company, 4],
    [ENTITY.contact, 3],
    [ENTITY.lead, 1],
    [ENTITY.deal, 2],
    [ENTITY.quote, 7],
    [ENTITY.invoice, 31],
    ...catalog.types.map((ty) => [ty.entityTypeId, "dynamic"] as [number, keyof typeof HEAVY_SHARE]),
  ];
  const sizeOf = new Map<number, number>();
  for (const [etid, key] of kinds) {
    const { total, heavy } = sizes(plan, key);
    sizeOf.set(etid, total);
    const t = new RecordTable(CRM_COLUMNS, total);
    const rnd = new Prng(plan.seed ^ (0xc0de + etid * 7919));
    const owner = ownerPicker(plan, rnd, total, heavy);
    const cats = catalog.categories.filter((c) => c.entityTypeId === etid).map((c) => c.id);
    const staff = plan.staffIds;
    const contacts = sizeOf.get(ENTITY.contact) ?? 0;
    const companies = sizeOf.get(ENTITY.company) ?? 0;
    const [assigned, createdBy, updatedBy, created, updated, stage, category, opp, contactId, companyId, opened, source, typeRef, obs1] = CRM_COLUMNS.map((c) =>
      t.col(c),
    );
    for (let r = 0; r < total; r++) {
      assigned[r] = owner();
      createdBy[r] = rnd.chance(0.5) ? assigned[r] : staff[rnd.int(staff.length)];
      updatedBy[r] = createdBy[r];
      created[r] = START + rnd.int(SPAN);
      updated[r] = created[r] + rnd.int(90 * 86400);
      const cat = cats.length ? cats[r < cats.length ? r : rnd.int(cats.length)] : 0;
      category[r] = cat;
      const stages = catalog.stagesOf.get(`${etid}:${cat}`);
      // The first rows walk through every stage so each semantics (open, won, lost) exists.
      stage[r] = stages ? stages[r < stages.length * Math.max(1, cats.length) ? r % stages.length : rnd.int(stages.length)] : -1;
      opp[r] = etid === ENTITY.contact || etid === ENTITY.company ? 0 : 100 * (10 + rnd.int(5000));
      contactId[r] = contacts && etid !== ENTITY.contact && rnd.chance(0.8) ? 1 + rnd.int(contacts) : 0;
      companyId[r] = companies && etid !== ENTITY.company && rnd.chance(0.6) ? 1 + rnd.int(companies) : 0;
      opened[r] = rnd.chance(0.7) ? 1 : 0;
      source[r] = rnd.int(6);
      typeRef[r] = rnd.int(4);
      obs1[r] = rnd.chance(0.2) ? staff[rnd.int(staff.length)] : 0;
    }
    out.set(etid, t);
  }
  return out;
}

/** Activity kinds: index into ACTIVITY_KINDS (derive.ts) — email, call, meeting, to-do, app (configurable). */
const KIND_WEIGHTS: Array<[number, number]> = [
  [0, 0.35],
  [1, 0.25],
  [2, 0.1],
  [3, 0.25],
  [4, 0.05],
];

export function generateActivities(plan: RecordPlan, data: Pick<PortalData, "crm">) {
  const { total, heavy } = sizes(plan, "activities");
  const t = new RecordTable(ACTIVITY_COLUMNS, total);
  const rnd = new Prng(plan.seed ^ 0xac71);
  const owner = ownerPicker(plan, rnd, total, heavy);
  const ownerTypes = [ENTITY.lead, ENTITY.deal, ENTITY.contact, ENTITY.company].filter((e) => (data.crm.get(e)?.length ?? 0) > 0);
  const [resp, author, ownerType, ownerId, kind, completed, direction, created, startT, endT, prio] = ACTIVITY_COLUMNS.map((c) => t.col(c));
  for (let r = 0; r < total; r++) {
    resp[r] = owner();
    author[r] = rnd.chance(0.7) ? resp[r] : plan.staffIds[rnd.int(plan.staffIds.length)];
    const ot = ownerTypes.length ? ownerTypes[rnd.int(ownerTypes.length)] : 0;
    ownerType[r] = ot;
    ownerId[r] = ot ? 1 + rnd.int(data.crm.get(ot)!.length) : 0;
    kind[r] = r < 5 ? r : pickWeighted(rnd, KIND_WEIGHTS);
    completed[r] = r < 5 ? r % 2 : rnd.chance(0.5) ? 1 : 0;
    direction[r] = kind[r] <= 1 ? 1 + rnd.int(2) : 0;
    created[r] = START + rnd.int(SPAN);
    startT[r] = created[r] + rnd.int(10 * 86400);
    endT[r] = startT[r] + 1800;
    prio[r] = 1 + rnd.int(3);
  }
  return t;
}
