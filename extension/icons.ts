/**
 * The extension's icons, drawn at build time (no binary files in the repository): a Bitrix24-blue
 * rounded square with a white envelope. PNG = signature + IHDR + IDAT (zlib) + IEND.
 */
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

export function iconPng(size: number): Buffer {
  const px = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.22;
  const inRounded = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  // Envelope: a rectangle outline with a V.
  const left = size * 0.2,
    right = size * 0.8,
    top = size * 0.3,
    bottom = size * 0.7,
    w = Math.max(1, size / 14);
  const onEnvelope = (x: number, y: number) => {
    const inside = x >= left && x <= right && y >= top && y <= bottom;
    if (!inside) return false;
    const edge = x - left < w || right - x < w || y - top < w || bottom - y < w;
    const vy = top + ((x <= size / 2 ? x - left : right - x) / (size / 2 - left)) * (size * 0.22);
    return edge || Math.abs(y - vy) < w * 0.9;
  };
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    px[row] = 0;
    for (let x = 0; x < size; x++) {
      const o = row + 1 + x * 4;
      const cx = x + 0.5,
        cy = y + 0.5;
      if (!inRounded(cx, cy)) continue;
      const white = onEnvelope(cx, cy);
      px[o] = white ? 255 : 0x2f;
      px[o + 1] = white ? 255 : 0xc6;
      px[o + 2] = white ? 255 : 0xf6;
      px[o + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(px)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
