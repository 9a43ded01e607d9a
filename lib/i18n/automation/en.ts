// Automation messages in English: the CRM robot and the dismissal rules (lib/transfer/robot, lib/transfer/dismissal-rules). The reference: ru and de have the same keys.
export const en = {
  "automation.robot.name": "StaffSuite: hand over related records",
  "automation.robot.description": "Moves the record's contact, company, open activities and open tasks to its responsible person.",
  "automation.robot.moveContact": "Contacts",
  "automation.robot.moveCompany": "Company",
  "automation.robot.moveActivities": "Activities",
  "automation.robot.moveTasks": "Tasks",
  "automation.robot.includeClosed": "Closed activities and tasks too",
  "automation.robot.movedContacts": "Contacts moved",
  "automation.robot.movedCompanies": "Companies moved",
  "automation.robot.movedActivities": "Activities moved",
  "automation.robot.movedTasks": "Tasks moved",
  "automation.robot.failed": "Records not moved",
  "automation.robot.log": "StaffSuite handed over {moved} related records to the responsible person; {failed} could not be moved.",
  "automation.robot.logNothing": "StaffSuite: every related record is already held by the responsible person.",
  "automation.robot.logFailed": "StaffSuite could not hand over the related records: {reason}",
  "automation.robot.recordGone": "the record was deleted or cannot be read.",
  "automation.history.automatic": "automatic",
  "automation.history.robot": "Robot on {type} #{id}",
  "automation.history.rule": "Dismissal rule",
};

export type AutomationMessages = Record<keyof typeof en, string>;
