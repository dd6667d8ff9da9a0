/**
 * Evaluation: computes 执行率, the execution score, each indicator's score, block subtotals, 总分 and 等级
 * under a profile, each as a Figure carrying its arithmetic, and raises the catalogue's findings on the way.
 * Where a rule needs a person's judgement (qualitative scores) it checks the judgement, never replaces it.
 */
import { makeFinding, type MessageParams } from "./catalogue";
import { budgetBreakdown, isCostCategory, isExecutionIndicator } from "./labels";
import {
  isEmptyExplanation,
  isTemplateText,
  moneyScale,
  normalizeText,
  parseActual,
  parseAmount,
  parseNumber,
  parseTarget,
  unitKind,
  unitsCompatible,
  type Actual,
  type Target,
  type Tier,
} from "./parse";
import {
  fmtAmount,
  fmtPlain,
  fmtRate,
  fmtScore,
  ratesAgree,
  round,
  scoresAgree,
  amountsAgree,
  weightsAgree,
} from "./precision";
import { gradeFor, profileLabel, type Direction, type Profile } from "./profile";
import type { BudgetRow, IndicatorRow, Slot, TableModel } from "./table";
import type { BudgetSummary, Figure, Finding, Localized, RuleId, TotalSummary } from "./types";

/** A computed value destined for a computed cell of the table. */
export interface ComputedCell {
  slot: Slot;
  figure: string;
  value: number | string;
  numFmt?: string;
}

export interface Evaluation {
  table: TableModel;
  profile: Profile;
  findings: Finding[];
  figures: Figure[];
  computed: ComputedCell[];
  budget: BudgetSummary;
  total: TotalSummary;
}

type NumberRead =
  { kind: "blank" } | { kind: "number"; value: number; unit: string | null } | { kind: "text"; text: string };

/**
 * A budget amount in 万元: "150万元" is 150, "1,234.5元" is 0.12345 (the conversion is said in the arithmetic);
 * anything parseAmount cannot read is text, as in readNumber.
 */
