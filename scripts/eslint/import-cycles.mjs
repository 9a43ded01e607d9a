/**
 * An ESLint rule of our own: no import cycles anywhere in the repository (lib, app, components,
 * emulator, extension, scripts, test, e2e). A cycle makes the order modules load in matter — a
 * constant read before its module ran is undefined (the old job catalogue had to be a function
 * for that reason) — and it ties two files that should be one, or two that should not know each
 * other. eslint-plugin-import's import/no-cycle took minutes here; this reads every file's import
 * lines once per lint run (a regex, not a parse) and, for each linted file, looks for a path from
 * what it imports back to itself. Type-only imports count too: they tangle the code the same way.
 *
 * The linted file's own imports come from its source text (so a probe linted in memory is seen,
 * scripts/lint-boundaries.test.ts), every other file's from the disk.
 */
import fs from "node:fs";
import path from "node:path";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js"];
const SKIP = new Set(["node_modules", ".next", ".data", ".git", "generated", "dist", "test-results", "playwright-report"]);
// `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")` — after comments are stripped.
const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The specifiers a source text imports (comments and strings in comments ignored). */
export function importsOf(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const out = [];
  for (const m of code.matchAll(IMPORT)) out.push(m[1] ?? m[2]);
  return out;
}

/** The repository file a specifier names, or null (packages, Node's modules, assets). */
export function resolveImport(root, fromFile, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  // A TypeScript file imported as "./x.js" (ESM style) is x.ts.
  if (/\.(m?js)$/.test(base)) candidates.push(base.replace(/\.m?js$/, ".ts"), base.replace(/\.m?js$/, ".tsx"));
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {
      // not this one
    }
  }
  return null;
}

const graphs = new Map();

/** root → (file → the repository files it imports), read from the disk once per process. */
function diskGraph(root) {
  let graph = graphs.get(root);
  if (graph) return graph;
  graph = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        const targets = importsOf(fs.readFileSync(full, "utf8"))
          .map((s) => resolveImport(root, full, s))
          .filter(Boolean);
        graph.set(full, [...new Set(targets)]);
      }
    }
  };
  walk(root);
  graphs.set(root, graph);
  return graph;
}

/** A shortest path of imports from one of `starts` back to `file`, or null. */
export function cycleThrough(graph, file, starts) {
  const previous = new Map();
  const queue = [];
  for (const s of starts) {
    if (s === file) return [file, file];
    if (!previous.has(s)) {
      previous.set(s, file);
      queue.push(s);
    }
  }
  while (queue.length) {
    const at = queue.shift();
    for (const next of graph.get(at) ?? []) {
      if (next === file) {
        const chain = [at];
        while (previous.get(chain[0]) !== file) chain.unshift(previous.get(chain[0]));
        return [file, ...chain, file];
      }
      if (!previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Disallow import cycles between the repository's modules" },
    schema: [],
    messages: { cycle: "Import cycle: {{chain}}. Move what both sides need into one module the others import." },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const root = context.cwd ?? context.getCwd();
    if (!file.startsWith(root + path.sep) || file.split(path.sep).some((part) => SKIP.has(part))) return {};
    return {
      "Program:exit"(program) {
        const graph = diskGraph(root);
        const starts = [
          ...new Set(
            importsOf(context.sourceCode.getText())
              .map((s) => resolveImport(root, file, s))
              .filter(Boolean),
          ),
        ];
        const cycle = cycleThrough(graph, file, starts);
        if (cycle) context.report({ node: program, messageId: "cycle", data: { chain: cycle.map((f) => path.relative(root, f)).join(" → ") } });
      },
    };
  },
};

const plugin = { rules: { "no-import-cycle": rule } };
export default plugin;
