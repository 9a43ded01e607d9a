/**
 * The download job: the subject's profile (and the records that name them) as a ZIP of CSV and
 * JSON files in an encrypted archive, then a portal notification with the link — or, when the
 * user asked, the ZIP on their own Bitrix24 Drive and nothing kept with us.
 *
 * Resumable: an attempt first deletes whatever an earlier attempt of the same job left (its
 * partial archive and spools, found by jobRunId), then exports afresh. An export only reads the
 * portal, so starting over is always correct; an archive is served only once completedAt is set.
 */
import { generateToken, hashToken } from "../../crypto";
import { formatters, type Lang } from "../../i18n";
import { ArchiveChunkWriter, readArchiveChunks } from "./archive-store";
import type { PrivacyDeps } from "../deps";
import { portalDownloadLink } from "./download-link";
import { writeExportZip, type ExportSection, type Spool } from "./export-writer";
import { archiveIncompleteNote, archiveOnDriveMessage, archiveReadyMessage } from "../portal-texts";
import { profileRows, readProfile } from "../profile";
import { PROFILE_README, readmeText, type MissingList } from "./readme";
import { recordSections } from "./records";
import { markRequest } from "../requests/requests-log";
import { readPrivacySettings } from "../settings";
import { saveToDrive } from "./drive";
import { portalBaseOfEndpoint } from "../../portal-address";

export interface DownloadInput {
  requestId: string;
  subjectUserId: number;
  lang: Lang;
  saveToDrive: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function runDownload(
  deps: PrivacyDeps,
  job: { jobRunId: string; portalId: string; input: DownloadInput; reportProgress(done: number, total: number): Promise<void> },
): Promise<{ archiveId: string | null; sizeBytes: number; rows: Record<string, number>; savedToDrive: boolean; missing: MissingList[] }> {
  const { prisma, keys } = deps;
  const { input, portalId, jobRunId } = job;
  const now = deps.now?.() ?? new Date();
  await markRequest(prisma, input.requestId, "running");
  await discardPartial(deps, jobRunId);

  const portal = await prisma.portal.findUniqueOrThrow({ where: { id: portalId }, select: { domain: true, clientEndpoint: true } });
  const settings = await readPrivacySettings(prisma, portalId);
  // The subject's own token: an export shows what the person can see of themselves, no more.
  const client = await deps.clients.clientFor(portalId, { userId: input.subjectUserId });
  const profile = await readProfile(client, input.subjectUserId, input.lang);
  const extra = await recordSections(client, input.subjectUserId, portalBaseOfEndpoint(portal.clientEndpoint), input.lang);
  const total = 3 + extra.total;

  const sections: ExportSection[] = [
    {
      file: "profile",
      columns: ["field", "label", "value"],
      pages: async function* () {
        yield profileRows(profile);
      },
    },
    {
      file: "departments",
      columns: ["department_id", "department_name", "is_head"],
      pages: async function* () {
        yield profile.departments;
      },
    },
    {
      file: "managers",
      columns: ["department_id", "manager_user_id", "manager_name"],
      pages: async function* () {
        yield profile.managers;
      },
    },
    ...extra.sections,
  ];

  const token = generateToken();
  const archive = await prisma.privacyArchive.create({
    data: {
      portalId,
      userId: input.subjectUserId,
      tokenHash: hashToken(token),
      jobRunId,
      sizeBytes: 0,
      expiresAt: new Date(now.getTime() + settings.linkDays * DAY_MS),
    },
  });
  const writer = new ArchiveChunkWriter(prisma, keys, archive.id);
  let spools = 0;
  const counts = await writeExportZip({
    sink: writer,
    sections,
    now,
    createSpool: () => createSpool(deps, portalId, input.subjectUserId, jobRunId, spools++, archive.expiresAt),
    readme: (c) =>
      readmeText({
        lang: input.lang,
        portal: portal.domain,
        userId: input.subjectUserId,
        date: now,
        sections: [...PROFILE_README, ...extra.readme],
        rows: c.rows,
        missing: extra.missing(),
      }),
    onRows: (written) => job.reportProgress(Math.min(written, total), total),
  });
  await writer.flush();
  await prisma.privacyArchive.update({ where: { id: archive.id }, data: { sizeBytes: writer.size, completedAt: new Date() } });

  let savedToDrive = false;
  let message: string;
  if (input.saveToDrive) {
    const file = await saveToDrive(
      client,
      input.subjectUserId,
      `personal-data-${now.toISOString().slice(0, 10)}.zip`,
      readArchiveChunks(prisma, keys, archive.id),
    );
    // On the Drive it rests with the portal, under the user's own rights: we keep no copy.
    await prisma.privacyArchive.delete({ where: { id: archive.id } });
    savedToDrive = true;
    message = archiveOnDriveMessage(input.lang, file.detailUrl);
  } else {
    const link = portalDownloadLink(portal.clientEndpoint, deps.appClientId, archive.id, token);
    message = archiveReadyMessage(input.lang, link, formatters(input.lang).dateTime(archive.expiresAt));
  }
  if (extra.missing().length) message += ` ${archiveIncompleteNote(input.lang)}`;
  await client.call("im.notify.system.add", { USER_ID: input.subjectUserId, MESSAGE: message, TAG: `staffsuite-privacy-download-${input.subjectUserId}` });
  const missing = extra.missing();
  const result = { archiveId: savedToDrive ? null : archive.id, sizeBytes: writer.size, rows: counts.rows, savedToDrive, missing };
  await markRequest(prisma, input.requestId, "completed", {
    rows: counts.rows,
    sizeBytes: writer.size,
    savedToDrive,
    ...(missing.length ? { incomplete: missing.map((m) => ({ type: m.type, role: m.role, reason: m.reason, read: m.read })) } : {}),
  });
  return result;
}

const spoolTag = (jobRunId: string, n: number) => `spool:${jobRunId}:${n}`;

/** A spool is a temporary archive row of the same subject, deleted when the ZIP is done. */
async function createSpool(deps: PrivacyDeps, portalId: string, userId: number, jobRunId: string, n: number, expiresAt: Date): Promise<Spool> {
  const row = await deps.prisma.privacyArchive.create({ data: { portalId, userId, tokenHash: spoolTag(jobRunId, n), sizeBytes: 0, expiresAt } });
  const writer = new ArchiveChunkWriter(deps.prisma, deps.keys, row.id);
  return {
    sink: writer,
    read: () => readArchiveChunks(deps.prisma, deps.keys, row.id),
    discard: async () => {
      await deps.prisma.privacyArchive.deleteMany({ where: { id: row.id } });
    },
  };
}

/** Deletes what an earlier attempt of this job left behind. */
async function discardPartial(deps: PrivacyDeps, jobRunId: string): Promise<void> {
  await deps.prisma.privacyArchive.deleteMany({ where: { OR: [{ jobRunId }, { tokenHash: { startsWith: `spool:${jobRunId}:` } }] } });
}
