/**
 * template-text-left (DOMAIN.md §2.3, §4): placeholders and instructions left in answer cells ("指标1", "……",
 * "(100字以内)"), never real text that merely looks like them ("完成指标1项", "XXL").
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralGrid, centralRows, DEFAULT_INDICATORS, findingsOf } from "../../../test/helpers/tables";
import {
  expectRaised,
  findingAt,
  indicatorRow,
  withBudgetReasons,
  withIndicator,
} from "../../../test/helpers/rule-tables";

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

describe("template-text-left in the goal and budget cells", () => {
  const left = (g: Parameters<typeof findingsOf>[0]) =>
    findingsOf(g).filter((f) => f.startsWith("template-text-left@"));

  it.each([
    // The goal row 9: 预期目标 in B, 实际完成情况 in F.
    ["预期目标", [["(100字以内)", "已完成培训任务"]], ["template-text-left@B9"]],
    ["实际完成情况", [["完成培训任务", "请填写实际完成情况"]], ["template-text-left@F9"]],
    ["neither", [["完成培训任务", "已完成培训任务"]], []],
  ] as const)("a goal's %s", (_, goals, expected) => {
    expect(left(centralGrid({ goals: goals.map(([e, a]) => [e, a]) }))).toEqual(expected);
  });

  it("the budget total row's 原因 (I4)", () => {
    const g = withBudgetReasons([
      ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5, "对照年度目标，说明未完成原因"],
      ["其中：当年财政拨款", 100, 100, 95, null, null, null, ""],
    ]);
    expect(left(g)).toEqual(["template-text-left@I4"]);
  });
});

describe("template-text-left on placeholder rows and tables without a budget block", () => {
  it("a placeholder row 指标1 under the indicators (D15) quotes its text", () => {
    const g = centralGrid({ indicators: [...DEFAULT_INDICATORS, ["", "", "指标1", "", "", null, null, ""]] });
    const f = findingAt(g, "template-text-left", "D15")!;
    expect(f.message["zh-CN"]).toBe("单元格仍是模板占位或填写说明“指标1”，请替换为实际内容");
  });

  it("a table without a budget block is read for its goals and indicators only", () => {
    const rows = centralRows({ goals: [["(100字以内)", "已完成培训任务"]] }).filter((_, i) => i < 2 || i > 6);
    expect(findingsOf(gridFromRows("自评表", rows)).filter((f) => f.startsWith("template-text-left@"))).toEqual([
      "template-text-left@B4",
    ]);
  });
});
