/**
 * The CRM robot "Hand over related records" as we register it with bizproc.robot.add
 * (b24restdocs api-reference/bizproc/bizproc-robot/bizproc-robot-add.md): placed on a deal or lead
 * stage, the portal posts its calls to our robot URL; it moves the record's contact, company, open
 * activities and open tasks to the record's responsible person, and answers with what it moved
 * (RETURN_PROPERTIES, bizproc-event-send.md). Its name and properties are given in every language
 * we speak, so the portal shows them in each user's own (the NAME object of bizproc-robot-add.md).
 */
import type { Params } from "../../bitrix24";
import { translator, type Lang } from "../../i18n";

export const ROBOT_CODE = "staffsuite_hand_over";

/** What the robot may move; each is a Y/N property an administrator sets where they place it. */
export const ROBOT_KINDS = ["moveContact", "moveCompany", "moveActivities", "moveTasks"] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];

/** What it answers with: counts per kind, and the records it could not move. */
export const ROBOT_RESULTS = ["movedContacts", "movedCompanies", "movedActivities", "movedTasks", "failed"] as const;
export type RobotResults = Record<(typeof ROBOT_RESULTS)[number], number>;

const LANGS: Lang[] = ["en", "ru", "de"];

/** One text in every language, as bizproc.robot.add takes a localized NAME / DESCRIPTION. */
function everyLanguage(key: Parameters<ReturnType<typeof translator>>[0]): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, translator(lang)(key)])) as Record<Lang, string>;
}

/** The robot's address: the portal posts each call here (the app's own host, as HANDLER must be). */
export function robotHandlerUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/bitrix24/robot`;
}

/**
 * bizproc.robot.add's parameters. AUTH_USER_ID is the installing administrator: the call's token is
 * theirs (we act with our own stored tokens, but the portal needs someone). USE_SUBSCRIPTION=Y: the
 * automation waits for our answer, so the stage's next robots see what we moved.
 */
export function robotRegistration(appUrl: string, authUserId: number): Params & { CODE: string } {
  const bool = (key: RobotKind | "includeClosed", fallback: "Y" | "N") => ({
    Name: everyLanguage(`automation.robot.${key}`),
    Type: "bool",
    Required: "Y",
    Multiple: "N",
    Default: fallback,
  });
  const count = (key: (typeof ROBOT_RESULTS)[number]) => ({ Name: everyLanguage(`automation.robot.${key}`), Type: "int", Multiple: "N", Default: 0 });
  return {
    CODE: ROBOT_CODE,
    HANDLER: robotHandlerUrl(appUrl),
    AUTH_USER_ID: authUserId,
    USE_SUBSCRIPTION: "Y",
    NAME: everyLanguage("automation.robot.name"),
    DESCRIPTION: everyLanguage("automation.robot.description"),
    PROPERTIES: {
      ...Object.fromEntries(ROBOT_KINDS.map((k) => [k, bool(k, "Y")])),
      includeClosed: bool("includeClosed", "N"),
    },
    RETURN_PROPERTIES: Object.fromEntries(ROBOT_RESULTS.map((k) => [k, count(k)])),
    // bizproc-robot-add.md, FILTER: offered on deal and lead stages only.
    FILTER: {
      INCLUDE: [
        ["crm", "CCrmDocumentDeal"],
        ["crm", "CCrmDocumentLead"],
      ],
    },
  };
}
