// Mail messages in English: the Gmail extension's pages in the app (connect, connections). The reference: ru and de have the same keys.
export const en = {
  "mail.connected.title": "StaffSuite for Gmail is connected",
  "mail.connected.body": "You can close this tab and go back to Gmail: the sidebar now shows who the people in your emails are in Bitrix24.",
  "mail.connected.waiting": "Handing the connection to the extension…",
  "mail.connectFailed.title": "The extension could not be connected",
  "mail.connectFailed.body": "{error} Start again from the extension's Connect button.",
  "mail.page.title": "Gmail extension",
  "mail.page.intro":
    "The StaffSuite for Gmail extension shows, beside an email you open, who its people are in Bitrix24. Each browser you connected holds a revocable key; StaffSuite keeps only its hash, and of logged emails only a hash of their message ID.",
  "mail.page.none": "You have not connected the extension in any browser.",
  "mail.page.session": "{label} · connected {created} · last used {used} · valid until {expires}",
  "mail.page.never": "never",
  "mail.page.revoke": "Revoke",
  "mail.page.revoked": "Revoked: that browser is disconnected.",
  "mail.page.admin": "Active extension connections in this portal: {sessions} (people: {users}).",
  "mail.uninstalled.title": "StaffSuite for Gmail is removed",
  "mail.uninstalled.ended": "Its connection to your Bitrix24 is ended: the key that browser held no longer works.",
  "mail.uninstalled.nothing": "There was no connection left to end: it had been disconnected, revoked or had expired.",
  "mail.connectFailed.notInstalled": "StaffSuite is not installed in this Bitrix24: check the address, or ask an administrator to install it.",
  "mail.api.duplicates": "Similar records already exist in Bitrix24: open one of them, or create a new record anyway.",
  "mail.api.alreadyLogged": "This email is already logged in Bitrix24.",
};

export type MailMessages = { [K in keyof typeof en]: string };
