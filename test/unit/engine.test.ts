import { gridFromRows } from "../../src/domain/grid";
import { PROFILES } from "../../src/domain/profile";
import {
  DEFAULT_BUDGET,
  DEFAULT_INDICATORS,
  centralGrid,
  centralRowsOf,
  check,
  expectFinding,
  expectNoFinding,
  findingsOf,
} from "../helpers/tables";

const rows = centralRowsOf();
const ind = (i: number) => rows.firstIndicator + i;

describe("a clean central table", () => {
  const r = check(centralGrid({ grade: "优" }));
  it("is read, scored and graded without findings", () => {
    expect(r.layout).toBe("central");
    expect(r.profile).toBe("central-2020");
    expect(r.budget.rate).toBeCloseTo(0.95, 6);
    expect(r.total.computed).toBeCloseTo(99.5, 6);
    expect(r.total.grade).toBe("优");
    expect(r.findings).toEqual([]);
  });
  it("gives every figure its profile and arithmetic", () => {
    const rate = r.figures.find((f) => f.key === "budget.rate")!;
    expect(rate.arithmetic).toBe("95.00 ÷ 100.00 = 95.00%");
    expect(rate.profile).toBe("central-2020");
    expect(rate.cell).toBe("G4");
  });
});

describe("arithmetic anchors", () => {
  it("3342.07 / 3378.30 → 98.93%, execution score 9.89", () => {
    const r = check(centralGrid({ budget: [["年度资金总额", 3378.3, 3378.3, 3342.07, 10, null, 9.89]] }));
    expect(r.budget.rate).toBeCloseTo(0.989276, 6);
    expect(r.figures.find((f) => f.key === "budget.rate")!.arithmetic).toBe("3342.07 ÷ 3378.30 = 98.93%");
    expect(r.figures.find((f) => f.key === "budget.score")!.display).toBe("9.89");
    expectNoFinding(
      centralGrid({ budget: [["年度资金总额", 3378.3, 3378.3, 3342.07, 10, null, 9.89]] }),
      "exec-score-mismatch",
    );
  });

  it("37.24 / 43.2 → 86.20%, score 8.62 (as the budget and as an indicator)", () => {
    const asBudget = check(centralGrid({ budget: [["年度资金总额", 43.2, 43.2, 37.24, 10, 0.862, 8.62]] }));
    expect(asBudget.figures.find((f) => f.key === "budget.rate")!.display).toBe("86.20%");
    expect(asBudget.budget.score).toBeCloseTo(8.62, 2);
    const indicators = [...DEFAULT_INDICATORS];
    indicators[0] = ["产出指标", "数量指标", "完成量", 43.2, 37.24, 25, 21.55, "进度滞后"];
    const asIndicator = check(centralGrid({ indicators }));
    const fig = asIndicator.figures.find((f) => f.key === `indicator.${ind(0)}.score`)!;
    expect(fig.arithmetic).toContain("37.24 ÷ 43.2 × 25 = 21.55");
    expect(fig.arithmetic).toContain("按“≥”理解");
  });

  it("a total row of 0/0/0 over a sub-row of 90/89.974/89.974 → budget-total-mismatch", () => {
    const budget = [
      ["年度资金总额", 0, 0, 0, 10, null, null],
      ["其中：当年财政拨款", 90, 90, 89.974, null, null, null],
    ];
    const g = centralGrid({ budget });
    expectFinding(g, "budget-total-mismatch", "C4");
    expectFinding(g, "budget-total-mismatch", "D4");
    expectFinding(g, "budget-total-mismatch", "E4");
    // The rate is computed from the rows that hold the money, and says so.
    const r = check(g);
    expect(r.budget.rate).toBeCloseTo(89.974 / 90, 6);
    expect(r.figures.find((f) => f.key === "budget.rate")!.arithmetic).toContain("按明细行合计");
  });

  it("blocks of 20 + 60 + 40 against 总分 100 → weights-sum on the 总分 分值 cell", () => {
    const budget = [["年度资金总额", 100, 100, 100, 20, 1, 20]];
    const indicators = [
      ["产出指标", "数量指标", "完成量", "≥10个", "10个", 60, 60, ""],
      ["效益指标", "社会效益指标", "受益人数", "≥100人", "100人", 40, 40, ""],
    ];
    const g = centralGrid({ budget, indicators, total: [100, 120] });
    const r = centralRowsOf({ budget, indicators });
    expectFinding(g, "weights-sum", `G${r.total}`);
  });
});

