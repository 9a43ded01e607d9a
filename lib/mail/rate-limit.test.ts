import { describe, expect, it } from "vitest";
import { MailRateLimitError } from "./errors";
import { SESSION_LIMIT, takeSessionToken } from "./rate-limit";

describe("takeSessionToken", () => {
  it("allows a session its burst, then refuses with the wait, leaving other sessions alone", () => {
    const session = `burst-${Math.random()}`;
    for (let i = 0; i < SESSION_LIMIT.capacity; i++) takeSessionToken(session);
    let refusal: unknown;
    try {
      takeSessionToken(session);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(MailRateLimitError);
    expect((refusal as MailRateLimitError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(() => takeSessionToken(`other-${Math.random()}`)).not.toThrow();
  });
});
