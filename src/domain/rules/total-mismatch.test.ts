/**
 * total-mismatch (DOMAIN.md §3–4): the typed 总分 differs from execution score + Σ indicator scores by more than
 * the score tolerance 0.1 (integerScores accepts the sum rounded to whole points), and a typed 自评等级 differs
 * from the grade of the computed total.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { centralGrid } from "../../../test/helpers/tables";
import { expectRaised, findingAt, totalRow, withIndicator } from "../../../test/helpers/rule-tables";

const at = `H${totalRow}`;
/** The default table: 95% × 10 = 9.5 plus 25 + 25 + 30 + 10 = 90 → 99.50. */
const totalled = (typed: number, grade?: string) => centralGrid({ total: [100, typed], grade });

describe.each(PROFILE_IDS)("total-mismatch under %s: ±0.1 around 99.50", (profile) => {
  it.each([
    ["99.5 exactly", 99.5, false, undefined],
    ["99.6: at the tolerance", 99.6, false, undefined],
    ["99.61: beyond it", 99.61, true, "99.61"],
    ["99.4: at the tolerance", 99.4, false, undefined],
    ["99.39: beyond it", 99.39, true, "99.39"],
  ])("%s", (_, typed, raised, received) => {
    expectRaised(
      raised,
      totalled(typed),
      "total-mismatch",
      at,
      { profile },
      {
        severity: "error",
        expected: "99.50",
        received,
      },
    );
  });
});

describe("total-mismatch under settings", () => {
  it.each([
    // round(99.5) = 100 (half away from zero)
    ["100 for 99.50", 100, {}, false],
    ["100 for 99.50 with integerScores", 100, { integerScores: "on" }, true],
    ["99 for 99.50 with integerScores (round is 100, 0.5 away)", 99, { integerScores: "on" }, false],
  ])("%s", (_, typed, settings, accepted) => {
    expectRaised(!accepted, totalled(typed), "total-mismatch", at, { settings }, { expected: "99.50" });
  });

  it.each([
    // 学员满意度 不适用: 9.5 + 25 + 25 + 30 = 89.50; rescaled, 89.5 × 100 ÷ 90 = 99.44
    ["89.5 as summed", 89.5, {}, false, "89.50"],
    ["89.5 when rescaled", 89.5, { rescaleNotApplicable: "on" }, true, "99.44"],
    ["99.44 when rescaled", 99.44, { rescaleNotApplicable: "on" }, false, "99.44"],
  ])("不适用 left out: %s", (_, typed, settings, raised, expected) => {
    const g = withIndicator(
      3,
      ["满意度指标", "服务对象满意度指标", "学员满意度", "不适用", "不适用", 10, "不适用", ""],
      { total: [100, typed] },
    );
    expectRaised(raised, g, "total-mismatch", at, { settings }, { severity: "error", expected });
  });
});

describe("total-mismatch on the grade", () => {
  const gradeAt = `H${totalRow + 1}`;
  it.each([
    ["优 for 99.50", "优", false],
    ["良 for 99.50", "良", true],
  ])("%s", (_, grade, raised) => {
    expectRaised(
      raised,
      totalled(99.5, grade),
      "total-mismatch",
      gradeAt,
      {},
      {
        severity: "error",
        expected: "优",
        received: raised ? grade : undefined,
      },
    );
  });

  it("says both grades in both languages", () => {
    const f = findingAt(totalled(99.5, "良"), "total-mismatch", gradeAt)!;
    expect(f.message["zh-CN"]).toBe("自评等级应为 优，填报为 良");
    expect(f.message["en-US"]).toBe("自评等级 should be 优, the table says 良");
  });
});

describe("total-mismatch message", () => {
  it("says both totals in both languages", () => {
    const f = findingAt(totalled(98), "total-mismatch", at)!;
    expect(f.message["zh-CN"]).toBe("总分应为 99.50，填报为 98");
    expect(f.message["en-US"]).toBe("总分 should be 99.50, the table says 98");
  });
});
