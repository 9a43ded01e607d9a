/**
 * The icon files in public/, all rendered from drawing.ts by `npm run icons` (scripts/write-icons.ts)
 * and checked against it by icons.test.ts.
 *
 * - icon-512.png is the Market listing's icon: b24restdocs
 *   market/preparing-to-publish/common-requirements.md (solution card, "Icon") asks for a square
 *   JPEG or PNG of 250 to 650 px without a transparent background; the portal's application list
 *   shows the icon of the application's card. So it is opaque, edge to edge.
 * - icon-16/32/48/128.png are the Chrome extension's sizes (extension/manifest.ts `icons` and the
 *   toolbar's `default_icon`); 32 is also the app's favicon beside icon.svg (app/layout.tsx).
 */
export interface IconFile {
  file: string;
  size: number;
  /** Rounded corners (transparent) or edge to edge (opaque). */
  rounded: boolean;
}

export const MARKET_ICON: IconFile = { file: "icon-512.png", size: 512, rounded: false };

export const ICON_FILES: IconFile[] = [...[16, 32, 48, 128].map((size) => ({ file: `icon-${size}.png`, size, rounded: true })), MARKET_ICON];

export const SVG_ICON = "icon.svg";
