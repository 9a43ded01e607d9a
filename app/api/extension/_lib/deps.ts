import "server-only";
import { env, requireSetting } from "@/lib/env";
import type { MailDeps } from "@/lib/mail";
import { services } from "@/lib/services";

let deps: MailDeps | undefined;

/** The Mail backend's dependencies from the process's configuration (one token store, one client factory). */
export function mailDeps(): MailDeps {
  if (!deps) {
    const base = services();
    deps = { prisma: base.prisma, clients: base.clients, tokens: base.tokens, credentials: base.credentials, appUrl: base.appUrl, secret: requireSetting("NEXTAUTH_SECRET") };
  }
  return deps;
}

/** `chrome-extension://{id}` origins allowed to call the extension API. */
export function extensionOrigins(): string[] {
  return env().EXTENSION_IDS.map((id) => `chrome-extension://${id}`);
}
