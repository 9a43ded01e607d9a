/**
 * Where privacy archives live: in the database, as PrivacyArchiveChunk rows of at most 1 MiB,
 * each sealed with AES-256-GCM under the token key ring (lib/crypto.ts sealBytes). Any web
 * process can serve an archive (no local disk), nothing of it is in clear at rest, and writing
 * or reading holds one chunk at a time whatever the archive's size. Deleting the PrivacyArchive
 * row deletes its chunks (cascade); the retention purge deletes expired ones.
 */
import { openBytes, sealBytes, type KeyRing } from "../../crypto";
import type { PrismaClient } from "../../db";
import type { ByteSink } from "./zip-writer";

export const CHUNK_BYTES = 1024 * 1024;

/** Appends bytes to an archive's chunks, sealing each full chunk as it fills. */
export class ArchiveChunkWriter implements ByteSink {
  private buffer = Buffer.alloc(CHUNK_BYTES);
  private used = 0;
  private seq = 0;
  /** Bytes written so far. */
  size = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly keys: KeyRing,
    private readonly archiveId: string,
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    this.size += bytes.length;
    let from = 0;
    while (from < bytes.length) {
      const n = Math.min(bytes.length - from, CHUNK_BYTES - this.used);
      this.buffer.set(bytes.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
      if (this.used === CHUNK_BYTES) await this.flush();
    }
  }

  /** Seals and stores what is buffered (call once at the end). */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const data = new Uint8Array(sealBytes(this.buffer.subarray(0, this.used), this.keys));
    await this.prisma.privacyArchiveChunk.create({ data: { archiveId: this.archiveId, seq: this.seq++, data } });
    this.used = 0;
  }
}

/** The archive's bytes, chunk by chunk, opened with the key ring (one chunk in memory at a time). */
export async function* readArchiveChunks(prisma: PrismaClient, keys: KeyRing, archiveId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const row = await prisma.privacyArchiveChunk.findUnique({ where: { archiveId_seq: { archiveId, seq } }, select: { data: true } });
    if (!row) return;
    yield openBytes(row.data, keys);
  }
}
