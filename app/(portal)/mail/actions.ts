"use server";

import { connectionSchema, revokeAnyConnection, revokeMyConnection } from "@/lib/mail";
import { services } from "@/lib/services";
import { portalAction } from "../server-action";

/** Revokes one of the signed-in user's extension sessions (never another user's: the owner is in the query). */
export const revokeExtensionSession = portalAction({ input: connectionSchema }, async (input, session) => revokeMyConnection(services(), session, input));

/** An administrator (checked on the server) revokes any live extension session of their portal. */
export const revokePortalExtensionSession = portalAction({ admin: true, input: connectionSchema }, async (input, session) =>
  revokeAnyConnection(services(), session, input),
);
