/**
 * People and departments of a portal, as every tool reads them (Transfer, Privacy, Mail, the
 * lifecycle): a person's name as the portal shows it, who is dismissed and who is active, the
 * departments and a user's departments. Platform facts only, read live and never stored.
 *
 *   const departments = await readDepartments(client);                 // one listAll
 *   for await (const page of client.listPages("user.get", { FILTER: DISMISSED_EMPLOYEES })) …
 *   page.map((u) => ({ name: displayName(u), departments: departmentIdsOf(u), active: isActive(u) }));
 */
export { displayName, userNames } from "./names";
export { profilePath } from "./profile-path";
export { ACTIVE_EMPLOYEES, DISMISSED_EMPLOYEES, isActive } from "./dismissed";
export { DEPARTMENTS_COMMAND, departmentIdsOf, departmentNames, departmentsFrom, readDepartments, type Department } from "./departments";
