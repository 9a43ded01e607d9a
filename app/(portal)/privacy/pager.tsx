import Link from "next/link";
import type { Translate } from "@/lib/i18n";

/** Previous / "Page 2 of 7" / next under a paged list of the Privacy tabs (links, rendered on the server). */
export function Pager({ t, page, total, pageSize, href }: { t: Translate; page: number; total: number; pageSize: number; href(page: number): string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav className="flex items-center gap-3 text-sm" aria-label={t("privacy.pager.label")} data-testid="pager">
      {page > 0 ? (
        <Link className="text-b24-link underline" href={href(page - 1)}>
          {t("privacy.users.prev")}
        </Link>
      ) : null}
      <span>{t("privacy.users.page", { page: page + 1, pages })}</span>
      {page + 1 < pages ? (
        <Link className="text-b24-link underline" href={href(page + 1)}>
          {t("privacy.users.next")}
        </Link>
      ) : null}
    </nav>
  );
}
