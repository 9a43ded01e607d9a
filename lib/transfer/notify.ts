/**
 * Tells each receiver what they received, through the portal (b24restdocs
 * api-reference/chats/notifications/im-notify-system-add.md: USER_ID, MESSAGE with BB-code),
 * in the portal's language. Counts per type only; the message is written to the portal, and
 * nothing of it is kept here.
 */
import type { Bitrix24Client } from "../bitrix24";
import { formatters, resolveLang, translator } from "../i18n";
import { typeLabel } from "../ownership";
import type { TransferDeps } from "./deps";

export async function notifyReceivers(deps: TransferDeps, client: Pick<Bitrix24Client, "batch">, transferId: string): Promise<number> {
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
  if (commands.length) await client.batch(commands);
  return commands.length;
}
