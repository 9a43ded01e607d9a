"use client";

import { useT } from "@/lib/i18n/client";

/** The final state after "delete all our data": the session's portal no longer exists here. */
export function DataDeletedNotice() {
  const t = useT();
  return (
    <section role="status" className="max-w-2xl rounded-lg border border-b24-success/60 bg-b24-success/10 p-6" data-testid="data-deleted">
      <h1 className="text-xl font-semibold">{t("settings.deleted.title")}</h1>
      <p className="mt-3">{t("settings.deleted.body")}</p>
    </section>
  );
}
