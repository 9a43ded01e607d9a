/**
 * One card per participant: a colleague, the CRM records that have the address (contacts with
 * their open deals, leads, companies, recent activities, links into the portal), or "not in
 * Bitrix24" with Create contact / Create lead. Each action reports in the card itself.
 */
import type { T } from "../shared/i18n";
import { errorText } from "../shared/i18n";
import type { PipelineCache } from "../shared/storage";
import type { ApiAnswer } from "../shared/messages";
import type { Activity, Deal, Duplicate, ParticipantResult } from "./api-types";
import type { Participant } from "./gmail-thread";
import { h, link } from "./dom";

export interface CardContext {
  t: T;
  /** The portal's language (dates are written in it too). */
  lang: string;
  api<B>(method: "GET" | "POST", path: string, body?: unknown): Promise<ApiAnswer<B>>;
  pipelines(refresh?: boolean): Promise<PipelineCache | null>;
  /** Logs the thread's newest message to a record (reads the message only now, on the click). */
  logEmail(
    target: { kind: "contact" | "lead" | "company" | "deal"; id: number },
    communication: { kind: "contact" | "lead" | "company"; id: number; email: string },
  ): Promise<ApiAnswer<{ link?: string; error?: string; message?: string }>>;
  /** Looks the thread up again (after a record was created). */
  refresh(): void;
}

type ApiErrorBody = { error?: string; message?: string; link?: string; duplicates?: Duplicate[] };

function note(el: HTMLElement, text: string, kind: "ok" | "err", href?: string, linkText?: string) {
  el.replaceChildren(text, ...(href ? [" ", link(href, linkText ?? href)] : []));
  el.className = `note ${kind}`;
}

function logButton(
  ctx: CardContext,
  targetTitle: string,
  target: Parameters<CardContext["logEmail"]>[0],
  comm: Parameters<CardContext["logEmail"]>[1],
  out: HTMLElement,
) {
  // Several "Log email" buttons can sit in one card: each names its record for screen readers and on hover.
  const full = ctx.t(`logEmailTo_${target.kind}`, { title: targetTitle });
  const button = h(
    "button",
    { type: "button", "data-action": "log-email", "data-target": `${target.kind}:${target.id}`, title: full, "aria-label": full },
    ctx.t("logEmail"),
  );
  button.addEventListener("click", async () => {
    button.disabled = true;
    const answer = await ctx.logEmail(target, comm);
    const body = answer.body as ApiErrorBody;
    if (answer.status === 201) note(out, ctx.t("logged"), "ok", body.link, ctx.t("openLogged"));
    else if (body.error === "already_logged") note(out, ctx.t("alreadyLogged"), "err", body.link, ctx.t("openLogged"));
    else note(out, errorText(ctx.t, body), "err");
    button.disabled = answer.status !== 201 && body.error !== "already_logged" ? false : true;
  });
  return button;
}

function stageLabel(deal: Deal, cache: PipelineCache | null): string {
  const pipeline = cache?.pipelines.find((p) => p.id === deal.categoryId);
  const stage = pipeline?.stages.find((s) => s.id === deal.stageId);
  return `${pipeline?.name ?? "—"} › ${stage?.name ?? deal.stageId}`;
}

function activities(ctx: CardContext, list: Activity[]) {
  if (!list.length) return null;
  return h(
    "div",
    {},
    h("div", { class: "muted" }, ctx.t("recent")),
    h("ul", {}, ...list.map((a) => h("li", {}, `${a.startTime ? new Date(a.startTime).toLocaleDateString(ctx.lang) + " · " : ""}${a.subject}`))),
  );
}

