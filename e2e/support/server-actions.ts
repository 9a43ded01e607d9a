/**
 * Calling a page's server action as its client would (what a curious or hostile user can do from
 * the frame), to prove the server checks what the page offers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FrameLocator } from "@playwright/test";

/** A server action's id from the production build's manifest, for the action exported as `name` by a page under `folder`. */
export function actionId(name: string, folder: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  const entry = Object.entries(manifest.node).find(([, a]) => a.exportedName === name && Object.keys(a.workers).some((w) => w.includes(folder)));
  if (!entry) throw new Error(`${name} is not in the build's server-reference-manifest.json`);
  return entry[0];
}

/**
 * Posts one server action from inside the app's frame (its session cookie goes along) and answers
 * the HTTP status and the action's answer (`{ ok, error?, message? }`) read from the RSC stream.
 */
export async function callAction<T = { ok: boolean; error?: string; message?: string }>(
  frame: FrameLocator,
  page: "privacy" | "transfer" | "settings",
  name: string,
  input: unknown,
): Promise<{ status: number; answer: T | null }> {
  const { status, body } = await frame.locator("body").evaluate(
    async (_b, { id, input, url }) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
        body: JSON.stringify([input]),
      });
      return { status: response.status, body: await response.text() };
    },
    { id: actionId(name, page), input, url: `/${page}` },
  );
  // The RSC stream's lines are `<id>:<json>`; the action's answer is the object with `ok`.
  const line = body.split("\n").find((l) => /^[0-9a-f]+:\{.*"ok":/.test(l));
  return { status, answer: line ? (JSON.parse(line.slice(line.indexOf(":") + 1)) as T) : null };
}
