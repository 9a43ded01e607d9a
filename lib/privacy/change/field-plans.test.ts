import { describe, expect, it } from "vitest";
import { anonymisationPlan, erasurePlan, pseudonymCode } from "./field-plans";

describe("field plans", () => {
  it("gives a stable 4-hex pseudonym per portal and user", () => {
    expect(pseudonymCode("m1", 7)).toMatch(/^[0-9A-F]{4}$/);
    expect(pseudonymCode("m1", 7)).toBe(pseudonymCode("m1", 7));
    expect(new Set([8, 9, 10, 11, 12].map((id) => pseudonymCode("m1", id))).size).toBeGreaterThan(1);
  });
  it("anonymises: pseudonym name, placeholder e-mail, photo and custom fields cleared, account state untouched", () => {
    const plan = anonymisationPlan("m1", 7, "Former employee", ["UF_SKYPE", "UF_DEPARTMENT", "UF_EMPLOYMENT_DATE"]);
    expect(plan.NAME).toBe("Former employee");
    expect(plan.LAST_NAME).toBe(pseudonymCode("m1", 7));
    expect(plan.EMAIL).toBe("former-employee-7@anonymised.invalid");
    expect(plan.PERSONAL_PHOTO).toBe("");
    expect(plan.UF_EMPLOYMENT_DATE).toBe("");
    expect(plan).not.toHaveProperty("UF_DEPARTMENT");
    expect(plan).not.toHaveProperty("ACTIVE");
  });
  it("erases: every personal field empty and the account deactivated", () => {
    const plan = erasurePlan(7, ["UF_SKYPE"]);
    expect(plan.NAME).toBe("");
    expect(plan.LAST_NAME).toBe("");
    expect(plan.UF_SKYPE).toBe("");
    expect(plan.ACTIVE).toBe("N");
    expect(plan.EMAIL).toBe("erased-7@erased.invalid");
  });
});
