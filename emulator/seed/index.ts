/**
 * Deterministic portal generator. FIRST STUB: a handful of users in two departments so the
 * emulator core can be built and tested; the data work replaces it with the full generator
 * (same exported signature).
 */
import { emptyPortalData, type PortalData } from "../state/portal-data";
import type { Department, PortalUser } from "../state/types";

export interface SeedOptions {
  /** Same seed → same portal, byte for byte. */
  seed: number;
  /** Number of users (the full generator defaults to 220). */
  users?: number;
  /** Records (tasks, CRM items, activities) owned by each "heavy" user. */
  recordsPerHeavyUser?: number;
}

export interface GeneratedPortal {
  users: Map<number, PortalUser>;
  departments: Map<number, Department>;
  data: PortalData;
}

export function generatePortal(options: SeedOptions): GeneratedPortal {
  const count = options.users ?? 5;
  const departments = new Map<number, Department>([
    [1, { id: 1, name: "Company", parentId: null, headUserId: 1, sort: 100 }],
    [2, { id: 2, name: "Sales", parentId: 1, headUserId: 2, sort: 200 }],
  ]);
  const users = new Map<number, PortalUser>();
  for (let id = 1; id <= count; id++) {
    users.set(id, {
      id,
      active: id !== count, // the last one is dismissed
      admin: id === 1,
      userType: "employee",
      name: `User${id}`,
      lastName: `Test${id}`,
      secondName: "",
      email: `user${id}@example.test`,
      login: `user${id}`,
      departmentIds: [id === 1 ? 1 : 2],
      workPosition: id === 1 ? "Director" : "Manager",
      workPhone: "",
      workCompany: "",
      personalGender: "",
      personalBirthday: "",
      personalMobile: "",
      personalPhone: "",
      personalCity: "",
      personalStreet: "",
      personalWww: "",
      personalPhoto: "",
      timeZone: "Europe/Berlin",
      dateRegister: "2024-01-01T09:00:00+00:00",
      lastLogin: "",
      isOnline: false,
      userFields: {},
    });
  }
  return { users, departments, data: emptyPortalData() };
}
