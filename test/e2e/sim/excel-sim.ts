/**
 * The one Excel fake of the test suite: office.js as the add-in meets it (`Office.onReady`, `Office.context`,
 * and the Excel API subset src/gateways/office uses) over a workbook given as plain data. The same code runs
 * in two places:
 * - in the page, for the browser test: served in place of
 *   https://appsforoffice.microsoft.com/lib/1/hosted/office.js (see ./script.ts, which bundles it);
 * - under Jest, for the gateway and pane unit tests: test/helpers/office-excel.ts (FakeExcel) installs it
 *   over a workbook it shares, so a test reads and changes the cells the add-in sees.
 *
 * What each proxy has loaded is kept by office-addin-mock's OfficeMockObject (the load / sync bookkeeping the
 * Office add-in template tests with); around it the simulation adds what the mock does not model. Where it
 * matters it behaves like office.js rather than like a plain object model:
 * - every property of a proxy throws PropertyNotLoaded until it was `load`ed and a `context.sync()` ran
 *   (office-addin-mock alone answers with a string); `isNullObject` likewise;
 * - loads, writes and lookups are queued and run in order at `sync`, so a load sees the workbook as the
 *   writes before it in the batch left it; a failing step rejects the sync with an OfficeExtension-style
 *   error (`code`: ItemNotFound, AccessDenied, ApiNotFound, InvalidArgument…) after the steps before it took
 *   effect, as Excel runs a batch;
 * - a value written into part of a merged area (a cell other than its top-left) fails with InvalidArgument,
 *   as Excel refuses to change part of a merged cell; formats may still be set there;
 * - writes to a protected sheet fail with AccessDenied; APIs above the simulated ExcelApi version fail
 *   with ApiNotFound at sync (feature detection has to happen first); assigning an unknown property throws;
 * - strings written to `values` are parsed the way Excel parses typing ("=…" a formula, "98%" a number,
 *   "'…" text) and simple formulas (references, + - * /, SUM) are recalculated after each sync.
 *
 * The page sees the simulation's state and counters as `window.__excelSim` (SimHandle).
 */
import { OfficeMockObject } from "office-addin-mock";
import { simSheet } from "./sheet";

// ---- the workbook, as plain data -----------------------------------------------------------------

export interface SimCell {
  /** The constant, or a formula's cached result; "" for an empty cell that keeps a format or fill. */
  v: string | number | boolean;
  /** The formula with its "=". */
  f?: string;
  /** The value is an error such as #N/A (v holds its text). */
  err?: boolean;
  /** Number format; absent means "General". */
  fmt?: string;
  /** Fill colour "#RRGGBB"; absent means no fill. */
  fill?: string;
  bold?: boolean;
  /** In-workbook hyperlink target ('Sheet'!A1). */
  link?: string;
}

export type SimVisibility = "Visible" | "Hidden" | "VeryHidden";

