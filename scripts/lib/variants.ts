/**
 * Drawing and expectation helpers for the variant corpus (scripts/make-variants.ts): a pen that writes
 * merged, bordered cells by A1 range, a drawer for blocks with one- or two-row headers, and the shape of
 * NAME.expected.json, which states role by role how the table must be read and what a reviewer concludes.
 */
import { mkdirSync, writeFileSync } from "fs";
import { dirname } from "path";
import type ExcelJS from "exceljs";
import type { BudgetRole, GoalRole, IndicatorRole } from "../../src/domain/reading";
import { ERROR_RULES, WARNING_RULES, type RuleId, type Writes } from "./expected";
import { columnLetter, type CellInput, type Layout, type TableMap } from "./template";

// ---------------------------------------------------------------------------------------------------
// Expected results
// ---------------------------------------------------------------------------------------------------

export type Severity = "error" | "warning" | "info";

export interface VariantFinding {
  rule: RuleId;
  /** A1 address; the top-left cell of a merged area. */
  cell: string;
  severity: Severity;
}

export type Columns<R extends string> = Partial<Record<R, string>>;

export interface VariantReading {
  /** A grid with a header row (or two), or label/value pairs (the value cells). */
  budget: { headerRows: [number, number]; columns: Columns<BudgetRole> } | { pairs: Columns<BudgetRole> };
  goal?: { headerRows: [number, number]; columns: Columns<GoalRole> };
  indicator: { headerRows: [number, number]; rows: [number, number]; columns: Columns<IndicatorRole> };
  weights: "column" | "headings" | "none";
  /** The reported 总分's cell; absent when the table states none. */
  total?: string;
  /** 一级 blocks in order, with the weight the table states for them (label "(50分)"), or null. */
  blocks: Array<{ level1: string; weight: number | null }>;
}

export interface VariantExpected {
  description: string;
  family: string;
  sheet: string;
  layout: Layout;
  reading: VariantReading;
  /** 执行率 as a fraction, compared at 1e-4. */
  budget: { rate: number };
  /** 总分 as the rules compute it (compared at 0.01) and its 等级. */
  total: { computed: number; grade: "优" | "良" | "中" | "差" };
  findings: VariantFinding[];
  absent: RuleId[];
  /** What the write plan must put where, and nothing else (A1 on the table's sheet), by hand from the inputs. */
  writes: Writes;
  /** Every cell the rules compute, as drawn: a plan may write these and no other. */
  computedCells: string[];
}

const SEVERITY: Record<string, Severity> = Object.fromEntries([
  ...ERROR_RULES.map((r) => [r, "error"] as const),
  ...WARNING_RULES.map((r) => [r, "warning"] as const),
]);

export function severityOf(rule: RuleId): Severity {
  return SEVERITY[rule] ?? "warning";
}

/** Every error and warning rule except the ones named. */
export function rulesExcept(...present: RuleId[]): RuleId[] {
  return [...ERROR_RULES, ...WARNING_RULES].filter((rule) => !present.includes(rule));
}

