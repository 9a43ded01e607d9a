/**
 * The list command for one piece of a read, and its answer as a page of snapshots. Orders and ID
 * windows are spelled per method (lib/bitrix24 list-all.ts): `crm.item.list` `order[id]` and
 * `filter[>id]`; `sonet_group.get` `ORDER[ID]` and `FILTER[>ID]` (socialnetwork rest.php getGroup
 * reads only the capitals); the others `order[ID]`, `filter[>ID]`. `start=0` makes a list method
 * count (`total`), `start=-1` skips the count (b24restdocs settings/performance/huge-data.md).
 */
import type { BatchCommand, Params, ParamValue } from "../../bitrix24";
import { extractItems, resolveListOptions } from "../../bitrix24";
import type { ListRequest, OwnershipRole, RecordSnapshot } from "../types";
import type { Page, Piece } from "./list-read";

/** The command that reads `piece` of `request`'s list. */
export function commandFor(request: ListRequest, piece: Piece): BatchCommand {
  if (piece.kind === "offset") return { method: request.method, params: { ...request.params, start: piece.start } };
  const r = resolveListOptions(request.method, request.options ?? {});
  const filter = { ...((request.params[r.filterParam] as Record<string, ParamValue> | undefined) ?? {}) };
  if (piece.kind === "range") {
    filter[`>${r.cursorKey}`] = piece.chunk.after;
    if (Number.isFinite(piece.chunk.upTo)) filter[`<=${r.cursorKey}`] = piece.chunk.upTo;
  }
  const orderKey = r.filterParam === "FILTER" ? "ORDER" : "order";
  const params: Params = {
    ...request.params,
    [orderKey]: { [r.cursorKey]: piece.kind === "top" ? "DESC" : "ASC" },
    [r.filterParam]: filter,
    // Only the first page counts: the count drives estimates and progress bars.
    start: piece.kind === "head" ? 0 : -1,
  };
  return { method: request.method, params };
}

/** Reads a list answer into snapshots; throws BAD_RESPONSE when it holds no list. */
export function pageOf(role: OwnershipRole, method: string, result: unknown, total?: number, next?: number): Page {
  const items: RecordSnapshot[] = extractItems(method, result).map(role.snapshot);
  return { items, ...(total !== undefined ? { total } : {}), ...(next !== undefined ? { next } : {}) };
}
