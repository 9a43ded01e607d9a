/**
 * The emulator in a process of its own (`emulator/cli.ts`, plain HTTP, control API on), as a
 * portal is for the benchmarks: its work then never queues on the measured process's event loop.
 * Started with `node --import tsx` so that the child's pid is the emulator's own (for its RSS).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../lib/database/embedded-postgres";

export interface EmulatorProcess {
  url: string;
  child: ChildProcess;
  close(): Promise<void>;
}

export async function startEmulatorProcess(root: string): Promise<EmulatorProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/cli.ts", "--port", String(port), "--no-https", "--control"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/_emulator/state`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 300 || child.exitCode !== null) throw new Error("the emulator did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
    },
  };
}