/** How a cell is laid out (font, alignment, wrapping): kept apart from its content, as in the snapshot. */
export interface SimLayout {
  fontName?: string;
  fontSize?: number;
  fontColor?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface SimSheet {
  name: string;
  /** Cells by A1 address (upper case, no $). */
  cells: Record<string, SimCell>;
  /** Merged areas as A1 ranges. */
  merges: string[];
  protected: boolean;
  visibility: SimVisibility;
  /** Notes (ExcelApi 1.18) by A1 address. */
  notes: Record<string, string>;
  frozenRows: number;
  /** Column widths in points by column letters. */
  columnWidths: Record<string, number>;
  /** Cell layout by A1 address, row heights in points by row number (set by the add-in; absent until then). */
  layout?: Record<string, SimLayout>;
  rowHeights?: Record<string, number>;
  /** Worksheet.showGridlines (ExcelApi 1.8); absent means shown. */
  showGridlines?: boolean;
  /** PageLayout properties the add-in set (ExcelApi 1.9). */
  pageLayout?: Record<string, unknown>;
}

export interface SimWorkbook {
  sheets: SimSheet[];
  /** The active sheet's name. */
  active: string;
  /**
   * What range.select() last selected, or the officer clicked (a test sets it, with `active`). Excel keeps a
   * selection on every sheet; the simulation keeps the last one, and getSelectedRange() answers A1 of the
   * active sheet when it lies elsewhere.
   */
  selection: { sheet: string; address: string } | null;
  /** context.workbook.settings. */
  settings: Record<string, unknown>;
}

export interface SimConfig {
  workbook: SimWorkbook;
  /** "Excel" inside Excel; null is what office.js reports in a plain browser (Excel is then undefined). */
  host: "Excel" | null;
  /** The highest ExcelApi requirement set the simulated host supports, e.g. "1.18" or "1.12". */
  apiVersion: string;
  displayLanguage: string;
  /** Latency of one round trip, so the pane's busy states are real. */
  syncDelayMs: number;
  /** When set, the workbook is kept in sessionStorage under this key: it survives a reload of the pane. */
  persistKey: string | null;
  /** Office.context.platform: "OfficeOnline" (the default), "PC" or "Mac". */
  platform?: "OfficeOnline" | "PC" | "Mac";
  /** Whether OpenBrowserWindowApi 1.1 is supported (Windows and Mac, not the web); default false. */
  openBrowserWindow?: boolean;
}

/** What a test reads from the page (all plain data). */
export interface SimHandle {
  config: Omit<SimConfig, "workbook">;
  workbook: SimWorkbook;
  /** context.sync() calls, Excel.run batches, and queued steps dropped by a batch that ended unsynced. */
  counters: { syncs: number; runs: number; unsyncedSteps: number };
  /** How many times the add-in suspended calculation until the next sync. */
  readonly suspensions: number;
  /** Every failed sync: the error code and message. */
  failures: Array<{ code: string; message: string }>;
  /** Every step applied, in order ("write 自评表!H13 values"). */
  log: string[];
  /** Addresses given to Office.context.ui.openBrowserWindow. */
  openedUrls: string[];
  /** The workbook without empty cells, formats normalised: compare two of these for equality. */
  snapshot(): unknown;
  cell(sheet: string, address: string): SimCell | null;
  resetCounters(): void;
}

// ---- A1 addresses ------------------------------------------------------------------------------

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function a1(row: number, col: number): string {
  return colLetters(col) + row;
}

/** "A1", "A1:C3", "C:C", "3:5", with or without $ and a sheet prefix; null when it is none of those. */
function parseRect(address: string): Rect | null {
  const bare = address.replace(/^.*!/, "").replace(/\$/g, "").trim().toUpperCase();
  const [p, q = p] = bare.split(":");
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const mp = cell.exec(p);
  const mq = cell.exec(q);
  if (mp && mq) {
    const r1 = Number(mp[2]);
    const r2 = Number(mq[2]);
    const c1 = colNumber(mp[1]);
    const c2 = colNumber(mq[1]);
    if (!r1 || !r2 || r1 > MAX_ROWS || r2 > MAX_ROWS || c1 > MAX_COLS || c2 > MAX_COLS) return null;
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  if (/^[A-Z]{1,3}$/.test(p) && /^[A-Z]{1,3}$/.test(q)) {
    const c1 = colNumber(p);
    const c2 = colNumber(q);
    return { top: 1, left: Math.min(c1, c2), bottom: MAX_ROWS, right: Math.max(c1, c2) };
  }
  if (/^\d+$/.test(p) && /^\d+$/.test(q)) {
    const r1 = Number(p);
    const r2 = Number(q);
    return { top: Math.min(r1, r2), left: 1, bottom: Math.max(r1, r2), right: MAX_COLS };
  }
  return null;
}

function rectA1(r: Rect): string {
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${colLetters(r.left)}:${colLetters(r.right)}`;
  const p = a1(r.top, r.left);
  const q = a1(r.bottom, r.right);
  return p === q ? p : `${p}:${q}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * Why Excel refuses to write `input` (one value, or a matrix over `r`) into `r`, or null when it may: the write
 * reaches a covered cell (any but the top-left) of a merged area it does not hold whole, or gives such a cell a
 * value. (Excel's own words: "We can't do that to a merged cell.")
 */
function mergedWriteRefusal(merges: readonly string[], r: Rect, input: unknown): string | null {
  for (const m of merges) {
    const area = parseRect(m)!;
    if (!intersects(area, r)) continue;
    const whole = r.top <= area.top && r.left <= area.left && r.bottom >= area.bottom && r.right >= area.right;
    for (let row = Math.max(area.top, r.top); row <= Math.min(area.bottom, r.bottom); row++)
      for (let col = Math.max(area.left, r.left); col <= Math.min(area.right, r.right); col++) {
        if (row === area.top && col === area.left) continue;
        const v = Array.isArray(input) ? (input as unknown[][])[row - r.top]?.[col - r.left] : input;
        if (!whole || (v !== "" && v !== null && v !== undefined))
          return `We can't do that to a merged cell: ${a1(row, col)} is part of the merged area ${m}.`;
      }
  }
  return null;
}

/** A sheet name as Excel writes it in an address: quoted unless it is letters, digits and _ only. */
function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---- errors ------------------------------------------------------------------------------------

/** Shaped like OfficeExtension.Error: name "RichApi.Error", a code, debugInfo. */
class SimError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function notLoaded(property: string): SimError {
  return new SimError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---- values as Excel stores and shows them ------------------------------------------------------

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

type Scalar = string | number | boolean;

/**
 * What a cell holds after `input` is written to `values` (Excel's typing rules, as far as the pane needs); null
 * clears it. The jsdom fake (test/helpers/office-excel.ts) types input by this same function.
 */
function parseTyped(input: unknown, fmt: string | undefined): { v: Scalar; f?: string; err?: boolean } | null {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new SimError("InvalidArgument", `cannot write ${input}`);
    return { v: input };
  }
  if (typeof input === "boolean") return { v: input };
  if (input === null || input === undefined || input === "") return null;
  if (typeof input !== "string") throw new SimError("InvalidArgument", `cannot write a ${typeof input}`);
  const s = input;
  if (fmt === "@") return { v: s };
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (ERROR_VALUES.has(s.toUpperCase())) return { v: s.toUpperCase(), err: true };
  const t = s.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { v: Number(t) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return { v: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === "true" };
  if (/^[=+\-@]/.test(s)) return { v: 0, f: s.startsWith("=") ? s : `=${s}` };
  return { v: s };
}

/** Excel's General format: up to 11 significant characters. */
function generalText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const p = Number(n.toPrecision(10));
  return String(p);
}

function groupThousands(s: string): string {
  const [int, frac] = s.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + grouped + (frac !== undefined ? `.${frac}` : "");
}

/** `range.text`: the value as the cell shows it, for the number formats the tables use. */
function displayText(cell: SimCell | undefined): string {
  if (!cell) return "";
  const v = cell.v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = cell.fmt ?? "General";
  const pct = /^0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(fmt);
  if (fixed) {
    const s = v.toFixed(fixed[2]?.length ?? 0);
    return fixed[1] ? groupThousands(s) : s;
  }
  return generalText(v);
}

function valueType(cell: SimCell | undefined): string {
  if (!cell || (cell.v === "" && cell.f === undefined)) return "Empty";
  if (cell.err) return "Error";
  if (typeof cell.v === "number") return "Double";
  if (typeof cell.v === "boolean") return "Boolean";
  return "String";
}

// ---- a small formula evaluator: references, numbers, + - * /, parentheses, SUM ------------------

type FormulaValue = number | string | boolean;

class Unsupported extends Error {}

function evaluateFormula(formula: string, lookup: (row: number, col: number) => SimCell | undefined): FormulaValue {
  const src = formula.replace(/^=/, "").replace(/\$/g, "").toUpperCase();
  let i = 0;
  const peek = (): string => src[i] ?? "";
  const skip = () => {
    while (peek() === " ") i++;
  };
  const num = (v: FormulaValue): number => {
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (v === "") return 0;
    const n = Number(v);
    if (Number.isNaN(n)) throw new Unsupported(`text in arithmetic: ${v}`);
    return n;
  };
  const cellValue = (row: number, col: number): FormulaValue => {
    const c = lookup(row, col);
    if (c?.err) throw new Unsupported("error operand");
    return c ? c.v : 0;
  };
  const ref = (): Rect | null => {
    const m = /^([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    return parseRect(m[0]);
  };
  const primary = (): FormulaValue => {
    skip();
    if (peek() === "(") {
      i++;
      const v = expr();
      skip();
      if (peek() !== ")") throw new Unsupported("missing )");
      i++;
      return v;
    }
    if (peek() === "-") {
      i++;
      return -num(primary());
    }
    if (peek() === "+") {
      i++;
      return num(primary());
    }
    const n = /^\d+(\.\d+)?(E[+-]?\d+)?/.exec(src.slice(i));
    if (n) {
      i += n[0].length;
      return Number(n[0]);
    }
    if (src.startsWith("SUM(", i)) {
      i += 4;
      let total = 0;
      for (;;) {
        skip();
        const r = ref();
        if (r) {
          for (let row = r.top; row <= r.bottom; row++)
            for (let col = r.left; col <= r.right; col++) {
              const v = cellValue(row, col);
              if (typeof v === "number") total += v;
            }
        } else total += num(expr());
        skip();
        if (peek() === ",") {
          i++;
          continue;
        }
        if (peek() === ")") {
          i++;
          return total;
        }
        throw new Unsupported("bad SUM");
      }
    }
    const r = ref();
    if (r && r.top === r.bottom && r.left === r.right) return cellValue(r.top, r.left);
    throw new Unsupported(`cannot evaluate ${formula}`);
  };
  const term = (): FormulaValue => {
    let v = primary();
    for (;;) {
      skip();
      const op = peek();
      if (op !== "*" && op !== "/") return v;
      i++;
      const rhs = num(primary());
      if (op === "/" && rhs === 0) throw new Unsupported("#DIV/0!");
      v = op === "*" ? num(v) * rhs : num(v) / rhs;
    }
  };
  const expr = (): FormulaValue => {
    let v = term();
    for (;;) {
      skip();
      const op = peek();
      if (op !== "+" && op !== "-") return v;
      i++;
      const rhs = num(term());
      v = op === "+" ? num(v) + rhs : num(v) - rhs;
    }
  };
  const v = expr();
  skip();
  if (i !== src.length) throw new Unsupported(`trailing input in ${formula}`);
  return v;
}

// ---- the simulation: state, persistence, counters ------------------------------------------------

/** What a step does, for the log and error locations; a function when it names things resolved at sync. */
type Describe = string | (() => string);

interface Step {
  describe: Describe;
  run: () => void;
}

function described(d: Describe): string {
  return typeof d === "function" ? d() : d;
}

class Sim {
  readonly counters = { syncs: 0, runs: 0, unsyncedSteps: 0 };
  suspensions = 0;
  readonly failures: Array<{ code: string; message: string }> = [];
  readonly log: string[] = [];
  workbook: SimWorkbook;
  /** suspendApiCalculationUntilNextSync() was called in the running batch. */
  calculationSuspended = false;

  constructor(
    readonly config: SimConfig,
    shared: boolean,
  ) {
    this.workbook = this.restore() ?? (shared ? config.workbook : clone(config.workbook));
    // Cached formula results as Excel would hold them, so a restored formula recalculates to the same value.
    this.recalculate();
  }

  private restore(): SimWorkbook | null {
    if (!this.config.persistKey) return null;
    try {
      const saved = globalThis.sessionStorage.getItem(this.config.persistKey);
      return saved ? (JSON.parse(saved) as SimWorkbook) : null;
    } catch {
      return null;
    }
  }

  persist(): void {
    if (this.config.persistKey) globalThis.sessionStorage.setItem(this.config.persistKey, JSON.stringify(this.workbook));
  }

  supports(version: string): boolean {
    const have = this.config.apiVersion.split(".").map(Number);
    const want = version.split(".").map(Number);
    for (let k = 0; k < Math.max(have.length, want.length); k++) {
      const d = (want[k] ?? 0) - (have[k] ?? 0);
      if (d !== 0) return d < 0;
    }
    return true;
  }

  requireApi(version: string, what: string): void {
    if (!this.supports(version))
      throw new SimError(
        "ApiNotFound",
        `${what} needs ExcelApi ${version}; this host supports ${this.config.apiVersion}.`,
      );
  }

  findSheet(name: string | null): SimSheet | undefined {
    return name === null ? undefined : this.workbook.sheets.find((s) => s.name === name);
  }

  sheet(name: string | null): SimSheet {
    const s = this.findSheet(name);
    if (!s) throw new SimError("ItemNotFound", `The requested resource doesn't exist. (worksheet ${name})`);
    return s;
  }

  /** The sheet a cell change goes to: refused while it is protected. */
  writable(name: string | null): SimSheet {
    const s = this.sheet(name);
    if (s.protected)
      throw new SimError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
      );
    return s;
  }

  /** Recomputes every formula the evaluator understands; others keep their cached result. */
  recalculate(): void {
    for (let pass = 0; pass < 8; pass++) {
      let changed = false;
      for (const sheet of this.workbook.sheets) {
        for (const cell of Object.values(sheet.cells)) {
          if (cell.f === undefined) continue;
          try {
            const v = evaluateFormula(cell.f, (row, col) => sheet.cells[a1(row, col)]);
            if (cell.v !== v || cell.err) {
              cell.v = v;
              delete cell.err;
              changed = true;
            }
          } catch (e) {
            if (!(e instanceof Unsupported)) throw e;
            if (e.message === "#DIV/0!" && !(cell.err && cell.v === "#DIV/0!")) {
              cell.v = "#DIV/0!";
              cell.err = true;
              changed = true;
            }
          }
        }
      }
      if (!changed) return;
    }
  }

  snapshot(): unknown {
    const sheets = this.workbook.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      merges: [...s.merges].sort(),
      notes: Object.entries(s.notes).sort(([a], [b]) => (a < b ? -1 : 1)),
      frozenRows: s.frozenRows,
      cells: Object.entries(s.cells)
        .filter(
          ([, c]) =>
            c.v !== "" ||
            c.f !== undefined ||
            c.fill !== undefined ||
            c.bold ||
            c.link ||
            (c.fmt ?? "General") !== "General",
        )
        .map(([at, c]) => [at, { ...c, fmt: c.fmt ?? "General" }] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    }));
    const settings = Object.entries(this.workbook.settings).sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.parse(JSON.stringify({ sheets, settings }));
  }
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

// ---- request context and proxies ---------------------------------------------------------------

class Context {
  private steps: Step[] = [];
  /** The proxies' property stores that took a load in this sync (see ClientObject). */
  readonly loadedStores = new Set<OfficeMockObject>();
  closed = false;
  readonly workbook: WorkbookProxy;

  constructor(readonly sim: Sim) {
    this.workbook = sealed(new WorkbookProxy(this));
  }

  queue(describe: Describe, run: () => void): void {
    if (this.closed)
      throw new SimError(
        "InvalidObjectPath",
        `${described(describe)}: this object belongs to an Excel.run batch that has ended; it cannot be used in another.`,
      );
    this.steps.push({ describe, run });
  }

  async sync(): Promise<void> {
    if (this.closed) throw new SimError("InvalidRequestContext", "context.sync() after its Excel.run ended.");
    const sim = this.sim;
    sim.counters.syncs++;
    const steps = this.steps.splice(0);
    await new Promise((r) => setTimeout(r, sim.config.syncDelayMs));
    let dirty = false;
    try {
      for (const step of steps) {
        const what0 = described(step.describe);
        const reads = what0.startsWith("load");
        // Excel recalculates as it writes (unless the add-in suspended it until the sync): a load after a
        // write in the same batch sees fresh formula results.
        if (reads && dirty && !sim.calculationSuspended) {
          sim.recalculate();
          dirty = false;
        }
        try {
          step.run();
        } catch (e) {
          const where = described(step.describe);
          const err =
            e instanceof SimError ? e : new SimError("GeneralException", `${(e as Error).message} (${where})`);
          err.debugInfo.errorLocation = where;
          sim.failures.push({ code: err.code, message: `${err.message} [${where}]` });
          throw err;
        }
        const what = described(step.describe);
        if (!reads && !what.startsWith("resolve")) {
          dirty = true;
          sim.log.push(what);
        }
      }
    } finally {
      sim.calculationSuspended = false;
      sim.recalculate();
      sim.persist();
      const stores = [...this.loadedStores];
      this.loadedStores.clear();
      // office-addin-mock publishes each synced property from a promise callback of its own; they have run by
      // the time these settle (a property still unpublished would read as not loaded, never as a string).
      await Promise.all(stores.map((store) => store.sync()));
    }
  }

  /** Loads and writes still queued (lookups alone do nothing worth a sync). */
  pending(): number {
    return this.steps.filter((s) => !described(s.describe).startsWith("resolve")).length;
  }
}

/** office.js proxies reject unknown properties; so does the simulation (an assignment to a typo throws). */
function sealed<T extends object>(o: T): T {
  return Object.preventExtensions(o);
}

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  const text = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  return text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A reference to an object Excel resolves inside the batch: a sheet by name, a setting, a note, a range. */
interface Ref<T> {
  resolved: boolean;
  value: T | null;
}

/**
 * OfficeMockObject's setValue, the method its constructor fills a mock with: public in its JavaScript, private in
 * its typings (office-addin-mock is pinned at 4.0.0). The constructor's own filling cannot take the values a load
 * brings: it turns objects into nested mocks and fails on null.
 */
interface MockStore {
  setValue(property: string, value: unknown): void;
}

/** What office-addin-mock holds for a property until it was loaded and synced. */
const MOCK_NOT_READY = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);

/**
 * The base of every proxy: scalar properties read through `store`, an office-addin-mock OfficeMockObject that
 * a load step fills at sync time (with the workbook as the batch's earlier steps left it) and `context.sync()`
 * makes readable. `nullRef` makes it an XxxOrNullObject whose `isNullObject` is known only after sync.
 */
abstract class ClientObject {
  private readonly store = new OfficeMockObject();
  protected abstract readonly typeName: string;

  constructor(
    protected readonly ctx: Context,
    private readonly nullRef?: Ref<unknown>,
  ) {}

  get context(): Context {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (!this.nullRef) return false;
    if (!this.nullRef.resolved) throw notLoaded("isNullObject");
    return this.nullRef.value === null;
  }

  /** Scalar properties a bare load() brings. */
  protected abstract scalars(): readonly string[];
  /** A scalar property's current value in the workbook (called at sync). */
  protected abstract read(property: string): unknown;
  /** Navigation properties (format, fill, protection…). */
  protected child(_property: string): ClientObject | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.ctx.queue(`load ${this.typeName} ${paths.join(",") || "*"}`, () => this.loadNow(paths));
    return this;
  }

  /** Runs at sync: reads each requested property now (a null object loads nothing). */
  loadNow(paths: string[]): void {
    if (this.nullRef && this.nullRef.value === null) return;
    const wanted = paths.length ? paths : [...this.scalars()];
    const nested = new Map<string, string[]>();
    for (const p of wanted) {
      const [head, ...rest] = p.split("/");
      const child = this.child(head);
      if (child) {
        const list = nested.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        nested.set(head, list);
      } else if (this.scalars().includes(head) && rest.length === 0) {
        (this.store as unknown as MockStore).setValue(head, clone(this.read(head)));
        this.store.load(head);
        this.ctx.loadedStores.add(this.store);
      } else {
        throw new SimError("InvalidArgument", `${this.typeName} has no property "${p}" to load.`);
      }
    }
    for (const [head, rest] of nested) this.child(head)!.loadNow(rest);
  }

  protected get<T>(property: string): T {
    if (this.nullRef?.resolved && this.nullRef.value === null)
      throw new SimError("InvalidOperation", `${this.typeName}.${property}: the object is a null object.`);
    return this.stored(property) as T;
  }

  /** The store's value of `property`; PropertyNotLoaded where office-addin-mock holds its not-loaded string. */
  private stored(property: string): unknown {
    const fields = this.store as unknown as Record<string, unknown>;
    const v = fields[property];
    if (!(property in fields) || (typeof v === "string" && MOCK_NOT_READY.has(v))) throw notLoaded(property);
    return v;
  }

  /** A property assignment: visible locally at once, applied to the workbook at sync. */
  protected set(property: string, value: unknown, apply: () => void, describe: Describe): void {
    (this.store as unknown as Record<string, unknown>)[property] = value;
    this.ctx.queue(describe, apply);
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of this.scalars()) {
      try {
        out[p] = this.stored(p);
      } catch {
        // not loaded: office.js leaves it out too
      }
    }
    return out;
  }
}

// ---- workbook, settings, application ----------------------------------------------------------

class WorkbookProxy extends ClientObject {
  protected readonly typeName = "Workbook";
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  readonly application: ApplicationProxy;

