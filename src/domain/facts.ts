/**
 * The scoring pass: one pure walk over a read table that computes, for the budget and every indicator, the facts a
 * reviewer reasons with — what each cell holds, the direction assumed, the ratio, the computed score with its
 * arithmetic, whether the target was met, missed or far exceeded, the qualitative tier — and the figures and
 * computed cells that go back into the workbook. It raises no finding: the rules in ./rules read these facts, and
 * so do the plan, the pane, the command line and the report, so nothing outside this module decides whether an
 * indicator is unmet or over-completed.
 */
import { budgetBreakdown, isCostCategory } from "./labels";
import {
  isEmptyExplanation,
  moneyScale,
  normalizeText,
  parseAmount,
  parseActual,
  parseNumber,
  parseTarget,
  unitKind,
  unitsCompatible,
  type Actual,
  type Target,
  type Tier,
} from "./parse";
import {
  amountShownPositive,
  amountsAgree,
  below,
  equalWithin,
  exceeds,
  fmtAmount,
  fmtPlain,
  fmtRate,
  fmtScore,
  inTier,
  ratesAgree,
  round,
  scoreBelowWeight,
  toDigits,
  weightsAgree,
} from "./precision";
import { gradeFor, profileLabel, profileTitle, type Direction, type Profile } from "./profile";
import type { Block, BudgetRow, IndicatorRow, Slot, TableModel } from "./table";
import type { BudgetSummary, Figure, Localized, TotalSummary } from "./types";

/** A computed value destined for a computed cell of the table. */
export interface ComputedCell {
  slot: Slot;
  figure: string;
  value: number | string;
  numFmt?: string;
}

/** What a cell holds, as the rules need it: nothing, a number (with the unit typed beside it), or other text. */
export type NumberRead =
  { kind: "blank" } | { kind: "number"; value: number; unit: string | null } | { kind: "text"; text: string };

export function readNumber(slot: Slot | undefined): NumberRead {
  if (!slot || slot.text === "") return { kind: "blank" };
  const p = parseNumber(slot.cell?.value, slot.cell?.numFmt);
  return p ? { kind: "number", value: p.value, unit: p.unit } : { kind: "text", text: slot.text };
}

export function numberOf(slot: Slot | undefined): number | null {
  const n = readNumber(slot);
  return n.kind === "number" ? n.value : null;
}

/**
 * A budget amount in 万元: "150万元" is 150, "1,234.5元" is 0.12345 (the conversion is said in the arithmetic);
 * anything parseAmount cannot read is text, as in readNumber.
 */
export function readAmount(slot: Slot | undefined, converted?: Set<string>): NumberRead {
  if (!slot || slot.text === "") return { kind: "blank" };
  const a = parseAmount(slot.cell?.value, slot.cell?.numFmt);
  if (!a) return { kind: "text", text: slot.text };
  if (a.from && converted) converted.add(`${slot.a1}“${a.from}”折合 ${fmtAmount(a.value)} 万元`);
  return { kind: "number", value: a.value, unit: null };
}

function amountOf(slot: Slot | undefined, converted?: Set<string>): number | null {
  const n = readAmount(slot, converted);
  return n.kind === "number" ? n.value : null;
}

/** A typed rate as a fraction: 0.9893 in a % cell, "98.93%", or 98.93 typed as points. */
export function rateFraction(n: { value: number; unit: string | null }): number {
  if (n.unit === "%") return n.value / 100;
  return Math.abs(n.value) > 1.5 ? n.value / 100 : n.value;
}

export const TIER_NAME: Record<Tier, Localized> = {
  top: { "zh-CN": "达成年度指标", "en-US": "target achieved" },
  middle: { "zh-CN": "部分达成年度指标并具有一定效果", "en-US": "partly achieved" },
  bottom: { "zh-CN": "未达成年度指标且效果较差", "en-US": "not achieved" },
};

/** A tier's score range as a reviewer writes it: "6 分（含）至 8 分", the top tier "8 分（含）至 10 分（含）". */
export function tierRangeText(lo: number, hi: number, top: boolean): string {
  return `${fmtPlain(lo)} 分（含）至 ${fmtPlain(hi)} 分${top ? "（含）" : ""}`;
}

/** The same range in English: "6 (inclusive) to 8 (exclusive)", the top tier "8 to 10, both inclusive". */
export function tierRangeTextEn(lo: number, hi: number, top: boolean): string {
  return top
    ? `${fmtPlain(lo)} to ${fmtPlain(hi)}, both inclusive`
    : `${fmtPlain(lo)} (inclusive) to ${fmtPlain(hi)} (exclusive)`;
}

// ── Facts ───────────────────────────────────────────────────────────────────────────────────────

export type BudgetKey = "initial" | "planned" | "executed";
export const BUDGET_KEY_LABEL: Record<BudgetKey, string> = {
  initial: "年初预算数",
  planned: "全年预算数",
  executed: "全年执行数",
};

/** A total row amount that disagrees with the sum of one breakdown of its sub-rows. */
export interface BreakdownMismatch {
  key: BudgetKey;
  slot: Slot;
  typed: number;
  sum: number;
  arithmetic: string;
}

