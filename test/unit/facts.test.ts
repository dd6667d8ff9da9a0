/**
 * The scoring pass (src/domain/facts.ts) on its own: the facts every rule, the plan, the pane and the report read.
 * Every expected figure is worked out by hand from DOMAIN.md §3 (the arithmetic sits beside it); the tables are
 * the central grids of test/helpers, with small grids of the other families where a fact needs one.
 */
import { gridFromRows, type CellValue, type Grid } from "../../src/domain/grid";
import {
  numberOf,
  rateFraction,
  readAmount,
  readNumber,
  scoreTable,
  tierRangeText,
  tierRangeTextEn,
  type Facts,
  type IndicatorFact,
} from "../../src/domain/facts";
import { readTable } from "../../src/domain/layout";
import { cellText } from "../../src/domain/parse";
import { PROFILES, PROFILE_IDS, withSettings, type Profile } from "../../src/domain/profile";
import type { Slot } from "../../src/domain/table";
import { centralGrid, DEFAULT_BUDGET, DEFAULT_INDICATORS } from "../helpers/tables";
import { headingsOnlyGrid, indicatorRow, withBudget, withBudgetReasons, withIndicator } from "../helpers/rule-tables";

const CENTRAL = PROFILES["central-2020"];

function factsOf(grid: Grid, profile: Profile = CENTRAL): Facts {
  const { table } = readTable(grid);
  if (!table) throw new Error("the grid was not read as a 自评表");
  return scoreTable(table, profile);
}

/** The central profile with settings, as `--set name=value` makes it. */
function central(settings: Record<string, string>, base: Profile = CENTRAL): Profile {
  const { profile, errors } = withSettings(base, settings);
  if (errors.length) throw new Error(`bad settings: ${errors.join(", ")}`);
  return profile;
}

/** One cell as the table reader hands it over (its text as displayed, trimmed). */
function slot(value: CellValue, numFmt?: string): Slot {
  return { row: 1, col: 1, a1: "A1", cell: { value, numFmt }, text: cellText(value).trim() };
}

/** The default table with its first indicator (产出指标 / 二级 `level2`, 培训人次, 分值 `weight`) replaced. */
function first(
  target: CellValue,
  actual: CellValue,
  options: { level2?: string; weight?: CellValue; typed?: CellValue; reason?: string; profile?: Profile } = {},
): IndicatorFact {
  const { level2 = "数量指标", weight = 25, typed = null, reason = "", profile } = options;
  const grid = withIndicator(0, ["产出指标", level2, "培训人次", target, actual, weight, typed, reason]);
  return factsOf(grid, profile).indicators[0];
}

/** The first indicator's quantitative facts (it must have them). */
function quantitative(target: CellValue, actual: CellValue, options: Parameters<typeof first>[2] = {}) {
  const f = first(target, actual, options);
  if (!f.quantitative) throw new Error(`no quantitative facts for ${String(target)} / ${String(actual)}`);
  return { fact: f, q: f.quantitative };
}

/** The budget facts of the default table with its total row replaced (sub-rows carrying the same amounts). */
function budgetOf(total: Parameters<typeof withBudget>[0], sub?: Parameters<typeof withBudget>[1], profile = CENTRAL) {
  return factsOf(withBudget(total, sub), profile).budget;
}

const TOP = "达成年度指标";
const MIDDLE = "部分达成年度指标并具有一定效果";
const BOTTOM = "未达成年度指标且效果较差";

// ── Cell readers ────────────────────────────────────────────────────────────────────────────────

describe("readNumber and numberOf", () => {
  it("reads no slot and an empty cell as blank", () => {
    expect(readNumber(undefined)).toEqual({ kind: "blank" });
    expect(readNumber(slot(null))).toEqual({ kind: "blank" });
    expect(readNumber(slot(""))).toEqual({ kind: "blank" });
    expect(readNumber(slot("   "))).toEqual({ kind: "blank" });
  });

  it.each<[string, CellValue, string | undefined, number, string | null]>([
    ["a plain number", 95, undefined, 95, null],
    ["zero", 0, undefined, 0, null],
    ["a negative number", -5, undefined, -5, null],
    // 0.95 in a % cell is shown 95.00%: read as 95 with unit %
    ["a fraction in a % cell", 0.95, "0.00%", 95, "%"],
    ["a typed percentage", "98.93%", undefined, 98.93, "%"],
    ["a number with its unit", "520人次", undefined, 520, "人次"],
    ["千分位 commas", "1,234.5", undefined, 1234.5, null],
    ["a negative text", "-5", undefined, -5, null],
  ])("reads %s as a number", (_, value, numFmt, expected, unit) => {
    expect(readNumber(slot(value, numFmt))).toEqual({ kind: "number", value: expected, unit });
  });

  it.each(["完成", "约50", "50-60", "—"])("keeps %s as text", (text) => {
    expect(readNumber(slot(text))).toEqual({ kind: "text", text });
  });

  it("numberOf gives the number, and null for text or nothing", () => {
    expect(numberOf(slot(95))).toBe(95);
    expect(numberOf(slot("520人次"))).toBe(520);
    expect(numberOf(slot(0))).toBe(0);
    expect(numberOf(slot("完成"))).toBeNull();
    expect(numberOf(slot(""))).toBeNull();
    expect(numberOf(undefined)).toBeNull();
  });
});

describe("readAmount: budget amounts in 万元", () => {
  it.each<[CellValue, number]>([
    ["150万元", 150],
    ["150万", 150],
    ["150 万元", 150],
    ["3,378.30", 3378.3],
    [100, 100],
  ])("%j is %d 万元 with no conversion to say", (value, expected) => {
    const converted = new Set<string>();
    expect(readAmount(slot(value), converted)).toEqual({ kind: "number", value: expected, unit: null });
    expect([...converted]).toEqual([]);
  });

  it("takes a number cell as it is, whatever its format", () => {
    // The block's header states the unit: 100 in a 0.00% cell is still 100 万元.
    expect(readAmount(slot(100, "0.00%"))).toEqual({ kind: "number", value: 100, unit: null });
  });

  it.each<[string, number, string]>([
    // 1234.5 元 ÷ 10⁴ = 0.12345 万元, shown 0.12
    ["1,234.5元", 0.12345, "A1“1,234.5元”折合 0.12 万元"],
    // 1.5 亿元 × 10⁴ = 15000 万元
    ["1.5亿元", 15000, "A1“1.5亿元”折合 15000.00 万元"],
    // 1,200,000 元 ÷ 10⁴ = 120 万元
    ["1,200,000元", 120, "A1“1,200,000元”折合 120.00 万元"],
  ])("converts %s and says so", (text, value, said) => {
    const converted = new Set<string>();
    const read = readAmount(slot(text), converted);
    expect(read.kind).toBe("number");
    expect(read.kind === "number" && read.value).toBeCloseTo(value, 10);
    expect([...converted]).toEqual([said]);
  });

  it("converts without a set to note the conversion in", () => {
    const read = readAmount(slot("1,234.5元"));
    expect(read.kind === "number" && read.value).toBeCloseTo(0.12345, 10);
  });

  it("keeps what is no amount as text, and an empty cell blank", () => {
    expect(readAmount(slot("50个"))).toEqual({ kind: "text", text: "50个" });
    expect(readAmount(slot("待定"))).toEqual({ kind: "text", text: "待定" });
    expect(readAmount(slot(""))).toEqual({ kind: "blank" });
    expect(readAmount(undefined)).toEqual({ kind: "blank" });
  });
});

describe("rateFraction: a typed rate as a fraction", () => {
  it.each<[number, string | null, number]>([
    // "98.93%": 98.93 ÷ 100
    [98.93, "%", 0.9893],
    // a % unit always divides, even below the 1.5 switch: 1.2% = 0.012
    [1.2, "%", 0.012],
    // a fraction typed in a General cell
    [0.9893, null, 0.9893],
    // points typed in a General cell: 98.93 ÷ 100
    [98.93, null, 0.9893],
    // at the switch 1.5 is still a fraction (150%); just above it, 1.51 is points (1.51%)
    [1.5, null, 1.5],
    [1.51, null, 0.0151],
    [1, null, 1],
    [0, null, 0],
    // the switch looks at the magnitude: −1.5 is a fraction, −1.6 points
    [-1.5, null, -1.5],
    [-1.6, null, -0.016],
  ])("%d with unit %j is %d", (value, unit, expected) => {
    expect(rateFraction({ value, unit })).toBeCloseTo(expected, 12);
  });
});

describe("tierRangeText and tierRangeTextEn", () => {
  it("writes a lower tier with its lower bound included", () => {
    expect(tierRangeText(6, 8, false)).toBe("6 分（含）至 8 分");
    expect(tierRangeTextEn(6, 8, false)).toBe("6 (inclusive) to 8 (exclusive)");
  });

  it("writes the top tier with both bounds included", () => {
    expect(tierRangeText(8, 10, true)).toBe("8 分（含）至 10 分（含）");
    expect(tierRangeTextEn(8, 10, true)).toBe("8 to 10, both inclusive");
  });

  it("writes decimal bounds as they are, without binary noise", () => {
    // 分值 8: 60% × 8 = 4.8, 80% × 8 = 6.4; 0.1 + 0.2 is 0.30000000000000004 in binary
    expect(tierRangeText(4.8, 6.4, false)).toBe("4.8 分（含）至 6.4 分");
    expect(tierRangeText(0.1 + 0.2, 1, false)).toBe("0.3 分（含）至 1 分");
    expect(tierRangeTextEn(0.1 + 0.2, 1, true)).toBe("0.3 to 1, both inclusive");
  });
});

// ── Budget ──────────────────────────────────────────────────────────────────────────────────────

describe("budget facts: the default table", () => {
  const facts = factsOf(centralGrid());
  const b = facts.budget;

  it("reads the total row's amounts and weight", () => {
    expect(b.total?.label).toBe("年度资金总额");
    expect(b.rows).toHaveLength(4);
    expect(b.initial).toEqual({ kind: "number", value: 100, unit: null });
    expect(b.planned).toEqual({ kind: "number", value: 100, unit: null });
    expect(b.executed).toEqual({ kind: "number", value: 95, unit: null });
    expect(b.plannedAmount).toBe(100);
    expect(b.executedAmount).toBe(95);
    expect(b.fromBreakdown).toEqual({ planned: false, executed: false });
    expect(b.breakdownMismatches).toEqual([]);
    expect(b.weightRead).toEqual({ kind: "number", value: 10, unit: null });
    expect(b.weight).toBe(10);
    expect(b.scored).toBe(true);
    expect(b.execWeight).toBe(10);
  });

  it("computes 95 ÷ 100 = 95.00% and 95% × 10 = 9.50", () => {
    expect(b.noRate).toBe(false);
    expect(b.rate).toBeCloseTo(0.95, 12);
    expect(b.rateArithmetic).toBe("95.00 ÷ 100.00 = 95.00%");
    expect(b.score).toBeCloseTo(9.5, 12);
    expect(b.scoreArithmetic).toBe("95.00% × 10 = 9.50");
    expect(facts.budgetSummary).toEqual({ planned: 100, executed: 95, rate: b.rate, score: b.score });
  });

  it("reads the typed rate 0.95 and score 9.5, which agree", () => {
    expect(b.typedRate).toEqual({ kind: "number", value: 0.95, unit: null });
    expect(b.typedRateFraction).toBe(0.95);
    expect(b.typedRateAgrees).toBe(true);
    expect(b.typedScore).toEqual({ kind: "number", value: 9.5, unit: null });
  });

  it("has no reason cells when the block has no 原因 column", () => {
    expect(b.reasonCells).toEqual([]);
    expect(b.explained).toBe(false);
  });

  it("gives the rate and score figures their rule, profile and cell", () => {
    const rate = facts.figures.find((f) => f.key === "budget.rate")!;
    expect(rate.value).toBeCloseTo(0.95, 12);
    expect(rate.display).toBe("95.00%");
    expect(rate.cell).toBe("G4");
    expect(rate.profile).toBe("central-2020");
    const score = facts.figures.find((f) => f.key === "budget.score")!;
    expect(score.display).toBe("9.50");
    expect(score.cell).toBe("H4");
  });
});

