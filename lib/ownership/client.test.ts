import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The modules a file loads at run time (type-only imports are erased), followed through relative imports. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)) {
    const target = m[1];
    if (!target.startsWith(".")) {
      seen.add(target);
      continue;
    }
    runtimeImports(`${path.resolve(path.dirname(file), target)}.ts`, seen);
  }
  return seen;
}

describe("lib/ownership/client.ts", () => {
  it("loads only the pure facts of lib/ownership: nothing server-only, no Bitrix24 client, no i18n runtime", () => {
    const loaded = [...runtimeImports(path.join(import.meta.dirname, "client.ts"))].map((f) => path.relative(import.meta.dirname, f));
    expect(loaded.sort()).toEqual(["client.ts", "labels.ts", "links.ts", "record-types.ts"]);
  });
});
