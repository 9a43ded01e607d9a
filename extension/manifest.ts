/**
 * The Manifest V3 of the extension, with the smallest permissions that work: `storage` (the
 * session token, portal address, own address and cached pipelines — nothing else), and host
 * access to Gmail (the sidebar) and to the app (its API and the connect page). No `tabs`, no
 * `identity`, no `<all_urls>`.
 *
 * `key` pins the extension's ID (nkpemaaopkoinklakofmpgimbhhlcabe) for unpacked builds, so the
 * app's CORS allow-list (EXTENSION_IDS) knows it; the Web Store assigns its own ID on upload.
 */
export const EXTENSION_KEY =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAscd4g66YIr9GfIYQvCye3CrTV46CmGWuAEgBMSQ0oYTBDdC+fw6FUgNKJMLwnB5YUGQyD5pwPJHAAAkPHCCCgGtAvI5DwzQSSwrYMC550Rg/45zxseQWVgwMMOsCctEvj2qQUjV0FWOw7qNccDDUYJOCCFW1Zph6Jv0P34CxIN9ga8J8evUgkHPde8fkqA2KOrAjPmTNc925NoXf6+peFvZQyfEQv1JtROH39ou4XGZLz14F8qTckoAc66fa7hqf174jOR6/IW4GxC+pZn+gS7G8TihY5Eng2tPkIuU2rz7eB0y9QttD087EfnWJIkMB5YMwEHzYCoIvmiZigEyglwIDAQAB";

export function extensionManifest(appOrigin: string) {
  return {
    manifest_version: 3,
    name: "StaffSuite for Gmail",
    short_name: "StaffSuite",
    version: "0.1.0",
    description: "See who the people in your Gmail threads are in Bitrix24, create contacts, leads and deals, and log emails when you choose.",
    key: EXTENSION_KEY,
    minimum_chrome_version: "120",
    icons: { "16": "icons/icon-16.png", "32": "icons/icon-32.png", "48": "icons/icon-48.png", "128": "icons/icon-128.png" },
    action: { default_popup: "popup.html", default_title: "StaffSuite for Gmail", default_icon: { "16": "icons/icon-16.png", "32": "icons/icon-32.png" } },
    background: { service_worker: "background.js" },
    permissions: ["storage"],
    host_permissions: ["https://mail.google.com/*", `${appOrigin}/*`],
    content_scripts: [
      { matches: ["https://mail.google.com/*"], js: ["gmail.js"], run_at: "document_idle" },
      { matches: [`${appOrigin}/api/extension/connect/callback*`], js: ["connect.js"], run_at: "document_idle" },
    ],
  };
}
