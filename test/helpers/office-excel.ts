/**
 * An in-memory Excel behind office-addin-mock, for gateway tests. Proxy objects are OfficeMockObjects,
 * so a property read without `load` + `sync` yields the mock's "Error, property was not loaded" string,
 * as the toolchain notes say. Around them the fake queues every write and applies it at `context.sync()`
 * the way Excel does: strings typed into `values` are parsed ("=…" a formula, "98" a number, "'…" text),
 * a protected sheet rejects cell changes, a write into part of a merged area fails with InvalidArgument as
 * Excel refuses it, and a missing sheet fails the batch with ItemNotFound.
 *
 * Excel's real surface is far larger; this covers what src/gateways/office uses, and fails loudly
 * (an error at sync) rather than pretending when asked for something it does not model.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseA1, parseRange, toA1, type CellRange } from "../../src/domain/grid";
// The page's simulation holds the rules of Excel both fakes keep; it imports nothing, so it loads here too.
import { mergedWriteRefusal, parseTyped } from "../e2e/sim/excel-sim";

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

type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** Layout a cell was given (font, alignment, wrapping), kept apart from its content so snapshots stay about content. */
export interface FakeFormat {
  fontName?: string;
  fontSize?: number;
  fontColor?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  merges: string[] = [];
  protected = false;
  visibility: Visibility = "Visible";
  readonly notes = new Map<string, string>();
  frozenRows = 0;
  /** Cell layout by A1 address; row heights by row number and column widths by letters, in points. */
  readonly formats = new Map<string, FakeFormat>();
  readonly rowHeights = new Map<number, number>();
  readonly columnWidths = new Map<string, number>();
  showGridlines = true;
  /** PageLayout properties set (ExcelApi 1.9). */
  readonly pageLayout: Record<string, unknown> = {};

  constructor(public name: string) {}

  get(a1: string): FakeCell | undefined {
    return this.cells.get(a1.replace(/\$/g, "").toUpperCase());
  }

  set(a1: string, cell: Partial<FakeCell>): this {
    const key = a1.replace(/\$/g, "").toUpperCase();
    this.cells.set(key, { value: "", ...this.cells.get(key), ...cell });
    return this;
  }

  /** Values-only used range: the box around every cell holding a value or a formula. */
  usedRect(): CellRange | null {
    let box: CellRange | null = null;
    for (const [a1, c] of this.cells) {
      if (c.value === "" && c.formula === undefined) continue;
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
    const cells = [...this.cells.entries()]
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
    return {
      name: this.name,
      cells,
      notes: [...this.notes.entries()].sort(),
      merges: [...this.merges].sort(),
      visibility: this.visibility,
    };
  }
}

/** What Excel stores when `input` is written to a cell formatted `numFmt`: the simulation's typing rules. */
export function parseInput(input: unknown, numFmt: string | undefined): Partial<FakeCell> & { clear?: true } {
  const typed = parseTyped(input, numFmt);
  if (!typed) return { clear: true };
  const cell: Partial<FakeCell> = { value: typed.v };
  if (typed.f !== undefined) cell.formula = typed.f.slice(1);
  if (typed.err) cell.error = true;
  return cell;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

class ExcelApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A range's rectangle; whole columns ("C:C") span rows 1..1048576. */
function rectOf(address: string): CellRange {
  const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(address);
  if (cols) {
    const a = parseA1(`${cols[1]}1`).col;
    const b = parseA1(`${cols[2]}1`).col;
    return { top: 1, left: Math.min(a, b), bottom: 1048576, right: Math.max(a, b) };
  }
  return parseRange(address);
}

function rectA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

type Op = { sheet?: string; touchesCells: boolean; describe: string; run: () => void };

/** Which FakeFormat field a range's format property sets. */
const LAYOUT_KEYS: Record<string, keyof FakeFormat> = {
  "format.wrapText": "wrapText",
  "format.verticalAlignment": "verticalAlignment",
  "format.horizontalAlignment": "horizontalAlignment",
  "format.font.size": "fontSize",
  "format.font.name": "fontName",
  "format.font.color": "fontColor",
};

interface NullState {
  isNull: boolean;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeSheet = "";
  selection: { sheet: string; cell: string } | null = null;
  readonly settings = new Map<string, unknown>();
  /** Highest ExcelApi requirement set the fake host claims. */
  apiVersion = "1.18";
  displayLanguage = "zh-CN";
  /** Every sync of every context. */
  syncs = 0;
  /** Every write applied, as "Sheet!A1 values" lines. */
  readonly writeLog: string[] = [];
  calculationSuspended = 0;

  addSheet(name: string, rows: ReadonlyArray<ReadonlyArray<unknown>> = [], origin = "A1"): FakeSheet {
    const sheet = new FakeSheet(name);
    const o = parseA1(origin);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === undefined || v === null || v === "") return;
        const at = toA1(o.row + r, o.col + c);
        if (typeof v === "object") sheet.set(at, v as Partial<FakeCell>);
        else sheet.set(at, { value: v as string | number | boolean });
      }),
    );
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((s) => s.name === name);
  }

  supports(version: string): boolean {
    return compareVersions(version, this.apiVersion) <= 0;
  }

  /** A plain-data image of the whole workbook, to compare before and after with toEqual. */
  snapshot(): object {
    return JSON.parse(
      JSON.stringify({ sheets: this.sheets.map((s) => s.snapshot()), settings: [...this.settings.entries()].sort() }),
    );
  }

  /** Installs `Excel` and `Office` globals that run against this workbook. */
  install(): void {
    const g = globalThis as Record<string, unknown>;
    g.Excel = { run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(this.context()) };
    g.Office = {
      context: {
        displayLanguage: this.displayLanguage,
        requirements: {
          isSetSupported: (name: string, v?: string) => name === "ExcelApi" && this.supports(v ?? "1.1"),
        },
      },
      onReady: async () => ({ host: "Excel", platform: "PC" }),
    };
  }

  static uninstall(): void {
    const g = globalThis as Record<string, unknown>;
    delete g.Excel;
    delete g.Office;
  }

  context(): Excel.RequestContext & { sync: () => Promise<void> } {
    return new FakeContext(this) as unknown as Excel.RequestContext & { sync: () => Promise<void> };
  }
}

