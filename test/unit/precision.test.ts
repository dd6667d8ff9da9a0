import {
  toDigits,
  belowFull,
  equalWithin,
  figuresEqual,
  inTier,
  amountShownPositive,
  amountsAgree,
  displayPrecision,
  fmtAmount,
  fmtAmountGrouped,
  fmtPlain,
  fmtRate,
  fmtScore,
  ratesAgree,
  round,
  scoresAgree,
  weightsAgree,
} from "../../src/domain/precision";
import { PROFILES } from "../../src/domain/profile";

const central = PROFILES["central-2020"];

describe("precision", () => {
  it.each([
    ["General", null, false],
    ["0", 0, false],
    ["0.00", 2, false],
    ["#,##0.00", 2, false],
    ["#,##0", 0, false],
    ["0%", 0, true],
    ["0.00%", 2, true],
    ['#,##0.00"万元"', 2, false],
    ["#,##0.00_);[Red](#,##0.00)", 2, false],
  ])("%s displays %s decimals (percent %s)", (fmt, decimals, percent) => {
    expect(displayPrecision(fmt)).toEqual({ decimals, percent });
  });

  it("a typed 3378 in a #,##0.00 cell does not agree with 3,378.30 (regression: grouping read as 0 decimals)", () => {
    expect(amountsAgree(3378, 3378.3, central, "#,##0.00")).toBe(false);
    expect(amountsAgree(3378.3, 3378.304, central, "#,##0.00")).toBe(true);
  });

  it("rates agree at the displayed precision, scores only within the tolerance", () => {
    expect(ratesAgree(0.86, 0.862037, central, "0%")).toBe(true);
    expect(ratesAgree(0.86, 0.862037, central, "0.00%")).toBe(false);
    expect(scoresAgree(8.7, 8.62, central)).toBe(true);
    expect(scoresAgree(9, 8.62, central)).toBe(false);
  });

  it("rounds halves up despite binary noise and leaves huge numbers alone", () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-2.675, 2)).toBe(-2.68);
    expect(round(9e307, 6)).toBe(9e307);
    expect(fmtAmountGrouped(3378.3)).toBe("3,378.30");
    expect(fmtRate(0.989276)).toBe("98.93%");
    expect(fmtRate(9e307)).toBe("—");
  });
});

describe("toDigits: a converted figure keeps the 15 digits a double holds", () => {
  it.each([
    // 0.57 × 100 is 56.99999999999999 in binary; 15 digits give 57
    [0.57 * 100, 57],
    // 2900 ÷ 10000 = 0.29 exactly in decimal
    [(2900 * 1) / 10000, 0.29],
    // 0.1 + 0.2 = 0.30000000000000004
    [0.1 + 0.2, 0.3],
    // a figure with 15 digits of its own is kept
    [123456789.012345, 123456789.012345],
    [-0.57 * 100, -57],
    [0, 0],
  ])("%p → %p", (x, expected) => {
    expect(toDigits(x)).toBe(expected);
  });

  it("leaves what is not a finite number as it is", () => {
    expect(toDigits(Infinity)).toBe(Infinity);
    expect(toDigits(NaN)).toBeNaN();
  });
});

describe("how figures are shown", () => {
  it("amounts and scores show two decimals, rounded half away from zero", () => {
    expect(fmtAmount(3342.07)).toBe("3342.07");
    expect(fmtAmount(120)).toBe("120.00");
    expect(fmtAmount(0.125)).toBe("0.13");
    expect(fmtScore(8.625)).toBe("8.63");
    expect(fmtScore(-8.625)).toBe("-8.63");
    expect(fmtScore(10)).toBe("10.00");
  });

  it("groups thousands only in the integer part of 万元", () => {
    expect(fmtAmountGrouped(1234567.891)).toBe("1,234,567.89");
    expect(fmtAmountGrouped(999.999)).toBe("1,000.00");
    expect(fmtAmountGrouped(848.65)).toBe("848.65");
  });

  it("rates show as percentages with two decimals; a rate that is not a number shows as a dash", () => {
    expect(fmtRate(0.5)).toBe("50.00%");
    expect(fmtRate(1)).toBe("100.00%");
    expect(fmtRate(Number.NaN)).toBe("—");
    expect(fmtRate(Number.POSITIVE_INFINITY)).toBe("—");
  });

  it("plain numbers in arithmetic keep the decimals they have, up to six", () => {
    expect(fmtPlain(43.2)).toBe("43.2");
    expect(fmtPlain(37.24)).toBe("37.24");
    expect(fmtPlain(10)).toBe("10");
    expect(fmtPlain(1 / 3)).toBe("0.333333");
  });

  it("rounds to two decimals unless told otherwise, and to whole numbers half away from zero", () => {
    expect(round(2.345)).toBe(2.35);
    expect(round(1.234)).toBe(1.23);
    expect(round(2.5, 0)).toBe(3);
    expect(round(-1.5, 0)).toBe(-2);
    expect(round(1234.5678, 1)).toBe(1234.6);
    expect(round(0.0449, 2)).toBe(0.04);
  });
});