describe("budget facts: the execution rate and score", () => {
  it("the worked case: 3342.07 ÷ 3378.30 = 98.93%, 0.989276 × 10 = 9.89", () => {
    const b = budgetOf(["年度资金总额", 3378.3, 3378.3, 3342.07, 10, null, null]);
    // 3342.07 / 3378.30 = 0.98927596…
    expect(b.rate).toBeCloseTo(0.989276, 6);
    expect(b.rateArithmetic).toBe("3342.07 ÷ 3378.30 = 98.93%");
    expect(b.score).toBeCloseTo(9.89276, 5);
    expect(b.scoreArithmetic).toBe("98.93% × 10 = 9.89");
  });

  it.each<[string, number, number, number, string]>([
    // 100 ÷ 100 = 1 → 1 × 10 = 10
    ["fully spent", 100, 1, 10, "100.00% × 10 = 10.00"],
    // 99.99 ÷ 100 = 0.9999 → 9.999
    ["just short of full", 99.99, 0.9999, 9.999, "99.99% × 10 = 10.00"],
    // 100.01 ÷ 100 = 1.0001 → capped at 1 × 10 = 10
    ["just over budget", 100.01, 1.0001, 10, "执行率 100.01% 超过100%，按100%计：1 × 10 = 10.00"],
    // 110 ÷ 100 = 1.1 → no extra points: 1 × 10 = 10
    ["overspent", 110, 1.1, 10, "执行率 110.00% 超过100%，按100%计：1 × 10 = 10.00"],
    // 50 ÷ 100 = 0.5 → 5
    ["half spent", 50, 0.5, 5, "50.00% × 10 = 5.00"],
    ["nothing spent", 0, 0, 0, "0.00% × 10 = 0.00"],
    // −5 ÷ 100 = −5% → no negative points: 0
    ["a negative 执行数", -5, -0.05, 0, "-5.00% × 10 = 0.00"],
  ])("%s: %d of 100", (_, executed, rate, score, arithmetic) => {
    const b = budgetOf(["年度资金总额", 100, 100, executed, 10, null, null]);
    expect(b.rate).toBeCloseTo(rate, 12);
    expect(b.score).toBeCloseTo(score, 12);
    expect(b.scoreArithmetic).toBe(arithmetic);
  });

  it("converts amounts typed in 元 to 万元 and says so in the rate's arithmetic", () => {
    // 1,200,000 元 = 120 万元; 120 ÷ 150 = 80.00% → 0.8 × 10 = 8
    const b = budgetOf(
      ["年度资金总额", "150万元", "150万元", "1,200,000元", 10, null, null],
      [["其中：当年财政拨款", 150, 150, 120, null, null, null]],
    );
    expect(b.plannedAmount).toBe(150);
    expect(b.executedAmount).toBeCloseTo(120, 10);
    expect(b.rate).toBeCloseTo(0.8, 12);
    expect(b.rateArithmetic).toBe("120.00 ÷ 150.00 = 80.00%（E4“1,200,000元”折合 120.00 万元）");
    expect(b.score).toBeCloseTo(8, 12);
  });
});

describe("budget facts: no rate to compute", () => {
  it("a budget of 0 has no rate and no score", () => {
    const b = budgetOf(["年度资金总额", 0, 0, 0, 10, null, null]);
    expect(b.plannedAmount).toBe(0);
    expect(b.noRate).toBe(true);
    expect(b.rate).toBeNull();
    expect(b.score).toBeNull();
  });

  it("a budget that shows as 0.00 万元 (0.004) is a zero budget; 0.006 shows 0.01 and has a rate", () => {
    expect(budgetOf(["年度资金总额", 0.004, 0.004, 0.004, 10, null, null]).noRate).toBe(true);
    // 0.006 ÷ 0.006 = 1 → 10
    const shown = budgetOf(["年度资金总额", 0.006, 0.006, 0.006, 10, null, null]);
    expect(shown.noRate).toBe(false);
    expect(shown.rate).toBeCloseTo(1, 12);
    expect(shown.score).toBeCloseTo(10, 12);
  });

  it("a rate too large to be a number (1e308 of 0.01) is reported like a zero budget", () => {
    const b = budgetOf(["年度资金总额", 0.01, 0.01, 1e308, 10, null, null]);
    expect(b.noRate).toBe(true);
    expect(b.rate).toBeNull();
  });

  it("a 全年预算数 typed as text leaves the amount unknown, not zero", () => {
    const b = budgetOf(["年度资金总额", 100, "待定", 95, 10, null, null]);
    expect(b.planned).toEqual({ kind: "text", text: "待定" });
    expect(b.plannedAmount).toBeNull();
    expect(b.rate).toBeNull();
    expect(b.noRate).toBe(false);
    expect(b.score).toBeNull();
  });

  it("a blank 全年执行数 over blank or zero sub-rows gives no rate", () => {
    const b = budgetOf(["年度资金总额", 100, 100, null, 10, null, null]);
    expect(b.executed).toEqual({ kind: "blank" });
    expect(b.executedAmount).toBeNull();
    expect(b.rate).toBeNull();
  });

  it("a table without a 年度资金总额 row knows nothing of the budget", () => {
    const b = factsOf(
      gridFromRows("自评表", [
        ["项目支出绩效自评表"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "采购图书册数", "≥5000册", "5200册", 90, 90, ""],
        ["总分", "", "", "", "", 100, 90, ""],
      ]),
    ).budget;
    expect(b.total).toBeUndefined();
    expect(b.rate).toBeNull();
    expect(b.weight).toBe(10);
    expect(b.scored).toBe(false);
    expect(b.execWeight).toBe(0);
  });
});

describe("budget facts: the total against its breakdowns", () => {
  it("a total row of 0/0/0 over a sub-row of 90/90/89.974: the sub-rows' sums stand in", () => {
    const b = factsOf(
      centralGrid({
        budget: [
          ["年度资金总额", 0, 0, 0, 10, null, null],
          ["其中：当年财政拨款", 90, 90, 89.974, null, null, null],
        ],
      }),
    ).budget;
    expect(b.breakdownMismatches.map((m) => [m.key, m.slot.a1, m.typed, m.sum, m.arithmetic])).toEqual([
      ["initial", "C4", 0, 90, "90.00 = 90.00"],
      ["planned", "D4", 0, 90, "90.00 = 90.00"],
      ["executed", "E4", 0, 89.974, "89.97 = 89.97"],
    ]);
    expect(b.planned).toEqual({ kind: "number", value: 0, unit: null });
    expect(b.fromBreakdown).toEqual({ planned: true, executed: true });
    expect(b.plannedAmount).toBe(90);
    expect(b.executedAmount).toBe(89.974);
    // 89.974 ÷ 90 = 0.999711 → 99.97%; × 10 = 9.99711
    expect(b.rate).toBeCloseTo(0.999711, 6);
    expect(b.rateArithmetic).toBe("89.97 ÷ 90.00 = 99.97%（按明细行合计）");
    expect(b.score).toBeCloseTo(9.99711, 5);
  });

  it("a blank total counts as 0: the breakdown's 100 stands in for it", () => {
    const b = budgetOf(
      ["年度资金总额", 100, null, 95, 10, null, null],
      [["其中：当年财政拨款", 100, 100, 95, null, null, null]],
    );
    expect(b.breakdownMismatches.map((m) => [m.key, m.typed, m.sum])).toEqual([["planned", 0, 100]]);
    expect(b.planned).toEqual({ kind: "blank" });
    expect(b.fromBreakdown).toEqual({ planned: true, executed: false });
    expect(b.plannedAmount).toBe(100);
    // 95 ÷ 100 = 95%
    expect(b.rate).toBeCloseTo(0.95, 12);
    expect(b.rateArithmetic).toBe("95.00 ÷ 100.00 = 95.00%（按明细行合计）");
  });

  it("a typed total that disagrees is reported but still the one the rate uses", () => {
    // Sub-rows 60 + 30 = 90 against 100: mismatch; the rate stays 95 ÷ 100
    const b = budgetOf(
      ["年度资金总额", 100, 100, 95, 10, null, null],
      [
        ["其中：当年财政拨款", 60, 60, 60, null, null, null],
        ["其他资金", 40, 30, 35, null, null, null],
      ],
    );
    expect(b.breakdownMismatches.map((m) => [m.key, m.typed, m.sum, m.arithmetic])).toEqual([
      ["planned", 100, 90, "60.00 + 30.00 = 90.00"],
    ]);
    expect(b.fromBreakdown).toEqual({ planned: false, executed: false });
    expect(b.plannedAmount).toBe(100);
    expect(b.rate).toBeCloseTo(0.95, 12);
    expect(b.rateArithmetic).toBe("95.00 ÷ 100.00 = 95.00%");
  });

  it.each<[string, number, boolean]>([
    // 60 + 40.01 = 100.01: 0.01 off 100, at the ±0.01 万元 tolerance
    ["0.01 off: at the tolerance", 40.01, false],
    // 60 + 40.02 = 100.02: 0.02 off
    ["0.02 off: beyond it", 40.02, true],
    ["0.01 under: at the tolerance", 39.99, false],
    ["0.02 under: beyond it", 39.98, true],
  ])("the sum %s", (_, other, mismatch) => {
    const b = budgetOf(
      ["年度资金总额", 100, 100, 95, 10, null, null],
      [
        ["其中：当年财政拨款", 60, 60, 55, null, null, null],
        ["其他资金", 40, other, 40, null, null, null],
      ],
    );
    expect(b.breakdownMismatches.map((m) => m.key)).toEqual(mismatch ? ["planned"] : []);
  });

  it("each breakdown (by source of funds, by kind of spending) must add up on its own", () => {
    // funds: 60 + 40 = 100 agrees; spending: 30 + 60 = 90 against 100 does not
    const b = budgetOf(
      ["年度资金总额", 100, 100, 95, 10, null, null],
      [
        ["其中：当年财政拨款", 60, 60, 57, null, null, null],
        ["其他资金", 40, 40, 38, null, null, null],
        ["基本支出", 30, 30, 30, null, null, null],
        ["项目支出", 70, 60, 65, null, null, null],
      ],
    );
    expect(b.breakdownMismatches.map((m) => [m.key, m.typed, m.sum, m.arithmetic])).toEqual([
      ["planned", 100, 90, "30.00 + 60.00 = 90.00"],
    ]);
  });

  it("a total typed as text and sub-rows without amounts are not compared", () => {
    const text = budgetOf(
      ["年度资金总额", 100, "待定", 95, 10, null, null],
      [["其中：当年财政拨款", 100, 90, 95, null, null, null]],
    );
    expect(text.breakdownMismatches).toEqual([]);
    const dashes = budgetOf(
      ["年度资金总额", 100, 100, 95, 10, null, null],
      [["其中：当年财政拨款", "—", "—", "—", null, null, null]],
    );
    expect(dashes.breakdownMismatches).toEqual([]);
  });
});

