/**
 * im.notify.system.add, im.notify.personal.add and im.notify against b24restdocs
 * api-reference/chats/notifications/im-notify-system-add.md, im-notify-personal-add.md, im-notify.md:
 * every documented parameter (USER_ID, MESSAGE trimmed, MESSAGE_OUT, TAG unique within the app,
 * SUB_TAG, ATTACH, TYPE) and every documented error.
 */
import { describe, expect, it } from "vitest";
import { get, methodWorld, narrowToken, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "im"]);

const target = () => [...world().emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active && u.userType === "employee")!;
const stored = async () => (await get(`${world().emu.httpUrl}/_emulator/portals/acme/notifications`)).body as unknown as Array<Record<string, unknown>>;

describe("im.notify.*", () => {
  it("stores a system notification with every documented parameter and answers its ID", async () => {
    const u = target();
    const attach = [{ MESSAGE: "Export ready" }];
    const id = (
      await call("im.notify.system.add", {
        USER_ID: u.id,
        MESSAGE: "  Your export is ready [URL=https://x.test]open[/URL]  ",
        MESSAGE_OUT: "Your export is ready",
        TAG: "export",
        SUB_TAG: "export|1",
        ATTACH: attach,
      })
    ).body.result;
    expect(typeof id).toBe("number");
    expect((await stored()).find((n) => n.id === id)).toMatchObject({
      toUserId: u.id,
      kind: "system",
      fromUserId: null,
      message: "Your export is ready [URL=https://x.test]open[/URL]",
      messageOut: "Your export is ready",
      tag: "export",
      subTag: "export|1",
      attach,
    });
  });

  it("a personal notification comes from the caller; ATTACH may be a JSON string", async () => {
    const u = target();
    const id = (await call("im.notify.personal.add", { USER_ID: u.id, MESSAGE: "Hello", ATTACH: JSON.stringify([{ MESSAGE: "x" }]) })).body.result;
    expect((await stored()).find((n) => n.id === id)).toMatchObject({ kind: "personal", fromUserId: 1, attach: [{ MESSAGE: "x" }] });
  });

  it("a TAG the app used before replaces the earlier notifications with it", async () => {
    const u = target();
    const first = (await call("im.notify.system.add", { USER_ID: u.id, MESSAGE: "one", TAG: "progress" })).body.result;
    const second = (await call("im.notify.system.add", { USER_ID: u.id, MESSAGE: "two", TAG: "progress" })).body.result;
    expect(second).toBeGreaterThan(first);
    const tagged = (await stored()).filter((n) => n.tag === "progress");
    expect(tagged.map((n) => n.id)).toEqual([second]);
  });

  it("im.notify sends a personal notification by default and a system one with TYPE=SYSTEM", async () => {
    const u = target();
    const a = (await call("im.notify", { USER_ID: u.id, MESSAGE: "a" })).body.result;
    const b = (await call("im.notify", { USER_ID: u.id, MESSAGE: "b", TYPE: "SYSTEM" })).body.result;
    const all = await stored();
    expect(all.find((n) => n.id === a)).toMatchObject({ kind: "personal" });
    expect(all.find((n) => n.id === b)).toMatchObject({ kind: "system" });
  });

  it("answers USER_ID_EMPTY, MESSAGE_EMPTY, ATTACH_ERROR, ATTACH_OVERSIZE; false for an unknown recipient", async () => {
    const u = target();
    for (const USER_ID of [undefined, 0, -3]) {
      expect(await call("im.notify.system.add", { USER_ID, MESSAGE: "x" })).toMatchObject({
        status: 400,
        body: { error: "USER_ID_EMPTY", error_description: "User ID can't be empty" },
      });
    }
    expect(await call("im.notify.personal.add", { USER_ID: u.id, MESSAGE: "   " })).toMatchObject({
      status: 400,
      body: { error: "MESSAGE_EMPTY", error_description: "Message can't be empty" },
    });
    expect(await call("im.notify.system.add", { USER_ID: u.id, MESSAGE: "x", ATTACH: "{not json" })).toMatchObject({
      status: 400,
      body: { error: "ATTACH_ERROR" },
    });
    expect(await call("im.notify.system.add", { USER_ID: u.id, MESSAGE: "x", ATTACH: [{ MESSAGE: "y".repeat(31 * 1024) }] })).toMatchObject({
      status: 400,
      body: { error: "ATTACH_OVERSIZE" },
    });
    expect((await call("im.notify.system.add", { USER_ID: 999999, MESSAGE: "x" })).body.result).toBe(false);
  });

  it("needs the im scope", async () => {
    const token = await narrowToken(world(), ["user"]);
    expect(await postJson(`${world().rest}im.notify.system.add`, { auth: token, USER_ID: 1, MESSAGE: "x" })).toMatchObject({
      status: 403,
      body: { error: "insufficient_scope" },
    });
  });
});
