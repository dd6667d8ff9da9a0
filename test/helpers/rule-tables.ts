/**
 * Boundary tables for the rules' tests (src/domain/rules/*.test.ts): a central table with one row changed, and
 * one assertion that a rule is raised (with its severity, expected, received) or not, through checkWorkbook.
 */
import type { CheckOptions } from "../../src/domain";
import { gridFromRows } from "../../src/domain/grid";
import type { Finding, RuleId } from "../../src/domain/types";
import {
  DEFAULT_BUDGET,
  DEFAULT_INDICATORS,
  centralGrid,
  centralRows,
  centralRowsOf,
  check,
  expectFinding,
  expectNoFinding,
  type FindingExpectation,
  type TableSpec,
} from "./tables";

type Row = TableSpec["indicators"] extends (infer R)[] | undefined ? R : never;

/** Row of the i-th indicator (0-based) in the default central layout (one goal row). */
export const indicatorRow = (i: number) => centralRowsOf().firstIndicator + i;
/** Row of the 总分 line in the default central layout. */
export const totalRow = centralRowsOf().total;

/**
 * The default table with its first indicator (产出指标 / 数量指标, 分值 25) replaced by `row`. The other three
 * indicators score full marks (25 + 30 + 10 = 65), the budget 95 of 100 (9.5 of 10).
 */
export function withFirstIndicator(row: Row, spec: TableSpec = {}) {
  return withIndicator(0, row, spec);
}

/** The default table with indicator `index` (0-based: 25, 25, 30, 10 points) replaced by `row`; no 总分 typed. */
export function withIndicator(index: number, row: Row, spec: TableSpec = {}) {
  const indicators = DEFAULT_INDICATORS.map((r, i) => (i === index ? row : r));
  return centralGrid({ indicators, total: [100, null], ...spec });
}

/**
 * The default table with the budget total row replaced by `total`: sub-rows as given, else 当年财政拨款 with the
 * total's amounts over 上年结转资金 and 其他资金 of 0 (four rows, so every other row stays where centralRowsOf says).
 */
export function withBudget(total: Row, subRows?: Row[], spec: TableSpec = {}) {
  const sub = subRows ?? [
    ["其中：当年财政拨款", total[1], total[2], total[3], null, null, null],
    ...DEFAULT_BUDGET.slice(2),
  ];
  return centralGrid({ budget: [total, ...sub], ...spec });
}

/** A table whose budget block has a 原因 column (I): each budget row's eighth value is its reason. */
export function withBudgetReasons(budget: Row[], spec: TableSpec = {}) {
  const rows = centralRows({ ...spec, budget });
  rows[2].push("原因");
  return gridFromRows("自评表", rows);
}

/**
 * A table with no 分值 column (DOMAIN.md §2.1a): weights only in the 一级 labels ("产出指标(50分)"). Rows are
 * [一级, 二级, 三级, 年度指标值, 实际完成值, 得分, 偏差原因]; the 总分 row types `total` under 得分 (column G). With
 * the default budget (4 rows) the indicators start at row 11, as in the central layout.
 */
export function headingsOnlyGrid(indicators: Row[], total: Row[number] = null, spec: TableSpec = {}) {
  const central: TableSpec = {
    ...spec,
    indicators: indicators.map((r) => [...r.slice(0, 5), null, ...r.slice(5)]),
    total: [null, total],
  };
  const from = centralRowsOf(central).indicatorHeader;
  // Column G (分值) left out from the indicator header down; the budget block keeps its own 分值.
  const rows = centralRows(central).map((r, i) => (i + 1 >= from ? [...r.slice(0, 6), ...r.slice(7)] : r));
  return gridFromRows("自评表", rows);
}

export { DEFAULT_BUDGET, DEFAULT_INDICATORS };

/** The findings of one rule at one cell. */
export function findingAt(
  grid: Parameters<typeof check>[0],
  rule: RuleId,
  cell: string,
  options?: CheckOptions,
): Finding | undefined {
  return check(grid, options).findings.find((f) => f.rule === rule && f.cell === cell);
}

/**
 * A boundary table's one assertion: `raised` → the finding exists at `cell` with what `expectation` says;
 * otherwise the rule is raised nowhere.
 */
export function expectRaised(
  raised: boolean,
  grid: Parameters<typeof check>[0],
  rule: RuleId,
  cell: string,
  options: CheckOptions = {},
  expectation: FindingExpectation = {},
): void {
  if (raised) expectFinding(grid, rule, cell, { ...options, ...expectation });
  else expectNoFinding(grid, rule, options);
}
