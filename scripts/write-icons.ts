/**
 * `npm run icons`: renders the icon (scripts/icon/drawing.ts) into public/ — icon.svg and the PNGs
 * of scripts/icon/files.ts. Run it after changing the drawing and commit the files;
 * scripts/icon/icons.test.ts fails while they differ from the drawing.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { iconDrawing } from "./icon/drawing";
import { ICON_FILES, SVG_ICON } from "./icon/files";
import { renderPng } from "./icon/png";
import { renderSvg } from "./icon/svg";

const publicDir = path.resolve(import.meta.dirname, "..", "public");
writeFileSync(path.join(publicDir, SVG_ICON), renderSvg(iconDrawing({ rounded: true })));
for (const icon of ICON_FILES) writeFileSync(path.join(publicDir, icon.file), renderPng(iconDrawing({ rounded: icon.rounded }), icon.size));
console.log(`public/: ${[SVG_ICON, ...ICON_FILES.map((i) => i.file)].join(", ")}`);
