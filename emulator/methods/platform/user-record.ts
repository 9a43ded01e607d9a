/**
 * A portal user as user.get / user.current print it (b24restdocs api-reference/user/user-get.md;
 * field list from the server's rest/lib/api/user.php $allowedUserFields): IDs as strings,
 * ACTIVE as a boolean, UF_DEPARTMENT as a list of numbers, IS_ONLINE as Y/N.
 */
import type { PortalUser } from "../../state/types";

const atom = (iso: string) => (iso ? iso.replace(/\.\d{3}Z$/, "+00:00").replace(/Z$/, "+00:00") : "");

export function userRecord(u: PortalUser): Record<string, unknown> {
  return {
    ID: String(u.id),
    XML_ID: "",
    ACTIVE: u.active,
    NAME: u.name,
    LAST_NAME: u.lastName,
    SECOND_NAME: u.secondName,
    EMAIL: u.email,
    LAST_LOGIN: atom(u.lastLogin),
    DATE_REGISTER: atom(u.dateRegister),
    TIME_ZONE: u.timeZone,
    IS_ONLINE: u.isOnline ? "Y" : "N",
    TIMESTAMP_X: atom(u.dateRegister),
    PERSONAL_GENDER: u.personalGender,
    PERSONAL_WWW: u.personalWww,
    PERSONAL_BIRTHDAY: u.personalBirthday ? `${u.personalBirthday.slice(0, 10)}T03:00:00+03:00` : "",
    PERSONAL_PHOTO: u.personalPhoto,
    PERSONAL_PHONE: u.personalPhone,
    PERSONAL_MOBILE: u.personalMobile,
    PERSONAL_CITY: u.personalCity,
    PERSONAL_STREET: u.personalStreet,
    WORK_COMPANY: u.workCompany,
    WORK_POSITION: u.workPosition,
    WORK_PHONE: u.workPhone,
    UF_DEPARTMENT: [...u.departmentIds],
    ...u.userFields,
    USER_TYPE: u.userType,
  };
}

/** Maps an API field name to the user's value, for filtering and sorting. */
export function fieldValue(u: PortalUser, field: string): unknown {
  const rec = userRecord(u);
  if (field === "ID") return u.id;
  if (field === "ACTIVE") return u.active;
  return rec[field];
}

/** Fields user.update may write, as API name → PortalUser key (rest/lib/api/user.php allowed list). */
export const UPDATABLE: Record<string, keyof PortalUser> = {
  NAME: "name",
  LAST_NAME: "lastName",
  SECOND_NAME: "secondName",
  EMAIL: "email",
  PERSONAL_GENDER: "personalGender",
  PERSONAL_WWW: "personalWww",
  PERSONAL_BIRTHDAY: "personalBirthday",
  PERSONAL_PHOTO: "personalPhoto",
  PERSONAL_PHONE: "personalPhone",
  PERSONAL_MOBILE: "personalMobile",
  PERSONAL_CITY: "personalCity",
  PERSONAL_STREET: "personalStreet",
  WORK_COMPANY: "workCompany",
  WORK_POSITION: "workPosition",
  WORK_PHONE: "workPhone",
};