export interface BudgetFacts {
  /** The 年度资金总额 row; absent when the table has none (nothing below is then known). */
  total?: BudgetRow;
  rows: readonly BudgetRow[];
  breakdownMismatches: BreakdownMismatch[];
  /** Each key's total read, and whether the breakdown's sum stood in for a total typed as 0. */
  planned: NumberRead;
  executed: NumberRead;
  fromBreakdown: { planned: boolean; executed: boolean };
  /** The amounts the rate is computed from (null when unreadable). */
  plannedAmount: number | null;
  executedAmount: number | null;
  initial: NumberRead;
  /** The budget 分值 cell read, the weight in force and whether execution is scored at all. */
  weightRead: NumberRead;
  weight: number;
  scored: boolean;
  /** The execution weight counted in the total: `weight` when scored, else 0. */
  execWeight: number;
  /** Planned shown as 0.00 万元 or less, or a rate that is no number: nothing to divide by. */
  noRate: boolean;
  rate: number | null;
  rateArithmetic: string;
  typedRate: NumberRead;
  /** The typed rate as a fraction, and whether some reading of it agrees with the computed rate. */
  typedRateFraction: number | null;
  typedRateAgrees: boolean | null;
  /** The budget rows' 偏差原因 cells, and whether any holds a real explanation. */
  reasonCells: Slot[];
  explained: boolean;
  score: number | null;
  scoreArithmetic: string;
  typedScore: NumberRead;
}

/** How the indicator stands: the one answer the checks, the pane, the CLI and the report share. */
export type IndicatorStatus = "met" | "unmet" | "over-completed" | "not-applicable" | "unknown";

export interface QuantitativeFacts {
  target: number;
  /** The actual after unit conversion (0.95 under a % target read as 95). */
  actual: number;
  direction: Direction;
  /** True when the direction was not written and the profile's default was assumed. */
  assumed: boolean;
  targetUnit: string | null;
  actualUnit: string | null;
  /** "百分比" written as a target unit, or units that cannot be compared. */
  unitProblem: "percent-word" | "incompatible" | null;
  /** actual ÷ target (null when the target is 0). */
  ratio: number | null;
  /** The target met in the scoring's direction (≥, ≤, or = within the profile's tolerance). */
  met: boolean;
  /** An actual at or above overCompletionRatio × target on a ≥ or = indicator. */
  overCompleted: boolean;
  penalty: number;
}

export interface QualitativeFacts {
  tier: Tier | null;
  lo: number;
  hi: number;
  rangeText: string;
  /** Whether the typed score lies inside the tier (null with no typed score or no tier). */
  inTier: boolean | null;
}

export interface IndicatorFact {
  row: IndicatorRow;
  name: string;
  notApplicable: boolean;
  weightRead: NumberRead;
  /** The weight in force (null: no 分值 column, or an unusable one). */
  weight: number | null;
  target: Target;
  actual: Actual;
  typed: NumberRead;
  typedScore: number | null;
  /** Chongqing-style 得分系数 × 分值, and its arithmetic. */
  byCoefficient: { score: number; arithmetic: string } | null;
  quantitative: QuantitativeFacts | null;
  qualitative: QualitativeFacts | null;
  /** The score the rules compute, with its arithmetic (null when they compute none). */
  computed: number | null;
  computedByRule: boolean;
  arithmetic: string;
  /** The score counted in the total: the computed one, else the typed one capped at the weight. */
  effective: number | null;
  /** True when the 偏差原因 cell holds a real explanation. */
  explained: boolean;
  status: IndicatorStatus;
}

export interface BlockFact {
  block: Block;
  weight: number;
  score: number;
  /** The weight its label or heading row states, and the weight the profile expects (when enforced). */
  stated: number | null;
  expectedWeight: number | null;
  typedSubtotal: NumberRead;
}

export interface TotalFacts {
  /** False when the table has no 分值 column and weights come from the block headings. */
  weightColumn: boolean;
  /** Sum of the indicators' weights in force (block headings' when there is no 分值 column; null if unknown). */
  indicatorWeights: number | null;
  headingWeights: number | null;
  sumWeights: number;
  sumScores: number;
  /** Weights of indicators marked 不适用. */
  excluded: number;
  allWeights: number;
  statedTotal: number | null;
  /** Indicators (and the execution score) whose score could not be established. */
  unknown: number;
  cap: { cap: number; rate: number; uncapped: number } | null;
  /** All weights (excluded ones too) above the profile's total: no total of such a table can be graded. */
  impossible: boolean;
  computed: number | null;
  arithmetic: string;
  grade: string | null;
  gradeArithmetic: string;
  typedTotal: NumberRead;
}

export interface Facts {
  table: TableModel;
  profile: Profile;
  budget: BudgetFacts;
  indicators: IndicatorFact[];
  blocks: BlockFact[];
  total: TotalFacts;
  figures: Figure[];
  computed: ComputedCell[];
  budgetSummary: BudgetSummary;
  totalSummary: TotalSummary;
}

// ── The pass ────────────────────────────────────────────────────────────────────────────────────

class Scorer {
  readonly figures: Figure[] = [];
  readonly computed: ComputedCell[] = [];
  readonly profileLabel: string;
  readonly profileTitle: Localized;
  readonly converted = new Set<string>();
  private readonly planned = new Set<number>();
  private readonly inputs: Set<number>;
  private readonly sharedComputed = new Set<number>();
  /** False when the table has no 分值 column: weights come from the block headings. */
  readonly weightColumn: boolean;

