/**
 * The records that name the person, for the export: every (type, role) of the ownership
 * catalogue (lib/ownership: tasks by role, CRM items they are responsible for, activities,
 * workgroups they own, departments they head), one file per object type with one row per record
 * and role. Pages stream from the portal straight into the ZIP (memory flat in the number of
 * records); the catalogue gives IDs and flags, never content, and a link to each record.
 */
import type { Bitrix24Client } from "../../bitrix24";
import type { Lang } from "../../i18n";
import { countOwned, listOwned, loadCatalogue, type OwnershipRole } from "../../ownership";
import type { ExportSection } from "./export-writer";
import type { ReadmeSection } from "./readme";
import { recordLink } from "../record-list";

const COLUMNS = ["record_id", "role", "open", "link"] as const;

const COLUMN_README: ReadmeSection["columns"] = {
  record_id: { en: "the record's ID in Bitrix24", ru: "ID записи в Битрикс24", de: "ID des Datensatzes in Bitrix24" },
  role: {
    en: "how the record names you: responsible, creator, accomplice, auditor, assigned, owner or head",
    ru: "в какой роли запись называет вас: responsible (ответственный), creator (постановщик), accomplice (соисполнитель), auditor (наблюдатель), assigned (ответственный в CRM), owner (владелец), head (руководитель)",
    de: "wie der Datensatz Sie nennt: responsible (verantwortlich), creator (Ersteller), accomplice (Mitwirkende), auditor (Beobachter), assigned (zuständig im CRM), owner (Besitzer), head (Leitung)",
  },
  open: {
    en: "true while the record is still open (not completed, won, lost or closed)",
    ru: "true, пока запись не завершена (не закрыта, не выиграна и не проиграна)",
    de: "true, solange der Datensatz offen ist (nicht erledigt, gewonnen, verloren oder geschlossen)",
  },
  link: { en: "the record's address in the portal", ru: "адрес записи на портале", de: "Adresse des Datensatzes im Portal" },
};

function about(type: string): Record<Lang, string> {
  return {
    en: `Records of type "${type}" that name you, one row per record and role.`,
    ru: `Записи типа «${type}», в которых вы указаны, — по строке на запись и роль.`,
    de: `Datensätze vom Typ „${type}“, die Sie nennen, eine Zeile je Datensatz und Rolle.`,
  };
}

/** Sections and README entries of the records part; `total` (from one batch of counts) drives the progress bar. */
export async function recordSections(
  client: Pick<Bitrix24Client, "call" | "batch" | "listPages" | "blockedFor">,
  userId: number,
  portalBase: string,
): Promise<{ sections: ExportSection[]; readme: ReadmeSection[]; total: number }> {
  const { roles } = await loadCatalogue(client);
  const counts = await countOwned(client, roles, userId);
  const total = counts.reduce((n, c) => n + c.total, 0);
  const byType = new Map<string, OwnershipRole[]>();
  for (const role of roles) byType.set(role.type, [...(byType.get(role.type) ?? []), role]);
  const sections: ExportSection[] = [];
  const readme: ReadmeSection[] = [];
  for (const [type, typeRoles] of byType) {
    const file = `records-${type}`;
    sections.push({
      file,
      columns: COLUMNS,
      async *pages() {
        for (const role of typeRoles) {
          try {
            for await (const page of listOwned(client, role, userId, { openOnly: false })) {
              yield page.map((r) => ({ record_id: r.id, role: role.role, open: r.open, link: recordLink(portalBase, type, r.id, userId, r.ownerRef) }));
            }
          } catch (error) {
            // A module the portal switched off (or a scope the app lacks) has no records to give.
            if (counts.find((c) => c.type === role.type && c.role === role.role)?.error) continue;
            throw error;
          }
        }
      },
    });
    readme.push({ file, about: about(type), columns: COLUMN_README });
  }
  return { sections, readme, total };
}