describe("budget rules", () => {
  it("exec-over-budget on the total row's 执行数", () => {
    expectFinding(centralGrid({ budget: [["年度资金总额", 100, 100, 120, 10, 1.2, 10]] }), "exec-over-budget", "E4");
  });
  it("overspending earns no extra points", () => {
    const r = check(centralGrid({ budget: [["年度资金总额", 100, 100, 120, 10, 1.2, 10]] }));
    expect(r.budget.score).toBe(10);
  });
  it("exec-rate-mismatch, but a 0.86 in a 0% cell agrees with 86.20%", () => {
    expectFinding(
      centralGrid({ budget: [["年度资金总额", 43.2, 43.2, 37.24, 10, 0.9, 8.62]] }),
      "exec-rate-mismatch",
      "G4",
    );
    const agreeing = centralGrid({
      budget: [["年度资金总额", 43.2, 43.2, 37.24, 10, { value: 0.86, numFmt: "0%" }, 8.62]],
    });
    expectNoFinding(agreeing, "exec-rate-mismatch");
  });
  it("exec-score-mismatch when the typed execution score differs", () => {
    expectFinding(centralGrid({ budget: [["年度资金总额", 100, 100, 95, 10, 0.95, 10]] }), "exec-score-mismatch", "H4");
  });
  it("a zero budget is a finding, not a crash", () => {
    const r = check(centralGrid({ budget: [["年度资金总额", 0, 0, 0, 10, null, null]] }));
    expect(r.budget.rate).toBeNull();
    expect(r.findings.some((f) => f.cell === "D4")).toBe(true);
  });
  it("a budget so small the rate overflows is reported, not Infinity (regression from fuzzing)", () => {
    const r = check(centralGrid({ budget: [["年度资金总额", 5e-324, 5e-324, 95, 10, null, null]] }));
    expect(r.budget.rate).toBeNull();
    expect(r.total.computed === null || Number.isFinite(r.total.computed)).toBe(true);
  });
  it("amounts typed as text with 千分位 and full-width digits are read", () => {
    const r = check(
      centralGrid({ budget: [["年度资金总额", "3,378.30", "３３７８．３０", "3,342.07万元", 10, null, 9.89]] }),
    );
    expect(r.budget.rate).toBeCloseTo(0.989276, 6);
  });
  it("value-not-number for text in an amount cell", () => {
    expectFinding(
      centralGrid({ budget: [["年度资金总额", 100, 100, "见附表", 10, null, null]] }),
      "value-not-number",
      "E4",
    );
  });
});