  constructor(
    readonly table: TableModel,
    readonly profile: Profile,
  ) {
    this.profileLabel = profileLabel(profile);
    this.profileTitle = profileTitle(profile);
    this.inputs = inputCells(table);
    // A computed cell merged over several roles (two indicators' 得分, an indicator's 得分 and the 总分)
    // belongs to none of them: it is checked, never written.
    const seen = new Set<number>();
    for (const { slot } of computedSlots(table))
      (seen.has(cellKey(slot)) ? this.sharedComputed : seen).add(cellKey(slot));
    this.weightColumn = table.indicators.some((i) => i.weight !== undefined) || table.indicators.length === 0;
  }

  figure(f: Omit<Figure, "profile" | "sheet">, slot?: Slot): void {
    // Absurd magnitudes (1e308 typed into a cell) must not leak Infinity into figures.
    if (f.value !== null && !Number.isFinite(f.value)) f = { ...f, value: null, display: "—" };
    // Built field by field (one figure per indicator: object spread showed up in the benchmark).
    const fig: Figure = {
      key: f.key,
      label: f.label,
      value: f.value,
      display: f.display,
      profile: this.profileLabel,
      profileTitle: this.profileTitle,
      rule: f.rule,
      arithmetic: f.arithmetic,
      sheet: slot ? this.table.sheet : undefined,
      cell: slot?.a1,
    };
    if (f.text !== undefined) fig.text = f.text;
    this.figures.push(fig);
  }

  /**
   * Plans a computed value for a cell. Never into a formula (the officer's own construction), a covered cell
   * of a merged area, a cell that is also an input of the table, or a cell already planned.
   */
  compute(slot: Slot | undefined, figure: string, value: number | string, numFmt?: string): void {
    if (!slot || slot.cell?.formula || slot.covered) return;
    if (typeof value === "number" && !Number.isFinite(value)) return;
    const key = cellKey(slot);
    if (this.inputs.has(key) || this.planned.has(key) || this.sharedComputed.has(key)) return;
    this.planned.add(key);
    this.computed.push({ slot, figure, value, numFmt });
  }

  // ── Budget block ──────────────────────────────────────────────────────────────────────────────
  budget(): BudgetFacts {
    const p = this.profile;
    const rows = this.table.budgetRows;
    const total = rows.find((r) => r.kind === "total");
    const facts: BudgetFacts = {
      total,
      rows,
      breakdownMismatches: [],
      planned: { kind: "blank" },
      executed: { kind: "blank" },
      fromBreakdown: { planned: false, executed: false },
      plannedAmount: null,
      executedAmount: null,
      initial: { kind: "blank" },
      weightRead: { kind: "blank" },
      weight: p.execWeight,
      scored: false,
      execWeight: 0,
      noRate: false,
      rate: null,
      rateArithmetic: "",
      typedRate: { kind: "blank" },
      typedRateFraction: null,
      typedRateAgrees: null,
      reasonCells: [],
      explained: false,
      score: null,
      scoreArithmetic: "",
      typedScore: { kind: "blank" },
    };
    if (!total) return facts;
    // Sub-rows may break the total down twice (by source of funds and by kind of spending, as the 部门整体
    // template does): each breakdown must add up to the total on its own.
    const breakdowns = new Map<string, BudgetRow[]>();
    for (const r of rows)
      if (r !== total)
        breakdowns.set(budgetBreakdown(r.label), [...(breakdowns.get(budgetBreakdown(r.label)) ?? []), r]);

    const usedSum: Partial<Record<BudgetKey, number>> = {};
    for (const key of ["initial", "planned", "executed"] as const) {
      const slot = total[key];
      if (!slot) continue;
      const own = readAmount(slot, this.converted);
      const typed = own.kind === "number" ? own.value : own.kind === "blank" ? 0 : null;
      for (const group of breakdowns.values()) {
        const values = group.map((r) => amountOf(r[key], this.converted)).filter((n): n is number => n !== null);
        if (!values.length || typed === null) continue;
        const sum = values.reduce((a, b) => a + b, 0);
        if (!Number.isFinite(sum) || amountsAgree(typed, sum, p)) continue;
        facts.breakdownMismatches.push({
          key,
          slot,
          typed,
          sum,
          arithmetic: `${group.map((r) => fmtAmount(amountOf(r[key]) ?? 0)).join(" + ")} = ${fmtAmount(sum)}`,
        });
        if (typed === 0) usedSum[key] = sum;
        break;
      }
    }

    facts.planned = readAmount(total.planned, this.converted);
    facts.executed = readAmount(total.executed, this.converted);
    facts.fromBreakdown = { planned: usedSum.planned !== undefined, executed: usedSum.executed !== undefined };
    const planned = usedSum.planned ?? (facts.planned.kind === "number" ? facts.planned.value : null);
    const executed = usedSum.executed ?? (facts.executed.kind === "number" ? facts.executed.value : null);
    facts.plannedAmount = planned;
    facts.executedAmount = executed;
    facts.initial = readAmount(total.initial);
    facts.reasonCells = rows.map((r) => r.reason).filter((s): s is Slot => !!s);
    facts.explained = facts.reasonCells.some((s) => !isEmptyExplanation(s.text));

    facts.weightRead = readNumber(total.weight);
    let weight = p.execWeight;
    if (total.weight && facts.weightRead.kind === "number" && facts.weightRead.value > 0)
      weight = facts.weightRead.value;
    // A budget block without 分值 and 得分 columns only reports the money (投入/过程-style tables score
    // execution as an indicator): it adds no points of its own.
    if (!total.weight && this.table.execWeightHeading) weight = this.table.execWeightHeading.weight;
    facts.weight = weight;
    facts.scored =
      total.weight !== undefined ||
      total.score !== undefined ||
      !!this.table.execWeightHeading ||
      this.pairsLeaveExecutionWeight(weight);
    facts.execWeight = facts.scored ? weight : 0;

    if (planned === null || executed === null) return facts;
    const source = usedSum.planned !== undefined || usedSum.executed !== undefined ? "（按明细行合计）" : "";
    // A budget that shows as 0.00 万元 (or an amount so large that the rate is no number) is reported like a zero
    // budget: 95 of 1e-300 would be a rate of 9.5e301 and full execution points for a budget nobody can see.
    if (!amountShownPositive(planned) || !Number.isFinite(executed / planned)) {
      facts.noRate = true;
      return facts;
    }
    const rate = executed / planned;
    facts.rate = rate;
    const units = this.converted.size ? `（${[...this.converted].join("；")}）` : "";
    facts.rateArithmetic = `${fmtAmount(executed)} ÷ ${fmtAmount(planned)} = ${fmtRate(rate)}${source}${units}`;
    this.figure(
      {
        key: "budget.rate",
        label: { "zh-CN": "预算执行率", "en-US": "Execution rate" },
        value: rate,
        display: fmtRate(rate),
        rule: { "zh-CN": "执行率 = 全年执行数 ÷ 全年预算数", "en-US": "rate = spending ÷ full-year budget" },
        arithmetic: facts.rateArithmetic,
      },
      total.rate,
    );
    this.compute(total.rate, "budget.rate", round(rate, 6), "0.00%");

    facts.typedRate = readNumber(total.rate);
    if (facts.typedRate.kind === "number") {
      const typedRate = facts.typedRate;
      const typed = rateFraction(typedRate);
      // A number in a General cell may be a fraction or points: 1.6 is 160% beside a 160% rate, 98.93 is 98.93%.
      const readings =
        typedRate.unit === "%" ? [typed] : [typed, typed === typedRate.value ? typed / 100 : typedRate.value];
      facts.typedRateFraction = typed;
      facts.typedRateAgrees = readings.some((x) => ratesAgree(x, rate, p, total.rate!.cell?.numFmt));
    }
    if (facts.scored) this.executionScore(facts, total, rate, weight);
    return facts;
  }

