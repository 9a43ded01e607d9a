import type { MailMessages } from "./en";

export const de: MailMessages = {
  "mail.connected.title": "StaffSuite für Gmail ist verbunden",
  "mail.connected.body":
    "Sie können diesen Tab schließen und zu Gmail zurückkehren: Die Seitenleiste zeigt jetzt, wer die Personen Ihrer E-Mails in Bitrix24 sind.",
  "mail.connected.waiting": "Verbindung wird an die Erweiterung übergeben…",
  "mail.connectFailed.title": "Die Erweiterung konnte nicht verbunden werden",
  "mail.connectFailed.body": "{error} Beginnen Sie erneut mit „Verbinden“ in der Erweiterung.",
  "mail.page.title": "Gmail-Erweiterung",
  "mail.page.intro":
    "Die Erweiterung StaffSuite für Gmail zeigt neben einer geöffneten E-Mail, wer die Beteiligten in Bitrix24 sind. Jeder verbundene Browser hält einen widerrufbaren Schlüssel; StaffSuite speichert nur dessen Hash und von protokollierten E-Mails nur einen Hash ihrer Message-ID.",
  "mail.page.none": "Sie haben die Erweiterung in keinem Browser verbunden.",
  "mail.page.session": "{label} · verbunden {created} · zuletzt genutzt {used} · gültig bis {expires}",
  "mail.page.never": "nie",
  "mail.page.revoke": "Widerrufen",
  "mail.page.revoked": "Widerrufen: Dieser Browser ist getrennt.",
  "mail.page.admin": "Aktive Verbindungen der Erweiterung in diesem Portal: {sessions} (Personen: {users}).",
  "mail.uninstalled.title": "StaffSuite für Gmail ist entfernt",
  "mail.uninstalled.ended": "Seine Verbindung zu Ihrem Bitrix24 ist beendet: Der Schlüssel dieses Browsers gilt nicht mehr.",
  "mail.uninstalled.nothing": "Es gab keine Verbindung mehr zu beenden: Sie war schon getrennt, widerrufen oder abgelaufen.",
  "mail.connectFailed.notInstalled":
    "StaffSuite ist in diesem Bitrix24 nicht installiert: Prüfen Sie die Adresse oder bitten Sie einen Administrator, es zu installieren.",
  "mail.api.duplicates": "Ähnliche Einträge gibt es in Bitrix24 schon: Öffnen Sie einen davon oder legen Sie trotzdem einen neuen an.",
  "mail.api.alreadyLogged": "Diese E-Mail ist bereits in Bitrix24 protokolliert.",
};
