/**
 * The widget locations the emulator knows, as the server's REST service descriptions declare them
 * (avshatalov48/bitrix24-core-corp modules/rest/lib/api/placement.php `getPlacementList`: each
 * module lists its placements under its own scope, with `private`, `user_mode` and `max_count`).
 * A placement is offered to an app only when the app's token holds the scope that declares it;
 * `null` here stands for the placements every app with the `placement` scope may use.
 *
 * The docs' list is longer (b24restdocs api-reference/widgets/placements.md); these are the ones
 * the emulator's portal page renders or the app uses.
 */

export interface PlacementInfo {
  /** The scope whose service description declares it (null: the placement module's own). */
  scope: string | null;
  /** Not for placement.bind / get / unbind: bound by a module itself (bizproc's robot dialog). */
  private?: boolean;
  /** USER_ID may be given (widgets/placement-bind.md: only PAGE_BACKGROUND_WORKER). */
  userMode?: boolean;
  /** How many bindings an app may have (placement-bind.md: ERROR_PLACEMENT_MAX_COUNT). */
  maxCount?: number;
  /** The OPTIONS it takes, by name and type; without any, OPTIONS is dropped and kept as []. */
  options?: Record<string, "string" | "int">;
}

export const PLACEMENTS: Readonly<Record<string, PlacementInfo>> = {
  USER_PROFILE_MENU: { scope: null },
  USER_PROFILE_TOOLBAR: { scope: null },
  LEFT_MENU: { scope: null },
  REST_APP_URI: { scope: null },
  PAGE_BACKGROUND_WORKER: { scope: null, userMode: true, maxCount: 1, options: { errorHandlerUrl: "string" } },
  CRM_DEAL_DETAIL_TAB: { scope: "crm" },
  CRM_LEAD_DETAIL_TAB: { scope: "crm" },
  CRM_CONTACT_DETAIL_TAB: { scope: "crm" },
  CRM_ROBOT_DESIGNER_TOOLBAR: { scope: "crm" },
  TASK_VIEW_TAB: { scope: "task" },
  // modules/bizproc/lib/restservice.php: the robot settings slider (USE_PLACEMENT=Y), private.
  BIZPROC_ACTIVITY_PROPERTIES_DIALOG: { scope: "bizproc", private: true },
};

/** The robot settings placement bizproc.robot.add binds for USE_PLACEMENT=Y. */
export const ROBOT_DIALOG_PLACEMENT = "BIZPROC_ACTIVITY_PROPERTIES_DIALOG";

/** Placements declared by these scopes (plus the placement module's own), private ones included. */
export function placementsOf(scopes: Iterable<string> | "all"): Map<string, PlacementInfo> {
  const allowed = scopes === "all" ? null : new Set(scopes);
  const out = new Map<string, PlacementInfo>();
  for (const [code, info] of Object.entries(PLACEMENTS)) {
    if (allowed === null || info.scope === null || allowed.has(info.scope)) out.set(code, info);
  }
  return out;
}
