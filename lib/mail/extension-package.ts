/**
 * The extension's zip a self-hoster built for this app's address (`npm run build:extension`, which
 * writes extension/dist/staffsuite-gmail-{version}.zip; EXTENSION_PACKAGE_DIR says where). The
 * Mail page offers it with the steps to load it, and /api/extension/package serves it. It holds
 * the extension's code and the app's public address, nothing of any portal.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export interface ExtensionPackage {
  file: string;
  fileName: string;
  version: string;
  bytes: number;
  builtAt: Date;
}

const ZIP = /^staffsuite-gmail-(\d+(?:\.\d+){1,3})\.zip$/;

/** The newest zip in `dir`, or null when none was built there. */
export function findExtensionPackage(dir: string): ExtensionPackage | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const found = names
    .map((fileName) => ({ fileName, m: ZIP.exec(fileName) }))
    .filter((f): f is { fileName: string; m: RegExpExecArray } => f.m !== null)
    .map(({ fileName, m }) => {
      const file = path.resolve(dir, fileName);
      const stat = statSync(file);
      return { file, fileName, version: m[1], bytes: stat.size, builtAt: stat.mtime };
    })
    .sort((a, b) => b.builtAt.getTime() - a.builtAt.getTime());
  return found[0] ?? null;
}
