/**
 * reason-missing (DOMAIN.md §4): 得分 < 分值 while 偏差原因 is empty, "无", "/" or "0". Full marks need no reason;
 * 0.01 below them does.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS, gridFromRows } from "../../domain";
import { centralRows } from "../../../test/helpers/tables";
import { expectRaised, findingAt, indicatorRow, withIndicator } from "../../../test/helpers/rule-tables";

const at = `I${indicatorRow(0)}`;
/** ≥100 with actual B and 分值 25: B ≥ 100 → 25, else 25 × B ÷ 100. */
const quantitative = (actual: number, typed: number, reason = "") =>
  withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥100", actual, 25, typed, reason]);
/** A qualitative result in the top tier [20, 25]: the typed score is the officer's. */
const qualitative = (typed: number, reason = "") =>
  withIndicator(0, ["产出指标", "数量指标", "培训效果", "效果明显", "达成年度指标", 25, typed, reason]);

describe.each(PROFILE_IDS)("reason-missing under %s", (profile) => {
  it.each([
    ["quantitative at full marks (100 ≥ 100 → 25)", quantitative(100, 25), false],
    // 99.96 ÷ 100 × 25 = 24.99
    ["quantitative 0.01 below full marks (24.99)", quantitative(99.96, 24.99), true],
    ["qualitative typed 25 of 25", qualitative(25), false],
    ["qualitative typed 24.99 of 25", qualitative(24.99), true],
  ])("%s", (_, grid, raised) => {
    expectRaised(
      raised,
      grid,
      "reason-missing",
      at,
      { profile },
      {
        severity: "error",
        // Never "应为 25": that would read as "raise the score".
        expected: undefined,
        received: undefined,
      },
    );
  });

  it.each([
    ["empty", "", true],
    ["无", "无", true],
    ["/", "/", true],
    ["0", "0", true],
    ["——", "——", true],
    ["暂无", "暂无", true],
    ["a reason", "汛期延误，已调整计划", false],
  ])("24.99 of 25 with the reason %s", (_, reason, raised) => {
    expectRaised(raised, qualitative(24.99, reason), "reason-missing", at, { profile }, { severity: "error" });
  });
});

/**
 * A table without a 分值 column (weights in the headings): the first indicator, ≥500人次, reached `actual`. Its
 * score cannot be recomputed, so a missed target alone asks for the reason (column H once G is gone).
 */
function withoutWeights(actual: string, reason = "") {
  const rows = centralRows({
    indicators: [
      ["产出指标（50分）", "数量指标", "培训人次", "≥500人次", actual, 25, 25, reason],
      ["", "质量指标", "培训合格率", "≥95%", "96%", 25, 25, ""],
      ["效益指标（30分）", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
      ["满意度指标（10分）", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
    ],
  });
  const header = rows.findIndex((r) => r.includes("三级指标"));
  return gridFromRows(
    "自评表",
    rows.map((r, i) => (i < header ? r : r.filter((_, c) => c !== 6))),
  );
}
const noWeightAt = `H${indicatorRow(0)}`;

describe.each(PROFILE_IDS)("reason-missing without a 分值 column under %s", (profile) => {
  it.each([
    ["500人次: met", "500人次", "", false],
    ["499.99人次: missed", "499.99人次", "", true],
    ["499.99人次 with a reason", "499.99人次", "报名人数不足", false],
  ])("%s", (_, actual, reason, raised) => {
    expectRaised(
      raised,
      withoutWeights(actual, reason),
      "reason-missing",
      noWeightAt,
      { profile },
      { severity: "error" },
    );
  });
});

describe("reason-missing message", () => {
  it("says the target was missed where no score can say so, in both languages", () => {
    const f = findingAt(withoutWeights("480人次"), "reason-missing", noWeightAt)!;
    expect(f.message["zh-CN"]).toBe("“培训人次”未达到年度指标值，须填写偏差原因分析及改进措施");
    expect(f.message["en-US"]).toBe('"培训人次" missed its target; the deviation reason and remedy must be filled in');
  });

  it("says the score and the weight in both languages", () => {
    // 80 ÷ 100 × 25 = 20.00
    const f = findingAt(quantitative(80, 20), "reason-missing", at)!;
    expect(f.message["zh-CN"]).toBe("“培训人次”未得满分（20.00/25），须填写偏差原因分析及改进措施");
    expect(f.message["en-US"]).toBe(
      '"培训人次" lost points (20.00/25); the deviation reason and remedy must be filled in',
    );
  });
});