  /**
   * A budget written as label/value pairs has no cell for its weight: it is scored when the indicators' weights
   * leave exactly the profile's execution weight of the total (90 of 100 leaves 10), and not otherwise.
   */
  private pairsLeaveExecutionWeight(weight: number): boolean {
    if (!this.table.reading.roles.some((r) => r.block === "budget" && r.source === "pair")) return false;
    const indicators = this.table.indicators.reduce((s, i) => s + (numberOf(i.weight) ?? 0), 0);
    const total = numberOf(this.table.total?.weight) ?? this.profile.totalWeight;
    return indicators > 0 && weightsAgree(indicators + weight, total);
  }

  /** The execution score: min(执行率, 100%) × 分值. */
  private executionScore(facts: BudgetFacts, total: BudgetRow, rate: number, weight: number): void {
    // Between 0 and the weight: overspending earns nothing extra, a negative 执行数 no negative points.
    const score = Math.min(Math.max(rate, 0), 1) * weight;
    facts.score = score;
    facts.scoreArithmetic =
      rate > 1
        ? `执行率 ${fmtRate(rate)} 超过100%，按100%计：1 × ${fmtPlain(weight)} = ${fmtScore(score)}`
        : `${fmtRate(rate)} × ${fmtPlain(weight)} = ${fmtScore(score)}`;
    this.figure(
      {
        key: "budget.score",
        label: { "zh-CN": "预算执行率得分", "en-US": "Execution score" },
        value: score,
        display: fmtScore(score),
        rule: { "zh-CN": "得分 = min(执行率, 100%) × 分值", "en-US": "score = min(rate, 100%) × weight" },
        arithmetic: facts.scoreArithmetic,
      },
      total.score,
    );
    this.compute(total.score, "budget.score", round(score, 2), "0.00");
    facts.typedScore = readNumber(total.score);
  }