function dealForm(ctx: CardContext, contact: { id: number; name: string }, out: HTMLElement): HTMLElement {
  const form = h("form", { "data-form": "deal" });
  const title = h("input", { name: "title", required: true, value: ctx.t("dealWith", { name: contact.name }) });
  const pipeline = h("select", { name: "pipeline" });
  const stage = h("select", { name: "stage" });
  const submit = h("button", { type: "submit", class: "primary" }, ctx.t("create"));
  form.append(
    h("label", {}, ctx.t("dealTitle"), title),
    h("label", {}, ctx.t("pipeline"), pipeline),
    h("label", {}, ctx.t("stage"), stage),
    h("div", { class: "actions" }, submit),
  );
  let cache: PipelineCache | null = null;
  const fillStages = () => {
    const p = cache?.pipelines.find((x) => String(x.id) === pipeline.value);
    stage.replaceChildren(...(p?.stages ?? []).filter((s) => s.semantics === "process").map((s) => h("option", { value: s.id }, s.name)));
  };
  void ctx.pipelines().then((c) => {
    cache = c;
    pipeline.replaceChildren(...(c?.pipelines ?? []).map((p) => h("option", { value: p.id, selected: p.isDefault }, p.name)));
    fillStages();
  });
  pipeline.addEventListener("change", fillStages);
  const send = async (force: boolean) => {
    submit.disabled = true;
    const answer = await ctx.api<ApiErrorBody & { url?: string }>("POST", "/api/extension/records", {
      kind: "deal",
      title: title.value,
      contactId: contact.id,
      categoryId: Number(pipeline.value),
      stageId: stage.value,
      force,
    });
    submit.disabled = false;
    handleCreated(ctx, answer, out, form, () => send(true));
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void send(false);
  });
  return form;
}

function handleCreated(ctx: CardContext, answer: ApiAnswer<ApiErrorBody & { url?: string }>, out: HTMLElement, form: HTMLElement, anyway: () => void) {
  if (answer.status === 201) {
    note(out, ctx.t("created"), "ok", answer.body.url, ctx.t("openInBitrix"));
    form.remove();
    ctx.refresh();
    return;
  }
  if (answer.body.error === "duplicates_found") {
    const dups = answer.body.duplicates ?? [];
    const box = h(
      "div",
      { class: "dups", role: "alert", "data-testid": "duplicates" },
      h("div", { class: "title" }, ctx.t("duplicatesTitle")),
      h("div", { class: "muted" }, ctx.t("duplicatesHint")),
      h(
        "ul",
        {},
        ...dups.map((d) => h("li", {}, link(d.url, `${ctx.t(d.kind === "deal" ? "openDeals" : d.kind)}: ${d.title}`), ` — ${ctx.t(`reason_${d.reason}`)}`)),
      ),
    );
    const again = h("button", { type: "button" }, ctx.t("createAnyway"));
    again.addEventListener("click", () => {
      box.remove();
      anyway();
    });
    box.append(h("div", { class: "actions" }, again));
    out.replaceChildren(box);
    out.className = "note";
    return;
  }
  note(out, errorText(ctx.t, answer.body), "err");
}

function personForm(ctx: CardContext, kind: "contact" | "lead", p: Participant, out: HTMLElement): HTMLElement {
  const [first, ...rest] = (p.name && !p.name.includes("@") ? p.name : "").split(" ");
  const form = h("form", { "data-form": kind });
  const name = h("input", { name: "name", value: first ?? "" });
  const lastName = h("input", { name: "lastName", value: rest.join(" ") });
  // Gmail shows no phone numbers; one typed here is checked for duplicates too.
  const phone = h("input", { name: "phone", type: "tel", autocomplete: "tel", maxlength: 40 });
  const title = h("input", { name: "title", required: true, value: ctx.t("leadFrom", { name: p.name || p.email }) });
  const submit = h("button", { type: "submit", class: "primary" }, ctx.t("create"));
  const cancel = h("button", { type: "button" }, ctx.t("cancel"));
  cancel.addEventListener("click", () => form.remove());
  form.append(
    ...(kind === "lead" ? [h("label", {}, ctx.t("leadTitle"), title)] : []),
    h("label", {}, ctx.t("firstName"), name),
    h("label", {}, ctx.t("lastName"), lastName),
    h("label", {}, ctx.t("phone"), phone),
    h("div", { class: "actions" }, submit, cancel),
  );
  const send = async (force: boolean) => {
    submit.disabled = true;
    const body = {
      kind,
      email: p.email,
      name: name.value,
      lastName: lastName.value,
      phone: phone.value,
      ...(kind === "lead" ? { title: title.value } : {}),
      force,
    };
    const answer = await ctx.api<ApiErrorBody & { url?: string }>("POST", "/api/extension/records", body);
    submit.disabled = false;
    handleCreated(ctx, answer, out, form, () => send(true));
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void send(false);
  });
  return form;
}