class FakeContext {
  private ops: Op[] = [];
  private mocks: OfficeMockObject[] = [];
  private nullStates: Array<{ state: NullState; resolve: () => boolean; synced: { done: boolean } }> = [];
  private failure: ExcelApiError | null = null;
  private pendingAdds = new Set<string>();
  private collectionLoads: Array<() => void> = [];
  readonly workbook: unknown;

  constructor(private readonly excel: FakeExcel) {
    this.workbook = this.makeWorkbook();
  }

  async sync(): Promise<void> {
    this.excel.syncs++;
    const ops = this.ops.splice(0);
    const failure = this.failure;
    this.failure = null;
    this.pendingAdds.clear();
    for (const m of this.mocks) await m.sync();
    await new Promise((r) => setImmediate(r));
    for (const n of this.nullStates) {
      if (!n.synced.done) {
        n.state.isNull = n.resolve();
        n.synced.done = true;
      }
    }
    for (const done of this.collectionLoads.splice(0)) done();
    if (failure) throw failure;
    for (const op of ops) {
      if (op.touchesCells && op.sheet !== undefined) {
        const sheet = this.excel.sheets.find((s) => s.name === op.sheet);
        if (!sheet) throw new ExcelApiError("ItemNotFound", `sheet ${op.sheet} not found`);
        if (sheet.protected)
          throw new ExcelApiError("AccessDenied", `The sheet ${op.sheet} is protected (${op.describe})`);
      }
      op.run();
      this.excel.writeLog.push(op.describe);
    }
  }

  // --- plumbing -------------------------------------------------------------------------------

  private queue(op: Op): void {
    this.ops.push(op);
  }

  /** Wraps a mock so that property writes become queued ops and methods run against the mock. */
  private track(
    mock: OfficeMockObject,
    onSet: (path: string, value: unknown) => void,
    nullState?: NullState & { synced: { done: boolean } },
    base = "",
  ): any {
    this.mocks.push(mock);
    const ctx = this;
    return new Proxy(mock, {
      get(target, prop) {
        if (typeof prop === "symbol") return Reflect.get(target, prop);
        if (prop === "isNullObject") {
          if (!nullState) return false;
          if (!nullState.synced.done) throw new Error("isNullObject read before context.sync()");
          return nullState.isNull;
        }
        const v = (target as any)[prop];
        if (typeof v === "function") return (...args: unknown[]) => v.apply(target, args);
        if (v instanceof OfficeMockObject) return ctx.track(v, onSet, nullState, `${base}${prop}.`);
        return v;
      },
      set(target, prop, value) {
        onSet(`${base}${String(prop)}`, value);
        (target as any)[prop] = value;
        return true;
      },
    });
  }

