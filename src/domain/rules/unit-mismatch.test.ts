/**
 * unit-mismatch (DOMAIN.md §4): target and actual in different units or kinds, and the odd unit "百分比". Money
 * units convert ("万元" and "元"), "%" and "百分比" are one unit, "%" and "百分点" are not.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, indicatorRow, withIndicator } from "../../../test/helpers/rule-tables";

const at = `F${indicatorRow(0)}`;
const measured = (target: string, actual: unknown) =>
  withIndicator(0, ["产出指标", "数量指标", "培训人次", target, actual as number, 25, 25, "已说明"]);

describe.each(PROFILE_IDS)("unit-mismatch under %s", (profile) => {
  it.each([
    ["人次 and 人次", "≥500人次", "520人次", false],
    ["人次 and 个", "≥500人次", "520个", true],
    ["人次 and a bare number", "≥500人次", 520, false],
    ["% and %", "≥95%", "96%", false],
    ["% and a fraction (0.96 read as 96%)", "≥95%", 0.96, false],
    ["% and 百分点", "≥95%", "96百分点", true],
    ["百分比 in the target", "≥95百分比", "96%", true],
    ["万元 and 元", "≤30万元", "280000元", false],
    ["天 and 日", "≤30天", "28日", false],
  ])("%s", (_, target, actual, raised) => {
    expectRaised(
      raised,
      measured(target, actual),
      "unit-mismatch",
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

describe("unit-mismatch message", () => {
  it("names both units", () => {
    const f = findingAt(measured("≥500人次", "520个"), "unit-mismatch", at)!;
    expect(f.message["zh-CN"]).toBe("“培训人次”年度指标值单位为“人次”，实际完成值单位为“个”");
    expect(f.message["en-US"]).toMatch(/^"培训人次": /);
  });

  it("says how 百分比 should be written", () => {
    const f = findingAt(measured("≥95百分比", "96%"), "unit-mismatch", at)!;
    expect(f.message["zh-CN"]).toBe("“培训人次”年度指标值的单位“百分比”不规范，应写作“%”");
    expect(f.message["en-US"]).toMatch(/^"培训人次": /);
  });
});