describe("indicator rules", () => {
  const withRow = (i: number, row: unknown[]) => {
    const indicators = DEFAULT_INDICATORS.map((r) => [...r]);
    indicators[i] = row as never[];
    return centralGrid({ indicators });
  };

  it("score-mismatch: 37.24 against 43.2 with w = 10 scores 8.62, a typed 9 is wrong", () => {
    const indicators = [
      ["产出指标", "数量指标", "完成量", "43.2", "37.24", 10, 9, "进度滞后"],
      ["产出指标", "质量指标", "合格率", "≥95%", "96%", 40, 40, ""],
      ["效益指标", "社会效益指标", "覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "93%", 10, 10, ""],
    ];
    expectFinding(centralGrid({ indicators }), "score-mismatch", `H${ind(0)}`);
  });

  it("integer rounding is accepted only by a profile that allows it", () => {
    const indicators = [["产出指标", "数量指标", "完成量", "43.2", "37.24", 10, 9, "进度滞后"]];
    const g = centralGrid({ indicators });
    expect(findingsOf(g)).toContain(`score-mismatch@H${ind(0)}`);
    const lenient = { ...PROFILES["central-2020"], integerScores: true };
    const { scoresAgree } = jest.requireActual("../../src/domain/precision");
    expect(scoresAgree(9, 8.62, lenient)).toBe(true);
    expect(scoresAgree(9, 8.62, PROFILES["central-2020"])).toBe(false);
  });

  it("≤ targets: within the target is full marks, above it w × A/B", () => {
    const r = check(withRow(0, ["产出指标", "成本指标", "单位成本", "≤90万元", "100万元", 25, 22.5, "物价上涨"]));
    expect(r.figures.find((f) => f.key === `indicator.${ind(0)}.score`)!.value).toBeCloseTo(22.5, 6);
    expectNoFinding(
      withRow(0, ["产出指标", "成本指标", "单位成本", "≤90万元", "100万元", 25, 22.5, "物价上涨"]),
      "score-mismatch",
    );
  });

  it("a bare target under 成本指标 reads as ≤", () => {
    const r = check(withRow(0, ["产出指标", "成本指标", "单位成本", "90万元", "80万元", 25, 25, ""]));
    const fig = r.figures.find((f) => f.key === `indicator.${ind(0)}.score`)!;
    expect(fig.value).toBe(25);
    expect(fig.arithmetic).toContain("按“≤”理解");
  });

  it("value-not-number: 完成 as the actual of ≤30万元", () => {
    expectFinding(
      withRow(0, ["产出指标", "成本指标", "成本", "≤30万元", "完成", 25, 25, ""]),
      "value-not-number",
      `F${ind(0)}`,
    );
  });

  it("required-blank for an empty 实际完成值", () => {
    expectFinding(
      withRow(0, ["产出指标", "数量指标", "人次", "≥500人次", "", 25, 25, ""]),
      "required-blank",
      `F${ind(0)}`,
    );
  });

  it("weight-invalid for a 分值 of 0", () => {
    expectFinding(
      withRow(0, ["产出指标", "数量指标", "人次", "≥500人次", "520人次", 0, 0, ""]),
      "weight-invalid",
      `G${ind(0)}`,
    );
  });

  it("score-exceeds-weight", () => {
    expectFinding(
      withRow(0, ["产出指标", "数量指标", "人次", "≥500人次", "520人次", 25, 26, ""]),
      "score-exceeds-weight",
      `H${ind(0)}`,
    );
  });

  it("qualitative-out-of-tier: 部分达成 typed 9 of 10, and the total never counts more than the tier allows", () => {
    const g = withRow(3, [
      "满意度指标",
      "服务对象满意度指标",
      "满意度",
      "群众满意",
      "部分达成年度指标并具有一定效果",
      10,
      9,
      "宣传不足",
    ]);
    expectFinding(g, "qualitative-out-of-tier", `H${ind(3)}`);
    const fig = check(g).figures.find((f) => f.key === `indicator.${ind(3)}.score`)!;
    expect(fig.value).toBeLessThan(8);
  });

  it("a qualitative result that fits no tier is reported, not guessed", () => {
    expectFinding(
      withRow(2, ["效益指标", "社会效益指标", "覆盖面", "逐步提升", "较好", 30, 28, ""]),
      "qualitative-unrated",
      `F${ind(2)}`,
    );
  });

  it("reason-missing when points are lost and the reason is 无", () => {
    expectFinding(
      withRow(0, ["产出指标", "数量指标", "人次", "≥500人次", "400人次", 25, 20, "无"]),
      "reason-missing",
      `I${ind(0)}`,
    );
  });

  it("over-completion when B ≥ 1.2A without an explanation", () => {
    expectFinding(
      withRow(0, ["产出指标", "数量指标", "人次", "≥500人次", "700人次", 25, 25, ""]),
      "over-completion",
      `F${ind(0)}`,
    );
    expectNoFinding(
      withRow(0, ["产出指标", "数量指标", "人次", "≥500人次", "700人次", 25, 25, "新增培训班"]),
      "over-completion",
    );
  });

  it("unit-mismatch for 百分比 and for different units", () => {
    expectFinding(
      withRow(1, ["产出指标", "质量指标", "合格率", "≥100百分比", "100%", 25, 25, ""]),
      "unit-mismatch",
      `F${ind(1)}`,
    );
    expectFinding(
      withRow(0, ["产出指标", "数量指标", "人次", "≥500人次", "520个", 25, 25, ""]),
      "unit-mismatch",
      `F${ind(0)}`,
    );
  });

  it("duplicate-exec-indicator when 预算执行率 is scored again", () => {
    expectFinding(
      withRow(1, ["产出指标", "质量指标", "预算执行率", "≥90%", "95%", 25, 25, ""]),
      "duplicate-exec-indicator",
      `D${ind(1)}`,
    );
  });

  it("template-text-left for placeholders and instructions", () => {
    expectFinding(
      withRow(1, ["产出指标", "质量指标", "指标1", "", "", "", "", ""]),
      "template-text-left",
      `D${ind(1)}`,
    );
    expectFinding(
      withRow(0, ["产出指标", "数量指标", "人次", "≥500人次", "520人次", 25, 25, "(100字以内)"]),
      "template-text-left",
      `I${ind(0)}`,
    );
  });
});

describe("totals", () => {
  it("total-mismatch when the typed 总分 differs from the sum", () => {
    expectFinding(centralGrid({ total: [100, 100] }), "total-mismatch", `H${rows.total}`);
  });
  it("the grade cell is checked against the computed grade", () => {
    expectFinding(centralGrid({ total: [100, 99.5], grade: "良" }), "total-mismatch", `H${rows.total + 1}`);
  });
  it("weights-sum when a block's stated weight differs from its indicators", () => {
    const indicators = DEFAULT_INDICATORS.map((r) => [...r]);
    indicators[0][0] = "产出指标(55分)";
    expectFinding(centralGrid({ indicators }), "weights-sum", `B${ind(0)}`);
  });
});

describe("goals", () => {
  it("text-copied when 实际完成情况 repeats 预期目标", () => {
    expectFinding(centralGrid({ goals: [["完成培训任务", "完成培训任务"]] }), "text-copied", `F${rows.goalHeader + 1}`);
  });
  it("a comparison with last year is not a copied text, last year's account is", () => {
    expectNoFinding(centralGrid({ goals: [["完成培训任务", "培训人次较2022年增长10%"]] }), "text-copied");
    expectFinding(
      centralGrid({ goals: [["完成培训任务", "2022年，完成培训500人次"]] }),
      "text-copied",
      `F${rows.goalHeader + 1}`,
    );
  });
  it("text-copied when the account names a later year than the table", () => {
    expectFinding(
      centralGrid({ goals: [["完成培训任务", "2024年完成培训任务"]] }),
      "text-copied",
      `F${rows.goalHeader + 1}`,
    );
  });
  // The last four digits of a longer number are not a year: "12024年" is no 2024.
  it("reads a year only where it stands alone", () => {
    expectNoFinding(centralGrid({ goals: [["完成培训任务", "累计培训12024年次"]] }), "text-copied");
    expect(check(centralGrid({ title: "项目支出绩效自评表（22023年度）" })).table?.year).toBeNull();
    expect(check(centralGrid({ title: "项目支出绩效自评表（2023年度）" })).table?.year).toBe(2023);
  });
});

describe("layout", () => {
  it("finds the 自评表 on the third of several sheets", () => {
    const r = check([
      gridFromRows("说明", [["填表说明"]]),
      gridFromRows("封面", [["单位名称", "某局"]]),
      centralGrid({}, "Sheet3"),
    ]);
    expect(r.sheet).toBe("Sheet3");
    expect(r.total.computed).toBeCloseTo(99.5, 6);
  });
  it("an unknown layout yields layout-unrecognized naming the expected label", () => {
    const r = check([
      gridFromRows("名单", [
        ["姓名", "电话"],
        ["张三", "123"],
      ]),
    ]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].rule).toBe("layout-unrecognized");
    expect(r.findings[0].cell).toBe("A1");
    expect(r.findings[0].message["zh-CN"]).toContain("三级指标");
  });
  it("a missing required column is named", () => {
    const g = gridFromRows("自评表", [["一级指标", "二级指标", "三级指标", "年度指标值", "分值", "得分"]]);
    const r = check(g);
    expect(r.findings.map((f) => f.rule)).toEqual(["layout-unrecognized"]);
    expect(r.findings[0].message["zh-CN"]).toContain("实际完成值");
  });
  it("reads labels with 分散对齐 spaces, line breaks and （A） suffixes", () => {
    const rowsWithOddHeaders = centralGridRowsWith({
      2: [
        "项目资金（万元）",
        "",
        "年初预算数",
        "全年预算数\n（A）",
        "全年执行数（B）",
        "分 值",
        "执行率\n(B/A)",
        "得  分",
      ],
    });
    expect(check(rowsWithOddHeaders).budget.rate).toBeCloseTo(0.95, 6);
  });
  it("the plan never writes an input cell", () => {
    const r = check(centralGrid({ budget: DEFAULT_BUDGET }));
    const allowed = new Set(["G4", "H4", ...[0, 1, 3].map((i) => `H${ind(i)}`), `H${rows.total}`]);
    for (const v of r.plan.values) expect(allowed.has(v.cell)).toBe(true);
  });
});

