import Link from "next/link";

/**
 * Shown when the app is opened outside a Bitrix24 portal. Inside the portal the iframe POST lands
 * on /bitrix24/app (the handler URL) instead.
 */
export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold">StaffSuite for Bitrix24</h1>
      <p className="mt-4 text-lg text-b24-muted">Three tools for the people side of a Bitrix24 portal.</p>
      <ul className="mt-10 space-y-6">
        <li>
          <h2 className="text-xl font-medium">Transfer</h2>
          <p className="mt-1">
            Hand a departing employee&apos;s tasks, CRM records, activities and workgroups to colleagues — with progress, history and undo.
          </p>
        </li>
        <li>
          <h2 className="text-xl font-medium">Privacy</h2>
          <p className="mt-1">GDPR rights for every employee: download their data, anonymise, erase.</p>
        </li>
        <li>
          <h2 className="text-xl font-medium">Mail</h2>
          <p className="mt-1">A Gmail sidebar that shows who you are writing to in Bitrix24 CRM and logs the email on a click.</p>
        </li>
      </ul>
      <p className="mt-12 rounded-md border border-b24-border bg-b24-surface p-4">
        StaffSuite runs inside your Bitrix24 portal: install it there and open it from the portal&apos;s menu.{" "}
        <Link className="text-b24-link underline" href="/api/health">
          Service status
        </Link>
      </p>
    </main>
  );
}
