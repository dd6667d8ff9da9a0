/**
 * Layout: turns the header reading (header.ts) into a TableModel: the budget rows (a grid or label/value pairs),
 * the goals, the indicator rows with their 一级 blocks, the 总分 (a row or a field in the heading), weights from a
 * column or the block headings, and the reading itself for --explain, 识别结果 and the officer's correction.
 * A sheet that lacks an expected role yields a LayoutProblem naming it: never a guess.
 */
import { columnLetters, toA1, type Grid, type CellRange } from "./grid";
import {
  GOAL_COLUMNS,
  isBlockLabel,
  isBudgetTotalLabel,
  isGradeLabel,
  isTotalScoreLabel,
  type BudgetColumn,
  type IndicatorColumn,
} from "./labels";
import { cellText, isTemplateText, labelWeight, normalizeLabel } from "./parse";
import type { Block, BudgetRow, GoalRow, IndicatorRow, LayoutProblem, Slot, TableModel } from "./table";
import type { LayoutId } from "./types";
import type { LayoutOverride } from "./layout-file";
import { roleNames, type RoleReading, type TableReading } from "./reading";
import { composeColumn, mayHoldHeader, readHeaders, type BlockHeader, type HeaderReading } from "./header";

/** Headers sit near the top; real tables are narrow. These bounds keep hostile sheets cheap. */
const MAX_COLS = 64;
const MAX_BUDGET_ROWS = 15;
const EMPTY_ROWS_END_TABLE = 50;

/** A merged area of more cells than this is looked up by comparison rather than one map entry per cell. */
const LARGE_MERGE_CELLS = 20_000;
/** At most this many large areas are kept: a 自评表 has none, and they are compared on every lookup. */
const MAX_LARGE_MERGES = 64;

/**
 * Resolves any cell to the top-left of the merged area holding it. Merges are clipped to the rows the sheet uses
 * and to the columns the engine reads (MAX_COLS): a label merged past the last used column still owns its cells,
 * and a merge over A30:XFD1048576 costs no more than the sheet's own cells. Merged areas cannot overlap in a sound
 * file; in one that has them, a cell keeps the first area that claims it and the later area stops there, so the
 * work is linear in the cells covered whatever the file holds.
 */
class MergeIndex {
  private readonly owner = new Map<number, number>();
  private readonly big: CellRange[] = [];

  constructor(merges: readonly CellRange[], rows: number) {
    for (const m of merges) {
      const bottom = Math.min(m.bottom, rows);
      const right = Math.min(m.right, MAX_COLS);
      if (m.top > bottom || m.left > right) continue;
      const clipped = { top: m.top, left: m.left, bottom, right };
      if ((bottom - m.top + 1) * (right - m.left + 1) > LARGE_MERGE_CELLS) {
        if (this.big.length < MAX_LARGE_MERGES && !this.big.some((b) => overlaps(b, clipped))) this.big.push(clipped);
        continue;
      }
      const master = m.top * 16384 + m.left;
      if (this.owner.has(master)) continue;
      expand: for (let r = m.top; r <= bottom; r++)
        for (let c = m.left; c <= right; c++) {
          if (r === m.top && c === m.left) continue;
          const k = r * 16384 + c;
          if (this.owner.has(k)) break expand;
          this.owner.set(k, master);
        }
    }
  }

  /** The owning cell as row * 16384 + col (a number, so that the hot path allocates nothing). */
  topLeftKey(row: number, col: number): number {
    const k = this.owner.get(row * 16384 + col);
    if (k !== undefined) return k;
    for (const m of this.big)
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m.top * 16384 + m.left;
    return row * 16384 + col;
  }

  topLeft(row: number, col: number): { row: number; col: number } {
    const k = this.topLeftKey(row, col);
    return { row: Math.floor(k / 16384), col: k % 16384 };
  }

  /** True when (row, col) is covered by a merge that starts on an earlier row (a vertically merged label). */
  inheritedFromAbove(row: number, col: number): boolean {
    return this.topLeftKey(row, col) < row * 16384;
  }
}

export class SheetReader {
  readonly merges: MergeIndex;
  readonly cols: number;
  private readonly labelCache = new Map<number, string>();

  constructor(readonly grid: Grid) {
    this.cols = Math.min(grid.colCount, MAX_COLS);
    this.merges = new MergeIndex(grid.merges, grid.rowCount);
  }

