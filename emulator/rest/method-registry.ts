/**
 * The contract between the REST dispatcher (emulator/rest/) and the method families
 * (emulator/methods/*.ts). A family file calls `defineMethods(...)` at import time and is
 * imported once from emulator/methods/index.ts; the dispatcher finds methods by lower-case name.
 *
 * The dispatcher has already authenticated the call, checked the rate limit and parsed the
 * parameters (PHP-style `filter[>ID]=5&select[]=ID` or a JSON body, into nested objects and
 * arrays) before a handler runs; it wraps the handler's outcome into the real envelope
 * (`result`, `total`, `next`, `time`).
 */
import type { EventTokenParts } from "../automation/event-token";
import type { AppInstall, AppRegistration, Portal, PortalUser } from "../state/types";

export interface MethodCall {
  portal: Portal;
  /** The user the token or webhook belongs to: the call runs with this user's rights. */
  user: PortalUser;
  /** The installed app whose token made the call; null for an incoming webhook. */
  app: AppInstall | null;
  /** Scopes granted to the token or webhook. */
  scopes: ReadonlySet<string>;
  /** Parameters as sent, parsed into nested objects/arrays; keys keep the caller's casing. */
  params: Record<string, unknown>;
  /** The emulator's clock (tests may move it). */
  now: Date;
  /** Base URL of this portal as the outside sees it, e.g. https://127.0.0.1:40123 */
  portalUrl: string;
  /** The calling app's registration (handler URL, scopes…); null for a webhook. */
  registration?: AppRegistration | null;
  /**
   * Sends a record event (ONCRMDEALUPDATE, ONTASKADD…) to every app bound to it, caused by this
   * call's user and app (emulator/events/emit.ts). Call it after the change is made.
   */
  emit(event: string, data: unknown, options?: { onlyCaller?: boolean }): void;
  /** The portal's automation (emulator/automation/), for the methods that touch it. */
  automation: {
    /** A lead or deal (its row) has entered its current stage: runs the robots put on it. */
    enteredStage(entityTypeId: number, row: number): void;
    /** The parts of a robot call's event_token this portal signed; null for any other. */
    readEventToken(token: unknown): EventTokenParts | null;
  };
}

export interface MethodOutcome {
  result: unknown;
  /** List methods only: number of matching records (omitted when start=-1). */
  total?: number;
  /** List methods only: the `start` of the next page, omitted on the last page. */
  next?: number;
}

/** An error answered with Bitrix24's envelope `{error, error_description}` and an HTTP status. */
export class RestError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly status: number = 400,
    /** Fields some errors carry beside the two (ERROR_ARGUMENT's `argument`). */
    readonly extra: Record<string, string> = {},
  ) {
    super(`${code}: ${description}`);
  }
}

export interface MethodSpec {
  /** As the API spells it, e.g. "crm.deal.list". Matching is case-insensitive. */
  name: string;
  /** Scope the token must hold; null for methods every app may call (profile, app.info, batch…). */
  scope: string | null;
  handler(call: MethodCall): MethodOutcome | Promise<MethodOutcome>;
}

const registry = new Map<string, MethodSpec>();

export function defineMethods(...specs: MethodSpec[]): void {
  for (const spec of specs) registry.set(spec.name.toLowerCase(), spec);
}

export function findMethod(name: string): MethodSpec | undefined {
  return registry.get(name.toLowerCase());
}

export function listMethods(): MethodSpec[] {
  return [...registry.values()];
}

/** Bitrix24 pages lists by 50. */
export const PAGE_SIZE = 50;

/**
 * Reads the `start` parameter as the real API does: missing or invalid → 0; -1 → no count.
 */
export function readStart(params: Record<string, unknown>): number {
  const raw = params.start ?? params.START;
  const n = Number(raw);
  if (raw === undefined || raw === "" || !Number.isFinite(n)) return 0;
  return n < 0 ? -1 : Math.floor(n);
}

/**
 * One page of an already filtered and ordered list, with `total` and `next` as the portal gives
 * them: `start=-1` returns the first page and no `total` (the fast mode for ID pagination).
 */
export function pageOf<T>(items: readonly T[], start: number): { page: T[]; total?: number; next?: number } {
  if (start === -1) return { page: items.slice(0, PAGE_SIZE) };
  const page = items.slice(start, start + PAGE_SIZE);
  const next = start + PAGE_SIZE < items.length ? start + PAGE_SIZE : undefined;
  return { page, total: items.length, next };
}
