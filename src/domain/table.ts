/**
 * The 自评表 as the engine understands it once its layout is read: blocks of addressed cells, each cell
 * still raw so that rules can say exactly what the officer typed and where.
 */
import type { Cell } from "./grid";
import type { TableReading } from "./reading";
import type { LayoutId } from "./types";

/** One addressed cell of the table (the top-left cell when it lies in a merged area). */
export interface Slot {
  row: number;
  col: number;
  a1: string;
  cell: Cell | undefined;
  /** The text as displayed, trimmed ("" when empty). */
  text: string;
  /**
   * True when the requested cell lies inside a merged area owned by another cell. Covered from another column,
   * the slot reads as empty (a merge across 分值 and 得分 is not two values); covered from above, it reads the
   * owner (a vertically merged label or reason). Nothing is ever written to a covered slot.
   */
  covered?: boolean;
}

export interface BudgetRow {
  kind: "total" | "sub";
  label: string;
  labelSlot: Slot;
  initial?: Slot;
  planned?: Slot;
  executed?: Slot;
  weight?: Slot;
  rate?: Slot;
  score?: Slot;
  reason?: Slot;
}

export interface GoalRow {
  label: string;
  expected: Slot;
  actual: Slot;
}

export interface IndicatorRow {
  row: number;
  /** 一级 label without its embedded weight ("产出指标"). */
  level1: string;
  level1Slot?: Slot;
  level2: string;
  name: Slot;
  nature?: Slot;
  unit?: Slot;
  /** Absent in scorecard tables (评分标准 instead of 年度指标值 / 实际完成值): the score is then a judgement. */
  target?: Slot;
  actual?: Slot;
  /** 评分标准 / 指标解释, in scorecard tables. */
  criteria?: Slot;
  /** Absent when the table has no 分值 column (weights only in block headings): nothing is then recomputed. */
  weight?: Slot;
  coefficient?: Slot;
  score: Slot;
  reason?: Slot;
}

/** A 一级 block: its label cell, weight stated in the label or on a heading row, and a subtotal cell if any. */
export interface Block {
  level1: string;
  labelSlot: Slot;
  /** Weight written into the label ("产出指标(50分)") or on the block's heading row. */
  statedWeight: number | null;
  /** Where the stated weight sits (the label cell or the heading row's 分值 cell). */
  weightSlot: Slot;
  /** The heading row's 得分 cell, which holds the block subtotal. */
  subtotalSlot?: Slot;
  indicators: IndicatorRow[];
}

export interface TableModel {
  sheet: string;
  layout: LayoutId;
  title: string;
  /** 部门/单位 name and 项目名称 when the table states them. */
  unit: string;
  project: string;
  year: number | null;
  budgetHeaderRow: number;
  /** Raw header text of the budget block's score column ("得分(20分*执行率)"). */
  budgetScoreHeader: string;
  budgetRows: BudgetRow[];
  goals: GoalRow[];
  indicatorHeaderRow: number;
  indicators: IndicatorRow[];
  blocks: Block[];
  /** Rows still holding template placeholders ("指标1" with nothing filled in). */
  placeholders: Slot[];
  total?: { labelSlot: Slot; weight?: Slot; score?: Slot };
  grade?: { labelSlot: Slot; value: Slot };
  /** 预算执行情况(20分): the execution weight written into the budget block's heading. */
  execWeightHeading?: { slot: Slot; weight: number };
  /** 年度绩效目标(80分): the indicators' weight written into their heading. */
  indicatorsWeightHeading?: { slot: Slot; weight: number };
  /** The reading behind this model: each role's column, header text, rows and confidence. */
  reading: TableReading;
  /** Last row and column the table occupies. */
  lastRow: number;
  lastCol: number;
}

/** Why a sheet could not be read as a 自评表: the label that was expected, and where it was looked for. */
export interface LayoutProblem {
  expected: string;
  cell: string;
}
