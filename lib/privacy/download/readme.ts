/**
 * README.txt of a personal-data export: what every file and every column holds, in the
 * requester's language. Sections added by other parts of the export describe their own columns
 * (ReadmeSection), so the README never lists a file that is not in the ZIP or misses one.
 */
import type { Lang } from "../../i18n";

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
      department_id: { en: "the department's ID", ru: "ID подразделения", de: "ID der Abteilung" },
      department_name: { en: "the department's name", ru: "название подразделения", de: "Name der Abteilung" },
      is_head: { en: "true when you head it", ru: "true, если вы его руководитель", de: "true, wenn Sie sie leiten" },
    },
  },
  {
    file: "managers",
    about: {
      en: "Your manager in each of your departments.",
      ru: "Ваш руководитель в каждом из ваших подразделений.",
      de: "Ihre Führungskraft in jeder Ihrer Abteilungen.",
    },
    columns: {
      department_id: { en: "the department's ID", ru: "ID подразделения", de: "ID der Abteilung" },
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
}): string {
  const t = TEXT[options.lang];
  const lines = [
    t.title,
    "=".repeat(t.title.length),
    "",
    t.intro(options.portal, options.userId, options.date.toISOString().slice(0, 16).replace("T", " ")),
    "",
    t.files,
    "-".repeat(t.files.length),
    "",
  ];
  for (const s of options.sections) {
    const n = options.rows[s.file] ?? 0;
    lines.push(`${s.file}.csv, ${s.file}.json — ${s.about[options.lang]} (${t.rows(n)})`);
    for (const [column, about] of Object.entries(s.columns)) lines.push(`  ${column}: ${about[options.lang]}`);
    lines.push("");
  }
  lines.push(t.csvNote, "", t.jsonNote, "", t.notIncluded, "");
  return lines.join("\r\n");
}
