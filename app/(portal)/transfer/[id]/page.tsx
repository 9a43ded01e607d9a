import { notFound } from "next/navigation";
import { smartProcessTypes } from "@/lib/ownership";
import { services } from "@/lib/services";
import { formatters, translator } from "@/lib/i18n";
import { peopleByIds, transferQuery } from "@/lib/transfer";
import { requirePortalAdmin } from "../../guards";
import { transferStatus } from "../actions";
import { filterLines } from "../filter-lines";
import { portalBase } from "../portal-base";
import { TransferLive } from "../live/transfer-live";

export const dynamic = "force-dynamic";

/** Admins only: one transfer, undo or return — live progress, failures, undo, retry, return controls. */
export default async function TransferProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePortalAdmin();
  const { id } = await params;
  const status = await transferStatus({ id });
  if (!status.ok) notFound();
  const client = await services().clients.clientFor(session.portalId, { userId: session.userId });
  const [people, smartProcesses] = await Promise.all([
    peopleByIds(client, [status.progress.fromUserId, ...status.progress.receiverIds]),
    smartProcessTypes(client),
  ]);
  const names = Object.fromEntries([...people].map(([uid, p]) => [uid, p.name]));
  // The narrowing the wizard chose, as the review step and the history show it.
  const query = await transferQuery({ prisma: services().prisma, clients: services().clients }, session.portalId, id);
  const filters = (await filterLines(client, translator(session.lang), formatters(session.lang), [query], smartProcesses))(query);
  return (
    <TransferLive id={id} initial={status} names={names} portalBase={await portalBase(session.portalId)} smartProcesses={smartProcesses} filters={filters} />
  );
}