describe("budget facts: the typed 执行率", () => {
  const typed = (rate: CellValue | { value: CellValue; numFmt: string }, executed = 95) =>
    budgetOf(["年度资金总额", 100, 100, executed, 10, rate, null]);

  it.each<[string, CellValue | { value: CellValue; numFmt: string }, number, boolean]>([
    ["a fraction", 0.95, 0.95, true],
    // 95 typed as points: 95 ÷ 100
    ["points", 95, 0.95, true],
    ["a typed percentage", "95%", 0.95, true],
    // 0.95 in a 0.00% cell is read 95 with unit %
    ["a fraction in a % cell", { value: 0.95, numFmt: "0.00%" }, 0.95, true],
    ["a wrong rate", 0.9, 0.9, false],
    // 95.01% is 0.01 points off 95.00%: at the tolerance
    ["0.01 points over", 95.01, 0.9501, true],
    ["0.02 points over", 95.02, 0.9502, false],
    ["0.01 points under", 94.99, 0.9499, true],
    ["0.02 points under", 94.98, 0.9498, false],
  ])("%s against 95.00%%", (_, rate, fraction, agrees) => {
    const b = typed(rate);
    expect(b.typedRateFraction).toBeCloseTo(fraction, 12);
    expect(b.typedRateAgrees).toBe(agrees);
  });

  it("a rate shown with no decimals agrees when equal as shown", () => {
    // 95.3 ÷ 100 = 95.3%, shown 95%: 0.95 in a 0% cell agrees; 0.94 (94%) does not
    expect(typed({ value: 0.95, numFmt: "0%" }, 95.3).typedRateAgrees).toBe(true);
    expect(typed({ value: 0.94, numFmt: "0%" }, 95.3).typedRateAgrees).toBe(false);
  });

  it("the 1.5 switch: a General number is read both ways", () => {
    // 160 ÷ 100 = 160%: 1.6 reads as 1.6% first, but as a fraction it is 160%
    const over = typed(1.6, 160);
    expect(over.typedRateFraction).toBeCloseTo(0.016, 12);
    expect(over.typedRateAgrees).toBe(true);
    expect(typed(160, 160).typedRateAgrees).toBe(true);
    // 120 ÷ 100 = 120%: 1.2 is a fraction
    expect(typed(1.2, 120).typedRateFraction).toBeCloseTo(1.2, 12);
    expect(typed(1.2, 120).typedRateAgrees).toBe(true);
    // 1.2 ÷ 100 = 1.20%: 1.2 typed as points agrees too
    expect(typed(1.2, 1.2).typedRateAgrees).toBe(true);
    // but 1.2 with a % sign is only 1.2%: against 120% it disagrees
    expect(typed("1.2%", 120).typedRateAgrees).toBe(false);
  });

  it("a rate typed as text or left blank is not compared", () => {
    const text = typed("约95%");
    expect(text.typedRate).toEqual({ kind: "text", text: "约95%" });
    expect(text.typedRateFraction).toBeNull();
    expect(text.typedRateAgrees).toBeNull();
    const blank = typed(null);
    expect(blank.typedRate).toEqual({ kind: "blank" });
    expect(blank.typedRateAgrees).toBeNull();
  });
});

describe("budget facts: the weight and whether execution is scored", () => {
  it.each<[string, CellValue, number, number]>([
    // 95% × 20 = 19
    ["a typed 分值 of 20", 20, 20, 19],
    // 95% × 0.5 = 0.475
    ["a small positive 分值", 0.5, 0.5, 0.475],
    // 0, negative, text or blank: the profile's 10 → 9.5
    ["a 分值 of 0", 0, 10, 9.5],
    ["a negative 分值", -5, 10, 9.5],
    ["a 分值 typed as text", "十分", 10, 9.5],
    ["a blank 分值", null, 10, 9.5],
  ])("%s", (_, weight, expected, score) => {
    const b = budgetOf(["年度资金总额", 100, 100, 95, weight, null, null]);
    expect(b.weight).toBe(expected);
    expect(b.scored).toBe(true);
    expect(b.execWeight).toBe(expected);
    expect(b.score).toBeCloseTo(score, 12);
  });

  it("a blank 分值 takes the profile's execution weight: 20 under city-20-80", () => {
    // 95% × 20 = 19
    const b = budgetOf(["年度资金总额", 100, 100, 95, null, null, null], undefined, PROFILES["city-20-80"]);
    expect(b.weight).toBe(20);
    expect(b.score).toBeCloseTo(19, 12);
  });

  it("a budget block with neither 分值 nor 得分 reports the money and scores nothing", () => {
    const facts = factsOf(
      gridFromRows("自评表", [
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["", "年度资金总额", 100, 100, 95, 0.95],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "采购图书册数", "≥5000册", "5200册", 90, 90, ""],
        ["总分", "", "", "", "", 100, 90, ""],
      ]),
    );
    expect(facts.budget.rate).toBeCloseTo(0.95, 12);
    expect(facts.budget.scored).toBe(false);
    expect(facts.budget.execWeight).toBe(0);
    expect(facts.budget.score).toBeNull();
    // 0 + 90 = 90, and nothing unknown: execution is not scored here
    expect(facts.total.computed).toBeCloseTo(90, 12);
    expect(facts.total.unknown).toBe(0);
    expect(facts.total.allWeights).toBe(90);
  });

  /** 预算执行情况（N分）above a budget block; `weight` adds a 分值 column of its own. */
  const headed = (weight?: number) =>
    gridFromRows("自评表", [
      ["项目支出绩效自评表"],
      ["预算执行情况（20分）"],
      weight === undefined
        ? ["", "全年预算数", "全年执行数", "执行率", "得分"]
        : ["", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      weight === undefined ? ["年度资金总额", 200, 190, 0.95, 19] : ["年度资金总额", 200, 190, weight, 0.95, null],
      ["年度绩效目标（80分）"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分", "偏差原因分析"],
      ["产出指标（50分）", "数量指标", "举办培训期数", "≥10期", "10期", 25, ""],
      ["", "质量指标", "培训合格率", "≥95%", "97%", 25, ""],
      ["效益指标（20分）", "社会效益指标", "带动就业人数", "≥200人", "180人", 17, ""],
      ["满意度指标（10分）", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, ""],
      ["总分", "", "", "", "", 96, ""],
    ]);

  it("预算执行情况（20分）gives the weight when the block has no 分值 column", () => {
    // 190 ÷ 200 = 95% → 0.95 × 20 = 19
    const b = factsOf(headed()).budget;
    expect(b.weight).toBe(20);
    expect(b.scored).toBe(true);
    expect(b.execWeight).toBe(20);
    expect(b.rate).toBeCloseTo(0.95, 12);
    expect(b.score).toBeCloseTo(19, 12);
  });

  it("a 分值 cell of the total row wins over the heading's weight", () => {
    // 0.95 × 15 = 14.25
    const b = factsOf(headed(15)).budget;
    expect(b.weight).toBe(15);
    expect(b.score).toBeCloseTo(14.25, 12);
  });

  /** A budget written as label / value pairs (no cell for its weight), indicators of `weights`, 总分 分值 `total`. */
  const pairs = (weights: number[], total: number) =>
    gridFromRows("自评表", [
      ["项目支出绩效自评表"],
      ["项目名称", "测试项目"],
      ["预算安排情况", 120, "资金到位情况", 120, "资金执行情况", 115, "预算执行进度（%）", 95.83],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
      ...weights.map((w, i) => [
        "产出指标",
        "数量指标",
        ["采购图书", "借阅图书", "读者活动"][i],
        "≥10册",
        "10册",
        w,
        w,
        "",
      ]),
      ["总分", "", "", "", "", total, null, ""],
    ]);

  it("label / value pairs are scored when the indicators leave exactly the execution weight", () => {
    // 50 + 30 + 10 = 90 of 100 leaves 10: 115 ÷ 120 = 95.83% → 0.958333 × 10 = 9.5833
    const b = factsOf(pairs([50, 30, 10], 100)).budget;
    expect(b.plannedAmount).toBe(120);
    expect(b.executedAmount).toBe(115);
    expect(b.rate).toBeCloseTo(0.958333, 6);
    expect(b.scored).toBe(true);
    expect(b.execWeight).toBe(10);
    expect(b.score).toBeCloseTo(9.58333, 5);
  });

  it.each<[string, number[], number]>([
    // 90 + 10 = 100 ≠ 90
    ["the indicators fill the whole total", [50, 30, 10], 90],
    // 95 + 10 = 105 ≠ 100
    ["the indicators leave 5, not 10", [50, 35, 10], 100],
  ])("label / value pairs are not scored when %s", (_, weights, total) => {
    const b = factsOf(pairs(weights, total)).budget;
    expect(b.rate).toBeCloseTo(115 / 120, 12);
    expect(b.scored).toBe(false);
    expect(b.execWeight).toBe(0);
    expect(b.score).toBeNull();
  });

  it("reads the 原因 cells of the budget rows and whether one explains", () => {
    const budget = (reason: string) =>
      DEFAULT_BUDGET.map((r, i) => [...r, i === 1 ? reason : ""]) as Parameters<typeof withBudgetReasons>[0];
    const explained = factsOf(withBudgetReasons(budget("项目延期至次年"))).budget;
    expect(explained.reasonCells.map((s) => s.a1)).toEqual(["I4", "I5", "I6", "I7"]);
    expect(explained.explained).toBe(true);
    for (const empty of ["", "无", "/", "0"])
      expect(factsOf(withBudgetReasons(budget(empty))).budget.explained).toBe(false);
  });
});

// ── Quantitative indicators ─────────────────────────────────────────────────────────────────────

describe("quantitative indicators: ≥ (正向)", () => {
  it.each<[string, string, string, number, number | null, string, string]>([
    // B ≥ A → w
    ["above its target", "≥500人次", "520人次", 25, 520 / 500, "met", "520 ≥ 500，得满分 25"],
    ["at exactly its target", "≥500人次", "500人次", 25, 1, "met", "500 ≥ 500，得满分 25"],
    // 499 ÷ 500 × 25 = 24.95
    ["just below its target", "≥500人次", "499人次", 24.95, 0.998, "unmet", "499 ÷ 500 × 25 = 24.95"],
    // 250 ÷ 500 × 25 = 12.5
    ["at half its target", "≥500人次", "250人次", 12.5, 0.5, "unmet", "250 ÷ 500 × 25 = 12.50"],
    ["at zero", "≥500人次", "0人次", 0, 0, "unmet", "0 ÷ 500 × 25 = 0.00"],
    // a negative actual earns no negative points: max(−10, 0) ÷ 500 × 25 = 0
    ["below zero", "≥500人次", "-10人次", 0, -0.02, "unmet", "-10 ÷ 500 × 25 = 0.00"],
    // > reads as 正向: B ≥ A → w (DOMAIN §3)
    ["> at its target", ">500人次", "500人次", 25, 1, "met", "500 ≥ 500，得满分 25"],
    // 以上 is ≥: 97 ÷ 98 × 25 = 24.7449
    ["98%以上 missed by a point", "98%以上", "97%", 24.744898, 97 / 98, "unmet", "97 ÷ 98 × 25 = 24.74"],
    // a target of 0 is met by 0; there is no ratio to a target of 0
    ["a target of 0", "≥0个", "0个", 25, null, "met", "0 ≥ 0，得满分 25"],
  ])("%s", (_, target, actual, score, ratio, status, arithmetic) => {
    const { fact, q } = quantitative(target, actual);
    expect(q.direction).toBe("≥");
    expect(q.assumed).toBe(false);
    expect(fact.computed).toBeCloseTo(score, 6);
    expect(fact.computedByRule).toBe(true);
    expect(fact.effective).toBeCloseTo(score, 6);
    if (ratio === null) expect(q.ratio).toBeNull();
    else expect(q.ratio).toBeCloseTo(ratio, 12);
    expect(fact.status).toBe(status);
    expect(fact.arithmetic).toBe(arithmetic);
  });

  it("records the target, the actual and their units", () => {
    const { q } = quantitative("≥500人次", "520人次");
    expect(q).toMatchObject({ target: 500, actual: 520, targetUnit: "人次", actualUnit: "人次", unitProblem: null });
    expect(q.penalty).toBe(0);
  });

  it("the worked anchor: 37.24 ÷ 43.2 × 25 = 21.55", () => {
    // 37.24 / 43.2 = 0.862037 × 25 = 21.5509
    const { fact } = quantitative(43.2, 37.24);
    expect(fact.computed).toBeCloseTo(21.5509, 4);
    expect(fact.arithmetic).toBe("年度指标值未写方向，按“≥”理解；37.24 ÷ 43.2 × 25 = 21.55");
  });

  it("gives its score figure the rule and the indicator's 得分 cell", () => {
    const facts = factsOf(withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "499人次", 25, null, ""]));
    const fig = facts.figures.find((f) => f.key === `indicator.${indicatorRow(0)}.score`)!;
    expect(fig.value).toBeCloseTo(24.95, 12);
    expect(fig.display).toBe("24.95");
    expect(fig.cell).toBe(`H${indicatorRow(0)}`);
    expect(fig.label["zh-CN"]).toBe("指标得分：培训人次");
    expect(fig.rule["zh-CN"]).toBe("正向指标：达到目标得满分，否则 分值 × 实际 ÷ 目标");
  });
});

