/**
 * The repository explains itself: code and docs cite docs/architecture.md, docs/style.md,
 * docs/bitrix24-platform.md and emulator/README.md, never notes that live outside it (someone who
 * clones the repository could not follow such a reference).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const self = path.relative(root, import.meta.filename);
// Notes kept beside the repository during development, by the names code used to cite them.
const outside = /\b(?:DESIGN|STYLE|PLATFORM|METHODS)\.md\b|\bshared (?:DESIGN|STYLE|PLATFORM)\b|\/work\/shared/;

/** Every line of every tracked text file but this one, with where it stands. */
function trackedLines(): Array<{ file: string; line: string; at: string }> {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
  return files
    .filter((file) => file !== self && !/\.(png|jpe?g|ico|woff2?|zip|wasm)$/i.test(file))
    .flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(path.join(root, file), "utf8");
      } catch {
        return []; // listed but absent (a file deleted in the work tree)
      }
      return text.split("\n").map((line, i) => ({ file, line, at: `${file}:${i + 1}` }));
    });
}

it("no tracked file points at notes outside the repository", () => {
  const offenders = trackedLines()
    .filter(({ line }) => outside.test(line))
    .map(({ line, at }) => `${at}: ${line.trim()}`);
  expect(offenders).toEqual([]);
});

// A path such as docs/<name>.md written anywhere in the repository (a code comment, a README,
// another doc) names a file that must exist, so a reader who follows it finds the page. A
// template such as the decisions' NNN-title is not a path.
const docPath = /(?<![\w./-])docs\/[\w./-]+?\.md\b/g;

it("every docs/….md path that a tracked file mentions exists", () => {
  const missing = trackedLines().flatMap(({ line, at }) =>
    [...line.matchAll(docPath)].filter(([doc]) => !doc.includes("NNN") && !existsSync(path.join(root, doc))).map(([doc]) => `${at}: ${doc}`),
  );
  expect(missing).toEqual([]);
});
