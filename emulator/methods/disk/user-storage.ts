/**
 * Users' own drives: disk.storage.getlist and disk.storage.uploadfile (b24restdocs
 * api-reference/disk/storage/disk-storage-get-list.md, disk-storage-upload-file.md; storage
 * fields as disk-storage-get.md: ID, NAME, CODE, MODULE_ID, ENTITY_TYPE, ENTITY_ID,
 * ROOT_OBJECT_ID). Every portal user has a personal storage (ENTITY_TYPE "user"); a user sees
 * and writes their own, an administrator every user's. App storages (disk.storage.getforapp)
 * are listed to the app that owns them.
 */
import { createHash } from "node:crypto";
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";
import type { DiskFile } from "../../state/portal-data";
import { param } from "../../seed/read-params";
import { isoFromSeconds } from "../../seed/table";

function userStorage(call: MethodCall, userId: number) {
  const disk = call.portal.data.disk;
  let s = disk.userStorages.get(userId);
  if (!s) {
    const storageId = disk.nextId++;
    const rootFolderId = disk.nextId++;
    s = { storageId, rootFolderId };
    disk.userStorages.set(userId, s);
    disk.folders.set(rootFolderId, { id: rootFolderId, storageId, parentId: null, name: `user-${userId}` });
  }
  return s;
}

function storageRecord(call: MethodCall, userId: number) {
  const s = userStorage(call, userId);
  const u = call.portal.users.get(userId);
  return {
    ID: String(s.storageId),
    NAME: u ? `${u.name} ${u.lastName}`.trim() : String(userId),
    CODE: null,
    MODULE_ID: "disk",
    ENTITY_TYPE: "user",
    ENTITY_ID: String(userId),
    ROOT_OBJECT_ID: String(s.rootFolderId),
  };
}

function getList(call: MethodCall) {
  const filter = (param(call.params, "filter") ?? {}) as Record<string, unknown>;
  const f = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k.toUpperCase(), v]));
  const visible = [...call.portal.users.values()].filter((u) => u.id === call.user.id || call.user.admin);
  const list: Record<string, unknown>[] = [];
  // Only build the storages the filter can match (every user's storage is created on first sight).
  const onlyUser = f.ENTITY_TYPE === undefined || String(f.ENTITY_TYPE) === "user";
  if (onlyUser) for (const u of visible) if (f.ENTITY_ID === undefined || Number(f.ENTITY_ID) === u.id) list.push(storageRecord(call, u.id));
  if ((f.ENTITY_TYPE === undefined || String(f.ENTITY_TYPE) === "restapp") && call.app) {
    const s = call.portal.data.disk.appStorages.get(call.app.clientId);
    if (s)
      list.push({
        ID: String(s.storageId),
        NAME: s.name,
        CODE: null,
        MODULE_ID: "disk",
        ENTITY_TYPE: "restapp",
        ENTITY_ID: "1",
        ROOT_OBJECT_ID: String(s.rootFolderId),
      });
  }
  // disk-storage-get-list.md: the filter takes the storage's fields (ID, NAME, CODE, MODULE_ID,
  // ENTITY_TYPE, ENTITY_ID, ROOT_OBJECT_ID); a key naming no field matches nothing.
  const matching = list.filter((r) => Object.entries(f).every(([k, v]) => k in r && String(r[k] ?? "") === String(v ?? "")));
  return { result: matching.slice(0, 50), total: matching.length, ...(matching.length > 50 ? { next: 50 } : {}) };
}

/**
 * A free name in the folder: the name itself, or with generateUniqueName "name (1).ext"…
 * (disk-storage-upload-file.md, disk-folder-upload-file.md); a taken name without it is DISK_OBJ_22000.
 */
export function freeName(call: MethodCall, folderId: number, name: string): string {
  const disk = call.portal.data.disk;
  const taken = (n: string) => [...disk.files.values()].some((f) => f.folderId === folderId && f.name === n);
  if (!taken(name)) return name;
  const unique = ["Y", "1", "true", true].includes(param(call.params, "generateUniqueName") as string);
  if (!unique) throw new RestError("DISK_OBJ_22000", "File or folder with this name already exists", 400);
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let i = 1; ; i++) if (!taken(`${stem} (${i})${ext}`)) return `${stem} (${i})${ext}`;
}

function uploadToStorage(call: MethodCall) {
  const disk = call.portal.data.disk;
  const storageId = Number(param(call.params, "id"));
  const owner = [...disk.userStorages].find(([, s]) => s.storageId === storageId);
  if (!owner) throw new RestError("ERROR_NOT_FOUND", "Could not find entity with id 'X' (storage)", 404);
  const [ownerId, storage] = owner;
  if (ownerId !== call.user.id && !call.user.admin) throw new RestError("ACCESS_DENIED", "Access denied", 403);
  const data = (param(call.params, "data") ?? {}) as Record<string, unknown>;
  const content = param(call.params, "fileContent");
  if (!Array.isArray(content) || content.length < 2) throw new RestError("ERROR_ARGUMENT", "Argument 'fileContent' is null or empty", 400);
  let name = String(data.NAME ?? content[0] ?? "").trim();
  if (!name) throw new RestError("ERROR_ARGUMENT", "Argument 'data[NAME]' is null or empty", 400);
  name = freeName(call, storage.rootFolderId, name);
  const bytes = new Uint8Array(Buffer.from(String(content[1]), "base64"));
  const id = disk.nextId++;
  const token = createHash("sha256").update(`${call.portal.memberId}:${id}:${bytes.length}:${call.now.getTime()}`).digest("hex").slice(0, 32);
  const createdAt = isoFromSeconds(Math.floor(call.now.getTime() / 1000));
  const file: DiskFile = { id, name, storageId, folderId: storage.rootFolderId, size: bytes.length, content: bytes, createdBy: call.user.id, createdAt, token };
  disk.files.set(id, file);
  return {
    result: {
      ID: String(id),
      NAME: name,
      CODE: null,
      STORAGE_ID: String(storageId),
      TYPE: "file",
      PARENT_ID: String(storage.rootFolderId),
      DELETED_TYPE: "0",
      CREATE_TIME: createdAt,
      UPDATE_TIME: createdAt,
      DELETE_TIME: null,
      CREATED_BY: String(call.user.id),
      UPDATED_BY: String(call.user.id),
      DELETED_BY: "0",
      DOWNLOAD_URL: `${call.portalUrl}/rest/download.json?token=${encodeURIComponent(`disk|${id}|${token}`)}`,
      DETAIL_URL: `${call.portalUrl}/company/personal/user/${ownerId}/disk/file/${encodeURIComponent(name)}`,
    },
  };
}

defineMethods({ name: "disk.storage.getlist", scope: "disk", handler: getList }, { name: "disk.storage.uploadfile", scope: "disk", handler: uploadToStorage });
