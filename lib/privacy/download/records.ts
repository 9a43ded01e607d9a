/**
 * The records that name the person, for the export: every (type, role) of the ownership
 * catalogue (lib/ownership: tasks by role, CRM items they are responsible for, activities,
 * workgroups they own, departments they head), one file per object type with one row per record
 * and role. lib/ownership's reader reads every list together, fifty list pages to a request, and
 * pages stream from it straight into the ZIP (it reads ahead about two requests, so memory stays
 * flat in the number of records); the catalogue gives IDs and flags, never content, and a link to
 * each record. A list the portal did not give whole is named in the README (`missing`).
 */
import type { Bitrix24Client } from "../../bitrix24";
import { translator, type Lang } from "../../i18n";
import { HeldReader, loadCatalogue, typeLabel } from "../../ownership";
import type { ExportSection } from "./export-writer";
import type { MissingList, ReadmeSection } from "./readme";
import { recordLink } from "../record-list";

const COLUMNS = ["record_id", "role", "open", "link"] as const;

const COLUMN_README: ReadmeSection["columns"] = {
  record_id: { en: "the record's ID in Bitrix24", ru: "ID записи в Битрикс24", de: "ID des Datensatzes in Bitrix24" },
  role: {
    en: "how the record names you: responsible, creator, accomplice, auditor, assigned, owner or head",
    ru: "в какой роли запись называет вас: responsible (ответственный), creator (постановщик), accomplice (соисполнитель), auditor (наблюдатель), assigned (ответственный в CRM), owner (владелец), head (руководитель)",
    de: "wie der Datensatz Sie nennt: responsible (verantwortlich), creator (Ersteller), accomplice (Mitwirkende), auditor (Beobachter), assigned (verantwortlich im CRM), owner (Besitzer), head (Leitung)",
  },
  open: {
    en: "true while the record is still open (not completed, won, lost or closed)",
    ru: "true, пока запись не завершена (не закрыта, не выиграна и не проиграна)",
    de: "true, solange der Datensatz offen ist (nicht erledigt, gewonnen, verloren oder geschlossen)",
  },
  link: { en: "the record's address in the portal", ru: "адрес записи на портале", de: "Adresse des Datensatzes im Portal" },
};

function about(label: (lang: Lang) => string): Record<Lang, string> {
  return {
    en: `${label("en")} that name you, one row per record and role.`,
    ru: `${label("ru")}, в которых вы указаны, — по строке на запись и роль.`,
    de: `${label("de")}, in denen Sie genannt werden, eine Zeile je Datensatz und Rolle.`,
  };
}

/** A file name in words from a label: "Tasks" → "tasks", "Smart process: Projects" → "smart-process-projects". */
export function fileWord(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "records"
  );
}

/**
 * Sections and README entries of the records part; `total` (from the reader's first request,
 * which counts every list) drives the progress bar; `missing()`, once the sections are written,
 * names the lists that were not read whole.
 */
export async function recordSections(
  client: Pick<Bitrix24Client, "call" | "batch" | "blockedFor">,
  userId: number,
  portalBase: string,
  /** The requester's language: the files are named in it ("records-tasks", "records-задачи"). */
  lang: Lang,
): Promise<{ sections: ExportSection[]; readme: ReadmeSection[]; total: number; missing: () => MissingList[] }> {
  const { roles, smartProcesses } = await loadCatalogue(client);
  const reader = new HeldReader(
    client,
    roles.map((role) => ({ role, userId, query: { openOnly: false } })),
  );
  await reader.discover();
  const total = roles.reduce((n, _, i) => n + (reader.counted(i) ?? 0), 0);
  const byType = new Map<string, number[]>();
  roles.forEach((role, i) => byType.set(role.type, [...(byType.get(role.type) ?? []), i]));
  const sections: ExportSection[] = [];
  const readme: ReadmeSection[] = [];
  const used = new Set<string>();
  const fileOf = new Map<string, string>();
  for (const [type, indexes] of byType) {
    const label = (l: Lang) => typeLabel(translator(l), type, smartProcesses);
    // Two smart processes may share a title: the second gets its type's number.
    let file = `records-${fileWord(label(lang))}`;
    if (used.has(file)) file = `${file}-${type.replace(/\D/g, "")}`;
    used.add(file);
    fileOf.set(type, file);
    sections.push({
      file,
      columns: COLUMNS,
      async *pages() {
        for (const i of indexes) {
          const role = roles[i].role;
          for await (const page of reader.pages(i)) {
            yield page.map((r) => ({ record_id: r.id, role, open: r.open, link: recordLink(portalBase, type, r.id, userId, r.ownerRef) }));
          }
        }
      },
    });
    readme.push({ file, about: about(label), columns: COLUMN_README });
  }
  const missing = () =>
    roles.flatMap((role, i): MissingList[] => {
      const o = reader.outcome(i);
      if (o.complete || !o.reason) return [];
      // A module the portal has switched off has no records to give: nothing is missing.
      if (o.reason === "refused" && o.read === 0 && MODULE_OFF.has(o.code ?? "")) return [];
      return [
        {
          type: role.type,
          file: fileOf.get(role.type),
          role: role.role,
          reason: o.reason,
          ...(o.code ? { code: o.code } : {}),
          read: o.read,
          counted: o.counted,
        },
      ];
    });
  return { sections, readme, total, missing };
}

/** Answers of a portal whose module (CRM, tasks…) is off, or whose app may not use it. */
const MODULE_OFF = new Set(["ERROR_METHOD_NOT_FOUND", "insufficient_scope"]);
