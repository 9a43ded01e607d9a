import { describe, expect, it } from "vitest";
import { PIPELINES_TTL_MS, type PipelineCache } from "../shared/storage";
import { cachedPipelines, type PipelineCacheDeps } from "./pipeline-cache";

const catalogue = (name: string) => ({
  pipelines: [{ id: 0, name, isDefault: true, stages: [{ id: "NEW", name: "New", semantics: "process" }] }],
  leadStatuses: [{ id: "NEW", name: "Unassigned" }],
});

function world(answers: Array<{ status: number; body: unknown }>) {
  let stored: PipelineCache | undefined;
  let clock = 1_000_000;
  let fetches = 0;
  const deps: PipelineCacheDeps = {
    read: async () => stored,
    write: async (c) => void (stored = c),
    fetch: async () => answers[fetches++] ?? { status: 500, body: {} },
    now: () => clock,
  };
  return { deps, fetches: () => fetches, stored: () => stored, advance: (ms: number) => void (clock += ms) };
}

describe("the pipelines cache", () => {
  it("fetches once, then reuses the cached copy until it is PIPELINES_TTL_MS old", async () => {
    const w = world([
      { status: 200, body: catalogue("Sales") },
      { status: 200, body: catalogue("Renamed") },
    ]);
    const first = await cachedPipelines(w.deps, false);
    expect(first).toMatchObject({ status: 200, body: { pipelines: [{ name: "Sales" }], fetchedAt: 1_000_000 } });
    w.advance(PIPELINES_TTL_MS - 1);
    expect(await cachedPipelines(w.deps, false)).toMatchObject({ body: { pipelines: [{ name: "Sales" }] } });
    expect(w.fetches()).toBe(1);
    // Expired: fetched again, and the new copy is what is stored.
    w.advance(1);
    expect(await cachedPipelines(w.deps, false)).toMatchObject({ body: { pipelines: [{ name: "Renamed" }] } });
    expect(w.fetches()).toBe(2);
    expect(w.stored()).toMatchObject({ pipelines: [{ name: "Renamed" }], fetchedAt: 1_000_000 + PIPELINES_TTL_MS });
  });

  it("fetches when asked to refresh, however young the copy", async () => {
    const w = world([
      { status: 200, body: catalogue("Sales") },
      { status: 200, body: catalogue("New pipeline") },
    ]);
    await cachedPipelines(w.deps, false);
    expect(await cachedPipelines(w.deps, true)).toMatchObject({ body: { pipelines: [{ name: "New pipeline" }] } });
    expect(w.fetches()).toBe(2);
  });

  it("answers a failed fetch as it came and keeps the old copy", async () => {
    const w = world([
      { status: 200, body: catalogue("Sales") },
      { status: 401, body: { error: "session_revoked" } },
    ]);
    await cachedPipelines(w.deps, false);
    w.advance(PIPELINES_TTL_MS);
    expect(await cachedPipelines(w.deps, false)).toEqual({ status: 401, body: { error: "session_revoked" } });
    expect(w.stored()).toMatchObject({ pipelines: [{ name: "Sales" }], fetchedAt: 1_000_000 });
  });
});
