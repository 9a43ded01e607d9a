"use client";

import { codeFromDigest, errorMessageKey } from "@/lib/errors/client";
import { useT } from "@/lib/i18n/client";

/**
 * What a portal page shows when it throws: the message of the error's code (lib/errors: the code
 * travels in the error's digest, the only part Next.js keeps in production), and a retry.
 */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  const code = codeFromDigest(error.digest);
  return (
    <section role="alert" className="max-w-xl" data-testid="page-error" data-error={code}>
      <h1 className="text-xl font-semibold">{t("errors.title")}</h1>
      <p className="mt-3 text-b24-muted">{t(errorMessageKey(code))}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md border border-b24-border px-4 py-2 text-sm font-medium hover:bg-b24-surface">
        {t("errors.retry")}
      </button>
    </section>
  );
}
