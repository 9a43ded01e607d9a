import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_PG_DIR).toBe(".data/pg");
    expect(env.PORT).toBe(3000);
    expect(env.WORKER_IN_PROCESS).toBe(false);
  });

  it("names the variable and what it expects when a value is malformed", () => {
    expect(() => parseEnv({ DATABASE_URL: "nonsense" })).toThrowError(ConfigurationError);
    try {
      parseEnv({ DATABASE_URL: "nonsense", PORT: "http" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL: expected a postgresql://user:password@host:port/database URL");
      expect(message).toContain("PORT:");
    }
  });

  it("rejects an encryption key of the wrong length and accepts a 32-byte one", () => {
    expect(() => parseEnv({ TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrowError(/TOKEN_ENCRYPTION_KEY/);
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseEnv({ TOKEN_ENCRYPTION_KEY: key, TOKEN_ENCRYPTION_KEYS_OLD: `${key}, ${key}` }).TOKEN_ENCRYPTION_KEYS_OLD).toEqual([key, key]);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
