/**
 * over-completion (DOMAIN.md §3–4): B ≥ overCompletionRatio × A (1.2 by default) on a 正向 or 等于 indicator,
 * with no explanation. A warning only: the score keeps its full marks.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { check } from "../../../test/helpers/tables";
import {
  expectRaised,
  findingAt,
  headingsOnlyGrid,
  indicatorRow,
  withFirstIndicator,
} from "../../../test/helpers/rule-tables";

const at = `F${indicatorRow(0)}`;
const reached = (actual: number, target = "≥500人次", reason = "", level2 = "数量指标") =>
  withFirstIndicator(["产出指标", level2, "培训人次", target, `${actual}人次`, 25, 25, reason]);

describe.each(PROFILE_IDS)("over-completion under %s: 1.2 × 500 = 600", (profile) => {
  it.each([
    ["600: exactly 1.2 × 500", 600, "≥500人次", true],
    ["599.99: just below", 599.99, "≥500人次", false],
    ["600.01: just above", 600.01, "≥500人次", true],
    ["500: met", 500, "≥500人次", false],
    ["= target: 600 is 1.2 × 500 too", 600, "=500人次", true],
    ["= target: 599.99", 599.99, "=500人次", false],
    ["bare target (read as ≥): 600", 600, "500人次", true],
    // ≤ indicators are over-achieved by spending less, never by exceeding the target.
    ["≤ target: 600 is a miss, not an over-completion", 600, "≤500人次", false],
  ])("%s", (_, actual, target, raised) => {
    expectRaised(false, reached(actual, target, "培训需求增加，已超额完成"), "over-completion", at, { profile });
    // An explanation silences it; without one it is raised (or not) as the table says.
    expectRaised(
      raised,
      reached(actual, target),
      "over-completion",
      at,
      { profile },
      {
        severity: "warning",
        expected: undefined,
        received: undefined,
      },
    );
  });
});

describe("over-completion at exactly 1.2 × target in decimal", () => {
  // Fixed (compared through precision.ts below/exceeds, with a float margin): 1.2 × 10.3 = 12.36, but 1.2 * 10.3 is 12.360000000000001 in binary and B ≥ ratio × A is compared with no
  // float margin, so an actual of exactly 120% is not asked about (DOMAIN.md §3: B ≥ 1.2 × A needs an explanation).
  it("12.36 against ≥10.3", () => {
    const g = withFirstIndicator(["产出指标", "数量指标", "培训人次", "≥10.3", 12.36, 25, 25, ""]);
    expectRaised(true, g, "over-completion", at, {}, { severity: "warning" });
  });
});

describe("over-completion", () => {
  it.each([
    // overCompletionRatio=1.5: 1.5 × 500 = 750
    ["750 at 1.5", "1.5", 750, true],
    ["749.99 at 1.5", "1.5", 749.99, false],
    ["600 at 1.5 no longer", "1.5", 600, false],
    // overCompletionRatio=1.1: 1.1 × 500 = 550
    ["550 at 1.1", "1.1", 550, true],
    ["549.99 at 1.1", "1.1", 549.99, false],
  ])("overCompletionRatio: %s", (_, ratio, actual, raised) => {
    expectRaised(raised, reached(actual), "over-completion", at, { settings: { overCompletionRatio: ratio } });
  });

  it("is asked about in a table without a 分值 column too (weights in the block headings)", () => {
    // 300 ≥ 1.2 × 200 = 240; the third indicator's 实际完成值 stays in column F.
    const table = (actual: string) =>
      headingsOnlyGrid([
        ["产出指标(50分)", "数量指标", "举办培训期数", "≥10期", "10期", 25, ""],
        ["", "质量指标", "培训合格率", "≥95%", "97%", 25, ""],
        ["效益指标(30分)", "社会效益指标", "带动就业人数", "≥200人", actual, 30, ""],
        ["满意度指标(10分)", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, ""],
      ]);
    expectRaised(true, table("300人"), "over-completion", `F${indicatorRow(2)}`, {}, { severity: "warning" });
    expectRaised(false, table("239人"), "over-completion", `F${indicatorRow(2)}`);
  });

  it("a bare target under 成本指标 reads as ≤: exceeding it is no over-completion", () => {
    expectRaised(false, reached(600, "500", "", "成本指标"), "over-completion", at);
  });

  it("keeps the full marks", () => {
    const r = check(reached(700));
    expect(r.figures.find((f) => f.key === `indicator.${indicatorRow(0)}.score`)!.value).toBe(25);
  });

  it("says the actual, the target and the share in both languages", () => {
    // 600 ÷ 500 = 120.00%
    const f = findingAt(reached(600), "over-completion", at)!;
    // The reason goes in the row's 偏差原因 cell (column I).
    expect(f.message["zh-CN"]).toBe(
      `“培训人次”实际完成值 600 达到目标 500 的 120.00%，请在 I${indicatorRow(0)} 说明原因（目标是否设置偏低）`,
    );
    expect(f.message["en-US"]).toBe(
      `"培训人次" reached 600, 120.00% of the target 500; explain why in I${indicatorRow(0)} (was the target set too low?)`,
    );
  });
});
