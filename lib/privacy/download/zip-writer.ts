/**
 * A streaming ZIP writer (PKWARE APPNOTE 6.3.x, sections 4.3.7 local header, 4.3.9 data
 * descriptor, 4.3.12 central directory, 4.3.16 end record) that never holds more than one
 * deflate block of an entry: entries are deflated as they are written and go straight to the
 * sink, with sizes and CRC in a data descriptor after the data (flag bit 3). An entry that was
 * deflated elsewhere earlier (`addDeflated`) is copied in with its sizes known up front.
 * Names are UTF-8 (flag bit 11). No ZIP64: a personal-data export stays far below 4 GiB.
 */
import { crc32 } from "node:zlib";
import { Deflate } from "fflate";

export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
}

export interface DeflatedStats {
  crc: number;
  size: number;
  compressedSize: number;
}

const UTF8_AND_DESCRIPTOR = 0x0808;
const UTF8_ONLY = 0x0800;
const DEFLATE = 8;
const VERSION = 20;
const encoder = new TextEncoder();

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Deflates what is written to it into `sink`, counting the CRC and both sizes. */
export class DeflatingWriter {
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private pending: Uint8Array[] = [];
  private readonly deflate: Deflate;

  constructor(private readonly sink: ByteSink) {
    this.deflate = new Deflate({ level: 6 }, (chunk) => {
      this.compressedSize += chunk.length;
      this.pending.push(chunk);
    });
  }

  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    if (bytes.length === 0) return;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.deflate.push(bytes, false);
    await this.drain();
  }

  /** Flushes the last block; the stats describe everything written. */
  async end(): Promise<DeflatedStats> {
    this.deflate.push(new Uint8Array(0), true);
    await this.drain();
    return { crc: this.crc >>> 0, size: this.size, compressedSize: this.compressedSize };
  }

  private async drain(): Promise<void> {
    const out = this.pending;
    this.pending = [];
    for (const chunk of out) await this.sink.write(chunk);
  }
}

interface CentralEntry extends DeflatedStats {
  name: Uint8Array;
  flags: number;
  offset: number;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly stamp: { time: number; date: number };
  private open = false;

  constructor(
    private readonly sink: ByteSink,
    modified = new Date(),
  ) {
    this.stamp = dosDateTime(modified);
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length;
    await this.sink.write(bytes);
  }

  private localHeader(name: Uint8Array, flags: number, stats: DeflatedStats): Uint8Array {
    const b = Buffer.alloc(30 + name.length);
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(VERSION, 4);
    b.writeUInt16LE(flags, 6);
    b.writeUInt16LE(DEFLATE, 8);
    b.writeUInt16LE(this.stamp.time, 10);
    b.writeUInt16LE(this.stamp.date, 12);
    b.writeUInt32LE(stats.crc >>> 0, 14);
    b.writeUInt32LE(stats.compressedSize, 18);
    b.writeUInt32LE(stats.size, 22);
    b.writeUInt16LE(name.length, 26);
    b.writeUInt16LE(0, 28);
    b.set(name, 30);
    return b;
  }

  /** Starts an entry whose content is written (and deflated) as it comes; end it before the next. */
  async entry(name: string): Promise<{ write(data: string | Uint8Array): Promise<void>; end(): Promise<void> }> {
    if (this.open) throw new Error("ZipWriter: end the previous entry first");
    this.open = true;
    const nameBytes = encoder.encode(name);
    const offset = this.offset;
    await this.emit(this.localHeader(nameBytes, UTF8_AND_DESCRIPTOR, { crc: 0, size: 0, compressedSize: 0 }));
    const deflater = new DeflatingWriter({ write: (bytes) => this.emit(bytes) });
    return {
      write: (data) => deflater.write(data),
      end: async () => {
        const stats = await deflater.end();
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(stats.crc, 4);
        d.writeUInt32LE(stats.compressedSize, 8);
        d.writeUInt32LE(stats.size, 12);
        await this.emit(d);
        this.entries.push({ ...stats, name: nameBytes, flags: UTF8_AND_DESCRIPTOR, offset });
        this.open = false;
      },
    };
  }

  /** Copies in an entry deflated earlier (by a DeflatingWriter) whose stats are known. */
  async addDeflated(name: string, stats: DeflatedStats, deflated: AsyncIterable<Uint8Array>): Promise<void> {
    if (this.open) throw new Error("ZipWriter: end the previous entry first");
    const nameBytes = encoder.encode(name);
    const offset = this.offset;
    await this.emit(this.localHeader(nameBytes, UTF8_ONLY, stats));
    let copied = 0;
    for await (const chunk of deflated) {
      copied += chunk.length;
      await this.emit(chunk);
    }
    if (copied !== stats.compressedSize) throw new Error(`ZipWriter: ${name} has ${copied} deflated bytes, expected ${stats.compressedSize}`);
    this.entries.push({ ...stats, name: nameBytes, flags: UTF8_ONLY, offset });
  }

  /** Writes the central directory and the end record. */
  async finish(): Promise<number> {
    if (this.open) throw new Error("ZipWriter: end the last entry first");
    const start = this.offset;
    for (const e of this.entries) {
      const b = Buffer.alloc(46 + e.name.length);
      b.writeUInt32LE(0x02014b50, 0);
      b.writeUInt16LE(VERSION, 4);
      b.writeUInt16LE(VERSION, 6);
      b.writeUInt16LE(e.flags, 8);
      b.writeUInt16LE(DEFLATE, 10);
      b.writeUInt16LE(this.stamp.time, 12);
      b.writeUInt16LE(this.stamp.date, 14);
      b.writeUInt32LE(e.crc, 16);
      b.writeUInt32LE(e.compressedSize, 20);
      b.writeUInt32LE(e.size, 24);
      b.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk number, internal and external attributes: all zero
      b.writeUInt32LE(e.offset, 42);
      b.set(e.name, 46);
      await this.emit(b);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
    return this.offset;
  }
}
