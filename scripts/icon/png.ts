/**
 * Renders the icon's drawing (drawing.ts) to a PNG in plain Node: each pixel is sampled 4×4 times
 * for smooth edges; the file is signature + IHDR + IDAT (zlib) + IEND, RGBA 8 bit, no filters.
 */
import { crc32, deflateSync } from "node:zlib";
import type { Shape } from "./drawing";

const SAMPLES = 4;

function inside(s: Shape, x: number, y: number): boolean {
  if (s.kind === "circle") return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r * s.r;
  if (s.kind === "dome") return y <= s.cy && (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r * s.r;
  if (x < s.x || x > s.x + s.w || y < s.y || y > s.y + s.h) return false;
  // Rounded corners: the distance to the nearest point of the inner rectangle is at most r.
  const nx = Math.min(Math.max(x, s.x + s.r), s.x + s.w - s.r);
  const ny = Math.min(Math.max(y, s.y + s.r), s.y + s.h - s.r);
  return (x - nx) ** 2 + (y - ny) ** 2 <= s.r * s.r;
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The drawing's pixels at `size` × `size`, RGBA rows. */
export function renderPixels(shapes: Shape[], size: number): Buffer {
  const colors = shapes.map((s) => rgb(s.color));
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          for (let i = shapes.length - 1; i >= 0; i--) {
            if (!inside(shapes[i], x, y)) continue;
            r += colors[i][0];
            g += colors[i][1];
            b += colors[i][2];
            covered++;
            break;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      out[o] = Math.round(r / covered);
      out[o + 1] = Math.round(g / covered);
      out[o + 2] = Math.round(b / covered);
      out[o + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A PNG of RGBA rows (`size` × `size`). */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter byte 0: none
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const renderPng = (shapes: Shape[], size: number) => encodePng(size, renderPixels(shapes, size));
