/**
 * The admin confirms "delete all our data" by typing the portal's domain (the pattern GitHub and
 * others use for irreversible deletes: the typed name proves the admin knows which portal goes).
 */
import { z } from "zod";
import { samePortalDomain } from "../portal-address";

/** What the client may send: one short string. The domain check needs the portal, so it is separate. */
export const deletionConfirmationSchema = z.string().trim().min(1).max(255);

/** True when the typed text names this portal's domain (`https://Acme.bitrix24.com/` = `acme.bitrix24.com`). */
export function confirmsPortalDomain(typed: string, domain: string): boolean {
  return samePortalDomain(typed, domain);
}

/** The full check for one portal: shape, then the domain. */
export function deletionConfirmationFor(domain: string) {
  return deletionConfirmationSchema.refine((typed) => confirmsPortalDomain(typed, domain), { message: "domain_mismatch" });
}