function centralGridRowsWith(replace: Record<number, unknown[]>) {
  const g = centralGrid();
  const out = gridFromRows("自评表", []);
  for (const { row, col, cell } of g.entries()) if (replace[row - 1] === undefined) out.set(row, col, cell);
  for (const [r, values] of Object.entries(replace))
    values.forEach((v, c) => v !== "" && out.set(Number(r) + 1, c + 1, { value: v as string }));
  return out;
}

describe("profile settings (off by default)", () => {
  const one = (row: unknown[], budget?: unknown[][]) =>
    centralGrid({ indicators: [row as never[]], budget: budget as never, total: [100, null] });

  it("integerScores accepts 9 for a computed 8.62", () => {
    const g = one(["产出指标", "数量指标", "完成量", "43.2", "37.24", 10, 9, "进度滞后"]);
    expect(findingsOf(g)).toContain(`score-mismatch@H${ind(0)}`);
    expect(findingsOf(g, { settings: { integerScores: "on" } })).not.toContain(`score-mismatch@H${ind(0)}`);
    const fig = check(g, { settings: { integerScores: "on" } }).figures.find((f) => f.key === "total.score")!;
    expect(fig.profile).toBe("central-2020（integerScores=on）");
    // What a reviewer reads (the notes, the 口径 column) names the setting in words, not by its id; the profile
    // was chosen automatically, so it reads 按中央口径.
    expect(fig.profileTitle).toEqual({
      "zh-CN": "按中央口径（财预〔2020〕10号）（另设 得分取整：开启）",
      "en-US": "Central rules by default (Cai Yu [2020] No. 10) (with whole-point scores: on)",
    });
  });

  it("execReasonThreshold asks for a reason below 90% even in the central profile", () => {
    const g = centralGrid({ budget: [["年度资金总额", 100, 100, 75, 10, 0.75, 7.5]] });
    expectNoFinding(g, "exec-low-no-reason");
    expectFinding(g, "exec-low-no-reason", "G4", { settings: { execReasonThreshold: "90%" } });
  });

  it("scoreCapByExecution caps the total at 79 for a 65% execution", () => {
    const g = centralGrid({ budget: [["年度资金总额", 100, 100, 65, 10, 0.65, 6.5]], total: [100, 96.5] });
    expect(check(g).total.computed).toBeCloseTo(96.5, 6);
    const capped = check(g, { settings: { scoreCapByExecution: "on" } });
    expect(capped.total.computed).toBe(79);
    expect(capped.findings.map((f) => f.rule)).toContain("score-cap");
  });

  it("deviationPenalty takes 2 points at 130% of target, never silently otherwise", () => {
    const row = ["产出指标", "数量指标", "人次", "≥500人次", "700人次", 25, 25, "新增培训班"];
    const g = centralGrid({ indicators: [row as never[]] });
    const key = `indicator.${ind(0)}.score`;
    expect(check(g).figures.find((f) => f.key === key)!.value).toBe(25);
    expect(check(g, { settings: { deviationPenalty: "on" } }).figures.find((f) => f.key === key)!.value).toBe(23);
  });

  it("scoreAheadOfExecution warns when scores run ahead of spending", () => {
    const budget = [["年度资金总额", 100, 100, 60, 10, 0.6, 6]];
    const g = centralGrid({ budget, total: [100, 96] });
    expectNoFinding(g, "score-ahead-of-execution");
    const at = `H${centralRowsOf({ budget }).total}`;
    expectFinding(g, "score-ahead-of-execution", at, { settings: { scoreAheadOfExecution: "5%" } });
  });

  it("linear ≤ rule and 80/50 tiers change the arithmetic", () => {
    const cost = ["产出指标", "成本指标", "成本", "≤90万元", "100万元", 10, 10, "超支"];
    const key = `indicator.${ind(0)}.score`;
    const linear = check(centralGrid({ indicators: [cost as never[]] }), { settings: { lessIsBetterRule: "linear" } });
    expect(linear.figures.find((f) => f.key === key)!.value).toBeCloseTo(10 * (1 - 10 / 90), 6);
    const partly = [
      "满意度指标",
      "服务对象满意度指标",
      "满意度",
      "群众满意",
      "部分达成年度指标并具有一定效果",
      10,
      5.5,
      "宣传不足",
    ];
    const g = centralGrid({ indicators: [partly as never[]] });
    expectFinding(g, "qualitative-out-of-tier", `H${ind(0)}`);
    expectNoFinding(g, "qualitative-out-of-tier", { settings: { tiers: "80/50" } });
  });

  it("an unknown setting is API misuse and says which", () => {
    expect(() => check(centralGrid(), { settings: { nonsense: "1" } })).toThrow(/nonsense=1/);
  });
});

