/** required-blank (DOMAIN.md §4): a required input left empty; 0 is a value, not a blank. */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, indicatorRow, withBudget, withIndicator } from "../../../test/helpers/rule-tables";

const row = indicatorRow(0);
const indicator = (actual: unknown, typed: unknown = 0) =>
  withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", actual as number, 25, typed as number, "未开班"], {
    // 9.5 + 0 + 25 + 30 + 10 = 74.5, typed so that the 总分 is no blank of its own
    total: [100, 74.5],
  });

describe.each(PROFILE_IDS)("required-blank under %s", (profile) => {
  it.each([
    ["实际完成值 blank", indicator(null), `F${row}`, true],
    ["实际完成值 empty text", indicator(""), `F${row}`, true],
    ["实际完成值 0", indicator(0), `F${row}`, false],
    ["得分 blank", indicator(0, null), `H${row}`, true],
    ["得分 0", indicator(0, 0), `H${row}`, false],
    ["全年预算数 blank", withBudget(["年度资金总额", 100, null, 95, 10, 0.95, 9.5], []), "D4", true],
    ["全年执行数 blank", withBudget(["年度资金总额", 100, 100, null, 10, 0.95, 9.5], []), "E4", true],
    ["全年执行数 0", withBudget(["年度资金总额", 100, 100, 0, 10, 0, 0], []), "E4", false],
  ])("%s", (_, grid, cell, raised) => {
    expectRaised(
      raised,
      grid,
      "required-blank",
      cell,
      { profile },
      {
        severity: "error",
        expected: undefined,
        received: undefined,
      },
    );
  });
});

describe("required-blank message", () => {
  it("names the input and the indicator in both languages", () => {
    const f = findingAt(indicator(null), "required-blank", `F${row}`)!;
    expect(f.message["zh-CN"]).toBe("“实际完成值”未填写（培训人次）");
    expect(f.message["en-US"]).toBe('"实际完成值" is empty (培训人次)');
  });
});
