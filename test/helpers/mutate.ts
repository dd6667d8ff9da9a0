/**
 * Grid surgery for property tests: copy a grid, damage the copy the way officers and their tools damage
 * 自评表 (cells blanked, text typed over numbers, rows inserted and deleted, merges added, labels misspelt,
 * numbers as text, full-width digits, #DIV/0! and #REF!), and apply a write plan's values to a copy.
 * Mutations are plain data so fast-check can shrink them and print the exact input that broke something.
 */
import fc from "fast-check";
import { checkWorkbook, type CheckDetail } from "../../src/domain";
import {
  MapGrid,
  parseA1,
  rangeToA1,
  type Cell,
  type CellRange,
  type CellValue,
  type Grid,
} from "../../src/domain/grid";
import type { Slot } from "../../src/domain/table";
import type { PlannedValue } from "../../src/domain/types";

/** A stored cell, picked by its index among the grid's non-empty cells (modulo their count). */
export interface CellPick {
  pick: number;
}

export type Mutation =
  | ({ kind: "blank" } & CellPick)
  | ({ kind: "text"; text: string } & CellPick)
  | ({ kind: "number"; value: number } & CellPick)
  | ({ kind: "error"; error: string } & CellPick)
  | ({ kind: "numberAsText"; style: number } & CellPick)
  | ({ kind: "fullWidth" } & CellPick)
  | ({ kind: "misspell"; how: number; at: number } & CellPick)
  | ({ kind: "formula"; keep: boolean } & CellPick)
  | ({ kind: "other"; value: "date" | "true" | "false" | "empty-string" | "spaces" | "newline" } & CellPick)
  | { kind: "insertRow"; at: number; count: number }
  | { kind: "deleteRow"; at: number; count: number }
  | { kind: "insertCol"; at: number }
  | { kind: "deleteCol"; at: number }
  | ({ kind: "merge"; down: number; right: number } & CellPick)
  | { kind: "unmerge"; index: number }
  | { kind: "setAt"; row: number; col: number; text: string }
  | { kind: "rename"; name: string };

/** Text officers leave in cells, labels of other columns, formula-looking text and long noise. */
export const INJECTED_TEXT = [
  "",
  " ",
  "无",
  "/",
  "—",
  "……",
  "指标1",
  "(100字以内)",
  "完成",
  "达成年度指标",
  "部分达成年度指标并具有一定效果",
  "未达成年度指标且效果较差",
  "见附表",
  "=SUM(A1:A3)",
  "+1",
  "-",
  "@备注",
  "#DIV/0!",
  "#REF!",
  "得分",
  "分值",
  "总分",
  "合计",
  "自评等级",
  "年度资金总额",
  "三级指标",
  "一级指标",
  "产出指标",
  "满意度指标（10分）",
  "全年预算数",
  "全年执行数",
  "执行率",
  "实际完成值",
  "年度指标值",
  "偏差原因分析及改进措施",
  "预期目标",
  "实际完成情况",
  "≥100%",
  "≤90万元",
  "=0起",
  "12个月",
  "１２０",
  "３,３７８．３０",
  "1e308",
  "-1e308",
  "NaN",
  "Infinity",
  "100%%",
  "50分",
  "2019年完成",
  "\u3000",
  "a\u0000b",
  "项".repeat(400),
];

export const ERROR_VALUES = ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"];

/** Edge numbers: 9.99999999999999e307 is the largest Excel stores; 1e308 only a hand-made file holds. */
export const ODD_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  100,
  120,
  1e-9,
  5e-324,
  -5e-324,
  1e15,
  9.99999999999999e307,
  -9.99999999999999e307,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  0.1 + 0.2,
];

