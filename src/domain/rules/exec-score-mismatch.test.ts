/**
 * exec-score-mismatch (DOMAIN.md §3–4): the typed execution 得分 differs from min(执行率, 1) × 分值 by more than
 * the score tolerance 0.1; integerScores also accepts the computed score rounded to whole points.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, withBudget } from "../../../test/helpers/rule-tables";

const scored = (typed: number, executed = 95, weight = 10, planned = 100) =>
  withBudget(["年度资金总额", planned, planned, executed, weight, executed / planned, typed]);

describe.each(PROFILE_IDS)("exec-score-mismatch under %s: ±0.1 around 95% × 10 = 9.50", (profile) => {
  it.each([
    ["9.5 exactly", 9.5, false, undefined],
    ["9.6: +0.1, at the tolerance", 9.6, false, undefined],
    ["9.61: beyond it", 9.61, true, "9.61"],
    ["9.4: −0.1, at the tolerance", 9.4, false, undefined],
    ["9.39: beyond it", 9.39, true, "9.39"],
  ])("%s", (_, typed, raised, received) => {
    expectRaised(
      raised,
      scored(typed),
      "exec-score-mismatch",
      "H4",
      { profile },
      {
        severity: "error",
        expected: "9.50",
        received,
      },
    );
  });
});

describe("exec-score-mismatch: the weight typed, overspending, integer rounding", () => {
  it.each([
    // 分值 20 typed in the table: 95% × 20 = 19
    ["95% × 20 = 19, typed 19", scored(19, 95, 20), {}, false, "19.00", undefined],
    ["95% × 20 = 19, typed 9.5", scored(9.5, 95, 20), {}, true, "19.00", "9.5"],
    // 110 ÷ 100 = 110% counts as 100%: 1 × 10 = 10, never 11
    ["110% → 10, typed 10", scored(10, 110), {}, false, "10.00", undefined],
    ["110% → 10, typed 11", scored(11, 110), {}, true, "10.00", "11"],
    // 37.24 ÷ 43.2 = 86.2037% → 8.62; 9 is 0.38 away
    ["8.62 typed 9", scored(9, 37.24, 10, 43.2), {}, true, "8.62", "9"],
    [
      "8.62 typed 9, integerScores=on (round(8.62) = 9)",
      scored(9, 37.24, 10, 43.2),
      { integerScores: "on" },
      false,
      "8.62",
      undefined,
    ],
    [
      "8.62 typed 8, integerScores=on (8 ≠ 9, 0.62 away)",
      scored(8, 37.24, 10, 43.2),
      { integerScores: "on" },
      true,
      "8.62",
      "8",
    ],
  ])("%s", (_, grid, settings, raised, expected, received) => {
    expectRaised(raised, grid, "exec-score-mismatch", "H4", { settings }, { severity: "error", expected, received });
  });
});

describe("exec-score-mismatch message", () => {
  it("says the rule's score and the typed one in both languages", () => {
    const f = findingAt(scored(9), "exec-score-mismatch", "H4")!;
    expect(f.message["zh-CN"]).toBe("预算执行率得分应为 9.50，填报为 9");
    expect(f.message["en-US"]).toBe("The execution score should be 9.50, the table says 9");
    expect(f.arithmetic).toBe("95.00% × 10 = 9.50");
  });
});

describe("exec-score-mismatch with no typed score to compare", () => {
  // required-blank and value-not-number say these; 95% × 10 = 9.50 is compared with nothing.
  it.each([
    ["a blank 得分", null],
    ["a 得分 typed as text", "九分半"],
  ])("%s", (_, typed) => {
    const g = withBudget(["年度资金总额", 100, 100, 95, 10, 0.95, typed]);
    expectRaised(false, g, "exec-score-mismatch", "H4");
  });
});
