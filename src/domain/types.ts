/**
 * The engine's public data shapes: findings, computed figures, write plans and the result of a check.
 * Everything here is plain data so that every host (Excel, .xlsx files, the report) consumes the same thing.
 */

import type { TableReading } from "./reading";

export type Lang = "zh-CN" | "en-US";
export type Localized = Record<Lang, string>;

export type Severity = "error" | "warning" | "info";

/** Stable finding ids (DOMAIN.md §4), plus the engine's own `qualitative-unrated` and `merges-unknown`. */
export type RuleId =
  | "layout-unrecognized"
  | "required-blank"
  | "value-not-number"
  | "template-text-left"
  | "budget-total-mismatch"
  | "exec-over-budget"
  | "exec-rate-mismatch"
  | "exec-score-mismatch"
  | "exec-low-no-reason"
  | "budget-adjusted-no-reason"
  | "weights-sum"
  | "weight-invalid"
  | "score-exceeds-weight"
  | "score-mismatch"
  | "qualitative-out-of-tier"
  | "reason-missing"
  | "over-completion"
  | "unit-mismatch"
  | "total-mismatch"
  | "duplicate-exec-indicator"
  | "text-copied"
  | "score-ahead-of-execution"
  | "qualitative-unrated"
  | "score-cap"
  | "layout-assumption"
  | "merges-unknown";

/** One problem a reviewer would raise, pointing at a cell (valibot's issue shape, in the domain's words). */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell to look at (a single cell, inside the sheet). */
  cell: string;
  /** What the rule expected there, as shown to the officer (e.g. "98.93%"). */
  expected?: string;
  /** What the cell holds (as displayed). */
  received?: string;
  /** The arithmetic behind the expectation, when there is one ("3342.07 ÷ 3378.30 = 98.93%"). */
  arithmetic?: string;
  message: Localized;
}

/** A computed number with the rule and arithmetic that produced it. */
export interface Figure {
  /** Stable key: "budget.rate", "budget.score", "indicator.14.score", "block.产出指标.score", "total.score", "total.grade". */
  key: string;
  label: Localized;
  /** Full precision; null when it cannot be computed (for instance a zero budget). */
  value: number | null;
  /** As the officer reads it: "98.93%", "9.89", "优". */
  display: string;
  /** Profile id and rule name, e.g. "central-2020 / 执行率 = 全年执行数 ÷ 全年预算数". */
  profile: string;
  rule: Localized;
  arithmetic: string;
  /** The cell this figure belongs in, when the table has one. */
  sheet?: string;
  cell?: string;
  /** For grade figures: the letter as text. */
  text?: string;
}

export interface PlannedValue {
  sheet: string;
  cell: string;
  value: number | string;
  numFmt?: string;
  /** The figure this value comes from. */
  figure: string;
  /** A note to attach, explaining the arithmetic. */
  note?: string;
}

export interface PlannedMark {
  sheet: string;
  cell: string;
  severity: Severity;
  /** The note text (zh-CN) attached to the highlighted cell. */
  note: string;
}

export interface FindingsSheetRow {
  cells: Array<string | number>;
  /** The cell this row points at, for a hyperlink. */
  link?: { sheet: string; cell: string };
  severity?: Severity;
}

export interface FindingsSheetPlan {
  name: string;
  header: string[];
  rows: FindingsSheetRow[];
}

/**
 * What to write where. Values only ever target computed cells; marks (fill + note) may point at any
 * finding's cell but never change its value or number format.
 */
export interface WritePlan {
  values: PlannedValue[];
  marks: PlannedMark[];
  findingsSheet: FindingsSheetPlan;
  /** Sheets of text to add, such as the Word-ready 自评报告 (one paragraph a row). */
  sheets?: TextSheetPlan[];
}

/**
 * A sheet of paragraphs, one a row in one wide wrapped column, each styled as its 公文 level so that copying
 * the column into Word gives styled paragraphs. Hosts write `text` exactly as given (never as a formula).
 */
export interface TextSheetPlan {
  name: string;
  /** Width of the one column (A), in Excel's character units. */
  columnWidth: number;
  rows: Array<{
    /** The cell's text, the first-line indent already written in as full-width spaces (U+3000). */
    text: string;
    /** The font Word should use ("仿宋_GB2312"), and the one to use where it is not installed ("仿宋"). */
    font: string;
    fallbackFont: string;
    /** Size in points (三号 = 16, 二号 = 22). */
    size: number;
    bold: boolean;
    align: "left" | "center" | "justify";
    /** First-line indent in characters (informative: `text` already carries it). */
    indent: number;
    /** The row still holds a 【待填写：…】 placeholder or a notice to remove: fill it so the officer sees it. */
    highlight: boolean;
  }>;
}

export type LayoutId = "central" | "department" | "sichuan" | "city-20-80";
export type ProfileId = "central-2020" | "sichuan" | "city-20-80";

export interface BudgetSummary {
  planned: number | null;
  executed: number | null;
  /** 执行率 as a fraction (0.989276). */
  rate: number | null;
  score: number | null;
}

export interface TotalSummary {
  computed: number | null;
  reported: number | null;
  grade: string | null;
}

export interface CheckResult {
  /** The worksheet read as the 自评表 (absent when none was found). */
  sheet?: string;
  layout?: LayoutId;
  profile: ProfileId;
  budget: BudgetSummary;
  total: TotalSummary;
  findings: Finding[];
  figures: Figure[];
  plan: WritePlan;
  /** What the reader understood of the table, role by role (absent when no table was recognised). */
  reading?: TableReading;
}
