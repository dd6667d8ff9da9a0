/**
 * The one place that says how figures are rounded, shown and compared (HyperFormula's precisionRounding idea).
 * Full precision is kept internally; amounts show 2 decimals (万元), rates as percentages with 2 decimals,
 * scores with 2 decimals.
 */
import type { Profile } from "./profile";

/** Rounds half away from zero at `decimals`, immune to binary noise (1.005 → 1.01). */
export function round(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  let v = Math.abs(x) * f;
  // Beyond 2^53 there are no decimals left to round (and 9e307 × 100 would overflow).
  if (!Number.isFinite(v) || v > Number.MAX_SAFE_INTEGER) return x;
  // Near a half, 15 significant digits drop the binary noise (1.005 * 100 = 100.49999999999999).
  if (Math.abs((v % 1) - 0.5) < 1e-6) v = Number(v.toPrecision(15));
  return (Math.sign(x) * Math.round(v)) / f;
}

/**
 * A product or quotient of unit conversion kept to the 15 significant digits a double holds, so that the binary
 * noise of the step is not taken for a figure: 0.57 × 100 = 56.99999999999999 → 57, 2900 × 1 ÷ 10000 → 0.29.
 */
export function toDigits(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}

export function fmtAmount(x: number): string {
  return round(x, 2).toFixed(2);
}

/** 3378.3 → "3,378.30" (the report's way of writing 万元). */
export function fmtAmountGrouped(x: number): string {
  const [i, d] = round(x, 2).toFixed(2).split(".");
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${d}`;
}

export function fmtRate(fraction: number): string {
  const points = fraction * 100;
  return Number.isFinite(points) ? `${round(points, 2).toFixed(2)}%` : "—";
}

export function fmtScore(x: number): string {
  return round(x, 2).toFixed(2);
}

/** A number as written in arithmetic: no trailing zeros beyond what it has ("43.2", "37.24", "10"). */
export function fmtPlain(x: number): string {
  return String(round(x, 6));
}

/**
 * Decimals a number format displays, and whether it displays a percentage. null decimals = "General"
 * (full precision shown), so agreement falls back to the tolerance.
 */
export function displayPrecision(numFmt: string | undefined): { decimals: number | null; percent: boolean } {
  if (!numFmt || /^general$/i.test(numFmt) || numFmt === "@") return { decimals: null, percent: false };
  // Only the positive section matters; drop quoted text and escapes before looking at digits.
  const section = numFmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  const percent = section.includes("%");
  if (!/[0#?]/.test(section)) return { decimals: null, percent };
  // "#,##0.00": the decimals are the placeholders after the point, wherever the grouping puts it.
  const m = /\.([0#?]+)/.exec(section);
  return { decimals: m ? m[1].length : 0, percent };
}

/** Float noise allowed in comparisons of computed scores and ratios (sums of two-decimal figures). */
const NOISE = 1e-9;

/**
 * An amount (万元) above zero as the table shows it, at 2 decimals: a 全年预算数 of 0.004 or 1e-300 shows as 0.00,
 * and a rate divided by it (95 ÷ 1e-300 = 9.5e301) means nothing.
 */
export function amountShownPositive(x: number): boolean {
  return round(x, 2) > 0;
}

/** A typed amount (万元) agrees with the computed one at the displayed precision or within the tolerance. */
export function amountsAgree(typed: number, computed: number, profile: Profile, numFmt?: string): boolean {
  if (Math.abs(typed - computed) <= profile.tolerance.amount + 1e-9) return true;
  const { decimals, percent } = displayPrecision(numFmt);
  return decimals !== null && !percent && round(typed, decimals) === round(computed, decimals);
}

/**
 * A typed rate (as a fraction) agrees with the computed one when equal at the precision its cell displays
 * (0.86 in a "0%" cell agrees with 86.20%), or within ±tolerance percentage points.
 */
export function ratesAgree(typed: number, computed: number, profile: Profile, numFmt?: string): boolean {
  if (Math.abs(typed - computed) * 100 <= profile.tolerance.ratePoints + 1e-9) return true;
  // Float noise relative to the rate's size: 1e300 spent of a 0.01 budget is 1e302, which written as 1e304% and read
  // back differs in its last digit, far beyond ±0.01 points.
  if (Math.abs(typed - computed) <= NOISE * Math.abs(computed)) return true;
  const { decimals, percent } = displayPrecision(numFmt);
  if (decimals === null) return false;
  return percent
    ? round(typed * 100, decimals) === round(computed * 100, decimals)
    : round(typed, decimals) === round(computed, decimals);
}

/**
 * Scores agree within the score tolerance. Display rounding is deliberately not accepted for scores: a 9
 * typed against a computed 8.62 would raise the score, which only a profile with integer rounding allows.
 */
export function scoresAgree(typed: number, computed: number, profile: Profile): boolean {
  if (Math.abs(typed - computed) <= profile.tolerance.score + 1e-9) return true;
  return profile.integerScores && typed === round(computed, 0);
}

/** Weights (分值) are whole or one-decimal numbers the officer types: they agree when equal to 1e-6. */
export function weightsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6;
}

/** A score short of its weight: the points lost need a reason (a score equal to the weight within 1e-6 is full). */
export function scoreBelowWeight(score: number, weight: number): boolean {
  return score < weight - 1e-6;
}

/** A typed score above its weight (a weight typed with more decimals than shown is compared as shown too). */
export function scoreAboveWeight(score: number, weight: number): boolean {
  return score > Math.max(weight, round(weight, 2)) + NOISE;
}

/** A computed quantity above another beyond float noise (a block's scores over its heading weight, a search bound). */
export function exceeds(a: number, b: number): boolean {
  return a > b + NOISE;
}

/** Two computed figures equal up to float noise (an = target and its actual, in the no-weight check). */
export function figuresEqual(a: number, b: number): boolean {
  return equalWithin(a, b, NOISE);
}

/**
 * A rate or ratio below a threshold beyond float noise, relative to the threshold's size: 8.1 ÷ 9 is 90% exactly
 * (not below 90%), 12.36 is 1.2 × 10.3 exactly (not below it), though binary arithmetic misses both by 1e-16.
 */
export function below(value: number, threshold: number): boolean {
  return value < threshold - NOISE * Math.max(1, Math.abs(threshold));
}

/** A rate short of 100% beyond float noise (a budget not fully spent). */
export function belowFull(rate: number): boolean {
  return rate < 1 - NOISE;
}

/**
 * A qualitative score inside its tier [lo, hi): the lower bound counts, the upper bound belongs to the tier above,
 * except for the top tier, which includes full marks.
 */
export function inTier(score: number, lo: number, hi: number, top: boolean): boolean {
  return score >= lo - NOISE && (top ? score <= hi + NOISE : score < hi - NOISE);
}

/** An = indicator is met when the actual equals the target within the relative tolerance (at least 1 × tol). */
export function equalWithin(actual: number, target: number, tolerance: number): boolean {
  return Math.abs(actual - target) <= tolerance * Math.max(1, Math.abs(target));
}

/** An amount above another by more than the amount tolerance (执行数 over 预算数). */
export function amountAbove(amount: number, limit: number, profile: Profile): boolean {
  return amount > limit + profile.tolerance.amount;
}
