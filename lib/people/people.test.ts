import { describe, expect, it } from "vitest";
import { encodeParams } from "../bitrix24";
import { ACTIVE_EMPLOYEES, departmentIdsOf, departmentNames, departmentsFrom, DISMISSED_EMPLOYEES, displayName, isActive } from ".";

describe("displayName", () => {
  it("joins the parts as the portal shows them, trimmed, leaving out what is missing", () => {
    expect(displayName({ NAME: "Anna", LAST_NAME: "Berg" })).toBe("Anna Berg");
    expect(displayName({ NAME: " Anna ", LAST_NAME: "" })).toBe("Anna");
    expect(displayName({ NAME: null, LAST_NAME: "Berg" })).toBe("Berg");
    expect(displayName({ NAME: 5, LAST_NAME: undefined })).toBe("");
    expect(displayName({})).toBe("");
  });
});

describe("who is dismissed", () => {
  it("asks the portal for inactive employees, and for active ones, in its Y/N spelling", () => {
    expect(encodeParams({ FILTER: DISMISSED_EMPLOYEES })).toBe("FILTER[ACTIVE]=N&FILTER[USER_TYPE]=employee");
    expect(encodeParams({ FILTER: ACTIVE_EMPLOYEES })).toBe("FILTER[ACTIVE]=Y&FILTER[USER_TYPE]=employee");
  });

  it("reads ACTIVE however the portal spells it", () => {
    expect([true, "Y", "true"].map((ACTIVE) => isActive({ ACTIVE }))).toEqual([true, true, true]);
    expect([false, "N", "false", undefined].map((ACTIVE) => isActive({ ACTIVE }))).toEqual([false, false, false, false]);
  });
});

describe("departments", () => {
  it("reads department.get's rows, skipping what has no ID", () => {
    const rows = [{ ID: "1", NAME: "Acme", SORT: 500, UF_HEAD: "1" }, { ID: "7", NAME: "Sales", PARENT: "1", UF_HEAD: "0" }, { NAME: "broken" }];
    const departments = departmentsFrom(rows);
    expect(departments).toEqual([
      { id: 1, name: "Acme", parentId: 0, headId: 1 },
      { id: 7, name: "Sales", parentId: 1, headId: 0 },
    ]);
    expect(departmentNames(departments).get(7)).toBe("Sales");
    expect(departmentsFrom(null)).toEqual([]);
  });

  it("reads a user's departments from one ID or a list", () => {
    expect(departmentIdsOf({ UF_DEPARTMENT: [1, "7"] })).toEqual([1, 7]);
    expect(departmentIdsOf({ UF_DEPARTMENT: "7" })).toEqual([7]);
    expect(departmentIdsOf({ UF_DEPARTMENT: null })).toEqual([]);
    expect(departmentIdsOf({})).toEqual([]);
  });
});