  slot(row: number, col: number): Slot {
    const k = this.merges.topLeftKey(row, col);
    const r = Math.floor(k / 16384);
    const c = k % 16384;
    if (c !== col) return { row, col, a1: toA1(row, col), cell: undefined, text: "", covered: true };
    const cell = this.grid.cell(r, c);
    const slot: Slot = { row: r, col: c, a1: toA1(r, c), cell, text: cellText(cell?.value).trim() };
    if (r !== row) slot.covered = true;
    return slot;
  }

  /** The normalised label of the cell itself (not of a merge it is covered by). */
  label(row: number, col: number): string {
    const key = row * 16384 + col;
    let l = this.labelCache.get(key);
    if (l === undefined) {
      const v = this.grid.cell(row, col)?.value;
      l = typeof v === "string" ? normalizeLabel(v) : "";
      this.labelCache.set(key, l);
    }
    return l;
  }

  rawText(row: number, col: number): string {
    return cellText(this.grid.cell(row, col)?.value);
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

type ColumnMap<K extends string> = Partial<Record<K, number>>;

const countKeys = (o: object) => Object.keys(o).length;

/** Each block's header: its rows (top = first header row, row = the one nearest the data) and role → column. */
interface Headers {
  budgetTop?: number;
  budgetRow?: number;
  budget: ColumnMap<BudgetColumn>;
  goalTop?: number;
  goalRow?: number;
  goal: ColumnMap<keyof typeof GOAL_COLUMNS>;
  indicatorTop?: number;
  indicatorRow?: number;
  indicator: ColumnMap<IndicatorColumn>;
  read: HeaderReading;
}

/** Sheets already scanned, so that choosing the sheet and reading it cost one scan (grids are not edited once read). */
const scanned = new WeakMap<Grid, { reader: SheetReader; headers: Headers }>();

function scanSheet(grid: Grid, layout?: LayoutOverride): { reader: SheetReader; headers: Headers } {
  let s = scanned.get(grid);
  if (!s) {
    const reader = new SheetReader(grid);
    s = { reader, headers: findHeaders(reader) };
    scanned.set(grid, s);
  }
  // An officer's layout is applied on a fresh reading (the cached one stays the reader's own).
  if (layout && (layout.budget || layout.indicator))
    return { reader: s.reader, headers: findHeaders(s.reader, layout) };
  return s;
}

function findHeaders(reader: SheetReader, layout?: LayoutOverride): Headers {
  const read = readHeaders(reader, layout);
  const h: Headers = { budget: {}, goal: {}, indicator: {}, read };
  const take = (b: BlockHeader | undefined) => (b ? { top: b.top, row: b.bottom, cols: b.cols } : undefined);
  const ind = take(read.indicator);
  if (ind) [h.indicatorTop, h.indicatorRow, h.indicator] = [ind.top, ind.row, ind.cols];
  const bud = take(read.budget);
  if (bud) [h.budgetTop, h.budgetRow, h.budget] = [bud.top, bud.row, bud.cols];
  const goal = take(read.goal);
  if (goal) [h.goalTop, h.goalRow, h.goal] = [goal.top, goal.row, goal.cols];
  return h;
}

/**
 * Whether `grid` (a sheet's first rows) could hold the 自评表 at all, merged areas aside: tableLikeness is above 0
 * only for a sheet of which this is true (see mayHoldHeader). A fresh reading, not scanSheet's: that one is kept
 * per grid, and the grid asked about is still missing its merges.
 */
export function mayHoldTable(grid: Grid): boolean {
  return mayHoldHeader(new SheetReader(grid));
}

/** How strongly a sheet looks like a 自评表 (0 = not at all); used to pick among several sheets. */
export function tableLikeness(grid: Grid): number {
  const h = scanSheet(grid).headers;
  let score = 0;
  if (h.indicatorRow !== undefined) score += 4 + countKeys(h.indicator) / 10;
  if (h.budgetRow !== undefined) score += 2;
  if (h.goalRow !== undefined) score += 1;
  if (score > 0 && /自评/.test(grid.name)) score += 0.5;
  return score;
}

/** The names a layout-unrecognized finding gives a missing column. */
const INDICATOR_LABELS = roleNames("zh-CN").indicator;

/** The label of a row: the rightmost own text cell left of `beforeCol` (merged block titles excluded). */
function rowLabelSlot(reader: SheetReader, row: number, beforeCol: number): Slot | undefined {
  for (let c = beforeCol - 1; c >= 1; c--) {
    if (reader.merges.inheritedFromAbove(row, c)) continue;
    const s = reader.slot(row, c);
    if (s.row === row && s.text && typeof s.cell?.value === "string") return s;
  }
  return undefined;
}

function readBudget(reader: SheetReader, h: Headers): BudgetRow[] {
  const header = h.budgetRow!;
  const cols = h.budget;
  const amountCols = [cols.initial, cols.planned, cols.executed].filter((c): c is number => c !== undefined);
  const firstAmount = Math.min(...amountCols);
  const rows: BudgetRow[] = [];
  const stopAt = Math.min(reader.grid.rowCount, header + MAX_BUDGET_ROWS);
  for (let r = header + 1; r <= stopAt; r++) {
    if (r === h.goalTop || r === h.indicatorTop) break;
    const labelSlot = rowLabelSlot(reader, r, firstAmount) ?? reader.slot(r, Math.max(1, firstAmount - 1));
    const label = normalizeLabel(labelSlot.text);
    if (label && isBlockLabel(label)) break;
    const at = (c: number | undefined) => (c === undefined ? undefined : reader.slot(r, c));
    const row: BudgetRow = {
      kind: "sub",
      label,
      labelSlot,
      initial: at(cols.initial),
      planned: at(cols.planned),
      executed: at(cols.executed),
      weight: at(cols.weight),
      rate: at(cols.rate),
      score: at(cols.score),
      reason: at(cols.reason),
    };
    const hasAmount = [row.initial, row.planned, row.executed].some((s) => s && s.row === r && s.text !== "");
    if (!label && !hasAmount) break;
    rows.push(row);
  }
  const totalIndex = Math.max(
    0,
    rows.findIndex((r) => isBudgetTotalLabel(r.label)),
  );
  if (rows.length > 0) rows[totalIndex].kind = "total";
  return rows;
}

function readGoals(reader: SheetReader, h: Headers): GoalRow[] {
  if (h.goalRow === undefined) return [];
  const goals: GoalRow[] = [];
  const end = h.indicatorTop !== undefined && h.indicatorTop > h.goalRow ? h.indicatorTop - 1 : h.goalRow + 20;
  const expectedCol = h.goal.expected!;
  for (let r = h.goalRow + 1; r <= Math.min(end, reader.grid.rowCount); r++) {
    if (r === h.budgetTop) break;
    const expected = reader.slot(r, expectedCol);
    const actual = reader.slot(r, h.goal.actual!);
    // A row continuing a vertically merged text belongs to the goal above it.
    if (expected.row !== r && actual.row !== r) continue;
    const labelSlot = rowLabelSlot(reader, r, Math.min(expectedCol, h.goal.actual!));
    const label = labelSlot ? normalizeLabel(labelSlot.text) : "";
    if (label && /^(绩效指标|一级指标)/.test(label)) break;
    if (!expected.text && !actual.text) continue;
    goals.push({
      label: label && !/^(年度总体目标|总体目标|年度主要任务)$/.test(label) ? labelSlot!.text : "",
      expected,
      actual,
    });
  }
  return goals;
}

interface IndicatorScan {
  indicators: IndicatorRow[];
  blocks: Block[];
  placeholders: Slot[];
  total?: TableModel["total"];
  grade?: TableModel["grade"];
  lastRow: number;
}

const TOTAL_HINT = /[总合计综得分]/;

function findTotalLabel(reader: SheetReader, row: number, upToCol: number): Slot | undefined {
  for (let c = 1; c <= upToCol; c++) {
    // A 总分 label is short: skip the indicator names and texts without normalising them.
    const v = reader.grid.cell(row, c)?.value;
    // Every 总分 synonym has one of these characters: most cells are passed over without normalising them.
    if (typeof v !== "string" || v.length > 16 || !TOTAL_HINT.test(v)) continue;
    const label = reader.label(row, c);
    if (label && isTotalScoreLabel(label)) return reader.slot(row, c);
  }
  return undefined;
}

function findGrade(reader: SheetReader, fromRow: number): TableModel["grade"] {
  const last = Math.min(reader.grid.rowCount, fromRow + 3);
  for (let r = fromRow; r <= last; r++)
    for (let c = 1; c <= reader.cols; c++) {
      const label = reader.label(r, c);
      if (!label || !isGradeLabel(label)) continue;
      const labelSlot = reader.slot(r, c);
      let next = c + 1;
      while (next <= reader.cols && reader.merges.topLeft(r, next).col === labelSlot.col) next++;
      if (next > reader.cols + 1 || reader.merges.topLeft(r, next).col !== next) return undefined;
      return { labelSlot, value: reader.slot(r, next) };
    }
  return undefined;
}

function readIndicators(
  reader: SheetReader,
  h: Headers,
  rows?: { firstRow?: number; lastRow?: number },
): IndicatorScan {
  const cols = h.indicator;
  const scan: IndicatorScan = { indicators: [], blocks: [], placeholders: [], lastRow: h.indicatorRow! };
  const scoreCol = cols.score!;
  // The 总分 label sits left of the figures, at the latest under the 三级指标 column.
  const labelCols = Math.max(cols.name!, cols.level1 ?? 0, cols.level2 ?? 0);
  let level1 = "";
  let level2 = "";
  let block: Block | undefined;
  let emptyRun = 0;
  const at = (r: number, c: number | undefined) => (c === undefined ? undefined : reader.slot(r, c));

  // The officer may have said where the indicator rows start and end; the 总分 row may follow just after.
  const start = Math.max(h.indicatorRow! + 1, rows?.firstRow ?? 0);
  const end = rows?.lastRow;
  for (let r = start; r <= reader.grid.rowCount; r++) {
    const totalLabel = findTotalLabel(reader, r, labelCols);
    if (totalLabel) {
      scan.total = { labelSlot: totalLabel, weight: at(r, cols.weight), score: at(r, cols.score) };
      scan.grade = findGrade(reader, r);
      // A 等级 label typed over the 总分 row's figures is not a separate grade cell.
      const figures = [scan.total.score?.a1, scan.total.weight?.a1];
      if (scan.grade && figures.includes(scan.grade.value.a1)) scan.grade = undefined;
      scan.lastRow = scan.grade ? Math.max(r, scan.grade.value.row) : r;
      return scan;
    }
    if (end !== undefined && r > end) {
      if (r > end + 5) break;
      continue;
    }

    // 一级 and 二级 labels: a merged or blank cell inherits the label above.
    const l1Slot = at(r, cols.level1);
    if (l1Slot && (l1Slot.row === r || r === start) && l1Slot.text) {
      const raw = l1Slot.text;
      const name = normalizeLabel(raw.replace(/[（(]?\s*\d+(\.\d+)?\s*分\s*[)）]?/g, "")) || normalizeLabel(raw);
      if (name !== level1 || !block || block.labelSlot.a1 !== l1Slot.a1) {
        level1 = name;
        level2 = "";
        block = { level1, labelSlot: l1Slot, statedWeight: labelWeight(raw), weightSlot: l1Slot, indicators: [] };
        scan.blocks.push(block);
      }
    }
    const l2Slot = at(r, cols.level2);
    if (l2Slot && (l2Slot.row === r || r === start) && l2Slot.text) level2 = normalizeLabel(l2Slot.text);

    const name = reader.slot(r, cols.name!);
    const target = at(r, cols.target);
    const actual = at(r, cols.actual);
    const weight = at(r, cols.weight);
    const score = reader.slot(r, scoreCol);
    const own = (s: Slot | undefined) => s !== undefined && s.row === r && s.text !== "";
    const filled = [target, actual, weight, score].some(own);

    if (!own(name) && !filled) {
      if (++emptyRun >= EMPTY_ROWS_END_TABLE) break;
      continue;
    }
    emptyRun = 0;
    scan.lastRow = r;

    // A block heading row ("产出指标 | | | | 50 | 48"): the block's weight and subtotal, not an indicator.
    if (!own(name) && !own(target) && !own(actual) && l1Slot && l1Slot.row === r && block) {
      if (weight && own(weight)) {
        block.weightSlot = weight;
        block.statedWeight = null;
      }
      block.subtotalSlot = score;
      continue;
    }
    if (own(name) && isTemplateText(name.text) && ![target, actual, weight, score].some(own)) {
      scan.placeholders.push(name);
      continue;
    }

    const row: IndicatorRow = {
      row: r,
      level1,
      level1Slot: block?.labelSlot,
      level2,
      name,
      nature: at(r, cols.nature),
      unit: at(r, cols.unit),
      target,
      actual,
      weight,
      coefficient: at(r, cols.coefficient),
      score,
      reason: at(r, cols.reason),
      criteria: at(r, cols.criteria),
    };
    scan.indicators.push(row);
    if (!block) {
      block = { level1: "", labelSlot: name, statedWeight: null, weightSlot: name, indicators: [] };
      scan.blocks.push(block);
    }
    block.indicators.push(row);
  }
  return scan;
}

function readHeading(
  reader: SheetReader,
  beforeRow: number,
): { title: string; unit: string; project: string; year: number | null } {
  let title = "";
  let unit = "";
  let project = "";
  let year: number | null = null;
  const valueRightOf = (r: number, c: number) => {
    const own = reader.slot(r, c);
    for (let k = own.col + 1; k <= reader.cols; k++) {
      const s = reader.slot(r, k);
      if (s.col !== own.col && s.text) return s.text;
    }
    return "";
  };
  for (let r = 1; r < beforeRow; r++)
    for (let c = 1; c <= reader.cols; c++) {
      const text = reader.rawText(r, c);
      if (!text) continue;
      const label = reader.label(r, c);
      if (!title && /自评表|评价表/.test(label)) title = text.trim();
      if (!project && /^(项目名称|项目)$/.test(label)) project = valueRightOf(r, c);
      if (
        !unit &&
        /^(部门名称|单位名称|预算单位|预算部门|部门|单位|主管部门|实施单位|部门\(单位\)名称|填报单位)$/.test(label)
      )
        unit = valueRightOf(r, c);
      const m = /(?<!\d)(20\d{2})\s*年/.exec(text);
      if (year === null && m) year = Number(m[1]);
      const unitInline = /^(?:填报单位|部门名称|单位名称|预算单位)[:：]\s*(.+)$/.exec(text.trim());
      if (!unit && unitInline) unit = unitInline[1].trim();
    }
  return { title, unit, project, year };
}

function classify(
  reader: SheetReader,
  h: Headers,
  title: string,
  budgetRows: BudgetRow[],
  goals: GoalRow[],
  scoreHeader: string,
  execWeight: number | null,
): LayoutId {
  if (
    h.indicator.nature !== undefined ||
    (h.budget.reason !== undefined && h.budget.weight !== undefined && /^权重$/.test(headerText(h, "budget", "weight")))
  )
    return "sichuan";
  const total = budgetRows.find((r) => r.kind === "total");
  if (/20分/.test(scoreHeader) || (total?.weight && Number(total.weight.cell?.value) === 20) || execWeight === 20)
    return "city-20-80";
  if (
    /部门整体|整体支出/.test(title + reader.grid.name) ||
    budgetRows.some((r) => /基本支出/.test(r.label)) ||
    goals.some((g) => g.label)
  )
    return "department";
  return "central";
}

/** The composed header text of a block's role ("预算执行情况 / 执行率"), normalised; "" when the role has none. */
function headerText(h: Headers, block: "budget" | "indicator" | "goal", role: string): string {
  const r = h.read[block]?.readings.find((x) => x.role === role);
  return r ? normalizeLabel(r.header.split(" / ").pop() ?? "") : "";
}

// ── Budget blocks written as label / value pairs ─────────────────────────────────────────────────────────
const PAIR_LABELS: ReadonlyArray<readonly [BudgetColumn, RegExp]> = [
  ["planned", /^(预算安排情况|预算安排数?|年度预算数|全年预算数|预算数|调整后预算数|资金安排情况|年度预算安排)$/],
  ["executed", /^(资金执行情况|预算执行数|全年执行数|执行数|实际支出数?|资金使用情况|实际执行数|支出数|资金支出情况)$/],
  ["rate", /^(预算执行进度|预算执行率|执行率|资金执行率|执行进度|资金执行进度)$/],
  ["score", /^(得分|执行得分|预算执行得分)$/],
];

/**
 * A budget block without a header row: 预算安排情况 | 120.00 | 资金执行情况 | 115.00 | 预算执行进度(%) | 95.83, on one
 * or a few rows above the indicators. Each label's value is the next cell to its right.
 */
function readBudgetPairs(
  reader: SheetReader,
  beforeRow: number,
): { row: BudgetRow; readings: RoleReading[] } | undefined {
  const found: Partial<Record<BudgetColumn, { label: Slot; value: Slot }>> = {};
  for (let r = 1; r < beforeRow; r++)
    for (let c = 1; c < reader.cols; c++) {
      const v = reader.grid.cell(r, c)?.value;
      if (typeof v !== "string" || v.length > 20) continue;
      const label = reader.label(r, c);
      const role = PAIR_LABELS.find(([, re]) => re.test(label))?.[0];
      if (!role || found[role]) continue;
      const own = reader.slot(r, c);
      let next = c + 1;
      while (next <= reader.cols && reader.merges.topLeft(r, next).col === own.col) next++;
      if (next > reader.cols) continue;
      const value = reader.slot(r, next);
      if (value.covered) continue;
      found[role] = { label: own, value };
    }
  if (!found.planned || !found.executed) return undefined;
  const readings: RoleReading[] = [];
  for (const [role, f] of Object.entries(found) as Array<[BudgetColumn, { label: Slot; value: Slot }]>)
    readings.push({
      block: "budget",
      role,
      col: f.value.col,
      column: columnLetters(f.value.col),
      header: f.label.text,
      headerCell: f.label.a1,
      rows: [f.value.row, f.value.row],
      confidence: "likely",
      source: "pair",
      evidence: {
        "zh-CN": `${f.label.a1}“${f.label.text}”右侧的 ${f.value.a1}`,
        "en-US": `${f.value.a1}, right of ${f.label.a1} "${f.label.text}"`,
      },
    });
  const row: BudgetRow = {
    kind: "total",
    label: normalizeLabel(found.planned.label.text),
    labelSlot: found.planned.label,
    planned: found.planned.value,
    executed: found.executed.value,
    rate: found.rate?.value,
    score: found.score?.value,
  };
  return { row, readings };
}

// ── Weights and totals written outside the grid ──────────────────────────────────────────────────────────
interface HeadingWeight {
  slot: Slot;
  weight: number;
}

/**
 * A weight written into a block's heading: 预算执行情况(20分) over the budget block, 年度绩效目标(80分) /
 * 绩效指标(80分) over the indicators, often as a merged cell left of the block's rows or a title row above it.
 */
function headingWeight(reader: SheetReader, from: number, to: number, pattern: RegExp): HeadingWeight | undefined {
  for (let r = Math.max(1, from); r <= Math.min(to, reader.grid.rowCount); r++)
    for (let c = 1; c <= reader.cols; c++) {
      const v = reader.grid.cell(r, c)?.value;
      if (typeof v !== "string" || v.length > 30) continue;
      if (!pattern.test(reader.label(r, c))) continue;
      const w = labelWeight(v);
      if (w !== null && w > 0) return { slot: reader.slot(r, c), weight: w };
    }
  return undefined;
}

/** 自评总分(分) | 92.5 beside 主管部门 in the heading: the reported total when the table has no 总分 row. */
function headingTotal(reader: SheetReader, beforeRow: number): TableModel["total"] {
  for (let r = 1; r < beforeRow; r++)
    for (let c = 1; c < reader.cols; c++) {
      const v = reader.grid.cell(r, c)?.value;
      if (typeof v !== "string" || v.length > 16) continue;
      if (!/^(自评总分|自评得分|总分|综合得分|自评分数?|评价得分|绩效自评得分)$/.test(reader.label(r, c))) continue;
      const own = reader.slot(r, c);
      let next = c + 1;
      while (next <= reader.cols && reader.merges.topLeft(r, next).col === own.col) next++;
      if (next > reader.cols) continue;
      const score = reader.slot(r, next);
      if (score.covered) continue;
      return { labelSlot: own, score };
    }
  return undefined;
}

export interface ReadOutcome {
  table?: TableModel;
  problems: LayoutProblem[];
  /** When no table could be read: the headers that were understood, for the officer to correct. */
  reading?: TableReading;
}

/** Reads a sheet as a 自评表, or says which expected label it lacks. */
export function readTable(grid: Grid, layout?: LayoutOverride): ReadOutcome {
  const { reader, headers: h } = scanSheet(grid, layout);
  const problems: LayoutProblem[] = [];
  if (h.indicatorRow === undefined) {
    problems.push({ expected: "三级指标", cell: "A1" });
    if (h.budgetRow === undefined) problems.push({ expected: "全年预算数", cell: "A1" });
    return { problems };
  }
  // A scorecard (评分标准 instead of 年度指标值 and 实际完成值) is scored by judgement; otherwise both are needed.
  const scorecard =
    h.indicator.criteria !== undefined && h.indicator.target === undefined && h.indicator.actual === undefined;
  const required = scorecard ? (["name", "score"] as const) : (["name", "target", "actual", "score"] as const);
  const headerCell = toA1(h.indicatorRow, h.indicator.name ?? 1);
  for (const key of required)
    if (h.indicator[key] === undefined) problems.push({ expected: INDICATOR_LABELS[key], cell: headerCell });
  // What was read so far is still worth showing: the officer corrects the reading from it.
  const partial = () =>
    buildReading(reader, h, { indicators: [], blocks: [], placeholders: [], lastRow: 0 }, [], [], undefined, layout);
  if (problems.length) return { problems, reading: partial() };

  const firstHeader = Math.min(...[h.budgetTop, h.goalTop, h.indicatorTop].filter((r): r is number => r !== undefined));
  let budgetRows = h.budgetRow === undefined ? [] : readBudget(reader, h);
  const budgetReadings: RoleReading[] = [];
  if (h.budgetRow === undefined) {
    const pairs = readBudgetPairs(reader, h.indicatorTop!);
    if (pairs) {
      budgetRows = [pairs.row];
      budgetReadings.push(...pairs.readings);
    } else problems.push({ expected: "全年预算数", cell: toA1(Math.max(1, h.indicatorTop! - 1), 1) });
  }
  const goals = readGoals(reader, h);
  const scan = readIndicators(reader, h, layout?.indicator);

  // Weights: a 分值 column, else the block headings ((20分) over the budget, (50分) in the 一级 labels).
  const budgetTop = h.budgetTop ?? budgetRows[0]?.labelSlot.row;
  const execHeading =
    budgetTop !== undefined
      ? headingWeight(
          reader,
          budgetTop - 2,
          budgetRows[budgetRows.length - 1]?.labelSlot.row ?? budgetTop,
          /^(预算执行|资金执行|预算资金|项目资金|资金管理|预算安排)/,
        )
      : undefined;
  const indicatorsHeading = headingWeight(
    reader,
    h.indicatorTop! - 2,
    h.indicatorTop!,
    /^(年度绩效目标|绩效指标|绩效目标|年度绩效指标|指标)/,
  );
  const blockWeights = scan.blocks.some((b) => b.statedWeight !== null);
  if (h.indicator.weight === undefined && !blockWeights && !indicatorsHeading)
    problems.push({ expected: INDICATOR_LABELS.weight, cell: headerCell });
  if (problems.some((p) => p.expected === INDICATOR_LABELS.weight)) return { problems, reading: partial() };

  const heading = readHeading(reader, firstHeader);
  const total = scan.total ?? headingTotal(reader, firstHeader);
  const budgetScoreHeader =
    h.budget.score !== undefined ? (h.read.budget?.readings.find((r) => r.role === "score")?.header ?? "") : "";
  const reading = buildReading(reader, h, scan, budgetRows, budgetReadings, total, layout);
  if (execHeading) reading.budgetWeight = { weight: execHeading.weight, cell: execHeading.slot.a1 };
  reading.weights = h.indicator.weight !== undefined ? "column" : "headings";
  if (reading.weights === "headings")
    reading.assumptions.push({
      cell: headerCell,
      role: "weight",
      message: {
        "zh-CN": "本表无分值列，各指标分值取自一级指标标题，单项得分无法按规则核算，只核对各级合计与扣分说明",
        "en-US":
          "the table has no weight column: weights come from the block headings, so single scores cannot be recomputed; block totals and reasons for lost points are checked",
      },
    });
  if (total && !scan.total)
    reading.assumptions.push({
      cell: total.score!.a1,
      role: "total",
      message: {
        "zh-CN": `表中无总分行，总分取自表头 ${total.labelSlot.a1}“${total.labelSlot.text}”右侧的 ${total.score!.a1}`,
        "en-US": `the table has no total row; the total was read from ${total.score!.a1}, right of ${total.labelSlot.a1} "${total.labelSlot.text}" in the heading`,
      },
    });

  const table: TableModel = {
    sheet: grid.name,
    layout: classify(reader, h, heading.title, budgetRows, goals, budgetScoreHeader, execHeading?.weight ?? null),
    ...heading,
    budgetHeaderRow: h.budgetRow ?? 0,
    budgetScoreHeader,
    budgetRows,
    goals,
    indicatorHeaderRow: h.indicatorRow,
    indicators: scan.indicators,
    blocks: scan.blocks,
    placeholders: scan.placeholders,
    total,
    grade: scan.grade,
    execWeightHeading: execHeading,
    indicatorsWeightHeading: indicatorsHeading,
    lastRow: scan.lastRow,
    lastCol: reader.cols,
    reading,
  };
  return { table, problems };
}

/** The reading as people check it: each role's column with its rows, the indicator rows, blocks, total. */
function buildReading(
  reader: SheetReader,
  h: Headers,
  scan: IndicatorScan,
  budgetRows: BudgetRow[],
  pairReadings: RoleReading[],
  total: TableModel["total"],
  layout: LayoutOverride | undefined,
): TableReading {
  const first = scan.indicators[0]?.row;
  const lastIndicator = scan.indicators[scan.indicators.length - 1]?.row;
  const budgetLast = budgetRows[budgetRows.length - 1]?.labelSlot.row;
  const roles: RoleReading[] = [];
  const within = (r: RoleReading, rows: [number, number] | undefined) => (rows ? { ...r, rows } : r);
  const budgetRowsSpan: [number, number] | undefined =
    h.budgetRow !== undefined && budgetLast !== undefined ? [h.budgetRow + 1, budgetLast] : undefined;
  for (const r of h.read.budget?.readings ?? []) roles.push(within(r, budgetRowsSpan));
  // The column of row labels (总额, 其中：财政资金 …), as the rows were read.
  const labelCol = budgetRows[0]?.labelSlot.col;
  if (
    h.budgetRow !== undefined &&
    labelCol !== undefined &&
    !roles.some((r) => r.block === "budget" && r.col === labelCol)
  )
    roles.push({
      block: "budget",
      role: "label",
      col: labelCol,
      column: columnLetters(labelCol),
      header: composeColumn(reader, h.budgetTop!, h.budgetRow, labelCol)?.text ?? "",
      headerCell: toA1(h.budgetRow, labelCol),
      rows: budgetRowsSpan ?? [h.budgetRow + 1, h.budgetRow + 1],
      confidence: "sure",
      source: "header",
      evidence: {
        "zh-CN": `行标签：${budgetRows
          .map((r) => r.labelSlot.text)
          .filter(Boolean)
          .slice(0, 4)
          .join("、")}`,
        "en-US": `row labels: ${budgetRows
          .map((r) => r.labelSlot.text)
          .filter(Boolean)
          .slice(0, 4)
          .join(", ")}`,
      },
    });
  roles.push(...pairReadings);
  const goalLast = h.read.goal && h.goalRow ? h.goalRow + 1 : undefined;
  for (const r of h.read.goal?.readings ?? []) roles.push(within(r, goalLast ? [goalLast, goalLast] : undefined));
  const indicatorSpan: [number, number] | undefined = first !== undefined ? [first, lastIndicator!] : undefined;
  for (const r of h.read.indicator?.readings ?? []) roles.push(within(r, indicatorSpan));
  roles.sort((a, b) => (a.block === b.block ? a.col - b.col : 0));
  const assumptions = [
    ...(h.read.indicator?.assumptions ?? []),
    ...(h.read.budget?.assumptions ?? []),
    ...(h.read.goal?.assumptions ?? []),
  ];
  return {
    budgetHeaderRows: h.budgetTop !== undefined ? [h.budgetTop, h.budgetRow!] : undefined,
    indicatorHeaderRows: [h.indicatorTop!, h.indicatorRow!],
    goalHeaderRows: h.goalTop !== undefined ? [h.goalTop, h.goalRow!] : undefined,
    roles,
    indicatorRows: indicatorSpan,
    blocks: scan.blocks.map((b) => ({
      level1: b.level1,
      rows: [b.indicators[0]?.row ?? b.labelSlot.row, b.indicators[b.indicators.length - 1]?.row ?? b.labelSlot.row],
      weight: b.statedWeight ?? (b.weightSlot !== b.labelSlot ? numberIn(b.weightSlot) : null),
      weightCell: b.weightSlot.a1,
    })),
    total: total?.score ? { cell: total.score.a1, source: scan.total ? "row" : "heading" } : undefined,
    weights: "column",
    assumptions,
    corrected: layout !== undefined && (layout.budget !== undefined || layout.indicator !== undefined),
  };
}

function numberIn(slot: Slot): number | null {
  const v = slot.cell?.value;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
