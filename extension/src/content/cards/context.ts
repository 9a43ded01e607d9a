/**
 * What a participant card needs from the page it lives in: the strings, the portal's language,
 * the app's API (through the service worker in Gmail), the pipeline cache, logging the message
 * and looking the thread up again. Gmail's content script and the Mail page's preview each give
 * their own.
 */
import type { T } from "../../shared/i18n";
import type { ApiAnswer } from "../../shared/messages";
import type { PipelineCache } from "../../shared/storage";
import type { Duplicate } from "../api-types";

export type LogTarget = { kind: "contact" | "lead" | "company" | "deal"; id: number };
export type LogCommunication = { kind: "contact" | "lead" | "company"; id: number; email: string };

export interface CardContext {
  t: T;
  /** The portal's language (dates are written in it too). */
  lang: string;
  api<B>(method: "GET" | "POST", path: string, body?: unknown): Promise<ApiAnswer<B>>;
  pipelines(refresh?: boolean): Promise<PipelineCache | null>;
  /** Logs the chosen message of the thread to a record (reads the message only now, on the click). */
  logEmail(target: LogTarget, communication: LogCommunication): Promise<ApiAnswer<ApiErrorBody>>;
  /** Looks the thread up again (a record was created, or one is gone), with a notice to show above the cards. */
  refresh(notice?: string): void;
}

/** What the API answers besides success: an error code and words, and the link or list of a 409. */
export type ApiErrorBody = { error?: string; message?: string; link?: string; url?: string; duplicates?: Duplicate[] };
