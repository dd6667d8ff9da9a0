/**
 * The host-neutral worksheet grid the engine reads: values, cached formula results, number formats and
 * merged ranges, addressed 1-based like Excel (row 1, column 1 = A1). Gateways build it; the domain only reads it.
 */

/** An Excel error value such as #DIV/0! or #REF!, kept as data rather than thrown. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

export interface Cell {
  /** The value, or for a formula cell its cached result (null when the workbook holds none). */
  value: CellValue;
  /** The formula without its leading "=", when the cell holds one. */
  formula?: string;
  /** Excel number format code ("0.00%", "#,##0.00", "General"). */
  numFmt?: string;
}

/** A rectangular range, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The worksheet's name as Excel shows it. */
  name: string;
  /** Last used row and column (1-based); 0 for an empty sheet. */
  rowCount: number;
  colCount: number;
  /** The cell at (row, col), or undefined when it is empty and unformatted. */
  cell(row: number, col: number): Cell | undefined;
  merges: CellRange[];
  /**
   * False when the host could not report merged areas (Excel below ExcelApi 1.13): `merges` is then empty
   * whatever the sheet holds. Absent or true: `merges` is the sheet's own list (the xlsx gateway always knows).
   */
  mergesKnown?: boolean;
  /** True when the host reports the sheet as protected. */
  protected?: boolean;
  /** True for a hidden or very hidden sheet: never read as the 自评表 while a visible sheet holds one. */
  hidden?: boolean;
  /** Formula cells (A1) the file held no result for, whose value Ziping computed from the formula. */
  calculated?: string[];
  /** Formula cells (A1) the file held no result for and Ziping could not compute: their value is null. */
  uncalculated?: string[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const LETTERS: string[] = [];

export function toA1(row: number, col: number): string {
  // Addresses are made for every cell the engine reads: cache the column part.
  const letters = col < 1024 ? (LETTERS[col] ??= columnLetters(col)) : columnLetters(col);
  return letters + row;
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** A grid over a sparse map, used by gateways and tests alike. */
export class MapGrid implements Grid {
  readonly merges: CellRange[];
  rowCount = 0;
  colCount = 0;
  mergesKnown?: boolean;
  protected?: boolean;
  hidden?: boolean;
  calculated?: string[];
  uncalculated?: string[];
  /**
   * The cells by row, then by column: a lookup is two array reads. (A Map keyed by row × 16384 + column was a
   * tenth of a 200,000-row table's check: past row 65,535 such a key is no small integer, and each lookup made one.)
   * Plain data, so that a grid survives a structured clone (the web page's worker sends its grids so).
   */
  private readonly rows: Array<Array<Cell | undefined> | undefined> = [];
  private stored = 0;

  constructor(
    readonly name: string,
    merges: CellRange[] = [],
  ) {
    this.merges = merges;
  }

  set(row: number, col: number, cell: Cell): this {
    let cells = this.rows[row];
    if (cells === undefined) this.rows[row] = cells = [];
    if (cells[col] === undefined) this.stored++;
    cells[col] = cell;
    if (row > this.rowCount) this.rowCount = row;
    if (col > this.colCount) this.colCount = col;
    return this;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  /** How many cells are stored. */
  get size(): number {
    return this.stored;
  }

  /**
   * Every stored cell, row by row; for tests and gateways. By the arrays' own keys (ascending, as integer keys are
   * listed), not by index: a row holding only A1 and XFD1 is two cells, not 16,384 indices.
   */
  *entries(): IterableIterator<{ row: number; col: number; cell: Cell }> {
    for (const r of Object.keys(this.rows)) {
      const cells = this.rows[Number(r)]!;
      for (const c of Object.keys(cells)) yield { row: Number(r), col: Number(c), cell: cells[Number(c)]! };
    }
  }
}

/**
 * Builds a grid from rows of plain values (row 1 first). A string starting with "=" is not special here:
 * tests give formulas explicitly as { value, formula } cells.
 */
export function gridFromRows(
  name: string,
  rows: ReadonlyArray<ReadonlyArray<CellValue | Cell | undefined>>,
  merges: Array<CellRange | string> = [],
): MapGrid {
  const grid = new MapGrid(
    name,
    merges.map((m) => (typeof m === "string" ? parseRange(m) : m)),
  );
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === undefined || v === null || v === "") return;
      const cell: Cell = typeof v === "object" && !(v instanceof Date) && "value" in v ? v : { value: v as CellValue };
      grid.set(r + 1, c + 1, cell);
    }),
  );
  return grid;
}

export function parseRange(a1: string): CellRange {
  const [a, b = a] = a1.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
