import Link from "next/link";
import { translator } from "@/lib/i18n";
import { requirePortalAdmin, requirePortalSession } from "../guards";
import { DismissedTab } from "./dismissed-tab";
import { LogTab } from "./log-tab";
import { MyDataTab } from "./my-data-tab";
import { SettingsTab } from "./settings-tab";
import { UsersTab } from "./users-tab";

export const dynamic = "force-dynamic";

const TABS = ["my", "settings", "users", "dismissed", "log"] as const;
type Tab = (typeof TABS)[number];
const ADMIN_TABS: readonly Tab[] = ["settings", "users", "dismissed", "log"];

type Search = Record<string, string | string[] | undefined>;

/** The Privacy tool: tabs as links (?tab=), each rendered on the server; admin tabs are checked again here. */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requirePortalSession();
  const asked = typeof params.tab === "string" && (TABS as readonly string[]).includes(params.tab) ? (params.tab as Tab) : "my";
  if (ADMIN_TABS.includes(asked)) await requirePortalAdmin();
  const t = translator(session.lang);
  const visible = session.isAdmin ? TABS : (["my"] as const);
  return (
    <section className="max-w-5xl space-y-6" data-testid="privacy">
      <header>
        <h1 className="text-2xl font-semibold">{t("privacy.title")}</h1>
        <p className="mt-2 text-b24-muted">{t("privacy.intro")}</p>
      </header>
      {visible.length > 1 ? (
        <nav aria-label={t("privacy.title")} className="flex flex-wrap gap-1 border-b border-b24-border" data-testid="privacy-tabs">
          {visible.map((tab) => (
            <Link
              key={tab}
              href={`/privacy?tab=${tab}`}
              aria-current={tab === asked ? "page" : undefined}
              className={`-mb-px rounded-t-md border px-4 py-2 text-sm ${tab === asked ? "border-b24-border border-b-white bg-white font-medium" : "border-transparent text-b24-link hover:bg-b24-surface"}`}
            >
              {t(`privacy.tab.${tab}`)}
            </Link>
          ))}
        </nav>
      ) : null}
      {asked === "my" ? <MyDataTab session={session} /> : null}
      {asked === "settings" ? <SettingsTab session={session} /> : null}
      {asked === "users" ? <UsersTab session={session} params={params} /> : null}
      {asked === "dismissed" ? <DismissedTab session={session} params={params} /> : null}
      {asked === "log" ? <LogTab session={session} params={params} /> : null}
    </section>
  );
}
