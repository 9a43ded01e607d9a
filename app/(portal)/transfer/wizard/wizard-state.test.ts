import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../filter-query";
import type { Person } from "../person-picker";
import {
  chosenCounts,
  initialWizardState,
  pipelineTypesOf,
  transferRequest,
  wizardReducer,
  type CountRow,
  type WizardAction,
  type WizardState,
} from "./wizard-state";

const person = (id: number, active = true): Person => ({ id, name: `Person ${id}`, active, external: false, position: "", departments: [] });
const counts: CountRow[] = [
  { type: "deal", role: "responsible", open: 3, total: 5 },
  { type: "task", role: "responsible", open: 0, total: 2 },
  { type: "dynamic-128", role: "responsible", open: 1, total: 1 },
];
const run = (state: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, state);

describe("transfer wizard state", () => {
  it("starts at the employee, or at the record types when the employee is known", () => {
    expect(initialWizardState(null)).toMatchObject({ step: 1, employee: null, openOnly: true, notify: true, split: "even", busy: false });
    expect(initialWizardState(person(7))).toMatchObject({ step: 2, employee: { id: 7 } });
  });

  it("picking another employee forgets the counts and the chosen types and goes to step 2", () => {
    const before = run(initialWizardState(person(7)), { type: "counted", key: "{}", counts, smart: [] });
    expect(before.selected.size).toBe(2);
    const after = wizardReducer({ ...before, step: 1 }, { type: "pickEmployee", employee: person(8) });
    expect(after).toMatchObject({ step: 2, employee: { id: 8 }, counts: null });
    expect(after.selected.size).toBe(0);
  });

  it("the first count preselects the types with open records; a later count keeps the choice", () => {
    const first = run(initialWizardState(person(7)), { type: "counted", key: "{}", counts, smart: [{ entityTypeId: 128, title: "Orders" }] });
    expect([...first.selected]).toEqual(["deal:responsible", "dynamic-128:responsible"]);
    expect(first).toMatchObject({ countedKey: "{}", smart: [{ entityTypeId: 128, title: "Orders" }] });
    const narrowed = run(first, { type: "toggleType", key: "deal:responsible", on: false }, { type: "counted", key: '{"a":1}', counts, smart: [] });
    expect([...narrowed.selected]).toEqual(["dynamic-128:responsible"]);
    expect(narrowed.countedKey).toBe('{"a":1}');
    expect(chosenCounts(narrowed).map((c) => c.type)).toEqual(["dynamic-128"]);
  });

  it("a failed count marks those filters counted and shows the error", () => {
    const s = wizardReducer(initialWizardState(person(7)), { type: "countFailed", key: "{}", message: "The portal did not answer." });
    expect(s).toMatchObject({ countedKey: "{}", error: "The portal did not answer.", counts: null });
  });

  it("adds and removes receivers; adding clears a shown error", () => {
    const s = run(
      initialWizardState(person(7)),
      { type: "showError", message: "Person 9 is dismissed." },
      { type: "addReceiver", receiver: person(8) },
      { type: "addReceiver", receiver: person(10) },
    );
    expect(s.error).toBeNull();
    expect(s.receivers.map((r) => r.id)).toEqual([8, 10]);
    expect(wizardReducer(s, { type: "removeReceiver", id: 8 }).receivers.map((r) => r.id)).toEqual([10]);
  });

  it("a request is busy until answered: a preview moves to step 4, a refusal says why and stays", () => {
    const sent = wizardReducer({ ...initialWizardState(person(7)), step: 3, error: "old" }, { type: "requestStarted" });
    expect(sent).toMatchObject({ busy: true, error: null });
    const preview = { total: 2, perType: { deal: { 8: 2 } }, csv: "x" };
    expect(wizardReducer(sent, { type: "previewed", preview })).toMatchObject({ busy: false, step: 4, preview });
    expect(wizardReducer(sent, { type: "requestRefused", message: "No." })).toMatchObject({ busy: false, step: 3, error: "No." });
  });

  it("builds the request from the choices; the return date only for a temporary transfer that has one", () => {
    const s = run(
      initialWizardState(person(7)),
      { type: "counted", key: "{}", counts, smart: [] },
      { type: "addReceiver", receiver: person(8) },
      {
        type: "set",
        patch: { openOnly: false, split: "by-company", notify: false, returnAt: "2030-01-02T03:04", filters: { ...NO_FILTERS, createdAfter: "2024-01-01" } },
      },
    );
    const request = transferRequest(s);
    expect(request).toEqual({
      fromUserId: 7,
      receiverIds: [8],
      selections: [
        { type: "deal", role: "responsible" },
        { type: "dynamic-128", role: "responsible" },
      ],
      query: { openOnly: false, createdAfter: "2024-01-01T00:00:00.000Z" },
      split: "by-company",
      notify: false,
      forceReturn: false,
    });
    const temporary = transferRequest(wizardReducer(s, { type: "set", patch: { temporary: true, forceReturn: true } }));
    expect(temporary).toMatchObject({ forceReturn: true, returnAt: new Date("2030-01-02T03:04").toISOString() });
  });

  it("offers pipelines for deals, smart invoices and smart processes the employee holds, and for the type the filter names", () => {
    const held: CountRow[] = [
      ...counts,
      { type: "invoice", role: "responsible", open: 0, total: 0 },
      { type: "deal", role: "observer", open: 1, total: 1 },
      { type: "lead", role: "responsible", open: 1, total: 1 },
    ];
    expect(pipelineTypesOf(held, NO_FILTERS)).toEqual([
      { type: "deal", entityTypeId: 2 },
      { type: "dynamic-128", entityTypeId: 128 },
    ]);
    expect(pipelineTypesOf(held, { ...NO_FILTERS, crmEntityTypeId: "31" }).map((p) => p.type)).toEqual(["deal", "dynamic-128", "invoice"]);
    expect(pipelineTypesOf(null, NO_FILTERS)).toEqual([]);
  });
});
