import { amountsAgree, displayPrecision, fmtAmountGrouped, fmtRate, ratesAgree, round, scoresAgree } from "../../src/domain/precision";
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
