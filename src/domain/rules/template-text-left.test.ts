/**
 * template-text-left (DOMAIN.md §2.3, §4): placeholders and instructions left in answer cells ("指标1", "……",
 * "(100字以内)"), never real text that merely looks like them ("完成指标1项", "XXL").
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, indicatorRow, withIndicator } from "../../../test/helpers/rule-tables";

const at = `I${indicatorRow(0)}`;
/** Full marks, so the 偏差原因 cell is free text no other rule reads. */
const reasoned = (text: string) =>
  withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 25, 25, text]);

describe.each(PROFILE_IDS)("template-text-left under %s", (profile) => {
  it.each([
    ["指标1", true],
    ["指标2：", true],
    ["三级指标3", true],
    ["……", true],
    ["...", true],
    ["xxx", true],
    ["完成××项", true],
    ["(100字以内)", true],
    ["不超过500字", true],
    ["请填写偏差原因", true],
    ["对照年度目标，说明未完成原因", true],
    ["完成指标1项", false],
    ["数量指标", false],
    ["XXL规格", false],
    ["按计划完成", false],
  ])("“%s”", (text, raised) => {
    expectRaised(
      raised,
      reasoned(text),
      "template-text-left",
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

describe("template-text-left message", () => {
  it("quotes the text in both languages", () => {
    const f = findingAt(reasoned("(100字以内)"), "template-text-left", at)!;
    expect(f.message["zh-CN"]).toBe("单元格仍是模板占位或填写说明“(100字以内)”，请替换为实际内容");
    expect(f.message["en-US"]).toBe(
      'The cell still holds template text "(100字以内)"; replace it with the real content',
    );
  });
});
