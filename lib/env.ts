/**
 * The app's configuration: every setting, typed and validated once. No other module reads
 * process.env (docs/style.md). A missing or malformed setting stops start-up with a message that
 * names the variable and what it expects.
 */
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no", ""]).transform((v) => v === "true" || v === "1" || v === "yes");

const base64Key = z.string().refine((v) => Buffer.from(v, "base64").length === 32, "a base64-encoded 32-byte key (openssl rand -base64 32)");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL 14+; when unset the app starts an embedded PostgreSQL under EMBEDDED_PG_DIR. */
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), "a postgresql://user:password@host:port/database URL")
    .optional(),
  EMBEDDED_PG_DIR: z.string().default(".data/pg"),
  /** Public base URL of the app, as portals and browsers reach it (handler and install URLs hang off it). */
  APP_URL: z.string().url("an absolute URL such as https://staffsuite.example.com").default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The app's registration in Bitrix24 (Developer resources → local app, or the Market). */
  B24_CLIENT_ID: z.string().min(1).optional(),
  B24_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * Whose requests a portal's rate bucket paces: "shared" — every process of ours on this
   * database (web and workers: one bucket row per portal), or "process" — this process's alone
   * (a single-process deployment saves a database round trip per request). docs/decisions/008.
   */
  B24_RATE_LIMIT_SCOPE: z.enum(["shared", "process"]).default("shared"),
  /** Fallback OAuth server when a portal has not told us its server_endpoint. */
  B24_OAUTH_URL: z.string().url().default("https://oauth.bitrix.info/"),
  /** AES-256-GCM key for tokens at rest; old keys stay readable for rotation. */
  TOKEN_ENCRYPTION_KEY: base64Key.optional(),
  TOKEN_ENCRYPTION_KEYS_OLD: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(base64Key)),
  /** Signs session cookies (next-auth). */
  NEXTAUTH_SECRET: z.string().min(16, "at least 16 random characters").optional(),
  /** Run the job worker inside the web process (the demo does; production runs `npm run worker`). */
  WORKER_IN_PROCESS: booleanFlag.default(false),
  /** How many jobs a worker process runs at once (one per portal at a time regardless). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** pg-boss polling and maintenance (expiry of attempts lost with a dead worker). */
  JOBS_POLLING_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Tests only: every job's first retry delay in place of its own (workers killed on purpose). */
  JOBS_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).optional(),
  /**
   * Chrome extension IDs whose origin (chrome-extension://{id}) may call /api/extension/* across
   * origins (CORS). The default is the ID that extension/manifest's public `key` pins.
   */
  EXTENSION_IDS: z
    .string()
    .default("nkpemaaopkoinklakofmpgimbhhlcabe")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-p]{32}$/, "Chrome extension IDs (32 letters a–p), comma-separated"))),
  /** The Gmail extension's Chrome Web Store listing, shown on the Mail page as the way to install it (unset: not published). */
  EXTENSION_STORE_URL: z.string().url("the listing's address, https://chromewebstore.google.com/detail/…").optional(),
  /**
   * Where `npm run build:extension` put the extension's zip for this app's address
   * (staffsuite-gmail-{version}.zip); the Mail page offers it to self-hosters. The demo builds it.
   */
  EXTENSION_PACKAGE_DIR: z.string().default("extension/dist"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof schema>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigurationError";
  }
}

/** Parses a set of variables; throws ConfigurationError naming each bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" for optional settings, as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ConfigurationError(
    parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const got = cleaned[name] === undefined ? "it is not set" : "got something else";
      return `${name}: expected ${issue.message.replace(/^Invalid input: ?/, "")} (${got})`;
    }),
  );
}

let cached: Env | undefined;

/** The process's configuration, validated on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests and launchers that change process.env before the app reads it. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Reads a required setting, failing with the variable's name. */
export function requireSetting<K extends keyof Env>(key: K): NonNullable<Env[K]> {
  const value = env()[key];
  if (value === undefined || value === null) throw new ConfigurationError([`${String(key)}: expected a value (it is not set)`]);
  return value as NonNullable<Env[K]>;
}