  constructor(ctx: Context) {
    super(ctx);
    this.worksheets = sealed(new WorksheetCollection(ctx));
    this.settings = sealed(new SettingCollection(ctx));
    this.application = sealed(new ApplicationProxy(ctx));
  }

  protected scalars(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  /** The selected range of the active sheet (ExcelApi 1.1); one block of cells is all the simulation selects. */
  getSelectedRange(): RangeProxy {
    const sheet: Ref<string> = { resolved: false, value: null };
    const rect: Ref<Rect> = { resolved: false, value: null };
    this.ctx.queue("resolve selected range", () => {
      const wb = this.ctx.sim.workbook;
      const active = this.ctx.sim.sheet(wb.active);
      const address = wb.selection?.sheet === active.name ? wb.selection.address : "A1";
      const r = parseRect(address);
      if (!r) throw new SimError("InvalidSelection", `The current selection "${address}" is not a range.`);
      sheet.value = active.name;
      sheet.resolved = true;
      rect.value = r;
      rect.resolved = true;
    });
    return sealed(new RangeProxy(this.ctx, sheet, rect));
  }
}

class ApplicationProxy extends ClientObject {
  protected readonly typeName = "Application";

  protected scalars(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue("suspend calculation", () => {
      this.ctx.sim.requireApi("1.6", "suspendApiCalculationUntilNextSync");
      this.ctx.sim.calculationSuspended = true;
      this.ctx.sim.suspensions++;
    });
  }
}

class SettingCollection extends ClientObject {
  protected readonly typeName = "SettingCollection";

