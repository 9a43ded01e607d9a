/**
 * The portal's deal and lead cards, {portal}/crm/deal/details/{id}/ and /crm/lead/details/{id}/
 * (the addresses a real portal uses), with their lists at /crm/deal/ and /crm/lead/. A card shows
 * the record's stage in its pipeline with a "Move here" button per stage (crm-actions.ts moves it
 * as the viewer, which runs the stage's robots), the robots on each stage with a form for
 * administrators to add one an app registered (its properties as the robot declares them), the
 * robot runs on this record, and the related records a robot may hand over: contact, company,
 * activities and tasks, each with its responsible person.
 */
import { localized, robotOffered } from "../automation/documents";
import { automationOf, stageIdOf } from "../automation/run-robots";
import { pipelineStages } from "../automation/stage-rules";
import { escapeHtml } from "../http/respond";
import { activitySubject, crmTitle, taskCrmBindings, taskTitle } from "../seed/derive";
import type { RobotProperty, RobotRegistration } from "../state/automation";
import type { Portal } from "../state/types";
import { crmLabelsFor, type CrmLabels } from "./crm-labels";
import type { ChromeModel } from "./render";
import { displayName } from "./viewer";

export const CRM_KINDS: Record<string, { entityTypeId: number; prefix: string }> = {
  deal: { entityTypeId: 2, prefix: "D" },
  lead: { entityTypeId: 1, prefix: "L" },
};

const kindOf = (etid: number) => (etid === 1 ? "lead" : "deal");
const e = escapeHtml;

function person(portal: Portal, userId: number): string {
  const u = portal.users.get(userId);
  return u ? `<a href="/company/personal/user/${u.id}/" data-user-id="${u.id}">${e(displayName(u))}</a>` : `#${userId}`;
}

function stageName(portal: Portal, stageId: string, etid: number): string {
  return portal.data.catalog.statuses.find((s) => s.entityTypeId === etid && s.statusId === stageId)?.name ?? stageId;
}

/** Robots apps registered that may go on this kind's stages. */
export function offeredRobots(portal: Portal, etid: number): RobotRegistration[] {
  return [...portal.installs.values()].filter((i) => i.installed).flatMap((i) => (i.robots ?? []).filter((r) => robotOffered(r, etid)));
}

function propertyInput(key: string, prop: RobotProperty, lang: string): string {
  const label = e(localized(prop.NAME, lang));
  const name = `prop_${e(key)}`;
  if (prop.TYPE === "bool" || prop.TYPE === "select") {
    const options = prop.TYPE === "bool" ? { Y: "✓", N: "–" } : (prop.OPTIONS ?? {});
    const opts = Object.entries(options)
      .map(([v, t]) => `<option value="${e(v)}"${String(prop.DEFAULT ?? "") === v ? " selected" : ""}>${e(String(t))}</option>`)
      .join("");
    return `<label>${label} <select name="${name}">${opts}</select></label>`;
  }
  return `<label>${label} <input name="${name}" value="${e(String(prop.DEFAULT ?? ""))}"></label>`;
}

function stageBar(m: ChromeModel, crm: CrmLabels, etid: number, id: number, row: number): string {
  const current = stageIdOf(m.portal, etid, row);
  const rules = automationOf(m.portal).rules.filter((r) => r.entityTypeId === etid);
  const here = `/crm/${kindOf(etid)}/details/${id}/`;
  const items = pipelineStages(m.portal, etid, row).map((index) => {
    const s = m.portal.data.catalog.statuses[index];
    const robots = rules
      .filter((r) => r.stageId === s.statusId)
      .map((r) => {
        const robot = m.portal.installs.get(r.clientId)?.robots?.find((x) => x.code === r.code);
        const removeForm = m.viewer.admin
          ? `<form method="post" action="/_portal/crm/robot/remove"><input type="hidden" name="ruleId" value="${r.id}"><input type="hidden" name="return" value="${here}"><button type="submit">${e(crm.remove)}</button></form>`
          : "";
        return `<li data-testid="stage-robot" data-code="${e(r.code)}">${e(robot ? localized(robot.name, m.lang) : r.code)} ${removeForm}</li>`;
      });
    const move =
      s.statusId === current
        ? `<span class="b24-badge">${e(crm.current)}</span>`
        : `<form method="post" action="/_portal/crm/move"><input type="hidden" name="entityTypeId" value="${etid}"><input type="hidden" name="id" value="${id}"><input type="hidden" name="stageId" value="${e(s.statusId)}"><input type="hidden" name="return" value="${here}"><button type="submit" data-testid="move-${e(s.statusId)}">${e(crm.moveHere)}</button></form>`;
    return `<li class="b24-stage"${s.statusId === current ? ' aria-current="step"' : ""} data-testid="stage" data-stage-id="${e(s.statusId)}" style="border-top-color:${e(s.color)}">
  <b>${e(s.name)}</b> ${move}
  <ul class="b24-stage-robots">${robots.join("") || `<li class="b24-muted">${e(crm.noRobots)}</li>`}</ul>
</li>`;
  });
  return `<ol class="b24-stages" data-testid="stages">${items.join("")}</ol>`;
}

