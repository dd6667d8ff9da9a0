/**
 * score-ahead-of-execution (DOMAIN.md §3, a vendor system's option, off by default): the indicators' score
 * ratio (Σ 得分 ÷ Σ 分值) exceeds the execution rate by more than scoreAheadOfExecution.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralRows, findingsOf } from "../../../test/helpers/tables";
import { expectRaised, findingAt, headingsOnlyGrid, totalRow, withBudget } from "../../../test/helpers/rule-tables";

const at = `H${totalRow}`;
/** Indicators at full marks (90 of 90 = 100.00%); `executed` of a 100 budget, so the rate is executed %. */
const spent = (executed: number) =>
  withBudget(["年度资金总额", 100, 100, executed, 10, executed / 100, executed / 10], undefined, {
    total: [100, 90 + executed / 10],
  });

describe.each(PROFILE_IDS)("score-ahead-of-execution under %s", (profile) => {
  it("is off by default: 100% of the points at 50% execution", () => {
    expectRaised(false, spent(50), "score-ahead-of-execution", at, { profile });
  });

  it.each<[string, string, number, boolean]>([
    // 100% − 94.99% = 5.01 points > 5
    ["5%: 94.99% is 5.01 points behind", "5%", 94.99, true],
    ["5%: 95.01% is 4.99 points behind", "5%", 95.01, false],
    ["0.05 is 5%", "0.05", 94.99, true],
    ["5 is 5%", "5", 94.99, true],
    ["5 is 5%: 95.01%", "5", 95.01, false],
    // 10%: 100% − 89.99% = 10.01 > 10; 100% − 90.01% = 9.99
    ["10%: 89.99%", "10%", 89.99, true],
    ["10%: 90.00% is exactly 10 points behind, not more", "10%", 90, false],
    ["10%: 90.01%", "10%", 90.01, false],
    ["10%: 94.99% no longer", "10%", 94.99, false],
    ["off", "off", 50, false],
  ])("%s", (_, setting, executed, raised) => {
    expectRaised(
      raised,
      spent(executed),
      "score-ahead-of-execution",
      at,
      {
        profile,
        settings: { scoreAheadOfExecution: setting },
      },
      { severity: "warning", expected: undefined, received: undefined },
    );
  });

  // Fixed (compared through precision.ts below/exceeds, with a float margin): 100% − 95% is 0.050000000000000044 in binary, compared with > and no float margin, so a ratio exactly
  // 5 points ahead is warned about although DOMAIN.md §3 warns only above 5% (other comparisons allow 1e-9).
  it("5%: 95.00% is exactly 5 points behind, not more", () => {
    expectRaised(false, spent(95), "score-ahead-of-execution", at, {
      profile,
      settings: { scoreAheadOfExecution: "5%" },
    });
  });
});

describe("score-ahead-of-execution message", () => {
  it("says both ratios and the margin in both languages", () => {
    const f = findingAt(spent(60), "score-ahead-of-execution", at, { settings: { scoreAheadOfExecution: "5%" } })!;
    expect(f.message["zh-CN"]).toBe("指标得分率 100.00% 比预算执行率 60.00% 高出 5 个百分点以上，请核实");
    expect(f.message["en-US"]).toBe(
      "The indicator score ratio 100.00% exceeds the execution rate 60.00% by more than 5 percentage points; check it",
    );
  });

  // The margin in the message is the one set, not a constant: 10% and 7.5% name 10 and 7.5 points.
  it.each<[string, string]>([
    ["10%", "10"],
    ["0.075", "7.5"],
  ])("set to %s, it says %s points", (setting, points) => {
    const f = findingAt(spent(60), "score-ahead-of-execution", at, { settings: { scoreAheadOfExecution: setting } })!;
    expect(f.message["zh-CN"]).toBe(`指标得分率 100.00% 比预算执行率 60.00% 高出 ${points} 个百分点以上，请核实`);
    expect(f.message["en-US"]).toBe(
      `The indicator score ratio 100.00% exceeds the execution rate 60.00% by more than ${points} percentage points; check it`,
    );
  });
});

describe("score-ahead-of-execution with nothing to compare (5%)", () => {
  const settings = { scoreAheadOfExecution: "5%" };
  const warned = (g: Parameters<typeof findingsOf>[0]) =>
    findingsOf(g, { settings }).filter((f) => f.startsWith("score-ahead-of-execution@"));

  it("a zero budget has no rate to be ahead of", () => {
    expect(warned(withBudget(["年度资金总额", 0, 0, 0, 10, null, null], []))).toEqual([]);
  });

  it("without a 分值 column there is no Σ 分值 to divide by (60% executed, every heading full)", () => {
    const g = headingsOnlyGrid(
      [
        ["产出指标(50分)", "数量指标", "培训人次", "≥500人次", "520人次", 50, ""],
        ["满意度指标(40分)", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 40, ""],
      ],
      96,
      { budget: [["年度资金总额", 100, 100, 60, 10, 0.6, 6]] },
    );
    expect(warned(g)).toEqual([]);
  });

  it("a table without a 总分 row has nowhere to say it", () => {
    const rows = centralRows({ budget: [["年度资金总额", 100, 100, 60, 10, 0.6, 6]] });
    rows.pop();
    expect(warned(gridFromRows("自评表", rows))).toEqual([]);
  });
});
