/**
 * The form the portal POSTs into the app's iframe (handler or install URL) and its query string
 * (docs/bitrix24-platform.md "Apps, iframe and install"; b24restdocs settings/app-installation). Nothing
 * in it proves anything by itself: see verify-portal-auth.ts.
 */
import { z } from "zod";

export const portalPostSchema = z.object({
  AUTH_ID: z.string().min(1, "AUTH_ID is missing"),
  REFRESH_ID: z.string().min(1, "REFRESH_ID is missing"),
  AUTH_EXPIRES: z.coerce.number().optional(),
  member_id: z.string().min(1, "member_id is missing"),
  status: z.string().optional(),
  PLACEMENT: z.string().default("DEFAULT"),
  PLACEMENT_OPTIONS: z.string().optional(),
  DOMAIN: z.string().min(1, "DOMAIN is missing"),
  PROTOCOL: z.enum(["0", "1"]).optional(),
  LANG: z.string().optional(),
  APP_SID: z.string().optional(),
});

export type PortalPost = z.infer<typeof portalPostSchema>;

/** Reads the POST body (form) and the query string into one validated object. */
export async function readPortalPost(request: Request): Promise<PortalPost> {
  const url = new URL(request.url);
  const fields: Record<string, string> = {};
  for (const [key, value] of url.searchParams) fields[key] = value;
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.includes("application/x-www-form-urlencoded") || contentType.includes("multipart/form-data")) {
    const form = await request.formData();
    for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
  }
  return portalPostSchema.parse(fields);
}

