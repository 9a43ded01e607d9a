/**
 * A portal's automation: the robots apps registered (bizproc.robot.add), the robots an
 * administrator put on CRM stages (the automation rules of a pipeline) and every robot call the
 * portal made when a record entered such a stage.
 *
 * Registrations belong to an app in a portal and go when it is updated or removed
 * (modules/bizproc/lib/restservice.php onRestAppUpdate / onRestAppDelete); a robot already on a
 * stage stays there and fails until the app registers its code again (bizproc-robot-delete.md:
 * "it is blocked … upon reinstalling the application, the robot becomes available again").
 */

/** One property of a robot (bizproc-robot-add.md, "Object PROPERTY"), keys upper-cased as the server keeps them. */
export interface RobotProperty {
  NAME: string | Record<string, string>;
  DESCRIPTION?: string | Record<string, string>;
  TYPE: string;
  OPTIONS?: Record<string, string>;
  REQUIRED?: string;
  MULTIPLE?: string;
  DEFAULT?: unknown;
}

export interface RobotRegistration {
  clientId: string;
  /** CODE, unique within the app. */
  code: string;
  handler: string;
  authUserId: number;
  useSubscription: "Y" | "N";
  /** A string, or names by upper-cased language code ({ EN: "…", DE: "…" }). */
  name: string | Record<string, string>;
  description: string | Record<string, string>;
  properties: Record<string, RobotProperty>;
  returnProperties: Record<string, RobotProperty>;
  documentType: string[] | null;
  filter: { INCLUDE?: unknown[]; EXCLUDE?: unknown[] } | null;
  usePlacement: "Y" | "N";
  registeredAt: string;
}

/** A robot put on a stage: entering `stageId` of `entityTypeId` runs it with these property values. */
export interface StageRobot {
  id: number;
  entityTypeId: number;
  /** The stage's STATUS_ID (deal stages carry their pipeline, "C1:NEW"). */
  stageId: string;
  clientId: string;
  code: string;
  properties: Record<string, unknown>;
}

export type RobotCallStatus = "waiting" | "completed" | "failed";

/** One run of a robot for one record (what the portal's automation log shows). */
export interface RobotCall {
  id: number;
  ruleId: number;
  clientId: string;
  code: string;
  entityTypeId: number;
  recordId: number;
  stageId: string;
  /** The workflow of this stage entry: the robots of one stage share it. */
  workflowId: string;
  activityName: string;
  eventId: string;
  /** The user whose token went with the call. */
  authUserId: number;
  startedAt: string;
  status: RobotCallStatus;
  /** RETURN_VALUES bizproc.event.send gave, for the robot's RETURN_PROPERTIES only. */
  returnValues: Record<string, unknown>;
  /** LOG_MESSAGE lines (bizproc.event.send, bizproc.activity.log) and the portal's own. */
  log: string[];
  completedAt: string | null;
  /** Why the portal could not run it (the robot is no longer registered…). */
  error: string | null;
  /** The delivery log entry of the POST to the handler. */
  deliveryId: number | null;
}

export interface AutomationState {
  rules: StageRobot[];
  calls: RobotCall[];
  seq: { rule: number; call: number };
}

export function emptyAutomation(): AutomationState {
  return { rules: [], calls: [], seq: { rule: 0, call: 0 } };
}
