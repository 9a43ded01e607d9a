/**
 * disk.storage.getforapp / disk.folder.uploadfile over HTTP (b24restdocs
 * api-reference/disk/storage/disk-storage-get-for-app.md, disk/folder/disk-folder-upload-file.md):
 * the app's storage, an upload and its DOWNLOAD_URL, and the documented refusals (no app
 * context, unknown folder, missing file content or name, missing scope).
 */
import { describe, expect, it } from "vitest";
import { addWebhook } from "../../state/store";
import { findDiskDownload } from "./index";
import { get, methodWorld, narrowToken, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "disk"]);

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

describe("disk.folder.uploadfile refusals", () => {
  it("answers ERROR_NOT_FOUND for an unknown folder and ERROR_ARGUMENT without file content or a name", async () => {
    const root = Number((await call("disk.storage.getforapp", {})).body.result.ROOT_OBJECT_ID);
    expect(await call("disk.folder.uploadfile", { id: 999999, data: { NAME: "a.txt" }, fileContent: ["a.txt", "YQ=="] })).toMatchObject({
      status: 404,
      body: { error: "ERROR_NOT_FOUND" },
    });
    expect(await call("disk.folder.uploadfile", { id: root, data: { NAME: "a.txt" } })).toMatchObject({ status: 400, body: { error: "ERROR_ARGUMENT" } });
    expect(await call("disk.folder.uploadfile", { id: root, data: { NAME: " " }, fileContent: [" ", "YQ=="] })).toMatchObject({
      status: 400,
      body: { error: "ERROR_ARGUMENT" },
    });
  });

  it("needs the disk scope", async () => {
    const token = await narrowToken(world(), ["user"]);
    expect(await postJson(`${world().rest}disk.storage.getforapp`, { auth: token })).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});

describe("disk.folder.uploadfile names and disk.storage.getlist filter", () => {
  it("a taken name answers DISK_OBJ_22000, with generateUniqueName the file gets 'name (1).ext'", async () => {
    const root = Number((await call("disk.storage.getforapp", {})).body.result.ROOT_OBJECT_ID);
    const up = (extra: object = {}) =>
      call("disk.folder.uploadfile", { id: root, data: { NAME: "report.csv" }, fileContent: ["report.csv", "YQ=="], ...extra });
    expect((await up()).body.result.NAME).toBe("report.csv");
    expect(await up()).toMatchObject({ status: 400, body: { error: "DISK_OBJ_22000" } });
    expect((await up({ generateUniqueName: true })).body.result.NAME).toBe("report (1).csv");
  });

  it("disk.storage.getlist filters by the storage's fields; a key naming no field matches nothing", async () => {
    const app = (await call("disk.storage.getforapp", {})).body.result;
    expect((await call("disk.storage.getlist", { filter: { ID: app.ID } })).body.result).toEqual([app].map((s) => ({ ...s, ENTITY_ID: "1" })));
    expect((await call("disk.storage.getlist", { filter: { MODULE_ID: "disk", ENTITY_TYPE: "user", ENTITY_ID: 1 } })).body.result).toHaveLength(1);
    expect((await call("disk.storage.getlist", { filter: { NOPE: "x" } })).body.result).toEqual([]);
  });
});
