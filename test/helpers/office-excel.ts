/**
 * The Excel of the gateway and pane unit tests: the page's simulation (test/e2e/sim/excel-sim.ts, the one Excel
 * fake, built on office-addin-mock) run in Node over a workbook this helper shares with it. A test builds
 * sheets with `addSheet`, hands `context()` to the gateway (or `install()`s the `Excel` and `Office` globals),
 * and reads back what the add-in changed through the views below, in the terms of the grid (`value`,
 * `formula` without "=", `numFmt`), which the simulation keeps as plain data.
 *
 * Everything Excel does (load and sync, typing, merged areas, protection, requirement sets, recalculation)
 * happens in the simulation; this file only translates.
 */
import { parseA1, toA1, type CellRange } from "../../src/domain/grid";
import {
  createExcelSim,
  type ExcelSim,
  type SimCell,
  type SimConfig,
  type SimLayout,
  type SimSheet,
  type SimVisibility,
  type SimWorkbook,
} from "../e2e/sim/excel-sim";
import { simSheet } from "../e2e/sim/sheet";

export interface FakeCell {
  /** The constant, or a formula's cached result. "" only while a cell keeps a format but no content. */
  value: string | number | boolean;
  /** Formula without "=". */
  formula?: string;
  /** The cell holds an error value (value is its text, e.g. "#N/A"). */
  error?: boolean;
  numFmt?: string;
  /** Fill colour; absent for no fill. */
  fill?: string;
  bold?: boolean;
  /** In-workbook hyperlink target. */
  link?: string;
}

/** Layout a cell was given (font, alignment, wrapping), kept apart from its content so snapshots stay about content. */
export type FakeFormat = SimLayout;

function fromSim(c: SimCell): FakeCell {
  const cell: FakeCell = { value: c.v };
  if (c.f !== undefined) cell.formula = c.f.replace(/^=/, "");
  if (c.err) cell.error = true;
  if (c.fmt !== undefined) cell.numFmt = c.fmt;
  if (c.fill !== undefined) cell.fill = c.fill;
  if (c.bold !== undefined) cell.bold = c.bold;
  if (c.link !== undefined) cell.link = c.link;
  return cell;
}

function toSim(c: FakeCell): SimCell {
  const cell: SimCell = { v: c.value };
  if (c.formula !== undefined) cell.f = `=${c.formula}`;
  if (c.error) cell.err = true;
  if (c.numFmt !== undefined && c.numFmt !== "General") cell.fmt = c.numFmt;
  if (c.fill !== undefined) cell.fill = c.fill;
  if (c.bold !== undefined) cell.bold = c.bold;
  if (c.link !== undefined) cell.link = c.link;
  return cell;
}

/** A Map over one of the simulation's records, so a test reads notes, layouts and sizes as it always has. */
class RecordMap<K extends string | number, V> {
  constructor(private readonly record: () => Record<string, V>) {}

  get(key: K): V | undefined {
    return this.record()[String(key)];
  }

  set(key: K, value: V): this {
    this.record()[String(key)] = value;
    return this;
  }

  has(key: K): boolean {
    return String(key) in this.record();
  }

  delete(key: K): boolean {
    const had = this.has(key);
    delete this.record()[String(key)];
    return had;
  }

  get size(): number {
    return Object.keys(this.record()).length;
  }

  entries(): Array<[string, V]> {
    return Object.entries(this.record());
  }

  [Symbol.iterator](): Iterator<[string, V]> {
    return this.entries()[Symbol.iterator]();
  }
}

export class FakeSheet {
  readonly notes: RecordMap<string, string>;
  /** Cell layout by A1 address; row heights by row number and column widths by letters, in points. */
  readonly formats: RecordMap<string, FakeFormat>;
  readonly rowHeights: RecordMap<number, number>;
  readonly columnWidths: RecordMap<string, number>;

  constructor(readonly data: SimSheet) {
    this.notes = new RecordMap(() => data.notes);
    this.formats = new RecordMap(() => (data.layout ??= {}));
    this.rowHeights = new RecordMap(() => (data.rowHeights ??= {}));
    this.columnWidths = new RecordMap(() => data.columnWidths);
  }

  get name(): string {
    return this.data.name;
  }

  get merges(): string[] {
    return this.data.merges;
  }

  set merges(areas: string[]) {
    this.data.merges = areas;
  }

  get protected(): boolean {
    return this.data.protected;
  }

  set protected(on: boolean) {
    this.data.protected = on;
  }

  get visibility(): SimVisibility {
    return this.data.visibility;
  }

  set visibility(v: SimVisibility) {
    this.data.visibility = v;
  }

  get frozenRows(): number {
    return this.data.frozenRows;
  }

  get showGridlines(): boolean {
    return this.data.showGridlines ?? true;
  }

  /** PageLayout properties set (ExcelApi 1.9). */
  get pageLayout(): Record<string, unknown> {
    return this.data.pageLayout ?? {};
  }

  /** A copy of the cell at `a1` in the grid's terms; undefined where the sheet holds nothing. */
  get(a1: string): FakeCell | undefined {
    const c = this.data.cells[a1.replace(/\$/g, "").toUpperCase()];
    return c ? fromSim(c) : undefined;
  }

  set(a1: string, cell: Partial<FakeCell>): this {
    const key = a1.replace(/\$/g, "").toUpperCase();
    const old = this.data.cells[key];
    this.data.cells[key] = toSim({ value: "", ...(old ? fromSim(old) : {}), ...cell });
    return this;
  }

