import Link from "next/link";
import { notFound } from "next/navigation";
import { formatters, translator, type MessageKey, type Translate } from "@/lib/i18n";
import { readJobProgress } from "@/lib/jobs";
import { services } from "@/lib/services";
import { JobProgress } from "@/components/job-progress";
import { requirePortalSession } from "../../guards";

/**
 * One durable job of this portal, live: what it is, how far it got, how it ended. Tools link here
 * (or embed <JobProgress>) for anything that runs in the background.
 */
export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePortalSession();
  const { id } = await params;
  const progress = await readJobProgress(services().prisma, await services().jobs.boss(), id, session);
  if (!progress) notFound();
  const t = translator(session.lang);
  const format = formatters(session.lang);
  const back = backTo(progress.kind);
  return (
    <section className="max-w-2xl space-y-6">
      <header>
        <p className="text-sm">
          <Link className="text-b24-link" href={back.href} data-testid="job-back">
            ← {t(back.label)}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{kindTitle(t, progress.kind)}</h1>
        <p className="mt-1 text-sm text-b24-muted">{t("jobs.startedAt", { date: format.dateTime(new Date(progress.createdAt)) })}</p>
      </header>
      <JobProgress initial={progress} />
    </section>
  );
}

function kindTitle(t: Translate, kind: string): string {
  const key = `jobs.kind.${kind}` as MessageKey;
  const title = t(key);
  return title === key ? t("jobs.kind.other") : title;
}

/** Where the page leads back to: the tool the job belongs to (its kind's first part), else Settings. */
function backTo(kind: string): { href: string; label: MessageKey } {
  const tool = kind.split(".")[0];
  if (tool === "transfer") return { href: "/transfer", label: "jobs.back.transfer" };
  if (tool === "privacy") return { href: "/privacy", label: "jobs.back.privacy" };
  return { href: "/settings", label: "jobs.back.settings" };
}