export function participantCard(ctx: CardContext, p: Participant, r: ParticipantResult, pipelines: PipelineCache | null): HTMLElement {
  const { t } = ctx;
  const card = h("section", { class: "card", "data-email": p.email, "data-kind": r.kind, "aria-label": p.name || p.email });
  const out = h("div", { class: "note", role: "status" });
  const displayName = r.colleague?.name || r.contacts[0]?.name || r.leads[0]?.name || p.name || p.email;
  const initials = displayName
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  const placeholder = () => h("div", { class: "avatar", "aria-hidden": "true" }, initials);
  let avatar: HTMLElement = placeholder();
  if (r.colleague?.photo) {
    const img = h("img", { src: r.colleague.photo, alt: "" });
    // A photo the page may not load (blocked, gone): the initials instead of a broken image.
    img.addEventListener("error", () => img.replaceWith(placeholder()));
    avatar = img;
  }
  const badges =
    r.kind === "colleague"
      ? [t("colleague")]
      : r.kind === "crm"
        ? [...(r.contacts.length ? [t("contact")] : []), ...(r.leads.length ? [t("lead")] : []), ...(r.companies.length ? [t("company")] : [])]
        : [t("unknown")];
  card.append(
    h(
      "div",
      { class: "who" },
      avatar,
      h(
        "div",
        {},
        h("div", { class: "name" }, displayName),
        h("div", { class: "email" }, p.email),
        h("div", {}, ...badges.map((b) => h("span", { class: `badge${r.kind === "unknown" ? " unknown" : ""}` }, b))),
      ),
    ),
  );

  if (r.colleague) {
    const c = r.colleague;
    card.append(
      h(
        "div",
        { class: "record" },
        c.position ? h("div", {}, c.position) : null,
        c.departments.length ? h("div", { class: "muted" }, c.departments.join(", ")) : null,
        link(c.url, t("openInBitrix")),
      ),
    );
  }

  for (const contact of r.contacts) {
    const comm = { kind: "contact" as const, id: contact.id, email: p.email };
    const section = h(
      "div",
      { class: "record", "data-record": `contact:${contact.id}` },
      h("div", { class: "title" }, link(contact.url, contact.name || p.email)),
      contact.post ? h("div", { class: "muted" }, contact.post) : null,
    );
    section.append(h("div", { class: "muted" }, contact.deals.length ? t("openDeals") : t("noDeals")));
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
    section.append(activities(ctx, contact.activities) ?? "");
    const dealHolder = h("div");
    const createDeal = h("button", { type: "button", "data-action": "create-deal" }, t("createDeal"));
    createDeal.addEventListener("click", () => dealHolder.replaceChildren(dealForm(ctx, { id: contact.id, name: contact.name || p.email }, out)));
    section.append(
      h("div", { class: "actions" }, logButton(ctx, contact.name || p.email, { kind: "contact", id: contact.id }, comm, out), createDeal),
      dealHolder,
    );
    card.append(section);
  }
  for (const lead of r.leads) {
    const status = pipelines?.leadStatuses.find((s) => s.id === lead.statusId)?.name ?? lead.statusId;
    card.append(
      h(
        "div",
        { class: "record", "data-record": `lead:${lead.id}` },
        h("div", { class: "title" }, link(lead.url, lead.title || lead.name)),
        h("div", { class: "muted" }, `${t("lead")} · ${status}`),
        activities(ctx, lead.activities),
        h(
          "div",
          { class: "actions" },
          logButton(ctx, lead.title || lead.name, { kind: "lead", id: lead.id }, { kind: "lead", id: lead.id, email: p.email }, out),
        ),
      ),
    );
  }
  for (const company of r.companies) {
    card.append(
      h(
        "div",
        { class: "record", "data-record": `company:${company.id}` },
        h("div", { class: "title" }, link(company.url, company.title)),
        company.deals.length
          ? h("ul", {}, ...company.deals.map((d) => h("li", {}, link(d.url, d.title), h("div", { class: "muted" }, stageLabel(d, pipelines)))))
          : h("div", { class: "muted" }, t("noDeals")),
        h(
          "div",
          { class: "actions" },
          logButton(ctx, company.title, { kind: "company", id: company.id }, { kind: "company", id: company.id, email: p.email }, out),
        ),
      ),
    );
  }
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