  // ── Indicators ────────────────────────────────────────────────────────────────────────────────
  indicator(row: IndicatorRow): IndicatorFact {
    const name = row.name.text || row.name.a1;
    const notApplicable = [row.actual, row.score, row.target].some((s) =>
      /^不适用$/.test(normalizeText(s?.text ?? "")),
    );
    const weightRead = readNumber(row.weight);
    // Without a 分值 column (weights only in block headings) a single score cannot be recomputed: it is checked
    // against its block and for a reason where the target was missed.
    const weight = row.weight && weightRead.kind === "number" && weightRead.value > 0 ? weightRead.value : null;
    const fact: IndicatorFact = {
      row,
      name,
      notApplicable,
      weightRead,
      weight,
      target: row.target ? parseTarget(row.target.cell?.value, row.target.cell?.numFmt) : { kind: "blank" },
      actual: row.actual ? parseActual(row.actual.cell?.value, row.actual.cell?.numFmt) : { kind: "blank" },
      typed: readNumber(row.score),
      typedScore: null,
      byCoefficient: null,
      quantitative: null,
      qualitative: null,
      computed: null,
      computedByRule: false,
      arithmetic: "",
      effective: null,
      explained: !!row.reason && !isEmptyExplanation(row.reason.text),
      status: notApplicable ? "not-applicable" : "unknown",
    };
    if (notApplicable) return fact;
    const { target, actual, typed } = fact;
    fact.typedScore = typed.kind === "number" ? typed.value : null;

    // Chongqing-style tables state a 得分系数: the score must be that share of the weight.
    const coefficient = readNumber(row.coefficient);
    if (coefficient.kind === "number" && weight !== null) {
      const share = rateFraction(coefficient);
      const score = share * weight;
      fact.byCoefficient = {
        score,
        arithmetic: `得分系数 ${fmtRate(share)} × 分值 ${fmtPlain(weight)} = ${fmtScore(score)}`,
      };
    }

    if (row.target && row.actual && target.kind === "quantitative" && actual.kind === "number") {
      if (weight !== null) {
        fact.computed = this.quantitative(fact, target, actual, weight);
        fact.computedByRule = true;
      } else if (!row.weight) this.compare(fact, target, actual);
    } else if (row.actual && target.kind === "qualitative" && weight !== null && actual.kind !== "blank")
      fact.computed = this.qualitative(fact, actual, weight);

    // A score the table could not justify still counts as typed (capped at the weight), never more.
    const typedScore = fact.typedScore;
    fact.effective =
      fact.computed ??
      (typedScore === null
        ? null
        : weight !== null
          ? Math.min(Math.max(typedScore, 0), weight)
          : !row.weight
            ? Math.max(typedScore, 0)
            : null);
    fact.status = this.status(fact);
    return fact;
  }

  /**
   * Met, unmet or over-completed. With a weight, an indicator is unmet when it scores below full marks; without
   * one (weights only in the headings), when its actual misses the target in the scoring's own direction or a
   * qualitative result lies below the top tier.
   */
  private status(f: IndicatorFact): IndicatorStatus {
    if (f.weight !== null) {
      if (f.effective === null) return "unknown";
      if (scoreBelowWeight(f.effective, f.weight)) return "unmet";
    } else if (!f.row.weight) {
      if (this.missedTarget(f)) return "unmet";
      if (f.effective === null && f.actual.kind === "blank") return "unknown";
    } else return "unknown";
    return f.quantitative?.overCompleted ? "over-completed" : "met";
  }

  private missedTarget(f: IndicatorFact): boolean {
    if (f.quantitative) return !f.quantitative.met;
    return f.actual.kind === "qualitative" && f.actual.tier !== null && f.actual.tier !== "top";
  }

  /** The direction as the scoring reads it: the operator, else 指标性质, else the profile's default. */
  direction(row: IndicatorRow, op: string | null): { dir: Direction; assumed: boolean } {
    if (op === "≥" || op === ">") return { dir: "≥", assumed: false };
    if (op === "≤" || op === "<") return { dir: "≤", assumed: false };
    if (op === "=") return { dir: "=", assumed: false };
    const nature = row.nature ? normalizeText(row.nature.text) : "";
    if (/^(≥|>=|>|正向)/.test(nature)) return { dir: "≥", assumed: false };
    if (/^(≤|<=|<|反向)/.test(nature)) return { dir: "≤", assumed: false };
    if (/^(=|定量等于)/.test(nature)) return { dir: "=", assumed: false };
    const d = isCostCategory(row.level2)
      ? this.profile.bareTargetDirection.cost
      : this.profile.bareTargetDirection.default;
    return { dir: d, assumed: true };
  }

  /**
   * The target against the actual, before any score: both in the target's unit (0.95 under a % target is 95,
   * 2900 元 under 万元 is 0.29), the direction, whether the target was met and whether it was far exceeded, as
   * fact.quantitative; returns the steps taken, for the arithmetic. Also for an indicator without a 分值 of its own,
   * whose status rests on it.
   */
  private compare(
    fact: IndicatorFact,
    target: { op: string | null; value: number; unit: string | null },
    actual: { value: number; unit: string | null },
  ): string[] {
    const p = this.profile;
    const row = fact.row;
    const A = target.value;
    let B = actual.value;
    const notes: string[] = [];
    // A 度量单位 column (two-row 年度指标值 / 度量单位 headers) is the unit of a bare target number too.
    const tUnit = target.unit ?? (row.unit?.text || null);
    const aUnit = actual.unit ?? (row.unit?.text || null);
    const unitProblem =
      tUnit === "百分比" ? "percent-word" : aUnit && tUnit && !unitsCompatible(tUnit, aUnit) ? "incompatible" : null;
    // Conversions are kept to the 15 digits a double holds: 0.57 × 100 is 57, not 56.99999999999999.
    if (unitKind(tUnit) === "percent" && actual.unit === null && Math.abs(B) <= 1.5 && A > 1.5) {
      const percent = toDigits(B * 100);
      notes.push(`实际完成值 ${fmtPlain(B)} 按百分比读作 ${fmtPlain(percent)}%`);
      B = percent;
    }
    const ts = moneyScale(tUnit);
    const as = moneyScale(actual.unit);
    if (ts !== null && as !== null && ts !== as) {
      const converted = toDigits((B * as) / ts);
      notes.push(`实际完成值 ${fmtPlain(B)}${actual.unit} 折合 ${fmtPlain(converted)}${tUnit}`);
      B = converted;
    }

    const { dir, assumed } = this.direction(row, target.op);
    if (assumed) notes.push(`年度指标值未写方向，按“${dir}”理解${dir === "≤" ? "（成本指标）" : ""}`);
    fact.quantitative = {
      target: A,
      actual: B,
      direction: dir,
      assumed,
      targetUnit: tUnit,
      actualUnit: aUnit,
      unitProblem,
      ratio: A !== 0 ? B / A : null,
      met: dir === "≥" ? B >= A || A <= 0 : dir === "≤" ? B <= A : equalWithin(B, A, p.equalTolerance),
      overCompleted: dir !== "≤" && A > 0 && !below(B, p.overCompletionRatio * A),
      penalty: 0,
    };
    return notes;
  }

