import { describe, expect, it } from "vitest";
import { extractItems, listAll, pageParams, resolveListOptions } from "./list-all";
import type { Params } from "./params";

function fakeList(ids: number[], wrap: (items: object[]) => unknown, idKey: string, filterParam = "filter", cursor = "ID") {
  const sent: Params[] = [];
  return {
    sent,
    async call<T>(_m: string, params: Params) {
      sent.push(params);
      const after = Number((params[filterParam] as Record<string, unknown>)[`>${cursor}`] ?? 0);
      const page = ids
        .filter((id) => id > after)
        .slice(0, 50)
        .map((id) => ({ [idKey]: String(id) }));
      return { result: wrap(page) as T };
    },
  };
}

describe("listAll", () => {
  it("walks an old-style list by ID with start=-1 until a short page", async () => {
    const ids = Array.from({ length: 120 }, (_, i) => i * 3 + 1);
    const api = fakeList(ids, (x) => x, "ID");
    const all = await listAll<{ ID: string }>(api, "crm.deal.list", { filter: { ASSIGNED_BY_ID: 5 }, select: ["ID"] }, {});
    expect(all.map((x) => Number(x.ID))).toEqual(ids);
    expect(api.sent).toHaveLength(3);
    expect(api.sent[0]).toEqual({ filter: { ASSIGNED_BY_ID: 5 }, select: ["ID"], order: { ID: "ASC" }, start: -1 });
    expect(api.sent[1].filter).toEqual({ ASSIGNED_BY_ID: 5, ">ID": 148 });
  });

  it("asks once more when the last page is exactly full", async () => {
    const api = fakeList(
      Array.from({ length: 100 }, (_, i) => i + 1),
      (x) => x,
      "ID",
    );
    expect(await listAll(api, "crm.lead.list", {}, {})).toHaveLength(100);
    expect(api.sent).toHaveLength(3);
  });

  it("reads crm.item.list's result.items with camelCase id", async () => {
    const api = fakeList(
      Array.from({ length: 75 }, (_, i) => i + 1),
      (items) => ({ items }),
      "id",
      "filter",
      "id",
    );
    const all = await listAll(api, "crm.item.list", { entityTypeId: 2 }, {});
    expect(all).toHaveLength(75);
    expect(api.sent[1]).toMatchObject({ entityTypeId: 2, order: { id: "ASC" }, filter: { ">id": 50 } });
  });

  it("reads tasks.task.list's result.tasks, filtering by ID", async () => {
    const api = fakeList(
      Array.from({ length: 51 }, (_, i) => i + 1),
      (tasks) => ({ tasks }),
      "id",
    );
    expect(await listAll(api, "tasks.task.list", {}, {})).toHaveLength(51);
    expect(api.sent[1]).toMatchObject({ order: { ID: "ASC" }, filter: { ">ID": 50 } });
  });

  it("uses FILTER and sort/order for user.get", () => {
    const r = resolveListOptions("user.get", {});
    expect(pageParams({ FILTER: { ACTIVE: true } }, r, 9)).toEqual({ FILTER: { ACTIVE: true, ">ID": 9 }, sort: "ID", order: "ASC", start: -1 });
  });

  it("stops at maxItems and refuses answers with no list", async () => {
    const api = fakeList(
      Array.from({ length: 500 }, (_, i) => i + 1),
      (x) => x,
      "ID",
    );
    expect(await listAll(api, "crm.deal.list", {}, { maxItems: 60 })).toHaveLength(60);
    expect(api.sent).toHaveLength(2);
    expect(() => extractItems("x", { foo: 1 })).toThrow(/no item list/);
  });
});

describe("methods that read their parameters their own way", () => {
  it("sonet_group.get gets ORDER and FILTER in capitals (it reads no lower-case keys)", () => {
    const r = resolveListOptions("sonet_group.get", {});
    expect(pageParams({ FILTER: { OWNER_ID: 3 } }, r, 40)).toEqual({ FILTER: { OWNER_ID: 3, ">ID": 40 }, ORDER: { ID: "ASC" }, start: -1 });
  });

  it("department.get is paged by start, following next (it takes no ID cursor and sorts by the tree)", async () => {
    const tree = Array.from({ length: 120 }, (_, i) => 120 - i);
    const sent: Params[] = [];
    const api = {
      async call<T>(_m: string, params: Params) {
        sent.push(params);
        const start = Number(params.start);
        const next = start + 50 < tree.length ? start + 50 : undefined;
        return { result: tree.slice(start, start + 50).map((id) => ({ ID: String(id) })) as T, next };
      },
    };
    const all = await listAll<{ ID: string }>(api, "department.get", { UF_HEAD: 5 }, {});
    expect(all.map((d) => Number(d.ID))).toEqual(tree);
    expect(sent).toEqual([
      { UF_HEAD: 5, start: 0 },
      { UF_HEAD: 5, start: 50 },
      { UF_HEAD: 5, start: 100 },
    ]);
  });
});
