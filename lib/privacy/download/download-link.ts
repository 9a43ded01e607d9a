/**
 * The download link a notification carries. It opens the app inside the portal (a path after
 * /marketplace/app/{app}/ reaches the app as PLACEMENT_OPTIONS "any", which the handler URL turns
 * into our page), so the archive is only ever served inside the portal user's own session; the
 * random token (stored hashed in PrivacyArchive.tokenHash) is the signature, the archive's
 * expiresAt its expiry, and the session's user must be the archive's user.
 */
export const DOWNLOAD_PATH = /^(?:[^/]+\/)?download\/([a-z0-9]{10,40})\/([A-Za-z0-9_-]{20,64})\/?$/;

/** The portal address that opens our download page for one archive. */
export function portalDownloadLink(clientEndpoint: string, appClientId: string, archiveId: string, token: string): string {
  const portalBase = clientEndpoint.replace(/rest\/?$/, "");
  return `${portalBase}marketplace/app/${encodeURIComponent(appClientId)}/download/${archiveId}/${token}/`;
}

/** Our in-app path for a deep link's "any" value, or null when it is not a download link. */
export function appPathForDeepLink(any: string | undefined | null): string | null {
  const m = any ? DOWNLOAD_PATH.exec(any) : null;
  return m ? `/privacy/download/${m[1]}?t=${m[2]}` : null;
}
