// Core messages in English: the app's frame: navigation, sessions, install, shared words. The reference: ru and de have the same keys.
export const en = {
  "app.name": "StaffSuite",
  "nav.transfer": "Transfer",
  "nav.privacy": "Privacy",
  "nav.settings": "Settings",
  "nav.mail": "Mail",
  "session.signedInAs": "Signed in as user #{userId}",
  "session.signedInAsName": "Signed in as {name}",
  "session.admin": "Portal administrator",
  "session.employee": "Employee",
  "session.required.title": "Open StaffSuite from your Bitrix24 portal",
  "session.required.body": "This page works inside Bitrix24. Open the app from your portal's menu; if you came from there, reload the page.",
  "forbidden.title": "Administrators only",
  "forbidden.body": "This page is for portal administrators. Ask an administrator of your Bitrix24 portal if you need it.",
  "portal.disconnected.title": "StaffSuite has lost its connection to this portal",
  "portal.disconnected.body":
    "Bitrix24 no longer accepts the app's credentials. A portal administrator should open StaffSuite from the portal once (or reinstall it) to reconnect.",
  "install.title": "Setting up StaffSuite",
  "install.working": "Finishing the installation…",
  "install.done": "StaffSuite is installed. Opening it…",
  "install.failed": "The installation could not be finished: {error}. Reload the page to try again.",
  "common.comingSoon": "This tool is being set up for your portal.",
  "session.notSetUp":
    "StaffSuite is not set up in this portal (it was never installed here, or an administrator deleted all its data). A portal administrator must reinstall it in Bitrix24: Applications → My applications, uninstall, then install again.",
  "notFound.title": "Not found",
  "notFound.body": "This page does not exist, or it belongs to someone else. Use the tabs above to go on.",
};

export type CoreMessages = { [K in keyof typeof en]: string };
