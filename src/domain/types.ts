/**
 * The engine's public data shapes: findings, computed figures, write plans and the result of a check.
 * Everything here is plain data so that every host (Excel, .xlsx files, the report) consumes the same thing.
 */

import type { TableReading } from "./reading";

export type Lang = "zh-CN" | "en-US";
export type Localized = Record<Lang, string>;

export type Severity = "error" | "warning" | "info";

/** Stable finding ids (DOMAIN.md §4), plus the engine's own (`qualitative-unrated`, `merges-unknown`, `hidden-sheet`, `formula-*`). */
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
  | "merges-unknown"
  | "hidden-sheet"
  | "formula-uncalculated"
  | "formula-calculated";

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
  /** The rules in force as a reviewer reads them ("财预〔2020〕10号"); `profile` is their id. */
  profileTitle?: Localized;
  /**
   * Stable, unique key: "budget.rate", "budget.score", "indicator.14.score", "block.产出指标.score" (a later block of the
   * same name: "block.产出指标.20.score", by its row), "total.score", "total.grade".
   */
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
  /** Sheets of cells to add, such as the blank 自评表 and the blank 报告素材 sheet. */
  cellSheets?: CellSheetPlan[];
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

/** A cell of a sheet plan: text (always written as text, never as a formula), a number, or a formula. */
export type SheetCell = string | number | { formula: string };

/** How one A1 range of a sheet plan looks; what is absent is left as Excel has it. */
export interface SheetFormat {
  range: string;
  numFmt?: string;
  bold?: boolean;
  /** Font size in points. */
  fontSize?: number;
  /** Font colour, "#RRGGBB". */
  fontColor?: string;
  wrap?: boolean;
  vertical?: "top" | "center";
  horizontal?: "left" | "center";
  /** Thin lines around and between every cell of the range. */
  borders?: boolean;
}

/**
 * A sheet of cells to add: its name, its rows from A1, merged areas, column widths and formats, as plain data
 * that every host applies the way it applies the rest of the plan (the name through src/domain/sheet-names.ts).
 */
export interface CellSheetPlan {
  name: string;
  /**
   * "ziping": the add-in's output, replaced by a later one and removed by 撤销写入. "officer": a sheet made for
   * the officer to fill in (the blank 自评表, 报告素材): it is theirs once added, so never replaced or removed.
   */
  owner: "ziping" | "officer";
  /**
   * When a sheet that may not be replaced has the name: "number" takes "name (2)", …; "skip" writes nothing
   * (there is only ever one 报告素材, and the officer's is the one to read).
   */
  whenTaken: "number" | "skip";
  rows: SheetCell[][];
  merges?: string[];
  /** Widths of columns A, B, … in Excel's character units. */
  columnWidths?: number[];
  /** Applied in order, so a later format wins where ranges overlap. */
  formats?: SheetFormat[];
  /** Rows kept in view when scrolling (the header). */
  freezeRows?: number;
  /** Show the sheet once written, the cursor on this cell. */
  select?: string;
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
  /** Null when no total could be computed, or when it is impossible (weights adding up to more than the total). */
  grade: string | null;
  /**
   * Why the total is only provisional (暂定): errors left in the table, scores that could not be established, or
   * weights that make the total impossible. Null when the total stands.
   */
  provisional: Localized | null;
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
