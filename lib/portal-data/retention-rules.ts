/**
 * How long we keep what: the one place the retention periods live. The purge job enforces them
 * and the Settings page shows them, so what admins read is what the code does.
 * Source: docs/architecture.md "What we keep" (operation logs 12 months; archives a few days;
 * everything of a portal deleted on uninstall or on the admin's request).
 */
export const RETENTION = {
  /** Operation logs (and the finished job runs they belong to): what a tool did, for undo and audit. */
  operationLogMonths: 12,
  /**
   * Privacy download archives go when their link expires (`expiresAt`, set by the download); no
   * archive outlives this many days whatever its expiry says, so "a few days" stays true.
   */
  privacyArchiveMaxDays: 7,
  /** A revoked extension token is kept this long (audit of who disconnected when), then deleted. */
  revokedExtensionSessionDays: 30,
  /**
   * "Already logged" markers of emails the Gmail sidebar logged (a hash of the Message-ID and where
   * it went) are an operation log too: kept as long, so the same email is not logged twice within a year.
   */
  loggedEmailMonths: 12,
} as const;

/** pg-boss cron (UTC): daily at 03:17, an hour few others pick, off the hour's peak. */
export const RETENTION_CRON = "17 3 * * *";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instants before which each kind of row is expired, at `now`. */
export function retentionCutoffs(now: Date) {
  // Calendar months in UTC: "12 months" means the same date last year, not 360 days.
  const monthsBefore = (months: number) => {
    const at = new Date(now);
    at.setUTCMonth(at.getUTCMonth() - months);
    return at;
  };
  return {
    operationLogs: monthsBefore(RETENTION.operationLogMonths),
    loggedEmails: monthsBefore(RETENTION.loggedEmailMonths),
    archivesCreatedBefore: new Date(now.getTime() - RETENTION.privacyArchiveMaxDays * DAY_MS),
    archivesExpiredBefore: now,
    revokedExtensionSessions: new Date(now.getTime() - RETENTION.revokedExtensionSessionDays * DAY_MS),
  };
}
