import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertPostgresUserCanEnter, firstClosedDirectory, PostgresUserCannotEnterError } from "./postgres-user-access";

const scratch = mkdtempSync(path.join(os.tmpdir(), "pg-access-"));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A user that owns nothing here: only the "others" permission bits apply to it.
const stranger = { uid: 54321, gid: 54321 };

function folder(name: string, mode: number): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  chmodSync(dir, mode);
  return dir;
}

describe("can the postgres system user enter the checkout", () => {
  it("names the 0700 folder on the way to the data directory", () => {
    const closed = folder("home", 0o700);
    expect(firstClosedDirectory(path.join(closed, "clone", ".data", "pg"), stranger)).toBe(closed);
    expect(firstClosedDirectory(path.join(closed, "clone"), null)).toBe(closed);
  });

  it("lets it through folders every user may enter, and through its own", () => {
    const open = folder("srv", 0o755);
    expect(firstClosedDirectory(path.join(open, "clone", ".data"), stranger)).toBeNull();
    const own = folder("own", 0o700);
    const { uid, gid } = { uid: process.getuid!(), gid: process.getgid!() };
    expect(firstClosedDirectory(own, { uid, gid })).toBeNull();
  });

  it("as root, fails in one line that says what to do", () => {
    const closed = folder("private", 0o700);
    const check = () => assertPostgresUserCanEnter([path.join(closed, "clone", ".data")], { isRoot: true, ids: stranger });
    expect(check).toThrow(PostgresUserCannotEnterError);
    try {
      check();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain("\n");
      expect(message).toContain(closed);
      expect(message).toContain("0700");
      expect(message).toContain("DATABASE_URL");
    }
  });

  it("as any other user, checks nothing: PostgreSQL then runs as that user", () => {
    const closed = folder("mine", 0o700);
    expect(() => assertPostgresUserCanEnter([closed], { isRoot: false, ids: stranger })).not.toThrow();
  });
});
