/**
 * The browser tests run Debian's Chromium (Playwright's own browser download cannot work here).
 * Without it, Playwright would start the whole stack and fail every test minutes later with
 * "executable doesn't exist", so `npm test` looks first: as root with apt-get it installs the
 * package (one line says so), otherwise it stops at once with one line naming the command.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const INSTALL_COMMAND = "apt-get install -y chromium";

/** The browser the Playwright config and the extension tests launch. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ChromiumSetup {
  /** CHROMIUM_PATH when set: then we never install, the person chose another browser. */
  configuredPath?: string;
  isRoot: boolean;
  aptAvailable: boolean;
  /** Installs Debian's package; true on success. */
  install(): boolean;
  say(line: string): void;
  executable?(file: string): boolean;
}

export type ChromiumCheck = { ok: true; path: string; installed: boolean } | { ok: false; message: string };

export function ensureChromium(setup: ChromiumSetup): ChromiumCheck {
  const executable = setup.executable ?? isExecutable;
  const file = setup.configuredPath || DEBIAN_CHROMIUM;
  if (executable(file)) return { ok: true, path: file, installed: false };
  if (setup.configuredPath) {
    return {
      ok: false,
      message: `CHROMIUM_PATH=${file} is not an executable file: point it at a Chromium binary, or unset it and run \`${INSTALL_COMMAND}\` as root.`,
    };
  }
  if (setup.isRoot && setup.aptAvailable) {
    setup.say(`Chromium is missing: installing Debian's package for the browser tests (${INSTALL_COMMAND})…`);
    if (setup.install() && executable(file)) return { ok: true, path: file, installed: true };
    return { ok: false, message: `Installing Chromium failed: run \`apt-get update && ${INSTALL_COMMAND}\` and look at its output.` };
  }
  return {
    ok: false,
    message: `The browser tests need Chromium at ${DEBIAN_CHROMIUM}: run \`sudo ${INSTALL_COMMAND}\` (or set CHROMIUM_PATH), then npm test again; \`npm run test:unit\` and \`npm run test:int\` need no browser.`,
  };
}

/** apt-get update, then the package, quietly; its error output is shown when it fails. */
export function aptInstallChromium(): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    const result = spawnSync("apt-get", args, { env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    if (result.status !== 0) {
      process.stderr.write(result.stderr ?? "");
      return false;
    }
  }
  return true;
}

export function aptGetAvailable(): boolean {
  return spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}