describe("部门整体 variants", () => {
  it("a total broken down twice (by source of funds and by kind of spending) adds up per breakdown", () => {
    const budget = [
      ["年度资金总额：", 500, 500, 480, 10, 0.96, 9.6],
      ["按收入性质分：", null, null, null, null, null, null],
      ["其中：一般公共预算：", 450, 450, 430, null, null, null],
      ["其他资金：", 50, 50, 50, null, null, null],
      ["按支出性质分：", null, null, null, null, null, null],
      ["其中：基本支出：", 300, 300, 290, null, null, null],
      ["项目支出：", 200, 200, 190, null, null, null],
    ];
    expectNoFinding(centralGrid({ budget }), "budget-total-mismatch");
    const wrong = budget.map((r) => [...r]);
    wrong[6][3] = 150;
    expectFinding(centralGrid({ budget: wrong }), "budget-total-mismatch", "E4");
  });

  it("a budget block without 分值/得分 reports the money but scores nothing itself", () => {
    const g = gridFromRows("自评表", [
      ["部门整体支出绩效自评表（2023年度）"],
      ["", "年初预算数", "全年预算数", "全年执行数"],
      ["年度资金总额", 100, 100, 90],
      ["一级指标", "二级指标", "三级指标", "指标值", "全年实际值", "指标分值", "实际得分", "原因"],
      ["过程", "预算执行", "预算执行率", "≥90%", "90%", 20, 20, ""],
      ["产出", "数量指标", "完成项目", "≥10个", "10个", 80, 80, ""],
      ["总分", "", "", "", "", 100, 100, ""],
    ]);
    const r = check(g);
    expect(r.budget.rate).toBeCloseTo(0.9, 6);
    expect(r.budget.score).toBeNull();
    expect(r.total.computed).toBeCloseTo(100, 6);
    expect(r.findings.map((f) => f.rule)).toEqual([]);
  });
});

