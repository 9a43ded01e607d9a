import { describe, expect, it } from "vitest";
import { matchRoute, route } from "./route-table";

const rows = [route("GET", "portals", () => "list"), route("GET", "portals/:key", () => "one"), route("POST", "portals/:key/users/:id", () => "user")];

describe("control route table", () => {
  it("matches a row by method and every segment, naming its parameters", () => {
    expect(matchRoute(rows, "GET", ["portals"])?.route).toBe(rows[0]);
    expect(matchRoute(rows, "GET", ["portals", "acme"])).toEqual({ route: rows[1], params: { key: "acme" } });
    expect(matchRoute(rows, "POST", ["portals", "acme", "users", "7"])?.params).toEqual({ key: "acme", id: "7" });
  });

  it("finds nothing for another method, a shorter or longer path, or a different literal segment", () => {
    expect(matchRoute(rows, "DELETE", ["portals"])).toBeNull();
    expect(matchRoute(rows, "POST", ["portals", "acme", "users"])).toBeNull();
    expect(matchRoute(rows, "GET", ["portals", "acme", "users"])).toBeNull();
    expect(matchRoute(rows, "POST", ["portals", "acme", "people", "7"])).toBeNull();
    expect(matchRoute(rows, "GET", [])).toBeNull();
  });
});
