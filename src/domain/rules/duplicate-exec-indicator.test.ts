/**
 * duplicate-exec-indicator (DOMAIN.md §4): budget execution scored again as an indicator while it has its own
 * score (预算执行率 10 points here).
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralRows, centralRowsOf, DEFAULT_INDICATORS } from "../../../test/helpers/tables";
import { expectRaised, findingAt, indicatorRow, withIndicator } from "../../../test/helpers/rule-tables";

const at = `D${indicatorRow(0)}`;
const named = (name: string) => withIndicator(0, ["产出指标", "数量指标", name, "≥95%", "96%", 25, 25, ""]);

describe.each(PROFILE_IDS)("duplicate-exec-indicator under %s", (profile) => {
  it.each([
    ["预算执行率", true],
    ["资金支付率", true],
    ["预算完成率", true],
    ["支出进度", true],
    ["执行率", true],
    ["培训完成率", false],
    ["项目执行情况", false],
    ["资金到位及时性", false],
  ])("%s", (name, raised) => {
    expectRaised(
      raised,
      named(name),
      "duplicate-exec-indicator",
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

describe("duplicate-exec-indicator message", () => {
  it("names the indicator in both languages", () => {
    const f = findingAt(named("预算执行率"), "duplicate-exec-indicator", at)!;
    expect(f.message["zh-CN"]).toBe("指标“预算执行率”与预算执行率重复考核（预算执行已单独计分）");
    expect(f.message["en-US"]).toBe(
      'The indicator "预算执行率" scores budget execution again (it already has its own score)',
    );
  });
});

describe("duplicate-exec-indicator where execution has no score of its own", () => {
  it("a budget block without 分值 and 得分, whose indicators weigh 100, may score execution as an indicator", () => {
    const indicators = [
      ["产出指标", "数量指标", "预算执行率", "≥95%", "96%", 35, 35, ""],
      ...DEFAULT_INDICATORS.slice(1),
    ];
    const rows = centralRows({ indicators, total: [100, 100] });
    rows[2] = ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数"];
    const { budgetTotal, goalHeader } = centralRowsOf();
    for (let r = budgetTotal - 1; r < goalHeader - 1; r++) rows[r] = rows[r].slice(0, 5);
    const grid = gridFromRows("自评表", rows);
    expectRaised(false, grid, "duplicate-exec-indicator", at);
  });
});
