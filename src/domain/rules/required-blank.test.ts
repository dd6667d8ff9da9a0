/** required-blank (DOMAIN.md §4): a required input left empty; 0 is a value, not a blank. */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralGrid, centralRows, check } from "../../../test/helpers/tables";
import {
  expectRaised,
  findingAt,
  headingsOnlyGrid,
  indicatorRow,
  totalRow,
  withBudget,
  withIndicator,
} from "../../../test/helpers/rule-tables";

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

/** The required-blank findings of a table, with their messages. */
const blanks = (g: Parameters<typeof check>[0]) =>
  check(g)
    .findings.filter((f) => f.rule === "required-blank")
    .map((f) => `${f.cell} ${f.message["zh-CN"]}`);

describe("required-blank: each required cell, and what its message names", () => {
  const goalRows = (label: string) => {
    const rows = centralRows({ goals: [["完成培训任务", ""]] });
    rows[8][0] = label; // the goal row 9: its label in A, 预期目标 in B, 实际完成情况 in F
    return gridFromRows("自评表", rows);
  };
  it.each([
    ["全年预算数", withBudget(["年度资金总额", 100, null, 95, 10, 0.95, 9.5], []), ["D4 “全年预算数”未填写"]],
    ["全年执行数", withBudget(["年度资金总额", 100, 100, null, 10, 0.95, 9.5], []), ["E4 “全年执行数”未填写"]],
    [
      "the execution 得分 (9.5 computed)",
      withBudget(["年度资金总额", 100, 100, 95, 10, 0.95, null]),
      ["H4 “预算执行率得分”未填写"],
    ],
    [
      "年度指标值",
      withIndicator(0, ["产出指标", "数量指标", "培训人次", null, "520人次", 25, 25, ""], { total: [100, 99.5] }),
      [`E${row} “年度指标值”未填写（培训人次）`],
    ],
    [
      "a goal's 实际完成情况, without a label",
      centralGrid({ goals: [["完成培训任务", ""]] }),
      ["F9 “实际完成情况”未填写"],
    ],
    ["a goal's 实际完成情况, labelled 任务一", goalRows("任务一"), ["F9 “实际完成情况”未填写（任务一）"]],
    ["the 总分 (99.50 computed)", centralGrid({ total: [100, null] }), [`H${totalRow} “总分”未填写`]],
  ])("%s", (_, grid, expected) => {
    expect(blanks(grid)).toEqual(expected);
  });

  it("says a cell without a name in both languages", () => {
    const f = findingAt(centralGrid({ total: [100, null] }), "required-blank", `H${totalRow}`)!;
    expect(f.message["en-US"]).toBe('"总分" is empty');
  });
});

describe("required-blank: blanks that need nothing typed", () => {
  it.each([
    // The sub-row's 100 / 95 stand in for the total row's (budget-total-mismatch says the difference).
    [
      "the total row's amounts, where the sub-rows give them",
      withBudget(
        ["年度资金总额", 100, null, null, 10, 0.95, 9.5],
        [["其中：当年财政拨款", 100, 100, 95, null, null, null]],
      ),
    ],
    // No rate, so no execution 得分 to type.
    ["the execution 得分 of a zero budget", withBudget(["年度资金总额", 0, 0, 0, 10, null, null], [])],
    [
      "a 不适用 indicator's 年度指标值, 实际完成值 and 得分",
      withIndicator(0, ["产出指标", "数量指标", "培训人次", "不适用", null, 25, null, ""], { total: [100, 99.5] }),
    ],
    // A text 分值 is value-not-number's: there is no weight to score against.
    [
      "the 得分 of an indicator whose 分值 is text",
      withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", "二十五", null, ""], {
        total: [100, 74.5],
      }),
    ],
    // A formula the file holds no result for is formula-uncalculated's.
    ["a 总分 formula without a cached result", centralGrid({ total: [100, { value: null, formula: "SUM(H11:H14)" }] })],
    [
      "the 总分 when no total is computed (分值 of 1e308 twice add up to Infinity)",
      centralGrid({
        indicators: [
          ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 1e308, 1e308, ""],
          ["", "质量指标", "培训合格率", "≥95%", "96%", 1e308, 1e308, ""],
        ],
        total: [100, null],
      }),
    ],
  ])("%s", (_, grid) => {
    expect(blanks(grid)).toEqual([]);
  });

  it("a table without a 总分 row", () => {
    const rows = centralRows({});
    rows.pop();
    expect(blanks(gridFromRows("自评表", rows))).toEqual([]);
  });

  it("without a 分值 column every 得分 is still needed", () => {
    const g = headingsOnlyGrid(
      [
        ["产出指标(50分)", "数量指标", "培训人次", "≥500人次", "520人次", null, ""],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 25, ""],
      ],
      59.5,
    );
    expect(blanks(g)).toEqual([`G${row} “得分”未填写（培训人次）`]);
  });
});

describe("required-blank on formulas and missing blocks", () => {
  it("a 总分 formula whose cached result is empty text shows a blank, and is one", () => {
    const g = centralGrid({ total: [100, { value: "", formula: 'IF(1,"","")' }] });
    expect(blanks(g)).toEqual([`H${totalRow} “总分”未填写`]);
  });

  it("a table without a budget block: nothing of the budget (layout-unrecognized asks for 全年预算数)", () => {
    const rows = centralRows({}).filter((_, i) => i < 2 || i > 6); // the header row 3 and rows 4–7 left out
    expect(blanks(gridFromRows("自评表", rows))).toEqual([]);
  });
});