  protected scalars(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  add(key: string, value: unknown): SettingProxy {
    this.ctx.queue(`setting ${key}`, () => {
      this.ctx.sim.workbook.settings[key] = clone(value);
    });
    return sealed(new SettingProxy(this.ctx, key));
  }

  getItem(key: string): SettingProxy {
    this.ctx.queue(`resolve setting ${key}`, () => {
      if (!(key in this.ctx.sim.workbook.settings))
        throw new SimError("ItemNotFound", `The requested resource doesn't exist. (setting ${key})`);
    });
    return sealed(new SettingProxy(this.ctx, key));
  }

  getItemOrNullObject(key: string): SettingProxy {
    const ref: Ref<string> = { resolved: false, value: null };
    this.ctx.queue(`resolve setting ${key}`, () => {
      ref.resolved = true;
      ref.value = key in this.ctx.sim.workbook.settings ? key : null;
    });
    return sealed(new SettingProxy(this.ctx, key, ref));
  }
}

class SettingProxy extends ClientObject {
  protected readonly typeName = "Setting";

  constructor(
    ctx: Context,
    private readonly settingKey: string,
    nullRef?: Ref<string>,
  ) {
    super(ctx, nullRef as Ref<unknown> | undefined);
  }

  protected scalars(): readonly string[] {
    return ["key", "value"];
  }

  protected read(property: string): unknown {
    return property === "key" ? this.settingKey : this.ctx.sim.workbook.settings[this.settingKey];
  }

  get key(): string {
    return this.get("key");
  }

  get value(): unknown {
    return this.get("value");
  }

  set value(v: unknown) {
    const key = this.settingKey;
    this.set("value", v, () => (this.ctx.sim.workbook.settings[key] = clone(v)), `setting ${key}`);
  }

  delete(): void {
    const key = this.settingKey;
    this.ctx.queue(`delete setting ${key}`, () => {
      if (!(key in this.ctx.sim.workbook.settings))
        throw new SimError("ItemNotFound", `The requested resource doesn't exist. (setting ${key})`);
      delete this.ctx.sim.workbook.settings[key];
    });
  }
}

// ---- worksheets --------------------------------------------------------------------------------

class WorksheetCollection extends ClientObject {
  protected readonly typeName = "WorksheetCollection";
  private loadedItems: WorksheetProxy[] | null = null;

  protected scalars(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  override loadNow(paths: string[]): void {
    const sub: string[] = [];
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (head !== "items") throw new SimError("InvalidArgument", `WorksheetCollection has no property "${p}".`);
      if (rest.length) sub.push(rest.join("/"));
    }
    this.loadedItems = this.ctx.sim.workbook.sheets.map((s) => {
      const ws = sealed(new WorksheetProxy(this.ctx, { resolved: true, value: s.name }, false));
      ws.loadNow(sub);
      return ws;
    });
  }

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  private sheetRef(describe: string, resolve: () => string | null, nullable: boolean): WorksheetProxy {
    const ref: Ref<string> = { resolved: false, value: null };
    this.ctx.queue(`resolve ${describe}`, () => {
      ref.value = resolve();
      ref.resolved = true;
    });
    return sealed(new WorksheetProxy(this.ctx, ref, nullable));
  }

  getItem(name: string): WorksheetProxy {
    return this.sheetRef(`worksheet ${name}`, () => this.ctx.sim.sheet(name).name, false);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return this.sheetRef(`worksheet ${name}`, () => this.ctx.sim.findSheet(name)?.name ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return this.sheetRef("active worksheet", () => this.ctx.sim.sheet(this.ctx.sim.workbook.active).name, false);
  }

  private visible(visibleOnly: boolean | undefined): SimSheet[] {
    const list = this.ctx.sim.workbook.sheets.filter((s) => !visibleOnly || s.visibility === "Visible");
    if (list.length === 0) throw new SimError("ItemNotFound", "There is no such worksheet.");
    return list;
  }

  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return this.sheetRef("first worksheet", () => this.visible(visibleOnly)[0].name, false);
  }

  getLast(visibleOnly?: boolean): WorksheetProxy {
    return this.sheetRef(
      "last worksheet",
      () => {
        const list = this.visible(visibleOnly);
        return list[list.length - 1].name;
      },
      false,
    );
  }

  add(name?: string): WorksheetProxy {
    const sim = this.ctx.sim;
    return this.sheetRef(
      `add worksheet ${name ?? ""}`,
      () => {
        let wanted = name;
        if (!wanted) for (let k = 1; !wanted || sim.findSheet(wanted); k++) wanted = `Sheet${k}`;
        if (wanted.length > 31 || /[\\/?*[\]:]/.test(wanted))
          throw new SimError("InvalidArgument", `"${wanted}" is not a valid sheet name.`);
        if (sim.workbook.sheets.some((s) => s.name.toLowerCase() === wanted!.toLowerCase()))
          throw new SimError("ItemAlreadyExists", `A sheet named "${wanted}" already exists.`);
        sim.workbook.sheets.push(simSheet(wanted));
        sim.log.push(`add worksheet ${wanted}`);
        return wanted;
      },
      false,
    );
  }
}

class WorksheetProtectionProxy extends ClientObject {
  protected readonly typeName = "WorksheetProtection";

  constructor(
    ctx: Context,
    private readonly sheet: Ref<string>,
  ) {
    super(ctx);
  }

  protected scalars(): readonly string[] {
    return ["protected"];
  }

  protected read(): unknown {
    return this.ctx.sim.sheet(this.sheet.value).protected;
  }

  get protected(): boolean {
    return this.get("protected");
  }
}

class FreezePanesProxy extends ClientObject {
  protected readonly typeName = "WorksheetFreezePanes";

  constructor(
    ctx: Context,
    private readonly sheet: Ref<string>,
  ) {
    super(ctx);
  }

  protected scalars(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  freezeRows(count: number): void {
    this.ctx.queue(`freeze ${count} rows`, () => {
      this.ctx.sim.sheet(this.sheet.value).frozenRows = count;
    });
  }
}

class PageLayoutProxy extends ClientObject {
  protected readonly typeName = "PageLayout";
  private static readonly PROPERTIES = [
    "orientation",
    "paperSize",
    "topMargin",
    "bottomMargin",
    "leftMargin",
    "rightMargin",
    "centerHorizontally",
    "zoom",
  ] as const;

