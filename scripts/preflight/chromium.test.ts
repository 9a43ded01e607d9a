import { describe, expect, it } from "vitest";
import { DEBIAN_CHROMIUM, ensureChromium, type ChromiumSetup } from "./chromium";

/** A machine where nothing is executable until `install` runs (which only records the call). */
function machine(overrides: Partial<ChromiumSetup> & { installWorks?: boolean } = {}) {
  const said: string[] = [];
  let installs = 0;
  let installed = false;
  const setup: ChromiumSetup = {
    isRoot: true,
    aptAvailable: true,
    install: () => {
      installs++;
      installed = overrides.installWorks ?? true;
      return installed;
    },
    say: (line) => said.push(line),
    executable: (file) => installed && file === DEBIAN_CHROMIUM,
    ...overrides,
  };
  return { setup, said, installs: () => installs };
}

describe("the browser check before the e2e tests", () => {
  it("as root with apt-get, installs Debian's Chromium and says so in one line", () => {
    const m = machine();
    expect(ensureChromium(m.setup)).toEqual({ ok: true, path: DEBIAN_CHROMIUM, installed: true });
    expect(m.installs()).toBe(1);
    expect(m.said).toHaveLength(1);
    expect(m.said[0]).toContain("apt-get install -y chromium");
  });

  it("without root, stops at once with one line naming the command, installing nothing", () => {
    const m = machine({ isRoot: false });
    const check = ensureChromium(m.setup);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain("sudo apt-get install -y chromium");
    expect(check.message).not.toContain("\n");
    expect(m.installs()).toBe(0);
  });

  it("without apt-get, stops too", () => {
    const m = machine({ aptAvailable: false });
    expect(ensureChromium(m.setup).ok).toBe(false);
    expect(m.installs()).toBe(0);
  });

  it("a CHROMIUM_PATH that does not exist is named, and nothing is installed over the person's choice", () => {
    const m = machine({ configuredPath: "/nowhere/chromium" });
    const check = ensureChromium(m.setup);
    expect(check).toEqual({ ok: false, message: expect.stringContaining("CHROMIUM_PATH=/nowhere/chromium") });
    expect(m.installs()).toBe(0);
  });

  it("a failed install is reported, not taken for a browser", () => {
    const m = machine({ installWorks: false });
    const check = ensureChromium(m.setup);
    expect(check.ok).toBe(false);
    expect(m.installs()).toBe(1);
  });

  it("a browser in place is used as it is", () => {
    const m = machine({ executable: () => true });
    expect(ensureChromium(m.setup)).toEqual({ ok: true, path: DEBIAN_CHROMIUM, installed: false });
    expect(m.installs()).toBe(0);
  });
});
