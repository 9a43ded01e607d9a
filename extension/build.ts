/**
 * Builds the Chrome extension: `npm run build:extension [-- --app-url=https://staffsuite.example.com]`.
 *
 * Output: extension/dist/unpacked/ (load it with "Load unpacked" or --load-extension) and
 * extension/dist/staffsuite-gmail-{version}.zip (for the Chrome Web Store). The app's address is
 * baked into the manifest (host permission, the connect page's content script) and the code, so
 * each deployment builds its own; it defaults to APP_URL, else http://localhost:3000.
 *
 * Runs in Node (tsx); the extension's own code (src/) talks to the app over HTTP only and imports
 * nothing from lib/ or emulator/ (ESLint enforces it).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { extensionManifest } from "./manifest";
import { zipFiles } from "./zip";

const here = import.meta.dirname;

export interface BuildOptions {
  appUrl: string;
  outDir?: string;
}

export interface BuildResult {
  dir: string;
  zip: string;
}

export async function buildExtension(options: BuildOptions): Promise<BuildResult> {
  const appOrigin = new URL(options.appUrl).origin;
  const outDir = options.outDir ?? path.join(here, "dist");
  const dir = path.join(outDir, "unpacked");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "icons"), { recursive: true });
  await build({
    entryPoints: {
      background: path.join(here, "src/background/index.ts"),
      gmail: path.join(here, "src/content/gmail.ts"),
      connect: path.join(here, "src/content/connect-page.ts"),
      popup: path.join(here, "src/popup/popup.ts"),
    },
    bundle: true,
    format: "iife",
    target: "chrome120",
    outdir: dir,
    minify: false,
    sourcemap: false,
    legalComments: "none",
    define: { __APP_ORIGIN__: JSON.stringify(appOrigin) },
    logLevel: "warning",
  });
  const manifest = extensionManifest(appOrigin);
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, "popup.html"), readFileSync(path.join(here, "src/popup/popup.html")));
  // The app's own icon (public/, drawn once in scripts/icon/drawing.ts), in the manifest's sizes.
  for (const size of [16, 32, 48, 128]) copyFileSync(path.join(here, "..", "public", `icon-${size}.png`), path.join(dir, "icons", `icon-${size}.png`));
  const zip = path.join(outDir, `staffsuite-gmail-${manifest.version}.zip`);
  writeFileSync(zip, zipFiles(dir));
  return { dir, zip };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const arg = process.argv.find((a) => a.startsWith("--app-url="));
  const appUrl = arg ? arg.slice("--app-url=".length) : process.env.APP_URL || "http://localhost:3000";
  const out = await buildExtension({ appUrl });
  console.log(
    `Extension for ${new URL(appUrl).origin}:\n  unpacked: ${path.relative(process.cwd(), out.dir)}\n  zip:      ${path.relative(process.cwd(), out.zip)}`,
  );
}
