/** `--cpu-prof=file` of the benchmarks: a CPU profile of the measured phase (node:inspector). */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

export /** `--cpu-prof=file`: a CPU profile of the measured phase only (open it in Chrome's DevTools). */
async function profiler(file: string | undefined) {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of the measured phase: ${file}`);
  };
}
