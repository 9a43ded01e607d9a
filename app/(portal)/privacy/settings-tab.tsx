import type { PortalSession } from "@/lib/auth";
import { readPrivacySettings, LINK_DAYS_MAX } from "@/lib/privacy";
import { services } from "@/lib/services";
import { SettingsForm } from "./settings-form";

export async function SettingsTab({ session }: { session: PortalSession }) {
  const settings = await readPrivacySettings(services().prisma, session.portalId);
  return <SettingsForm initial={settings} maxDays={LINK_DAYS_MAX} />;
}
