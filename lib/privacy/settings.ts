/**
 * The Privacy tool's application settings (one PortalSetting row per key): the two master
 * switches the reference app asks admins to turn on before anything can be anonymised or erased,
 * and how long a download link lives. Both switches are off until an admin turns them on.
 */
import { z } from "zod";
import type { PrismaClient } from "../db";
import { Refused } from "../errors";

export const LINK_DAYS_DEFAULT = 7;
/** Never past the retention purge's ceiling for archives (lib/portal-data RETENTION.privacyArchiveMaxDays). */
export const LINK_DAYS_MAX = 7;

export const privacySettingsSchema = z.object({
  allowAnonymisation: z.boolean(),
  allowErasure: z.boolean(),
  linkDays: z.number().int().min(1).max(LINK_DAYS_MAX),
});

export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

const KEYS = {
  allowAnonymisation: "privacy.allowAnonymisation",
  allowErasure: "privacy.allowErasure",
  linkDays: "privacy.linkDays",
} as const;

export const DEFAULT_SETTINGS: PrivacySettings = { allowAnonymisation: false, allowErasure: false, linkDays: LINK_DAYS_DEFAULT };

export async function readPrivacySettings(prisma: PrismaClient, portalId: string): Promise<PrivacySettings> {
  const rows = await prisma.portalSetting.findMany({ where: { portalId, key: { in: Object.values(KEYS) } } });
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const parsed = privacySettingsSchema.safeParse({
    allowAnonymisation: value(KEYS.allowAnonymisation) ?? DEFAULT_SETTINGS.allowAnonymisation,
    allowErasure: value(KEYS.allowErasure) ?? DEFAULT_SETTINGS.allowErasure,
    linkDays: value(KEYS.linkDays) ?? DEFAULT_SETTINGS.linkDays,
  });
  // A row written by an older version with another shape falls back to the safe defaults.
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** An administrator saves the master switches and the link's lifetime. */
export async function savePrivacySettings(
  services: { prisma: PrismaClient },
  session: { portalId: string; userId: number },
  settings: PrivacySettings,
): Promise<{ ok: true }> {
  const { prisma } = services;
  const { portalId, userId: updatedBy } = session;
  // A value past the cap is refused in words, never saved as the cap without a word.
  if (!Number.isInteger(settings.linkDays) || settings.linkDays < 1 || settings.linkDays > LINK_DAYS_MAX) {
    throw new Refused("privacy.refused.link_days_range", { status: 400, params: { min: 1, max: LINK_DAYS_MAX } });
  }
  const valid = privacySettingsSchema.parse(settings);
  await prisma.$transaction(
    (Object.keys(KEYS) as (keyof typeof KEYS)[]).map((k) =>
      prisma.portalSetting.upsert({
        where: { portalId_key: { portalId, key: KEYS[k] } },
        create: { portalId, key: KEYS[k], value: valid[k], updatedBy },
        update: { value: valid[k], updatedBy },
      }),
    ),
  );
  return { ok: true };
}
