const TONE: Record<string, string> = {
  queued: "bg-b24-surface text-b24-text",
  running: "bg-b24-blue/15 text-b24-link",
  completed: "bg-b24-success/20 text-b24-text",
  failed: "bg-b24-danger/15 text-b24-danger",
};

export function RequestStatus({ status, label }: { status: string; label: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONE[status] ?? ""}`} data-status={status}>
      {label}
    </span>
  );
}
