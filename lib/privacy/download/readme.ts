/**
 * README.txt of a personal-data export: what every file and every column holds, in the
 * requester's language. Sections added by other parts of the export describe their own columns
 * (ReadmeSection), so the README never lists a file that is not in the ZIP or misses one.
 */
import type { Lang } from "../../i18n";
import type { IncompleteReason } from "../../ownership";

/** A list the export could not read whole (records.ts), named at the top of the README. */
export interface MissingList {
  type: string;
  /** The file its rows are in, without extension (records.ts names it in words). */
  file?: string;
  role: string;
  reason: IncompleteReason;
  /** The portal's error code when it refused. */
  code?: string;
  /** Rows of it that are in the file. */
  read: number;
  /** Records the portal counted for it, when it did. */
  counted: number | null;
}

export interface ReadmeSection {
  file: string;
  about: Record<Lang, string>;
  columns: Record<string, Record<Lang, string>>;
}

const TEXT: Record<
  Lang,
  {
    title: string;
    intro: (portal: string, userId: number, date: string) => string;
    files: string;
    rows: (n: number) => string;
    csvNote: string;
    jsonNote: string;
    notIncluded: string;
    missingTitle: string;
    missingIntro: string;
    missingLine: (m: MissingList, why: string) => string;
    why: Record<MissingList["reason"], string>;
  }
> = {
  en: {
    title: "Your personal data",
    intro: (portal, userId, date) => `Exported from the Bitrix24 portal ${portal} for user ID ${userId} on ${date} (UTC) by StaffSuite Privacy.`,
    files: "Files",
    rows: (n) => `${n} row(s)`,
    csvNote:
      "Each .csv file is UTF-8 with a byte-order mark, comma-separated, with a header row. A value that begins with =, +, -, @ or a tab starts with an apostrophe (') so that spreadsheet programs do not run it as a formula; the .json file of the same name holds every value unchanged.",
    jsonNote: "Each .json file holds the same rows as its .csv file, as a list of objects with the same keys as the CSV columns.",
    notIncluded: "Not included: the content of chats, e-mails and files, which Bitrix24 keeps and shows you itself.",
    missingTitle: "Incomplete: records this export could not read",
    missingIntro: "The portal did not give these lists whole. Their files hold what was read; ask again later, or ask your administrator.",
    missingLine: (m, why) =>
      `${m.file ?? `records-${m.type}`} (${m.role}): ${m.read} row(s) read${m.counted !== null ? ` of ${m.counted} the portal counted` : ""} — ${why}${m.code ? ` (${m.code})` : ""}`,
    why: {
      filter_ignored: "the portal answered records outside what was asked for, so the rest could not be trusted",
      order_ignored: "the portal answered records out of order, so the rest could not be trusted",
      refused: "the portal refused to list them",
      rate_limited: "the portal kept refusing for its request limit",
      operating_limited: "the portal blocked the list for its operating-time limit longer than we could wait",
      unbounded: "records kept being added faster than they could be read",
    },
  },
  ru: {
    title: "Ваши персональные данные",
    intro: (portal, userId, date) => `Выгружено с портала Битрикс24 ${portal} для пользователя с ID ${userId} ${date} (UTC) приложением StaffSuite Privacy.`,
    files: "Файлы",
    rows: (n) => `строк: ${n}`,
    csvNote:
      "Каждый файл .csv — UTF-8 с меткой порядка байтов, разделитель — запятая, первая строка — заголовки. Значение, начинающееся с =, +, -, @ или табуляции, предваряется апострофом ('), чтобы табличные программы не выполнили его как формулу; в одноимённом файле .json значения приведены без изменений.",
    jsonNote: "Каждый файл .json содержит те же строки, что и одноимённый .csv, — список объектов с ключами, совпадающими со столбцами CSV.",
    notIncluded: "Не включено: содержимое чатов, писем и файлов — их Битрикс24 хранит и показывает вам сам.",
    missingTitle: "Неполно: записи, которые не удалось прочитать",
    missingIntro: "Эти списки портал выдал не целиком. В их файлах — то, что удалось прочитать; запросите выгрузку позже или обратитесь к администратору.",
    missingLine: (m, why) =>
      `${m.file ?? `records-${m.type}`} (${m.role}): прочитано строк: ${m.read}${m.counted !== null ? ` из ${m.counted}, насчитанных порталом` : ""} — ${why}${m.code ? ` (${m.code})` : ""}`,
    why: {
      filter_ignored: "портал вернул записи вне запрошенного, поэтому остальным нельзя доверять",
      order_ignored: "портал вернул записи не по порядку, поэтому остальным нельзя доверять",
      refused: "портал отказал в списке",
      rate_limited: "портал раз за разом отказывал из-за лимита запросов",
      operating_limited: "портал заблокировал список по лимиту времени выполнения дольше, чем мы можем ждать",
      unbounded: "записи добавлялись быстрее, чем их удавалось прочитать",
    },
  },
  de: {
    title: "Ihre personenbezogenen Daten",
    intro: (portal, userId, date) => `Exportiert aus dem Bitrix24-Portal ${portal} für die Benutzer-ID ${userId} am ${date} (UTC) von StaffSuite Privacy.`,
    files: "Dateien",
    rows: (n) => `${n} Zeile(n)`,
    csvNote:
      "Jede .csv-Datei ist UTF-8 mit Byte-Order-Mark, kommagetrennt, mit einer Kopfzeile. Ein Wert, der mit =, +, -, @ oder einem Tabulator beginnt, erhält einen vorangestellten Apostroph ('), damit Tabellenprogramme ihn nicht als Formel ausführen; die gleichnamige .json-Datei enthält jeden Wert unverändert.",
    jsonNote: "Jede .json-Datei enthält dieselben Zeilen wie die gleichnamige .csv-Datei, als Liste von Objekten mit denselben Schlüsseln wie die CSV-Spalten.",
    notIncluded: "Nicht enthalten: der Inhalt von Chats, E-Mails und Dateien, den Bitrix24 selbst speichert und Ihnen anzeigt.",
    missingTitle: "Unvollständig: Datensätze, die dieser Export nicht lesen konnte",
    missingIntro:
      "Diese Listen hat das Portal nicht vollständig geliefert. Ihre Dateien enthalten, was gelesen wurde; fordern Sie den Export später erneut an oder wenden Sie sich an Ihre Administration.",
    missingLine: (m, why) =>
      `${m.file ?? `records-${m.type}`} (${m.role}): ${m.read} Zeile(n) gelesen${m.counted !== null ? ` von ${m.counted}, die das Portal zählte` : ""} — ${why}${m.code ? ` (${m.code})` : ""}`,
    why: {
      filter_ignored: "das Portal lieferte Datensätze außerhalb der Anfrage, daher war dem Rest nicht zu trauen",
      order_ignored: "das Portal lieferte Datensätze außer der Reihe, daher war dem Rest nicht zu trauen",
      refused: "das Portal verweigerte die Liste",
      rate_limited: "das Portal lehnte wegen seines Anfragelimits immer wieder ab",
      operating_limited: "das Portal sperrte die Liste wegen seines Laufzeitlimits länger, als wir warten können",
      unbounded: "es kamen schneller Datensätze hinzu, als sie gelesen werden konnten",
    },
  },
};