  constructor(
    ctx: Context,
    private readonly sheet: Ref<string>,
  ) {
    super(ctx);
    // office.js exposes each property with a setter; the simulation defines them on the instance before sealing.
    for (const property of PageLayoutProxy.PROPERTIES) {
      Object.defineProperty(this, property, {
        get: () => this.get(property),
        set: (v: unknown) =>
          this.set(
            property,
            v,
            () => {
              this.ctx.sim.requireApi("1.9", `PageLayout.${property}`);
              const s = this.ctx.sim.sheet(this.sheet.value);
              (s.pageLayout ??= {})[property] = v;
            },
            () => `page ${this.sheet.value ?? "?"} ${property} ${String(v)}`,
          ),
      });
    }
  }

  protected scalars(): readonly string[] {
    return PageLayoutProxy.PROPERTIES;
  }

  protected read(property: string): unknown {
    this.ctx.sim.requireApi("1.9", "PageLayout");
    return this.ctx.sim.sheet(this.sheet.value).pageLayout?.[property] ?? null;
  }

  setPrintTitleRows(rows: string): void {
    this.ctx.sim.requireApi("1.9", "PageLayout.setPrintTitleRows");
    this.ctx.queue(`page ${this.sheet.value ?? "?"} print titles ${rows}`, () => {
      const s = this.ctx.sim.sheet(this.sheet.value);
      (s.pageLayout ??= {}).printTitleRows = rows;
    });
  }
}

class WorksheetProxy extends ClientObject {
  protected readonly typeName = "Worksheet";
  private protectionProxy: WorksheetProtectionProxy | null = null;
  private notesProxy: NoteCollection | null = null;
  private freezeProxy: FreezePanesProxy | null = null;
  private pageLayoutProxy: PageLayoutProxy | null = null;

  constructor(
    ctx: Context,
    readonly ref: Ref<string>,
    nullable: boolean,
  ) {
    super(ctx, nullable ? (ref as Ref<unknown>) : undefined);
  }

  protected scalars(): readonly string[] {
    return ["name", "visibility", "position", "showGridlines"];
  }

  protected read(property: string): unknown {
    const s = this.ctx.sim.sheet(this.ref.value);
    if (property === "name") return s.name;
    if (property === "visibility") return s.visibility;
    if (property === "showGridlines") {
      this.ctx.sim.requireApi("1.8", "Worksheet.showGridlines");
      return s.showGridlines ?? true;
    }
    return this.ctx.sim.workbook.sheets.indexOf(s);
  }

  get showGridlines(): boolean {
    return this.get("showGridlines");
  }

  set showGridlines(v: boolean) {
    this.set(
      "showGridlines",
      v,
      () => {
        this.ctx.sim.requireApi("1.8", "Worksheet.showGridlines");
        this.ctx.sim.sheet(this.ref.value).showGridlines = Boolean(v);
      },
      () => `gridlines ${this.ref.value ?? "?"} ${v}`,
    );
  }

  get pageLayout(): PageLayoutProxy {
    return (this.pageLayoutProxy ??= sealed(new PageLayoutProxy(this.ctx, this.ref)));
  }

  protected override child(property: string): ClientObject | undefined {
    return property === "protection" ? this.protection : undefined;
  }

  get name(): string {
    return this.get("name");
  }

  get position(): number {
    return this.get("position");
  }

  get visibility(): SimVisibility {
    return this.get("visibility");
  }

  set visibility(v: SimVisibility) {
    this.set(
      "visibility",
      v,
      () => {
        const s = this.ctx.sim.sheet(this.ref.value);
        if (
          v !== "Visible" &&
          this.ctx.sim.workbook.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
        )
          throw new SimError("InvalidOperation", "A workbook must keep at least one visible sheet.");
        s.visibility = v;
      },
      () => `visibility ${this.ref.value ?? "?"} ${v}`,
    );
  }

  get protection(): WorksheetProtectionProxy {
    return (this.protectionProxy ??= sealed(new WorksheetProtectionProxy(this.ctx, this.ref)));
  }

  get freezePanes(): FreezePanesProxy {
    return (this.freezeProxy ??= sealed(new FreezePanesProxy(this.ctx, this.ref)));
  }

  get notes(): NoteCollection {
    return (this.notesProxy ??= sealed(new NoteCollection(this.ctx, this.ref)));
  }

  getRange(address?: string): RangeProxy {
    const rect: Ref<Rect> = { resolved: false, value: null };
    this.ctx.queue(`resolve range ${address ?? ""}`, () => {
      this.ctx.sim.sheet(this.ref.value);
      const r = address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseRect(address);
      if (!r) throw new SimError("InvalidArgument", `"${address}" is not a valid range address.`);
      rect.value = r;
      rect.resolved = true;
    });
    return sealed(new RangeProxy(this.ctx, this.ref, rect));
  }

  private usedRect(valuesOnly: boolean): Rect | null {
    const s = this.ctx.sim.sheet(this.ref.value);
    let box: Rect | null = null;
    for (const [at, c] of Object.entries(s.cells)) {
      const hasContent = c.v !== "" || c.f !== undefined;
      const hasFormat = c.fill !== undefined || (c.fmt ?? "General") !== "General" || Boolean(c.bold);
      if (!hasContent && (valuesOnly || !hasFormat)) continue;
      const r = parseRect(at)!;
      box = box
        ? {
            top: Math.min(box.top, r.top),
            left: Math.min(box.left, r.left),
            bottom: Math.max(box.bottom, r.top),
            right: Math.max(box.right, r.left),
          }
        : r;
    }
    return box;
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const rect: Ref<Rect> = { resolved: false, value: null };
    this.ctx.queue("resolve used range", () => {
      rect.value = this.usedRect(Boolean(valuesOnly)) ?? { top: 1, left: 1, bottom: 1, right: 1 };
      rect.resolved = true;
    });
    return sealed(new RangeProxy(this.ctx, this.ref, rect));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const rect: Ref<Rect> = { resolved: false, value: null };
    this.ctx.queue("resolve used range", () => {
      rect.value = this.usedRect(Boolean(valuesOnly));
      rect.resolved = true;
    });
    return sealed(new RangeProxy(this.ctx, this.ref, rect, true));
  }

  activate(): void {
    this.ctx.queue(
      () => `activate ${this.ref.value ?? "?"}`,
      () => {
        const s = this.ctx.sim.sheet(this.ref.value);
        if (s.visibility !== "Visible")
          throw new SimError("InvalidOperation", `Cannot activate hidden sheet ${s.name}.`);
        this.ctx.sim.workbook.active = s.name;
      },
    );
  }

  delete(): void {
    this.ctx.queue(
      () => `delete worksheet ${this.ref.value ?? "?"}`,
      () => {
        const sim = this.ctx.sim;
        const s = sim.sheet(this.ref.value);
        const others = sim.workbook.sheets.filter((x) => x !== s && x.visibility === "Visible");
        if (others.length === 0) throw new SimError("InvalidOperation", "Cannot delete the only visible sheet.");
        sim.workbook.sheets.splice(sim.workbook.sheets.indexOf(s), 1);
        if (sim.workbook.active === s.name) sim.workbook.active = others[0].name;
        if (sim.workbook.selection?.sheet === s.name) sim.workbook.selection = null;
        sim.log.push(`delete worksheet ${s.name}`);
      },
    );
  }
}

// ---- notes (ExcelApi 1.18) ---------------------------------------------------------------------

function noteAddress(target: unknown): string {
  if (typeof target === "string") {
    const r = parseRect(target);
    if (!r || r.top !== r.bottom || r.left !== r.right)
      throw new SimError("InvalidArgument", `A note goes on one cell, not "${target}".`);
    return a1(r.top, r.left);
  }
  if (target instanceof RangeProxy) return target.topLeftA1();
  throw new SimError("InvalidArgument", "notes.add needs a cell address or a Range.");
}

class NoteCollection extends ClientObject {
  protected readonly typeName = "NoteCollection";

  constructor(
    ctx: Context,
    private readonly sheet: Ref<string>,
  ) {
    super(ctx);
  }

