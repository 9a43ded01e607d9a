/** The app's icon (public/, drawn in scripts/icon/drawing.ts): served, and named by every page's head. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appUrl } from "./support/stack-env";

test("the icon files are served and a page links the SVG and PNG icons", async ({ request, page }) => {
  for (const [file, type] of [
    ["icon.svg", "image/svg+xml"],
    ["icon-32.png", "image/png"],
    ["icon-512.png", "image/png"],
  ]) {
    const response = await request.get(`${appUrl()}/${file}`);
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
    expect((await response.body()).equals(readFileSync(path.join(import.meta.dirname, "..", "public", file))), file).toBe(true);
  }
  await page.goto(`${appUrl()}/`);
  await expect(page.locator('head link[rel="icon"][href="/icon.svg"]')).toHaveAttribute("type", "image/svg+xml");
  await expect(page.locator('head link[rel="icon"][href="/icon-32.png"]')).toHaveAttribute("sizes", "32x32");
});
