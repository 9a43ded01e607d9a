import { describe, expect, it } from "vitest";
import { confirmsPortalDomain, deletionConfirmationFor, deletionConfirmationSchema } from "./confirmation";

describe("the deletion confirmation", () => {
  const domain = "acme.bitrix24.com";

  it("accepts the portal's domain however it is typed", () => {
    for (const typed of ["acme.bitrix24.com", "  ACME.Bitrix24.com ", "https://acme.bitrix24.com/", "http://acme.bitrix24.com"]) {
      expect(deletionConfirmationFor(domain).safeParse(typed).success, typed).toBe(true);
    }
  });

  it("refuses another portal's domain, a part of it, or nothing", () => {
    for (const typed of ["acme.bitrix24.de", "acme", "bitrix24.com", "acme.bitrix24.com.evil.test", "", "   "]) {
      expect(deletionConfirmationFor(domain).safeParse(typed).success, typed).toBe(false);
    }
  });

  it("refuses what is not a short string", () => {
    for (const input of [undefined, null, 42, { confirmation: domain }, [domain], "x".repeat(256)]) {
      expect(deletionConfirmationSchema.safeParse(input).success).toBe(false);
    }
  });

  it("keeps a path of a portal domain (DOMAIN may carry one) significant", () => {
    expect(confirmsPortalDomain("127.0.0.1:4000/portal-a", "127.0.0.1:4000/portal-a")).toBe(true);
    expect(confirmsPortalDomain("127.0.0.1:4000/portal-b", "127.0.0.1:4000/portal-a")).toBe(false);
  });
});
