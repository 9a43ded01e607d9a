import type { JobsMessages } from "./en";

export const de: JobsMessages = {
  "jobs.kind.system.selftest": "Systemprüfung",
  "jobs.kind.retention.purge": "Nächtliche Bereinigung",
  "jobs.kind.transfer.run": "Übertragung, Rückgängigmachung oder Rückgabe von Datensätzen",
  "jobs.kind.transfer.returns-due": "Rückgaben vorübergehender Übertragungen",
  "jobs.kind.transfer.dismissal-watch": "Suche nach ausgeschiedenen Mitarbeitenden mit offener Arbeit",
  "jobs.back.transfer": "Zurück zur Übergabe",
  "jobs.back.privacy": "Zurück zum Datenschutz",
  "jobs.back.settings": "Zurück zu den Einstellungen",
  "jobs.kind.other": "Hintergrundauftrag",
  "jobs.startedAt": "Gestartet {date}",
  "jobs.state.queued": "Wartet auf den Start",
  "jobs.state.running": "Läuft",
  "jobs.state.retrying": "Unterbrochen, neuer Versuch",
  "jobs.state.completed": "Abgeschlossen",
  "jobs.state.failed": "Fehlgeschlagen",
  "jobs.state.cancelled": "Abgebrochen",
  "jobs.counts": "{done} von {total}",
  "jobs.preparing": "Ermittelt, was zu tun ist…",
  "jobs.error": "Mit diesem Fehler beendet: {error}",
  "jobs.unreachable": "StaffSuite ist gerade nicht erreichbar; der Auftrag läuft weiter, und diese Seite holt auf, sobald die Verbindung zurück ist.",
};
