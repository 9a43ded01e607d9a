// Jobs messages in English: background jobs (app/(portal)/jobs, components/job-progress.tsx). The reference: ru and de have the same keys.
export const en = {
  "jobs.kind.system.selftest": "System check",
  "jobs.kind.retention.purge": "Nightly clean-up",
  "jobs.kind.transfer.run": "Transfer, undo or return of records",
  "jobs.kind.transfer.returns-due": "Returns of temporary transfers",
  "jobs.kind.transfer.dismissal-watch": "Watch for dismissed employees with open work",
  "jobs.back.transfer": "Back to Transfer",
  "jobs.back.privacy": "Back to Privacy",
  "jobs.back.settings": "Back to Settings",
  "jobs.kind.other": "Background job",
  "jobs.startedAt": "Started {date}",
  "jobs.state.queued": "Waiting to start",
  "jobs.state.running": "Running",
  "jobs.state.retrying": "Interrupted, trying again",
  "jobs.state.completed": "Completed",
  "jobs.state.failed": "Failed",
  "jobs.state.cancelled": "Cancelled",
  "jobs.counts": "{done} of {total}",
  "jobs.preparing": "Counting what there is to do…",
  "jobs.error": "Stopped with this error: {error}",
  "jobs.unreachable": "Cannot reach StaffSuite right now; the job goes on, and this page catches up when the connection is back.",
};

export type JobsMessages = { [K in keyof typeof en]: string };
