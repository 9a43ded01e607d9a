import { formatters, translator } from "@/lib/i18n";
import { services } from "@/lib/services";
import { readTransferPage } from "@/lib/transfer";
import { requirePortalAdmin } from "../../guards";
import { notFoundIfRefused } from "../../not-found-if-refused";
import { filterLines } from "../filter-lines";
import { TransferLive } from "../live/transfer-live";

export const dynamic = "force-dynamic";

/** Admins only: one transfer, undo or return — live progress, failures, undo, retry, return controls. */
export default async function TransferProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePortalAdmin();
  const { id } = await params;
  const view = await notFoundIfRefused(readTransferPage(services(), session, { transferId: id }));
  // The narrowing the wizard chose, as the review step and the history show it.
  const filters = filterLines(translator(session.lang), formatters(session.lang), view.pipelines, view.smartProcesses)(view.query);
  return (
    <TransferLive
      id={id}
      initial={view.status}
      names={view.names}
      portalBase={view.portalBase}
      smartProcesses={view.smartProcesses}
      filters={filters}
      parent={view.parent}
    />
  );
}
