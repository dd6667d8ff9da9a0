/**
 * text-copied (DOMAIN.md §4): 实际完成情况 identical to 预期目标, or naming another year than the table's (2023 in
 * the title): a later year is a plan copied forward, an earlier one last year's account, unless compared with.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { centralGrid, centralRowsOf } from "../../../test/helpers/tables";
import { expectRaised, findingAt } from "../../../test/helpers/rule-tables";

const at = `F${centralRowsOf().goalHeader + 1}`;
const EXPECTED = "完成全年培训任务";
const told = (actual: string) => centralGrid({ goals: [[EXPECTED, actual]] });

describe.each(PROFILE_IDS)("text-copied under %s", (profile) => {
  it.each([
    ["the target copied", EXPECTED, true],
    ["an account of its own", "已完成全年培训任务520人次", false],
    ["a later year", "2024年完成全年培训任务", true],
    ["an earlier year", "2022年完成全年培训任务", true],
    ["the table's year", "2023年完成全年培训任务", false],
    ["an earlier year beside the table's", "2023年完成培训，较2022年增加20人次", false],
    ["an earlier year compared with", "培训人次较2022年增长10%", false],
  ])("%s", (_, actual, raised) => {
    expectRaised(
      raised,
      told(actual),
      "text-copied",
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

describe("text-copied message", () => {
  it("says the text is a copy, in both languages", () => {
    const f = findingAt(told(EXPECTED), "text-copied", at)!;
    expect(f.message["zh-CN"]).toBe("实际完成情况与预期目标完全相同，请如实填写完成情况");
    expect(f.message["en-US"]).toBe("the account of results is a copy of the target; describe what was achieved");
  });

  it("names the other year and the table's, in both languages", () => {
    const f = findingAt(told("2024年完成全年培训任务"), "text-copied", at)!;
    expect(f.message["zh-CN"]).toBe("实际完成情况提到 2024 年，与本表年度 2023 不符");
    expect(f.message["en-US"]).toBe("the account of results names 2024, not the table's year 2023");
  });
});
