/**
 * value-not-number (DOMAIN.md §3–4): text where a number is needed, and a budget that shows as 0.00 or less, which
 * leaves the rate undefined (a finding, not a crash).
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { check } from "../../../test/helpers/tables";
import { expectRaised, findingAt, indicatorRow, withBudget, withIndicator } from "../../../test/helpers/rule-tables";

const budgeted = (planned: unknown) =>
  withBudget(
    ["年度资金总额", 100, planned as number, 0, 10, null, 0],
    [["其中：当年财政拨款", 100, planned as number, 0, null, null, null]],
  );

describe.each(PROFILE_IDS)("value-not-number under %s", (profile) => {
  it.each([
    ["0: no rate", 0, true],
    ["−1: no rate", -1, true],
    ["0.01: a rate of 0%", 0.01, false],
    // A budget is divided by as the table shows it, at 2 decimals
    ["0.005: shows as 0.01, a rate of 0%", 0.005, false],
    ["0.0049: shows as 0.00, no rate", 0.0049, true],
    ["1e-300: shows as 0.00, no rate", 1e-300, true],
    ["−0.004: shows as −0.00, no rate", -0.004, true],
    ['"150万元" is 150', "150万元", false],
    ['"1,234.5元" is 0.12345 万元', "1,234.5元", false],
    ['"约150" is no amount', "约150", true],
    ['"50个" is no amount', "50个", true],
  ])("全年预算数 %s", (_, planned, raised) => {
    expectRaised(raised, budgeted(planned), "value-not-number", "D4", { profile }, { severity: "error" });
  });

  it.each([
    ["a number under ≤30万元", "≤30万元", 28, false],
    ["“完成” under ≤30万元", "≤30万元", "完成", true],
    ["“完成” under a qualitative target", "效果明显", "完成", false],
  ])("实际完成值: %s", (_, target, actual, raised) => {
    const g = withIndicator(0, ["产出指标", "成本指标", "培训成本", target, actual, 25, 25, ""]);
    expectRaised(
      raised,
      g,
      "value-not-number",
      `F${indicatorRow(0)}`,
      { profile },
      {
        severity: "error",
        received: raised ? String(actual) : undefined,
      },
    );
  });
});

describe("value-not-number", () => {
  it("a zero budget leaves the rate undefined without throwing", () => {
    expect(check(budgeted(0)).budget.rate).toBeNull();
  });

  it("says the zero budget in both languages", () => {
    const f = findingAt(budgeted(0), "value-not-number", "D4")!;
    expect(f.message["zh-CN"]).toBe("“全年预算数”为 0.00，执行率无法计算，请核实");
    expect(f.message["en-US"]).toBe('"全年预算数" is 0.00, so the execution rate cannot be computed; check it');
    expect(f.received).toBeUndefined();
  });

  it("quotes the text in both languages", () => {
    const g = withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 25, "满分", ""]);
    const f = findingAt(g, "value-not-number", `H${indicatorRow(0)}`)!;
    expect(f.received).toBe("满分");
    expect(f.message["zh-CN"]).toBe("“得分”应填写数值，实际为“满分”");
    expect(f.message["en-US"]).toBe('"得分" needs a number but holds "满分"');
  });
});