describe("Chongqing 得分系数", () => {
  it("the score must be 得分系数 × 分值", () => {
    const rows = (score: number) =>
      gridFromRows("自评表", [
        ["", "年初预算数", "全年预算数", "全年执行数", "执行率权重", "执行率", "执行率得分"],
        ["年度资金总额", 100, 100, 100, 10, 1, 10],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分系数(%)", "得分", "原因"],
        [
          "产出指标",
          "质量指标",
          "验收合格率",
          "效果明显",
          "部分达成年度指标并具有一定效果",
          90,
          70,
          score,
          "部分未验收",
        ],
        ["总分", "", "", "", "", 100, "", 10 + score, ""],
      ]);
    expectFinding(rows(72), "score-mismatch", "H4");
    expectNoFinding(rows(63), "score-mismatch");
  });
});

describe("indicator header synonyms", () => {
  it.each([
    [["一级", "二级", "三级", "年度指标值（A）", "实际完成指标值（B）", "权重分", "自评分", "偏差说明"]],
    [["一级指标", "二级指标", "具体指标", "计划指标值", "全年实际值", "标准分", "得分", "未完成原因和改进措施"]],
  ])("%j is read as an indicator header", (header) => {
    const g = gridFromRows("自评表", [
      ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 100, 100, 10, 1, 10],
      header,
      ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 90, 90, ""],
      ["总分", "", "", "", "", 100, 100, ""],
    ]);
    const r = check(g);
    expect(r.findings.map((f) => f.rule)).toEqual([]);
    expect(r.total.computed).toBeCloseTo(100, 6);
  });
});