  protected scalars(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  add(cellAddress: unknown, content: unknown): NoteProxy {
    const ref: Ref<string> = { resolved: false, value: null };
    this.ctx.queue(
      () => `add note ${this.sheet.value ?? "?"}!${String(cellAddress)}`,
      () => {
        const sim = this.ctx.sim;
        sim.requireApi("1.18", "notes.add");
        const s = sim.writable(this.sheet.value);
        const at = noteAddress(cellAddress);
        if (at in s.notes) throw new SimError("InvalidArgument", `The cell ${at} already has a note.`);
        s.notes[at] = String(content);
        ref.value = at;
        ref.resolved = true;
      },
    );
    return sealed(new NoteProxy(this.ctx, this.sheet, ref));
  }

  private lookup(key: unknown, nullable: boolean): NoteProxy {
    const ref: Ref<string> = { resolved: false, value: null };
    this.ctx.queue(`resolve note ${String(key)}`, () => {
      const sim = this.ctx.sim;
      sim.requireApi("1.18", "notes.getItem");
      const s = sim.sheet(this.sheet.value);
      const at = noteAddress(key);
      ref.resolved = true;
      ref.value = at in s.notes ? at : null;
      if (!nullable && ref.value === null) throw new SimError("ItemNotFound", `There is no note at ${at}.`);
    });
    return sealed(new NoteProxy(this.ctx, this.sheet, ref, nullable));
  }

  getItem(key: unknown): NoteProxy {
    return this.lookup(key, false);
  }

  getItemOrNullObject(key: unknown): NoteProxy {
    return this.lookup(key, true);
  }
}

class NoteProxy extends ClientObject {
  protected readonly typeName = "Note";

  constructor(
    ctx: Context,
    private readonly sheet: Ref<string>,
    private readonly at: Ref<string>,
    nullable = false,
  ) {
    super(ctx, nullable ? (at as Ref<unknown>) : undefined);
  }

  protected scalars(): readonly string[] {
    return ["content", "authorName"];
  }

  protected read(property: string): unknown {
    const s = this.ctx.sim.sheet(this.sheet.value);
    return property === "content" ? s.notes[this.at.value!] : "Ziping";
  }

  get content(): string {
    return this.get("content");
  }

  set content(v: string) {
    this.set(
      "content",
      v,
      () => {
        const s = this.ctx.sim.writable(this.sheet.value);
        if (this.at.value === null || !(this.at.value in s.notes))
          throw new SimError("ItemNotFound", "The note no longer exists.");
        s.notes[this.at.value] = String(v);
      },
      () => `note ${this.sheet.value ?? "?"}!${this.at.value ?? "?"} content`,
    );
  }

  delete(): void {
    this.ctx.queue(
      () => `delete note ${this.sheet.value ?? "?"}!${this.at.value ?? "?"}`,
      () => {
        const s = this.ctx.sim.writable(this.sheet.value);
        if (this.at.value === null || !(this.at.value in s.notes))
          throw new SimError("ItemNotFound", "The note no longer exists.");
        delete s.notes[this.at.value];
      },
    );
  }
}

// ---- ranges ------------------------------------------------------------------------------------

/** Excel's cap on one read (TOOLCHAIN: past it, `values` comes back null on the web). */
const READ_CELL_CAP = 5_000_000;

class RangeProxy extends ClientObject {
  protected readonly typeName = "Range";
  private formatProxy: RangeFormatProxy | null = null;
  private worksheetProxy: WorksheetProxy | null = null;

  constructor(
    ctx: Context,
    readonly sheet: Ref<string>,
    readonly rect: Ref<Rect>,
    nullable = false,
  ) {
    super(ctx, nullable ? (rect as Ref<unknown>) : undefined);
  }

  /** The resolved rectangle (only inside a step). */
  r(): Rect {
    if (!this.rect.value) throw new SimError("InvalidOperation", "The range is a null object.");
    return this.rect.value;
  }

  topLeftA1(): string {
    const r = this.r();
    return a1(r.top, r.left);
  }

  private where(): string {
    return `${this.sheet.value ?? "?"}!${this.rect.value ? rectA1(this.rect.value) : "?"}`;
  }

  protected scalars(): readonly string[] {
    return [
      "address",
      "addressLocal",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "formulas",
      "numberFormat",
      "valueTypes",
      "text",
      "hyperlink",
    ];
  }

  /** A matrix over the rectangle, or null past Excel's read cap. */
  private matrix<T>(f: (cell: SimCell | undefined) => T): T[][] | null {
    const r = this.r();
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (rows * cols > READ_CELL_CAP) return null;
    const s = this.ctx.sim.sheet(this.sheet.value);
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => f(s.cells[a1(r.top + i, r.left + j)])),
    );
  }

  protected read(property: string): unknown {
    const r = this.r();
    const s = this.ctx.sim.sheet(this.sheet.value);
    switch (property) {
      case "address":
      case "addressLocal":
        return `${sheetPrefix(s.name)}!${rectA1(r)}`;
      case "rowIndex":
        return r.top - 1;
      case "columnIndex":
        return r.left - 1;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "cellCount":
        return (r.bottom - r.top + 1) * (r.right - r.left + 1);
      case "values":
        return this.matrix((c) => (c ? c.v : ""));
      case "formulas":
        return this.matrix((c) => (c?.f !== undefined ? c.f : c ? c.v : ""));
      case "numberFormat":
        return this.matrix((c) => c?.fmt ?? "General");
      case "valueTypes":
        return this.matrix(valueType);
      case "text":
        return this.matrix(displayText);
      case "hyperlink": {
        const link = s.cells[a1(r.top, r.left)]?.link;
        return link ? { documentReference: link } : null;
      }
      default:
        throw new SimError("InvalidArgument", `Range.${property}`);
    }
  }

  protected override child(property: string): ClientObject | undefined {
    if (property === "format") return this.format;
    return property === "worksheet" ? this.worksheet : undefined;
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get text(): string[][] {
    return this.get("text");
  }

  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(v: Scalar[][]) {
    this.set(
      "values",
      v,
      () => this.writeCells(v, "values"),
      () => `write ${this.where()} values`,
    );
  }

  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(v: Scalar[][]) {
    this.set(
      "formulas",
      v,
      () => this.writeCells(v, "formulas"),
      () => `write ${this.where()} formulas`,
    );
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.set(
      "numberFormat",
      v,
      () => this.writeCells(v, "numberFormat"),
      () => `write ${this.where()} numberFormat`,
    );
  }

  get hyperlink(): { documentReference?: string; textToDisplay?: string } | null {
    return this.get("hyperlink");
  }
  set hyperlink(link: { documentReference?: string; textToDisplay?: string; address?: string } | null) {
    this.set(
      "hyperlink",
      link,
      () => {
        this.ctx.sim.requireApi("1.7", "Range.hyperlink");
        this.eachCell(true, (cell) => {
          if (!link) delete cell.link;
          else {
            if (!link.documentReference && !link.address)
              throw new SimError("InvalidArgument", "A hyperlink needs an address or a documentReference.");
            cell.link = link.documentReference ?? link.address;
            if (link.textToDisplay !== undefined) {
              delete cell.f;
              delete cell.err;
              cell.v = link.textToDisplay;
            }
          }
        });
      },
      () => `write ${this.where()} hyperlink`,
    );
  }

  get format(): RangeFormatProxy {
    return (this.formatProxy ??= sealed(new RangeFormatProxy(this.ctx, this)));
  }

  /** The worksheet the range is on (Range.worksheet). */
  get worksheet(): WorksheetProxy {
    return (this.worksheetProxy ??= sealed(new WorksheetProxy(this.ctx, this.sheet, false)));
  }

  /**
   * One cell by its offset from the range's top-left cell (Range.getCell): it may lie outside the range, as long
   * as it is on the sheet.
   */
  getCell(row: number, column: number): RangeProxy {
    const rect: Ref<Rect> = { resolved: false, value: null };
    this.ctx.queue(`resolve cell (${row}, ${column}) of a range`, () => {
      const r = this.r();
      const top = r.top + row;
      const left = r.left + column;
      if (
        !Number.isInteger(row) ||
        !Number.isInteger(column) ||
        top < 1 ||
        left < 1 ||
        top > MAX_ROWS ||
        left > MAX_COLS
      )
        throw new SimError("InvalidArgument", `getCell(${row}, ${column}) lies outside the sheet.`);
      rect.value = { top, left, bottom: top, right: left };
      rect.resolved = true;
    });
    return sealed(new RangeProxy(this.ctx, this.sheet, rect));
  }

  /** Runs `change` on every cell of the rectangle (creating entries), after the protection check. */
  eachCell(touchesContent: boolean, change: (cell: SimCell, i: number, j: number) => void): void {
    const s = touchesContent ? this.ctx.sim.writable(this.sheet.value) : this.ctx.sim.sheet(this.sheet.value);
    const r = this.r();
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100000)
      throw new SimError("InvalidArgument", `The simulation does not write ${rectA1(r)} cell by cell.`);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const at = a1(row, col);
        const cell = s.cells[at] ?? { v: "" };
        change(cell, row - r.top, col - r.left);
        if (cell.v === "" && cell.f === undefined && !cell.fill && !cell.fmt && !cell.bold && !cell.link)
          delete s.cells[at];
        else s.cells[at] = cell;
      }
    }
  }

