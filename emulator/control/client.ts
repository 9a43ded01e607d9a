/**
 * A caller of the control API (README.md here) for code outside the emulator's process: tests,
 * benchmarks, the e2e suite. Paths are relative to `/_emulator/` (a leading slash is allowed).
 */
export type ControlMethod = "GET" | "POST" | "DELETE";
export type ControlCall = <T = unknown>(method: ControlMethod, path: string, body?: unknown) => Promise<T>;

export function controlClient(emulatorUrl: string): ControlCall {
  return async <T>(method: ControlMethod, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${emulatorUrl}/_emulator/${path.replace(/^\//, "")}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`control ${method} ${path}: HTTP ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}
