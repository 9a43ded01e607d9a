/**
 * Writes an export as one ZIP: for every section a CSV file and the same rows as a JSON file,
 * then README.txt. Rows arrive page by page and leave at once, so memory stays flat in the
 * number of records. ZIP entries must be contiguous, so while a section's CSV streams into the
 * archive its JSON is deflated into a spool (an encrypted temporary archive in the database) and
 * copied in after the last CSV; each record is fetched from the portal once.
 */
import { BOM, csvRow } from "./csv";
import { DeflatingWriter, ZipWriter, type ByteSink, type DeflatedStats } from "./zip-writer";

export interface ExportSection {
  /** File stem: `profile` gives profile.csv and profile.json. */
  file: string;
  columns: readonly string[];
  pages(): AsyncIterable<readonly Record<string, unknown>[]>;
}

export interface Spool {
  sink: ByteSink & { flush(): Promise<void> };
  read(): AsyncIterable<Uint8Array>;
  discard(): Promise<void>;
}

export interface ExportCounts {
  /** Rows written per section file stem. */
  rows: Record<string, number>;
}

/**
 * `JSON.stringify` of the object with these keys (already JSON) and values, written without
 * building the object: tens of thousands of rows a second make that garbage count.
 */
export function jsonObject(keys: readonly string[], values: readonly unknown[]): string {
  let out = "{";
  for (let i = 0; i < keys.length; i++) out += `${i ? "," : ""}${keys[i]}:${JSON.stringify(values[i] ?? null)}`;
  return `${out}}`;
}

export async function writeExportZip(options: {
  sink: ByteSink;
  sections: readonly ExportSection[];
  createSpool: () => Promise<Spool>;
  readme: (counts: ExportCounts) => string;
  onRows?: (written: number) => Promise<void> | void;
  now?: Date;
}): Promise<ExportCounts> {
  const zip = new ZipWriter(options.sink, options.now);
  const spooled: Array<{ file: string; stats: DeflatedStats; spool: Spool }> = [];
  const counts: ExportCounts = { rows: {} };
  let written = 0;
  try {
    for (const section of options.sections) {
      const csv = await zip.entry(`${section.file}.csv`);
      const spool = await options.createSpool();
      const json = new DeflatingWriter(spool.sink);
      await csv.write(BOM + csvRow(section.columns));
      await json.write("[");
      let rows = 0;
      const keys = section.columns.map((c) => JSON.stringify(c));
      for await (const page of section.pages()) {
        let csvText = "";
        let jsonText = "";
        for (const row of page) {
          const values = section.columns.map((c) => row[c]);
          csvText += csvRow(values);
          jsonText += `${rows === 0 ? "" : ","}\n  ${jsonObject(keys, values)}`;
          rows++;
        }
        await csv.write(csvText);
        await json.write(jsonText);
        written += page.length;
        await options.onRows?.(written);
      }
      await csv.end();
      await json.write(rows === 0 ? "]\n" : "\n]\n");
      const stats = await json.end();
      await spool.sink.flush();
      spooled.push({ file: section.file, stats, spool });
      counts.rows[section.file] = rows;
    }
    for (const { file, stats, spool } of spooled) await zip.addDeflated(`${file}.json`, stats, spool.read());
    const readme = await zip.entry("README.txt");
    await readme.write(BOM + options.readme(counts));
    await readme.end();
    await zip.finish();
    return counts;
  } finally {
    for (const { spool } of spooled) await spool.discard().catch(() => {});
  }
}
