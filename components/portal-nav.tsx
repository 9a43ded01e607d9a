"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

interface Props {
  isAdmin: boolean;
  labels: { transfer: string; privacy: string; mail: string; settings: string };
  who: string;
}

/** The app's tabs inside the portal iframe; Transfer and Settings only for administrators. */
export function PortalNav({ isAdmin, labels, who }: Props) {
  const pathname = usePathname();
  const tabs = [
    ...(isAdmin ? [{ href: "/transfer", label: labels.transfer }] : []),
    { href: "/privacy", label: labels.privacy },
    { href: "/mail", label: labels.mail },
    ...(isAdmin ? [{ href: "/settings", label: labels.settings }] : []),
  ];
  return (
    <header className="flex flex-wrap items-center justify-between gap-4 border-b border-b24-border px-6 py-3">
      <nav aria-label="StaffSuite" className="flex gap-1">
        {tabs.map((tab) => {
          const active = pathname.startsWith(tab.href);
          return (
            <Link
              key={tab.href}
              href={tab.href}
              aria-current={active ? "page" : undefined}
              className={`rounded-full px-4 py-1.5 text-sm transition-colors ${active ? "bg-b24-blue text-white" : "text-b24-text hover:bg-b24-surface"}`}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <p className="text-sm text-b24-muted" data-testid="signed-in-as">
        {who}
      </p>
    </header>
  );
}
