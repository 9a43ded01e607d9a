/**
 * The sections of a card, one per thing the portal knows about the address: the colleague, each
 * CRM contact (open deals with pipeline and stage, recent activities, Log email, Create deal),
 * lead (status, recent activities) and company (open deals), with links into the portal.
 */
import type { PipelineCache } from "../../shared/storage";
import type { Colleague, Company, Contact, Lead } from "../api-types";
import { h, link } from "../dom";
import type { CardContext } from "./context";
import { dealForm } from "./deal-form";
import { recentActivities, stageLabel } from "./deal-lines";
import { logButton } from "./log-button";

export function colleagueSection(ctx: CardContext, c: Colleague): HTMLElement {
  return h(
    "div",
    { class: "record" },
    c.position ? h("div", {}, c.position) : null,
    c.departments.length ? h("div", { class: "muted" }, c.departments.join(", ")) : null,
    link(c.url, ctx.t("openInBitrix")),
  );
}

export function contactSection(ctx: CardContext, contact: Contact, email: string, pipelines: PipelineCache | null, out: HTMLElement): HTMLElement {
  const { t } = ctx;
  const comm = { kind: "contact" as const, id: contact.id, email };
  const section = h(
    "div",
    { class: "record", "data-record": `contact:${contact.id}` },
    h("div", { class: "title" }, link(contact.url, contact.name || email)),
    contact.post ? h("div", { class: "muted" }, contact.post) : null,
    h("div", { class: "muted" }, contact.deals.length ? t("openDeals") : t("noDeals")),
  );
  if (contact.deals.length) {
    section.append(
      h(
        "ul",
        {},
        ...contact.deals.map((d) =>
          h(
            "li",
            { "data-deal": d.id },
            link(d.url, d.title),
            h("div", { class: "muted" }, stageLabel(d, pipelines)),
            h("div", { class: "actions" }, logButton(ctx, d.title, { kind: "deal", id: d.id }, comm, out)),
          ),
        ),
      ),
    );
  }
  section.append(recentActivities(ctx, contact.activities) ?? "");
  const dealHolder = h("div");
  const createDeal = h("button", { type: "button", "data-action": "create-deal" }, t("createDeal"));
  createDeal.addEventListener("click", () => dealHolder.replaceChildren(dealForm(ctx, { id: contact.id, name: contact.name || email }, out)));
  section.append(h("div", { class: "actions" }, logButton(ctx, contact.name || email, { kind: "contact", id: contact.id }, comm, out), createDeal), dealHolder);
  return section;
}

export function leadSection(ctx: CardContext, lead: Lead, email: string, pipelines: PipelineCache | null, out: HTMLElement): HTMLElement {
  const status = pipelines?.leadStatuses.find((s) => s.id === lead.statusId)?.name ?? lead.statusId;
  return h(
    "div",
    { class: "record", "data-record": `lead:${lead.id}` },
    h("div", { class: "title" }, link(lead.url, lead.title || lead.name)),
    h("div", { class: "muted" }, `${ctx.t("lead")} · ${status}`),
    recentActivities(ctx, lead.activities),
    h("div", { class: "actions" }, logButton(ctx, lead.title || lead.name, { kind: "lead", id: lead.id }, { kind: "lead", id: lead.id, email }, out)),
  );
}

export function companySection(ctx: CardContext, company: Company, email: string, pipelines: PipelineCache | null, out: HTMLElement): HTMLElement {
  return h(
    "div",
    { class: "record", "data-record": `company:${company.id}` },
    h("div", { class: "title" }, link(company.url, company.title)),
    company.deals.length
      ? h("ul", {}, ...company.deals.map((d) => h("li", {}, link(d.url, d.title), h("div", { class: "muted" }, stageLabel(d, pipelines)))))
      : h("div", { class: "muted" }, ctx.t("noDeals")),
    h("div", { class: "actions" }, logButton(ctx, company.title, { kind: "company", id: company.id }, { kind: "company", id: company.id, email }, out)),
  );
}
