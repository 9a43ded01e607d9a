import { describe, expect, it } from "vitest";
import { byTypeOrder, CRM_TYPES, crmTypeKey, hasPipelines, smartProcessId, typeEntityId, typeRank } from "./record-types";
import { recordPath } from "./links";

describe("CRM types", () => {
  it("maps each type key to its entityTypeId and back", () => {
    for (const [key, id] of Object.entries(CRM_TYPES)) {
      expect(typeEntityId(key)).toBe(id);
      expect(crmTypeKey(id)).toBe(key);
    }
    expect(CRM_TYPES).toEqual({ lead: 1, deal: 2, contact: 3, company: 4, quote: 7, invoice: 31 });
  });

  it("names a smart process by its entityTypeId", () => {
    expect(crmTypeKey(128)).toBe("dynamic-128");
    expect(typeEntityId("dynamic-1032")).toBe(1032);
    expect(smartProcessId("dynamic-128")).toBe(128);
    expect(smartProcessId("deal")).toBeNull();
  });

  it("has no entityTypeId for types outside the CRM, nor for inherited object keys", () => {
    for (const type of ["task", "activity", "workgroup", "department", "dynamic-", "toString", "constructor"]) expect(typeEntityId(type)).toBeNull();
  });

  it("knows which types have pipelines", () => {
    expect([1, 2, 3, 4, 7, 31, 128, 190].filter(hasPipelines)).toEqual([2, 31, 128, 190]);
  });
});

describe("type order", () => {
  it("follows the catalogue, smart processes by ID after invoices, unknown types last", () => {
    expect(byTypeOrder(["department", "unknown", "dynamic-190", "activity", "dynamic-128", "deal", "task", "invoice"])).toEqual([
      "task",
      "deal",
      "invoice",
      "dynamic-128",
      "dynamic-190",
      "activity",
      "department",
      "unknown",
    ]);
    expect(byTypeOrder([{ type: "lead" }, { type: "task" }]).map((r) => r.type)).toEqual(["task", "lead"]);
    expect(typeRank("lead")).toBeLessThan(typeRank("deal"));
  });
});

describe("recordPath", () => {
  it("opens each type where the portal shows it", () => {
    expect(recordPath("deal", 5)).toBe("/crm/deal/details/5/");
    expect(recordPath("company", 5)).toBe("/crm/company/details/5/");
    expect(recordPath("quote", 5)).toBe("/crm/type/7/details/5/");
    expect(recordPath("invoice", 5)).toBe("/crm/type/31/details/5/");
    expect(recordPath("dynamic-128", 5)).toBe("/crm/type/128/details/5/");
    expect(recordPath("task", 5, { holder: 9 })).toBe("/company/personal/user/9/tasks/task/view/5/");
    expect(recordPath("workgroup", 5)).toBe("/workgroups/group/5/");
    expect(recordPath("activity", 5, { ownerRef: "3:44" })).toBe("/crm/contact/details/44/");
    expect(recordPath("activity", 5, { ownerRef: "0:0" })).toBeNull();
    expect(recordPath("unknown", 5)).toBeNull();
  });
});
