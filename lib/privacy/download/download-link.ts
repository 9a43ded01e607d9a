/**
 * The download link a notification carries. It opens the app inside the portal (a path after
 * /marketplace/app/{app}/ reaches the app as PLACEMENT_OPTIONS "any", which the handler URL turns
 * into our page), so the archive is only ever served inside the portal user's own session; the
 * random token (stored hashed in PrivacyArchive.tokenHash) is the signature, the archive's
 * expiresAt its expiry, and the session's user must be the archive's user.
 */
import { appDeepLink, appPathForDeepLink as pathForDeepLink, deepLinkPattern, portalBaseOfEndpoint, type DeepLinkRoute } from "../../portal-address";

export const DOWNLOAD_PATH = deepLinkPattern(String.raw`download/([a-z0-9]{10,40})/([A-Za-z0-9_-]{20,64})`);

/** The download page's deep link (lib/portal-address): `download/{archiveId}/{token}/` opens /privacy/download/{archiveId}?t={token}. */
export const DOWNLOAD_DEEP_LINK: DeepLinkRoute = { pattern: DOWNLOAD_PATH, appPath: (m) => `/privacy/download/${m[1]}?t=${m[2]}` };

/** The portal address that opens our download page for one archive. */
export function portalDownloadLink(clientEndpoint: string, appClientId: string, archiveId: string, token: string): string {
  return appDeepLink(portalBaseOfEndpoint(clientEndpoint), appClientId, `download/${archiveId}/${token}/`);
}

/** Our in-app path for a deep link's "any" value, or null when it is not a download link. */
export function appPathForDeepLink(any: string | undefined | null): string | null {
  return pathForDeepLink(any, [DOWNLOAD_DEEP_LINK]);
}