const pick = fc.nat({ max: 100_000 }).map((n) => ({ pick: n }));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: pick.map((p): Mutation => ({ kind: "blank", ...p })) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(pick, fc.oneof(fc.constantFrom(...INJECTED_TEXT), fc.string({ maxLength: 12 })))
      .map(([p, text]): Mutation => ({ kind: "text", text, ...p })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(pick, fc.oneof(fc.constantFrom(...ODD_NUMBERS), fc.double({ min: -1e6, max: 1e6, noNaN: true })))
      .map(([p, value]): Mutation => ({ kind: "number", value, ...p })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(pick, fc.constantFrom(...ERROR_VALUES))
      .map(([p, error]): Mutation => ({ kind: "error", error, ...p })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(pick, fc.nat({ max: 7 }))
      .map(([p, style]): Mutation => ({ kind: "numberAsText", style, ...p })),
  },
  { weight: 2, arbitrary: pick.map((p): Mutation => ({ kind: "fullWidth", ...p })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(pick, fc.nat({ max: 6 }), fc.nat({ max: 50 }))
      .map(([p, how, at]): Mutation => ({ kind: "misspell", how, at, ...p })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(pick, fc.boolean()).map(([p, keep]): Mutation => ({ kind: "formula", keep, ...p })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        pick,
        fc.constantFrom(
          "date" as const,
          "true" as const,
          "false" as const,
          "empty-string" as const,
          "spaces" as const,
          "newline" as const,
        ),
      )
      .map(([p, value]): Mutation => ({ kind: "other", value, ...p })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 3 }))
      .map(([at, count]): Mutation => ({ kind: "insertRow", at, count })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 3 }))
      .map(([at, count]): Mutation => ({ kind: "deleteRow", at, count })),
  },
  { weight: 1, arbitrary: fc.nat({ max: 12 }).map((at): Mutation => ({ kind: "insertCol", at })) },
  { weight: 1, arbitrary: fc.nat({ max: 12 }).map((at): Mutation => ({ kind: "deleteCol", at })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(pick, fc.nat({ max: 3 }), fc.nat({ max: 3 }))
      .map(([p, down, right]): Mutation => ({ kind: "merge", down, right, ...p })),
  },
  { weight: 1, arbitrary: fc.nat({ max: 100 }).map((index): Mutation => ({ kind: "unmerge", index })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 14 }), fc.constantFrom(...INJECTED_TEXT))
      .map(([row, col, text]): Mutation => ({ kind: "setAt", row, col, text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("自评表 (2023)'s", "Sheet1", "附表1", "自评表", "'引号'")
      .map((name): Mutation => ({ kind: "rename", name })),
  },
);

/** A grid whose cells can be listed and rebuilt: what every mutation works on. */
interface Editable {
  name: string;
  cells: Map<number, Cell>;
  merges: CellRange[];
  protected?: boolean;
}

const KEY = 16384;
const key = (row: number, col: number) => row * KEY + col;

function editable(grid: Grid): Editable {
  const cells = new Map<number, Cell>();
  for (let r = 1; r <= grid.rowCount; r++)
    for (let c = 1; c <= grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell) cells.set(key(r, c), copyCell(cell));
    }
  return { name: grid.name, cells, merges: grid.merges.map((m) => ({ ...m })), protected: grid.protected };
}

function copyCell(cell: Cell): Cell {
  const value =
    cell.value instanceof Date
      ? new Date(cell.value.getTime())
      : typeof cell.value === "object" && cell.value !== null
        ? { ...cell.value }
        : cell.value;
  const copy: Cell = { value };
  if (cell.formula !== undefined) copy.formula = cell.formula;
  if (cell.numFmt !== undefined) copy.numFmt = cell.numFmt;
  return copy;
}

function build(e: Editable): MapGrid {
  const grid = new MapGrid(e.name, e.merges);
  if (e.protected !== undefined) grid.protected = e.protected;
  for (const k of [...e.cells.keys()].sort((a, b) => a - b)) {
    const row = Math.floor(k / KEY);
    const col = k % KEY;
    if (row >= 1 && col >= 1) grid.set(row, col, e.cells.get(k)!);
  }
  return grid;
}

const FULL_WIDTH: Record<string, string> = { ".": "．", ",": "，", "%": "％", "-": "－", "+": "＋" };

export function toFullWidth(s: string): string {
  return s.replace(/[0-9.,%+-]/g, (ch) => FULL_WIDTH[ch] ?? String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Ways a number ends up typed as text in a submitted table. */
function numberText(n: number, style: number): string {
  const fixed = Number.isFinite(n) ? n.toFixed(2) : String(n);
  switch (style) {
    case 0:
      return String(n);
    case 1:
      return Number(fixed).toLocaleString("en-US", { minimumFractionDigits: 2 });
    case 2:
      return ` ${n} `;
    case 3:
      return `${fixed}万元`;
    case 4:
      return `${(n * 100).toFixed(2)}%`;
    case 5:
      return toFullWidth(fixed);
    case 6:
      return `'${n}`;
    default:
      return `${n}分`;
  }
}

/** One typo of a label: a character dropped, doubled or swapped, a space or line break inside, a unit appended, a wrong character. */
function misspell(text: string, how: number, at: number): string {
  if (text.length === 0) return "得份";
  const i = at % text.length;
  switch (how) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + text[i] + text.slice(i);
    case 2:
      return i + 1 < text.length ? text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2) : text + text[0];
    case 3:
      return text.slice(0, i) + " " + text.slice(i);
    case 4:
      return text.slice(0, i) + "\n" + text.slice(i);
    case 5:
      return `${text}（万元）`;
    default: {
      const typo = text
        .replace(/得分/g, "得份")
        .replace(/分值/g, "分数")
        .replace(/执行/g, "支行")
        .replace(/指标/g, "指摽");
      return typo === text ? `${text}?` : typo;
    }
  }
}

