/**
 * StaffSuite's icon, drawn once: two colleagues, the one in front handing over to the one
 * behind, white on the Bitrix24 blue the app's pages use. Every icon file is rendered from this
 * list of shapes (png.ts, svg.ts; `npm run icons` writes them into public/), so the app, its
 * Market listing and the Chrome extension show the same picture.
 *
 * Coordinates are in a unit square, y downwards. Shapes are painted in order, later ones on top.
 */
export type Shape =
  | { kind: "rect"; x: number; y: number; w: number; h: number; r: number; color: string }
  | { kind: "circle"; cx: number; cy: number; r: number; color: string }
  /** The upper half of a circle (a person's shoulders): flat side on the line y = cy. */
  | { kind: "dome"; cx: number; cy: number; r: number; color: string };

const BLUE = "#2fc6f6";
const WHITE = "#ffffff";
/** The colleague behind: white at about two thirds over the blue. */
const PALE = "#aeeafb";
/** The gap cut around the colleague in front so the two read apart at 16 px. */
const GAP = 0.04;

const person = (cx: number, headY: number, head: number, shouldersY: number, shoulders: number, color: string, grow = 0): Shape[] => [
  { kind: "circle", cx, cy: headY, r: head + grow, color },
  { kind: "dome", cx, cy: shouldersY, r: shoulders + grow, color },
];

/**
 * The shapes of the icon. `rounded`: the background is a rounded square with transparent corners
 * (browser tabs, the extension); otherwise it fills the square edge to edge, for the places that
 * want no transparency (the Market listing).
 */
export function iconDrawing({ rounded }: { rounded: boolean }): Shape[] {
  return [
    { kind: "rect", x: 0, y: 0, w: 1, h: 1, r: rounded ? 0.22 : 0, color: BLUE },
    ...person(0.38, 0.3, 0.105, 0.68, 0.215, PALE),
    ...person(0.58, 0.39, 0.12, 0.8, 0.25, BLUE, GAP),
    ...person(0.58, 0.39, 0.12, 0.8, 0.25, WHITE),
  ];
}
