import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AccessDeniedError,
  Bitrix24Error,
  InsufficientScopeError,
  MethodNotFoundError,
  NoTokenError,
  OperationTimeLimitError,
  PortalDisconnectedError,
  RateLimitedError,
  TokenExpiredError,
  UserTokenDeadError,
} from "../bitrix24";
import { dictionaries, LANGUAGES } from "../i18n";
import { EventAuthError, PortalAuthError } from "../lifecycle";
import { codeFromDigest, ERROR_CODES } from "./codes";
import { describeError, errorMessage, errorResponse, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "./index";

const zodError = z.object({ a: z.string() }).safeParse({}).error;

/** Every class the mapping knows, with the code and HTTP status it must answer. */
const cases: Array<[string, unknown, string, number]> = [
  ["UnauthorizedError", new UnauthorizedError(), "unauthorized", 401],
  ["PortalAuthError (lifecycle)", new PortalAuthError("forged"), "unauthorized", 401],
  ["EventAuthError (lifecycle)", new EventAuthError("no token"), "unauthorized", 401],
  ["ForbiddenError", new ForbiddenError(), "forbidden", 403],
  ["NotFoundError", new NotFoundError(), "not_found", 404],
  ["ValidationError", new ValidationError(), "invalid", 400],
  ["ZodError", zodError, "invalid", 400],
  ["PortalDisconnectedError", new PortalDisconnectedError("p1", "invalid_grant"), "portal_disconnected", 503],
  ["UserTokenDeadError", new UserTokenDeadError("p1", 7), "user_token_dead", 401],
  ["NoTokenError", new NoTokenError("p1", 7), "user_token_dead", 401],
  ["RateLimitedError", new RateLimitedError("QUERY_LIMIT_EXCEEDED", "Too many requests", 503, "crm.deal.list"), "rate_limited", 429],
  ["OperationTimeLimitError", new OperationTimeLimitError("OPERATION_TIME_LIMIT", "Method is blocked", 503, "tasks.task.list"), "operating_limit", 429],
  ["InsufficientScopeError", new InsufficientScopeError("insufficient_scope", "", 401, "crm.deal.list"), "insufficient_scope", 403],
  ["AccessDeniedError", new AccessDeniedError("ACCESS_DENIED", "", 403, "user.update"), "access_denied", 403],
  ["MethodNotFoundError", new MethodNotFoundError("ERROR_METHOD_NOT_FOUND", "", 404, "crm.item.list"), "method_unavailable", 502],
  ["TokenExpiredError (after the refresh failed)", new TokenExpiredError("expired_token", "", 401, "profile"), "portal_error", 502],
  ["Bitrix24Error", new Bitrix24Error("INTERNAL_SERVER_ERROR", "", 500, "crm.deal.add"), "portal_error", 502],
  ["any other Error", new TypeError("x is undefined"), "internal", 500],
  ["a thrown string", "boom", "internal", 500],
];

describe("the error mapping", () => {
  it.each(cases)("%s → its code and HTTP status", (_, error, code, status) => {
    expect(describeError(error)).toEqual({ code, status, messageKey: `errors.${code}` });
  });

  describe.each(LANGUAGES)("in %s", (lang) => {
    it.each(cases)("%s → the code's message", (_, error, code) => {
      const message = errorMessage(error, lang);
      expect(message).toBe(dictionaries[lang][`errors.${code}` as keyof typeof dictionaries.en]);
      expect(message.length).toBeGreaterThan(20);
      if (lang !== "en") expect(message).not.toBe(dictionaries.en[`errors.${code}` as keyof typeof dictionaries.en]);
    });

    it.each(cases)("%s → a JSON answer { error, message } with the status", async (_, error, code, status) => {
      const response = errorResponse(error, lang, "test");
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: code, message: errorMessage(error, lang) });
    });
  });

  it("every code has a message in every language", () => {
    for (const lang of LANGUAGES) for (const code of ERROR_CODES) expect(dictionaries[lang]).toHaveProperty([`errors.${code}`]);
  });

  it("a mapped error carries its code in its digest, which error.tsx reads back (message stripped)", () => {
    for (const [, error, code] of cases) {
      if (!(error instanceof Error) || code === "internal" || error instanceof z.ZodError) continue;
      expect(codeFromDigest((error as { digest?: string }).digest)).toBe(code);
    }
    expect(codeFromDigest("123456")).toBe("internal"); // Next's own hash of an unknown error
    expect(codeFromDigest(undefined)).toBe("internal");
  });

  it("an error answer never echoes the error's own message (it may name methods or IDs)", async () => {
    const response = errorResponse(new Bitrix24Error("SOME_CODE", "secret-ish detail", 500, "crm.deal.add"), "en");
    expect(JSON.stringify(await response.json())).not.toContain("secret-ish");
  });
});
