/**
 * The emulator's in-memory model of Bitrix24 portals. Everything the REST methods, the OAuth
 * server, the portal page and the control API read or change lives here, so a test can assert
 * on the state directly (through the control API) without going through REST.
 *
 * Field names are our own camelCase; REST methods translate to the API's spelling at the edge.
 */
import type { AutomationState, RobotRegistration } from "./automation";
import type { PortalData } from "./portal-data";

export type Plan = "standard" | "enterprise";
/** Bitrix24 license status letters as the iframe POST's `status` field carries them. */
export type LicenseStatus = "F" | "D" | "T" | "P" | "L" | "S";
export type PortalLang = "en" | "ru" | "de";

export interface Department {
  id: number;
  name: string;
  parentId: number | null;
  headUserId: number | null;
  sort: number;
}

export interface PortalUser {
  id: number;
  active: boolean;
  /** Portal administrator (user.admin, profile.ADMIN). */
  admin: boolean;
  /** "employee" | "extranet" | "email" | ... as user.get's USER_TYPE. */
  userType: string;
  name: string;
  lastName: string;
  secondName: string;
  email: string;
  login: string;
  /** UF_DEPARTMENT: departments the user belongs to. */
  departmentIds: number[];
  workPosition: string;
  workPhone: string;
  workCompany: string;
  personalGender: "M" | "F" | "";
  personalBirthday: string; // ISO date or ""
  personalMobile: string;
  personalPhone: string;
  personalCity: string;
  personalStreet: string;
  personalWww: string;
  /** Photo URL or "" when none. */
  personalPhoto: string;
  timeZone: string;
  dateRegister: string; // ISO
  lastLogin: string; // ISO or ""
  isOnline: boolean;
  /** Custom UF_* fields, by their API name. */
  userFields: Record<string, unknown>;
}

/** An app as registered with the OAuth server (one client_id, valid on every portal). */
export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Opened in the portal's iframe. */
  handlerUrl: string;
  /** Opened instead of the handler on first open, until installFinish. */
  installUrl: string | null;
  scopes: string[];
  /** App status letter in token answers: L local (default), F free, D demo, T trial, P paid, S subscription. */
  status?: string;
  /** App version reported by app.info and ONAPPINSTALL's data[VERSION] (default 1). */
  version?: number;
  /** App code reported by app.info (Market apps: vendor.name; local apps: local.{id}). */
  code?: string;
  /** Event handlers set in the app's version card (e.g. ONAPPINSTALL, ONAPPUNINSTALL → URL). */
  eventHandlers?: Record<string, string>;
  /** OAuth return address (settings/oauth/index.md: taken from the app card); default handlerUrl. */
  redirectUri?: string;
}

/** An app installed in one portal. */
export interface AppInstall {
  clientId: string;
  /** Per-portal secret sent with every event of this app. */
  applicationToken: string;
  /** False until the app calls installFinish (the portal keeps opening the install URL). */
  installed: boolean;
  installedAt: string;
  installedByUserId: number;
  /** app.option.set values. */
  options: Record<string, unknown>;
  /** user.option-like per-user app options (BX24.userOption). */
  userOptions: Record<number, Record<string, unknown>>;
  /** placement.bind handlers of this app (emulator/methods/platform/placement.ts). */
  placements?: PlacementBinding[];
  /** The app's version installed here (ONAPPUPDATE's PREVIOUS_VERSION); the registration's when unset. */
  version?: number;
  /** bizproc.robot.add registrations of this app (emulator/methods/bizproc/robots.ts). */
  robots?: RobotRegistration[];
}

export interface PlacementBinding {
  /** Bind order within the portal (placement.get lists by it). */
  id: number;
  placement: string;
  handler: string;
  /** USER_ID the binding is for (0 = everyone). */
  userId: number;
  title: string;
  /** Per-language TITLE / DESCRIPTION / GROUP_NAME, as placement.get prints them. */
  langAll: Record<string, { TITLE: string; DESCRIPTION: string; GROUP_NAME: string }>;
  /** OPTIONS as the placement's option schema kept them ([] when it has none). */
  options: Record<string, unknown> | [];
  /** A private placement's extra key (the robot code of BIZPROC_ACTIVITY_PROPERTIES_DIALOG). */
  additional?: string;
}

export interface EventBinding {
  id: number;
  clientId: string;
  event: string; // upper case, e.g. ONAPPUNINSTALL
  handler: string;
  authType: number; // user ID the handler runs as; 0 = the user who caused the event
  eventType: "online" | "offline";
  /** Offline bindings: the auth_connector the binding was made with ("" = none). */
  connectorId: string;
}

/** One entry of a portal's offline event queue (b24restdocs api-reference/events/offline-events.md). */
export interface OfflineEvent {
  id: number;
  clientId: string;
  connectorId: string;
  /** Emulator-clock milliseconds of the latest change it stands for. */
  at: number;
  event: string;
  data: unknown;
  /** The user who caused it (EVENT_ADDITIONAL.user_id). */
  userId: number;
  /** Same object, same event → same MESSAGE_ID: the queue keeps one entry per message. */
  messageId: string;
  /** "" until event.offline.get with clear=0 hands it to a process. */
  processId: string;
  error: boolean;
}

export interface IncomingWebhook {
  userId: number;
  code: string;
  scopes: string[];
}

/** A custom field of the user profile as user.userfield.list prints it (user-userfield-list.md). */
export interface UserFieldDef {
  ID: string;
  ENTITY_ID: "USER";
  FIELD_NAME: string;
  USER_TYPE_ID: string;
  XML_ID: string | null;
  SORT: string;
  MULTIPLE: "Y" | "N";
  MANDATORY: "Y" | "N";
  SHOW_FILTER: string;
  SHOW_IN_LIST: "Y" | "N";
  EDIT_IN_LIST: "Y" | "N";
  IS_SEARCHABLE: "Y" | "N";
  SETTINGS: Record<string, unknown>;
  [label: string]: unknown;
}

export interface Portal {
  /** The portal's name in the control API and the call log. */
  key: string;
  memberId: string;
  /** The port of the portal's own listener: every portal is the root of its own origin. */
  port: number;
  /** What the portal calls its DOMAIN: host:port of its listener (e.g. 127.0.0.1:40123). */
  domain: string;
  protocol: "http" | "https";
  plan: Plan;
  licenseStatus: LicenseStatus;
  lang: PortalLang;
  title: string;
  users: Map<number, PortalUser>;
  departments: Map<number, Department>;
  installs: Map<string, AppInstall>;
  eventBindings: EventBinding[];
  offlineEvents: OfflineEvent[];
  /** Custom profile fields (user.userfield.*); built from the users' values on first use. */
  userFieldDefs?: UserFieldDef[];
  /** Last offline event ID given out. */
  offlineSeq: number;
  /** Last placement binding ID given out. */
  placementSeq?: number;
  webhooks: IncomingWebhook[];
  /** Tasks, CRM, activities, workgroups, notifications, disk: see portal-data.ts. */
  data: PortalData;
  /** Robots on CRM stages and their calls (state/automation.ts); made on first use. */
  automation?: AutomationState;
}
