/**
 * A compact columnar store for the heavy record kinds (tasks, CRM items, activities).
 *
 * Why: a portal with 100,000+ records as plain objects costs hundreds of MB and seconds to build.
 * Here each numeric field is one Int32Array column (IDs, user IDs, stage indexes, dates as unix
 * seconds), text fields of generated rows are re-derived from the seed when read (see
 * records.ts), and everything a method changes or adds beyond the columns lives in a sparse
 * per-row override map. Record ID = row index + 1.
 */
export class RecordTable<C extends string = string> {
  /** Rows [0, generated) were built by the generator; later rows came from *.add calls. */
  readonly generated: number;
  length: number;
  private capacity: number;
  private readonly cols: Record<C, Int32Array>;
  private readonly overrides = new Map<number, Record<string, unknown>>();
  /** Rows removed by *.delete calls: IDs are never reused, lists and gets skip them. */
  private readonly removed = new Set<number>();
  /** Bumped on every change, so derived indexes (e.g. the e-mail index) know to rebuild. */
  version = 0;

  constructor(
    readonly columns: readonly C[],
    generated: number,
  ) {
    this.generated = generated;
    this.length = generated;
    this.capacity = Math.max(16, generated);
    this.cols = {} as Record<C, Int32Array>;
    for (const c of columns) this.cols[c] = new Int32Array(this.capacity);
  }

  col(name: C): Int32Array {
    return this.cols[name];
  }
  int(name: C, row: number): number {
    return this.cols[name][row];
  }
  setInt(name: C, row: number, value: number): void {
    this.cols[name][row] = value;
    this.version++;
  }
  override(row: number): Readonly<Record<string, unknown>> | undefined {
    return this.overrides.get(row);
  }
  setOverride(row: number, field: string, value: unknown): void {
    let o = this.overrides.get(row);
    if (!o) this.overrides.set(row, (o = {}));
    o[field] = value;
    this.version++;
  }
  /** Appends an empty row and returns its index. */
  addRow(): number {
    if (this.length === this.capacity) {
      this.capacity *= 2;
      for (const c of this.columns) {
        const grown = new Int32Array(this.capacity);
        grown.set(this.cols[c]);
        this.cols[c] = grown;
      }
    }
    this.version++;
    return this.length++;
  }
  has(id: number): boolean {
    return Number.isInteger(id) && id >= 1 && id <= this.length && !this.removed.has(id - 1);
  }
  /** Deletes a row (record ID = row + 1); its ID stays taken. */
  remove(row: number): void {
    this.removed.add(row);
    this.overrides.delete(row);
    this.version++;
  }
  isRemoved(row: number): boolean {
    return this.removed.has(row);
  }
  /** How many rows were removed (lists skip them). */
  get removedCount(): number {
    return this.removed.size;
  }
  /** Bytes held by the columns (for the benchmark's memory figure). */
  columnBytes(): number {
    return this.columns.length * this.capacity * 4;
  }
}

/** Unix seconds ↔ the ISO 8601 form with offset the REST API prints ("2024-08-30T14:29:00+00:00"). */
export function isoFromSeconds(sec: number): string {
  return new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}
export function secondsFromIso(text: string): number | null {
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}