function pickedKey(e: Editable, p: CellPick): number | undefined {
  if (e.cells.size === 0) return undefined;
  const keys = [...e.cells.keys()].sort((a, b) => a - b);
  return keys[p.pick % keys.length];
}

function shiftRows(e: Editable, at: number, by: number): void {
  const cells = new Map<number, Cell>();
  for (const [k, cell] of e.cells) {
    const row = Math.floor(k / KEY);
    const col = k % KEY;
    if (by < 0 && row >= at && row < at - by) continue; // deleted
    const moved = row >= at ? row + by : row;
    cells.set(key(moved, col), cell);
  }
  e.cells = cells;
  e.merges = e.merges.flatMap((m): CellRange[] => {
    if (by > 0) {
      if (m.top >= at) return [{ ...m, top: m.top + by, bottom: m.bottom + by }];
      if (m.bottom >= at) return [{ ...m, bottom: m.bottom + by }];
      return [m];
    }
    const lo = at;
    const hi = at - by - 1; // deleted rows lo..hi
    const keep = (r: number) => r < lo || r > hi;
    const map = (r: number) => (r > hi ? r + by : r);
    const rows = [];
    for (let r = m.top; r <= m.bottom; r++) if (keep(r)) rows.push(map(r));
    if (rows.length === 0) return [];
    const next = { ...m, top: rows[0], bottom: rows[rows.length - 1] };
    return next.top === next.bottom && next.left === next.right ? [] : [next];
  });
}

function shiftCols(e: Editable, at: number, by: 1 | -1): void {
  const cells = new Map<number, Cell>();
  for (const [k, cell] of e.cells) {
    const row = Math.floor(k / KEY);
    const col = k % KEY;
    if (by < 0 && col === at) continue;
    cells.set(key(row, col >= at ? col + by : col), cell);
  }
  e.cells = cells;
  e.merges = e.merges.flatMap((m): CellRange[] => {
    if (by > 0) {
      if (m.left >= at) return [{ ...m, left: m.left + 1, right: m.right + 1 }];
      if (m.right >= at) return [{ ...m, right: m.right + 1 }];
      return [m];
    }
    if (m.left === at && m.right === at) return [];
    const next = { ...m, left: m.left > at ? m.left - 1 : m.left, right: m.right >= at ? m.right - 1 : m.right };
    return next.top === next.bottom && next.left === next.right ? [] : [next];
  });
}

const overlaps = (a: CellRange, b: CellRange) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

