/**
 * The transfer wizard's state and every change to it, as one pure reducer (unit-tested in
 * wizard-state.test.ts): the steps' components only dispatch, and wizard.tsx talks to the server.
 * Errors arrive already in the user's words (the component translates them).
 */
import { hasPipelines, typeEntityId } from "@/lib/ownership/client";
import { NO_FILTERS, queryOf, type FilterState, type PipelineView } from "../filter-query";
import type { Person } from "../person-picker";

export type Step = 1 | 2 | 3 | 4;

/** One line of the employee's records: a record type in one role, with how many are open. */
export interface CountRow {
  type: string;
  role: string;
  open: number;
  total: number;
  error?: string;
}

export type SmartProcesses = Array<{ entityTypeId: number; title: string }>;

export interface Preview {
  total: number;
  /** Records per type, per receiver's user ID. */
  perType: Record<string, Record<number, number>>;
  csv: string;
}

export interface WizardState {
  step: Step;
  employee: Person | null;
  /** null until the first count arrives. */
  counts: CountRow[] | null;
  smart: SmartProcesses;
  openOnly: boolean;
  filters: FilterState;
  pipelines: PipelineView[];
  /** The chosen `type:role` lines (countKey). */
  selected: ReadonlySet<string>;
  receivers: Person[];
  split: "even" | "by-company";
  notify: boolean;
  temporary: boolean;
  /** As the datetime-local input holds it ("" = not set). */
  returnAt: string;
  forceReturn: boolean;
  preview: Preview | null;
  error: string | null;
  /** A preview or run is on its way. */
  busy: boolean;
  /** The filters the shown counts are for: while they differ from the inputs, a count is on its way. */
  countedKey: string | null;
}

/** The inputs a step sets directly. */
type Settable = Pick<WizardState, "openOnly" | "filters" | "pipelines" | "split" | "notify" | "temporary" | "returnAt" | "forceReturn">;

export type WizardAction =
  | { type: "goTo"; step: Step }
  | { type: "set"; patch: Partial<Settable> }
  | { type: "pickEmployee"; employee: Person }
  | { type: "counted"; key: string; counts: CountRow[]; smart: SmartProcesses }
  | { type: "countFailed"; key: string; message: string }
  | { type: "toggleType"; key: string; on: boolean }
  | { type: "addReceiver"; receiver: Person }
  | { type: "removeReceiver"; id: number }
  | { type: "showError"; message: string }
  | { type: "requestStarted" }
  | { type: "requestRefused"; message: string }
  | { type: "previewed"; preview: Preview };

export const countKey = (c: { type: string; role: string }) => `${c.type}:${c.role}`;

/** Starts at the record types when the employee is already known (`?user=ID`). */
export function initialWizardState(employee: Person | null): WizardState {
  return {
    step: employee ? 2 : 1,
    employee,
    counts: null,
    smart: [],
    openOnly: true,
    filters: NO_FILTERS,
    pipelines: [],
    selected: new Set(),
    receivers: [],
    split: "even",
    notify: true,
    temporary: false,
    returnAt: "",
    forceReturn: false,
    preview: null,
    error: null,
    busy: false,
    countedKey: null,
  };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "goTo":
      return { ...state, step: action.step };
    case "set":
      return { ...state, ...action.patch };
    case "pickEmployee":
      return { ...state, employee: action.employee, counts: null, selected: new Set(), step: 2 };
    case "counted":
      return {
        ...state,
        countedKey: action.key,
        counts: action.counts,
        smart: action.smart,
        // The first count preselects what is still open; later counts (other filters) keep the choice.
        selected: state.selected.size ? state.selected : new Set(action.counts.filter((c) => c.open > 0).map(countKey)),
      };
    case "countFailed":
      return { ...state, countedKey: action.key, error: action.message };
    case "toggleType": {
      const selected = new Set(state.selected);
      if (action.on) selected.add(action.key);
      else selected.delete(action.key);
      return { ...state, selected };
    }
    case "addReceiver":
      return { ...state, error: null, receivers: [...state.receivers, action.receiver] };
    case "removeReceiver":
      return { ...state, receivers: state.receivers.filter((r) => r.id !== action.id) };
    case "showError":
      return { ...state, error: action.message };
    case "requestStarted":
      return { ...state, busy: true, error: null };
    case "requestRefused":
      return { ...state, busy: false, error: action.message };
    case "previewed":
      return { ...state, busy: false, preview: action.preview, step: 4 };
  }
}

/** The query the counts, the preview and the run are for: "open only" plus the filters that are set. */
export function transferQuery(state: WizardState) {
  return { openOnly: state.openOnly, ...queryOf(state.filters) };
}

/** What previewTransfer and runTransfer take (lib/transfer transferRequestSchema). */
export function transferRequest(state: WizardState) {
  return {
    fromUserId: state.employee!.id,
    receiverIds: state.receivers.map((r) => r.id),
    selections: [...state.selected].map((s) => ({ type: s.split(":")[0], role: s.split(":")[1] })),
    query: transferQuery(state),
    split: state.split,
    notify: state.notify,
    forceReturn: state.forceReturn,
    ...(state.temporary && state.returnAt ? { returnAt: new Date(state.returnAt).toISOString() } : {}),
  };
}

export function chosenCounts(state: WizardState): CountRow[] {
  return (state.counts ?? []).filter((c) => state.selected.has(countKey(c)));
}

/**
 * CRM types with pipelines (deals, smart invoices, smart processes) that the employee holds, and
 * the one the filters name even when it holds none: the pipeline filter offers these.
 */
export function pipelineTypesOf(counts: CountRow[] | null, filters: FilterState): Array<{ type: string; entityTypeId: number }> {
  return [
    ...new Map(
      (counts ?? [])
        .map((c) => ({
          type: c.type,
          total: c.total,
          entityTypeId: typeEntityId(c.type) ?? 0,
        }))
        .filter((p) => hasPipelines(p.entityTypeId) && (p.total > 0 || String(p.entityTypeId) === filters.crmEntityTypeId))
        .map(({ type, entityTypeId }) => ({ type, entityTypeId }))
        .map((p) => [p.entityTypeId, p]),
    ).values(),
  ];
}
