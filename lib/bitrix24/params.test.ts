import { describe, expect, it } from "vitest";
import { encodeParams, flattenParams, isYes } from "./params";

describe("encodeParams", () => {
  it("writes nested filters, selects and orders PHP-style", () => {
    expect(encodeParams({ order: { ID: "ASC" }, filter: { ">ID": 10, ASSIGNED_BY_ID: 5 }, select: ["ID", "TITLE"], start: -1 })).toBe(
      "order[ID]=ASC&filter[%3EID]=10&filter[ASSIGNED_BY_ID]=5&select[0]=ID&select[1]=TITLE&start=-1",
    );
  });

  it("writes lists of objects with indexes (multi-fields)", () => {
    expect(flattenParams({ fields: { EMAIL: [{ VALUE: "a@b.c", VALUE_TYPE: "WORK" }] } })).toEqual([
      ["fields[EMAIL][0][VALUE]", "a@b.c"],
      ["fields[EMAIL][0][VALUE_TYPE]", "WORK"],
    ]);
  });

  it("encodes scalars: booleans as Y/N, null as empty, dates as ISO, skips undefined", () => {
    expect(flattenParams({ a: true, b: false, c: null, d: undefined, e: new Date("2024-01-02T03:04:05Z"), f: 0 })).toEqual([
      ["a", "Y"],
      ["b", "N"],
      ["c", ""],
      ["e", "2024-01-02T03:04:05.000Z"],
      ["f", "0"],
    ]);
  });

  it("writes an empty list as an empty string (clears a multiple field)", () => {
    expect(encodeParams({ fields: { ACCOMPLICES: [] } })).toBe("fields[ACCOMPLICES]=");
  });

  it("percent-encodes values, including & and =", () => {
    expect(encodeParams({ q: "a&b=c d", "%TITLE": "ü" })).toBe("q=a%26b%3Dc%20d&%25TITLE=%C3%BC");
  });
});

describe("isYes", () => {
  it("reads every spelling of yes the portal answers, and nothing else", () => {
    expect([true, "Y", "true", "1", 1].map(isYes)).toEqual([true, true, true, true, true]);
    expect([false, "N", "false", "0", 0, "", null, undefined, "y", "yes", {}].map(isYes)).toEqual(Array(11).fill(false));
  });
});
