/**
 * sonet_group.* and disk upload over HTTP. Follows b24restdocs api-reference/sonet-group/sonet-group-get.md,
 * sonet-group-setowner.md, sonet-group-user-groups.md, disk/storage/disk-storage-get-for-app.md and
 * disk/folder/disk-folder-upload-file.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhook } from "../../state/store";
import { findDiskDownload } from "../disk/index";
import { get, methodWorld } from "../../testing/harness";

const { world, call } = methodWorld(["user", "sonet_group", "disk"]);

describe("sonet_group", () => {
  it("finds groups by OWNER_ID and moves the owner", async () => {
    const r = await call("sonet_group.get", { FILTER: { OWNER_ID: 1 }, IS_ADMIN: "Y" });
    expect(r.body.total).toBeGreaterThan(0);
    const g = r.body.result[0];
    expect(g).toMatchObject({ OWNER_ID: "1", SITE_ID: "s1" });
    expect(typeof g.ID).toBe("string");
    expect((await call("sonet_group.setowner", { GROUP_ID: Number(g.ID), USER_ID: 2 })).body.result).toBe(true);
    const after = await call("sonet_group.get", { FILTER: { ID: Number(g.ID) }, IS_ADMIN: "Y" });
    expect(after.body.result[0].OWNER_ID).toBe("2");
    const mine = await call("sonet_group.user.groups", {}, 2);
    expect(mine.body.result.find((x: { GROUP_ID: string }) => x.GROUP_ID === g.ID)).toMatchObject({ ROLE: "A" });
  });

  it("refuses setowner by a non-member and for an unknown group", async () => {
    const groups = world().emu.store.portals.get("acme")!.data.workgroups;
    const outsider = [...world().emu.store.portals.get("acme")!.users.values()].find((u) => u.active && !u.admin && !groups[0].members.has(u.id))!;
    const r = await call("sonet_group.setowner", { GROUP_ID: groups[0].id, USER_ID: outsider.id }, outsider.id);
    expect(r).toMatchObject({ status: 400, body: { error: "" } });
    expect((await call("sonet_group.setowner", { GROUP_ID: 99999, USER_ID: 2 })).body.error_description).toBe("Invalid workgroup/project ID");
  });
});

describe("disk", () => {
  it("gives the app a storage, uploads a base64 file and serves its download token", async () => {
    const s = await call("disk.storage.getforapp", {});
    expect(s.body.result).toMatchObject({ MODULE_ID: "disk", ENTITY_TYPE: "restapp" });
    const content = Buffer.from("PK-zip-bytes").toString("base64");
    const up = await call("disk.folder.uploadfile", {
      id: Number(s.body.result.ROOT_OBJECT_ID),
      data: { NAME: "export.zip" },
      fileContent: ["export.zip", content],
    });
    expect(up.body.result).toMatchObject({ NAME: "export.zip", TYPE: "file", SIZE: "12" });
    const token = new URL(up.body.result.DOWNLOAD_URL).searchParams.get("token")!;
    const file = findDiskDownload(world().emu.store.portals.get("acme")!, token);
    expect(Buffer.from(file!.content).toString()).toBe("PK-zip-bytes");
    expect(findDiskDownload(world().emu.store.portals.get("acme")!, token + "x")).toBeNull();

    // The DOWNLOAD_URL itself serves the bytes; a tampered token is 404.
    const download = await fetch(up.body.result.DOWNLOAD_URL);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("export.zip");
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe("PK-zip-bytes");
    const tampered = new URL(up.body.result.DOWNLOAD_URL);
    tampered.searchParams.set("token", `${token}x`);
    expect((await fetch(tampered)).status).toBe(404);
  });

  it("answers ACCESS_DENIED without an application context (webhook)", async () => {
    const hook = addWebhook(world().emu.store.portals.get("acme")!, 1, ["disk"]);
    const r = await get(`${world().rest}${hook.userId}/${hook.code}/disk.storage.getforapp`);
    expect(r).toMatchObject({ body: { error: "ACCESS_DENIED" } });
  });
});
