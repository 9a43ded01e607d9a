/**
 * Uninstalling the extension ends its session on the server. Chrome opens an address the
 * extension set (`chrome.runtime.setUninstallURL`) in a tab when it is removed; the extension sets
 * ours when it connects (the code is made when the session is claimed, ./sessions.ts): `/api/extension/uninstalled?s={session id}&c={one-time code}`. The code
 * is 256 random bits we keep as a hash only (ExtensionSession.uninstallCodeHash), good for that
 * one session and once: opening the address revokes the session ("uninstalled") and clears the
 * hash. It carries no session token, and all it can do is end the session it names.
 */
import { z } from "zod";
import { nowOf, type MailDeps } from "./deps";
import { forgetSession, uninstallCodeHash } from "./sessions";

export const UNINSTALLED_PATH = "/api/extension/uninstalled";

export function uninstallUrl(appUrl: string, sessionId: string, code: string): string {
  return `${appUrl}${UNINSTALLED_PATH}?${new URLSearchParams({ s: sessionId, c: code })}`;
}

export const uninstalledSchema = z.object({
  s: z.string().regex(/^[a-z0-9]{10,40}$/, "a session id"),
  c: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "a one-time code"),
});

/** Ends the session the address names when its code matches (once); answers the portal's language for the page. */
export async function endUninstalledSession(
  deps: Pick<MailDeps, "prisma" | "now">,
  input: z.infer<typeof uninstalledSchema>,
): Promise<{ ended: boolean; lang: string }> {
  const hash = uninstallCodeHash(input.c);
  const r = await deps.prisma.extensionSession.updateMany({
    where: { id: input.s, uninstallCodeHash: hash, revokedAt: null },
    data: { revokedAt: new Date(nowOf(deps)), revokedReason: "uninstalled", uninstallCodeHash: null },
  });
  if (r.count === 1) forgetSession(input.s);
  const row = await deps.prisma.extensionSession.findUnique({ where: { id: input.s }, select: { portal: { select: { lang: true } } } });
  return { ended: r.count === 1, lang: row?.portal.lang ?? "en" };
}