describe("quantitative score figures name their rule", () => {
  it.each<[string, string, string, string]>([
    [
      "≥500人次",
      "数量指标",
      "正向指标：达到目标得满分，否则 分值 × 实际 ÷ 目标",
      "at least: full marks when met, else weight × actual ÷ target",
    ],
    [
      "≤500人次",
      "成本指标",
      "反向指标：不超过目标得满分，否则 分值 × 目标 ÷ 实际",
      "at most: full marks when met, else weight × target ÷ actual",
    ],
    ["=500人次", "数量指标", "等于指标：相等得满分，否则按比例", "equal: full marks when equal, else proportional"],
  ])("%s", (target, level2, zh, en) => {
    const facts = factsOf(withIndicator(0, ["产出指标", level2, "培训人次", target, "520人次", 25, null, ""]));
    const fig = facts.figures.find((f) => f.key === `indicator.${indicatorRow(0)}.score`)!;
    expect(fig.rule).toEqual({ "zh-CN": zh, "en-US": en });
  });
});

describe("quantitative indicators: ≤ (反向)", () => {
  const cost = (target: string, actual: string, profile = CENTRAL) =>
    quantitative(target, actual, { level2: "成本指标", profile });

  it.each<[string, string, string, number, string, string]>([
    ["under its target", "≤30万元", "28万元", 25, "met", "28 ≤ 30，得满分 25"],
    ["at exactly its target", "≤30万元", "30万元", 25, "met", "30 ≤ 30，得满分 25"],
    // w × A ÷ B: 30 ÷ 31 × 25 = 24.1935
    ["just above its target", "≤30万元", "31万元", 24.193548, "unmet", "30 ÷ 31 × 25 = 24.19"],
    // 30 ÷ 60 × 25 = 12.5
    ["at twice its target", "≤30万元", "60万元", 12.5, "unmet", "30 ÷ 60 × 25 = 12.50"],
    // < reads as 反向: B ≤ A → w
    ["< at its target", "<30万元", "30万元", 25, "met", "30 ≤ 30，得满分 25"],
    // A target of 0 exceeded: 0 ÷ 5 × 25 = 0
    ["a target of 0 exceeded", "≤0万元", "5万元", 0, "unmet", "0 ÷ 5 × 25 = 0.00"],
  ])("ratio rule: %s", (_, target, actual, score, status, arithmetic) => {
    const { fact, q } = cost(target, actual);
    expect(q.direction).toBe("≤");
    expect(fact.computed).toBeCloseTo(score, 6);
    expect(fact.status).toBe(status);
    expect(fact.arithmetic).toBe(arithmetic);
  });

  const linear = central({ lessIsBetterRule: "linear" });
  it.each<[string, string, number, string]>([
    ["30万元", "at its target", 25, "30 ≤ 30，得满分 25"],
    // 25 × (1 − (33 − 30) ÷ 30) = 25 × 0.9 = 22.5
    ["33万元", "10% over", 22.5, "25 × (1 − (33 − 30) ÷ 30) = 22.50"],
    // 25 × (1 − 15 ÷ 30) = 12.5
    ["45万元", "50% over", 12.5, "25 × (1 − (45 − 30) ÷ 30) = 12.50"],
    // 0 at B = 2A: 25 × (1 − 30 ÷ 30) = 0
    ["60万元", "at twice its target", 0, "25 × (1 − (60 − 30) ÷ 30) = 0.00"],
    // beyond 2A the score stays 0: max(0, 1 − 40 ÷ 30) = 0
    ["70万元", "beyond twice its target", 0, "25 × (1 − (70 − 30) ÷ 30) = 0.00"],
  ])("linear rule: %s (%s)", (actual, _, score, arithmetic) => {
    const { fact } = cost("≤30万元", actual, linear);
    expect(fact.computed).toBeCloseTo(score, 10);
    expect(fact.arithmetic).toBe(arithmetic);
  });

  it("linear rule: a target of 0 exceeded scores 0", () => {
    expect(cost("≤0万元", "5万元", linear).fact.computed).toBe(0);
  });

  it("is never over-completed, however far under its target", () => {
    const { fact, q } = cost("≤30万元", "3万元");
    expect(q.overCompleted).toBe(false);
    expect(fact.status).toBe("met");
  });
});

describe("quantitative indicators: = (等于)", () => {
  it.each<[string, CellValue, number, string, string]>([
    ["equal", "100%", 25, "met", "100 = 100，得满分 25"],
    // w × min ÷ max: 90 ÷ 100 × 25 = 22.5
    ["under", "90%", 22.5, "unmet", "90 ÷ 100 × 25 = 22.50"],
    // 100 ÷ 110 × 25 = 22.7273
    ["over", "110%", 22.727273, "unmet", "100 ÷ 110 × 25 = 22.73"],
    // the ratio needs a positive actual: 0 → 0 points
    ["zero", "0%", 0, "unmet", "0 ≠ 100，得 0 分"],
  ])("ratio rule: %s", (_, actual, score, status, arithmetic) => {
    const { fact, q } = quantitative("=100%", actual);
    expect(q.direction).toBe("=");
    expect(fact.computed).toBeCloseTo(score, 6);
    expect(fact.status).toBe(status);
    expect(fact.arithmetic).toBe(arithmetic);
  });

  it.each<[string, number, number]>([
    // |B − A| ≤ 1e-6 × max(1, 100) = 1e-4 is equal
    ["100.00005 is equal to 100", 100.00005, 25],
    ["99.99995 is equal to 100", 99.99995, 25],
    // 2e-4 > 1e-4: 100 ÷ 100.0002 × 25 = 24.99995
    ["100.0002 is not", 100.0002, 24.99995],
  ])("equalTolerance: %s", (_, actual, score) => {
    const { fact } = quantitative("=100", actual);
    expect(fact.computed).toBeCloseTo(score, 8);
  });

  it("equalTolerance is at least 1e-6 absolute for targets under 1", () => {
    // |0.5000009 − 0.5| = 9e-7 ≤ 1e-6 × max(1, 0.5) = 1e-6 → equal; 2e-6 is not: 0.5 ÷ 0.500002 × 25 = 24.9999
    expect(quantitative("=0.5", 0.5000009).fact.computed).toBe(25);
    const off = quantitative("=0.5", 0.500002).fact;
    expect(off.computed).toBeCloseTo(24.9999, 4);
    expect(off.computed).toBeLessThan(25);
  });

  it.each<[string, CellValue, number, string]>([
    ["90%", "missed", 0, "90 ≠ 100，得 0 分"],
    ["100%", "equal", 25, "100 = 100，得满分 25"],
  ])("all-or-nothing rule: %s is %s", (actual, _, score, arithmetic) => {
    const { fact } = quantitative("=100%", actual, { profile: central({ equalRule: "all-or-nothing" }) });
    expect(fact.computed).toBe(score);
    expect(fact.arithmetic).toBe(arithmetic);
  });
});

