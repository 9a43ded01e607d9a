/**
 * Test-only: the control API's answers (emulator/control/README.md) as far as tests read them.
 * The emulator's own types stay private to it: tests see only what travels over HTTP.
 */
export interface PortalSummary {
  key: string;
  memberId: string;
  domain: string;
  protocol: "http" | "https";
  baseUrl: string;
  restUrl: string;
  lang: string;
}
/** A portal user as GET /_emulator/portals/{key}/users answers (user.get's fields, camelCase). */
export interface PortalUser {
  id: number;
  active: boolean;
  admin: boolean;
  userType: string;
  name: string;
  lastName: string;
  secondName: string;
  email: string;
  login: string;
  departmentIds: number[];
  workPosition: string;
  workPhone: string;
  workCompany: string;
  personalGender: "M" | "F" | "";
  personalBirthday: string;
  personalMobile: string;
  personalPhone: string;
  personalCity: string;
  personalStreet: string;
  personalWww: string;
  personalPhoto: string;
  timeZone: string;
  dateRegister: string;
  lastLogin: string;
  isOnline: boolean;
  userFields: Record<string, unknown>;
}
export interface AppInstall {
  clientId: string;
  installed: boolean;
  applicationToken: string;
  [field: string]: unknown;
}
export interface EventBinding {
  clientId: string;
  event: string;
  handler: string;
  [field: string]: unknown;
}
export interface EventDelivery {
  event: string;
  handler: string;
  /** The form fields sent. */
  body: Record<string, string>;
  status: number | null;
  error: string | null;
  [field: string]: unknown;
}
export interface Grant {
  accessToken: string;
  refreshToken: string;
  userId: number;
  clientId: string;
  accessExpiresAt: number;
  refreshUsed: boolean;
}
export interface AppOpen {
  target: "install" | "handler";
  url: string;
  form: Record<string, string>;
}
