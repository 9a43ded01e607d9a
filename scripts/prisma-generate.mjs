// postinstall: generate the Prisma client. The schema reads DATABASE_URL, which a fresh clone
// has not set (the launchers set it at run time); generating needs only its shape.
// The local binary by path, so `node scripts/prisma-generate.mjs` works outside npm too.
import { spawnSync } from "node:child_process";
import path from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";
const prisma = path.join(import.meta.dirname, "..", "node_modules", ".bin", process.platform === "win32" ? "prisma.cmd" : "prisma");
const result = spawnSync(prisma, ["generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
if (result.error) console.error(`prisma generate could not start: ${result.error.message}`);
process.exit(result.status ?? 1);
