/** Messages between the content scripts / popup and the service worker (which alone calls the app). */
export type Request =
  | { type: "api"; method: "GET" | "POST" | "DELETE"; path: string; body?: unknown }
  | { type: "connect"; portal: string }
  | { type: "claim"; code: string }
  | { type: "disconnect" }
  | { type: "pipelines"; refresh?: boolean };

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface ApiError {
  error: string;
  message: string;
  [k: string]: unknown;
}

export function send<T = unknown>(message: Request): Promise<T> {
  return chrome.runtime.sendMessage(message) as Promise<T>;
}