export function writeVariantExpected(path: string, expected: VariantExpected): void {
  const clash = expected.findings.find((f) => expected.absent.includes(f.rule));
  if (clash) throw new Error(`${path}: rule ${clash.rule} is both expected and absent`);
  const stray = Object.keys(expected.writes).find((a1) => !expected.computedCells.includes(a1));
  if (stray) throw new Error(`${path}: writes ${stray}, which is not a computed cell of the table`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(expected, null, 2)}\n`, "utf8");
}

/**
 * A hand-written expectation checked against where the drawing put things, so that an address or a column
 * letter typed into an expected file cannot drift from the workbook.
 */
export function same<T>(what: string, literal: T, drawn: T): T {
  if (canonical(literal) !== canonical(drawn))
    throw new Error(`${what}: expected ${canonical(literal)} but the table drew ${canonical(drawn)}`);
  return literal;
}

/** JSON with object keys sorted, so that two maps compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** "H14" → "H". */
export function letters(a1: string): string {
  return a1.replace(/\d+$/, "");
}

/** Role → column letter of a table drawn by template.ts, for the fields it has. */
export function templateColumns(map: TableMap, layout: Layout) {
  const budget: Columns<BudgetRole> = {
    label: letters(map.budget(0, "label")),
    initial: letters(map.budget(0, "initial")),
    planned: letters(map.budget(0, "adjusted")),
    executed: letters(map.budget(0, "executed")),
    weight: letters(map.budget(0, "weight")),
    rate: letters(map.budget(0, "rate")),
    score: letters(map.budget(0, "score")),
  };
  if (layout === "sichuan") budget.reason = letters(map.budget(0, "reason"));
  const indicator: Columns<IndicatorRole> = {
    level1: letters(map.indicator(0, "level1")),
    level2: letters(map.indicator(0, "level2")),
    name: letters(map.indicator(0, "name")),
    target: letters(map.indicator(0, "target")),
    actual: letters(map.indicator(0, "actual")),
    weight: letters(map.indicator(0, "weight")),
    score: letters(map.indicator(0, "score")),
    reason: letters(map.indicator(0, "reason")),
  };
  if (layout === "sichuan") {
    indicator.nature = letters(map.indicator(0, "nature"));
    indicator.unit = letters(map.indicator(0, "unit"));
  }
  const goal: Columns<GoalRole> = { expected: letters(map.goal(0, "expected")), actual: letters(map.goal(0, "actual")) };
  return { budget, indicator, goal };
}

// ---------------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------------

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10 };
export const HEAD_FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10, bold: true };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 16, bold: true };

export interface Look {
  font?: Partial<ExcelJS.Font>;
  numFmt?: string;
  horizontal?: ExcelJS.Alignment["horizontal"];
  border?: boolean;
}

export function columnNumber(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(range: string): Box {
  const [a, b = a] = range.split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`bad address ${s}`);
    return { row: Number(m[2]), col: columnNumber(m[1]) };
  };
  const p = cell(a);
  const q = cell(b);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

function isFormula(v: CellInput): v is { formula: string; result: number | string } {
  return typeof v === "object" && v !== null;
}

/** Writes cells by A1 range: merged, bordered and styled the way published tables are. */
export class Pen {
  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** Puts `value` into the top-left cell of `range` (merging the range) and styles every cell of it. */
  put(range: string, value: CellInput, look: Look = {}): string {
    const box = parseRange(range);
    if (box.bottom > box.top || box.right > box.left) this.ws.mergeCells(box.top, box.left, box.bottom, box.right);
    const owner = this.ws.getCell(box.top, box.left);
    owner.value = value;
    const numeric = typeof value === "number" || (isFormula(value) && typeof value.result === "number");
    const longText = typeof value === "string" && value.length > 12;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const cell = this.ws.getCell(r, c);
        cell.font = look.font ?? BODY_FONT;
        cell.alignment = {
          vertical: "middle",
          horizontal: look.horizontal ?? (numeric ? "right" : longText ? "left" : "center"),
          wrapText: true,
        };
        if (look.border !== false) cell.border = BORDER;
        if (look.numFmt && numeric) cell.numFmt = look.numFmt;
      }
    return `${columnLetter(box.left)}${box.top}`;
  }

  head(range: string, text: string | null): string {
    return this.put(range, text, { font: HEAD_FONT, horizontal: "center" });
  }

  text(range: string, text: CellInput): string {
    return this.put(range, text, { horizontal: "left" });
  }

  title(range: string, text: string): void {
    this.put(range, text, { font: TITLE_FONT, border: false, horizontal: "center" });
    this.ws.getRow(parseRange(range).top).height = 30;
  }

  plain(range: string, text: string): void {
    this.put(range, text, { border: false, horizontal: "left", font: { name: "宋体", size: 11 } });
  }

  widths(widths: number[]): void {
    widths.forEach((w, i) => {
      this.ws.getColumn(i + 1).width = w;
    });
  }
}

/** A column of a block: the field drawn in it, where it sits, and its header. */
export interface ColumnSpec {
  /** The data field (a role name for role columns, anything else for columns that carry none). */
  key: string;
  /** "D" or "I:J". */
  at: string;
  /** Header text; null leaves the header cell blank. */
  label: string | null;
  /** Two-row headers: the merged parent above this child (adjacent columns with the same parent share it). */
  parent?: string;
  /** Number format of numeric values in this column. */
  numFmt?: string;
  /** Alignment of the values (numbers right, long texts left, the rest centred by default). */
  horizontal?: ExcelJS.Alignment["horizontal"];
}

export type Line = Record<string, CellInput | undefined>;

export interface GridSpec {
  /** First header row. */
  top: number;
  /** A block title merged down the block's first column ("项目资金（万元）", "绩效指标"). */
  blockLabel?: { at: string; text: string };
  headerDepth: 1 | 2;
  columns: ColumnSpec[];
  lines: Line[];
  /** Fields whose equal runs are merged down (一级, then 二级 within it). */
  mergeRuns?: string[];
  rowHeight?: number;
}

export interface DrawnGrid {
  headerRows: [number, number];
  rows: number[];
  /** A1 of a field on the i-th data row (the top-left of a merged run). */
  cell(index: number, key: string): string;
  /** Role → column letter for the columns whose key is one of `roles`. */
  columns<R extends string>(roles: readonly R[]): Columns<R>;
  /** The row after the block. */
  next: number;
}

function span(at: string, top: number, bottom = top): string {
  const [first, last = first] = at.split(":");
  return first === last && top === bottom ? `${first}${top}` : `${first}${top}:${last}${bottom}`;
}

/** Draws a block: header (one or two rows, parents merged over their children) and one row per line. */
export function drawGrid(pen: Pen, spec: GridSpec): DrawnGrid {
  const headerRows: [number, number] = [spec.top, spec.top + spec.headerDepth - 1];
  const rows = spec.lines.map((_, i) => headerRows[1] + 1 + i);
  const last = rows.length ? rows[rows.length - 1] : headerRows[1];
  if (spec.blockLabel) pen.head(span(spec.blockLabel.at, spec.top, last), spec.blockLabel.text);

  // Header.
  const done = new Set<string>();
  spec.columns.forEach((col, i) => {
    if (spec.headerDepth === 1 || !col.parent) {
      pen.head(span(col.at, headerRows[0], headerRows[1]), col.label);
      return;
    }
    pen.head(span(col.at, headerRows[1]), col.label);
    if (done.has(col.parent)) return;
    done.add(col.parent);
    let j = i;
    while (j + 1 < spec.columns.length && spec.columns[j + 1].parent === col.parent) j++;
    const first = col.at.split(":")[0];
    const lastCol = spec.columns[j].at.split(":").pop()!;
    pen.head(`${first}${headerRows[0]}:${lastCol}${headerRows[0]}`, col.parent);
  });
  for (let r = headerRows[0]; r <= headerRows[1]; r++) pen.ws.getRow(r).height = 28;

  // Data rows, with the fields in mergeRuns merged down over equal runs.
  const runKey = (line: Line, upTo: number) =>
    (spec.mergeRuns ?? [])
      .slice(0, upTo + 1)
      .map((k) => String(line[k] ?? ""))
      .join("\u0000");
  const owners = new Map<string, string>();
  spec.lines.forEach((line, i) => {
    const row = rows[i];
    for (const col of spec.columns) {
      const level = (spec.mergeRuns ?? []).indexOf(col.key);
      if (level >= 0) {
        const key = runKey(line, level);
        if (i > 0 && runKey(spec.lines[i - 1], level) === key) {
          owners.set(`${i}:${col.key}`, owners.get(`${i - 1}:${col.key}`)!);
          continue;
        }
        let n = 1;
        while (i + n < spec.lines.length && runKey(spec.lines[i + n], level) === key) n++;
        owners.set(`${i}:${col.key}`, pen.put(span(col.at, row, row + n - 1), line[col.key] ?? null));
        continue;
      }
      const value = line[col.key] ?? null;
      owners.set(
        `${i}:${col.key}`,
        pen.put(span(col.at, row), value, { numFmt: col.numFmt, horizontal: col.horizontal }),
      );
    }
    pen.ws.getRow(row).height = spec.rowHeight ?? 30;
  });

  return {
    headerRows,
    rows,
    cell(index, key) {
      const a1 = owners.get(`${index}:${key}`);
      if (!a1) throw new Error(`no field ${key} on line ${index}`);
      return a1;
    },
    columns<R extends string>(roles: readonly R[]) {
      const out: Columns<R> = {};
      for (const col of spec.columns)
        if ((roles as readonly string[]).includes(col.key)) out[col.key as R] = col.at.split(":")[0];
      return out;
    },
    next: last + 1,
  };
}

export const FORMAT = { amount: "#,##0.00", rate: "0.00%", score: "0.00", plain: "General" } as const;
