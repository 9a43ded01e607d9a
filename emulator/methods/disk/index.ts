/**
 * disk.storage.getforapp and disk.folder.uploadfile: enough for an app to put an archive on the
 * portal and hand out its DOWNLOAD_URL.
 * Follows b24restdocs api-reference/disk/storage/disk-storage-get-for-app.md (ACCESS_DENIED
 * "Application context required" for webhooks) and disk/folder/disk-folder-upload-file.md
 * (`data[NAME]`, `fileContent` = [name, base64]; without fileContent the method answers an
 * upload URL, which the emulator does not offer — pass fileContent; a taken name is DISK_OBJ_22000
 * unless generateUniqueName).
 * Downloads: the core serves `{portalUrl}/rest/download.json?token=disk|{fileId}|{secret}` with
 * `findDiskDownload` below.
 */
import { createHash } from "node:crypto";
import { freeName } from "./user-storage";
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";
import type { DiskFile } from "../../state/portal-data";
import type { Portal } from "../../state/types";
import { param } from "../../seed/read-params";
import { isoFromSeconds } from "../../seed/table";

function storageFor(call: MethodCall) {
  if (!call.app) throw new RestError("ACCESS_DENIED", "Access denied! Application context required", 400);
  const disk = call.portal.data.disk;
  let s = disk.appStorages.get(call.app.clientId);
  if (!s) {
    const storageId = disk.nextId++;
    const rootFolderId = disk.nextId++;
    s = { storageId, rootFolderId, name: call.app.clientId };
    disk.appStorages.set(call.app.clientId, s);
    disk.folders.set(rootFolderId, { id: rootFolderId, storageId, parentId: null, name: s.name });
  }
  return s;
}

function getForApp(call: MethodCall) {
  const s = storageFor(call);
  return {
    result: {
      ID: String(s.storageId),
      NAME: s.name,
      CODE: null,
      MODULE_ID: "disk",
      ENTITY_TYPE: "restapp",
      ENTITY_ID: String(call.portal.data.disk.appStorages.size),
      ROOT_OBJECT_ID: String(s.rootFolderId),
    },
  };
}

function uploadFile(call: MethodCall) {
  const disk = call.portal.data.disk;
  const folderId = Number(param(call.params, "id"));
  const folder = disk.folders.get(folderId);
  if (!folder) throw new RestError("ERROR_NOT_FOUND", "Could not find entity with id 'X' (folder)", 404);
  const storage = [...disk.appStorages.values()].find((s) => s.storageId === folder.storageId);
  if (!call.user.admin && (!call.app || storage?.name !== call.app.clientId)) throw new RestError("ACCESS_DENIED", "Access denied", 403);
  const data = (param(call.params, "data") ?? {}) as Record<string, unknown>;
  const content = param(call.params, "fileContent");
  if (!Array.isArray(content) || content.length < 2) throw new RestError("ERROR_ARGUMENT", "Argument 'fileContent' is null or empty", 400);
  const given = String(data.NAME ?? content[0] ?? "").trim();
  if (!given) throw new RestError("ERROR_ARGUMENT", "Argument 'data[NAME]' is null or empty", 400);
  const name = freeName(call, folderId, given);
  const bytes = new Uint8Array(Buffer.from(String(content[1]), "base64"));
  const id = disk.nextId++;
  const token = createHash("sha256").update(`${call.portal.memberId}:${id}:${bytes.length}:${call.now.getTime()}`).digest("hex").slice(0, 32);
  const file: DiskFile = {
    id,
    name,
    storageId: folder.storageId,
    folderId,
    size: bytes.length,
    content: bytes,
    createdBy: call.user.id,
    createdAt: isoFromSeconds(Math.floor(call.now.getTime() / 1000)),
    token,
  };
  disk.files.set(id, file);
  return {
    result: {
      ID: id,
      NAME: name,
      CODE: null,
      STORAGE_ID: String(folder.storageId),
      TYPE: "file",
      PARENT_ID: String(folderId),
      DELETED_TYPE: 0,
      GLOBAL_CONTENT_VERSION: 1,
      FILE_ID: id,
      SIZE: String(bytes.length),
      CREATE_TIME: file.createdAt,
      UPDATE_TIME: file.createdAt,
      DELETE_TIME: null,
      CREATED_BY: String(call.user.id),
      UPDATED_BY: String(call.user.id),
      DELETED_BY: null,
      DOWNLOAD_URL: `${call.portalUrl}/rest/download.json?token=${encodeURIComponent(`disk|${id}|${token}`)}`,
      DETAIL_URL: `${call.portalUrl}/docs/file/${encodeURIComponent(name)}`,
    },
  };
}

/** The file a DOWNLOAD_URL's `token` names, or null (for the core's download route). */
export function findDiskDownload(portal: Portal, token: string): DiskFile | null {
  const [kind, id, secret] = token.split("|");
  const file = kind === "disk" ? portal.data.disk.files.get(Number(id)) : undefined;
  return file && file.token === secret ? file : null;
}

defineMethods({ name: "disk.storage.getforapp", scope: "disk", handler: getForApp }, { name: "disk.folder.uploadfile", scope: "disk", handler: uploadFile });
