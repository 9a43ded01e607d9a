"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { previewMyChange, startMyChange } from "./actions";
import { ChangeDialog } from "./change-dialog";
import type { PreviewData } from "./preview-data";
import { errorText } from "./error-text";

/** "Anonymise my data" / "Erase my data": a preview of exactly what changes, then the typed confirmation. */
export function ChangeCard({ kind }: { kind: "anonymise" | "erase" }) {
  const t = useT();
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setLoading(true);
    setError(null);
    const result = await previewMyChange({ kind });
    setLoading(false);
    if (result.ok) setPreview({ name: result.name, changes: result.changes, records: result.records });
    else setError(errorText(t, result));
  }

  return (
    <section className="rounded-lg border border-b24-border p-5" data-testid={`${kind}-card`}>
      <h2 className="text-lg font-semibold">{t(`privacy.my.${kind}.title`)}</h2>
      <p className="mt-1 text-sm text-b24-muted">{t(`privacy.my.${kind}.body`)}</p>
      <button
        type="button"
        onClick={open}
        disabled={loading}
        className="mt-4 rounded-md border border-b24-danger px-4 py-2 text-sm font-medium text-b24-danger hover:bg-b24-danger/10 disabled:opacity-50"
      >
        {loading ? t("privacy.loading") : t("privacy.preview.button")}
      </button>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-b24-danger">
          {error}
        </p>
      ) : null}
      <ChangeDialog kind={kind} open={preview !== null} preview={preview} onClose={() => setPreview(null)} start={() => startMyChange({ kind })} />
    </section>
  );
}
