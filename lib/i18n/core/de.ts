import type { CoreMessages } from "./en";

export const de: CoreMessages = {
  "app.name": "StaffSuite",
  "nav.transfer": "Übertragung",
  "nav.privacy": "Datenschutz",
  "nav.settings": "Einstellungen",
  "nav.mail": "Mail",
  "session.signedInAs": "Angemeldet als Benutzer #{userId}",
  "session.signedInAsName": "Angemeldet als {name}",
  "session.admin": "Portal-Administrator",
  "session.employee": "Mitarbeiter",
  "session.required.title": "Öffnen Sie StaffSuite in Ihrem Bitrix24-Portal",
  "session.required.body":
    "Diese Seite funktioniert innerhalb von Bitrix24. Öffnen Sie die App über das Menü Ihres Portals; wenn Sie von dort kommen, laden Sie die Seite neu.",
  "forbidden.title": "Nur für Administratoren",
  "forbidden.body": "Diese Seite ist für Portal-Administratoren. Wenden Sie sich an einen Administrator Ihres Bitrix24-Portals.",
  "portal.disconnected.title": "StaffSuite hat die Verbindung zu diesem Portal verloren",
  "portal.disconnected.body":
    "Bitrix24 akzeptiert die Zugangsdaten der App nicht mehr. Ein Portal-Administrator sollte StaffSuite einmal im Portal öffnen (oder neu installieren), um die Verbindung wiederherzustellen.",
  "install.title": "StaffSuite wird eingerichtet",
  "install.working": "Installation wird abgeschlossen…",
  "install.done": "StaffSuite ist installiert. Wird geöffnet…",
  "install.failed": "Die Installation konnte nicht abgeschlossen werden: {error}. Laden Sie die Seite neu, um es erneut zu versuchen.",
  "common.comingSoon": "Dieses Werkzeug wird für Ihr Portal eingerichtet.",
  "session.notSetUp":
    "StaffSuite ist in diesem Portal nicht eingerichtet (es wurde hier nie installiert, oder ein Administrator hat alle Daten gelöscht). Ein Portal-Administrator muss es in Bitrix24 neu installieren: Anwendungen → Meine Anwendungen, deinstallieren, dann erneut installieren.",
  "notFound.title": "Nicht gefunden",
  "notFound.body": "Diese Seite gibt es nicht, oder sie gehört jemand anderem. Über die Reiter oben geht es weiter.",
};
