/**
 * qualitative-unrated: a qualitative result that fits no tier (DOMAIN.md §2.4: "reported, not guessed"). Info:
 * the typed score stands as the evaluator's judgement.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, indicatorRow, withIndicator } from "../../../test/helpers/rule-tables";

const at = `F${indicatorRow(3)}`;
const rated = (result: string, typed: number | null = 9) =>
  withIndicator(3, ["满意度指标", "服务对象满意度指标", "学员满意度", "群众满意", result, 10, typed, "宣传不足"]);

describe.each(PROFILE_IDS)("qualitative-unrated under %s", (profile) => {
  it.each([
    ["达成年度指标 (top)", "达成年度指标", false],
    ["已完成 (top)", "已完成", false],
    ["效果明显 (top)", "效果明显", false],
    ["基本完成 (middle)", "基本完成", false],
    ["未完成 (bottom)", "未完成", false],
    ["否 (bottom)", "否", false],
    ["良好: no tier", "良好", true],
    ["完成率85%: not a top result", "完成率85%", true],
    ["未全部完成: could be either tier", "未全部完成", true],
  ])("%s", (_, result, raised) => {
    expectRaised(
      raised,
      rated(result),
      "qualitative-unrated",
      at,
      { profile },
      {
        severity: "info",
        expected: undefined,
        received: undefined,
      },
    );
  });

  it("an unrated result without a typed score has nothing to judge", () => {
    expectRaised(false, rated("良好", null), "qualitative-unrated", at, { profile });
  });
});

describe("qualitative-unrated message", () => {
  it("quotes the result and the score in both languages", () => {
    const f = findingAt(rated("良好"), "qualitative-unrated", at)!;
    expect(f.message["zh-CN"]).toBe("“学员满意度”的实际完成值“良好”无法对应评分档次，得分 9 由评价人判断，未自动核定");
    expect(f.message["en-US"]).toBe(
      '"学员满意度": the result "良好" fits no scoring tier; the score 9 is the evaluator\'s judgement and was not checked',
    );
  });
});
