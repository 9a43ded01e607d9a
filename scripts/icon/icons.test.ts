import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { iconDrawing } from "./drawing";
import { ICON_FILES, MARKET_ICON, SVG_ICON } from "./files";
import { renderPixels } from "./png";
import { renderSvg } from "./svg";

const publicDir = path.resolve(import.meta.dirname, "..", "..", "public");

/** Width, height, colour type and the RGBA rows of a PNG written without filters (png.ts). */
function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let width = 0,
    height = 0,
    colorType = 0;
  const idat: Buffer[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    const type = png.toString("ascii", o + 4, o + 8);
    const data = png.subarray(o + 8, o + 8 + len);
    if (type === "IHDR") [width, height, colorType] = [data.readUInt32BE(0), data.readUInt32BE(4), data[9]];
    if (type === "IDAT") idat.push(data);
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rows, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colorType, rows };
}

describe("the icon files in public/", () => {
  it.each(ICON_FILES)("$file is the drawing at $size px (run `npm run icons` after changing the drawing)", (icon) => {
    const png = decode(readFileSync(path.join(publicDir, icon.file)));
    expect([png.width, png.height, png.colorType]).toEqual([icon.size, icon.size, 6]);
    expect(png.rows.equals(renderPixels(iconDrawing({ rounded: icon.rounded }), icon.size))).toBe(true);
  });

  it("icon.svg is the same drawing", () => {
    expect(readFileSync(path.join(publicDir, SVG_ICON), "utf8")).toBe(renderSvg(iconDrawing({ rounded: true })));
  });

  it("the Market icon is square, 250 to 650 px, with no transparent pixel", () => {
    const png = decode(readFileSync(path.join(publicDir, MARKET_ICON.file)));
    expect(png.width).toBe(png.height);
    expect(png.width).toBeGreaterThanOrEqual(250);
    expect(png.width).toBeLessThanOrEqual(650);
    const alphas = new Set<number>();
    for (let i = 3; i < png.rows.length; i += 4) alphas.add(png.rows[i]);
    expect([...alphas]).toEqual([255]);
  });

  it("the rounded icons are transparent in the corners and opaque in the middle", () => {
    const png = decode(readFileSync(path.join(publicDir, "icon-128.png")));
    const alpha = (x: number, y: number) => png.rows[(y * png.width + x) * 4 + 3];
    expect([alpha(0, 0), alpha(127, 0), alpha(0, 127), alpha(127, 127)]).toEqual([0, 0, 0, 0]);
    expect(alpha(64, 64)).toBe(255);
  });
});
