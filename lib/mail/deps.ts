/**
 * The services the Mail backend takes: a part of the composition root's (app/ passes
 * `services()`), so integration tests point it at a test database and the emulator.
 */
import type { Services } from "../service-types";

export type MailDeps = Pick<Services, "prisma" | "clients" | "tokens" | "credentials" | "appUrl" | "secret" | "fetch"> & {
  /** The clock in ms (default Date.now); tests move it. */
  now?: () => number;
};

export const nowOf = (deps: Pick<MailDeps, "now">) => (deps.now ?? Date.now)();
