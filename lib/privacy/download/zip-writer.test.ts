import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DeflatingWriter, ZipWriter } from "./zip-writer";

function memorySink() {
  const parts: Uint8Array[] = [];
  return { parts, write: async (b: Uint8Array) => void parts.push(b.slice()), bytes: () => Buffer.concat(parts) };
}

describe("ZipWriter", () => {
  it("writes streamed and pre-deflated entries that a standard reader opens, with UTF-8 names", async () => {
    const sink = memorySink();
    const zip = new ZipWriter(sink, new Date("2026-03-02T10:20:30Z"));
    const csv = await zip.entry("профиль.csv");
    await csv.write("\uFEFFfield,value\n");
    for (let i = 0; i < 2000; i++) await csv.write(`NAME,Ольга ${i}\n`);
    await csv.end();

    const spool = memorySink();
    const deflater = new DeflatingWriter(spool);
    await deflater.write('[{"a":1},');
    await deflater.write('{"a":2}]');
    const stats = await deflater.end();
    await zip.addDeflated(
      "data.json",
      stats,
      (async function* () {
        yield* spool.parts;
      })(),
    );
    await zip.finish();

    const files = unzipSync(new Uint8Array(sink.bytes()));
    expect(Object.keys(files)).toEqual(["профиль.csv", "data.json"]);
    // ignoreBOM: keep the BOM in the decoded text so the test sees it.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(files["профиль.csv"]);
    expect(text.startsWith("\uFEFFfield,value\nNAME,Ольга 0\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(2002);
    expect(JSON.parse(new TextDecoder().decode(files["data.json"]))).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("refuses a second entry while one is open, and a pre-deflated entry whose size is wrong", async () => {
    const zip = new ZipWriter(memorySink());
    await zip.entry("a.txt");
    await expect(zip.entry("b.txt")).rejects.toThrow(/end the previous/);
    const other = new ZipWriter(memorySink());
    await expect(
      other.addDeflated(
        "x",
        { crc: 0, size: 1, compressedSize: 5 },
        (async function* () {
          yield new Uint8Array(2);
        })(),
      ),
    ).rejects.toThrow(/expected 5/);
  });
});