function addRobotForms(m: ChromeModel, crm: CrmLabels, etid: number, id: number, row: number): string {
  if (!m.viewer.admin) return `<p class="b24-muted">${e(crm.adminsOnly)}</p>`;
  const robots = offeredRobots(m.portal, etid);
  if (!robots.length) return `<p class="b24-muted">${e(crm.noRobotsOffered)}</p>`;
  const stages = pipelineStages(m.portal, etid, row)
    .map((i) => m.portal.data.catalog.statuses[i])
    .map((s) => `<option value="${e(s.statusId)}">${e(s.name)}</option>`)
    .join("");
  return robots
    .map(
      (r) => `<form class="b24-robot-form" method="post" action="/_portal/crm/robot" data-testid="add-robot" data-code="${e(r.code)}">
  <input type="hidden" name="entityTypeId" value="${etid}"><input type="hidden" name="clientId" value="${e(r.clientId)}"><input type="hidden" name="code" value="${e(r.code)}">
  <input type="hidden" name="return" value="/crm/${kindOf(etid)}/details/${id}/">
  <b>${e(localized(r.name, m.lang))}</b>
  <label>${e(crm.onStage)} <select name="stageId" data-testid="robot-stage">${stages}</select></label>
  ${Object.entries(r.properties)
    .map(([k, p]) => propertyInput(k, p, m.lang))
    .join("\n  ")}
  <button type="submit">${e(crm.addRobot)}</button>
</form>`,
    )
    .join("");
}

