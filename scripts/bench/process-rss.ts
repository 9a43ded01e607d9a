/** Memory of the benchmarks' processes, read from /proc (Linux). */
import { readFileSync } from "node:fs";

export /** Resident set of a process now (VmRSS), in bytes; 0 once it is gone. */
function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
