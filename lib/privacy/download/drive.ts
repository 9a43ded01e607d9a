/**
 * "Also save to my Bitrix24 Drive": the ZIP goes to the user's own storage, found with
 * disk.storage.getlist (filter ENTITY_TYPE=user, ENTITY_ID=user ID; b24restdocs
 * api-reference/disk/storage/disk-storage-get-list.md) and uploaded with disk.storage.uploadfile
 * (fileContent as base64, generateUniqueName; disk-storage-upload-file.md). REST takes a file
 * in one request, so this is the one step that holds the whole archive in memory.
 */
import type { Bitrix24Client } from "../../bitrix24";
import { Bitrix24Error } from "../../bitrix24";

export async function saveToDrive(
  client: Pick<Bitrix24Client, "call">,
  userId: number,
  name: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ fileId: number; detailUrl: string }> {
  const { result: storages } = await client.call<Array<{ ID: string; ENTITY_TYPE: string; ENTITY_ID: string }>>("disk.storage.getlist", {
    filter: { ENTITY_TYPE: "user", ENTITY_ID: userId },
  });
  const storage = Array.isArray(storages) ? storages.find((s) => s.ENTITY_TYPE === "user" && Number(s.ENTITY_ID) === userId) : undefined;
  if (!storage) throw new Bitrix24Error("DRIVE_NOT_FOUND", "The user has no Drive storage", 404, "disk.storage.getlist");
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  const { result } = await client.call<{ ID: number | string; DETAIL_URL: string }>(
    "disk.storage.uploadfile",
    { id: storage.ID, data: { NAME: name }, fileContent: [name, Buffer.concat(parts).toString("base64")], generateUniqueName: "Y" },
    // An upload repeated after a lost answer makes a second copy, not a loss: still, do not retry blindly.
    { idempotent: false },
  );
  return { fileId: Number(result.ID), detailUrl: result.DETAIL_URL };
}
