/**
 * Small 自评表 grids for unit tests, in the central 项目支出 layout, and table-driven assertions
 * (`expectFinding(grid, "reason-missing", "I14")`) in the manner of valibot's test helpers.
 */
import { checkWorkbook, type CheckOptions } from "../../src/domain";
import { readTable } from "../../src/domain/layout";
import { gridFromRows, type Cell, type CellValue, type MapGrid } from "../../src/domain/grid";
import type { RuleId, Severity } from "../../src/domain/types";

/** A cell of a table spec: a value, a whole cell (a formula, a format), or nothing. */
export type TableCell = CellValue | Cell | undefined;
type V = TableCell;

export interface TableSpec {
  title?: string;
  /** [label, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分] */
  budget?: V[][];
  goals?: Array<[V, V]>;
  /** [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因] */
  indicators?: V[][];
  /** [分值, 得分] */
  total?: [V, V];
  grade?: V;
}

export const DEFAULT_BUDGET: V[][] = [
  ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
  ["其中：当年财政拨款", 100, 100, 95, null, null, null],
  ["上年结转资金", 0, 0, 0, null, null, null],
  ["其他资金", 0, 0, 0, null, null, null],
];

export const DEFAULT_INDICATORS: V[][] = [
  ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 25, 25, ""],
  ["", "质量指标", "培训合格率", "≥95%", "96%", 25, 25, ""],
  ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
  ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
];

/** Rows of a central-layout table: title at A1, budget header at row 3, goals, indicators from column B. */
export function centralRows(spec: TableSpec = {}): V[][] {
  const rows: V[][] = [];
  rows.push([spec.title ?? "项目支出绩效自评表（2023年度）"]);
  rows.push(["项目名称", "测试项目"]);
  rows.push(["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  for (const b of spec.budget ?? DEFAULT_BUDGET) rows.push(["", ...b]);
  rows.push(["年度总体目标", "预期目标", "", "", "", "实际完成情况"]);
  for (const [e, a] of spec.goals ?? [["完成培训任务", "已完成培训任务"]]) rows.push(["", e, "", "", "", a]);
  rows.push([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  for (const i of spec.indicators ?? DEFAULT_INDICATORS) rows.push(["", ...i]);
  const [tw, ts] = spec.total ?? [100, 99.5];
  rows.push(["总分", "", "", "", "", "", tw, ts]);
  if (spec.grade !== undefined) rows.push(["", "", "", "", "", "", "自评等级", spec.grade]);
  return rows;
}

export function centralGrid(spec: TableSpec = {}, name = "自评表"): MapGrid {
  return gridFromRows(name, centralRows(spec));
}

/** Row numbers in centralRows' layout, for addressing cells in assertions. */
export function centralRowsOf(spec: TableSpec = {}) {
  const budgetTotal = 4;
  const goalHeader = 4 + (spec.budget ?? DEFAULT_BUDGET).length;
  const indicatorHeader = goalHeader + 1 + (spec.goals ?? [["", ""]]).length;
  const firstIndicator = indicatorHeader + 1;
  const total = firstIndicator + (spec.indicators ?? DEFAULT_INDICATORS).length;
  return { budgetTotal, goalHeader, indicatorHeader, firstIndicator, total };
}

export function check(grid: MapGrid | MapGrid[], options?: CheckOptions) {
  return checkWorkbook(Array.isArray(grid) ? grid : [grid], options);
}

export function findingsOf(grid: MapGrid | MapGrid[], options?: CheckOptions) {
  return check(grid, options).findings.map((f) => `${f.rule}@${f.cell}`);
}

/** What a finding must also say, beyond its rule and cell. */
export interface FindingExpectation {
  severity?: Severity;
  expected?: string;
  received?: string;
}

/**
 * The finding `rule` at `cell` exists and, where given, has that severity, expected and received (undefined
 * asserts it is absent: `{ expected: undefined }`). The last argument may also carry check options.
 */
export function expectFinding(
  grid: MapGrid | MapGrid[],
  rule: RuleId,
  cell: string,
  options?: CheckOptions & FindingExpectation,
): void {
  const findings = check(grid, options).findings;
  const found = findings.map((f) => `${f.rule}@${f.cell}`);
  const f = findings.find((x) => x.rule === rule && x.cell === cell);
  if (!f) throw new Error(`expected ${rule} at ${cell}; found: ${found.join(", ") || "nothing"}`);
  for (const key of ["severity", "expected", "received"] as const)
    if (options && key in options && f[key] !== options[key])
      throw new Error(
        `${rule} at ${cell}: ${key} is ${JSON.stringify(f[key])}, expected ${JSON.stringify(options[key])}`,
      );
}

export function expectNoFinding(grid: MapGrid | MapGrid[], rule: RuleId, options?: CheckOptions): void {
  const found = findingsOf(grid, options).filter((f) => f.startsWith(`${rule}@`));
  if (found.length) throw new Error(`expected no ${rule}; found: ${found.join(", ")}`);
}

/**
 * A 自评表 whose budget header has two rows, 预算执行情况 merged over 预算数 / 执行数 / 执行率 (B2:D2), with the
 * single labels merged down over both rows (TWO_ROW_BUDGET_MERGES). 57 ÷ 60 = 95.00% → 9.50 of 10.
 */
export function twoRowBudgetRows(): Array<Array<CellValue | undefined>> {
  return [
    ["项目支出绩效自评表"],
    ["资金来源", "预算执行情况", "", "", "分值", "得分"],
    ["", "预算数", "执行数", "执行率", "", ""],
    ["年度资金总额", 60, 57, 0.95, 10, 9.5],
    ["其中：财政资金", 60, 57, 0.95, "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "设备采购数量", "≥10台", "10台", 50, 50, ""],
    ["效益指标", "社会效益指标", "设备使用率", "≥90%", "95%", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%", "96%", 10, 10, ""],
    ["总分", "", "", "", "", 100, 99.5, ""],
  ];
}

export const TWO_ROW_BUDGET_MERGES = ["A2:A3", "B2:D2", "E2:E3", "F2:F3"];

/**
 * The table layout.ts reads from a central table: `edit` changes its rows first, `merges` are [top, left, bottom,
 * right] areas. Throws when no table is read, naming the problems.
 */
export function readCentralTable(
  spec: TableSpec = {},
  edit?: (rows: V[][]) => void,
  merges: Array<[number, number, number, number]> = [],
) {
  const rows = centralRows(spec);
  edit?.(rows);
  const grid = gridFromRows("自评表", rows);
  for (const [top, left, bottom, right] of merges) grid.merges.push({ top, left, bottom, right });
  const outcome = readTable(grid);
  if (!outcome.table) throw new Error(`no table: ${JSON.stringify(outcome.problems)}`);
  return outcome.table;
}
