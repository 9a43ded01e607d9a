/**
 * One card per participant: who they are (photo or initials, name, address, what the portal
 * knows them as), then a section per record (./records.ts), or — for someone not in Bitrix24 —
 * Create contact / Create lead. Each action reports in the card's own note.
 */
import type { PipelineCache } from "../../shared/storage";
import type { ParticipantResult } from "../api-types";
import type { Participant } from "../gmail-thread";
import { h } from "../dom";
import type { CardContext } from "./context";
import { personForm } from "./person-form";
import { colleagueSection, companySection, contactSection, leadSection } from "./records";

function avatar(r: ParticipantResult, displayName: string): HTMLElement {
  const initials = displayName
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  const placeholder = () => h("div", { class: "avatar", "aria-hidden": "true" }, initials);
  if (!r.colleague?.photo) return placeholder();
  const img = h("img", { src: r.colleague.photo, alt: "" });
  // A photo the page may not load (blocked, gone): the initials instead of a broken image.
  img.addEventListener("error", () => img.replaceWith(placeholder()));
  return img;
}

function badges(ctx: CardContext, r: ParticipantResult): string[] {
  const { t } = ctx;
  if (r.kind === "colleague") return [t("colleague")];
  if (r.kind === "unknown") return [t("unknown")];
  return [...(r.contacts.length ? [t("contact")] : []), ...(r.leads.length ? [t("lead")] : []), ...(r.companies.length ? [t("company")] : [])];
}

export function participantCard(ctx: CardContext, p: Participant, r: ParticipantResult, pipelines: PipelineCache | null): HTMLElement {
  const { t } = ctx;
  const card = h("section", { class: "card", "data-email": p.email, "data-kind": r.kind, "aria-label": p.name || p.email });
  const out = h("div", { class: "note", role: "status" });
  const displayName = r.colleague?.name || r.contacts[0]?.name || r.leads[0]?.name || p.name || p.email;
  card.append(
    h(
      "div",
      { class: "who" },
      avatar(r, displayName),
      h(
        "div",
        {},
        h("div", { class: "name" }, displayName),
        h("div", { class: "email" }, p.email),
        h("div", {}, ...badges(ctx, r).map((b) => h("span", { class: `badge${r.kind === "unknown" ? " unknown" : ""}` }, b))),
      ),
    ),
  );
  if (r.colleague) card.append(colleagueSection(ctx, r.colleague));
  for (const contact of r.contacts) card.append(contactSection(ctx, contact, p.email, pipelines, out));
  for (const lead of r.leads) card.append(leadSection(ctx, lead, p.email, pipelines, out));
  for (const company of r.companies) card.append(companySection(ctx, company, p.email, pipelines, out));
  if (r.kind === "unknown") {
    const holder = h("div");
    const contact = h("button", { type: "button", "data-action": "create-contact" }, t("createContact"));
    const lead = h("button", { type: "button", "data-action": "create-lead" }, t("createLead"));
    contact.addEventListener("click", () => holder.replaceChildren(personForm(ctx, "contact", p, out)));
    lead.addEventListener("click", () => holder.replaceChildren(personForm(ctx, "lead", p, out)));
    card.append(h("div", { class: "actions" }, contact, lead), holder);
  }
  card.append(out);
  return card;
}
