"use client";

import { useFormat } from "@/lib/i18n/client";

/** A moment as date and time in the viewer's own time zone, named beside it (lib/i18n/client.tsx useFormat). */
export function LocalTime({ iso, testId }: { iso: string; testId?: string }) {
  const format = useFormat();
  return (
    <time dateTime={iso} data-testid={testId}>
      {format.dateTime(new Date(iso))}
    </time>
  );
}