describe("the direction assumed", () => {
  it("a bare target outside 成本指标 is read as ≥, and says so", () => {
    // 450 ÷ 500 × 25 = 22.5
    const { fact, q } = quantitative("500人次", "450人次");
    expect(q.direction).toBe("≥");
    expect(q.assumed).toBe(true);
    expect(fact.computed).toBeCloseTo(22.5, 12);
    expect(fact.arithmetic).toBe("年度指标值未写方向，按“≥”理解；450 ÷ 500 × 25 = 22.50");
  });

  it("a bare target under 成本指标 is read as ≤, and says so", () => {
    // 30 ÷ 33 × 25 = 22.7273
    const { fact, q } = quantitative("30万元", "33万元", { level2: "成本指标" });
    expect(q.direction).toBe("≤");
    expect(q.assumed).toBe(true);
    expect(fact.computed).toBeCloseTo(22.727273, 6);
    expect(fact.arithmetic).toBe("年度指标值未写方向，按“≤”理解（成本指标）；30 ÷ 33 × 25 = 22.73");
  });

  it("a number cell as target has no operator either", () => {
    const { q } = quantitative(500, 450);
    expect(q.direction).toBe("≥");
    expect(q.assumed).toBe(true);
  });

  it("a written operator wins over the 成本指标 default", () => {
    // ≥30 under 成本指标: 20 ÷ 30 × 25 = 16.67
    const { fact, q } = quantitative("≥30万元", "20万元", { level2: "成本指标" });
    expect(q.direction).toBe("≥");
    expect(q.assumed).toBe(false);
    expect(fact.computed).toBeCloseTo(16.666667, 6);
  });

  it("the assumed directions are the profile's", () => {
    const profile: Profile = { ...CENTRAL, bareTargetDirection: { default: "=", cost: "≥" } };
    // read as =, and the note names it
    const plain = quantitative("500人次", "550人次", { profile });
    expect(plain.q.direction).toBe("=");
    // = ratio: min ÷ max = 500 ÷ 550 × 25 = 22.7273
    expect(plain.fact.computed).toBeCloseTo(22.727273, 6);
    expect(plain.fact.arithmetic).toBe("年度指标值未写方向，按“=”理解；500 ÷ 550 × 25 = 22.73");
    // read as ≥ under 成本指标: 33 ≥ 30 → 25
    const cost = quantitative("30万元", "33万元", { level2: "成本指标", profile });
    expect(cost.q.direction).toBe("≥");
    expect(cost.fact.computed).toBe(25);
  });

  /** A Sichuan-style table: 年度指标值 over 指标性质 / 指标值 / 度量单位, one indicator of 分值 90 in row 6. */
  const natured = (nature: string, target: CellValue, actual: CellValue, level2 = "数量指标", unit = "个") =>
    factsOf(
      gridFromRows(
        "自评表",
        [
          ["项目支出绩效自评表"],
          ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["", "年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
          ["一级指标", "二级指标", "三级指标", "年度指标值", "", "", "实际完成值", "分值", "得分", "偏差原因"],
          ["", "", "", "指标性质", "指标值", "度量单位"],
          ["产出指标", level2, "验收项目数", nature, target, unit, actual, 90, null, ""],
          ["总分", "", "", "", "", "", "", 100, null, ""],
        ],
        ["A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:G5", "H4:H5", "I4:I5", "J4:J5"],
      ),
    ).indicators[0];

  it.each<[string, string, number, "≥" | "≤" | "=", number]>([
    // 正向: 450 ÷ 500 × 90 = 81; 600 ≥ 500 → 90
    ["正向", "正向", 450, "≥", 81],
    ["≥", "≥", 600, "≥", 90],
    [">=", ">=", 450, "≥", 81],
    // 反向: 450 ≤ 500 → 90; 500 ÷ 600 × 90 = 75
    ["反向", "反向", 450, "≤", 90],
    ["≤", "≤", 600, "≤", 75],
    ["<", "<", 600, "≤", 75],
    // 等于: 500 ÷ 600 × 90 = 75
    ["=", "=", 600, "=", 75],
    ["定量等于", "定量等于", 450, "=", 81],
  ])("指标性质 %s gives the direction", (_, nature, actual, direction, score) => {
    const f = natured(nature, 500, actual);
    expect(f.quantitative?.direction).toBe(direction);
    expect(f.quantitative?.assumed).toBe(false);
    expect(f.computed).toBeCloseTo(score, 10);
  });

  it("a 指标性质 that names no direction leaves the profile's default", () => {
    expect(natured("定性", 500, 450).quantitative).toMatchObject({ direction: "≥", assumed: true });
    expect(natured("", 500, 450, "成本指标").quantitative).toMatchObject({ direction: "≤", assumed: true });
  });

  it("the 度量单位 column is the unit of a bare target: 0.96 against 95 % is 96%", () => {
    const f = natured("≥", 95, 0.96, "质量指标", "%");
    expect(f.quantitative).toMatchObject({ target: 95, targetUnit: "%", actualUnit: "%" });
    expect(f.quantitative?.actual).toBeCloseTo(96, 10);
    expect(f.computed).toBe(90);
    expect(f.arithmetic).toBe("实际完成值 0.96 按百分比读作 96%；96 ≥ 95，得满分 90");
  });
});

describe("units of the actual value", () => {
  it.each<[string, CellValue, CellValue, number, number, string]>([
    // 0.96 under a % target is 96% → 96 ≥ 95
    ["0.96 under ≥95%", "≥95%", 0.96, 96, 25, "实际完成值 0.96 按百分比读作 96%；96 ≥ 95，得满分 25"],
    // 0.9 → 90%: 90 ÷ 95 × 25 = 23.6842
    ["0.9 under ≥95%", "≥95%", 0.9, 90, 23.684211, "实际完成值 0.9 按百分比读作 90%；90 ÷ 95 × 25 = 23.68"],
    // at the switch: 1.5 → 150%
    ["1.5 under ≥95%", "≥95%", 1.5, 150, 25, "实际完成值 1.5 按百分比读作 150%；150 ≥ 95，得满分 25"],
    // just above it, 1.51 stays 1.51: 1.51 ÷ 95 × 25 = 0.397368
    ["1.51 under ≥95%", "≥95%", 1.51, 1.51, 0.397368, "1.51 ÷ 95 × 25 = 0.40"],
    // a target of 1.5% is not above the switch: 1 stays 1, 1 ÷ 1.5 × 25 = 16.6667
    ["1 under ≥1.5%", "≥1.5%", 1, 1, 16.666667, "1 ÷ 1.5 × 25 = 16.67"],
    // a target of 1.6% is: 1 → 100%
    ["1 under ≥1.6%", "≥1.6%", 1, 100, 25, "实际完成值 1 按百分比读作 100%；100 ≥ 1.6，得满分 25"],
    // an actual with its own % sign is taken as written
    ["96% under ≥95%", "≥95%", "96%", 96, 25, "96 ≥ 95，得满分 25"],
    // 1,000,000 元 = 100 万元
    [
      "1000000元 under ≥100万元",
      "≥100万元",
      "1000000元",
      100,
      25,
      "实际完成值 1000000元 折合 100万元；100 ≥ 100，得满分 25",
    ],
    // 0.5 亿元 = 5000 万元
    [
      "0.5亿元 under ≥100万元",
      "≥100万元",
      "0.5亿元",
      5000,
      25,
      "实际完成值 0.5亿元 折合 5000万元；5000 ≥ 100，得满分 25",
    ],
    // 100万 is 100 万元: nothing to convert
    ["100万 under ≥100万元", "≥100万元", "100万", 100, 25, "100 ≥ 100，得满分 25"],
    // 500,000 元 = 50 万元 of 100: 50 ÷ 100 × 25 = 12.5
    [
      "500000元 under ≥100万元",
      "≥100万元",
      "500000元",
      50,
      12.5,
      "实际完成值 500000元 折合 50万元；50 ÷ 100 × 25 = 12.50",
    ],
  ])("%s", (_, target, actual, converted, score, arithmetic) => {
    const { fact, q } = quantitative(target, actual);
    expect(q.actual).toBeCloseTo(converted, 10);
    expect(fact.computed).toBeCloseTo(score, 6);
    expect(fact.arithmetic).toBe(arithmetic);
  });

  // A conversion landing on the target is the target, not a hair below it (0.57 × 100 = 56.99999999999999 in doubles).
  it.each<[string, string, CellValue, string | undefined, number, string]>([
    ["0.57 under ≥57%", "≥57%", 0.57, undefined, 57, "实际完成值 0.57 按百分比读作 57%；57 ≥ 57，得满分 25"],
    [
      "2900元 under ≤0.29万元 (成本指标)",
      "≤0.29万元",
      "2900元",
      "成本指标",
      0.29,
      "实际完成值 2900元 折合 0.29万元；0.29 ≤ 0.29，得满分 25",
    ],
  ])("a conversion onto the target scores full marks: %s", (_, target, actual, level2, converted, arithmetic) => {
    const { fact, q } = quantitative(target, actual, level2 ? { level2 } : {});
    expect(q.actual).toBe(converted);
    expect(fact.computed).toBe(25);
    expect(fact.arithmetic).toBe(arithmetic);
  });

  it("a cost in 元 against a target in 万元: 310000元 is 31 万元, 30 ÷ 31 × 25 = 24.19", () => {
    const { fact, q } = quantitative("≤30万元", "310000元", { level2: "成本指标" });
    expect(q.actual).toBeCloseTo(31, 10);
    expect(fact.computed).toBeCloseTo(24.193548, 6);
  });

  it.each<[string, string, "percent-word" | "incompatible" | null]>([
    ["≥100百分比", "98%", "percent-word"],
    ["≥50个", "50次", "incompatible"],
    ["≥95%", "95百分点", "incompatible"],
    ["≥50个", "50个", null],
    ["≥50个", "50", null],
    ["≥50万元", "500000元", null],
    ["≥95%", "96%", null],
  ])("%s against %s: unit problem %j", (target, actual, problem) => {
    expect(quantitative(target, actual).q.unitProblem).toBe(problem);
  });
});

// ── Over-completion ─────────────────────────────────────────────────────────────────────────────

describe.each(PROFILE_IDS)("over-completion under %s: 1.2 × 500 = 600", (id) => {
  const profile = PROFILES[id];
  it.each<[string, string, CellValue, boolean, string]>([
    ["exactly 1.2 × the target", "≥500人次", 600, true, "over-completed"],
    ["just below", "≥500人次", 599.99, false, "met"],
    ["just above", "≥500人次", 600.01, true, "over-completed"],
    ["at the target", "≥500人次", 500, false, "met"],
    ["a bare target (read as ≥)", "500人次", 600, true, "over-completed"],
    // = 500 with 600: over-completed, and short of full marks (500 ÷ 600 × 25 = 20.83), so unmet first
    ["an = target", "=500人次", 600, true, "unmet"],
    ["an = target just below", "=500人次", 599.99, false, "unmet"],
    // ≤ indicators are over-achieved by spending less, never by exceeding the target
    ["a ≤ target", "≤500人次", 600, false, "unmet"],
    // no share of a target of 0
    ["a target of 0", "≥0人次", 600, false, "met"],
  ])("%s", (_, target, actual, overCompleted, status) => {
    const { fact, q } = quantitative(target, actual, { profile });
    expect(q.overCompleted).toBe(overCompleted);
    expect(fact.status).toBe(status);
    expect(q.penalty).toBe(0);
  });

  it("keeps the full marks", () => {
    expect(quantitative("≥500人次", 700, { profile }).fact.computed).toBe(25);
  });
});

describe("over-completion under other settings", () => {
  it.each<[string, number, boolean]>([
    // 1.5 × 500 = 750
    ["1.5", 750, true],
    ["1.5", 749.99, false],
    ["1.5", 600, false],
    // 1.1 × 500 = 550
    ["1.1", 550, true],
    ["1.1", 549.99, false],
  ])("overCompletionRatio %s: %d of ≥500", (ratio, actual, overCompleted) => {
    const { q } = quantitative("≥500人次", actual, { profile: central({ overCompletionRatio: ratio }) });
    expect(q.overCompleted).toBe(overCompleted);
  });

  it("12.36 is exactly 1.2 × 10.3, though binary arithmetic misses it", () => {
    expect(quantitative("≥10.3", 12.36).q.overCompleted).toBe(true);
    expect(quantitative("≥10.3", 12.35).q.overCompleted).toBe(false);
  });

  it("an over-completed indicator without a reason is not explained; with one it is", () => {
    expect(first("≥500人次", 600).explained).toBe(false);
    expect(first("≥500人次", 600, { reason: "无" }).explained).toBe(false);
    expect(first("≥500人次", 600, { reason: "培训需求增加" }).explained).toBe(true);
  });
});

describe("deviation penalty (deviationPenalty=on: 130% of target costs 2 points)", () => {
  const penalised = central({ deviationPenalty: "on" });

  it("at exactly 1.3 × 500 = 650: 25 − 2 = 23", () => {
    const { fact, q } = quantitative("≥500人次", 650, { profile: penalised });
    expect(q.overCompleted).toBe(true);
    expect(q.penalty).toBe(2);
    expect(fact.computed).toBe(23);
    expect(fact.arithmetic).toBe("650 ≥ 500，得满分 25；偏离目标 130.00%，扣 2 分 = 23.00");
    // 23 < 25: short of full marks
    expect(fact.status).toBe("unmet");
  });

  it("just below 650 keeps the full marks", () => {
    const { fact, q } = quantitative("≥500人次", 649.99, { profile: penalised });
    expect(q.penalty).toBe(0);
    expect(fact.computed).toBe(25);
    expect(fact.status).toBe("over-completed");
  });

  it("13.39 is exactly 1.3 × 10.3", () => {
    expect(quantitative("≥10.3", 13.39, { profile: penalised }).q.penalty).toBe(2);
  });

  it("never takes more than the score: 分值 1 at 130% → 1 − 1 = 0", () => {
    const { fact, q } = quantitative("≥500人次", 650, { profile: penalised, weight: 1 });
    expect(q.penalty).toBe(1);
    expect(fact.computed).toBe(0);
  });

  it("applies to an = indicator on its ratio score: 500 ÷ 650 × 25 − 2 = 17.23", () => {
    // 500 / 650 × 25 = 19.2308; − 2 = 17.2308
    const { fact, q } = quantitative("=500人次", 650, { profile: penalised });
    expect(q.penalty).toBe(2);
    expect(fact.computed).toBeCloseTo(17.230769, 6);
  });

  it("never applies to a ≤ indicator, nor by default", () => {
    // ≤500 with 650: 500 ÷ 650 × 25 = 19.2308, no penalty
    const cost = quantitative("≤500人次", 650, { profile: penalised });
    expect(cost.q.penalty).toBe(0);
    expect(cost.fact.computed).toBeCloseTo(19.230769, 6);
    const plain = quantitative("≥500人次", 650);
    expect(plain.q.penalty).toBe(0);
    expect(plain.fact.computed).toBe(25);
  });
});

// ── Qualitative indicators ──────────────────────────────────────────────────────────────────────

/** 服务覆盖面 (效益指标, 分值 30) with a qualitative target, the result `result` and the typed score `typed`. */
const rated = (result: string, typed: CellValue, profile: Profile = CENTRAL) =>
  factsOf(
    withIndicator(2, ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", result, 30, typed, "宣传不足"]),
    profile,
  ).indicators[2];

describe.each<[string, Profile, Array<[string, string, number, boolean, number, string]>]>([
  [
    // 分值 30: top [24, 30], middle [18, 24), bottom [0, 18)
    "central-2020 (80/60)",
    CENTRAL,
    [
      ["top at full marks", TOP, 30, true, 30, "met"],
      ["top at its lower bound", TOP, 24, true, 24, "unmet"],
      ["top just below its lower bound", TOP, 23.99, false, 23.99, "unmet"],
      // above the weight only the weight counts
      ["top above the weight", TOP, 31, false, 30, "met"],
      ["middle at its lower bound", MIDDLE, 18, true, 18, "unmet"],
      ["middle just below its lower bound", MIDDLE, 17.99, false, 17.99, "unmet"],
      ["middle just under its upper bound", MIDDLE, 23.99, true, 23.99, "unmet"],
      // 24 belongs to the top tier: the middle's ceiling at 2 decimals is 23.99
      ["middle at its upper bound", MIDDLE, 24, false, 23.99, "unmet"],
      ["bottom at 0", BOTTOM, 0, true, 0, "unmet"],
      ["bottom just under its upper bound", BOTTOM, 17.99, true, 17.99, "unmet"],
      ["bottom at its upper bound", BOTTOM, 18, false, 17.99, "unmet"],
      ["bottom at full marks", BOTTOM, 30, false, 17.99, "unmet"],
    ],
  ],
  [
    "sichuan (80/60)",
    PROFILES.sichuan,
    [
      ["middle just below 18", MIDDLE, 17.99, false, 17.99, "unmet"],
      ["bottom at 18", BOTTOM, 18, false, 17.99, "unmet"],
    ],
  ],
  [
    // 分值 30: middle [15, 24), bottom [0, 15)
    "city-20-80 (80/50)",
    PROFILES["city-20-80"],
    [
      ["top at its lower bound", TOP, 24, true, 24, "unmet"],
      ["top just below", TOP, 23.99, false, 23.99, "unmet"],
      ["middle at its lower bound 15", MIDDLE, 15, true, 15, "unmet"],
      ["middle just below, 14.99", MIDDLE, 14.99, false, 14.99, "unmet"],
      ["middle at 18, inside the wider tier", MIDDLE, 18, true, 18, "unmet"],
      ["bottom just under 15", BOTTOM, 14.99, true, 14.99, "unmet"],
      ["bottom at 15", BOTTOM, 15, false, 14.99, "unmet"],
    ],
  ],
  [
    "central-2020 with tiers=80/50",
    central({ tiers: "80/50" }),
    [
      ["middle at 15", MIDDLE, 15, true, 15, "unmet"],
      ["bottom at 15", BOTTOM, 15, false, 14.99, "unmet"],
    ],
  ],
  [
    // 分值 30: top [27, 30], middle [21, 27), bottom [0, 21)
    "central-2020 with tiers=90/70",
    central({ tiers: "90/70" }),
    [
      ["top at 27", TOP, 27, true, 27, "unmet"],
      ["top at 26.99", TOP, 26.99, false, 26.99, "unmet"],
      ["middle at 21", MIDDLE, 21, true, 21, "unmet"],
      ["middle at 20.99", MIDDLE, 20.99, false, 20.99, "unmet"],
      ["middle at 27", MIDDLE, 27, false, 26.99, "unmet"],
    ],
  ],
])("qualitative tiers under %s", (_, profile, cases) => {
  it.each(cases)("%s: %s typed %d", (__, result, typed, inside, score, status) => {
    const f = rated(result, typed, profile);
    expect(f.qualitative?.inTier).toBe(inside);
    expect(f.computed).toBeCloseTo(score, 10);
    expect(f.effective).toBeCloseTo(score, 10);
    expect(f.computedByRule).toBe(false);
    expect(f.status).toBe(status);
  });
});

describe("qualitative facts", () => {
  it.each<[string, string, number, number, string]>([
    // 分值 30 × [0.8, 1], [0.6, 0.8), [0, 0.6)
    [TOP, "top", 24, 30, "24 分（含）至 30 分（含）"],
    [MIDDLE, "middle", 18, 24, "18 分（含）至 24 分"],
    [BOTTOM, "bottom", 0, 18, "0 分（含）至 18 分"],
  ])("%s is the %s tier, %d to %d", (result, tier, lo, hi, rangeText) => {
    const q = rated(result, 20).qualitative!;
    expect(q.tier).toBe(tier);
    expect(q.lo).toBeCloseTo(lo, 10);
    expect(q.hi).toBeCloseTo(hi, 10);
    expect(q.rangeText).toBe(rangeText);
  });

  it("a city profile's middle tier of 分值 10 is 5 to 8", () => {
    const f = factsOf(centralGrid({ indicators: DEFAULT_INDICATORS }), PROFILES["city-20-80"]);
    // the default 服务覆盖面 (30) is top: 24 to 30
    expect(f.indicators[2].qualitative).toMatchObject({ tier: "top", rangeText: "24 分（含）至 30 分（含）" });
    const ten = factsOf(
      withIndicator(3, ["满意度指标", "服务对象满意度指标", "学员满意度", "群众满意", MIDDLE, 10, 5, "宣传不足"]),
      PROFILES["city-20-80"],
    ).indicators[3].qualitative!;
    // 0.5 × 10 = 5, 0.8 × 10 = 8
    expect(ten.rangeText).toBe("5 分（含）至 8 分");
    expect(ten.inTier).toBe(true);
  });

  it("says the tier, its range and the typed score in the arithmetic", () => {
    expect(rated(MIDDLE, 20).arithmetic).toBe(
      "定性指标，部分达成年度指标并具有一定效果，得分区间 18 分（含）至 24 分，自评分 20",
    );
    expect(rated(MIDDLE, 24).arithmetic).toBe(
      "定性指标，部分达成年度指标并具有一定效果，得分区间 18 分（含）至 24 分，自评分 24，按档次上限计 23.99",
    );
    expect(rated(TOP, 31).arithmetic).toBe(
      "定性指标，达成年度指标，得分区间 24 分（含）至 30 分（含），自评分 31，按档次上限计 30.00",
    );
  });

  it("with no typed score there is nothing to count: the score is unknown", () => {
    const f = rated(TOP, null);
    expect(f.qualitative).toMatchObject({ tier: "top", inTier: null });
    expect(f.computed).toBeNull();
    expect(f.effective).toBeNull();
    expect(f.status).toBe("unknown");
    expect(f.arithmetic).toBe("定性指标，达成年度指标，得分区间 24 分（含）至 30 分（含），未填自评分");
    const facts = factsOf(withIndicator(2, ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", TOP, 30, null, ""]));
    const fig = facts.figures.find((x) => x.key === `indicator.${indicatorRow(2)}.score`)!;
    expect([fig.value, fig.display, fig.cell]).toEqual([null, "—", `H${indicatorRow(2)}`]);
  });

  it("a result that fits no tier is not guessed: the typed score counts, capped at the weight", () => {
    const f = rated("进展顺利", 25);
    expect(f.qualitative).toEqual({ tier: null, lo: 0, hi: 30, rangeText: "", inTier: null });
    expect(f.computed).toBeNull();
    expect(f.effective).toBe(25);
    expect(f.status).toBe("unmet");
    expect(rated("进展顺利", 35).effective).toBe(30);
  });

  it("a number against a qualitative target has no tier", () => {
    const f = rated("96%", 30);
    expect(f.qualitative?.tier).toBeNull();
    expect(f.computed).toBeNull();
    expect(f.effective).toBe(30);
  });

  it("a qualitative result against a quantitative target is not scored by the rules", () => {
    const f = first("≥500人次", "完成", { typed: 20 });
    expect(f.quantitative).toBeNull();
    expect(f.qualitative).toBeNull();
    expect(f.computed).toBeNull();
    expect(f.effective).toBe(20);
  });
});

describe("得分系数 (Chongqing): score = 系数 × 分值", () => {
  const coefficient = (value: CellValue, weight: CellValue = 90) =>
    factsOf(
      gridFromRows("自评表", [
        ["", "年初预算数", "全年预算数", "全年执行数", "执行率权重", "执行率", "执行率得分"],
        ["年度资金总额", 100, 100, 100, 10, 1, 10],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分系数(%)", "得分", "原因"],
        ["产出指标", "质量指标", "验收合格率", "效果明显", MIDDLE, weight, value, 63, "部分未验收"],
        ["总分", "", "", "", "", 100, "", 73, ""],
      ]),
    ).indicators[0];

  it.each<[CellValue]>([[70], [0.7], ["70%"]])("%j of 分值 90 is 63", (value) => {
    // 70% × 90 = 63
    const f = coefficient(value);
    expect(f.byCoefficient?.score).toBeCloseTo(63, 10);
    expect(f.byCoefficient?.arithmetic).toBe("得分系数 70.00% × 分值 90 = 63.00");
  });

  it("the typed 63 lies in the middle tier of 90: 54 to 72", () => {
    // 0.6 × 90 = 54, 0.8 × 90 = 72
    const f = coefficient(70);
    expect(f.qualitative).toMatchObject({ tier: "middle", rangeText: "54 分（含）至 72 分", inTier: true });
    expect(f.effective).toBe(63);
  });

  it("no 系数 and no usable 分值 give nothing to multiply", () => {
    expect(coefficient(null).byCoefficient).toBeNull();
    expect(coefficient(70, 0).byCoefficient).toBeNull();
  });
});

// ── Weights, effective scores and status ────────────────────────────────────────────────────────

describe("an indicator's weight, effective score and status", () => {
  it.each<[string, CellValue, number | null]>([
    ["a positive 分值", 25, 25],
    ["a decimal 分值", 2.5, 2.5],
    ["a 分值 of 0", 0, null],
    ["a negative 分值", -5, null],
    ["a 分值 typed as text", "二十五", null],
    ["a blank 分值", null, null],
  ])("%s", (_, weight, expected) => {
    expect(first("≥500人次", "520人次", { weight }).weight).toBe(expected);
  });

  it("without a usable 分值 nothing is computed and the score is unknown", () => {
    const f = first("≥500人次", "520人次", { weight: 0, typed: 25 });
    expect(f.quantitative).toBeNull();
    expect(f.computed).toBeNull();
    expect(f.effective).toBeNull();
    expect(f.status).toBe("unknown");
  });

  it.each<[string, CellValue, number | null, string]>([
    ["a typed score", 20, 20, "unmet"],
    ["a full typed score", 25, 25, "met"],
    // capped at the weight: min(30, 25)
    ["a typed score above the weight", 30, 25, "met"],
    // never below 0: max(−3, 0)
    ["a negative typed score", -3, 0, "unmet"],
    ["no typed score", null, null, "unknown"],
  ])("with no target to compute from, %s counts as typed", (_, typed, effective, status) => {
    const f = first(null, "520人次", { typed });
    expect(f.computed).toBeNull();
    expect(f.typedScore).toBe(typed);
    expect(f.effective).toBe(effective);
    expect(f.status).toBe(status);
  });

  it("a computed score wins over the typed one", () => {
    // 499 ÷ 500 × 25 = 24.95, typed 25
    const f = first("≥500人次", "499人次", { typed: 25 });
    expect(f.typed).toEqual({ kind: "number", value: 25, unit: null });
    expect(f.typedScore).toBe(25);
    expect(f.effective).toBeCloseTo(24.95, 12);
    expect(f.status).toBe("unmet");
  });

  it.each<[string, CellValue, CellValue, CellValue]>([
    ["its actual", "≥500人次", "不适用", 25],
    ["its score", "≥500人次", "520人次", "不适用"],
    ["its target", "不适用", "520人次", 25],
    ["its actual, with spaces", "≥500人次", " 不 适 用 ", 25],
  ])("an indicator marked 不适用 in %s is left out", (_, target, actual, typed) => {
    const f = first(target, actual, { typed });
    expect(f.notApplicable).toBe(true);
    expect(f.status).toBe("not-applicable");
    expect(f.typedScore).toBeNull();
    expect(f.computed).toBeNull();
    expect(f.effective).toBeNull();
    expect(f.weight).toBe(25);
  });

  it.each<[string, boolean]>([
    ["生源不足，明年扩大宣传", true],
    ["", false],
    ["无", false],
    ["/", false],
    ["—", false],
    ["无偏差", false],
  ])("the reason %j explains: %s", (reason, explained) => {
    expect(first("≥500人次", "499人次", { reason }).explained).toBe(explained);
  });

  it("the name is the 三级指标 text", () => {
    expect(first("≥500人次", "520人次").name).toBe("培训人次");
  });
});

describe("indicators without a 分值 column (weights in the block headings)", () => {
  /** [一级, 二级, 三级, 年度指标值, 实际完成值, 得分, 偏差原因]; the budget keeps its own 分值 10 (9.5 of it). */
  const grid = (row: Array<CellValue>, total: CellValue = null) =>
    headingsOnlyGrid(
      [
        ["产出指标(50分)", "数量指标", "举办培训期数", "≥10期", "10期", 25, ""],
        ["", "质量指标", "培训合格率", "≥95%", "97%", 25, ""],
        row,
        ["满意度指标(10分)", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, ""],
      ],
      total,
    );
  const third = (target: CellValue, actual: CellValue, typed: CellValue = 27) =>
    factsOf(grid(["效益指标(30分)", "社会效益指标", "带动就业人数", target, actual, typed, ""])).indicators[2];

  it.each<[string, CellValue, CellValue, string]>([
    ["≥ missed", "≥200人", "180人", "unmet"],
    ["≥ met", "≥200人", "200人", "met"],
    ["≤ missed", "≤200人", "201人", "unmet"],
    ["≤ met", "≤200人", "200人", "met"],
    ["= missed", "=200人", "199人", "unmet"],
    ["= met", "=200人", "200人", "met"],
    ["a bare target missed (read as ≥)", "200人", "180人", "unmet"],
    ["a middle-tier result", "逐步提升", MIDDLE, "unmet"],
    ["a top-tier result", "逐步提升", TOP, "met"],
  ])("the status follows the target: %s", (_, target, actual, status) => {
    const f = third(target, actual);
    expect(f.weight).toBeNull();
    expect(f.computed).toBeNull();
    expect(f.status).toBe(status);
  });

  // Without a 分值 the status rests on the same comparison as a scored indicator: units converted, the profile's
  // tolerance for =, and over-completion looked for (each of these was once decided on the raw numbers).
  it.each<[string, CellValue, CellValue, string, boolean]>([
    // 300 ≥ 1.2 × 200 = 240: far exceeded, so a reason is due
    ["300人 against ≥200人", "≥200人", "300人", "over-completed", true],
    // 239 < 240
    ["239人 against ≥200人", "≥200人", "239人", "met", false],
    // |100.00005 − 100| = 5e-5 ≤ equalTolerance 1e-6 × 100 = 1e-4
    ["100.00005 against =100", "=100", 100.00005, "met", false],
    // 0.96 under a % target is 96% ≥ 95%
    ["0.96 against ≥95%", "≥95%", 0.96, "met", false],
    // 290000 元 = 29 万元 ≤ 30 万元
    ["290000元 against ≤30万元", "≤30万元", "290000元", "met", false],
    // 0.5 亿元 = 5000 万元 ≥ 100 万元, and 5000 ≥ 1.2 × 100
    ["0.5亿元 against ≥100万元", "≥100万元", "0.5亿元", "over-completed", true],
  ])("compares as a scored indicator does: %s", (_, target, actual, status, overCompleted) => {
    const f = third(target, actual);
    expect(f.weight).toBeNull();
    expect(f.computed).toBeNull();
    expect(f.status).toBe(status);
    expect(f.quantitative?.overCompleted).toBe(overCompleted);
  });

  it("the typed score counts as typed, never below 0", () => {
    expect(third("≥200人", "180人", 27).effective).toBe(27);
    expect(third("≥200人", "180人", -5).effective).toBe(0);
  });

  it("with no actual and no typed score the status is unknown; with a typed score it stands", () => {
    expect(third("≥200人", null, null).status).toBe("unknown");
    expect(third("≥200人", null, 30)).toMatchObject({ effective: 30, status: "met" });
  });

  it("the total takes the headings' weights: 50 + 30 + 10 = 90", () => {
    // 9.5 + 25 + 25 + 27 + 10 = 96.5
    const t = factsOf(grid(["效益指标(30分)", "社会效益指标", "带动就业人数", "≥200人", "180人", 27, ""], 96.5)).total;
    expect(t.weightColumn).toBe(false);
    expect(t.headingWeights).toBe(90);
    expect(t.indicatorWeights).toBe(90);
    expect(t.sumWeights).toBe(0);
    expect(t.allWeights).toBe(100);
    expect(t.sumScores).toBeCloseTo(87, 12);
    expect(t.computed).toBeCloseTo(96.5, 12);
    expect(t.grade).toBe("优");
    expect(t.impossible).toBe(false);
  });

  it("a block without a stated weight leaves the headings' sum unknown", () => {
    const t = factsOf(grid(["效益指标", "社会效益指标", "带动就业人数", "≥200人", "180人", 27, ""])).total;
    expect(t.headingWeights).toBeNull();
    expect(t.indicatorWeights).toBeNull();
    // 10 + 0
    expect(t.allWeights).toBe(10);
  });

  it("年度绩效目标（80分）stands in when a block states no weight", () => {
    const facts = factsOf(
      gridFromRows("自评表", [
        ["项目支出绩效自评表"],
        ["预算执行情况（20分）"],
        ["", "全年预算数", "全年执行数", "执行率", "得分"],
        ["年度资金总额", 200, 190, 0.95, 19],
        ["年度绩效目标（80分）"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分", "偏差原因分析"],
        ["产出指标（50分）", "数量指标", "举办培训期数", "≥10期", "10期", 50, ""],
        ["效益指标（20分）", "社会效益指标", "带动就业人数", "≥200人", "200人", 20, ""],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, ""],
        ["总分", "", "", "", "", 99, ""],
      ]),
    );
    expect(facts.total.headingWeights).toBeNull();
    expect(facts.total.indicatorWeights).toBe(80);
    // 20 + 80
    expect(facts.total.allWeights).toBe(100);
    // 19 + 50 + 20 + 10 = 99
    expect(facts.total.computed).toBeCloseTo(99, 12);
  });
});

// ── Blocks ──────────────────────────────────────────────────────────────────────────────────────

describe("block facts", () => {
  it("sums each block's weights and effective scores", () => {
    // 产出: 24.95 (499 ÷ 500 × 25) + 25 of 50; 效益 30 of 30; 满意度 10 of 10
    const blocks = factsOf(
      withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "499人次", 25, null, ""]),
    ).blocks;
    expect(blocks.map((b) => [b.block.level1, b.weight])).toEqual([
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 10],
    ]);
    expect(blocks[0].score).toBeCloseTo(49.95, 12);
    expect(blocks[1].score).toBe(30);
    expect(blocks[2].score).toBe(10);
    expect(blocks.map((b) => [b.stated, b.expectedWeight])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(blocks[0].typedSubtotal).toEqual({ kind: "blank" });
  });

  it("leaves out an indicator marked 不适用, and counts an unknown score as 0", () => {
    const na = factsOf(withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "不适用", 25, null, ""]));
    expect([na.blocks[0].weight, na.blocks[0].score]).toEqual([25, 25]);
    const unknown = factsOf(withIndicator(0, ["产出指标", "数量指标", "培训人次", null, "520人次", 25, null, ""]));
    expect([unknown.blocks[0].weight, unknown.blocks[0].score]).toEqual([50, 25]);
  });

  it("enforceBlockWeights=on expects 50 / 30 / 10; a weight in the label wins", () => {
    const enforced = factsOf(centralGrid(), central({ enforceBlockWeights: "on" })).blocks;
    expect(enforced.map((b) => b.expectedWeight)).toEqual([50, 30, 10]);
    const labelled = factsOf(
      withIndicator(0, ["产出指标（40分）", "数量指标", "培训人次", "≥500人次", "520人次", 25, 25, ""]),
      central({ enforceBlockWeights: "on" }),
    ).blocks[0];
    expect(labelled.stated).toBe(40);
    expect(labelled.expectedWeight).toBe(40);
  });

  it("a heading row states the block's weight and holds its 小计", () => {
    // 470 ÷ 500 × 25 = 23.5, + 25 = 48.5
    const facts = factsOf(
      centralGrid({
        indicators: [
          ["产出指标", "", "", "", "", 50, 48, ""],
          ["", "数量指标", "培训人次", "≥500人次", "470人次", 25, 23.5, "生源不足"],
          ["", "质量指标", "培训合格率", "≥95%", "96%", 25, 25, ""],
          ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
          ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
        ],
        total: [100, 98],
      }),
    );
    const b = facts.blocks[0];
    expect(b.stated).toBe(50);
    expect(b.weight).toBe(50);
    expect(b.score).toBeCloseTo(48.5, 12);
    expect(b.typedSubtotal).toEqual({ kind: "number", value: 48, unit: null });
    const fig = facts.figures.find((f) => f.key === "block.产出指标.score")!;
    expect(fig.value).toBeCloseTo(48.5, 12);
    expect(fig.cell).toBe("H11");
    expect(fig.arithmetic).toBe("23.5 + 25 = 48.50");
    expect(facts.computed.find((c) => c.slot.a1 === "H11")).toMatchObject({ value: 48.5, numFmt: "0.00" });
    // 9.5 + 48.5 + 30 + 10 = 98
    expect(facts.total.computed).toBeCloseTo(98, 12);
  });
});