describe("displayPrecision", () => {
  it.each([
    [undefined, null, false],
    ["", null, false],
    ["general", null, false],
    ["@", null, false],
    ['"完成"', null, false],
    ['0.00"%"', 2, false],
    ["0\\.00", 0, false],
    ["0.0;[Red]-0.000", 1, false],
    ["0.###", 3, false],
    ["?.??%", 2, true],
  ])("%p displays %p decimals (percent %p)", (fmt, decimals, percent) => {
    expect(displayPrecision(fmt)).toEqual({ decimals, percent });
  });
});

describe("agreement of typed and computed figures", () => {
  it("amounts agree within ±0.01 万元 whatever the format", () => {
    expect(amountsAgree(3342.08, 3342.07, central)).toBe(true);
    expect(amountsAgree(3342.06, 3342.07, central)).toBe(true);
    expect(amountsAgree(3342.09, 3342.07, central)).toBe(false);
    expect(amountsAgree(3342.05, 3342.07, central)).toBe(false);
  });

  it("amounts agree at the decimals a number format shows, never at a percentage format's", () => {
    expect(amountsAgree(3342, 3342.3, central, "0")).toBe(true);
    expect(amountsAgree(3342, 3342.6, central, "0")).toBe(false);
    expect(amountsAgree(3342, 3342.3, central, "0%")).toBe(false);
    expect(amountsAgree(3342, 3342.3, central, "General")).toBe(false);
  });

  it("rates agree within ±0.01 percentage points, on both sides", () => {
    expect(ratesAgree(0.9894, 0.9893, central)).toBe(true);
    expect(ratesAgree(0.9892, 0.9893, central)).toBe(true);
    expect(ratesAgree(0.9895, 0.9893, central)).toBe(false);
    expect(ratesAgree(0.9891, 0.9893, central)).toBe(false);
    expect(ratesAgree(0.86, 0.862037, central)).toBe(false);
  });

  it("a rate typed as a fraction in a plain number format agrees at that format's decimals", () => {
    expect(ratesAgree(0.86, 0.862037, central, "0.00")).toBe(true);
    expect(ratesAgree(0.86, 0.862037, central, "0.000")).toBe(false);
    expect(ratesAgree(0.99, 0.989276, central, "0.00")).toBe(true);
  });

  it("a rate in a percentage cell agrees at the percentage's decimals", () => {
    expect(ratesAgree(0.9893, 0.989276, central, "0.00%")).toBe(true);
    expect(ratesAgree(0.99, 0.989276, central, "0%")).toBe(true);
    expect(ratesAgree(0.98, 0.989276, central, "0%")).toBe(false);
  });

  it("scores agree within ±0.1, on both sides", () => {
    expect(scoresAgree(8.72, 8.62, central)).toBe(true);
    expect(scoresAgree(8.52, 8.62, central)).toBe(true);
    expect(scoresAgree(8.73, 8.62, central)).toBe(false);
    expect(scoresAgree(8.51, 8.62, central)).toBe(false);
  });

  it("with integer rounding a score typed as the computed one rounded to whole points agrees, and only that", () => {
    const hebei = { ...central, integerScores: true };
    expect(scoresAgree(9, 8.62, hebei)).toBe(true);
    expect(scoresAgree(8, 8.62, hebei)).toBe(false);
    expect(scoresAgree(9, 8.4, hebei)).toBe(false);
    expect(scoresAgree(9, 8.5, hebei)).toBe(true);
  });

  it("weights agree only when equal to a millionth", () => {
    expect(weightsAgree(10, 10)).toBe(true);
    expect(weightsAgree(10, 10.0000005)).toBe(true);
    expect(weightsAgree(10, 9.9999995)).toBe(true);
    expect(weightsAgree(10, 10.00001)).toBe(false);
    expect(weightsAgree(10, 9.99999)).toBe(false);
  });
});

