// Automation messages in Russian (same keys as en.ts).
import type { AutomationMessages } from "./en";

export const ru: AutomationMessages = {
  "automation.robot.name": "StaffSuite: передать связанные записи",
  "automation.robot.description": "Передаёт контакт, компанию, открытые дела и открытые задачи записи её ответственному.",
  "automation.robot.moveContact": "Контакты",
  "automation.robot.moveCompany": "Компания",
  "automation.robot.moveActivities": "Дела",
  "automation.robot.moveTasks": "Задачи",
  "automation.robot.includeClosed": "И закрытые дела и задачи",
  "automation.robot.movedContacts": "Передано контактов",
  "automation.robot.movedCompanies": "Передано компаний",
  "automation.robot.movedActivities": "Передано дел",
  "automation.robot.movedTasks": "Передано задач",
  "automation.robot.failed": "Не удалось передать",
  "automation.robot.log": "StaffSuite передал ответственному связанных записей: {moved}; не удалось передать: {failed}.",
  "automation.robot.logNothing": "StaffSuite: все связанные записи уже у ответственного.",
  "automation.robot.logFailed": "StaffSuite не смог передать связанные записи: {reason}",
  "automation.robot.recordGone": "запись удалена или недоступна для чтения.",
  "automation.history.automatic": "автоматически",
  "automation.history.robot": "Робот: {type} #{id}",
  "automation.history.rule": "Правило увольнения",
};