describe("block facts: two blocks of the same name", () => {
  it("key their subtotal figures apart, the second by its row", () => {
    // 5 of 5; then 80 ÷ 90 × 5 = 4.4444
    const facts = factsOf(
      centralGrid({
        indicators: [
          ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 50, 50, ""],
          ["效益指标", "社会效益指标", "服务覆盖面", "≥90%", "93%", 30, 30, ""],
          ["满意度指标", "", "", "", "", 5, null, ""],
          ["", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 5, 5, ""],
          ["满意度指标", "", "", "", "", 5, null, ""],
          ["", "服务对象满意度指标", "家长满意度", "≥90%", "80%", 5, null, "宣传不足"],
        ],
        total: [100, null],
      }),
    );
    expect(facts.blocks.map((b) => [b.block.level1, b.weight])).toEqual([
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 5],
      ["满意度指标", 5],
    ]);
    const subtotals = facts.figures.filter((f) => f.key.startsWith("block."));
    expect(subtotals.map((f) => [f.key, f.cell])).toEqual([
      ["block.满意度指标.score", "H13"],
      ["block.满意度指标.15.score", "H15"],
    ]);
    expect(subtotals[0].value).toBeCloseTo(5, 12);
    expect(subtotals[1].value).toBeCloseTo(4.444444, 6);
  });
});

