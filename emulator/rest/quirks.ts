/**
 * Plays a quirk (state/store.ts Quirk): the method runs as if the named filter keys had not been
 * sent. Real portals do this without a word — the old list methods skip a filter field they do
 * not know (CCrmActivity::GetList and the other CAllCrm*::GetList build their WHERE from the
 * fields they know), sonet_group.get drops an operator its checkGroupFilter does not know — so a
 * client that pages through a list must check what comes back against what it asked for.
 */
import type { EmulatorStore } from "../state/store";
import type { Params } from "./params";

/** The parameters a call runs with once the quirks of its method have played. */
export function playQuirks(store: EmulatorStore, portalKey: string, method: string, params: Params): Params {
  const m = method.toLowerCase();
  let out = params;
  for (const q of store.quirks) {
    if (q.method !== m || (q.portalKey !== null && q.portalKey !== portalKey)) continue;
    if (q.skip > 0) {
      q.skip--;
      continue;
    }
    if (q.remaining <= 0) continue;
    q.remaining--;
    out = withoutFilterKeys(out, q.ignoreFilter);
  }
  store.quirks = store.quirks.filter((q) => q.remaining > 0);
  return out;
}

function withoutFilterKeys(params: Params, keys: readonly string[]): Params {
  const drop = new Set(keys.map((k) => k.toLowerCase()));
  const out: Params = { ...params };
  for (const name of Object.keys(params)) {
    if (name.toLowerCase() !== "filter") continue;
    const filter = params[name];
    if (drop.has("*")) {
      delete out[name];
      continue;
    }
    if (!filter || typeof filter !== "object" || Array.isArray(filter)) continue;
    out[name] = Object.fromEntries(Object.entries(filter as Record<string, unknown>).filter(([k]) => !drop.has(k.toLowerCase())));
  }
  return out;
}
