/**
 * text-copied (DOMAIN.md §4): 实际完成情况 identical to 预期目标, or naming another year than the table's (2023 in
 * the title): a later year is a plan copied forward, an earlier one last year's account, unless compared with.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralGrid, centralRows, centralRowsOf } from "../../../test/helpers/tables";
import { expectRaised, findingAt } from "../../../test/helpers/rule-tables";

const at = `F${centralRowsOf().goalHeader + 1}`;
const EXPECTED = "完成全年培训任务";
const told = (actual: string) => centralGrid({ goals: [[EXPECTED, actual]] });
/** The same goal with a label of its own in column A ("目标一"). */
const labelled = (actual: string) => {
  const rows = centralRows({ goals: [[EXPECTED, actual]] });
  rows[centralRowsOf().goalHeader][0] = "目标一";
  return gridFromRows("自评表", rows);
};

describe.each(PROFILE_IDS)("text-copied under %s", (profile) => {
  it.each([
    ["the target copied", EXPECTED, true],
    ["an account of its own", "已完成全年培训任务520人次", false],
    ["a later year", "2024年完成全年培训任务", true],
    ["an earlier year", "2022年完成全年培训任务", true],
    ["the table's year", "2023年完成全年培训任务", false],
    ["an earlier year beside the table's", "2023年完成培训，较2022年增加20人次", false],
    ["an earlier year compared with", "培训人次较2022年增长10%", false],
    ["a later year written with a space", "2024 年完成全年培训任务", true],
    ["a year without 年", "完成2024全年培训任务", false],
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

describe("text-copied: which year it names", () => {
  it("names the later year when an earlier one comes first", () => {
    const f = findingAt(told("以2022年为基数，2024年完成全年培训任务"), "text-copied", at)!;
    expect(f.message["zh-CN"]).toBe("实际完成情况提到 2024 年，与本表年度 2023 不符");
  });

  it("names the first of two earlier years", () => {
    const f = findingAt(told("2021年、2022年完成全年培训任务"), "text-copied", at)!;
    expect(f.message["en-US"]).toBe("the account of results names 2021, not the table's year 2023");
  });

  it("reads the year of the table's title: a 2024 table takes 2024 as its own", () => {
    const grid = centralGrid({
      title: "项目支出绩效自评表（2024年度）",
      goals: [[EXPECTED, "2024年完成全年培训任务"]],
    });
    expect(findingAt(grid, "text-copied", at)).toBeUndefined();
  });
});

describe("text-copied without the table's year", () => {
  it("says nothing of years when the title names none", () => {
    const grid = centralGrid({ title: "项目支出绩效自评表", goals: [[EXPECTED, "2024年完成全年培训任务"]] });
    expect(findingAt(grid, "text-copied", at)).toBeUndefined();
  });

  it("still finds a copied target", () => {
    const grid = centralGrid({ title: "项目支出绩效自评表", goals: [[EXPECTED, EXPECTED]] });
    expect(findingAt(grid, "text-copied", at)).toBeDefined();
  });
});

describe("text-copied names the goal's label", () => {
  it("when the text is a copy, in both languages", () => {
    const f = findingAt(labelled(EXPECTED), "text-copied", at)!;
    expect(f.message["zh-CN"]).toBe("“目标一”实际完成情况与预期目标完全相同，请如实填写完成情况");
    expect(f.message["en-US"]).toBe(
      '"目标一": the account of results is a copy of the target; describe what was achieved',
    );
  });

  it("when it names another year, in both languages", () => {
    const f = findingAt(labelled("2024年完成全年培训任务"), "text-copied", at)!;
    expect(f.message["zh-CN"]).toBe("“目标一”实际完成情况提到 2024 年，与本表年度 2023 不符");
    expect(f.message["en-US"]).toBe('"目标一": the account of results names 2024, not the table\'s year 2023');
  });
});