// ── Total and grade ─────────────────────────────────────────────────────────────────────────────

describe("total facts: the default table", () => {
  const facts = factsOf(centralGrid());
  const t = facts.total;

  it("9.50 + 90.00 = 99.50 → 优", () => {
    expect(t.computed).toBeCloseTo(99.5, 12);
    expect(t.arithmetic).toBe("9.50（预算执行）+ 90.00（绩效指标）= 99.50");
    expect(t.grade).toBe("优");
    expect(t.gradeArithmetic).toBe("99.50 → 优（优 ≥ 90，良 ≥ 80，中 ≥ 60）");
  });

  it("sums the weights: 10 + 90 = 100", () => {
    expect(t).toMatchObject({
      weightColumn: true,
      indicatorWeights: 90,
      headingWeights: null,
      sumWeights: 90,
      excluded: 0,
      allWeights: 100,
      statedTotal: 100,
      unknown: 0,
      cap: null,
      impossible: false,
    });
    expect(t.sumScores).toBeCloseTo(90, 12);
  });

  it("reads the typed 总分", () => {
    expect(t.typedTotal).toEqual({ kind: "number", value: 99.5, unit: null });
    expect(facts.totalSummary).toEqual({ computed: t.computed, reported: 99.5, grade: "优", provisional: null });
  });

  it("reports no typed total when the 总分 cell holds text", () => {
    const text = factsOf(centralGrid({ total: [100, "九十九"] }));
    expect(text.total.typedTotal).toEqual({ kind: "text", text: "九十九" });
    expect(text.totalSummary.reported).toBeNull();
  });
});

