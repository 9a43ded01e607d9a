/**
 * The organisation of a generated portal: a department tree with heads, and the users.
 * User 1 is the portal's administrator; a few more users are admins, some are dismissed
 * (`active=false`, as user.get reports them), a few are extranet users without a department.
 */
import type { Department, PortalUser } from "../state/types";
import { asciiSlug, NAME_SETS, POSITIONS } from "./names";
import { Prng } from "./prng";

const DEPARTMENT_NAMES: Array<[name: string, parentIndex: number | null]> = [
  ["Company", null],
  ["Sales", 0],
  ["Sales — Europe", 1],
  ["Sales — CIS", 1],
  ["Key accounts", 1],
  ["Marketing", 0],
  ["Development", 0],
  ["Backend", 6],
  ["Frontend", 6],
  ["Quality assurance", 6],
  ["Human resources", 0],
  ["Finance", 0],
  ["Customer support", 0],
  ["Logistics", 0],
];

export interface People {
  users: Map<number, PortalUser>;
  departments: Map<number, Department>;
  /** IDs of the users who own many records (see records.ts). */
  heavyUserIds: number[];
  /** Active employees (not extranet), the pool records are assigned to. */
  staffIds: number[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");

export function generatePeople(seed: number, userCount: number): People {
  const rnd = new Prng(seed ^ 0x5eed01);
  const departments = new Map<number, Department>();
  DEPARTMENT_NAMES.forEach(([name, parent], i) => {
    const id = i + 1;
    departments.set(id, { id, name, parentId: parent === null ? null : parent + 1, headUserId: null, sort: 100 * id });
  });
  const deptIds = [...departments.keys()];

  const users = new Map<number, PortalUser>();
  const base = Date.UTC(2019, 0, 1);
  const extranetFrom = Math.max(2, userCount - Math.max(1, Math.round(userCount * 0.03)) + 1);
  for (let id = 1; id <= userCount; id++) {
    const set = id === 1 ? NAME_SETS[0] : rnd.pick(NAME_SETS);
    const female = rnd.chance(0.5);
    const name = rnd.pick(female ? set.female : set.male);
    const lastIndex = rnd.int(set.last.length);
    const lastName = female && set.femaleLast ? set.femaleLast[lastIndex] : set.last[lastIndex];
    const extranet = id >= extranetFrom;
    // Every 12th user is dismissed; the admin and the first users never are, so a small portal
    // still has active people to transfer work to.
    const dismissed = id > 5 && !extranet && id % 12 === 7;
    const local = `${asciiSlug(name)}.${asciiSlug(lastName)}${id}`;
    const registered = base + rnd.int(4 * 365) * 86_400_000;
    const birthYear = 1965 + rnd.int(38);
    const birthday = rnd.chance(0.85) ? `${birthYear}-${String(1 + rnd.int(12)).padStart(2, "0")}-${String(1 + rnd.int(28)).padStart(2, "0")}` : "";
    const dept = id === 1 ? 1 : extranet ? null : deptIds[1 + rnd.int(deptIds.length - 1)];
    users.set(id, {
      id,
      active: !dismissed,
      admin: id === 1 || id === 2 || id === 3,
      userType: extranet ? "extranet" : "employee",
      name,
      lastName,
      secondName: set.locale === "ru" && rnd.chance(0.6) ? (female ? "Сергеевна" : "Петрович") : "",
      email: `${local}@${extranet ? "partner.example.test" : "staffsuite.example.test"}`,
      login: local,
      departmentIds: dept === null ? [] : [dept],
      workPosition: id === 1 ? "Chief executive officer" : extranet ? "Partner" : rnd.pick(POSITIONS),
      workPhone: `${set.phonePrefix} ${String(1000000 + rnd.int(8999999))}`,
      workCompany: extranet ? "Partner Co" : "StaffSuite Demo",
      personalGender: rnd.chance(0.1) ? "" : female ? "F" : "M",
      personalBirthday: birthday,
      personalMobile: rnd.chance(0.8) ? `+${100 + rnd.int(899)} ${String(100000000 + rnd.int(899999999))}` : "",
      personalPhone: rnd.chance(0.3) ? `${set.phonePrefix} ${String(1000000 + rnd.int(8999999))}` : "",
      personalCity: rnd.pick(set.cities),
      personalStreet: rnd.chance(0.5) ? `${rnd.int(200) + 1} Main street` : "",
      personalWww: rnd.chance(0.1) ? `https://${local}.example.test` : "",
      personalPhoto: rnd.chance(0.6) ? `/upload/main/avatar/${id}.png` : "",
      timeZone: set.timeZone,
      dateRegister: iso(registered),
      lastLogin: dismissed ? iso(registered + 200 * 86_400_000) : iso(Date.UTC(2025, 5, 1) + rnd.int(60) * 86_400_000),
      isOnline: !dismissed && rnd.chance(0.2),
      userFields: { UF_SKYPE: rnd.chance(0.2) ? local : "", UF_EMPLOYMENT_DATE: iso(registered) },
    });
  }

  // Heads: the first active member of each department (the admin heads the root).
  for (const dept of departments.values()) {
    if (dept.id === 1) {
      dept.headUserId = 1;
      continue;
    }
    const head = [...users.values()].find((u) => u.active && u.departmentIds.includes(dept.id));
    dept.headUserId = head ? head.id : null;
  }
  // One head is dismissed: a transfer must also move department headship.
  const dismissedUser = [...users.values()].find((u) => !u.active && u.departmentIds.length > 0);
  if (dismissedUser) departments.get(dismissedUser.departmentIds[0])!.headUserId = dismissedUser.id;

  const staffIds = [...users.values()].filter((u) => u.userType === "employee").map((u) => u.id);
  // Heavy users: the admin, one active salesperson and one dismissed employee (the typical
  // "leaving employee" whose work must be moved).
  const heavy = [1];
  if (staffIds.length > 4) heavy.push(staffIds[4]);
  if (dismissedUser) heavy.push(dismissedUser.id);
  return { users, departments, heavyUserIds: heavy, staffIds };
}
