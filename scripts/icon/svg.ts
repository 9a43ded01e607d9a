/** Renders the icon's drawing (drawing.ts) as SVG, on a 512-unit canvas. */
import type { Shape } from "./drawing";

const S = 512;
const n = (v: number) => Number((v * S).toFixed(2));

function element(s: Shape): string {
  if (s.kind === "rect") return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" rx="${n(s.r)}" fill="${s.color}"/>`;
  if (s.kind === "circle") return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" fill="${s.color}"/>`;
  // From the left end of the flat side over the top to the right end (sweep 1 = clockwise on screen).
  return `<path d="M${n(s.cx - s.r)} ${n(s.cy)}A${n(s.r)} ${n(s.r)} 0 0 1 ${n(s.cx + s.r)} ${n(s.cy)}Z" fill="${s.color}"/>`;
}

export function renderSvg(shapes: Shape[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${S} ${S}" width="${S}" height="${S}">`,
    ...shapes.map((s) => `  ${element(s)}`),
    "</svg>",
    "",
  ].join("\n");
}
