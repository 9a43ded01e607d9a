import type { JobsMessages } from "./en";

export const de: JobsMessages = {
  "jobs.kind.system.selftest": "Systemprüfung",
  "jobs.kind.retention.purge": "Nächtliche Bereinigung",
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