function readAmount(slot: Slot | undefined, converted?: Set<string>): NumberRead {
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

function readNumber(slot: Slot | undefined): NumberRead {
  if (!slot || slot.text === "") return { kind: "blank" };
  const p = parseNumber(slot.cell?.value, slot.cell?.numFmt);
  return p ? { kind: "number", value: p.value, unit: p.unit } : { kind: "text", text: slot.text };
}

/** A typed rate as a fraction: 0.9893 in a % cell, "98.93%", or 98.93 typed as points. */
function rateFraction(n: { value: number; unit: string | null }): number {
  if (n.unit === "%") return n.value / 100;
  return Math.abs(n.value) > 1.5 ? n.value / 100 : n.value;
}

const tierName: Record<Tier, Localized> = {
  top: { "zh-CN": "达成年度指标", "en-US": "target achieved" },
  middle: { "zh-CN": "部分达成年度指标并具有一定效果", "en-US": "partly achieved" },
  bottom: { "zh-CN": "未达成年度指标且效果较差", "en-US": "not achieved" },
};

class Evaluator {
  readonly findings: Finding[] = [];
  readonly figures: Figure[] = [];
  readonly computed: ComputedCell[] = [];
  readonly sheet: string;

  readonly profileLabel: string;

  constructor(
    readonly table: TableModel,
    readonly profile: Profile,
  ) {
    this.sheet = table.sheet;
    this.profileLabel = profileLabel(profile);
    this.inputs = inputCells(table);
    // A computed cell merged over several roles (two indicators' 得分, an indicator's 得分 and the 总分)
    // belongs to none of them: it is checked, never written.
    const seen = new Set<number>();
    for (const slot of computedSlots(table)) (seen.has(cellKey(slot)) ? this.sharedComputed : seen).add(cellKey(slot));
  }

  private readonly sharedComputed = new Set<number>();
  /** False when the table has no 分值 column: weights come from the block headings. */
  readonly weightColumn =
    this.table.indicators.some((i) => i.weight !== undefined) || this.table.indicators.length === 0;

  flag(rule: RuleId, slot: Slot, params: MessageParams = {}, arithmetic?: string): void {
    this.findings.push(makeFinding(rule, this.sheet, slot.a1, params, arithmetic));
  }

  figure(f: Omit<Figure, "profile" | "sheet">, slot?: Slot): Figure {
    // Absurd magnitudes (1e308 typed into a cell) must not leak Infinity into figures.
    if (f.value !== null && !Number.isFinite(f.value)) f = { ...f, value: null, display: "—" };
    // Built field by field (one figure per indicator: object spread showed up in the benchmark).
    const fig: Figure = {
      key: f.key,
      label: f.label,
      value: f.value,
      display: f.display,
      profile: this.profileLabel,
      rule: f.rule,
      arithmetic: f.arithmetic,
      sheet: slot ? this.sheet : undefined,
      cell: slot?.a1,
    };
    if (f.text !== undefined) fig.text = f.text;
    this.figures.push(fig);
    return fig;
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

  private readonly planned = new Set<number>();
  private readonly inputs: Set<number>;

  /** A number the rules need: blank → required-blank, text → value-not-number. */
  need(slot: Slot | undefined, what: string, name?: string): number | null {
    if (!slot) return null;
    const n = readNumber(slot);
    if (n.kind === "number") return n.value;
    if (n.kind === "blank") this.flag("required-blank", slot, { what, name });
    else this.flag("value-not-number", slot, { what, received: n.text });
    return null;
  }

  /** Amounts typed with another unit ("1,234.5元"), converted to 万元: said once, in the rate's arithmetic. */
  readonly converted = new Set<string>();

  needAmount(slot: Slot | undefined, what: string): number | null {
    if (!slot) return null;
    const n = readAmount(slot, this.converted);
    if (n.kind === "number") return n.value;
    if (n.kind === "blank") this.flag("required-blank", slot, { what });
    else this.flag("value-not-number", slot, { what, received: n.text });
    return null;
  }

  templateText(slot: Slot | undefined): void {
    if (slot && slot.text && isTemplateText(slot.text)) this.flag("template-text-left", slot, { received: slot.text });
  }

  // ── Budget block ────────────────────────────────────────────────────────────────────────────────
  budget(): BudgetSummary {
    const p = this.profile;
    const rows = this.table.budgetRows;
    const total = rows.find((r) => r.kind === "total");
    const summary: BudgetSummary = { planned: null, executed: null, rate: null, score: null };
    if (!total) return summary;
    // Sub-rows may break the total down twice (by source of funds and by kind of spending, as the 部门整体
    // template does): each breakdown must add up to the total on its own.
    const breakdowns = new Map<string, BudgetRow[]>();
    for (const r of rows)
      if (r !== total)
        breakdowns.set(budgetBreakdown(r.label), [...(breakdowns.get(budgetBreakdown(r.label)) ?? []), r]);

    const labels = { initial: "年初预算数", planned: "全年预算数", executed: "全年执行数" } as const;
    const usedSum: Partial<Record<keyof typeof labels, number>> = {};
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
        this.flag(
          "budget-total-mismatch",
          slot,
          { what: labels[key], received: fmtAmount(typed), expected: fmtAmount(sum) },
          `${group.map((r) => fmtAmount(amountOf(r[key]) ?? 0)).join(" + ")} = ${fmtAmount(sum)}`,
        );
        if (typed === 0) usedSum[key] = sum;
        break;
      }
    }

    const planned = usedSum.planned ?? this.needAmount(total.planned, "全年预算数");
    const executed = usedSum.executed ?? this.needAmount(total.executed, "全年执行数");
    this.templateText(total.reason);
    summary.planned = planned;
    summary.executed = executed;

    for (const row of rows) this.overBudget(row);

    const weightRead = readNumber(total.weight);
    let weight = p.execWeight;
    if (total.weight) {
      if (weightRead.kind === "number" && weightRead.value > 0) weight = weightRead.value;
      else if (weightRead.kind === "text")
        this.flag("value-not-number", total.weight, { what: "分值", received: weightRead.text });
      else this.flag("weight-invalid", total.weight, { name: "预算执行率", received: total.weight.text });
    }
    // A budget block without 分值 and 得分 columns only reports the money (投入/过程-style tables score
    // execution as an indicator): it adds no points of its own.
    if (!total.weight && this.table.execWeightHeading) weight = this.table.execWeightHeading.weight;
    this.execScored =
      total.weight !== undefined ||
      total.score !== undefined ||
      !!this.table.execWeightHeading ||
      this.pairsLeaveExecutionWeight(weight);
    this.execWeight = this.execScored ? weight : 0;

    if (planned === null || executed === null) return summary;
    const source = usedSum.planned !== undefined || usedSum.executed !== undefined ? "（按明细行合计）" : "";
    // A budget so small (or an amount so large) that the rate is no number is reported like a zero budget.
    if (planned <= 0 || !Number.isFinite(executed / planned)) {
      // Not a wrong kind of value: a budget of 0 (or so small the rate is no number) leaves nothing to divide by.
      this.flag("value-not-number", total.planned!, {
        what: "全年预算数",
        detail: `为 ${fmtAmount(planned)}，执行率无法计算，请核实`,
        textEn: `is ${fmtAmount(planned)}, so the execution rate cannot be computed; check it`,
      });
      return summary;
    }
    const rate = executed / planned;
    summary.rate = rate;
    const units = this.converted.size ? `（${[...this.converted].join("；")}）` : "";
    const rateArith = `${fmtAmount(executed)} ÷ ${fmtAmount(planned)} = ${fmtRate(rate)}${source}${units}`;
    this.figure(
      {
        key: "budget.rate",
        label: { "zh-CN": "预算执行率", "en-US": "Execution rate" },
        value: rate,
        display: fmtRate(rate),
        rule: { "zh-CN": "执行率 = 全年执行数 ÷ 全年预算数", "en-US": "rate = spending ÷ full-year budget" },
        arithmetic: rateArith,
      },
      total.rate,
    );
    this.compute(total.rate, "budget.rate", round(rate, 6), "0.00%");

    const typedRate = readNumber(total.rate);
    if (typedRate.kind === "number") {
      const typed = rateFraction(typedRate);
      // A number in a General cell may be a fraction or points: 1.6 is 160% beside a 160% rate, 98.93 is 98.93%.
      const readings =
        typedRate.unit === "%" ? [typed] : [typed, typed === typedRate.value ? typed / 100 : typedRate.value];
      if (!readings.some((x) => ratesAgree(x, rate, p, total.rate!.cell?.numFmt)))
        this.flag("exec-rate-mismatch", total.rate!, { received: fmtRate(typed), expected: fmtRate(rate) }, rateArith);
    } else if (typedRate.kind === "text")
      this.flag("value-not-number", total.rate!, { what: "执行率", received: typedRate.text });

    const reasons = rows.map((r) => r.reason).filter((s): s is Slot => !!s);
    const explained = reasons.some((s) => !isEmptyExplanation(s.text));
    if (p.execReasonThreshold !== null && rate < p.execReasonThreshold && !explained)
      this.flag("exec-low-no-reason", total.rate ?? total.executed!, {
        received: fmtRate(rate),
        expected: fmtRate(p.execReasonThreshold),
      });

    const initial = readAmount(total.initial);
    if (
      p.adjustmentNeedsReason &&
      reasons.length > 0 &&
      !explained &&
      initial.kind === "number" &&
      !amountsAgree(initial.value, planned, p)
    )
      this.flag("budget-adjusted-no-reason", total.planned!, {
        received: fmtAmount(planned),
        expected: fmtAmount(initial.value),
      });
    if (this.execScored) summary.score = this.executionScore(total, rate, weight);
    return summary;
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

  /** The execution score: min(执行率, 100%) × 分值, checked against the typed one. */
  private executionScore(total: BudgetRow, rate: number, weight: number): number {
    const p = this.profile;
    // Between 0 and the weight: overspending earns nothing extra, a negative 执行数 no negative points.
    const score = Math.min(Math.max(rate, 0), 1) * weight;
    this.execScore = score;
    const scoreArith =
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
        arithmetic: scoreArith,
      },
      total.score,
    );
    this.compute(total.score, "budget.score", round(score, 2), "0.00");

    const typedScore = readNumber(total.score);
    if (typedScore.kind === "number") {
      if (!scoresAgree(typedScore.value, score, p))
        this.flag(
          "exec-score-mismatch",
          total.score!,
          { received: fmtPlain(typedScore.value), expected: fmtScore(score) },
          scoreArith,
        );
    } else if (typedScore.kind === "text")
      this.flag("value-not-number", total.score!, { what: "得分", received: typedScore.text });
    else if (total.score) this.flag("required-blank", total.score, { what: "预算执行率得分" });

    return score;
  }

  execWeight = 0;
  execScored = false;
  execScore: number | null = null;

  private overBudget(row: BudgetRow): void {
    const planned = readAmount(row.planned);
    const executed = readAmount(row.executed);
    if (planned.kind !== "number" || executed.kind !== "number") return;
    if (executed.value > planned.value + this.profile.tolerance.amount)
      this.flag("exec-over-budget", row.executed!, {
        label: row.kind === "sub" ? row.label : undefined,
        received: fmtAmount(executed.value),
        expected: fmtAmount(planned.value),
      });
  }

  // ── Indicators ─────────────────────────────────────────────────────────────────────────────────
  /** Returns the indicator's weight and the score it contributes to the total (null when unknown). */
  indicator(row: IndicatorRow): { weight: number | null; score: number | null; notApplicable: boolean } {
    const p = this.profile;
    const name = row.name.text || row.name.a1;
    for (const s of [row.name, row.target, row.actual, row.reason]) this.templateText(s);

    const notApplicable = [row.actual, row.score, row.target].some((s) =>
      /^不适用$/.test(normalizeText(s?.text ?? "")),
    );
    const w = readNumber(row.weight);
    let weight: number | null = null;
    // Without a 分值 column (weights only in block headings) a single score cannot be recomputed: it is checked
    // against its block and for a reason where the target was missed.
    if (!row.weight) weight = null;
    else if (w.kind === "number" && w.value > 0) weight = w.value;
    else if (w.kind === "text" && !notApplicable)
      this.flag("value-not-number", row.weight, { what: "分值", received: w.text });
    else if (!notApplicable) this.flag("weight-invalid", row.weight, { name, received: row.weight.text });
    if (notApplicable) return { weight, score: null, notApplicable };

    if (this.execWeight > 0 && isExecutionIndicator(row.name.text))
      this.flag("duplicate-exec-indicator", row.name, { name });

    // A scorecard row has neither: its score is the evaluator's judgement against the 评分标准, checked for
    // range and explanation only.
    const target: Target = row.target
      ? parseTarget(row.target.cell?.value, row.target.cell?.numFmt)
      : { kind: "blank" };
    const actual: Actual = row.actual
      ? parseActual(row.actual.cell?.value, row.actual.cell?.numFmt)
      : { kind: "blank" };
    const typed = readNumber(row.score);
    if (row.target && target.kind === "blank") this.flag("required-blank", row.target, { what: "年度指标值", name });
    if (row.actual && actual.kind === "blank") this.flag("required-blank", row.actual, { what: "实际完成值", name });
    if (row.actual && actual.kind === "error")
      this.flag("value-not-number", row.actual, { what: "实际完成值", received: actual.error });
    if (typed.kind === "text") this.flag("value-not-number", row.score, { what: "得分", received: typed.text });
    const typedScore = typed.kind === "number" ? typed.value : null;
    // Chongqing-style tables state a 得分系数: the score must be that share of the weight.
    const coefficient = readNumber(row.coefficient);
    if (coefficient.kind === "number" && typedScore !== null && weight !== null) {
      const share = rateFraction(coefficient);
      const byCoefficient = share * weight;
      if (!scoresAgree(typedScore, byCoefficient, p))
        this.flag(
          "score-mismatch",
          row.score,
          { name, received: fmtPlain(typedScore), expected: fmtScore(byCoefficient) },
          `得分系数 ${fmtRate(share)} × 分值 ${fmtPlain(weight)} = ${fmtScore(byCoefficient)}`,
        );
    }

    let score: number | null = null;
    let computedByRule = false;
    const targetSlot = row.target;
    const actualSlot = row.actual;
    if (targetSlot && actualSlot && target.kind === "quantitative" && weight !== null) {
      if (actual.kind === "number") {
        const r = this.quantitative(row, actualSlot, name, target, actual, weight);
        score = r;
        computedByRule = r !== null;
      } else if (actual.kind === "qualitative")
        this.flag("value-not-number", actualSlot, {
          what: "实际完成值",
          received: actual.text,
          detail: `年度指标值为“${targetSlot.text}”，实际完成值须为数值`,
        });
    } else if (actualSlot && target.kind === "qualitative" && weight !== null && actual.kind !== "blank") {
      score = this.qualitative(row, actualSlot, name, actual, weight, typedScore);
    }

    if (typedScore !== null && weight !== null && typedScore > Math.max(weight, round(weight, 2)) + 1e-9)
      this.flag("score-exceeds-weight", row.score, {
        name,
        received: fmtPlain(typedScore),
        expected: fmtPlain(weight),
      });
    else if (computedByRule && typedScore !== null && score !== null && !scoresAgree(typedScore, score, p))
      this.flag(
        "score-mismatch",
        row.score,
        { name, received: fmtPlain(typedScore), expected: fmtScore(score) },
        this.lastArithmetic,
      );
    if (typed.kind === "blank" && (weight !== null || !row.weight))
      this.flag("required-blank", row.score, { what: "得分", name });
    if (
      !row.weight &&
      missedTarget(target, actual, (op) => this.direction(row, op).dir) &&
      (!row.reason || isEmptyExplanation(row.reason.text))
    )
      this.flag("reason-missing", row.reason ?? row.score, { name, detail: "未达到年度指标值" });

    // A score the table could not justify still counts as typed (capped at the weight), never more.
    const effective =
      score ??
      (typedScore === null
        ? null
        : weight !== null
          ? Math.min(Math.max(typedScore, 0), weight)
          : !row.weight
            ? Math.max(typedScore, 0)
            : null);
    if (
      weight !== null &&
      effective !== null &&
      effective < weight - 1e-6 &&
      (!row.reason || isEmptyExplanation(row.reason.text))
    )
      this.flag("reason-missing", row.reason ?? row.score, {
        name,
        received: fmtScore(effective),
        expected: fmtPlain(weight),
      });
    return { weight, score: effective, notApplicable };
  }

  private lastArithmetic = "";

  private direction(row: IndicatorRow, op: string | null): { dir: Direction; assumed: boolean } {
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

  private quantitative(
    row: IndicatorRow,
    actualSlot: Slot,
    name: string,
    target: { op: string | null; value: number; unit: string | null },
    actual: { value: number; unit: string | null },
    w: number,
  ): number | null {
    const p = this.profile;
    const A = target.value;
    let B = actual.value;
    const notes: string[] = [];
    // A 度量单位 column (two-row 年度指标值 / 度量单位 headers) is the unit of a bare target number too.
    const tUnit = target.unit ?? (row.unit?.text || null);
    const aUnit = actual.unit ?? (row.unit?.text || null);
    if (tUnit === "百分比")
      this.flag("unit-mismatch", actualSlot, { name, detail: `年度指标值的单位“百分比”不规范，应写作“%”` });
    else if (aUnit && tUnit && !unitsCompatible(tUnit, aUnit))
      this.flag("unit-mismatch", actualSlot, {
        name,
        detail: `年度指标值单位为“${tUnit}”，实际完成值单位为“${aUnit}”`,
      });
    if (unitKind(tUnit) === "percent" && actual.unit === null && Math.abs(B) <= 1.5 && A > 1.5) {
      notes.push(`实际完成值 ${fmtPlain(B)} 按百分比读作 ${fmtPlain(B * 100)}%`);
      B = B * 100;
    }
    const ts = moneyScale(tUnit);
    const as = moneyScale(actual.unit);
    if (ts !== null && as !== null && ts !== as) {
      notes.push(`实际完成值 ${fmtPlain(B)}${actual.unit} 折合 ${fmtPlain((B * as) / ts)}${tUnit}`);
      B = (B * as) / ts;
    }

    const { dir, assumed } = this.direction(row, target.op);
    if (assumed) notes.push(`年度指标值未写方向，按“${dir}”理解${dir === "≤" ? "（成本指标）" : ""}`);
    let score: number;
    let arith: string;
    const full = `得满分 ${fmtPlain(w)}`;
    if (dir === "≥") {
      if (B >= A || A <= 0) {
        score = w;
        arith = `${fmtPlain(B)} ≥ ${fmtPlain(A)}，${full}`;
      } else {
        score = w * (Math.max(B, 0) / A);
        arith = `${fmtPlain(B)} ÷ ${fmtPlain(A)} × ${fmtPlain(w)} = ${fmtScore(score)}`;
      }
    } else if (dir === "≤") {
      if (B <= A) {
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
      if (Math.abs(B - A) <= p.equalTolerance * Math.max(1, Math.abs(A))) {
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

    if (dir !== "≤" && A > 0 && B >= p.overCompletionRatio * A) {
      if (!row.reason || isEmptyExplanation(row.reason.text))
        this.flag("over-completion", actualSlot, {
          name,
          received: fmtPlain(B),
          expected: fmtPlain(A),
          detail: fmtRate(B / A),
        });
      if (p.deviationPenalty && B >= p.deviationPenalty.ratio * A) {
        score = Math.max(0, score - p.deviationPenalty.points);
        arith += `；偏离目标 ${fmtRate(B / A)}，扣 ${p.deviationPenalty.points} 分 = ${fmtScore(score)}`;
      }
    }
    const arithmetic = notes.length ? `${notes.join("；")}；${arith}` : arith;
    this.lastArithmetic = arithmetic;
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

  private qualitative(
    row: IndicatorRow,
    actualSlot: Slot,
    name: string,
    actual: ReturnType<typeof parseActual>,
    w: number,
    typed: number | null,
  ): number | null {
    const tier = actual.kind === "qualitative" ? actual.tier : null;
    if (!tier) {
      if (typed !== null)
        this.flag("qualitative-unrated", actualSlot, { name, received: actualSlot.text, expected: fmtPlain(typed) });
      return null;
    }
    const range = this.profile.tiers[tier];
    const lo = range.min * w;
    const hi = range.max * w;
    const inTier = typed !== null && typed >= lo - 1e-9 && (tier === "top" ? typed <= hi + 1e-9 : typed < hi - 1e-9);
    const rangeText = tier === "top" ? `[${fmtPlain(lo)}, ${fmtPlain(hi)}]` : `[${fmtPlain(lo)}, ${fmtPlain(hi)})`;
    if (typed !== null && !inTier && typed <= w + 1e-9)
      this.flag("qualitative-out-of-tier", row.score, {
        name,
        tier: tierName[tier]["zh-CN"],
        expected: rangeText,
        received: fmtPlain(typed),
      });
    // The officer's judgement stands inside the tier; above it, only the tier's ceiling counts.
    const score = typed === null ? null : Math.min(typed, tier === "top" ? hi : hi - 0.01, w);
    const arithmetic =
      typed === null
        ? `定性指标，${tierName[tier]["zh-CN"]}，得分区间 ${rangeText}，未填自评分`
        : `定性指标，${tierName[tier]["zh-CN"]}，得分区间 ${rangeText}，自评分 ${fmtPlain(typed)}${score !== typed ? `，按档次上限计 ${fmtScore(score!)}` : ""}`;
    this.figure(
      {
        key: `indicator.${row.row}.score`,
        label: { "zh-CN": `指标得分：${name}`, "en-US": `Indicator score: ${name}` },
        value: score,
        display: score === null ? "—" : fmtScore(score),
        rule: {
          "zh-CN": "定性指标：按三档评分，档内分数由评价人判断",
          "en-US": "qualitative: three tiers, the score within a tier is the evaluator's judgement",
        },
        arithmetic,
      },
      row.score,
    );
    return score;
  }

  // ── Goals (年度总体目标) ─────────────────────────────────────────────────────────────────────────
  goals(): void {
    for (const g of this.table.goals) {
      this.templateText(g.expected);
      this.templateText(g.actual);
      const label = g.label || undefined;
      if (g.expected.text && !g.actual.text)
        this.flag("required-blank", g.actual, { what: "实际完成情况", name: label });
      if (g.actual.text && normalizeText(g.actual.text) === normalizeText(g.expected.text))
        this.flag("text-copied", g.actual, { label });
      else if (this.table.year !== null) {
        const year = this.table.year;
        const years = [...g.actual.text.matchAll(/(20\d{2})\s*年/g)].map((m) => Number(m[1]));
        // A later year is a plan copied forward; an earlier one, without the table's year or a comparison
        // ("较2022年增长"), is last year's account copied.
        const comparing = /较|比|相比|同比|以来|上年|去年/.test(g.actual.text);
        const other =
          years.find((y) => y > year) ??
          (years.includes(year) || comparing ? undefined : years.find((y) => y !== year));
        if (other !== undefined)
          this.flag("text-copied", g.actual, { label, year: String(other), expected: String(year) });
      }
    }
  }

  // ── Blocks, total and grade ────────────────────────────────────────────────────────────────────
  totals(budget: BudgetSummary): TotalSummary {
    const p = this.profile;
    const t = this.table;
    for (const s of t.placeholders) this.flag("template-text-left", s, { received: s.text });

    let sumWeights = 0;
    let sumScores = 0;
    let excluded = 0;
    let unknown = 0;
    let headingWeights: number | null = 0;
    for (const block of t.blocks) {
      let bw = 0;
      let bs = 0;
      for (const row of block.indicators) {
        const r = this.indicator(row);
        if (r.notApplicable) {
          excluded += r.weight ?? 0;
          continue;
        }
        bw += r.weight ?? 0;
        if (r.score === null) unknown++;
        bs += r.score ?? 0;
      }
      sumWeights += bw;
      sumScores += bs;
      const stated = block.statedWeight ?? (block.weightSlot !== block.labelSlot ? numberOf(block.weightSlot) : null);
      const expectedWeight = stated ?? (p.enforceBlockWeights ? (p.blockWeights[block.level1] ?? null) : null);
      if (!this.weightColumn) {
        // Weights only in the headings: the block's typed scores must fit inside its weight.
        headingWeights = stated === null || headingWeights === null ? null : headingWeights + stated;
        if (stated !== null && bs > stated + 1e-9)
          this.flag("score-exceeds-weight", block.labelSlot, {
            name: block.level1,
            received: fmtScore(bs),
            expected: fmtPlain(stated),
          });
      } else if (expectedWeight !== null && Math.abs(bw - expectedWeight) > 1e-6)
        this.flag("weights-sum", block.weightSlot, {
          what: block.level1,
          received: fmtPlain(bw),
          expected: fmtPlain(expectedWeight),
        });
      if (block.subtotalSlot) {
        this.figure(
          {
            key: `block.${block.level1}.score`,
            label: { "zh-CN": `${block.level1}小计`, "en-US": `${block.level1} subtotal` },
            value: bs,
            display: fmtScore(bs),
            rule: { "zh-CN": "小计 = 本级指标得分之和", "en-US": "subtotal = sum of the block's scores" },
            arithmetic: block.indicators.map((r) => r.score.text || "0").join(" + ") + ` = ${fmtScore(bs)}`,
          },
          block.subtotalSlot,
        );
        this.compute(block.subtotalSlot, `block.${block.level1}.score`, round(bs, 2), "0.00");
        const typed = readNumber(block.subtotalSlot);
        if (typed.kind === "number" && !scoresAgree(typed.value, bs, p))
          this.flag("total-mismatch", block.subtotalSlot, {
            what: `${block.level1}小计`,
            expected: fmtScore(bs),
            received: fmtPlain(typed.value),
          });
      }
    }
    this.goals();

    const summary: TotalSummary = { computed: null, reported: null, grade: null };
    const totalWeightSlot = t.total?.weight;
    const statedTotal = totalWeightSlot ? numberOf(totalWeightSlot) : null;
    // Without a 分值 column the weights are the headings': every block must state one for the sum to mean anything.
    if (!this.weightColumn && headingWeights !== null && t.indicatorsWeightHeading) {
      const stated = t.indicatorsWeightHeading;
      if (Math.abs(headingWeights - stated.weight) > 1e-6)
        this.flag("weights-sum", stated.slot, {
          what: stated.slot.text,
          received: fmtPlain(headingWeights),
          expected: fmtPlain(stated.weight),
        });
    }
    const indicatorWeights = this.weightColumn
      ? sumWeights
      : (headingWeights ?? t.indicatorsWeightHeading?.weight ?? null);
    const allWeights = this.execWeight + (indicatorWeights ?? 0);
    const expectedTotal = statedTotal ?? p.totalWeight;
    const weightsAnchor = totalWeightSlot ?? t.total?.labelSlot;
    if (
      weightsAnchor &&
      indicatorWeights !== null &&
      (Math.abs(allWeights + excluded - expectedTotal) > 1e-6 ||
        (statedTotal !== null && statedTotal !== p.totalWeight))
    )
      this.flag(
        "weights-sum",
        weightsAnchor,
        { what: "总分", received: fmtPlain(allWeights + excluded), expected: fmtPlain(p.totalWeight) },
        `${fmtPlain(this.execWeight)}（预算执行）${t.blocks.map((b) => ` + ${fmtPlain(b.indicators.reduce((s, r) => s + (numberOf(r.weight) ?? 0), 0))}（${b.level1 || "指标"}）`).join("")} = ${fmtPlain(allWeights + excluded)}`,
      );

    if (this.execScore === null && this.execScored) unknown++;
    let total = (this.execScore ?? 0) + sumScores;
    let arithmetic = `${fmtScore(this.execScore ?? 0)}（预算执行）+ ${fmtScore(sumScores)}（绩效指标）= ${fmtScore(total)}`;
    if (excluded > 0 && p.rescaleNotApplicable && allWeights > 0) {
      total = (total * p.totalWeight) / allWeights;
      arithmetic += `；不适用指标 ${fmtPlain(excluded)} 分剔除后折算：× ${fmtPlain(p.totalWeight)} ÷ ${fmtPlain(allWeights)} = ${fmtScore(total)}`;
    }
    if (p.scoreCapByExecution && budget.rate !== null) {
      const cap = p.scoreCapByExecution.find((c) => budget.rate! < c.below);
      if (cap && total > cap.cap) {
        if (t.total?.score)
          this.flag("score-cap", t.total.score, {
            detail: fmtRate(budget.rate),
            expected: fmtPlain(cap.cap),
            received: fmtScore(total),
          });
        arithmetic += `；执行率 ${fmtRate(budget.rate)}，总分上限 ${cap.cap}`;
        total = cap.cap;
      }
    }
    if (unknown > 0) arithmetic += `（其中 ${unknown} 项无法核定，按填报分或 0 计）`;
    if (!Number.isFinite(total)) return summary;
    summary.computed = total;
    summary.grade = gradeFor(total, p);
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
    this.compute(t.total?.score, "total.score", round(total, 2), "0.00");
    const gradeArith = `${fmtScore(total)} → ${summary.grade}（${p.grades
      .filter((g) => g.min > -Infinity)
      .map((g) => `${g.grade} ≥ ${g.min}`)
      .join("，")}）`;
    this.figure(
      {
        key: "total.grade",
        label: { "zh-CN": "自评等级", "en-US": "Grade" },
        value: null,
        text: summary.grade,
        display: summary.grade,
        rule: {
          "zh-CN": "等级：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60",
          "en-US": "grade: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60",
        },
        arithmetic: gradeArith,
      },
      t.grade?.value,
    );
    this.compute(t.grade?.value, "total.grade", summary.grade);

    if (t.total?.score) {
      const typed = readNumber(t.total.score);
      if (typed.kind === "number") {
        summary.reported = typed.value;
        if (!scoresAgree(typed.value, total, p))
          this.flag(
            "total-mismatch",
            t.total.score,
            { what: "总分", expected: fmtScore(total), received: fmtPlain(typed.value) },
            arithmetic,
          );
      } else if (typed.kind === "text")
        this.flag("value-not-number", t.total.score, { what: "总分", received: typed.text });
      else this.flag("required-blank", t.total.score, { what: "总分" });
    }
    if (t.grade && t.grade.value.text && normalizeText(t.grade.value.text) !== summary.grade)
      this.flag(
        "total-mismatch",
        t.grade.value,
        { what: "自评等级", expected: summary.grade, received: t.grade.value.text },
        gradeArith,
      );

    if (p.scoreAheadOfExecution !== null && budget.rate !== null && sumWeights > 0) {
      const ratio = sumScores / sumWeights;
      if (ratio - budget.rate > p.scoreAheadOfExecution && t.total?.score)
        this.flag("score-ahead-of-execution", t.total.score, {
          received: fmtRate(ratio),
          expected: fmtRate(budget.rate),
          detail: fmtPlain(round(p.scoreAheadOfExecution * 100, 2)),
        });
    }
    return summary;
  }
}

/**
 * Whether an indicator missed its target, from the target and actual alone (for tables without weights, where
 * the score cannot say so): a ≥ target not reached, a ≤ target exceeded, or a qualitative result below the top tier.
 */
function missedTarget(target: Target, actual: Actual, directionOf: (op: string | null) => Direction): boolean {
  if (target.kind === "quantitative" && actual.kind === "number") {
    // The direction as the scoring reads it: the operator, else 指标性质, else the profile's default.
    const dir = directionOf(target.op);
    if (dir === "≥") return actual.value < target.value;
    if (dir === "≤") return actual.value > target.value;
    return Math.abs(actual.value - target.value) > 1e-9 * Math.max(1, Math.abs(target.value));
  }
  return actual.kind === "qualitative" && actual.tier !== null && actual.tier !== "top";
}

function numberOf(slot: Slot | undefined): number | null {
  const n = readNumber(slot);
  return n.kind === "number" ? n.value : null;
}

export function evaluate(table: TableModel, profile: Profile): Evaluation {
  const ev = new Evaluator(table, profile);
  const budget = ev.budget();
  const total = ev.totals(budget);
  return { table, profile, findings: ev.findings, figures: ev.figures, computed: ev.computed, budget, total };
}

/** A slot's cell as a number (row * 16384 + column): the sets below hold one per cell of a large table. */
function cellKey(s: Slot): number {
  return s.row * 16384 + s.col;
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

/** The slots the engine may fill: 执行率 and 得分 of the budget total, indicator 得分, subtotals, 总分, 等级. */
function computedSlots(t: TableModel): Slot[] {
  const total = t.budgetRows.find((r) => r.kind === "total");
  return [
    total?.rate,
    total?.score,
    ...t.indicators.map((i) => i.score),
    ...t.blocks.map((b) => b.subtotalSlot),
    t.total?.score,
    t.grade?.value,
  ].filter((s): s is Slot => s !== undefined);
}