function apply(e: Editable, m: Mutation): void {
  switch (m.kind) {
    case "insertRow": {
      const rows = maxRow(e);
      shiftRows(e, 1 + (m.at % Math.max(rows, 1)), m.count);
      return;
    }
    case "deleteRow": {
      const rows = maxRow(e);
      if (rows > 0) shiftRows(e, 1 + (m.at % rows), -m.count);
      return;
    }
    case "insertCol":
      shiftCols(e, 1 + (m.at % Math.max(maxCol(e), 1)), 1);
      return;
    case "deleteCol": {
      const cols = maxCol(e);
      if (cols > 0) shiftCols(e, 1 + (m.at % cols), -1);
      return;
    }
    case "unmerge":
      if (e.merges.length) e.merges.splice(m.index % e.merges.length, 1);
      return;
    case "setAt":
      e.cells.set(key(m.row, m.col), { value: m.text });
      return;
    case "rename":
      e.name = m.name;
      return;
  }

  const k = pickedKey(e, m);
  if (k === undefined) return;
  const row = Math.floor(k / KEY);
  const col = k % KEY;
  const cell = e.cells.get(k)!;
  const numeric = typeof cell.value === "number" ? cell.value : Number.NaN;
  const text =
    typeof cell.value === "string"
      ? cell.value
      : cell.value === null
        ? ""
        : String(
            cell.value instanceof Date
              ? cell.value.toISOString()
              : typeof cell.value === "object"
                ? cell.value.error
                : cell.value,
          );
  const put = (value: CellValue, keepFormula = false) => {
    const next: Cell = { value };
    if (keepFormula && cell.formula !== undefined) next.formula = cell.formula;
    if (cell.numFmt !== undefined) next.numFmt = cell.numFmt;
    e.cells.set(k, next);
  };
  switch (m.kind) {
    case "blank":
      e.cells.delete(k);
      return;
    case "text":
      put(m.text);
      return;
    case "number":
      put(m.value);
      return;
    case "error":
      // A formula that now fails keeps its formula; a plain cell holds the error value itself.
      put({ error: m.error }, true);
      return;
    case "numberAsText":
      put(
        Number.isNaN(numeric)
          ? numberText(Number(text.replace(/[^\d.-]/g, "")) || 0, m.style)
          : numberText(numeric, m.style),
      );
      return;
    case "fullWidth":
      put(toFullWidth(Number.isNaN(numeric) ? text : String(numeric)));
      return;
    case "misspell":
      put(misspell(text, m.how, m.at));
      return;
    case "formula":
      if (m.keep) e.cells.set(k, { ...cell, formula: cell.formula ?? `A${row}+0` });
      else {
        const next = { ...cell };
        delete next.formula;
        e.cells.set(k, next);
      }
      return;
    case "other": {
      const v: Record<typeof m.value, CellValue> = {
        date: new Date(Date.UTC(2023, 11, 31)),
        true: true,
        false: false,
        "empty-string": "",
        spaces: "   ",
        newline: `${text}\n`,
      };
      put(v[m.value]);
      return;
    }
    case "merge": {
      if (m.down === 0 && m.right === 0) return;
      const range: CellRange = { top: row, left: col, bottom: row + m.down, right: col + m.right };
      // What Excel does when merging: the overlapping merges go, only the top-left value stays.
      e.merges = e.merges.filter((x) => !overlaps(x, range));
      e.merges.push(range);
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) if (r !== row || c !== col) e.cells.delete(key(r, c));
      return;
    }
  }
}

function maxRow(e: Editable): number {
  let n = 0;
  for (const k of e.cells.keys()) n = Math.max(n, Math.floor(k / KEY));
  return n;
}

function maxCol(e: Editable): number {
  let n = 0;
  for (const k of e.cells.keys()) n = Math.max(n, k % KEY);
  return n;
}

/** A damaged copy of the grid (with no mutations, a deep copy); the original is untouched. */
export function mutateGrid(grid: Grid, mutations: readonly Mutation[]): MapGrid {
  const e = editable(grid);
  for (const m of mutations) apply(e, m);
  return build(e);
}

/**
 * The grid after writing the plan's values the way a gateway does: the value (a string stays text), the
 * planned number format, the formula gone (the engine only plans for cells without one). A new grid.
 */
export function applyPlanValues(grid: Grid, values: readonly PlannedValue[]): MapGrid {
  const e = editable(grid);
  for (const v of values) {
    const { row, col } = parseA1(v.cell);
    const before = e.cells.get(key(row, col));
    const cell: Cell = { value: v.value };
    const numFmt = v.numFmt ?? before?.numFmt;
    if (numFmt !== undefined) cell.numFmt = numFmt;
    e.cells.set(key(row, col), cell);
  }
  return build(e);
}

/** Every stored cell as a comparable string (dates by time, errors by code). */
export function gridSnapshot(grid: Grid): string {
  const parts: string[] = [`${grid.name}|${grid.rowCount}x${grid.colCount}|${JSON.stringify(grid.merges)}`];
  for (let r = 1; r <= grid.rowCount; r++)
    for (let c = 1; c <= grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell)
        parts.push(
          `${r},${c}:${JSON.stringify(cell.value instanceof Date ? { date: cell.value.getTime() } : cell.value)}|${cell.formula ?? ""}|${cell.numFmt ?? ""}`,
        );
    }
  return parts.join("\n");
}

