/**
 * bench:mail's split of a lookup's wall time into the portal's and ours: a fetch that adds the time
 * of each portal answer (sent and read to its end) and the time the portal itself reports to the
 * lookup's slot.
 */
import { portalFetch, type FetchLike } from "../../lib/bitrix24/index";

// The portal's own account of its time: the answer's closing `time.duration` (seconds), read
// from its last characters rather than parsing the whole answer again here.
const reportedMs = (body: string) => {
  const m = /"time":\{[^{}]*"duration":([\d.eE+-]+)[^{}]*\}\s*\}\s*$/.exec(body.slice(-600));
  return m ? Number(m[1]) * 1000 : 0;
};
// Where the portal's answers are waited for, per session: a session's lookups run one after
// another, so its slot holds exactly the current lookup's waiting. (Not AsyncLocalStorage: on
// Node 20 its promise hooks cost this process ~0.4 ms of CPU per lookup, the bench's, not the app's.)
// The answer — headers and body read to its end — is the portal's time; what we do with it is
// ours. The app's own transport (lib/bitrix24/transport.ts) sends it; the body is read by the
// client's own `text()`, timed in place, so the bench adds no work the app does not do.
export type Slot = { ms: number; bytes: number; reported: number };
export const timedFetch =
  (slot: Slot | null): FetchLike =>
  async (input, init) => {
    const t0 = performance.now();
    const res = await portalFetch(input, init);
    if (!slot) return res;
    return {
      status: res.status,
      ok: res.ok,
      json: () => res.json(),
      text: async () => {
        const body = await res.text();
        slot.ms += performance.now() - t0;
        slot.bytes += Buffer.byteLength(body);
        slot.reported += reportedMs(body);
        return body;
      },
    };
  };
