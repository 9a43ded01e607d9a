/**
 * The one logger of lib/ and app/ (no console.* elsewhere: eslint.config.mjs). One line per
 * entry: `2026-01-01T00:00:00.000Z INFO [scope] message key="value" …`.
 *
 * Data minimisation (docs/architecture.md "What we keep"): logs carry IDs, types and counts. A field whose name
 * speaks of a secret or a person (token, secret, password, auth, name, email, …) is printed as
 * [redacted] whatever its value; every value is quoted, cut to MAX_VALUE characters and escaped
 * (a line break inside a value cannot start a forged log line); connection strings lose their
 * credentials. Errors print their class and message only (our errors never carry tokens:
 * lib/bitrix24/errors.ts).
 *
 *   const log = logger("events");
 *   log.info("handled", { event: "ONAPPUNINSTALL", portalId });
 */
import { env } from "./env";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_VALUE = 200;
const SECRET_OR_PERSONAL = /token|secret|password|passwd|auth|cookie|session|key|code|name|email|phone|address|title|body|content|text/i;
/** Field names that match the pattern above but carry no secret or person (IDs, kinds, counts). */
const HARMLESS = new Set(["portalId", "userId", "memberId", "jobRunId", "kind", "event", "method", "status", "errorCode", "errorName"]);

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Where lines go (tests capture them); default: stdout for debug/info, stderr for warn/error. */
export type LogSink = (level: LogLevel, line: string) => void;

const consoleSink: LogSink = (level, line) => {
  if (ORDER[level] >= ORDER.warn) process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

function configuredLevel(): LogLevel {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info"; // a bad configuration is reported by the launcher; logging must not throw
  }
}

function scrub(text: string): string {
  return text
    .replace(/postgres(ql)?:\/\/[^\s"']+/g, "postgresql://…")
    .replace(/((?:access|refresh)_token|auth(?:\[[a-z_]+\])?|AUTH_ID|REFRESH_ID|application_token)=[^&\s"']+/gi, "$1=…");
}

/** A value as it appears in a line: quoted, escaped, cut. */
export function formatValue(value: unknown): string {
  let text: string;
  if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else if (typeof value === "string") text = value;
  else if (value === undefined) text = "undefined";
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = scrub(text);
  if (text.length > MAX_VALUE) text = `${text.slice(0, MAX_VALUE)}…`;
  return JSON.stringify(text); // quotes, and escapes line breaks and control characters
}

export function formatLine(level: LogLevel, scope: string, message: string, fields: LogFields = {}, now = new Date()): string {
  const parts = [now.toISOString(), level.toUpperCase(), `[${scope}]`, JSON.stringify(scrub(message)).slice(1, -1)];
  for (const [key, value] of Object.entries(fields)) {
    const safeKey = key.replace(/[^\w.-]/g, "_");
    parts.push(`${safeKey}=${SECRET_OR_PERSONAL.test(key) && !HARMLESS.has(key) ? "[redacted]" : formatValue(value)}`);
  }
  return parts.join(" ");
}

/** A logger for one part of the app; `level` and `sink` are for tests (default: LOG_LEVEL, the console). */
export function logger(scope: string, options: { level?: LogLevel; sink?: LogSink } = {}): Logger {
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (ORDER[level] < ORDER[options.level ?? configuredLevel()]) return;
    (options.sink ?? consoleSink)(level, formatLine(level, scope, message, fields));
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
  };
}