export const PROFILE_README: ReadmeSection[] = [
  {
    file: "profile",
    about: {
      en: "Every field of your Bitrix24 profile, including the portal's custom fields (UF_…).",
      ru: "Все поля вашего профиля Битрикс24, включая пользовательские поля портала (UF_…).",
      de: "Alle Felder Ihres Bitrix24-Profils, einschließlich der benutzerdefinierten Felder des Portals (UF_…).",
    },
    columns: {
      field: { en: "the field's name in the Bitrix24 API", ru: "имя поля в API Битрикс24", de: "Name des Felds in der Bitrix24-API" },
      label: {
        en: "the field's name as the portal shows it",
        ru: "название поля, как его показывает портал",
        de: "Name des Felds, wie das Portal ihn anzeigt",
      },
      value: {
        en: 'the value stored (lists separated by "; ")',
        ru: 'сохранённое значение (списки через "; ")',
        de: 'gespeicherter Wert (Listen durch "; " getrennt)',
      },
    },
  },
  {
    file: "departments",
    about: {
      en: "The departments you belong to or head.",
      ru: "Подразделения, в которых вы состоите или которыми руководите.",
      de: "Die Abteilungen, denen Sie angehören oder die Sie leiten.",
    },
    columns: {
      department_id: { en: "the department's ID", ru: "ID отдела", de: "ID der Abteilung" },
      department_name: { en: "the department's name", ru: "название отдела", de: "Name der Abteilung" },
      is_head: { en: "true when you head it", ru: "true, если вы его руководитель", de: "true, wenn Sie sie leiten" },
    },
  },
  {
    file: "managers",
    about: {
      en: "Your manager in each of your departments.",
      ru: "Ваш руководитель в каждом из ваших отделов.",
      de: "Ihre Führungskraft in jeder Ihrer Abteilungen.",
    },
    columns: {
      department_id: { en: "the department's ID", ru: "ID отдела", de: "ID der Abteilung" },
      manager_user_id: { en: "the manager's user ID", ru: "ID пользователя-руководителя", de: "Benutzer-ID der Führungskraft" },
      manager_name: { en: "the manager's name", ru: "имя руководителя", de: "Name der Führungskraft" },
    },
  },
];

export function readmeText(options: {
  lang: Lang;
  portal: string;
  userId: number;
  date: Date;
  sections: readonly ReadmeSection[];
  rows: Record<string, number>;
  /** Lists not read whole (records.ts), said first so that nobody takes the export for complete. */
  missing?: readonly MissingList[];
}): string {
  const t = TEXT[options.lang];
  const lines = [
    t.title,
    "=".repeat(t.title.length),
    "",
    t.intro(options.portal, options.userId, options.date.toISOString().slice(0, 16).replace("T", " ")),
    "",
  ];
  if (options.missing?.length) {
    lines.push(t.missingTitle, "-".repeat(t.missingTitle.length), "", t.missingIntro, "");
    for (const m of options.missing) lines.push(`  ${t.missingLine(m, t.why[m.reason])}`);
    lines.push("");
  }
  lines.push(t.files, "-".repeat(t.files.length), "");
  for (const s of options.sections) {
    const n = options.rows[s.file] ?? 0;
    lines.push(`${s.file}.csv, ${s.file}.json — ${s.about[options.lang]} (${t.rows(n)})`);
    for (const [column, about] of Object.entries(s.columns)) lines.push(`  ${column}: ${about[options.lang]}`);
    lines.push("");
  }
  lines.push(t.csvNote, "", t.jsonNote, "", t.notIncluded, "");
  return lines.join("\r\n");
}
