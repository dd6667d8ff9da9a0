/** score-exceeds-weight (DOMAIN.md §4): a typed 得分 above its 分值, quantitative or qualitative. */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, indicatorRow, withIndicator } from "../../../test/helpers/rule-tables";

const quantitative = (typed: number) =>
  withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 25, typed, ""]);
const qualitative = (typed: number) =>
  withIndicator(2, ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, typed, ""]);

describe.each(PROFILE_IDS)("score-exceeds-weight under %s", (profile) => {
  it.each([
    ["quantitative 25 of 25", quantitative(25), 0, false, "25", undefined],
    ["quantitative 25.01 of 25", quantitative(25.01), 0, true, "25", "25.01"],
    ["qualitative 30 of 30", qualitative(30), 2, false, "30", undefined],
    ["qualitative 30.01 of 30", qualitative(30.01), 2, true, "30", "30.01"],
  ])("%s", (_, grid, i, raised, expected, received) => {
    expectRaised(
      raised,
      grid,
      "score-exceeds-weight",
      `H${indicatorRow(i)}`,
      { profile },
      {
        severity: "error",
        expected,
        received,
      },
    );
  });
});

describe("score-exceeds-weight", () => {
  it("is said instead of score-mismatch", () => {
    expectRaised(false, quantitative(30), "score-mismatch", `H${indicatorRow(0)}`);
  });

  it("says the score and the weight in both languages", () => {
    const f = findingAt(quantitative(25.01), "score-exceeds-weight", `H${indicatorRow(0)}`)!;
    expect(f.message["zh-CN"]).toBe("“培训人次”得分 25.01 超过分值 25");
    expect(f.message["en-US"]).toBe('"培训人次" scores 25.01, more than its weight 25');
  });
});
