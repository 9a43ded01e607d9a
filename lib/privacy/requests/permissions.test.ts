import { describe, expect, it } from "vitest";
import { decide } from "./permissions";

const on = { allowAnonymisation: true, allowErasure: true, linkDays: 7 };
const off = { allowAnonymisation: false, allowErasure: false, linkDays: 7 };
const none = { anonymise: false, erase: false };
const both = { anonymise: true, erase: true };
const employee = { userId: 5, isAdmin: false };
const admin = { userId: 1, isAdmin: true };

describe("decide", () => {
  it("lets everyone download their own data and nobody another's, administrators included", () => {
    expect(decide("download", employee, employee, off, none)).toEqual({ allowed: true });
    expect(decide("download", admin, admin, off, none)).toEqual({ allowed: true });
    expect(decide("download", employee, { userId: 6, isAdmin: false }, on, both)).toEqual({ allowed: false, reason: "own_data_only" });
    expect(decide("download", admin, employee, on, both)).toEqual({ allowed: false, reason: "admin_self" });
  });
  it("needs the master switch and the user's own right for self-service", () => {
    expect(decide("anonymise", employee, employee, off, both)).toEqual({ allowed: false, reason: "switch_off" });
    expect(decide("erase", employee, employee, on, none)).toEqual({ allowed: false, reason: "no_right" });
    expect(decide("erase", employee, employee, on, { anonymise: true, erase: false })).toEqual({ allowed: false, reason: "no_right" });
    expect(decide("anonymise", employee, employee, { ...off, allowAnonymisation: true }, both)).toEqual({ allowed: true });
    expect(decide("erase", employee, employee, { ...off, allowAnonymisation: true }, both)).toEqual({ allowed: false, reason: "switch_off" });
  });
  it("lets an administrator only download their own data", () => {
    expect(decide("anonymise", admin, admin, on, both)).toEqual({ allowed: false, reason: "admin_self" });
    expect(decide("erase", admin, admin, on, both)).toEqual({ allowed: false, reason: "admin_self" });
  });
  it("lets an administrator act on another non-admin user while the switch is on", () => {
    expect(decide("erase", admin, employee, on, none)).toEqual({ allowed: true });
    expect(decide("erase", admin, employee, off, none)).toEqual({ allowed: false, reason: "switch_off" });
    expect(decide("anonymise", admin, { userId: 2, isAdmin: true }, on, none)).toEqual({ allowed: false, reason: "subject_admin" });
    expect(decide("anonymise", employee, { userId: 6, isAdmin: false }, on, both)).toEqual({ allowed: false, reason: "not_admin" });
  });
  it("refuses where the portal cannot say whether the subject is an administrator, and believes the portal over the session", () => {
    expect(decide("erase", admin, { userId: 2, isAdmin: null }, on, none)).toEqual({ allowed: false, reason: "admin_unknown" });
    expect(decide("anonymise", employee, { ...employee, isAdmin: null }, on, both)).toEqual({ allowed: false, reason: "admin_unknown" });
    // Made an administrator since signing in: the portal's answer counts.
    expect(decide("anonymise", employee, { ...employee, isAdmin: true }, on, both)).toEqual({ allowed: false, reason: "admin_self" });
    // The switch and the right are refused first, in words that say what to change.
    expect(decide("erase", admin, { userId: 2, isAdmin: null }, off, none)).toEqual({ allowed: false, reason: "switch_off" });
    expect(decide("erase", employee, { ...employee, isAdmin: null }, on, none)).toEqual({ allowed: false, reason: "no_right" });
  });
});
