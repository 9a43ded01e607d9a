/**
 * How Gmail looks right now, for the sidebar to match: its theme (light or dark) and its density.
 *
 * Theme: the colour Gmail paints behind the open thread (the nearest painted ancestor of
 * `[role=main]`, else the body); a theme's colours are what the user sees, whatever the system's
 * setting. With nothing painted, the system's preference decides.
 * Density: Gmail's compact density draws the rows of its left navigation shorter (26 px against
 * 32 px or more); we read the height of the first label row (`[role=navigation] .aim`).
 */
function paintedBackground(from: Element | null): number[] | null {
  for (let el = from; el; el = el.parentElement) {
    const rgba = getComputedStyle(el)
      .backgroundColor.match(/[\d.]+/g)
      ?.map(Number);
    if (rgba && rgba.length >= 3 && (rgba[3] === undefined || rgba[3] > 0)) return rgba;
  }
  return null;
}

export function gmailIsDark(doc: Document): boolean {
  const bg = paintedBackground(doc.querySelector('[role="main"]') ?? doc.body);
  if (bg) return (bg[0] * 299 + bg[1] * 587 + bg[2] * 114) / 1000 < 100;
  return matchMedia("(prefers-color-scheme: dark)").matches;
}

export function gmailIsCompact(doc: Document): boolean {
  const row = doc.querySelector('[role="navigation"] .aim');
  const height = row?.getBoundingClientRect().height ?? 0;
  return height > 0 && height < 30;
}