  private quantitative(
    fact: IndicatorFact,
    target: { op: string | null; value: number; unit: string | null },
    actual: { value: number; unit: string | null },
    w: number,
  ): number {
    const p = this.profile;
    const row = fact.row;
    const notes = this.compare(fact, target, actual);
    const facts = fact.quantitative!;
    const { target: A, actual: B, direction: dir, met } = facts;
    let score: number;
    let arith: string;
    const full = `得满分 ${fmtPlain(w)}`;
    if (dir === "≥") {
      if (met) {
        score = w;
        arith = `${fmtPlain(B)} ≥ ${fmtPlain(A)}，${full}`;
      } else {
        score = w * (Math.max(B, 0) / A);
        arith = `${fmtPlain(B)} ÷ ${fmtPlain(A)} × ${fmtPlain(w)} = ${fmtScore(score)}`;
      }
    } else if (dir === "≤") {
      if (met) {
        score = w;
        arith = `${fmtPlain(B)} ≤ ${fmtPlain(A)}，${full}`;
      } else if (p.lessIsBetterRule === "linear") {
        score = A > 0 ? w * Math.max(0, 1 - (B - A) / A) : 0;
        arith = `${fmtPlain(w)} × (1 − (${fmtPlain(B)} − ${fmtPlain(A)}) ÷ ${fmtPlain(A)}) = ${fmtScore(score)}`;
      } else {
        score = B > 0 ? w * (Math.max(A, 0) / B) : 0;
        arith = `${fmtPlain(A)} ÷ ${fmtPlain(B)} × ${fmtPlain(w)} = ${fmtScore(score)}`;
      }
    } else {
      if (met) {
        score = w;
        arith = `${fmtPlain(B)} = ${fmtPlain(A)}，${full}`;
      } else if (p.equalRule === "ratio" && A > 0 && B > 0) {
        score = w * (Math.min(A, B) / Math.max(A, B));
        arith = `${fmtPlain(Math.min(A, B))} ÷ ${fmtPlain(Math.max(A, B))} × ${fmtPlain(w)} = ${fmtScore(score)}`;
      } else {
        score = 0;
        arith = `${fmtPlain(B)} ≠ ${fmtPlain(A)}，得 0 分`;
      }
    }

    if (facts.overCompleted && p.deviationPenalty && !below(B, p.deviationPenalty.ratio * A)) {
      facts.penalty = Math.min(score, p.deviationPenalty.points);
      score = Math.max(0, score - p.deviationPenalty.points);
      arith += `；偏离目标 ${fmtRate(B / A)}，扣 ${p.deviationPenalty.points} 分 = ${fmtScore(score)}`;
    }
    const arithmetic = notes.length ? `${notes.join("；")}；${arith}` : arith;
    fact.arithmetic = arithmetic;
    const name = fact.name;
    this.figure(
      {
        key: `indicator.${row.row}.score`,
        label: { "zh-CN": `指标得分：${name}`, "en-US": `Indicator score: ${name}` },
        value: score,
        display: fmtScore(score),
        rule: {
          "zh-CN":
            dir === "≥"
              ? "正向指标：达到目标得满分，否则 分值 × 实际 ÷ 目标"
              : dir === "≤"
                ? "反向指标：不超过目标得满分，否则 分值 × 目标 ÷ 实际"
                : "等于指标：相等得满分，否则按比例",
          "en-US":
            dir === "≥"
              ? "at least: full marks when met, else weight × actual ÷ target"
              : dir === "≤"
                ? "at most: full marks when met, else weight × target ÷ actual"
                : "equal: full marks when equal, else proportional",
        },
        arithmetic,
      },
      row.score,
    );
    this.compute(row.score, `indicator.${row.row}.score`, round(score, 2), "0.00");
    return score;
  }

