import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "./env";
import { formatLine, logger, type LogLevel } from "./log";

function capture(level?: LogLevel) {
  const lines: Array<[LogLevel, string]> = [];
  return { lines, log: logger("test", { level, sink: (l, line) => lines.push([l, line]) }) };
}

afterEach(() => {
  delete process.env.LOG_LEVEL;
  resetEnvCache();
});

describe("logger", () => {
  it("drops entries below the level, reading LOG_LEVEL when none is given", () => {
    process.env.LOG_LEVEL = "warn";
    resetEnvCache();
    const { lines, log } = capture();
    log.debug("a");
    log.info("b");
    log.warn("c");
    log.error("d");
    expect(lines.map(([level]) => level)).toEqual(["warn", "error"]);
  });

  it("writes one line per entry even when a value holds line breaks, with values quoted", () => {
    const line = formatLine("info", "events", "handled", { event: "ONAPPINSTALL\nFORGED 2026 ERROR [x] boom", count: 3 });
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO \[events\] handled event="ONAPPINSTALL\\nFORGED 2026 ERROR \[x\] boom" count="3"$/);
  });

  it("cuts long values", () => {
    const line = formatLine("info", "s", "m", { detail: "x".repeat(5000) });
    expect(line.length).toBeLessThan(400);
    expect(line).toContain("…");
  });

  it("never prints tokens, names or emails, whatever the field is called", () => {
    const line = formatLine("error", "s", "failed", {
      accessToken: "AT-SECRET",
      refresh_token: "RT-SECRET",
      userName: "Ivan Petrov",
      email: "ivan@example.com",
      portalId: "p1",
      userId: 7,
      url: "https://x.bitrix24.com/rest/user.get?auth=AT-SECRET2&x=1",
      db: "postgresql://user:pw-SECRET@localhost/db",
    });
    for (const secret of ["AT-SECRET", "RT-SECRET", "Ivan", "ivan@", "AT-SECRET2", "pw-SECRET"]) expect(line).not.toContain(secret);
    expect(line).toContain('portalId="p1"');
    expect(line).toContain('userId="7"');
  });

  it("prints an error as its class and message", () => {
    const { lines, log } = capture("debug");
    log.error("failed", { error: new TypeError("bad\nthing") });
    expect(lines[0][1]).toContain('error="TypeError: bad\\nthing"');
  });
});
