/**
 * Layout detection: finds the 自评表's blocks by their header labels anywhere on a sheet, whatever the
 * variant (central 项目支出, 部门整体, Sichuan, city 20/80), and reads them into a TableModel.
 * A sheet that lacks an expected label yields a LayoutProblem naming it: never a guess.
 */
import { toA1, type Grid, type CellRange } from "./grid";
import {
  BUDGET_COLUMNS,
  GOAL_COLUMNS,
  INDICATOR_COLUMNS,
  columnFor,
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
import type { RoleReading, TableReading } from "./reading";
import { columnLetters } from "./grid";

function provisionalReading(reader: SheetReader, h: Headers, scan: IndicatorScan): TableReading {
  const roles: RoleReading[] = [];
  const add = (block: RoleReading["block"], headerRow: number | undefined, map: Record<string, number | undefined>) => {
    if (headerRow === undefined) return;
    for (const [role, col] of Object.entries(map))
      if (col !== undefined)
        roles.push({
          block,
          role,
          col,
          column: columnLetters(col),
          header: reader.rawText(headerRow, col).trim(),
          headerCell: toA1(headerRow, col),
          rows: [headerRow + 1, block === "indicator" ? scan.lastRow : headerRow + 1],
          confidence: "sure",
          source: "header",
          evidence: { "zh-CN": "表头名称", "en-US": "header label" },
        });
  };
  add("budget", h.budgetRow, h.budget);
  add("goal", h.goalRow, h.goal);
  add("indicator", h.indicatorRow, h.indicator);
  const first = scan.indicators[0]?.row;
  return {
    budgetHeaderRows: h.budgetRow ? [h.budgetRow, h.budgetRow] : undefined,
    indicatorHeaderRows: h.indicatorRow ? [h.indicatorRow, h.indicatorRow] : undefined,
    goalHeaderRows: h.goalRow ? [h.goalRow, h.goalRow] : undefined,
    roles,
    indicatorRows: first !== undefined ? [first, scan.indicators[scan.indicators.length - 1].row] : undefined,
    blocks: scan.blocks.map((b) => ({
      level1: b.level1,
      rows: [b.indicators[0]?.row ?? b.labelSlot.row, b.indicators[b.indicators.length - 1]?.row ?? b.labelSlot.row],
      weight: b.statedWeight,
      weightCell: b.weightSlot.a1,
    })),
    total: scan.total?.score ? { cell: scan.total.score.a1, source: "row" } : undefined,
    weights: "column",
    assumptions: [],
    corrected: false,
  };
}

/** Headers sit near the top; real tables are narrow. These bounds keep hostile sheets cheap. */
const HEADER_SCAN_ROWS = 300;
const MAX_COLS = 64;
const MAX_BUDGET_ROWS = 15;
const EMPTY_ROWS_END_TABLE = 50;

/** Resolves any cell to the top-left of the merged area holding it. */
class MergeIndex {
  private readonly owner = new Map<number, number>();
  private readonly big: CellRange[] = [];

  constructor(merges: readonly CellRange[]) {
    // Merges are not clipped to the used range: a label merged past the last used column still owns its cells.
    for (const m of merges) {
      const { bottom, right } = m;
      if ((bottom - m.top + 1) * (right - m.left + 1) > 20000) {
        this.big.push(m);
        continue;
      }
      for (let r = m.top; r <= bottom; r++)
        for (let c = m.left; c <= right; c++)
          if (r !== m.top || c !== m.left) this.owner.set(r * 16384 + c, m.top * 16384 + m.left);
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
    this.merges = new MergeIndex(grid.merges);
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

type ColumnMap<K extends string> = Partial<Record<K, number>>;

function headerColumns<K extends string>(
  reader: SheetReader,
  row: number,
  group: Record<K, { exact: string[]; pattern?: RegExp }>,
): ColumnMap<K> {
  const map: ColumnMap<K> = {};
  for (let c = 1; c <= reader.cols; c++) {
    const label = reader.label(row, c);
    if (!label) continue;
    const key = columnFor(group, label);
    if (key && map[key] === undefined) map[key] = c;
  }
  return map;
}

const countKeys = (o: object) => Object.keys(o).length;

interface Headers {
  budgetRow?: number;
  budget: ColumnMap<BudgetColumn>;
  goalRow?: number;
  goal: ColumnMap<keyof typeof GOAL_COLUMNS>;
  indicatorRow?: number;
  indicator: ColumnMap<IndicatorColumn>;
}

/** Sheets already scanned, so that choosing the sheet and reading it cost one scan (grids are not edited once read). */
const scanned = new WeakMap<Grid, { reader: SheetReader; headers: Headers }>();

function scanSheet(grid: Grid): { reader: SheetReader; headers: Headers } {
  let s = scanned.get(grid);
  if (!s) {
    const reader = new SheetReader(grid);
    s = { reader, headers: findHeaders(reader) };
    scanned.set(grid, s);
  }
  return s;
}

function findHeaders(reader: SheetReader): Headers {
  const h: Headers = { budget: {}, goal: {}, indicator: {} };
  const last = Math.min(reader.grid.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    if (h.indicatorRow !== undefined && h.budgetRow !== undefined && h.goalRow !== undefined) break;
    if (h.indicatorRow === undefined) {
      const ind = headerColumns(reader, r, INDICATOR_COLUMNS);
      const core = ["name", "target", "actual", "weight", "score"].filter(
        (k) => ind[k as IndicatorColumn] !== undefined,
      );
      if (ind.name !== undefined && core.length >= 3) {
        h.indicatorRow = r;
        h.indicator = ind;
        continue;
      }
    }
    if (h.budgetRow === undefined) {
      const b = headerColumns(reader, r, BUDGET_COLUMNS);
      if (b.planned !== undefined && b.executed !== undefined) {
        h.budgetRow = r;
        h.budget = b;
        continue;
      }
    }
    if (h.goalRow === undefined) {
      const g = headerColumns(reader, r, GOAL_COLUMNS);
      if (g.expected !== undefined && g.actual !== undefined && g.expected !== g.actual) {
        h.goalRow = r;
        h.goal = g;
      }
    }
  }
  return h;
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

const INDICATOR_LABELS: Record<IndicatorColumn, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  nature: "指标性质",
  unit: "度量单位",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  coefficient: "得分系数",
  criteria: "评分标准",
  score: "得分",
  reason: "偏差原因分析及改进措施",
};

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
    if (r === h.goalRow || r === h.indicatorRow) break;
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
  const end = h.indicatorRow !== undefined && h.indicatorRow > h.goalRow ? h.indicatorRow - 1 : h.goalRow + 20;
  const expectedCol = h.goal.expected!;
  for (let r = h.goalRow + 1; r <= Math.min(end, reader.grid.rowCount); r++) {
    if (r === h.budgetRow) break;
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

function findTotalLabel(reader: SheetReader, row: number, upToCol: number): Slot | undefined {
  for (let c = 1; c <= upToCol; c++) {
    // A 总分 label is short: skip the indicator names and texts without normalising them.
    const v = reader.grid.cell(row, c)?.value;
    if (typeof v !== "string" || v.length > 16) continue;
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

function readIndicators(reader: SheetReader, h: Headers): IndicatorScan {
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

  for (let r = h.indicatorRow! + 1; r <= reader.grid.rowCount; r++) {
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

    // 一级 and 二级 labels: a merged or blank cell inherits the label above.
    const l1Slot = at(r, cols.level1);
    if (l1Slot && l1Slot.row === r && l1Slot.text) {
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
    if (l2Slot && l2Slot.row === r && l2Slot.text) level2 = normalizeLabel(l2Slot.text);

    const name = reader.slot(r, cols.name!);
    const target = at(r, cols.target);
    const actual = at(r, cols.actual);
    const weight = reader.slot(r, cols.weight!);
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
      if (own(weight)) {
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
      const m = /(20\d{2})\s*年/.exec(text);
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
): LayoutId {
  if (
    h.indicator.nature !== undefined ||
    (h.budget.reason !== undefined &&
      h.budget.weight !== undefined &&
      reader.label(h.budgetRow!, h.budget.weight) === "权重")
  )
    return "sichuan";
  const total = budgetRows.find((r) => r.kind === "total");
  if (/20分/.test(scoreHeader) || (total?.weight && Number(total.weight.cell?.value) === 20)) return "city-20-80";
  if (
    /部门整体|整体支出/.test(title + reader.grid.name) ||
    budgetRows.some((r) => /基本支出/.test(r.label)) ||
    goals.some((g) => g.label)
  )
    return "department";
  return "central";
}

export interface ReadOutcome {
  table?: TableModel;
  problems: LayoutProblem[];
}

/** Reads a sheet as a 自评表, or says which expected label it lacks. */
export function readTable(grid: Grid, layout?: LayoutOverride): ReadOutcome {
  void layout;
  const { reader, headers: h } = scanSheet(grid);
  const problems: LayoutProblem[] = [];
  if (h.indicatorRow === undefined) {
    problems.push({ expected: "三级指标", cell: "A1" });
    if (h.budgetRow === undefined) problems.push({ expected: "全年预算数", cell: "A1" });
    return { problems };
  }
  // A scorecard (评分标准 instead of 年度指标值 and 实际完成值) is scored by judgement; otherwise both are needed.
  const scorecard =
    h.indicator.criteria !== undefined && h.indicator.target === undefined && h.indicator.actual === undefined;
  const required = scorecard
    ? (["name", "weight", "score"] as const)
    : (["name", "target", "actual", "weight", "score"] as const);
  for (const key of required)
    if (h.indicator[key] === undefined)
      problems.push({ expected: INDICATOR_LABELS[key], cell: toA1(h.indicatorRow, 1) });
  if (problems.length) return { problems };
  if (h.budgetRow === undefined)
    problems.push({ expected: "全年预算数", cell: toA1(Math.max(1, h.indicatorRow - 1), 1) });

  const budgetRows = h.budgetRow === undefined ? [] : readBudget(reader, h);
  const goals = readGoals(reader, h);
  const scan = readIndicators(reader, h);
  const firstHeader = Math.min(...[h.budgetRow, h.goalRow, h.indicatorRow].filter((r): r is number => r !== undefined));
  const heading = readHeading(reader, firstHeader);
  const budgetScoreHeader =
    h.budgetRow !== undefined && h.budget.score !== undefined ? reader.rawText(h.budgetRow, h.budget.score) : "";
  const table: TableModel = {
    sheet: grid.name,
    layout: classify(reader, h, heading.title, budgetRows, goals, budgetScoreHeader),
    ...heading,
    budgetHeaderRow: h.budgetRow ?? 0,
    budgetScoreHeader,
    budgetRows,
    goals,
    indicatorHeaderRow: h.indicatorRow,
    indicators: scan.indicators,
    blocks: scan.blocks,
    placeholders: scan.placeholders,
    total: scan.total,
    grade: scan.grade,
    lastRow: scan.lastRow,
    lastCol: reader.cols,
    reading: provisionalReading(reader, h, scan),
  };
  return { table, problems };
}
