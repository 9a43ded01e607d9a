import { describe, expect, it } from "vitest";
import { appPathForDeepLink, portalDownloadLink } from "./download-link";

describe("download links", () => {
  it("opens the app in the portal and maps back to our page", () => {
    const link = portalDownloadLink("https://acme.bitrix24.test/rest/", "local.abc", "clx1234567890", "t".repeat(43));
    expect(link).toBe(`https://acme.bitrix24.test/marketplace/app/local.abc/download/clx1234567890/${"t".repeat(43)}/`);
    const any = link.split("/marketplace/app/")[1];
    expect(appPathForDeepLink(any)).toBe(`/privacy/download/clx1234567890?t=${"t".repeat(43)}`);
  });
  it("ignores anything else", () => {
    for (const any of [undefined, "", "local.abc/", "local.abc/download/x/y/", "local.abc/download/clx1234567890/../../etc/"]) {
      expect(appPathForDeepLink(any)).toBeNull();
    }
  });
});
