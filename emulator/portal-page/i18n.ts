/**
 * Labels of the portal page's chrome in the portal's languages. Small on purpose: the page only
 * needs to look like a portal, and LANG must reach the app the way a real portal sends it.
 */
import type { PortalLang } from "../state/types";

const en = {
  feed: "Feed",
  tasks: "Tasks and Projects",
  crm: "CRM",
  employees: "Employees",
  applications: "Applications",
  installedApps: "Installed applications",
  noApps: "No applications are installed in this portal.",
  open: "Open",
  installing: "installation not finished",
  appNotFound: "This application is not installed in the portal.",
  loading: "Loading application…",
  actingAs: "Acting as",
  admin: "admin",
  dismissed: "dismissed",
  switchUser: "Switch user",
  selectUser: "Select an employee",
  selectUsers: "Select employees",
  select: "Select",
  cancel: "Cancel",
  close: "Close",
  search: "Search",
  notifications: "Notifications",
  noNotifications: "No notifications.",
  profileMenu: "More",
  noProfileItems: "No application has added an item here.",
  userNotFound: "There is no such user in this portal.",
};

export type Labels = typeof en;

const ru: Labels = {
  feed: "Новости",
  tasks: "Задачи и Проекты",
  crm: "CRM",
  employees: "Сотрудники",
  applications: "Приложения",
  installedApps: "Установленные приложения",
  noApps: "В портале не установлено ни одного приложения.",
  open: "Открыть",
  installing: "установка не завершена",
  appNotFound: "Это приложение не установлено в портале.",
  loading: "Загрузка приложения…",
  actingAs: "Вы работаете как",
  admin: "администратор",
  dismissed: "уволен",
  switchUser: "Сменить пользователя",
  selectUser: "Выберите сотрудника",
  selectUsers: "Выберите сотрудников",
  select: "Выбрать",
  cancel: "Отмена",
  close: "Закрыть",
  search: "Поиск",
  notifications: "Уведомления",
  noNotifications: "Уведомлений нет.",
  profileMenu: "Ещё",
  noProfileItems: "Приложения не добавили сюда пунктов.",
  userNotFound: "В портале нет такого пользователя.",
};

const de: Labels = {
  feed: "Newsfeed",
  tasks: "Aufgaben und Projekte",
  crm: "CRM",
  employees: "Mitarbeiter",
  applications: "Anwendungen",
  installedApps: "Installierte Anwendungen",
  noApps: "In diesem Portal sind keine Anwendungen installiert.",
  open: "Öffnen",
  installing: "Installation nicht abgeschlossen",
  appNotFound: "Diese Anwendung ist im Portal nicht installiert.",
  loading: "Anwendung wird geladen…",
  actingAs: "Angemeldet als",
  admin: "Admin",
  dismissed: "entlassen",
  switchUser: "Benutzer wechseln",
  selectUser: "Mitarbeiter auswählen",
  selectUsers: "Mitarbeiter auswählen",
  select: "Auswählen",
  cancel: "Abbrechen",
  close: "Schließen",
  search: "Suche",
  notifications: "Benachrichtigungen",
  noNotifications: "Keine Benachrichtigungen.",
  profileMenu: "Mehr",
  noProfileItems: "Keine Anwendung hat hier einen Eintrag hinzugefügt.",
  userNotFound: "Diesen Benutzer gibt es in diesem Portal nicht.",
};

const catalogue: Record<PortalLang, Labels> = { en, ru, de };

/** The page language: a `?lang=` override when it is one we know, else the portal's. */
export function pickLang(portalLang: PortalLang, override: string | null): PortalLang {
  const wanted = (override ?? "").toLowerCase();
  return wanted in catalogue ? (wanted as PortalLang) : portalLang;
}

export function labelsFor(lang: PortalLang): Labels {
  return catalogue[lang] ?? en;
}
