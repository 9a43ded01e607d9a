import { describe, expect, it } from "vitest";
import { AccessDeniedError, Bitrix24Error, OperationTimeLimitError, RateLimitedError } from "./errors";
import { backoffDelay, isIdempotentMethod, retryDecision, type RetryPolicy } from "./retry";
import { OperatingTracker } from "./operating";

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

describe("backoff", () => {
  it("doubles with equal jitter and a cap", () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
    expect(backoffDelay(10, policy, () => 0)).toBe(500);
  });

  it("retries rate, 5xx and network errors, not others, and stops after maxAttempts", () => {
    const rate = new RateLimitedError("QUERY_LIMIT_EXCEEDED", "", 503);
    expect(retryDecision(rate, 1, policy, 0, () => 1)).toBe(100);
    expect(retryDecision(rate, 4, policy, 0)).toBeNull();
    expect(retryDecision(new Bitrix24Error("INTERNAL_SERVER_ERROR", "", 500), 1, policy, 0)).not.toBeNull();
    expect(retryDecision(new Bitrix24Error("NETWORK_ERROR", "", 0), 1, policy, 0)).not.toBeNull();
    expect(retryDecision(new AccessDeniedError("ACCESS_DENIED", "", 403), 1, policy, 0)).toBeNull();
    expect(retryDecision(new Bitrix24Error("INVALID_REQUEST", "", 400), 1, policy, 0)).toBeNull();
  });

  it("waits out an operating block only when it ends within the bound", () => {
    const soon = new OperationTimeLimitError("OPERATION_TIME_LIMIT", "", 503);
    soon.resetAt = 100.5;
    expect(retryDecision(soon, 1, policy, 100)).toBeNull(); // 1.5 s > maxDelayMs
    const near = new OperationTimeLimitError("OPERATION_TIME_LIMIT", "", 503);
    near.resetAt = 100;
    expect(retryDecision(near, 1, policy, 100)).toBe(1000);
  });
});

describe("OperatingTracker", () => {
  it("pauses a method close to its operating limit until the reset", () => {
    const t = new OperatingTracker({ limitSec: 480, marginSec: 30, maxPauseMs: 60_000 });
    t.record("crm.deal.list", { operating: 100, operating_reset_at: 1000 });
    expect(t.pauseBefore("crm.deal.list", 990_000)).toBe(0);
    t.record("crm.deal.list", { operating: 460, operating_reset_at: 1000 });
    expect(t.pauseBefore("CRM.DEAL.LIST", 990_000)).toBe(11_000);
    expect(t.pauseBefore("crm.lead.list", 990_000)).toBe(0);
    expect(t.pauseBefore("crm.deal.list", 1_000_500)).toBe(0);
  });

  it("near the limit with a far reset: pauses maxPauseMs; over the limit: throws with resetAt", () => {
    const t = new OperatingTracker({ limitSec: 480, marginSec: 30, maxPauseMs: 5_000 });
    t.record("tasks.task.update", { operating: 460, operating_reset_at: 1600 });
    expect(t.pauseBefore("tasks.task.update", 1_000_000)).toBe(5_000);
    t.record("tasks.task.update", { operating: 500, operating_reset_at: 1600 });
    let thrown: unknown;
    try {
      t.pauseBefore("tasks.task.update", 1_000_000);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OperationTimeLimitError);
    expect((thrown as OperationTimeLimitError).resetAt).toBe(1600);
  });
});

describe("idempotency", () => {
  it("does not repeat a create after a 5xx, but does after a rate refusal", () => {
    expect(isIdempotentMethod("crm.deal.add")).toBe(false);
    expect(isIdempotentMethod("im.notify.personal.add")).toBe(false);
    expect(isIdempotentMethod("crm.deal.update")).toBe(true);
    expect(isIdempotentMethod("crm.item.list")).toBe(true);
    const e500 = new Bitrix24Error("INTERNAL_SERVER_ERROR", "", 500);
    expect(retryDecision(e500, 1, policy, 0, undefined, false)).toBeNull();
    expect(retryDecision(new RateLimitedError("QUERY_LIMIT_EXCEEDED", "", 503), 1, policy, 0, undefined, false)).not.toBeNull();
  });
});

describe("network errors", () => {
  it("does not retry certificate failures", async () => {
    const { networkError } = await import("./http");
    const tls = networkError(Object.assign(new TypeError("fetch failed"), { cause: { code: "SELF_SIGNED_CERT_IN_CHAIN" } }), "profile");
    expect(tls.code).toBe("TLS_ERROR");
    expect(retryDecision(tls, 1, policy, 0)).toBeNull();
    const refused = networkError(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }), "profile");
    expect(refused.code).toBe("NETWORK_ERROR");
    expect(refused.description).toContain("ECONNREFUSED");
    expect(retryDecision(refused, 1, policy, 0)).not.toBeNull();
  });
});
