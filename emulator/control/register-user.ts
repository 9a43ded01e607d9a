/**
 * A new employee joins the portal (control API `POST /_emulator/portals/{key}/users`). ONUSERADD
 * fires then — "not after the invitation, but after the user logs in and completes the
 * registration" (b24restdocs api-reference/user/events/on-user-add.md) — with the fields the
 * doc's sample shows, printed as strings, and the new user as the cause.
 */
import { emitEvent } from "../events/emit";
import type { EmulatorStore } from "../state/store";
import { now } from "../state/store";
import type { Portal, PortalUser } from "../state/types";
import { isoFromSeconds } from "../seed/table";

export function registerUser(store: EmulatorStore, portal: Portal, body: Record<string, unknown>): PortalUser {
  if (typeof body.email !== "string" || !body.email.includes("@")) throw new Error("email is required");
  const id = Math.max(0, ...portal.users.keys()) + 1;
  const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
  const registered = now(store).toISOString();
  const user: PortalUser = {
    id,
    active: true,
    admin: body.admin === true,
    userType: str("userType") || "employee",
    name: str("name"),
    lastName: str("lastName"),
    secondName: str("secondName"),
    email: body.email,
    login: body.email,
    departmentIds: Array.isArray(body.departmentIds) ? body.departmentIds.map(Number) : [1],
    workPosition: str("workPosition"),
    workPhone: "",
    workCompany: "",
    personalGender: body.personalGender === "M" || body.personalGender === "F" ? body.personalGender : "",
    personalBirthday: str("personalBirthday"),
    personalMobile: "",
    personalPhone: "",
    personalCity: "",
    personalStreet: "",
    personalWww: "",
    personalPhoto: "",
    timeZone: "",
    dateRegister: registered,
    lastLogin: registered,
    isOnline: true,
    userFields: {},
  };
  portal.users.set(id, user);
  const dateRegister = isoFromSeconds(Math.floor(Date.parse(registered) / 1000));
  emitEvent(
    store,
    portal,
    "ONUSERADD",
    {
      ID: String(id),
      ACTIVE: "1",
      EMAIL: user.email,
      NAME: user.name,
      LAST_NAME: user.lastName,
      PERSONAL_GENDER: user.personalGender,
      PERSONAL_BIRTHDAY: user.personalBirthday ? isoFromSeconds(Math.floor(Date.parse(user.personalBirthday) / 1000)) : "",
      UF_DEPARTMENT: user.departmentIds.map(String),
      DATE_REGISTER: dateRegister,
      WORK_POSITION: user.workPosition,
    },
    { userId: id, clientId: null, authConnector: "" },
  );
  return user;
}
