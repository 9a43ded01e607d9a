/**
 * A robot call's event_token, as the server makes it (modules/bizproc/activities/bitrix/
 * restactivity/restactivity.php generateToken / extractToken): the workflow ID, the robot's
 * activity name and a random event ID joined by "|", signed with the portal's key and a "bizproc"
 * salt (Main\Security\Sign\Signer: `value.signature`). bizproc.event.send reads it back; a token
 * whose signature does not match is refused (restservice.php extractEventToken: AccessException).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EmulatorStore } from "../state/store";

export interface EventTokenParts {
  workflowId: string;
  activityName: string;
  eventId: string;
}

const SALT = "bizproc";

function signature(store: EmulatorStore, value: string): string {
  return createHmac("sha256", store.signingKey).update(`${value}${SALT}`).digest("hex");
}

export function signEventToken(store: EmulatorStore, parts: EventTokenParts): string {
  const value = `${parts.workflowId}|${parts.activityName}|${parts.eventId}`;
  return `${value}.${signature(store, value)}`;
}

/** The parts of a token this portal signed; null for anything else. */
export function readEventToken(store: EmulatorStore, token: unknown): EventTokenParts | null {
  if (typeof token !== "string") return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(signature(store, value));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [workflowId, activityName, eventId, ...rest] = value.split("|");
  if (!workflowId || !activityName || !eventId || rest.length) return null;
  return { workflowId, activityName, eventId };
}
