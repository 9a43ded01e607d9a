/**
 * Whose tokens an OAuth answer holds, checked before they are trusted or stored: `profile` read
 * with the access token names the user, whether they administer the portal, and their name
 * (b24restdocs api-reference/common/users/profile.md; docs/bitrix24-platform.md "Users"), and the
 * answer's own `user_id`, when it gives one, must name the same user. The lifecycle checks a
 * portal's POST this way after a refresh, Mail a sign-in after the code exchange (oauth.ts).
 */
import { z } from "zod";
import { Bitrix24Error } from "./errors";
import { sendRest } from "./http";
import { isYes } from "./params";
import type { FetchLike } from "./transport";

export interface TokenOwner {
  userId: number;
  isAdmin: boolean;
  /** The name parts as the portal answers them (for the UI only; never logged or stored). */
  NAME?: string | null;
  LAST_NAME?: string | null;
}

/** The OAuth answer and `profile` name two different users: the pair is not trusted. */
export class TokenOwnerMismatchError extends Bitrix24Error {
  constructor() {
    super("USER_MISMATCH", "the tokens belong to different users", 200, "profile");
    this.name = "TokenOwnerMismatchError";
  }
}

const profileSchema = z.object({
  ID: z.union([z.string(), z.number()]).transform(Number),
  ADMIN: z.union([z.boolean(), z.string()]).transform(isYes),
  NAME: z.string().nullish(),
  LAST_NAME: z.string().nullish(),
});

/**
 * Reads `profile` with `accessToken` at `restBase` and checks it against the OAuth answer's
 * `user_id`. Throws the portal's Bitrix24Error, BAD_RESPONSE for an answer of another shape, or
 * TokenOwnerMismatchError.
 */
export async function readTokenOwner(args: {
  restBase: string;
  accessToken: string;
  /** The OAuth answer's user_id, when it has one. */
  tokenUserId?: number | string;
  fetch?: FetchLike;
}): Promise<TokenOwner> {
  const reply = await sendRest({ restBase: args.restBase, method: "profile", params: {}, accessToken: args.accessToken, fetch: args.fetch });
  const profile = profileSchema.safeParse(reply.result);
  if (!profile.success) throw new Bitrix24Error("BAD_RESPONSE", "profile answer has an unexpected shape", 200, "profile");
  const { ID, ADMIN, NAME, LAST_NAME } = profile.data;
  if (args.tokenUserId !== undefined && Number(args.tokenUserId) !== ID) throw new TokenOwnerMismatchError();
  return { userId: ID, isAdmin: ADMIN, NAME, LAST_NAME };
}