  /** Runs `change` on the layout of every cell of the rectangle, after the protection check. */
  eachLayout(change: (layout: SimLayout) => void): void {
    const s = this.ctx.sim.writable(this.sheet.value);
    const r = this.r();
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100000)
      throw new SimError("InvalidArgument", `The simulation does not lay out ${rectA1(r)} cell by cell.`);
    const layout = (s.layout ??= {});
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) change((layout[a1(row, col)] ??= {}));
  }

  private writeCells(input: unknown, what: "values" | "formulas" | "numberFormat"): void {
    const r = this.r();
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const matrix = Array.isArray(input);
    if (matrix) {
      const m = input as unknown[];
      if (m.length !== rows || m.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new SimError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} for ${rectA1(r)}).`,
        );
    }
    const at = (i: number, j: number): unknown => (matrix ? (input as unknown[][])[i][j] : input);
    if (what !== "numberFormat") {
      const refusal = mergedWriteRefusal(this.ctx.sim.writable(this.sheet.value).merges, r, input);
      if (refusal) throw new SimError("InvalidArgument", refusal);
    }
    this.eachCell(true, (cell, i, j) => {
      const v = at(i, j);
      if (what === "numberFormat") {
        const fmt = String(v);
        if (fmt === "General") delete cell.fmt;
        else cell.fmt = fmt;
        return;
      }
      const parsed =
        what === "formulas" && typeof v === "string" && v.startsWith("=") && cell.fmt !== "@"
          ? { v: 0 as Scalar, f: v }
          : parseTyped(v, cell.fmt);
      delete cell.f;
      delete cell.err;
      if (!parsed) cell.v = "";
      else Object.assign(cell, parsed);
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    const areas: Ref<string[]> = { resolved: false, value: null };
    this.ctx.queue(
      () => `resolve merged areas of ${this.where()}`,
      () => {
        this.ctx.sim.requireApi("1.13", "getMergedAreasOrNullObject");
        const r = this.r();
        const s = this.ctx.sim.sheet(this.sheet.value);
        const found = s.merges.filter((m) => intersects(parseRect(m)!, r));
        areas.value = found.length ? found : null;
        areas.resolved = true;
      },
    );
    return sealed(new RangeAreasProxy(this.ctx, this.sheet, areas));
  }

  merge(across?: boolean): void {
    this.ctx.queue(
      () => `merge ${this.where()}${across ? " across" : ""}`,
      () => {
        const s = this.ctx.sim.writable(this.sheet.value);
        const r = this.r();
        const rows = across ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => r.top + i) : [r.top];
        for (const top of rows) {
          const area = { ...r, top, bottom: across ? top : r.bottom };
          if (s.merges.some((m) => intersects(parseRect(m)!, area)))
            throw new SimError("InvalidOperation", `${rectA1(area)} overlaps a merged area.`);
          s.merges.push(rectA1(area));
        }
      },
    );
  }

  select(): void {
    this.ctx.queue(
      () => `select ${this.where()}`,
      () => {
        const s = this.ctx.sim.sheet(this.sheet.value);
        // Like Excel on the web: select() does not switch sheets; activate() must come first.
        this.ctx.sim.workbook.selection = { sheet: s.name, address: rectA1(this.r()) };
      },
    );
  }
}

class RangeAreasProxy extends ClientObject {
  protected readonly typeName = "RangeAreas";

  constructor(
    ctx: Context,
    private readonly sheet: Ref<string>,
    private readonly areas: Ref<string[]>,
  ) {
    super(ctx, areas as Ref<unknown>);
  }

  protected scalars(): readonly string[] {
    return ["address", "areaCount"];
  }

  protected read(property: string): unknown {
    const list = this.areas.value ?? [];
    if (property === "areaCount") return list.length;
    const prefix = sheetPrefix(this.ctx.sim.sheet(this.sheet.value).name);
    return list.map((m) => `${prefix}!${m}`).join(",");
  }

  get address(): string {
    return this.get("address");
  }

  get areaCount(): number {
    return this.get("areaCount");
  }
}

class RangeFormatProxy extends ClientObject {
  protected readonly typeName = "RangeFormat";
  private fillProxy: RangeFillProxy | null = null;
  private fontProxy: RangeFontProxy | null = null;
  private bordersProxy: BorderCollection | null = null;

  constructor(
    ctx: Context,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }

  protected scalars(): readonly string[] {
    return ["wrapText", "verticalAlignment", "horizontalAlignment", "columnWidth", "rowHeight"];
  }

  protected read(property: string): unknown {
    const s = this.ctx.sim.sheet(this.range.sheet.value);
    const r = this.range.r();
    if (property === "columnWidth") return s.columnWidths[colLetters(r.left)] ?? 48;
    if (property === "rowHeight") return s.rowHeights?.[String(r.top)] ?? 15;
    const layout = s.layout?.[a1(r.top, r.left)];
    if (property === "wrapText") return layout?.wrapText ?? false;
    return (property === "verticalAlignment" ? layout?.verticalAlignment : layout?.horizontalAlignment) ?? "General";
  }

  protected override child(property: string): ClientObject | undefined {
    if (property === "fill") return this.fill;
    if (property === "font") return this.font;
    return undefined;
  }

  get fill(): RangeFillProxy {
    return (this.fillProxy ??= sealed(new RangeFillProxy(this.ctx, this.range)));
  }

  get font(): RangeFontProxy {
    return (this.fontProxy ??= sealed(new RangeFontProxy(this.ctx, this.range)));
  }

  get borders(): BorderCollection {
    return (this.bordersProxy ??= sealed(new BorderCollection(this.ctx, this.range)));
  }

  /** Layout of every cell in the range, kept in the sheet's layout map (not in its cells). */
  private layout(property: keyof SimLayout, value: unknown): void {
    this.set(
      property,
      value,
      () => this.range.eachLayout((layout) => ((layout as Record<string, unknown>)[property] = value)),
      `format ${property} ${String(value)}`,
    );
  }

  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.layout("wrapText", v);
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.layout("verticalAlignment", v);
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.layout("horizontalAlignment", v);
  }

  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set rowHeight(v: number) {
    this.set(
      "rowHeight",
      v,
      () => {
        if (!(typeof v === "number" && v >= 0 && v <= 409))
          throw new SimError("InvalidArgument", `${v} is not a row height (0 to 409 points).`);
        const s = this.ctx.sim.writable(this.range.sheet.value);
        const r = this.range.r();
        if (r.bottom - r.top > 100000)
          throw new SimError("InvalidArgument", "The simulation sets row heights row by row.");
        for (let row = r.top; row <= r.bottom; row++) (s.rowHeights ??= {})[String(row)] = v;
      },
      `format rowHeight ${v}`,
    );
  }

  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.set(
      "columnWidth",
      v,
      () => {
        const s = this.ctx.sim.writable(this.range.sheet.value);
        const r = this.range.r();
        for (let c = r.left; c <= r.right; c++) s.columnWidths[colLetters(c)] = v;
      },
      `format columnWidth ${v}`,
    );
  }
}

class RangeFillProxy extends ClientObject {
  protected readonly typeName = "RangeFill";

  constructor(
    ctx: Context,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }

  protected scalars(): readonly string[] {
    return ["color", "pattern"];
  }

  /** Of a multi-cell range Excel reports null when the cells differ; the add-in reads single cells. */
  protected read(property: string): unknown {
    const r = this.range.r();
    const s = this.ctx.sim.sheet(this.range.sheet.value);
    const fills = new Set<string | undefined>();
    for (let row = r.top; row <= Math.min(r.bottom, r.top + 1000); row++)
      for (let col = r.left; col <= Math.min(r.right, r.left + 100); col++) fills.add(s.cells[a1(row, col)]?.fill);
    if (fills.size > 1) return null;
    const fill = [...fills][0];
    if (property === "pattern") {
      this.ctx.sim.requireApi("1.9", "RangeFill.pattern");
      return fill ? "Solid" : "None";
    }
    return fill ?? "#FFFFFF";
  }

  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set(
      "color",
      v,
      () => {
        if (!/^#[0-9A-F]{6}$/i.test(v)) throw new SimError("InvalidArgument", `"${v}" is not a colour.`);
        this.range.eachCell(true, (cell) => (cell.fill = v.toUpperCase()));
      },
      `format fill ${v}`,
    );
  }

  get pattern(): string {
    return this.get("pattern");
  }

  clear(): void {
    this.ctx.queue("format fill clear", () => this.range.eachCell(true, (cell) => delete cell.fill));
  }
}

class RangeFontProxy extends ClientObject {
  protected readonly typeName = "RangeFont";

  constructor(
    ctx: Context,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }

  protected scalars(): readonly string[] {
    return ["bold", "size", "name", "color"];
  }

  protected read(property: string): unknown {
    const r = this.range.r();
    const s = this.ctx.sim.sheet(this.range.sheet.value);
    const cell = s.cells[a1(r.top, r.left)];
    const layout = s.layout?.[a1(r.top, r.left)];
    if (property === "bold") return Boolean(cell?.bold);
    if (property === "name") return layout?.fontName ?? "等线";
    if (property === "color") return layout?.fontColor ?? "#000000";
    return layout?.fontSize ?? 11;
  }

  /** A font property kept in the sheet's layout map. */
  private layout(property: "fontName" | "fontSize" | "fontColor", value: unknown, check: () => void): void {
    this.set(
      property,
      value,
      () => {
        check();
        this.range.eachLayout((layout) => ((layout as Record<string, unknown>)[property] = value));
      },
      `format ${property} ${String(value)}`,
    );
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.layout("fontName", v, () => {
      if (typeof v !== "string" || v === "") throw new SimError("InvalidArgument", "A font needs a name.");
    });
  }

  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.layout("fontColor", v, () => {
      if (!/^#[0-9A-F]{6}$/i.test(v)) throw new SimError("InvalidArgument", `"${v}" is not a colour.`);
    });
  }

  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.set(
      "bold",
      v,
      () =>
        this.range.eachCell(true, (cell) => {
          if (v) cell.bold = true;
          else delete cell.bold;
        }),
      `format bold ${v}`,
    );
  }

  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    this.layout("fontSize", v, () => {
      if (!(typeof v === "number" && v >= 1 && v <= 409))
        throw new SimError("InvalidArgument", `${v} is not a font size.`);
    });
  }
}

class BorderCollection extends ClientObject {
  protected readonly typeName = "RangeBorderCollection";

  constructor(
    ctx: Context,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }

  protected scalars(): readonly string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }

  getItem(index: string): BorderProxy {
    return sealed(new BorderProxy(this.ctx, this.range, index));
  }
}

class BorderProxy extends ClientObject {
  protected readonly typeName = "RangeBorder";

  constructor(
    ctx: Context,
    private readonly range: RangeProxy,
    private readonly side: string,
  ) {
    super(ctx);
  }

  protected scalars(): readonly string[] {
    return ["style"];
  }

  protected read(): unknown {
    return "None";
  }

  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.set("style", v, () => this.range.eachCell(true, () => undefined), `format border ${this.side} ${v}`);
  }
}

// ---- the globals office.js defines -------------------------------------------------------------

/** The simulation with the globals office.js defines, not yet installed anywhere. */
export interface ExcelSim {
  handle: SimHandle;
  /** `Office`, `OfficeExtension` and (inside Excel) `Excel`, as office.js defines them on the page. */
  globals: Record<string, unknown>;
  /** A request context outside Excel.run, as a unit test hands one to the gateway. */
  context(): unknown;
}

/**
 * The simulation over `config.workbook`: a copy of it, or with `shared` the very object, so a test in Node
 * sees every change the add-in makes and may change cells between batches. The page keeps a copy (and, with
 * `persistKey`, sessionStorage's).
 */
export function createExcelSim(config: SimConfig, shared = false): ExcelSim {
  const sim = new Sim(config, shared);
  const { workbook: _initial, ...rest } = config;

  const handle: SimHandle = {
    config: rest,
    get workbook() {
      return sim.workbook;
    },
    counters: sim.counters,
    get suspensions() {
      return sim.suspensions;
    },
    failures: sim.failures,
    log: sim.log,
    openedUrls: [],
    snapshot: () => sim.snapshot(),
    cell: (sheet, address) => {
      const s = sim.findSheet(sheet);
      const r = parseRect(address);
      return s && r ? (s.cells[a1(r.top, r.left)] ?? null) : null;
    },
    resetCounters: () => {
      sim.counters.syncs = 0;
      sim.counters.runs = 0;
      sim.counters.unsyncedSteps = 0;
      sim.suspensions = 0;
      sim.failures.length = 0;
      sim.log.length = 0;
    },
  };

  const inExcel = config.host === "Excel";
  const HostType = { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote" };
  const platform = config.platform ?? "OfficeOnline";
  const info = inExcel ? { host: "Excel", platform } : { host: null, platform: null };
  const ready = new Promise<typeof info>((resolve) => setTimeout(() => resolve(info), 0));
  const globals: Record<string, unknown> = {};
  globals.Office = {
    HostType,
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    onReady(callback?: (i: typeof info) => void) {
      return ready.then((i) => {
        callback?.(i);
        return i;
      });
    },
    context: inExcel
      ? {
          // Read when asked, so a test may change the host's language or version after installing it.
          get displayLanguage() {
            return config.displayLanguage;
          },
          get contentLanguage() {
            return config.displayLanguage;
          },
          platform,
          requirements: {
            isSetSupported: (name: string, version?: string) =>
              (name === "ExcelApi" && sim.supports(version ?? "1.1")) ||
              (name === "OpenBrowserWindowApi" && config.openBrowserWindow === true && (version ?? "1.1") === "1.1"),
          },
          ui: {
            openBrowserWindow(url: string) {
              if (config.openBrowserWindow !== true)
                throw new SimError("ApiNotFound", "openBrowserWindow is not supported.");
              if (!/^https?:\/\//.test(url))
                throw new SimError("InvalidArgument", "openBrowserWindow takes http(s) addresses only.");
              handle.openedUrls.push(url);
            },
          },
        }
      : {},
  };
  globals.OfficeExtension = {
    Error: SimError,
    ErrorCodes: { itemNotFound: "ItemNotFound", accessDenied: "AccessDenied" },
  };
  if (inExcel) {
    globals.Excel = {
      run: async <T>(first: unknown, second?: (ctx: Context) => Promise<T>): Promise<T> => {
        const batch = (typeof first === "function" ? first : second) as (ctx: Context) => Promise<T>;
        const ctx = new Context(sim);
        sim.counters.runs++;
        try {
          return await batch(ctx);
        } finally {
          // Steps queued after the batch's last sync are not applied here; the counter lets a test insist on none.
          sim.counters.unsyncedSteps += ctx.pending();
          ctx.closed = true;
        }
      },
      ErrorCodes: { itemNotFound: "ItemNotFound", accessDenied: "AccessDenied" },
    };
  }
  return { handle, globals, context: () => new Context(sim) };
}

/** office.js for the page: the simulation's globals on `window`, and its handle as `window.__excelSim`. */
export function installExcelSim(config: SimConfig): SimHandle {
  const { handle, globals } = createExcelSim(config);
  Object.assign(window, globals, { __excelSim: handle });
  return handle;
}