/**
 * Every cell of the table model with the roles it plays ("indicator 14 weight", "total score"), "sheet!A1"
 * keys. Input roles are what an officer types (DOMAIN §2): budget labels and amounts, goal texts, indicator
 * names, targets, actuals, weights, reasons, block labels and stated weights, the 总分 label and weight, the
 * grade label. Computed roles are the only cells a plan may write: the budget total row's 执行率 and 得分,
 * indicator 得分, block subtotals, 总分 and 等级. A merged area can give one cell several roles.
 */
export function tableRoles(detail: CheckDetail): Map<string, Array<{ role: string; input: boolean }>> {
  const roles = new Map<string, Array<{ role: string; input: boolean }>>();
  const t = detail.table;
  if (!t) return roles;
  const add = (s: Slot | undefined, role: string, input: boolean) => {
    if (!s) return;
    const at = `${t.sheet}!${s.a1}`;
    const list = roles.get(at) ?? [];
    // The block label is every indicator's level1Slot: one role however many rows repeat it.
    if (!list.some((r) => r.role === role)) list.push({ role, input });
    roles.set(at, list);
  };
  const total = t.budgetRows.find((b) => b.kind === "total");
  t.budgetRows.forEach((b, i) => {
    const row = `budget row ${i + 1}`;
    add(b.labelSlot, `${row} label`, true);
    add(b.initial, `${row} 年初预算数`, true);
    add(b.planned, `${row} 全年预算数`, true);
    add(b.executed, `${row} 全年执行数`, true);
    add(b.weight, `${row} 分值`, true);
    add(b.reason, `${row} 原因`, true);
    if (b === total) {
      add(b.rate, "budget 执行率", false);
      add(b.score, "budget 得分", false);
    }
  });
  t.goals.forEach((g, i) => {
    add(g.expected, `goal ${i + 1} 预期目标`, true);
    add(g.actual, `goal ${i + 1} 实际完成情况`, true);
  });
  for (const i of t.indicators) {
    const row = `indicator ${i.row}`;
    add(i.level1Slot, `block ${i.level1} label`, true);
    add(i.name, `${row} 三级指标`, true);
    add(i.nature, `${row} 指标性质`, true);
    add(i.unit, `${row} 度量单位`, true);
    add(i.target, `${row} 年度指标值`, true);
    add(i.actual, `${row} 实际完成值`, true);
    add(i.weight, `${row} 分值`, true);
    add(i.coefficient, `${row} 得分系数`, true);
    add(i.reason, `${row} 偏差原因`, true);
    add(i.score, `${row} 得分`, false);
  }
  for (const b of t.blocks) {
    add(b.labelSlot, `block ${b.level1} label`, true);
    if (b.weightSlot.a1 !== b.labelSlot.a1) add(b.weightSlot, `block ${b.level1} 分值`, true);
    add(b.subtotalSlot, `block ${b.level1} 小计`, false);
  }
  for (const p of t.placeholders) add(p, `placeholder ${p.a1}`, true);
  add(t.total?.labelSlot, "总分 label", true);
  add(t.total?.weight, "总分 分值", true);
  add(t.total?.score, "总分", false);
  add(t.grade?.labelSlot, "等级 label", true);
  add(t.grade?.value, "等级", false);
  return roles;
}

