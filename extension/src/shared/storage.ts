/**
 * Everything the extension keeps, in chrome.storage.local — exactly what the privacy promise
 * lists: the session token, the portal's address (for links) and language, the user's own
 * e-mail addresses (never looked up), cached pipelines and stages, and why the last connection
 * ended when someone else ended it (an error code, nothing more). `chrome.storage.local.clear()`
 * on disconnect removes all of it. The connect verifier lives in chrome.storage.session
 * (memory only, not readable by content scripts).
 */
export interface Connection {
  token: string;
  expiresAt: string;
  portal: { domain: string; url: string; lang: string };
  user: { id: number; email: string };
}

export interface PipelineCache {
  fetchedAt: number;
  pipelines: Array<{ id: number; name: string; isDefault: boolean; stages: Array<{ id: string; name: string; semantics: string }> }>;
  leadStatuses: Array<{ id: string; name: string }>;
}

export interface Stored {
  connection?: Connection;
  ownEmails?: string[];
  lastPortal?: string;
  pipelines?: PipelineCache;
  /** Who ended the last connection: the API's 401 code (session_revoked, session_revoked_by_admin, user_dismissed). */
  ended?: { code: string; lang: string };
}

export async function readStored(): Promise<Stored> {
  return (await chrome.storage.local.get(null)) as Stored;
}

export const PIPELINES_TTL_MS = 6 * 3600 * 1000;
