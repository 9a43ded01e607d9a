/**
 * The extension keeps its own copy of the API's answer shapes (extension/src/content/api-types.ts:
 * it talks to the app over HTTP and imports nothing from it). This file holds the copy to the
 * server's types: `npm run typecheck` fails as soon as either side changes a field without the other.
 */
import type { Duplicate as ServerDuplicate, ParticipantResult as ServerParticipant } from "../lib/mail";
import type { Duplicate as SidebarDuplicate, ParticipantResult as SidebarParticipant } from "../extension/src/content/api-types";

/** `true` only when A and B accept exactly the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const participantShapesMatch: Same<ServerParticipant, SidebarParticipant> = true;
export const duplicateShapesMatch: Same<ServerDuplicate, SidebarDuplicate> = true;
