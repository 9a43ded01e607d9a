import "server-only";
import { env, requireSetting } from "@/lib/env";
import type { MailDeps } from "@/lib/mail";
import { services } from "@/lib/services";

/** The Mail backend's dependencies: the process's services (lib/services.ts) and the server secret. */
export function mailDeps(): MailDeps {
  const s = services();
  return {
    prisma: s.prisma,
    clients: s.clients,
    tokens: s.tokens,
    credentials: s.credentials,
    appUrl: s.appUrl,
    secret: requireSetting("NEXTAUTH_SECRET"),
    fetch: s.fetch,
  };
}

/** `chrome-extension://{id}` origins allowed to call the extension API. */
export function extensionOrigins(): string[] {
  return env().EXTENSION_IDS.map((id) => `chrome-extension://${id}`);
}