describe("total facts: the grade at its bounds", () => {
  /** Budget executed `executed` of 100 (分值 10); 达标项 met (分值 `met`), 未达标项 0 of 10 (分值 90 − met). */
  const graded = (met: number, executed: number) =>
    factsOf(
      centralGrid({
        budget: [["年度资金总额", 100, 100, executed, 10, null, null]],
        indicators: [
          ["产出指标", "数量指标", "达标项", "≥10个", "10个", met, null, ""],
          ["效益指标", "社会效益指标", "未达标项", "≥10个", "0个", 90 - met, null, "未开展"],
        ],
        total: [100, null],
      }),
    ).total;

  it.each<[number, number, number, string]>([
    // 100 ÷ 100 × 10 + 80 + 0 = 90
    [80, 100, 90, "优"],
    // 99.9 ÷ 100 × 10 = 9.99, + 80 = 89.99
    [80, 99.9, 89.99, "良"],
    [70, 100, 80, "良"],
    [70, 99.9, 79.99, "中"],
    [50, 100, 60, "中"],
    [50, 99.9, 59.99, "差"],
  ])("%d met of 90 and %d spent: %d → %s", (met, executed, total, grade) => {
    const t = graded(met, executed);
    expect(t.computed).toBeCloseTo(total, 10);
    expect(t.grade).toBe(grade);
  });
});

describe("total facts: weights over the total", () => {
  /** Budget 分值 `exec` (fully spent) and two indicators of `weights`, both met. */
  const weighted = (exec: number, weights: [number, number], na = false) =>
    factsOf(
      centralGrid({
        budget: [["年度资金总额", 100, 100, 100, exec, null, null]],
        indicators: [
          ["产出指标", "数量指标", "完成量", "≥10个", "10个", weights[0], null, ""],
          ["效益指标", "社会效益指标", "受益人数", "≥100人", na ? "不适用" : "100人", weights[1], null, ""],
        ],
        total: [100, null],
        grade: "",
      }),
    );

  it("20 + 60 + 40 = 120 against 100: computed, but impossible to grade and never written", () => {
    const facts = weighted(20, [60, 40]);
    expect(facts.total.allWeights).toBe(120);
    expect(facts.total.impossible).toBe(true);
    // 20 + 60 + 40 = 120
    expect(facts.total.computed).toBeCloseTo(120, 12);
    expect(facts.total.grade).toBeNull();
    expect(facts.total.gradeArithmetic).toBe("");
    expect(facts.computed.map((c) => c.figure)).not.toContain("total.score");
    expect(facts.computed.map((c) => c.figure)).not.toContain("total.grade");
  });

  it("10 + 60 + 30 = 100 exactly is gradable", () => {
    const facts = weighted(10, [60, 30]);
    expect(facts.total.impossible).toBe(false);
    expect(facts.total.grade).toBe("优");
  });

  it("10 + 60 + 30.01 = 100.01 is not", () => {
    expect(weighted(10, [60, 30.01]).total.impossible).toBe(true);
  });

  it("the weight of an indicator marked 不适用 still counts against the total", () => {
    // 10 + 60 = 70 scored, 40 excluded: 70 + 40 = 110 > 100
    const t = weighted(10, [60, 40], true).total;
    expect(t.excluded).toBe(40);
    expect(t.allWeights).toBe(70);
    expect(t.impossible).toBe(true);
  });
});

describe("total facts: 不适用 indicators and rescaling", () => {
  const na = (profile = CENTRAL) =>
    factsOf(withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "不适用", 25, null, ""]), profile).total;

  it("leaves them out: 9.5 + 65 = 74.5 → 中", () => {
    const t = na();
    expect(t.excluded).toBe(25);
    expect(t.sumWeights).toBe(65);
    // 10 + 65
    expect(t.allWeights).toBe(75);
    expect(t.impossible).toBe(false);
    expect(t.computed).toBeCloseTo(74.5, 12);
    expect(t.grade).toBe("中");
    expect(t.unknown).toBe(0);
  });

  it("rescaleNotApplicable=on: 74.5 × 100 ÷ 75 = 99.33 → 优", () => {
    const t = na(central({ rescaleNotApplicable: "on" }));
    expect(t.computed).toBeCloseTo(99.333333, 6);
    expect(t.arithmetic).toBe(
      "9.50（预算执行）+ 65.00（绩效指标）= 74.50；不适用指标 25 分剔除后折算：× 100 ÷ 75 = 99.33",
    );
    expect(t.grade).toBe("优");
  });

  it("rescaleNotApplicable=on changes nothing without a 不适用 indicator", () => {
    expect(factsOf(centralGrid(), central({ rescaleNotApplicable: "on" })).total.computed).toBeCloseTo(99.5, 12);
  });
});

describe("total facts: the cap by execution rate (scoreCapByExecution=on)", () => {
  const capped = central({ scoreCapByExecution: "on" });
  const spent = (executed: number, profile = capped) =>
    factsOf(withBudget(["年度资金总额", 100, 100, executed, 10, null, null]), profile).total;

  it.each<[number, number, number | null]>([
    // 75 ÷ 100 = 75%: 70–80% → at most 89 (7.5 + 90 = 97.5)
    [75, 89, 89],
    // 80% is not below 80%: 8 + 90 = 98
    [80, 98, null],
    // 79.99%: below 80% → 89
    [79.99, 89, 89],
    // 70% is in 70–80%: 89
    [70, 89, 89],
    [69.99, 79, 79],
    [60, 79, 79],
    [59.99, 69, 69],
    [50, 69, 69],
    [49.99, 59, 59],
  ])("%d%% spent: total %d", (executed, total, cap) => {
    const t = spent(executed);
    expect(t.computed).toBeCloseTo(total, 10);
    expect(t.cap?.cap ?? null).toBe(cap);
  });

  it("records the uncapped total and says the cap", () => {
    const t = spent(75);
    expect(t.cap).toEqual({ cap: 89, rate: 0.75, uncapped: 97.5 });
    expect(t.arithmetic).toBe("7.50（预算执行）+ 90.00（绩效指标）= 97.50；执行率 75.00%，总分上限 89");
    expect(t.grade).toBe("良");
  });

  it("a total already under the cap stays", () => {
    // 7.5 + (0 of 25) + 65 = 72.5 < 89
    const t = factsOf(
      withBudget(["年度资金总额", 100, 100, 75, 10, null, null], undefined, {
        indicators: [
          ["产出指标", "数量指标", "培训人次", "≥500人次", "0人次", 25, null, "停办"],
          ...DEFAULT_INDICATORS.slice(1),
        ],
      }),
      capped,
    ).total;
    expect(t.computed).toBeCloseTo(72.5, 12);
    expect(t.cap).toBeNull();
  });

  it("is off by default: 7.5 + 90 = 97.5", () => {
    const t = spent(75, CENTRAL);
    expect(t.computed).toBeCloseTo(97.5, 12);
    expect(t.cap).toBeNull();
  });
});

describe("total facts: scores that could not be established", () => {
  it("an indicator with no score to count is unknown, and the total says so", () => {
    // 9.5 + 0 + 65 = 74.5
    const t = factsOf(withIndicator(0, ["产出指标", "数量指标", "培训人次", null, "520人次", 25, null, ""])).total;
    expect(t.unknown).toBe(1);
    expect(t.computed).toBeCloseTo(74.5, 12);
    expect(t.arithmetic).toBe("9.50（预算执行）+ 65.00（绩效指标）= 74.50（其中 1 项无法核定，按填报分或 0 计）");
  });

  it("a scored budget with no rate is unknown too", () => {
    // 0 + 90 = 90
    const t = factsOf(withBudget(["年度资金总额", 0, 0, 0, 10, null, null])).total;
    expect(t.unknown).toBe(1);
    expect(t.computed).toBeCloseTo(90, 12);
  });

  it("an indicator marked 不适用 is not unknown", () => {
    expect(
      factsOf(withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "不适用", 25, null, ""])).total.unknown,
    ).toBe(0);
  });

  it("reads no stated total from an empty 总分 分值 cell", () => {
    expect(factsOf(centralGrid({ total: [null, null] })).total.statedTotal).toBeNull();
    expect(factsOf(centralGrid({ total: [90, null] })).total.statedTotal).toBe(90);
  });
});

// ── Computed cells ──────────────────────────────────────────────────────────────────────────────

describe("computed cells", () => {
  it("plans the rate, the scores, the total and the grade of the default table", () => {
    const computed = factsOf(centralGrid({ grade: "" })).computed;
    expect(computed.map((c) => [c.slot.a1, c.figure, c.value, c.numFmt])).toEqual([
      ["G4", "budget.rate", 0.95, "0.00%"],
      ["H4", "budget.score", 9.5, "0.00"],
      ["H11", "indicator.11.score", 25, "0.00"],
      ["H12", "indicator.12.score", 25, "0.00"],
      // the qualitative 服务覆盖面 (H13) is the officer's judgement: never planned
      ["H14", "indicator.14.score", 10, "0.00"],
      // 9.5 + 90 = 99.5
      ["H15", "total.score", 99.5, "0.00"],
      ["H16", "total.grade", "优", undefined],
    ]);
  });

  it("rounds the rate to 6 decimals and scores to 2", () => {
    // 3342.07 ÷ 3378.30 = 0.98927596 → 0.989276; 30 ÷ 31 × 25 = 24.1935 → 24.19
    const facts = factsOf(
      centralGrid({
        budget: [["年度资金总额", 3378.3, 3378.3, 3342.07, 10, null, null]],
        indicators: [
          ["产出指标", "成本指标", "培训成本", "≤30万元", "31万元", 25, null, "物价上涨"],
          ...DEFAULT_INDICATORS.slice(1),
        ],
      }),
    );
    const at = (a1: string) => facts.computed.find((c) => c.slot.a1 === a1)?.value;
    expect(at("G4")).toBe(0.989276);
    // 0.98927596 × 10 = 9.8927596 → 9.89
    expect(at("H4")).toBe(9.89);
    // one budget row: the indicators start at row 8
    expect(facts.indicators[0].row.score.a1).toBe("H8");
    expect(at("H8")).toBe(24.19);
  });

  it("never plans into a formula cell", () => {
    const facts = factsOf(
      withIndicator(0, [
        "产出指标",
        "数量指标",
        "培训人次",
        "≥500人次",
        "499人次",
        25,
        { value: 25, formula: "G11" },
        "",
      ]),
    );
    expect(facts.computed.map((c) => c.slot.a1)).not.toContain("H11");
    // the figure is still computed: 499 ÷ 500 × 25 = 24.95
    expect(facts.indicators[0].computed).toBeCloseTo(24.95, 12);
  });

  it("labels figures with the profile and its settings", () => {
    const facts = factsOf(centralGrid(), central({ lessIsBetterRule: "linear" }));
    expect(facts.figures.every((f) => f.profile === "central-2020（lessIsBetterRule=linear）")).toBe(true);
    expect(facts.figures.find((f) => f.key === "total.score")?.sheet).toBe("自评表");
  });
});