describe("scorecard tables (评分标准 instead of 年度指标值 / 实际完成值)", () => {
  const scorecard = (score2: number, reason2: string) =>
    gridFromRows("自评表", [
      ["部门整体支出绩效自评表（2023年度）"],
      ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
      ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因"],
      ["投入", "预算编制", "预算编制科学性", "预算编制合理得满分，否则酌情扣分", 45, 45, ""],
      ["过程", "预算管理", "资金使用合规性", "无违规得满分，发现一处扣5分", 45, score2, reason2],
      ["总分", "", "", "", 100, "", ""],
    ]);

  it("is recognised and scored by judgement: range and explanation are checked, nothing is computed", () => {
    const r = check(scorecard(40, "发现一处支出凭证不规范"));
    expect(r.layout).toBe("department");
    expect(r.findings.map((f) => f.rule)).toEqual(["required-blank"]);
    expect(r.total.computed).toBeCloseTo(94.5, 6);
    expect(r.plan.values.map((v) => v.figure)).not.toContain("indicator.6.score");
  });

  it("flags a deduction without a reason and a score above the weight", () => {
    expectFinding(scorecard(40, ""), "reason-missing", "G6");
    expectFinding(scorecard(50, ""), "score-exceeds-weight", "F6");
  });

  it("still names 实际完成值 when only the actual column is missing", () => {
    const g = gridFromRows("自评表", [["一级指标", "二级指标", "三级指标", "年度指标值", "分值", "得分"]]);
    expect(check(g).findings[0].message["zh-CN"]).toContain("实际完成值");
  });
});
