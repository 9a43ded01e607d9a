/**
 * PHP-style parameter parsing (b24restdocs settings/how-to-call-rest-api/data-encoding.md) and
 * PHP's empty-array encoding of maps.
 */
import { describe, expect, it } from "vitest";
import { phpMap } from "./envelope";
import { parseBody, parseForm } from "./params";

describe("parseForm", () => {
  it("nests brackets, appends [] and turns 0..n keys into lists", () => {
    expect(parseForm("FILTER%5B%3EID%5D=5&select[]=ID&select[]=NAME&fields[EMAIL][0][VALUE]=a%40b.c&fields[EMAIL][0][VALUE_TYPE]=WORK")).toEqual({
      FILTER: { ">ID": "5" },
      select: ["ID", "NAME"],
      fields: { EMAIL: [{ VALUE: "a@b.c", VALUE_TYPE: "WORK" }] },
    });
  });

  it("keeps sparse numeric keys as a map and decodes + as space", () => {
    expect(parseForm("a[1]=x&a[3]=y&q=hello+world")).toEqual({ a: { 1: "x", 3: "y" }, q: "hello world" });
  });

  it("reads JSON bodies as they are, forms by content type", () => {
    expect(parseBody("application/json", '{"filter":{">ID":5}}')).toEqual({ filter: { ">ID": 5 } });
    expect(parseBody("application/x-www-form-urlencoded", "a=1")).toEqual({ a: "1" });
  });
});

describe("phpMap", () => {
  it("prints an empty map as [] and 0..n keys as a list", () => {
    expect(phpMap([])).toEqual([]);
    expect(
      phpMap([
        ["0", "a"],
        ["1", "b"],
      ]),
    ).toEqual(["a", "b"]);
    expect(phpMap([["x", 1]])).toEqual({ x: 1 });
  });
});
