// Automation messages in German (same keys as en.ts).
import type { AutomationMessages } from "./en";

export const de: AutomationMessages = {
  "automation.robot.name": "StaffSuite: verknüpfte Datensätze übergeben",
  "automation.robot.description": "Übergibt Kontakt, Unternehmen, offene Aktivitäten und offene Aufgaben des Datensatzes an seine verantwortliche Person.",
  "automation.robot.moveContact": "Kontakte",
  "automation.robot.moveCompany": "Unternehmen",
  "automation.robot.moveActivities": "Aktivitäten",
  "automation.robot.moveTasks": "Aufgaben",
  "automation.robot.includeClosed": "Auch abgeschlossene Aktivitäten und Aufgaben",
  "automation.robot.movedContacts": "Übergebene Kontakte",
  "automation.robot.movedCompanies": "Übergebene Unternehmen",
  "automation.robot.movedActivities": "Übergebene Aktivitäten",
  "automation.robot.movedTasks": "Übergebene Aufgaben",
  "automation.robot.failed": "Nicht übergebene Datensätze",
  "automation.robot.log": "StaffSuite hat der verantwortlichen Person {moved} verknüpfte Datensätze übergeben; {failed} konnten nicht übergeben werden.",
  "automation.robot.logNothing": "StaffSuite: Alle verknüpften Datensätze liegen schon bei der verantwortlichen Person.",
  "automation.robot.logFailed": "StaffSuite konnte die verknüpften Datensätze nicht übergeben: {reason}",
  "automation.robot.recordGone": "der Datensatz wurde gelöscht oder ist nicht lesbar.",
  "automation.history.automatic": "automatisch",
  "automation.history.robot": "Roboter: {type} #{id}",
  "automation.history.rule": "Entlassungsregel",
};