  private qualitative(fact: IndicatorFact, actual: Actual, w: number): number | null {
    const row = fact.row;
    const typed = fact.typedScore;
    const tier = actual.kind === "qualitative" ? actual.tier : null;
    if (!tier) {
      fact.qualitative = { tier: null, lo: 0, hi: w, rangeText: "", inTier: null };
      return null;
    }
    const range = this.profile.tiers[tier];
    const top = tier === "top";
    const lo = range.min * w;
    const hi = range.max * w;
    const rangeText = tierRangeText(lo, hi, top);
    fact.qualitative = { tier, lo, hi, rangeText, inTier: typed === null ? null : inTier(typed, lo, hi, top) };
    // The officer's judgement stands inside the tier; above it, only the tier's ceiling counts.
    const score = typed === null ? null : Math.min(typed, top ? hi : hi - 0.01, w);
    fact.arithmetic =
      typed === null
        ? `定性指标，${TIER_NAME[tier]["zh-CN"]}，得分区间 ${rangeText}，未填自评分`
        : `定性指标，${TIER_NAME[tier]["zh-CN"]}，得分区间 ${rangeText}，自评分 ${fmtPlain(typed)}${score !== typed ? `，按档次上限计 ${fmtScore(score!)}` : ""}`;
    this.figure(
      {
        key: `indicator.${row.row}.score`,
        label: { "zh-CN": `指标得分：${fact.name}`, "en-US": `Indicator score: ${fact.name}` },
        value: score,
        display: score === null ? "—" : fmtScore(score),
        rule: {
          "zh-CN": "定性指标：按三档评分，档内分数由评价人判断",
          "en-US": "qualitative: three tiers, the score within a tier is the evaluator's judgement",
        },
        arithmetic: fact.arithmetic,
      },
      row.score,
    );
    return score;
  }

  // ── Blocks, total and grade ───────────────────────────────────────────────────────────────────
  blocks(): { blocks: BlockFact[]; indicators: IndicatorFact[] } {
    const p = this.profile;
    const blocks: BlockFact[] = [];
    const indicators: IndicatorFact[] = [];
    // Figure keys are unique: a second block of the same name (two 满意度指标 headings) is keyed by its row too.
    const named = new Set<string>();
    for (const block of this.table.blocks) {
      const key = named.has(block.level1)
        ? `block.${block.level1}.${block.labelSlot.row}.score`
        : `block.${block.level1}.score`;
      named.add(block.level1);
      let weight = 0;
      let score = 0;
      for (const row of block.indicators) {
        const f = this.indicator(row);
        indicators.push(f);
        if (f.notApplicable) continue;
        weight += f.weight ?? 0;
        score += f.effective ?? 0;
      }
      const stated = block.statedWeight ?? (block.weightSlot !== block.labelSlot ? numberOf(block.weightSlot) : null);
      const expectedWeight = stated ?? (p.enforceBlockWeights ? (p.blockWeights[block.level1] ?? null) : null);
      const typedSubtotal = readNumber(block.subtotalSlot);
      if (block.subtotalSlot) {
        this.figure(
          {
            key,
            label: { "zh-CN": `${block.level1}小计`, "en-US": `${block.level1} subtotal` },
            value: score,
            display: fmtScore(score),
            rule: { "zh-CN": "小计 = 本级指标得分之和", "en-US": "subtotal = sum of the block's scores" },
            arithmetic: block.indicators.map((r) => r.score.text || "0").join(" + ") + ` = ${fmtScore(score)}`,
          },
          block.subtotalSlot,
        );
        this.compute(block.subtotalSlot, key, round(score, 2), "0.00");
      }
      blocks.push({ block, weight, score, stated, expectedWeight, typedSubtotal });
    }
    return { blocks, indicators };
  }

  totals(budget: BudgetFacts, blocks: BlockFact[], indicators: IndicatorFact[]): TotalFacts {
    const p = this.profile;
    const t = this.table;
    const sumWeights = blocks.reduce((s, b) => s + b.weight, 0);
    const sumScores = blocks.reduce((s, b) => s + b.score, 0);
    const excluded = indicators.reduce((s, f) => s + (f.notApplicable ? (f.weight ?? 0) : 0), 0);
    let unknown = indicators.filter((f) => !f.notApplicable && f.effective === null).length;
    // Without a 分值 column the weights are the headings': every block must state one for the sum to mean anything.
    let headingWeights: number | null = 0;
    if (!this.weightColumn)
      for (const b of blocks)
        headingWeights = b.stated === null || headingWeights === null ? null : headingWeights + b.stated;
    const indicatorWeights = this.weightColumn
      ? sumWeights
      : (headingWeights ?? t.indicatorsWeightHeading?.weight ?? null);
    const allWeights = budget.execWeight + (indicatorWeights ?? 0);
    const statedTotal = t.total?.weight ? numberOf(t.total.weight) : null;

    if (budget.score === null && budget.scored) unknown++;
    let total = (budget.score ?? 0) + sumScores;
    let arithmetic = `${fmtScore(budget.score ?? 0)}（预算执行）+ ${fmtScore(sumScores)}（绩效指标）= ${fmtScore(total)}`;
    if (excluded > 0 && p.rescaleNotApplicable && allWeights > 0) {
      total = (total * p.totalWeight) / allWeights;
      arithmetic += `；不适用指标 ${fmtPlain(excluded)} 分剔除后折算：× ${fmtPlain(p.totalWeight)} ÷ ${fmtPlain(allWeights)} = ${fmtScore(total)}`;
    }
    let cap: TotalFacts["cap"] = null;
    if (p.scoreCapByExecution && budget.rate !== null) {
      const c = p.scoreCapByExecution.find((x) => below(budget.rate!, x.below));
      if (c && total > c.cap) {
        cap = { cap: c.cap, rate: budget.rate, uncapped: total };
        arithmetic += `；执行率 ${fmtRate(budget.rate)}，总分上限 ${c.cap}`;
        total = c.cap;
      }
    }
    if (unknown > 0) arithmetic += `（其中 ${unknown} 项无法核定，按填报分或 0 计）`;
    const facts: TotalFacts = {
      weightColumn: this.weightColumn,
      indicatorWeights,
      headingWeights: this.weightColumn ? null : headingWeights,
      sumWeights,
      sumScores,
      excluded,
      allWeights,
      statedTotal,
      unknown,
      cap,
      impossible: exceeds(allWeights + excluded, p.totalWeight),
      computed: null,
      arithmetic,
      grade: null,
      gradeArithmetic: "",
      typedTotal: readNumber(t.total?.score),
    };
    if (!Number.isFinite(total)) return facts;
    facts.computed = total;
    this.figure(
      {
        key: "total.score",
        label: { "zh-CN": "总分", "en-US": "Total score" },
        value: total,
        display: fmtScore(total),
        rule: {
          "zh-CN": "总分 = 预算执行率得分 + 各项指标得分",
          "en-US": "total = execution score + indicator scores",
        },
        arithmetic,
      },
      t.total?.score,
    );
    // A total out of more than the profile's 100 points is shown (provisional), never written nor graded.
    if (facts.impossible) return facts;
    this.compute(t.total?.score, "total.score", round(total, 2), "0.00");
    const grade = gradeFor(total, p);
    facts.grade = grade;
    facts.gradeArithmetic = `${fmtScore(total)} → ${grade}（${p.grades
      .filter((g) => g.min > -Infinity)
      .map((g) => `${g.grade} ≥ ${g.min}`)
      .join("，")}）`;
    this.figure(
      {
        key: "total.grade",
        label: { "zh-CN": "自评等级", "en-US": "Grade" },
        value: null,
        text: grade,
        display: grade,
        rule: {
          "zh-CN": "等级：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60",
          "en-US": "grade: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60",
        },
        arithmetic: facts.gradeArithmetic,
      },
      t.grade?.value,
    );
    this.compute(t.grade?.value, "total.grade", grade);
    return facts;
  }
}

