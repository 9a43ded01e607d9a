// Error messages in English: one key per error code of lib/errors (`errors.<code>`). The reference:
// ru and de have the same keys. Each says what happened and what to do.
export const en = {
  "errors.title": "Something stopped this page",
  "errors.retry": "Try again",
  "errors.unauthorized": "Your session has ended. Open StaffSuite again from your Bitrix24 portal.",
  "errors.forbidden": "Only portal administrators can do this. Ask an administrator of your Bitrix24 portal.",
  "errors.not_found": "This no longer exists, or it is not yours to see.",
  "errors.invalid": "Some of what was sent is not valid. Check the form and try again.",
  "errors.refused": "This cannot be done right now. Reload the page to see where things stand, then try again.",
  "errors.portal_disconnected":
    "StaffSuite has lost its connection to this portal. A portal administrator should open StaffSuite from the portal once to reconnect it.",
  "errors.user_token_dead": "Bitrix24 no longer accepts StaffSuite's access for your account. Open StaffSuite from your Bitrix24 portal once, then try again.",
  "errors.rate_limited": "Bitrix24 is receiving too many requests from this portal right now. Wait a minute and try again.",
  "errors.operating_limit": "Bitrix24 has paused this kind of request for a few minutes because it has run for too long. Try again in ten minutes.",
  "errors.insufficient_scope": "StaffSuite lacks a permission it needs in this portal. A portal administrator should reinstall the app to grant it.",
  "errors.access_denied": "Bitrix24 refused: your account lacks the rights for this. Ask a portal administrator.",
  "errors.method_unavailable": "This portal does not offer what is needed (a Bitrix24 module may be switched off). Ask a portal administrator.",
  "errors.session_revoked":
    "This connection of StaffSuite for Gmail was revoked on StaffSuite's Mail page. Click the StaffSuite icon in the toolbar to connect again.",
  "errors.session_revoked_by_admin": "A Bitrix24 administrator ended this connection of StaffSuite for Gmail. Ask them before connecting again.",
  "errors.user_dismissed": "Your Bitrix24 account is deactivated, so StaffSuite ended this connection. If this is a mistake, ask a portal administrator.",
  "errors.record_gone": "This record no longer exists in Bitrix24: it was deleted or merged. Look the people up again and choose another.",
  "errors.portal_error": "Bitrix24 answered with an error. Try again; if it keeps happening, contact your administrator.",
  "errors.internal": "Something went wrong. Try again; if it keeps happening, contact your administrator.",
  "errors.too_many_requests": "Too many attempts from here. Wait a minute and open the app again.",
};

export type ErrorsMessages = { [K in keyof typeof en]: string };
