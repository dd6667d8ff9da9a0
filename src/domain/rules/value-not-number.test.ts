/**
 * value-not-number (DOMAIN.md §3–4): text where a number is needed, and a budget that shows as 0.00 or less, which
 * leaves the rate undefined (a finding, not a crash).
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralGrid, centralRows, check, findingsOf } from "../../../test/helpers/tables";
import {
  DEFAULT_INDICATORS,
  expectRaised,
  findingAt,
  indicatorRow,
  totalRow,
  withBudget,
  withIndicator,
} from "../../../test/helpers/rule-tables";

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

/** The value-not-number findings of a table, with what each received. */
const notNumbers = (g: Parameters<typeof check>[0]) =>
  check(g)
    .findings.filter((f) => f.rule === "value-not-number")
    .map((f) => `${f.cell} ${f.received}`);

/** The budget total row with one cell replaced; its one sub-row holds 100 / 100 / 95. */
const budgetWith = (i: number, value: string | number) => {
  const total: Array<string | number> = ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5];
  total[i] = value;
  return withBudget(total, [["其中：当年财政拨款", 100, 100, 95, null, null, null]]);
};
const first = indicatorRow(0);
const indicatorWith = (i: number, value: unknown) => {
  const row = [...DEFAULT_INDICATORS[0]];
  row[i] = value as string;
  return withIndicator(0, row);
};

describe("value-not-number: text in each cell that needs a number", () => {
  it.each([
    ["全年预算数", budgetWith(2, "约150"), "D4", "约150"],
    ["全年执行数", budgetWith(3, "见明细"), "E4", "见明细"],
    ["分值", budgetWith(4, "十分"), "F4", "十分"],
    ["执行率", budgetWith(5, "九成五"), "G4", "九成五"],
    ["得分", budgetWith(6, "九分半"), "H4", "九分半"],
    ["分值", indicatorWith(5, "二十五"), `G${first}`, "二十五"],
    ["实际完成值", indicatorWith(4, { error: "#DIV/0!" }), `F${first}`, "#DIV/0!"],
    ["得分", indicatorWith(6, "满分"), `H${first}`, "满分"],
    ["总分", centralGrid({ total: [100, "九十九"] }), `H${totalRow}`, "九十九"],
  ])("“%s” at %s", (what, grid, cell, text) => {
    expect(notNumbers(grid)).toEqual([`${cell} ${text}`]);
    const f = findingAt(grid, "value-not-number", cell)!;
    expect(f.severity).toBe("error");
    expect(f.message["zh-CN"]).toBe(`“${what}”应填写数值，实际为“${text}”`);
    expect(f.message["en-US"]).toBe(`"${what}" needs a number but holds "${text}"`);
  });

  it("a qualitative 实际完成值 under ≤30万元 says why a number is needed", () => {
    const g = withIndicator(0, ["产出指标", "成本指标", "培训成本", "≤30万元", "完成", 25, 25, ""]);
    const f = findingAt(g, "value-not-number", `F${first}`)!;
    expect(f.message["zh-CN"]).toBe("“实际完成值”应填写数值，实际为“完成”：年度指标值为“≤30万元”，实际完成值须为数值");
    expect(f.message["en-US"]).toBe(
      '"实际完成值" needs a number but holds "完成": 年度指标值为“≤30万元”，实际完成值须为数值',
    );
  });

  it("a negative budget says its amount: “全年预算数”为 -1.00", () => {
    const f = findingAt(budgetWith(2, -1), "value-not-number", "D4")!;
    expect(f.message["zh-CN"]).toBe("“全年预算数”为 -1.00，执行率无法计算，请核实");
    expect(f.message["en-US"]).toBe('"全年预算数" is -1.00, so the execution rate cannot be computed; check it');
  });
});

describe("value-not-number leaves alone the text it has no figure to compare with", () => {
  it("a zero budget's 执行率 and 得分 typed as text: no rate and no score are computed, only D4 is said", () => {
    const g = withBudget(
      ["年度资金总额", 0, 0, 0, 10, "九成五", "九分半"],
      [["其中：当年财政拨款", 0, 0, 0, null, null, null]],
    );
    expect(notNumbers(g)).toEqual(["D4 undefined"]);
  });

  it("a 不适用 indicator's text 分值 and 得分", () => {
    const g = withIndicator(0, ["产出指标", "数量指标", "培训人次", "不适用", "不适用", "二十五", "不适用", ""]);
    expect(notNumbers(g)).toEqual([]);
  });

  it("a qualitative 实际完成值 under ≤30万元 whose 分值 is blank: nothing is scored from it", () => {
    const g = withIndicator(0, ["产出指标", "成本指标", "培训成本", "≤30万元", "完成", null, 25, ""]);
    expect(notNumbers(g)).toEqual([]);
  });

  it("a text 总分 when no total is computed (分值 of 1e308 twice add up to Infinity)", () => {
    const g = centralGrid({
      indicators: [
        ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 1e308, 1e308, ""],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 1e308, 1e308, ""],
      ],
      total: [100, "九十九"],
    });
    expect(notNumbers(g)).toEqual([]);
  });

  it("a table without a 总分 row", () => {
    const rows = centralRows({});
    rows.pop();
    expect(findingsOf(gridFromRows("自评表", rows)).filter((f) => f.startsWith("value-not-number@"))).toEqual([]);
  });
});

describe("value-not-number on a table without a budget block", () => {
  it("says nothing of the budget (layout-unrecognized asks for 全年预算数)", () => {
    const rows = centralRows({}).filter((_, i) => i < 2 || i > 6); // the header row 3 and rows 4–7 left out
    expect(notNumbers(gridFromRows("自评表", rows))).toEqual([]);
  });
});