/** Problems with one checked case, as messages (empty when every invariant holds). */
export function invariantViolations(sheets: readonly Grid[], detail: CheckDetail): string[] {
  const problems: string[] = [];
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (const f of detail.findings) {
    if (!/^[A-Z]{1,3}[1-9]\d*$/.test(f.cell)) {
      problems.push(`finding ${f.rule} names ${JSON.stringify(f.cell)}, not a single A1 cell`);
      continue;
    }
    const grid = byName.get(f.sheet);
    if (!grid) {
      if (sheets.length > 0 || f.cell !== "A1")
        problems.push(`finding ${f.rule}@${f.cell} names sheet ${JSON.stringify(f.sheet)}, which the workbook lacks`);
      continue;
    }
    const { row, col } = parseA1(f.cell);
    const empty = grid.rowCount === 0 || grid.colCount === 0;
    if (empty ? f.cell !== "A1" : row > grid.rowCount || col > grid.colCount)
      problems.push(
        `finding ${f.rule}@${f.cell} lies outside ${f.sheet} (${grid.rowCount} rows × ${grid.colCount} columns)`,
      );
    if (!f.message["zh-CN"] || !f.message["en-US"]) problems.push(`finding ${f.rule}@${f.cell} has no message`);
  }
  for (const fig of detail.figures)
    if (fig.value !== null && !Number.isFinite(fig.value)) problems.push(`figure ${fig.key} is ${fig.value}`);
  for (const n of [
    detail.budget.planned,
    detail.budget.executed,
    detail.budget.rate,
    detail.budget.score,
    detail.total.computed,
    detail.total.reported,
  ])
    if (n !== null && !Number.isFinite(n)) problems.push(`summary number ${n} is not finite`);

  const roles = tableRoles(detail);
  const planned = new Map<string, PlannedValue>();
  for (const v of detail.plan.values) {
    const at = `${v.sheet}!${v.cell}`;
    const here = roles.get(at) ?? [];
    if (here.length === 0)
      problems.push(`plan value ${v.figure} writes ${at}, which is not a computed cell of the table`);
    else if (here.length > 1 || here[0].input)
      problems.push(`plan value ${v.figure} writes ${at}, which is also ${here.map((r) => r.role).join(" and ")}`);
    if (typeof v.value === "number" && !Number.isFinite(v.value)) problems.push(`plan value ${v.figure} is ${v.value}`);
    const grid = byName.get(v.sheet);
    if (grid) {
      const { row, col } = parseA1(v.cell);
      if (grid.cell(row, col)?.formula !== undefined)
        problems.push(`plan value ${v.figure} overwrites the formula in ${at}`);
      // A gateway writes a merged area's top-left cell: a value aimed inside the area lands on whatever that holds.
      const area = grid.merges.find(
        (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left),
      );
      if (area)
        problems.push(
          `plan value ${v.figure} writes ${at}, inside the merged area ${rangeToA1(area)} (a host writes its top-left cell)`,
        );
    } else problems.push(`plan value ${v.figure} names sheet ${JSON.stringify(v.sheet)}, which the workbook lacks`);
    const twin = planned.get(at);
    if (twin && twin.value !== v.value)
      problems.push(`plan writes ${at} twice with different values (${twin.figure}, ${v.figure})`);
    planned.set(at, v);
  }
  return problems;
}

/**
 * Writes the plan's values into copies of the sheets and checks them again: the new plan must write nothing the
 * cells do not already hold, and the figures must not move (the computed values are a fixed point).
 * Writing the same values into a grid twice equals writing them once whatever the engine planned, so that is not
 * a check: only the engine's second look at its own output can fail.
 */
export function recheckViolations(sheets: readonly Grid[], detail: CheckDetail): string[] {
  const once = sheets.map((s) =>
    applyPlanValues(
      s,
      detail.plan.values.filter((v) => v.sheet === s.name),
    ),
  );
  const again = checkWorkbook(once);
  const after = once.map((s) =>
    applyPlanValues(
      s,
      again.plan.values.filter((v) => v.sheet === s.name),
    ),
  );
  const problems: string[] = [];
  once.forEach((g, i) => {
    if (gridSnapshot(g) !== gridSnapshot(after[i])) {
      const before = new Map(detail.plan.values.map((v) => [`${v.sheet}!${v.cell}`, v.value]));
      const changed = again.plan.values
        .filter((v) => before.get(`${v.sheet}!${v.cell}`) !== v.value)
        .map((v) => `${v.cell}=${v.value} (was ${before.get(`${v.sheet}!${v.cell}`)})`);
      problems.push(`checking the written sheet plans new values on ${g.name}: ${changed.join(", ")}`);
    }
  });
  const figures = new Map(detail.figures.map((f) => [f.key, f.display]));
  const moved = again.figures
    .filter((f) => figures.has(f.key) && figures.get(f.key) !== f.display)
    .map((f) => `${f.key} ${figures.get(f.key)} → ${f.display}`);
  if (moved.length) problems.push(`checking the written sheets moves figures: ${moved.join(", ")}`);
  return problems;
}

/**
 * Everything wrong with checking these sheets: an exception, a broken invariant, or a plan that, once applied,
 * leaves something to write or moves a figure. Empty when the engine behaves.
 */
export function caseViolations(sheets: readonly Grid[]): string[] {
  let detail: CheckDetail;
  try {
    detail = checkWorkbook(sheets);
  } catch (e) {
    return [`checkWorkbook threw: ${e instanceof Error ? e.stack : String(e)}`];
  }
  return [...invariantViolations(sheets, detail), ...recheckViolations(sheets, detail)];
}
