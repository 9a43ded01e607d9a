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
    "StaffSuite für Gmail ist eine Chrome-Erweiterung. Neben einer in Gmail geöffneten E-Mail zeigt sie, wer deren Beteiligte in diesem Bitrix24 sind — Kollegen, Kontakte, Unternehmen, Leads und ihre offenen Deals —, und Sie legen dort CRM-Einträge an und protokollieren die E-Mail zu einem davon.",
  "mail.page.privacy":
    "Jeder verbundene Browser erhält einen eigenen Schlüssel, den Sie unten widerrufen können. StaffSuite speichert einen Hash dieses Schlüssels, nie den Schlüssel selbst; von einer protokollierten E-Mail einen Hash ihrer Message-ID, die Aktivität, die daraus wurde, und wer sie protokolliert hat.",
  "mail.page.status.connectedOne": "Sie sind in einem Browser verbunden.",
  "mail.page.status.connected": "Sie sind in Browsern verbunden: {count}.",
  "mail.page.status.none": "Sie sind nicht verbunden: Kein Browser hält einen Schlüssel zu Ihrem Konto.",
  "mail.page.install.title": "Erweiterung installieren",
  "mail.page.install.store": "Aus dem Chrome Web Store zu Chrome hinzufügen",
  "mail.page.install.download": "Erweiterung herunterladen (Version {version}, {size})",
  "mail.page.install.steps": "So laden Sie die heruntergeladene Erweiterung in Chrome:",
  "mail.page.install.step1": "Entpacken Sie die Datei in einen Ordner, den Sie behalten (Chrome lädt sie von dort).",
  "mail.page.install.step2": "Öffnen Sie chrome://extensions und schalten Sie den Entwicklermodus ein (oben rechts).",
  "mail.page.install.step3": "Klicken Sie auf „Entpackte Erweiterung laden“ und wählen Sie diesen Ordner.",
  "mail.page.install.connect":
    "Klicken Sie dann in der Chrome-Symbolleiste auf das StaffSuite-Symbol, geben Sie {portal} ein und klicken Sie auf Verbinden. Bitrix24 fragt nach Ihrer Erlaubnis; danach öffnen Sie eine E-Mail in Gmail.",
  "mail.page.install.noneAdmin":
    "Hier wird noch keine Erweiterung angeboten. Um das ZIP auf dieser Seite anzubieten, führen Sie npm run build:extension -- --app-url={appUrl} im Ordner der App auf dem Server aus; haben Sie sie im Chrome Web Store veröffentlicht, setzen Sie EXTENSION_STORE_URL auf deren Seite.",
  "mail.page.install.none": "Die Erweiterung wird hier noch nicht angeboten: Fragen Sie Ihren Bitrix24-Administrator, wie Sie sie erhalten.",
  "mail.page.mine.title": "Ihre Browser",
  "mail.page.session": "{label} · verbunden {created} · zuletzt genutzt {used} · gültig bis {expires}",
  "mail.page.never": "noch nicht",
  "mail.page.revoke": "Widerrufen",
  "mail.page.revoking": "Wird widerrufen…",
  "mail.page.revoked": "Widerrufen: Der Schlüssel dieses Browsers gilt nicht mehr. Seine Seitenleiste hört bei ihrer nächsten Anfrage auf und sagt, warum.",
  "mail.page.revokeFailed": "Nicht widerrufen: {message}",
  "mail.page.ended.title": "In den letzten 30 Tagen beendet",
  "mail.page.ended.disconnected": "{label}: in der Erweiterung getrennt am {date}.",
  "mail.page.ended.revoked": "{label}: auf dieser Seite widerrufen am {date}.",
  "mail.page.ended.revoked_by_admin": "{label}: von einem Bitrix24-Administrator beendet am {date}.",
  "mail.page.ended.dismissed": "{label}: beendet am {date}, weil Ihr Bitrix24-Konto deaktiviert wurde.",
  "mail.page.ended.uninstalled": "{label}: die Erweiterung wurde am {date} aus Chrome entfernt.",
  "mail.page.ended.expired": "{label}: abgelaufen am {date} (eine Verbindung gilt 30 Tage; verbinden Sie sich erneut über die Erweiterung).",
  "mail.page.admin.title": "Verbindungen in diesem Portal",
  "mail.page.admin.summary": "Verbundene Browser: {sessions}. Personen: {users}.",
  "mail.page.admin.none": "Niemand in diesem Portal hat die Erweiterung verbunden.",
  "mail.page.admin.dismissed": "in Bitrix24 entlassen",
  "mail.page.admin.dismissedNote":
    "Entlassene stehen oben: Ihre Verbindungen enden bei ihrer nächsten Anfrage oder mit der stündlichen Prüfung — oder jetzt mit Widerrufen.",
  "mail.page.admin.user": "Benutzer {id}",
  "mail.page.admin.noName": "(ohne Namen in Bitrix24, Benutzer {id})",
  "mail.page.admin.namesFailed":
    "Bitrix24 hat die Namen gerade nicht geliefert, daher werden Personen mit ihrer Benutzer-ID gezeigt und Entlassene nicht markiert. Laden Sie die Seite neu, um es erneut zu versuchen.",
  "mail.page.admin.revoked":
    "Widerrufen: Dieser Browser kann StaffSuite nicht mehr nutzen; seine Seitenleiste sagt, dass ein Administrator die Verbindung beendet hat.",
  "mail.page.preview.title": "Was die Seitenleiste zeigt",
  "mail.page.preview.intro":
    "Die Seitenleiste, wie Gmail sie zeigt, an einer Beispiel-E-Mail zwischen Ihnen, Personen aus dem CRM dieses Portals, einem Kollegen und jemandem, den Bitrix24 nicht kennt — gerade eben in diesem Portal gesucht. Ihre Schaltflächen ändern hier nichts.",
  "mail.page.preview.subject": "Beispiel-E-Mail",
  "mail.page.preview.from": "Von",
  "mail.page.preview.to": "An",
  "mail.page.preview.cc": "Cc",
  "mail.page.preview.you": "Sie",
  "mail.page.preview.failed": "Die Vorschau ließ sich nicht erstellen: {message}",
  "mail.refused.connection_ended":
    "Diese Verbindung war schon beendet (widerrufen, getrennt oder abgelaufen), oder sie zu beenden steht Ihnen nicht zu. Laden Sie die Seite neu, um den Stand zu sehen.",
  "mail.uninstalled.title": "StaffSuite für Gmail ist entfernt",
  "mail.uninstalled.ended": "Seine Verbindung zu Ihrem Bitrix24 ist beendet: Der Schlüssel dieses Browsers gilt nicht mehr.",
  "mail.uninstalled.nothing": "Es gab keine Verbindung mehr zu beenden: Sie war schon getrennt, widerrufen oder abgelaufen.",
  "mail.connectFailed.notInstalled":
    "StaffSuite ist in diesem Bitrix24 nicht installiert: Prüfen Sie die Adresse oder bitten Sie einen Administrator, es zu installieren.",
  "mail.api.duplicates": "Ähnliche Einträge gibt es in Bitrix24 schon: Öffnen Sie einen davon oder legen Sie trotzdem einen neuen an.",
  "mail.api.alreadyLogged": "Diese E-Mail ist bereits in Bitrix24 protokolliert.",
};