function runs(m: ChromeModel, crm: CrmLabels, etid: number, id: number): string {
  const calls = automationOf(m.portal).calls.filter((c) => c.entityTypeId === etid && c.recordId === id);
  if (!calls.length) return `<p class="b24-muted">${e(crm.noRuns)}</p>`;
  const rows = calls.map((c) => {
    const robot = m.portal.installs.get(c.clientId)?.robots?.find((r) => r.code === c.code);
    const values = Object.entries(c.returnValues).map(([k, v]) => `${e(k)}: ${e(String(v))}`);
    return `<tr data-testid="robot-run" data-status="${c.status}"><td>${e(robot ? localized(robot.name, m.lang) : c.code)}</td><td>${e(stageName(m.portal, c.stageId, etid))}</td><td>${e(crm[c.status])}${c.error ? ` — ${e(c.error)}` : ""}</td><td>${values.join(", ")}</td><td>${c.log.map(e).join("<br>")}</td></tr>`;
  });
  return `<table class="b24-table"><thead><tr><th></th><th>${e(crm.stage)}</th><th>${e(crm.status)}</th><th>${e(crm.returned)}</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function related(m: ChromeModel, crm: CrmLabels, etid: number, id: number, row: number): string {
  const d = m.portal.data;
  const t = d.crm.get(etid)!;
  const linked = (kind: number, recordId: number, label: string, testid: string) => {
    const other = d.crm.get(kind)!;
    if (!recordId || !other.has(recordId)) return `<li>${e(label)}: ${e(crm.none)}</li>`;
    const holder = other.int("assignedById", recordId - 1);
    return `<li data-testid="${testid}" data-id="${recordId}" data-holder="${holder}">${e(label)}: ${e(crmTitle(d, kind, recordId - 1))} — ${person(m.portal, holder)}</li>`;
  };
  const acts: string[] = [];
  const a = d.activities;
  for (let r = 0; r < a.length; r++) {
    if (a.isRemoved(r) || a.int("ownerTypeId", r) !== etid || a.int("ownerId", r) !== id) continue;
    const state = a.int("completed", r) ? crm.closed : crm.open;
    acts.push(
      `<li data-testid="related-activity" data-id="${r + 1}" data-holder="${a.int("responsibleId", r)}">${e(activitySubject(d, r))} (${e(state)}) — ${person(m.portal, a.int("responsibleId", r))}</li>`,
    );
  }
  const binding = `${CRM_KINDS[kindOf(etid)].prefix}_${id}`;
  const tasks: string[] = [];
  for (let r = 0; r < d.tasks.length; r++) {
    if (d.tasks.isRemoved(r) || !taskCrmBindings(d, r).includes(binding)) continue;
    const state = [5, 7].includes(d.tasks.int("status", r)) ? crm.closed : crm.open;
    tasks.push(
      `<li data-testid="related-task" data-id="${r + 1}" data-holder="${d.tasks.int("responsibleId", r)}">${e(taskTitle(d, r))} (${e(state)}) — ${person(m.portal, d.tasks.int("responsibleId", r))}</li>`,
    );
  }
  return `<ul class="b24-related" data-testid="related">
  ${linked(3, t.int("contactId", row), crm.contact, "related-contact")}
  ${linked(4, t.int("companyId", row), crm.company, "related-company")}
  <li>${e(crm.activities)}: <ul>${acts.join("") || `<li>${e(crm.none)}</li>`}</ul></li>
  <li>${e(crm.tasks)}: <ul>${tasks.join("") || `<li>${e(crm.none)}</li>`}</ul></li>
</ul>`;
}

/** The card of record `id` of a lead (1) or deal (2); null when there is no such record. */
export function renderCrmCard(m: ChromeModel, etid: number, id: number, notice: string | null): string | null {
  const table = m.portal.data.crm.get(etid);
  if (!table?.has(id)) return null;
  const crm = crmLabelsFor(m.lang);
  const row = id - 1;
  const title = `${etid === 1 ? crm.lead : crm.deal} #${id}: ${crmTitle(m.portal.data, etid, row)}`;
  const category = m.portal.data.catalog.categories.find((c) => c.entityTypeId === etid && c.id === table.int("categoryId", row));
  return `<h1 class="b24-title" data-testid="crm-card-title">${e(title)}</h1>
${notice ? `<p class="b24-notice" role="alert" data-testid="crm-notice">${e(crm.refused)}: ${e(notice)}</p>` : ""}
<section class="b24-crm-card" data-testid="crm-card" data-entity-type-id="${etid}" data-id="${id}" data-stage-id="${e(stageIdOf(m.portal, etid, row))}">
  <p>${e(crm.responsible)}: <span data-testid="crm-responsible">${person(m.portal, table.int("assignedById", row))}</span>${category ? ` · ${e(crm.pipeline)}: ${e(category.name)}` : ""}</p>
  <h2>${e(crm.stage)} · ${e(crm.automation)}</h2>
  ${stageBar(m, crm, etid, id, row)}
  <details class="b24-robot-forms"${m.viewer.admin ? " open" : ""}><summary>${e(crm.addRobot)}</summary>${addRobotForms(m, crm, etid, id, row)}</details>
  <h2>${e(crm.runs)}</h2>
  ${runs(m, crm, etid, id)}
  <h2>${e(crm.related)}</h2>
  ${related(m, crm, etid, id, row)}
</section>`;
}

/** The newest 50 records of a kind, each linking to its card. */
export function renderCrmList(m: ChromeModel, etid: number): string {
  const crm = crmLabelsFor(m.lang);
  const t = m.portal.data.crm.get(etid)!;
  const rows: string[] = [];
  for (let r = t.length - 1; r >= 0 && rows.length < 50; r--) {
    if (t.isRemoved(r)) continue;
    const stage = stageIdOf(m.portal, etid, r);
    rows.push(
      `<tr><td><a href="/crm/${kindOf(etid)}/details/${r + 1}/" data-testid="crm-row">${e(crmTitle(m.portal.data, etid, r))}</a></td><td>${e(stageName(m.portal, stage, etid))}</td><td>${person(m.portal, t.int("assignedById", r))}</td></tr>`,
    );
  }
  return `<h1 class="b24-title">${e(etid === 1 ? crm.leads : crm.deals)}</h1>
<p><a href="/crm/deal/">${e(crm.deals)}</a> · <a href="/crm/lead/">${e(crm.leads)}</a></p>
<table class="b24-table" data-testid="crm-list"><thead><tr><th></th><th>${e(crm.stage)}</th><th>${e(crm.responsible)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
