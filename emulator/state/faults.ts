/**
 * What a test tells the emulator to play wrong (control API `faults` and `quirks`): a call that
 * fails or is slow (rest/handler.ts, rest/dispatch.ts), and a method that drops filter keys
 * (rest/quirks.ts).
 */
/**
 * A method that drops filter keys (control API `quirks`), as a portal whose version of a method
 * does not know them does: the old list methods skip a filter field they do not know, and
 * sonet_group.get drops an operator checkGroupFilter does not know (emulator/README.md, "Parameters
 * the portal itself ignores"). Clients must notice from the answer: rest/quirks.ts plays it.
 */
export interface Quirk {
  id: number;
  /** null = any portal. */
  portalKey: string | null;
  /** Lower-case method name. */
  method: string;
  /** Filter keys dropped, as sent (operator included, any case): ">ID", "assignedById"; "*" drops the whole filter. */
  ignoreFilter: string[];
  /** Calls of the method that pass untouched before the quirk plays. */
  skip: number;
  /** Calls it plays on after that (Infinity: until removed). */
  remaining: number;
}

export interface Fault {
  id: number;
  /** null = any portal. */
  portalKey: string | null;
  /** Lower-case method name; null = any method. */
  method: string | null;
  remaining: number;
  status: number;
  error: string;
  description: string;
  /** Answer an HTML page instead of the JSON envelope (a proxy's error page). */
  html: boolean;
  latencyMs: number;
}
