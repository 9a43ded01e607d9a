/**
 * The profile placement at install (b24restdocs api-reference/widgets/placement-bind.md,
 * widgets/user-profile/profile-menu.md): the install POST binds USER_PROFILE_MENU to the app's
 * handler when the portal granted `placement`, once however often the admin re-opens the install
 * URL; a failing bind is logged and the install still completes. Real PostgreSQL, the emulator
 * over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appHandlerUrl, installFromPost, type InstallHooks } from "../lifecycle";
import { ADMIN_ID, CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";
import { bindPlacementsOnInstall, PROFILE_PLACEMENT } from "./placement";

let h: LifecycleHarness;
beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme"], scopes: ["user", "department", "placement"] });
});
afterAll(async () => h?.close());

interface Binding {
  placement: string;
  handler: string;
  title: string;
  langAll: Record<string, { TITLE?: string }>;
}
const bindings = async (): Promise<Binding[]> => {
  const installs = await h.control<Array<{ clientId: string; placements?: Binding[] }>>("GET", "portals/acme/installs");
  return installs.find((i) => i.clientId === CLIENT_ID)?.placements ?? [];
};

// As app/bitrix24/install/route.ts composes it.
const hooks: InstallHooks = { onInstalled: async (portal) => void (await bindPlacementsOnInstall(portal)) };

describe("profile placement at install", () => {
  it("binds the profile menu item to the app's handler once, in every language, however often the install URL is opened", async () => {
    await h.installApp("acme", CLIENT_ID, ADMIN_ID);
    expect(await bindings()).toEqual([]);

    await installFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post, hooks);
    const handler = appHandlerUrl(h.deps);
    expect(handler).toBe(`${h.appUrl}/bitrix24/app`);
    const first = await bindings();
    expect(first).toEqual([expect.objectContaining({ placement: PROFILE_PLACEMENT, handler })]);
    expect(Object.keys(first[0].langAll).sort()).toEqual(["de", "en", "ru"]);

    await installFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post, hooks);
    expect(await bindings()).toHaveLength(1);
  });

  it("binds nothing when the portal did not grant the placement scope", async () => {
    let bound: boolean | undefined;
    const called: string[] = [];
    await installFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post, {
      onInstalled: async (portal) => {
        expect(portal.scopes).toContain("placement");
        const client: Pick<typeof portal.client, "call"> = {
          call: (method, params) => {
            called.push(method);
            return portal.client.call(method, params);
          },
        };
        bound = await bindPlacementsOnInstall({ client, handlerUrl: portal.handlerUrl, scopes: portal.scopes.filter((s) => s !== "placement") });
      },
    });
    expect(bound).toBe(false);
    expect(called).toEqual([]);
  });

  it("a refused bind is logged and the install still completes", async () => {
    const before = await bindings();
    let refused: unknown;
    // ERROR_ARGUMENT from the portal: placement.bind without a HANDLER.
    const session = await installFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post, {
      onInstalled: async (portal) => {
        await portal.client.call("placement.bind", { PLACEMENT: PROFILE_PLACEMENT }).catch((error: unknown) => {
          refused = error;
          throw error;
        });
      },
    });
    expect(String(refused)).toMatch(/ERROR_ARGUMENT|HANDLER/);
    expect(session).toMatchObject({ userId: ADMIN_ID, isAdmin: true });
    expect(await h.db.prisma.portal.count()).toBe(1);
    expect(await bindings()).toEqual(before);
  });
});
