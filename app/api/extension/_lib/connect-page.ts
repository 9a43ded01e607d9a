import "server-only";
import { describeError, errorMessage, logUnexpected } from "@/lib/errors";
import { resolveLang, translator } from "@/lib/i18n";
import { PortalNotFoundError } from "@/lib/mail";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small page the connect flow ends on (a tab the extension opened); failures through lib/errors' mapping. */
export function connectPage(args: { ok: true; claimCode: string; lang: string } | { ok: false; error: unknown; lang: string; where: string }): Response {
  const lang = resolveLang(args.lang);
  const t = translator(lang);
  let status = 200;
  let body: string;
  if (args.ok) {
    body = `<main data-staffsuite-claim="${escape(args.claimCode)}"><h1>${escape(t("mail.connected.title"))}</h1><p data-testid="connect-status">${escape(t("mail.connected.waiting"))}</p><p>${escape(t("mail.connected.body"))}</p></main>`;
  } else {
    logUnexpected(args.error, args.where);
    status = describeError(args.error).status;
    const why = args.error instanceof PortalNotFoundError ? t("mail.connectFailed.notInstalled") : errorMessage(args.error, lang);
    body = `<main><h1>${escape(t("mail.connectFailed.title"))}</h1><p data-testid="connect-error">${escape(t("mail.connectFailed.body", { error: why }))}</p></main>`;
  }
  return standalonePage(lang, body, status);
}

/** A page of the extension's flows outside the portal (a tab of its own): one card, the portal's language. */
export function standalonePage(lang: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>StaffSuite</title><meta name="referrer" content="no-referrer">
<style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#eef2f4;color:#333;margin:0;padding:48px 16px}main{max-width:520px;margin:auto;background:#fff;border-radius:12px;padding:28px 32px;box-shadow:0 2px 8px #0001}h1{font-size:20px;color:#2067b0;margin:0 0 12px}p{line-height:1.5}</style>
</head><body>${body}</body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-frame-options": "DENY" } });
}

/** The page Chrome opens when the extension is removed: whether its connection ended now (or had already). */
export function uninstalledPage(lang: string, ended: boolean): Response {
  const l = resolveLang(lang);
  const t = translator(l);
  const said = ended ? t("mail.uninstalled.ended") : t("mail.uninstalled.nothing");
  return standalonePage(l, `<main><h1>${escape(t("mail.uninstalled.title"))}</h1><p data-testid="uninstalled-status">${escape(said)}</p></main>`);
}
