import { describe, expect, it } from "vitest";
import { jsonObject } from "./export-writer";

describe("jsonObject", () => {
  it("writes what JSON.stringify writes for the same object, nulls for missing values", () => {
    const columns = ["record_id", "role", "open", "link", "name", "list"];
    const values = [12, "responsible", false, 'https://x/1/?a="b"', "Zoë \u2028 Ä", [1, "two", { three: 3 }]];
    const keys = columns.map((c) => JSON.stringify(c));
    expect(jsonObject(keys, values)).toBe(JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, values[i]]))));
    expect(jsonObject(keys, [undefined, null])).toBe(JSON.stringify(Object.fromEntries(columns.map((c) => [c, null]))));
  });
});
