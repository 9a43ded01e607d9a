/**
 * The form the portal POSTs into the app's iframe (handler or install URL) and its query string
 * (docs/bitrix24-platform.md "Apps, iframe and install"; b24restdocs settings/app-installation).
 * Nothing in it proves anything by itself (verify-portal-auth.ts), but what cannot be a portal's
 * POST is refused here, before any outbound call: the body is capped, every field has the
 * platform's shape, and a browser's Origin must be the portal the POST names (login CSRF: a
 * foreign page cannot sign a victim's browser into the attacker's own session).
 */
import { z } from "zod";
import { normalizePortalDomain } from "../portal-address";
import { RequestInputError } from "../errors";
import { readFormFields } from "../security";

/** A portal's POST is a few hundred bytes (tokens, ids, placement options). */
export const PORTAL_POST_MAX_BYTES = 16 * 1024;

const required = (name: string, shape: RegExp, max: number) =>
  z
    .string({ error: `${name} is missing` })
    .min(1, `${name} is missing`)
    .max(max, `${name} is too long`)
    .regex(shape, `${name} is malformed`);

/** OAuth tokens (hex on real portals); kept lenient on the alphabet, strict on length. */
const TOKEN = /^[A-Za-z0-9._~+/=-]+$/;
/** host[:port][/path] — the portal's address without scheme (shared by both emulator shapes). */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?::\d{1,5})?(?:\/[A-Za-z0-9._~-]+)*\/?$/i;

export const portalPostSchema = z.object({
  AUTH_ID: required("AUTH_ID", TOKEN, 512),
  REFRESH_ID: required("REFRESH_ID", TOKEN, 512),
  AUTH_EXPIRES: z.coerce.number().optional(),
  member_id: required("member_id", /^[A-Za-z0-9_-]+$/, 64),
  status: z.string().max(8).optional(),
  PLACEMENT: z.string().max(128).default("DEFAULT"),
  PLACEMENT_OPTIONS: z
    .string()
    .max(8 * 1024)
    .optional(),
  DOMAIN: required("DOMAIN", DOMAIN, 255),
  PROTOCOL: z.enum(["0", "1"], { error: "PROTOCOL must be 0 or 1" }).optional(),
  LANG: z.string().max(8).optional(),
  APP_SID: z.string().max(128).optional(),
});

export type PortalPost = z.infer<typeof portalPostSchema>;

/** Reads the POST body (form) and the query string into one validated object. */
export async function readPortalPost(request: Request): Promise<PortalPost> {
  const url = new URL(request.url);
  const fields: Record<string, string> = {};
  for (const [key, value] of url.searchParams) fields[key] = value;
  for (const [key, value] of await readFormFields(request, PORTAL_POST_MAX_BYTES)) fields[key] = value;
  const parsed = portalPostSchema.safeParse(fields);
  if (!parsed.success) {
    // One message per field, the first (an empty DOMAIN is "missing", not also "malformed").
    const byField = new Map<string, string>();
    for (const issue of parsed.error.issues) if (!byField.has(String(issue.path[0]))) byField.set(String(issue.path[0]), issue.message);
    throw new RequestInputError(400, [...byField.values()].join("; "));
  }
  return parsed.data;
}

/**
 * Where a browser says the POST comes from (Origin; Sec-Fetch-Site), it must be the portal the
 * POST names — the verification then proves that portal. Non-browser callers send no Origin and
 * cannot carry a victim's cookie jar, so they are left to the verification alone. "null" (a
 * sandboxed frame, a no-referrer page) is refused: anyone can produce it.
 */
export function checkPostOrigin(headers: Headers, post: Pick<PortalPost, "DOMAIN" | "PROTOCOL">): void {
  const origin = headers.get("origin");
  const fetchSite = headers.get("sec-fetch-site");
  if (origin === null) {
    // Browsers that send Sec-Fetch-Site send Origin on every POST; its absence then is a forgery.
    if (fetchSite !== null && fetchSite !== "none") throw new RequestInputError(400, "a browser POST without Origin");
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new RequestInputError(400, "the POST does not come from the portal it names");
  }
  const portalHost = normalizePortalDomain(post.DOMAIN).split("/")[0];
  const scheme = post.PROTOCOL === undefined ? null : post.PROTOCOL === "1" ? "https:" : "http:";
  if (parsed.host.toLowerCase() !== portalHost || (scheme !== null && parsed.protocol !== scheme)) {
    throw new RequestInputError(400, "the POST does not come from the portal it names");
  }
}