  /** Values-only used range: the box around every cell holding a value or a formula. */
  usedRect(): CellRange | null {
    let box: CellRange | null = null;
    for (const [a1, c] of Object.entries(this.data.cells)) {
      if (c.v === "" && c.f === undefined) continue;
      const { row, col } = parseA1(a1);
      box = box
        ? {
            top: Math.min(box.top, row),
            left: Math.min(box.left, col),
            bottom: Math.max(box.bottom, row),
            right: Math.max(box.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return box;
  }

  /** A deep copy of everything a test may compare before and after. */
  snapshot(): object {
    const cells = Object.entries(this.data.cells)
      .map(([a1, c]) => [a1, fromSim(c)] as const)
      .filter(
        ([, c]) =>
          c.value !== "" || c.formula !== undefined || c.fill !== undefined || (c.numFmt ?? "General") !== "General",
      )
      // A formula's cached result is Excel's to recompute, so only the formula itself is compared.
      .map(([a1, c]) => [
        a1,
        c.formula !== undefined
          ? { ...c, value: "(formula)", numFmt: c.numFmt ?? "General" }
          : { ...c, numFmt: c.numFmt ?? "General" },
      ])
      .sort();
    return JSON.parse(
      JSON.stringify({
        name: this.name,
        cells,
        notes: this.notes.entries().sort(),
        merges: [...this.merges].sort(),
        visibility: this.visibility,
      }),
    );
  }
}

const GLOBALS = ["Excel", "Office", "OfficeExtension"] as const;

export class FakeExcel {
  private readonly data: SimWorkbook = { sheets: [], active: "", selection: null, settings: {} };
  private readonly config: SimConfig = {
    workbook: this.data,
    host: "Excel",
    apiVersion: "1.18",
    displayLanguage: "zh-CN",
    syncDelayMs: 0,
    persistKey: null,
    platform: "PC",
  };
  private readonly sim: ExcelSim = createExcelSim(this.config, true);
  private readonly views = new WeakMap<SimSheet, FakeSheet>();
  /** context.workbook.settings, by key. */
  readonly settings = new RecordMap<string, unknown>(() => this.data.settings);

  /** Every sheet, in order, with those the add-in added. */
  get sheets(): FakeSheet[] {
    return this.data.sheets.map((s) => this.view(s));
  }

  get activeSheet(): string {
    return this.data.active;
  }

  set activeSheet(name: string) {
    this.data.active = name;
  }

  /** The last cell selected (by the add-in, or by the officer when a test sets it). */
  get selection(): { sheet: string; cell: string } | null {
    const s = this.data.selection;
    return s ? { sheet: s.sheet, cell: s.address } : null;
  }

  set selection(s: { sheet: string; cell: string } | null) {
    this.data.selection = s ? { sheet: s.sheet, address: s.cell } : null;
  }

  /** Highest ExcelApi requirement set the fake host claims. */
  get apiVersion(): string {
    return this.config.apiVersion;
  }

  set apiVersion(v: string) {
    this.config.apiVersion = v;
  }

  get displayLanguage(): string {
    return this.config.displayLanguage;
  }

  set displayLanguage(v: string) {
    this.config.displayLanguage = v;
  }

  /** Every sync of every context. */
  get syncs(): number {
    return this.sim.handle.counters.syncs;
  }

  /** Every change applied, in order, as the simulation logs it ("activate 自评表", "write 自评表!H13 values"). */
  get writeLog(): readonly string[] {
    return this.sim.handle.log;
  }

  /** How many times the add-in suspended calculation until the next sync. */
  get calculationSuspended(): number {
    return this.sim.handle.suspensions;
  }

  addSheet(name: string, rows: ReadonlyArray<ReadonlyArray<unknown>> = [], origin = "A1"): FakeSheet {
    const data = simSheet(name);
    this.data.sheets.push(data);
    const sheet = this.view(data);
    const o = parseA1(origin);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === undefined || v === null || v === "") return;
        const at = toA1(o.row + r, o.col + c);
        if (typeof v === "object") sheet.set(at, v as Partial<FakeCell>);
        else sheet.set(at, { value: v as string | number | boolean });
      }),
    );
    if (!this.data.active) this.data.active = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.data.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return this.view(s);
  }

  hasSheet(name: string): boolean {
    return this.data.sheets.some((s) => s.name === name);
  }

  /** Whether the host claims ExcelApi `version`, by the simulation's own answer to isSetSupported. */
  supports(version: string): boolean {
    return (this.sim.globals.Office as typeof Office).context.requirements.isSetSupported("ExcelApi", version);
  }

  /** A plain-data image of the whole workbook, to compare before and after with toEqual. */
  snapshot(): object {
    return JSON.parse(
      JSON.stringify({
        sheets: this.sheets.map((s) => s.snapshot()),
        settings: this.settings.entries().sort(([a], [b]) => (a < b ? -1 : 1)),
      }),
    );
  }

  /** Installs the simulation's `Excel`, `Office` and `OfficeExtension` globals over this workbook. */
  install(): void {
    Object.assign(globalThis, this.sim.globals);
  }

  static uninstall(): void {
    const g = globalThis as Record<string, unknown>;
    for (const name of GLOBALS) delete g[name];
  }

  /** A request context outside Excel.run, as the gateway's functions take one. */
  context(): Excel.RequestContext & { sync: () => Promise<void> } {
    return this.sim.context() as Excel.RequestContext & { sync: () => Promise<void> };
  }

  private view(data: SimSheet): FakeSheet {
    let v = this.views.get(data);
    if (!v) this.views.set(data, (v = new FakeSheet(data)));
    return v;
  }
}