describe("precision at the edges", () => {
  it("a figure with no decimals left to round (beyond 2^53 once scaled) comes back exactly as given", () => {
    expect(round(123456789012345.67, 2)).toBe(123456789012345.67);
  });

  it("the noise guard only touches figures within a millionth of a half: 1234567890.124999 rounds down", () => {
    expect(round(1234567890.124999, 2)).toBe(1234567890.12);
  });

  it("a difference of exactly the tolerance still agrees", () => {
    expect(amountsAgree(100.01, 100, central)).toBe(true);
    expect(ratesAgree(0.5001, 0.5, central)).toBe(true);
    expect(scoresAgree(10.1, 10, central)).toBe(true);
    expect(weightsAgree(0.000001, 0)).toBe(true);
  });

  it("an amount is above zero only as shown at 2 decimals: 0.005 shows as 0.01, 0.0049 and 1e-300 as 0.00", () => {
    expect(amountShownPositive(0.005)).toBe(true);
    expect(amountShownPositive(0.01)).toBe(true);
    expect(amountShownPositive(0.0049)).toBe(false);
    expect(amountShownPositive(1e-300)).toBe(false);
    expect(amountShownPositive(0)).toBe(false);
    expect(amountShownPositive(-0.004)).toBe(false);
    expect(amountShownPositive(-1)).toBe(false);
  });

  it("a huge rate agrees with itself one float digit off, and not 0.001% of itself off", () => {
    // 1e302 written as 1e304% reads back as 1e304 / 100, which is not 1e302 in binary
    expect(ratesAgree(1e304 / 100, 1e302, central)).toBe(true);
    expect(ratesAgree(1e302 * (1 + 1e-10), 1e302, central)).toBe(true);
    expect(ratesAgree(1e302 * (1 + 1e-8), 1e302, central)).toBe(false);
    expect(ratesAgree(1e302 * (1 - 1e-8), 1e302, central)).toBe(false);
  });

  it("text quoted in a format is left out whatever its length, so a quoted ' %' is no percentage", () => {
    expect(displayPrecision('0.00" %"')).toEqual({ decimals: 2, percent: false });
  });
});

describe("the named comparisons, at and beside their bounds", () => {
  // NOISE is 1e-9, relative to the figure's size where the function says so; "at" a bound is within 1e-12 of it.
  it("figuresEqual: equal up to float noise, relative to the size of the figures", () => {
    expect(figuresEqual(0.1 + 0.2, 0.3)).toBe(true); // 5.6e-17 apart
    expect(figuresEqual(100, 100 + 5e-8)).toBe(true); // 5e-8 ≤ 1e-9 × 100 = 1e-7
    expect(figuresEqual(1, 1 + 1e-7)).toBe(false);
    expect(figuresEqual(1e6, 1e6 + 1e-4)).toBe(true); // 1e-4 ≤ 1e-9 × 1e6 = 1e-3
    expect(figuresEqual(1e6, 1e6 + 1e-2)).toBe(false);
  });

  it("equalWithin: |actual − target| ≤ tolerance × max(1, |target|), the bound itself inside", () => {
    expect(equalWithin(95, 95, 0)).toBe(true);
    expect(equalWithin(95.9, 95, 0.01)).toBe(true); // 0.9 ≤ 0.95
    expect(equalWithin(94, 95, 0.01)).toBe(false); // 1 > 0.95
    expect(equalWithin(0.5, 0, 0.5)).toBe(true); // |target| < 1: 0.5 ≤ 0.5 × 1
    expect(equalWithin(-0.5, 0, 0.5)).toBe(true);
    expect(equalWithin(0.6, 0, 0.5)).toBe(false);
    expect(equalWithin(0.25, 0.5, 0.25)).toBe(true); // 0.25 ≤ 0.25 × max(1, 0.5) = 0.25
  });

  it("belowFull: a rate short of 100% beyond float noise", () => {
    expect(belowFull(1)).toBe(false);
    expect(belowFull(1 - 1e-12)).toBe(false);
    expect(belowFull(0.9999999)).toBe(true);
    expect(belowFull(1.2)).toBe(false);
  });

  it("inTier: [lo, hi) for a middle tier, [lo, hi] for the top one", () => {
    expect(inTier(18, 18, 24, false)).toBe(true);
    expect(inTier(18 - 1e-12, 18, 24, false)).toBe(true);
    expect(inTier(17.9, 18, 24, false)).toBe(false);
    expect(inTier(23.99, 18, 24, false)).toBe(true);
    expect(inTier(24, 18, 24, false)).toBe(false);
    expect(inTier(24 - 1e-12, 18, 24, false)).toBe(false);
    expect(inTier(24, 24, 30, true)).toBe(true);
    expect(inTier(30, 24, 30, true)).toBe(true);
    expect(inTier(30 + 1e-12, 24, 30, true)).toBe(true);
    expect(inTier(30.1, 24, 30, true)).toBe(false);
    expect(inTier(23.9, 24, 30, true)).toBe(false);
  });
});
