/**
 * Tells each receiver what they received, through the portal (b24restdocs
 * api-reference/chats/notifications/im-notify-system-add.md: USER_ID, MESSAGE with BB-code),
 * in the portal's language. Counts per type only; the message is written to the portal, and
 * nothing of it is kept here.
 */
import { Bitrix24Error, type BatchCommand, type Bitrix24Client } from "../bitrix24";
import { formatters, resolveLang, translator } from "../i18n";
import { errorCode, typeLabel } from "../ownership";
import type { TransferDeps } from "./deps";

/** A notice the portal refused (or that never reached it): whom it was for and the portal's code. */
export interface NoticeFailure {
  userId: number;
  code: string;
}

/** Sends each receiver their notice; answers the notices that failed (a failed notice never undoes a transfer). */
export async function notifyReceivers(deps: TransferDeps, client: Pick<Bitrix24Client, "batch">, transferId: string): Promise<NoticeFailure[]> {
  const transfer = await deps.prisma.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { portal: { select: { lang: true } }, returnAt: true } });
  const rows = await deps.prisma.transferItem.groupBy({ by: ["toUserId", "type"], where: { transferId, state: "moved" }, _count: { _all: true } });
  const lang = resolveLang(transfer.portal.lang);
  const t = translator(lang);
  const byReceiver = new Map<number, Array<{ type: string; count: number }>>();
  for (const r of rows) byReceiver.set(r.toUserId, [...(byReceiver.get(r.toUserId) ?? []), { type: r.type, count: r._count._all }]);
  const commands = [...byReceiver].map(([userId, types]) => {
    const total = types.reduce((s, x) => s + x.count, 0);
    const list = types.map((x) => `${typeLabel(t, x.type)}: ${x.count}`).join(", ");
    const until = transfer.returnAt ? ` ${t("transfer.notify.until", { date: formatters(lang).dateTime(transfer.returnAt) })}` : "";
    return {
      method: "im.notify.system.add",
      // A TAG is unique within the app across recipients: a new notification with it removes the
      // earlier ones (im-notify-system-add.md), so each receiver gets a tag of their own.
      params: {
        USER_ID: userId,
        MESSAGE: `${t("transfer.notify.received", { count: total })} ${list}.${until}`,
        TAG: `staffsuite-transfer-${transferId}-${userId}`,
      },
    };
  });
  return sendNotices(client, [...byReceiver.keys()], commands);
}

/**
 * Tells the receivers of a temporary transfer that its return changed: it happens now, it is
 * cancelled (they keep the records), or it moved to another date. Answers the notices that failed.
 */
export async function notifyReturnChange(
  deps: TransferDeps,
  client: Pick<Bitrix24Client, "batch">,
  transferId: string,
  change: "now" | "kept" | "moved",
): Promise<NoticeFailure[]> {
  const transfer = await deps.prisma.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { portal: { select: { lang: true } }, returnAt: true } });
  const lang = resolveLang(transfer.portal.lang);
  const t = translator(lang);
  const message =
    change === "now"
      ? t("transfer.notify.returnNow")
      : change === "kept"
        ? t("transfer.notify.returnKept")
        : t("transfer.notify.returnMoved", { date: transfer.returnAt ? formatters(lang).dateTime(transfer.returnAt) : "" });
  const rows = await deps.prisma.transferItem.findMany({ where: { transferId, state: "moved" }, select: { toUserId: true }, distinct: ["toUserId"] });
  const receivers = rows.map((r) => r.toUserId);
  const commands = receivers.map((userId) => ({
    method: "im.notify.system.add",
    params: { USER_ID: userId, MESSAGE: message, TAG: `staffsuite-return-${transferId}-${userId}` },
  }));
  return sendNotices(client, receivers, commands);
}

async function sendNotices(client: Pick<Bitrix24Client, "batch">, receivers: number[], commands: BatchCommand[]): Promise<NoticeFailure[]> {
  if (!commands.length) return [];
  try {
    const results = await client.batch(commands);
    return results.flatMap((r, i) => (r.ok ? [] : [{ userId: receivers[i], code: errorCode(r.error) }]));
  } catch (error) {
    const code = error instanceof Bitrix24Error ? errorCode(error) : "ERROR";
    return receivers.map((userId) => ({ userId, code }));
  }
}
