/** What the live page's parts share: the status they show, which states still run, and how an action is carried out. */
import type { transferStatus } from "../actions";

export type Status = Extract<Awaited<ReturnType<typeof transferStatus>>, { ok: true }>;
export type Progress = Status["progress"];

export const RUNNING = new Set(["queued", "planning", "moving"]);

/** Runs a server action: shows its refusal, opens the transfer it started, or refreshes the status. */
export type Act = (work: () => Promise<{ ok: boolean; error?: string; message?: string; transferId?: string }>) => Promise<void>;

export const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";
