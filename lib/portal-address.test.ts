import { describe, expect, it } from "vitest";
import {
  appDeepLink,
  appPathForDeepLink,
  deepLinkPattern,
  normalizePortalDomain,
  portalAddressCandidates,
  portalBaseOfEndpoint,
  portalBaseUrl,
  portalOfEndpoint,
  portalUrl,
  samePortalDomain,
  type DeepLinkRoute,
} from "./portal-address";

describe("portal domains", () => {
  it("read the same portal however its address is written", () => {
    expect(normalizePortalDomain(" https://Acme.bitrix24.com/rest/ ")).toBe("acme.bitrix24.com");
    expect(normalizePortalDomain("http://127.0.0.1:4000/p/acme/")).toBe("127.0.0.1:4000/p/acme");
    expect(samePortalDomain("Acme.bitrix24.com", "https://acme.bitrix24.com/")).toBe(true);
    expect(samePortalDomain("", "")).toBe(false);
    expect(samePortalDomain("acme.bitrix24.com", "other.bitrix24.com")).toBe(false);
  });

  it("offer the DOMAINs a typed address may mean", () => {
    expect(portalAddressCandidates("https://Acme.bitrix24.com/crm/deal/?x=1#y")).toEqual(["acme.bitrix24.com/crm/deal", "acme.bitrix24.com"]);
    expect(portalAddressCandidates("http://127.0.0.1:4000/p/acme/crm/")).toEqual(["127.0.0.1:4000/p/acme/crm", "127.0.0.1:4000", "127.0.0.1:4000/p/acme"]);
    expect(portalAddressCandidates("acme.bitrix24.com")).toEqual(["acme.bitrix24.com"]);
  });
});

describe("base URLs", () => {
  it("build the web address from the stored protocol and DOMAIN", () => {
    expect(portalBaseUrl({ protocol: "https", domain: "acme.bitrix24.com" })).toBe("https://acme.bitrix24.com");
    expect(portalBaseUrl({ protocol: "http", domain: "127.0.0.1:4001" })).toBe("http://127.0.0.1:4001");
    expect(portalBaseUrl({ protocol: "", domain: "acme.bitrix24.com/" })).toBe("https://acme.bitrix24.com");
  });

  it("read the portal out of its REST base", () => {
    expect(portalBaseOfEndpoint("https://acme.bitrix24.com/rest/")).toBe("https://acme.bitrix24.com");
    expect(portalBaseOfEndpoint("http://127.0.0.1:4000/p/acme/rest")).toBe("http://127.0.0.1:4000/p/acme");
    expect(portalOfEndpoint("https://Acme.bitrix24.com:8443/rest/")).toEqual({
      domain: "acme.bitrix24.com:8443",
      protocol: "https",
      origin: "https://acme.bitrix24.com:8443",
      baseUrl: "https://acme.bitrix24.com:8443",
    });
    expect(portalOfEndpoint("http://127.0.0.1:4000/p/acme/rest/")?.baseUrl).toBe("http://127.0.0.1:4000/p/acme");
    expect(portalOfEndpoint("not a url")).toBeNull();
    expect(portalOfEndpoint("ftp://acme.bitrix24.com/rest/")).toBeNull();
  });

  it("join a base URL and a path with one slash", () => {
    expect(portalUrl("https://acme.bitrix24.com", "/crm/deal/details/5/")).toBe("https://acme.bitrix24.com/crm/deal/details/5/");
    expect(portalUrl("https://acme.bitrix24.com/", "crm/")).toBe("https://acme.bitrix24.com/crm/");
  });
});

describe("deep links", () => {
  const overview: DeepLinkRoute = {
    pattern: deepLinkPattern(String.raw`overview/(\d{1,10})`),
    appPath: (m) => (Number(m[1]) > 0 ? `/overview/${Number(m[1])}` : null),
  };
  const download: DeepLinkRoute = { pattern: deepLinkPattern(String.raw`download/([a-z0-9]{3})`), appPath: (m) => `/download/${m[1]}` };

  it("open the app inside the portal and come back as the route's page", () => {
    const link = appDeepLink("https://acme.bitrix24.com/", "local.abc 1", "/overview/42/");
    expect(link).toBe("https://acme.bitrix24.com/marketplace/app/local.abc%201/overview/42/");
    const any = link.split("/marketplace/app/")[1];
    expect(appPathForDeepLink(any, [download, overview])).toBe("/overview/42");
    expect(appPathForDeepLink("overview/42", [overview])).toBe("/overview/42");
    expect(appPathForDeepLink("download/ab1/", [download, overview])).toBe("/download/ab1");
  });

  it("refuse what no route accepts", () => {
    for (const any of [null, undefined, "", "overview/0/", "overview/abc/", "overview/42/../../x", "a/b/overview/42/", "overview/42//", "download/ab1"]) {
      expect(appPathForDeepLink(any, [overview])).toBeNull();
    }
  });
});
