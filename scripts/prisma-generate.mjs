// postinstall: generate the Prisma client. The schema reads DATABASE_URL, which a fresh clone
// has not set (the launchers set it at run time); generating needs only its shape.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";
const result = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
