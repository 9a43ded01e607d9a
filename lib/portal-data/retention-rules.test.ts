import { describe, expect, it } from "vitest";
import { RETENTION, retentionCutoffs } from "./retention-rules";

describe("retention cutoffs", () => {
  it("counts operation logs' 12 months in calendar months (UTC)", () => {
    expect(RETENTION.operationLogMonths).toBe(12);
    expect(retentionCutoffs(new Date("2026-06-15T12:00:00Z")).operationLogs.toISOString()).toBe("2025-06-15T12:00:00.000Z");
    // A leap day has no twin a year earlier: the cutoff rolls to 1 March, never earlier than a year.
    expect(retentionCutoffs(new Date("2028-02-29T08:00:00Z")).operationLogs.toISOString()).toBe("2027-03-01T08:00:00.000Z");
  });

  it("counts archive and revoked-session periods in days", () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const cut = retentionCutoffs(now);
    expect(cut.archivesExpiredBefore).toEqual(now);
    expect(cut.archivesCreatedBefore.toISOString()).toBe("2026-06-08T12:00:00.000Z");
    expect(cut.revokedExtensionSessions.toISOString()).toBe("2026-05-16T12:00:00.000Z");
  });
});
