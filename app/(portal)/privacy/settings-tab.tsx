import type { PortalSession } from "@/lib/auth";
import { privacyDeps, readPrivacySettings, LINK_DAYS_MAX } from "@/lib/privacy";
import { SettingsForm } from "./settings-form";

export async function SettingsTab({ session }: { session: PortalSession }) {
  const settings = await readPrivacySettings(privacyDeps().prisma, session.portalId);
  return <SettingsForm initial={settings} maxDays={LINK_DAYS_MAX} />;
}