  private nullable(resolve: () => boolean): NullState & { synced: { done: boolean } } {
    const entry = { state: { isNull: true }, resolve, synced: { done: false } };
    this.nullStates.push(entry);
    const proxy = {
      get isNull() {
        return entry.state.isNull;
      },
      synced: entry.synced,
    };
    return proxy;
  }

  private findSheet(name: string): FakeSheet | undefined {
    return this.excel.sheets.find((s) => s.name === name);
  }

  /** A sheet proxy by name; a name that exists nowhere fails the next sync, as Excel's getItem does. */
  private sheetByName(name: string): any {
    if (!this.findSheet(name) && !this.pendingAdds.has(name)) {
      this.failure ??= new ExcelApiError("ItemNotFound", `The requested worksheet ${name} does not exist.`);
    }
    return this.makeSheet(name);
  }

  // --- workbook ---------------------------------------------------------------------------------

  private makeWorkbook(): unknown {
    const ctx = this;
    const excel = this.excel;
    const worksheets = {
      _loaded: null as any[] | null,
      load(props: string) {
        const sub = props
          .split(",")
          .map((p) => p.trim().replace(/^items\//, ""))
          .join(",");
        const handles = excel.sheets.map((s) => {
          const h = ctx.makeSheet(s.name);
          h.load(sub);
          return h;
        });
        ctx.collectionLoads.push(() => (worksheets._loaded = handles));
        return worksheets;
      },
      get items(): any[] {
        if (!worksheets._loaded) throw new Error("worksheets.items read before load + sync");
        return worksheets._loaded;
      },
      getActiveWorksheet: () => ctx.makeSheet(excel.activeSheet),
      getFirst: (visibleOnly?: boolean) =>
        ctx.makeSheet(excel.sheets.filter((s) => !visibleOnly || s.visibility === "Visible")[0].name),
      getLast: (visibleOnly?: boolean) => {
        const list = excel.sheets.filter((s) => !visibleOnly || s.visibility === "Visible");
        return ctx.makeSheet(list[list.length - 1].name);
      },
      getItem: (name: string) => ctx.sheetByName(name),
      getItemOrNullObject: (name: string) =>
        ctx.makeSheet(
          name,
          ctx.nullable(() => !ctx.findSheet(name)),
        ),
      add: (name: string) => {
        ctx.pendingAdds.add(name);
        ctx.queue({
          touchesCells: false,
          describe: `add sheet ${name}`,
          run: () => {
            if (ctx.findSheet(name)) throw new ExcelApiError("ItemAlreadyExists", `A sheet named ${name} exists`);
            excel.sheets.push(new FakeSheet(name));
          },
        });
        return ctx.makeSheet(name);
      },
    };
    const settings = {
      add: (key: string, value: unknown) =>
        ctx.queue({ touchesCells: false, describe: `setting ${key}`, run: () => excel.settings.set(key, value) }),
      getItemOrNullObject: (key: string) =>
        ctx.makeSetting(
          key,
          ctx.nullable(() => !excel.settings.has(key)),
        ),
      getItem: (key: string) => {
        if (!excel.settings.has(key)) ctx.failure ??= new ExcelApiError("ItemNotFound", `setting ${key}`);
        return ctx.makeSetting(key);
      },
    };
    // The selection lives on the active sheet: the last select() there, or A1 as in a freshly opened sheet.
    const getSelectedRange = () => {
      const sel = excel.selection?.sheet === excel.activeSheet ? excel.selection.cell : "A1";
      return ctx.makeRange(excel.activeSheet, sel);
    };
    const application = {
      suspendApiCalculationUntilNextSync: () => {
        if (!excel.supports("1.6")) throw new Error("suspendApiCalculationUntilNextSync needs ExcelApi 1.6");
        ctx.queue({ touchesCells: false, describe: "suspend calculation", run: () => excel.calculationSuspended++ });
      },
    };
    return { worksheets, settings, application, getSelectedRange };
  }

  private makeSetting(key: string, nullState?: NullState & { synced: { done: boolean } }): any {
    const excel = this.excel;
    const mock = new OfficeMockObject({
      key,
      value: excel.settings.get(key) as string,
      delete: () =>
        this.queue({ touchesCells: false, describe: `delete setting ${key}`, run: () => excel.settings.delete(key) }),
    });
    return this.track(
      mock,
      (path) => {
        throw new Error(`setting.${path} is not modelled`);
      },
      nullState,
    );
  }

  // --- worksheets -------------------------------------------------------------------------------

  private makeSheet(name: string, nullState?: NullState & { synced: { done: boolean } }): any {
    const ctx = this;
    const excel = this.excel;
    const sheet = this.findSheet(name);
    const mock = new OfficeMockObject({
      name,
      visibility: sheet?.visibility ?? "Visible",
      protection: { protected: sheet?.protected ?? false },
      notes: {
        add: (cell: string, content: string) => {
          if (!excel.supports("1.18")) throw new Error("notes need ExcelApi 1.18");
          ctx.queue({
            sheet: name,
            touchesCells: true,
            describe: `${name}!${cell} add note`,
            run: () => {
              const s = ctx.findSheet(name)!;
              if (s.notes.has(cell)) throw new ExcelApiError("InvalidArgument", `a note exists at ${cell}`);
              s.notes.set(cell, content);
            },
          });
        },
        getItemOrNullObject: (cell: string) => {
          if (!excel.supports("1.18")) throw new Error("notes need ExcelApi 1.18");
          return ctx.makeNote(name, cell);
        },
      },
      freezePanes: {
        freezeRows: (n: number) =>
          ctx.queue({
            sheet: name,
            touchesCells: false,
            describe: `${name} freeze ${n}`,
            run: () => (ctx.findSheet(name)!.frozenRows = n),
          }),
      },
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        topMargin: 0,
        bottomMargin: 0,
        leftMargin: 0,
        rightMargin: 0,
        centerHorizontally: false,
        zoom: {},
        setPrintTitleRows: (rows: string) => {
          if (!excel.supports("1.9")) throw new Error("pageLayout needs ExcelApi 1.9");
          ctx.queue({
            touchesCells: false,
            describe: `${name} print titles ${rows}`,
            run: () => (ctx.findSheet(name)!.pageLayout.printTitleRows = rows),
          });
        },
      },
      getRange: (address: string) => ctx.makeRange(name, address),
      getUsedRange: (valuesOnly?: boolean) => {
        if (!valuesOnly) throw new Error("the fake models getUsedRange(true) only");
        const box = ctx.findSheet(name)?.usedRect();
        return ctx.makeRange(name, box ? rectA1(box) : "A1");
      },
      activate: () =>
        ctx.queue({ touchesCells: false, describe: `activate ${name}`, run: () => (excel.activeSheet = name) }),
      delete: () =>
        ctx.queue({
          touchesCells: false,
          describe: `delete sheet ${name}`,
          run: () => {
            const i = excel.sheets.findIndex((s) => s.name === name);
            if (i < 0) throw new ExcelApiError("ItemNotFound", `sheet ${name}`);
            excel.sheets.splice(i, 1);
            if (excel.activeSheet === name) excel.activeSheet = excel.sheets[0]?.name ?? "";
          },
        }),
    });
    return this.track(
      mock,
      (path, value) => {
        if (path === "visibility") {
          ctx.queue({
            touchesCells: false,
            describe: `${name} visibility ${value}`,
            run: () => (ctx.findSheet(name)!.visibility = value as Visibility),
          });
        } else if (path === "showGridlines") {
          if (!excel.supports("1.8")) throw new Error("showGridlines needs ExcelApi 1.8");
          ctx.queue({
            touchesCells: false,
            describe: `${name} showGridlines ${value}`,
            run: () => (ctx.findSheet(name)!.showGridlines = Boolean(value)),
          });
        } else if (path.startsWith("pageLayout.")) {
          if (!excel.supports("1.9")) throw new Error("pageLayout needs ExcelApi 1.9");
          const property = path.slice("pageLayout.".length);
          ctx.queue({
            touchesCells: false,
            describe: `${name} ${path} ${String(value)}`,
            run: () => (ctx.findSheet(name)!.pageLayout[property] = value),
          });
        } else throw new Error(`worksheet.${path} is not modelled`);
      },
      nullState,
    );
  }

  private makeNote(sheetName: string, cell: string): any {
    const ctx = this;
    const content = this.findSheet(sheetName)?.notes.get(cell);
    const mock = new OfficeMockObject({
      content: content ?? "",
      delete: () =>
        ctx.queue({
          sheet: sheetName,
          touchesCells: true,
          describe: `${sheetName}!${cell} delete note`,
          run: () => {
            if (!ctx.findSheet(sheetName)!.notes.delete(cell))
              throw new ExcelApiError("ItemNotFound", `no note at ${cell}`);
          },
        }),
    });
    return this.track(
      mock,
      (path, value) => {
        if (path !== "content") throw new Error(`note.${path} is not modelled`);
        ctx.queue({
          sheet: sheetName,
          touchesCells: true,
          describe: `${sheetName}!${cell} note content`,
          run: () => {
            const s = ctx.findSheet(sheetName)!;
            if (!s.notes.has(cell)) throw new ExcelApiError("ItemNotFound", `no note at ${cell}`);
            s.notes.set(cell, String(value));
          },
        });
      },
      this.nullable(() => content === undefined),
    );
  }

  // --- ranges -----------------------------------------------------------------------------------

  private makeRange(sheetName: string, address: string): any {
    const ctx = this;
    const excel = this.excel;
    const rect = rectOf(address);
    const sheet = this.findSheet(sheetName);
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const wholeColumns = rows === 1048576;
    const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
      wholeColumns
        ? []
        : Array.from({ length: rows }, (_, r) =>
            Array.from({ length: cols }, (_, c) => f(sheet?.get(toA1(rect.top + r, rect.left + c)))),
          );
    const topLeft = sheet?.get(toA1(rect.top, rect.left));
    const merged = (sheet?.merges ?? []).filter((m) => intersects(parseRange(m), rect));
    const quoted = `'${sheetName.replace(/'/g, "''")}'`;
    const mock = new OfficeMockObject({
      address: `${quoted}!${rectA1(rect)}`,
      rowIndex: rect.top - 1,
      columnIndex: rect.left - 1,
      rowCount: rows,
      columnCount: cols,
      values: grid((c) => (c ? c.value : "")),
      formulas: grid((c) => (c?.formula !== undefined ? `=${c.formula}` : c ? c.value : "")),
      numberFormat: grid((c) => c?.numFmt ?? "General"),
      valueTypes: grid((c) =>
        !c || (c.value === "" && c.formula === undefined)
          ? "Empty"
          : c.error
            ? "Error"
            : typeof c.value === "number"
              ? "Double"
              : typeof c.value === "boolean"
                ? "Boolean"
                : "String",
      ),
      text: grid((c) => (c ? String(c.value) : "")),
      worksheet: { name: sheetName },
      getCell: (row: number, column: number) => ctx.makeRange(sheetName, toA1(rect.top + row, rect.left + column)),
      format: {
        fill: {
          color: topLeft?.fill ?? "#FFFFFF",
          pattern: topLeft?.fill ? "Solid" : "None",
          clear: () => ctx.queueCells(sheetName, rect, "format.fill.clear", (cell) => delete cell.fill),
        },
        font: { bold: topLeft?.bold ?? false },
        borders: { getItem: () => ctx.track(new OfficeMockObject({ style: "None" }), () => undefined) },
      },
      getMergedAreasOrNullObject: () => {
        if (!excel.supports("1.13")) throw new Error("getMergedAreasOrNullObject needs ExcelApi 1.13");
        const m = new OfficeMockObject({
          address: merged.map((a) => `${quoted}!${a}`).join(", "),
          areaCount: merged.length,
        });
        return ctx.track(
          m,
          () => undefined,
          ctx.nullable(() => merged.length === 0),
        );
      },
      merge: () =>
        ctx.queue({
          sheet: sheetName,
          touchesCells: true,
          describe: `${sheetName}!${rectA1(rect)} merge`,
          run: () => ctx.findSheet(sheetName)!.merges.push(rectA1(rect)),
        }),
      select: () =>
        ctx.queue({
          touchesCells: false,
          describe: `select ${sheetName}!${address}`,
          run: () => (excel.selection = { sheet: sheetName, cell: address }),
        }),
    });
    return this.track(mock, (path, value) => this.setRangeProperty(sheetName, rect, path, value));
  }

  /** Queues a change to every cell of a rectangle. */
  private queueCells(
    sheetName: string,
    rect: CellRange,
    what: string,
    change: (cell: FakeCell, r: number, c: number) => void,
    /** Throws when Excel would refuse the whole change (before any cell of it is touched). */
    refuse?: () => void,
  ): void {
    this.queue({
      sheet: sheetName,
      touchesCells: true,
      describe: `${sheetName}!${rectA1(rect)} ${what}`,
      run: () => {
        refuse?.();
        const sheet = this.findSheet(sheetName)!;
        for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100000); r++) {
          for (let c = rect.left; c <= rect.right; c++) {
            const a1 = toA1(r, c);
            const cell = sheet.get(a1) ?? { value: "" };
            change(cell, r - rect.top, c - rect.left);
            sheet.cells.set(a1, cell);
          }
        }
      },
    });
  }

  /** Queues a layout change (kept in the sheet's formats, row heights or column widths, not in its cells). */
  private queueLayout(sheetName: string, rect: CellRange, path: string, apply: (sheet: FakeSheet) => void): void {
    this.queue({
      sheet: sheetName,
      touchesCells: true,
      describe: `${sheetName}!${rectA1(rect)} ${path}`,
      run: () => apply(this.findSheet(sheetName)!),
    });
  }

  private setRangeProperty(sheetName: string, rect: CellRange, path: string, value: unknown): void {
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const at = (r: number, c: number): unknown => {
      if (!Array.isArray(value)) return value;
      if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new ExcelApiError("InvalidArgument", `${path}: ${value.length}×? values for a ${rows}×${cols} range`);
      }
      return value[r][c];
    };
    if (Array.isArray(value)) at(0, 0); // dimension check now, like Excel's client-side validation
    switch (path) {
      case "values":
      case "formulas":
        return this.queueCells(
          sheetName,
          rect,
          path,
          (cell, r, c) => {
            const input = at(r, c);
            const parsed =
              path === "formulas" && typeof input === "string" && input.startsWith("=") && cell.numFmt !== "@"
                ? { formula: input.slice(1), value: 0 as const }
                : parseInput(input, cell.numFmt);
            delete cell.formula;
            delete cell.error;
            if ("clear" in parsed) cell.value = "";
            else Object.assign(cell, parsed);
          },
          () => {
            const refusal = mergedWriteRefusal(this.findSheet(sheetName)!.merges, rect, value);
            if (refusal) throw new ExcelApiError("InvalidArgument", refusal);
          },
        );
      case "numberFormat":
        return this.queueCells(sheetName, rect, path, (cell, r, c) => (cell.numFmt = String(at(r, c))));
      case "format.fill.color":
        return this.queueCells(sheetName, rect, path, (cell) => (cell.fill = String(value)));
      case "format.font.bold":
        return this.queueCells(sheetName, rect, path, (cell) => (cell.bold = Boolean(value)));
      case "hyperlink":
        return this.queueCells(sheetName, rect, path, (cell) => {
          const link = value as Excel.RangeHyperlink;
          cell.link = link.documentReference;
          if (link.textToDisplay !== undefined) {
            delete cell.formula;
            cell.value = link.textToDisplay;
          }
        });
      case "format.wrapText":
      case "format.verticalAlignment":
      case "format.horizontalAlignment":
      case "format.font.size":
      case "format.font.name":
      case "format.font.color": {
        const key = LAYOUT_KEYS[path];
        return this.queueLayout(sheetName, rect, path, (sheet) => {
          for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100000); r++)
            for (let c = rect.left; c <= rect.right; c++) {
              const a1 = toA1(r, c);
              sheet.formats.set(a1, { ...sheet.formats.get(a1), [key]: value });
            }
        });
      }
      case "format.rowHeight":
        return this.queueLayout(sheetName, rect, path, (sheet) => {
          for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100000); r++)
            sheet.rowHeights.set(r, Number(value));
        });
      case "format.columnWidth":
        return this.queueLayout(sheetName, rect, path, (sheet) => {
          for (let c = rect.left; c <= rect.right; c++)
            sheet.columnWidths.set(toA1(1, c).replace(/\d+$/, ""), Number(value));
        });
      default:
        throw new Error(`range.${path} is not modelled by the fake`);
    }
  }
}
