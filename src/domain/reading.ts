/**
 * What the reader understood of a 自评表, in a form a person can check: for every role (全年预算数, 分值, 得分 …)
 * the column it came from, the header text it was read from, the rows it covers and how sure the reader is.
 * `ziping check --explain`, the pane's 识别结果 and the officer's correction (a LayoutOverride) all work on this.
 */

/** Roles of the budget block's columns (预算执行情况). `label` is the column of row labels (总额, 其中：财政资金 …). */
export const BUDGET_ROLES = ["label", "initial", "planned", "executed", "weight", "rate", "score", "reason"] as const;
export type BudgetRole = (typeof BUDGET_ROLES)[number];

/** Roles of the indicator block's columns (绩效指标). */
export const INDICATOR_ROLES = [
  "level1",
  "level2",
  "name",
  "nature",
  "unit",
  "target",
  "actual",
  "weight",
  "coefficient",
  "criteria",
  "score",
  "reason",
] as const;
export type IndicatorRole = (typeof INDICATOR_ROLES)[number];

/** Roles of the goal block (年度总体目标). */
export const GOAL_ROLES = ["expected", "actual"] as const;
export type GoalRole = (typeof GOAL_ROLES)[number];

export type ReadingBlock = "budget" | "indicator" | "goal";

/**
 * How the role was found. `sure`: the header names it and the cells under it agree. `likely`: the header names it
 * less plainly (a composed two-row label, a pattern rather than a known synonym) or a few cells disagree.
 * `unsure`: two readings were possible, or the data argues against the header; a layout-assumption finding says so.
 */
export type Confidence = "sure" | "likely" | "unsure";

/** Where a role came from: a column header, a label/value pair, the heading above the table, or the officer. */
export type RoleSource = "header" | "pair" | "heading" | "layout";

export interface RoleReading {
  block: ReadingBlock;
  role: string;
  /** 1-based column, and its letters ("H"). */
  col: number;
  column: string;
  /** The header as composed from its rows, parent first ("自评得分 / 权重占比(%)"); for a pair, the label's text. */
  header: string;
  /** The header cell nearest the data (the child of a two-row header), A1. */
  headerCell: string;
  /** First and last row the role was read from (the data rows under the header, or the one row of a pair). */
  rows: [number, number];
  confidence: Confidence;
  source: RoleSource;
  /** Why the reader believes it, in both languages ("19 of 19 rows hold numbers" / "19 行中 19 行为数值"). */
  evidence: { "zh-CN": string; "en-US": string };
}

export interface BlockReading {
  /** 一级 label without its weight ("产出指标"). */
  level1: string;
  rows: [number, number];
  /** The block's weight as the table states it (label "(50分)", a heading row's 分值), or null. */
  weight: number | null;
  weightCell?: string;
}

/** A point where the reader chose between readings: reported as an info-level layout-assumption finding. */
export interface LayoutAssumption {
  cell: string;
  role: string;
  /** What was taken, and what the other reading would have been. */
  message: { "zh-CN": string; "en-US": string };
}

export interface TableReading {
  /** Header rows of each block, first to last ([5, 6] for a two-row header). */
  budgetHeaderRows?: [number, number];
  indicatorHeaderRows?: [number, number];
  goalHeaderRows?: [number, number];
  roles: RoleReading[];
  /** Rows read as indicators (first and last), and each 一级 block. */
  indicatorRows?: [number, number];
  blocks: BlockReading[];
  /** The execution weight when a heading states it (预算执行情况(20分)), and where. */
  budgetWeight?: { weight: number; cell: string };
  /** The reported 总分: a 总分/合计 row of the table or a 自评总分 field in the heading. */
  total?: { cell: string; source: "row" | "heading" };
  /** Where weights came from: a column (分值/权重 …), block headings ((20分)), or nowhere. */
  weights: "column" | "headings" | "none";
  assumptions: LayoutAssumption[];
  /** True when an officer's LayoutOverride was applied. */
  corrected: boolean;
}

/**
 * Each role's name as a reviewer says it, in both languages: one table for --explain, 识别结果, the correction's
 * picker and the reader's own messages (a 版式.json names roles by their ids).
 */
export const ROLE_LABELS: {
  budget: Record<BudgetRole, { "zh-CN": string; "en-US": string }>;
  indicator: Record<IndicatorRole, { "zh-CN": string; "en-US": string }>;
  goal: Record<GoalRole, { "zh-CN": string; "en-US": string }>;
} = {
  budget: {
    label: { "zh-CN": "资金项目", "en-US": "Funding item" },
    initial: { "zh-CN": "年初预算数", "en-US": "Initial budget" },
    planned: { "zh-CN": "全年预算数", "en-US": "Full-year budget" },
    executed: { "zh-CN": "全年执行数", "en-US": "Full-year spending" },
    weight: { "zh-CN": "分值", "en-US": "Weight" },
    rate: { "zh-CN": "执行率", "en-US": "Execution rate" },
    score: { "zh-CN": "得分", "en-US": "Score" },
    reason: { "zh-CN": "偏差原因", "en-US": "Reason for deviation" },
  },
  indicator: {
    level1: { "zh-CN": "一级指标", "en-US": "Level-1 indicator" },
    level2: { "zh-CN": "二级指标", "en-US": "Level-2 indicator" },
    name: { "zh-CN": "三级指标", "en-US": "Indicator" },
    nature: { "zh-CN": "指标性质", "en-US": "Indicator type" },
    unit: { "zh-CN": "度量单位", "en-US": "Unit" },
    target: { "zh-CN": "年度指标值", "en-US": "Annual target" },
    actual: { "zh-CN": "实际完成值", "en-US": "Actual value" },
    weight: { "zh-CN": "分值", "en-US": "Weight" },
    coefficient: { "zh-CN": "得分系数", "en-US": "Score coefficient" },
    criteria: { "zh-CN": "评分标准", "en-US": "Scoring criteria" },
    score: { "zh-CN": "得分", "en-US": "Score" },
    reason: { "zh-CN": "偏差原因", "en-US": "Deviation reason" },
  },
  goal: {
    expected: { "zh-CN": "预期目标", "en-US": "Expected goals" },
    actual: { "zh-CN": "实际完成情况", "en-US": "Actual outcome" },
  },
};

/** A role's name in one language; a role this table does not know (the 总分) shows as its id. */
export function roleLabel(block: ReadingBlock, role: string, lang: "zh-CN" | "en-US" = "zh-CN"): string {
  return (ROLE_LABELS[block] as Record<string, { "zh-CN": string; "en-US": string }>)[role]?.[lang] ?? role;
}

/** The role names of one language, by block, as the pane's strings hold them. */
export function roleNames(lang: "zh-CN" | "en-US"): {
  budget: Record<BudgetRole, string>;
  indicator: Record<IndicatorRole, string>;
  goal: Record<GoalRole, string>;
} {
  const pick = <R extends string>(t: Record<R, { "zh-CN": string; "en-US": string }>) =>
    Object.fromEntries(
      Object.entries(t).map(([k, v]) => [k, (v as { "zh-CN": string; "en-US": string })[lang]]),
    ) as Record<R, string>;
  return { budget: pick(ROLE_LABELS.budget), indicator: pick(ROLE_LABELS.indicator), goal: pick(ROLE_LABELS.goal) };
}
