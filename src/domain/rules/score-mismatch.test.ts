/**
 * score-mismatch (DOMAIN.md §3–4): a typed quantitative 得分 differs from the rule by more than the score tolerance
 * (0.1). The rule moves with lessIsBetterRule, equalRule, equalTolerance, bareTargetDirection, deviationPenalty
 * and integerScores.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralRows, centralRowsOf, check, DEFAULT_INDICATORS } from "../../../test/helpers/tables";
import { expectRaised, findingAt, indicatorRow, withFirstIndicator } from "../../../test/helpers/rule-tables";

const at = `H${indicatorRow(0)}`;
const row = (target: string, actual: number, typed: number, level2 = "数量指标") =>
  withFirstIndicator(["产出指标", level2, "培训人次", target, actual, 25, typed, "进度滞后"]);

describe.each(PROFILE_IDS)("score-mismatch under %s: ±0.1 around 80 ÷ 100 × 25 = 20.00", (profile) => {
  it.each([
    ["20 exactly", 20, false, undefined],
    ["20.1: at the tolerance", 20.1, false, undefined],
    ["20.11: beyond it", 20.11, true, "20.11"],
    ["19.9: at the tolerance", 19.9, false, undefined],
    ["19.89: beyond it", 19.89, true, "19.89"],
  ])("%s", (_, typed, raised, received) => {
    expectRaised(
      raised,
      row("≥100", 80, typed),
      "score-mismatch",
      at,
      { profile },
      {
        severity: "error",
        expected: "20.00",
        received,
      },
    );
  });
});

describe("score-mismatch under the scoring settings", () => {
  it.each<[string, string, number, number, Record<string, string>, boolean, string]>([
    // ≤ 90 missed with 100: ratio 90 ÷ 100 × 25 = 22.50; linear 25 × (1 − 10 ÷ 90) = 22.22
    ["≤ ratio: 22.5", "≤90", 100, 22.5, {}, false, "22.50"],
    ["≤ linear: 22.5 is 0.28 off 22.22", "≤90", 100, 22.5, { lessIsBetterRule: "linear" }, true, "22.22"],
    ["≤ linear: 22.22", "≤90", 100, 22.22, { lessIsBetterRule: "linear" }, false, "22.22"],
    // linear reaches 0 at B = 2A = 180: 25 × (1 − 90 ÷ 90) = 0
    ["≤ linear at 2A: 0", "≤90", 180, 0, { lessIsBetterRule: "linear" }, false, "0.00"],
    ["≤ linear at 2A: 1 is too much", "≤90", 180, 1, { lessIsBetterRule: "linear" }, true, "0.00"],
    // ≤ ratio at 2A: 90 ÷ 180 × 25 = 12.50
    ["≤ ratio at 2A: 12.5", "≤90", 180, 12.5, {}, false, "12.50"],
    // = 100 with 98: ratio 98 ÷ 100 × 25 = 24.50; all-or-nothing 0
    ["= ratio: 24.5", "=100", 98, 24.5, {}, false, "24.50"],
    ["= all-or-nothing: 24.5 should be 0", "=100", 98, 24.5, { equalRule: "all-or-nothing" }, true, "0.00"],
    // equalTolerance 1e-6 relative: |B − 100| ≤ 1e-6 × 100 = 1e-4 counts as equal
    ["= all-or-nothing, 100.00009 is equal", "=100", 100.00009, 25, { equalRule: "all-or-nothing" }, false, "25.00"],
    ["= all-or-nothing, 100.00011 is not", "=100", 100.00011, 25, { equalRule: "all-or-nothing" }, true, "0.00"],
    // deviationPenalty: B ≥ 1.3 × 500 = 650 costs 2 points: 25 − 2 = 23
    ["deviationPenalty at 650", "≥500", 650, 25, { deviationPenalty: "on" }, true, "23.00"],
    ["deviationPenalty at 649.99", "≥500", 649.99, 25, { deviationPenalty: "on" }, false, "25.00"],
    ["no deviationPenalty by default at 650", "≥500", 650, 25, {}, false, "25.00"],
    // 37.24 ÷ 43.2 × 25 = 21.5509 → 21.55; 22 is 0.45 away, and round(21.55) = 22
    ["22 for 21.55", "≥43.2", 37.24, 22, {}, true, "21.55"],
    ["22 for 21.55 with integerScores", "≥43.2", 37.24, 22, { integerScores: "on" }, false, "21.55"],
    ["21 for 21.55 with integerScores (round is 22)", "≥43.2", 37.24, 21, { integerScores: "on" }, true, "21.55"],
  ])("%s", (_, target, actual, typed, settings, raised, expected) => {
    expectRaised(
      raised,
      row(target, actual, typed),
      "score-mismatch",
      at,
      { settings },
      {
        severity: "error",
        expected,
        received: raised ? String(typed) : undefined,
      },
    );
  });

  it.each([
    // A bare 90 reads as ≥ (met by 100: 25) except under 成本指标, where it is ≤ (90 ÷ 100 × 25 = 22.50)
    ["数量指标: bare 90 is ≥, 100 meets it", "数量指标", 25, false, "25.00"],
    ["成本指标: bare 90 is ≤, 100 misses it", "成本指标", 25, true, "22.50"],
    ["成本指标: 22.5", "成本指标", 22.5, false, "22.50"],
  ])("bareTargetDirection, %s", (_, level2, typed, raised, expected) => {
    expectRaised(raised, row("90", 100, typed, level2), "score-mismatch", at, {}, { severity: "error", expected });
  });
});

describe("deviationPenalty at exactly 1.3 × target in decimal", () => {
  // Fixed (compared through precision.ts below/exceeds, with a float margin): 1.3 × 0.9 = 1.17, but 1.3 * 0.9 is 1.1700000000000002 in binary and B ≥ 1.3 × A is compared with no float
  // margin, so an actual of exactly 130% escapes the penalty (DOMAIN.md §3: actual ≥ 130% of target → −2).
  it("1.17 against ≥0.9 costs 2 points: 25 − 2 = 23", () => {
    expectRaised(
      true,
      row("≥0.9", 1.17, 25),
      "score-mismatch",
      at,
      { settings: { deviationPenalty: "on" } },
      {
        expected: "23.00",
      },
    );
  });
});

describe("score-mismatch message", () => {
  it("says the rule's score and the typed one in both languages", () => {
    const f = findingAt(row("≥100", 80, 25), "score-mismatch", at)!;
    expect(f.message["zh-CN"]).toBe("“培训人次”按规则得分应为 20.00，填报为 25");
    expect(f.message["en-US"]).toBe('"培训人次" should score 20.00 by the rule, the table says 25');
    expect(f.arithmetic).toBe("80 ÷ 100 × 25 = 20.00");
  });
});

describe("score-mismatch leaves to other rules what is not a wrong score", () => {
  const mismatches = (g: Parameters<typeof check>[0]) =>
    check(g)
      .findings.filter((f) => f.rule === "score-mismatch")
      .map((f) => f.cell);
  it.each([
    // required-blank says it; 80 ÷ 100 × 25 = 20 is not compared with nothing.
    ["a blank 得分", withFirstIndicator(["产出指标", "数量指标", "培训人次", "≥100", 80, 25, null, "进度滞后"])],
    // score-exceeds-weight says it.
    ["30 over its 分值 25", row("≥100", 80, 30)],
    // qualitative-out-of-tier says it: 部分达成 is 15 (含) to 20 of 25, the typed 25 counts as 19.99.
    [
      "a qualitative 25 above its tier",
      withFirstIndicator([
        "产出指标",
        "数量指标",
        "培训质量",
        "效果明显",
        "部分达成年度指标并具有一定效果",
        25,
        25,
        "未全部达成",
      ]),
    ],
  ])("%s", (_, grid) => {
    expect(mismatches(grid)).toEqual([]);
  });
});

describe("score-mismatch against a 得分系数 (Chongqing tables): 得分系数 × 分值", () => {
  /** The default table with a 得分系数(%) column (H) before 得分 (now I); 培训人次 520 of ≥500 has `coefficient`. */
  const withCoefficient = (coefficient: number, typed: number | null) => {
    const spec = {
      indicators: DEFAULT_INDICATORS.map((r, i) => (i === 0 ? [...r.slice(0, 6), typed, r[7]] : r)),
      total: [100, null] as [number, null],
    };
    const from = centralRowsOf(spec).indicatorHeader;
    const coefficients = [coefficient, 100, 100, 100];
    const rows = centralRows(spec).map((r, i) => {
      const n = i + 1 - from; // 0: the header row, 1–4: the indicators, 5: the 总分 row
      if (n < 0) return r;
      const cell = n === 0 ? "得分系数(%)" : n <= 4 ? coefficients[n - 1] : "";
      return [...r.slice(0, 7), cell, ...r.slice(7)];
    });
    return gridFromRows("自评表", rows);
  };
  const cell = `I${indicatorRow(0)}`;

  it.each([
    // 100% × 25 = 25.00; the rule gives 25 too (520 ≥ 500)
    ["100% × 25 = 25, typed 25", 100, 25, undefined],
    // 96% × 25 = 24.00
    ["96% × 25 = 24, typed 25", 96, 25, "24.00"],
    ["96% × 25 = 24, typed 24 (the rule's 25 is within no tolerance of it)", 96, 24, "25.00"],
    // 99.6% × 25 = 24.90: 0.1 away, at the tolerance; 99.56% × 25 = 24.89 is 0.11 away
    ["99.6% × 25 = 24.9, typed 25", 99.6, 25, undefined],
    ["99.56% × 25 = 24.89, typed 25", 99.56, 25, "24.89"],
    ["96%, 得分 blank", 96, null, undefined],
  ])("%s", (_, coefficient, typed, expected) => {
    const found = check(withCoefficient(coefficient, typed)).findings.filter((f) => f.rule === "score-mismatch");
    expect(found.map((f) => `${f.cell} ${f.expected}`)).toEqual(expected ? [`${cell} ${expected}`] : []);
  });

  it("says the coefficient's arithmetic", () => {
    const f = findingAt(withCoefficient(96, 25), "score-mismatch", cell)!;
    expect(f.message["zh-CN"]).toBe("“培训人次”按规则得分应为 24.00，填报为 25");
    expect(f.arithmetic).toBe("得分系数 96.00% × 分值 25 = 24.00");
  });
});
