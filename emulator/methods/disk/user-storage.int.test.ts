/**
 * Users' own drives over HTTP. Follows b24restdocs api-reference/disk/storage/disk-storage-get-list.md
 * (filter by ENTITY_TYPE / ENTITY_ID; records as disk-storage-get.md) and disk-storage-upload-file.md
 * (id, data[NAME], fileContent as [name, base64], generateUniqueName).
 */
import { describe, expect, it } from "vitest";
import { methodWorld } from "../../testing/harness";

const { world, call } = methodWorld(["user", "disk"]);

const portal = () => world().emu.store.portals.get("acme")!;
const employee = () => [...portal().users.values()].find((u) => u.active && !u.admin && u.userType === "employee")!;

describe("disk.storage.getlist / disk.storage.uploadfile", () => {
  it("lists a user's own storage and uploads into it, with unique names on request", async () => {
    const me = employee();
    const list = await call("disk.storage.getlist", { filter: { ENTITY_TYPE: "user", ENTITY_ID: me.id } }, me.id);
    expect(list.body.result).toHaveLength(1);
    const storage = list.body.result[0];
    expect(storage).toMatchObject({ MODULE_ID: "disk", ENTITY_TYPE: "user", ENTITY_ID: String(me.id) });
    const content = Buffer.from("PK-zip").toString("base64");
    const up = await call("disk.storage.uploadfile", { id: Number(storage.ID), data: { NAME: "a.zip" }, fileContent: ["a.zip", content] }, me.id);
    expect(up.body.result).toMatchObject({ NAME: "a.zip", TYPE: "file", STORAGE_ID: storage.ID, CREATED_BY: String(me.id) });
    const again = await call(
      "disk.storage.uploadfile",
      { id: Number(storage.ID), data: { NAME: "a.zip" }, fileContent: ["a.zip", content], generateUniqueName: true },
      me.id,
    );
    expect(again.body.result.NAME).toBe("a (1).zip");
    const clash = await call("disk.storage.uploadfile", { id: Number(storage.ID), data: { NAME: "a.zip" }, fileContent: ["a.zip", content] }, me.id);
    expect(clash.status).toBe(400);
  });

  it("shows an employee only their own storage and refuses uploads into another user's", async () => {
    const me = employee();
    const others = await call("disk.storage.getlist", { filter: { ENTITY_TYPE: "user", ENTITY_ID: 1 } }, me.id);
    expect(others.body.result).toEqual([]);
    const adminStorage = (await call("disk.storage.getlist", { filter: { ENTITY_TYPE: "user", ENTITY_ID: 1 } }, 1)).body.result[0];
    const r = await call("disk.storage.uploadfile", { id: Number(adminStorage.ID), data: { NAME: "x.zip" }, fileContent: ["x.zip", "AA=="] }, me.id);
    expect(r.status).toBe(403);
  });
});