/** Runs the scoring pass over a read table under a profile. */
export function scoreTable(table: TableModel, profile: Profile): Facts {
  const s = new Scorer(table, profile);
  const budget = s.budget();
  const { blocks, indicators } = s.blocks();
  const total = s.totals(budget, blocks, indicators);
  return {
    table,
    profile,
    budget,
    indicators,
    blocks,
    total,
    figures: s.figures,
    computed: s.computed,
    budgetSummary: {
      planned: budget.plannedAmount,
      executed: budget.executedAmount,
      rate: budget.rate,
      score: budget.score,
    },
    totalSummary: {
      computed: total.computed,
      reported: total.typedTotal.kind === "number" && table.total?.score ? total.typedTotal.value : null,
      grade: total.grade,
      provisional: null,
    },
  };
}

/** A cell as a number (row * 16384 + column): the sets below hold one per cell of a large table. */
export function cellKeyAt(row: number, col: number): number {
  return row * 16384 + col;
}

function cellKey(s: Slot): number {
  return cellKeyAt(s.row, s.col);
}

/** Every cell of the table the officer fills in: labels, amounts, texts, targets, actuals, weights, reasons. */
export function inputCells(t: TableModel): Set<number> {
  const cells = new Set<number>();
  const add = (...slots: Array<Slot | undefined>) => {
    for (const s of slots) if (s) cells.add(cellKey(s));
  };
  for (const r of t.budgetRows) {
    add(r.labelSlot, r.initial, r.planned, r.executed, r.weight, r.reason);
    if (r.kind === "sub") add(r.rate, r.score);
  }
  for (const g of t.goals) add(g.expected, g.actual);
  for (const i of t.indicators) {
    // (A qualitative 得分 is the officer's judgement: the engine never plans one, and no other computed cell
    // may share it, see computedSlots.)
    add(i.level1Slot, i.name, i.nature, i.unit, i.target, i.actual, i.weight, i.coefficient, i.reason);
  }
  for (const b of t.blocks) add(b.labelSlot, b.weightSlot === b.labelSlot ? undefined : b.weightSlot);
  for (const s of t.placeholders) add(s);
  add(t.total?.labelSlot, t.total?.weight, t.grade?.labelSlot);
  return cells;
}

/** The role a computed cell plays; a merge over one role's cells covers the blank ones under the first. */
export type ComputedRole = "budget-rate" | "budget-score" | "indicator-score" | "subtotal" | "total-score" | "grade";

/** The slots the engine may fill, with their roles: 执行率 and 得分 of the budget total, indicator 得分, subtotals, 总分, 等级. */
export function computedSlots(t: TableModel): Array<{ role: ComputedRole; slot: Slot }> {
  const total = t.budgetRows.find((r) => r.kind === "total");
  const slots: Array<[ComputedRole, Slot | undefined]> = [
    ["budget-rate", total?.rate],
    ["budget-score", total?.score],
    ...t.indicators.map((i): [ComputedRole, Slot] => ["indicator-score", i.score]),
    ...t.blocks.map((b): [ComputedRole, Slot | undefined] => ["subtotal", b.subtotalSlot]),
    ["total-score", t.total?.score],
    ["grade", t.grade?.value],
  ];
  return slots.filter((s): s is [ComputedRole, Slot] => s[1] !== undefined).map(([role, slot]) => ({ role, slot }));
}
