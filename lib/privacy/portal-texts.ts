/**
 * Texts we write into the portal (not our UI): the notification and the pseudonym. They are in
 * the portal's language because every reader of the portal sees them.
 */
import type { Lang } from "../i18n";

export const FORMER_EMPLOYEE: Record<Lang, string> = { en: "Former employee", ru: "Бывший сотрудник", de: "Ehemaliges Teammitglied" };

/** BB-code message of im.notify.system.add (b24restdocs im-notify-system-add.md: MESSAGE accepts [URL]). */
export function archiveReadyMessage(lang: Lang, link: string, expires: string): string {
  switch (lang) {
    case "ru":
      return `Архив с вашими персональными данными готов: [URL=${link}]скачать[/URL]. Ссылка действует до ${expires} и только для вас.`;
    case "de":
      return `Das Archiv mit Ihren personenbezogenen Daten ist fertig: [URL=${link}]herunterladen[/URL]. Der Link gilt bis ${expires} und nur für Sie.`;
    default:
      return `The archive of your personal data is ready: [URL=${link}]download[/URL]. The link works until ${expires}, and only for you.`;
  }
}

export function archiveOnDriveMessage(lang: Lang, link: string): string {
  switch (lang) {
    case "ru":
      return `Архив с вашими персональными данными сохранён на ваш Диск: [URL=${link}]открыть[/URL]. У нас копия не хранится.`;
    case "de":
      return `Das Archiv mit Ihren personenbezogenen Daten liegt jetzt auf Ihrem Drive: [URL=${link}]öffnen[/URL]. Wir bewahren keine Kopie auf.`;
    default:
      return `The archive of your personal data is saved to your Drive: [URL=${link}]open[/URL]. We keep no copy.`;
  }
}

/** Added to the message when some lists could not be read whole (README.txt names them). */
export function archiveIncompleteNote(lang: Lang): string {
  switch (lang) {
    case "ru":
      return "Внимание: часть записей портал выдал не целиком — какие именно, сказано в README.txt архива.";
    case "de":
      return "Achtung: Einige Listen hat das Portal nicht vollständig geliefert — welche, steht in der README.txt des Archivs.";
    default:
      return "Note: the portal did not give some lists whole — README.txt in the archive says which.";
  }
}
