/**
 * The header reader on small grids of each family that broke the first reader (issue 8): two-row headers, group
 * headers over the row labels, no 分值 column, label/value budget blocks, a definition column under 指标分值, the
 * total in the heading, and the officer's correction. Each test states which column holds which role, by hand.
 */
import { checkWorkbook, gridFromRows, type CheckDetail, type LayoutOverride } from "../../src/domain";
import type { CellValue } from "../../src/domain/grid";
import { TWO_ROW_BUDGET_MERGES, twoRowBudgetRows } from "../helpers/tables";

type Row = Array<CellValue | undefined>;

function read(rows: Row[], merges: string[] = [], layout?: LayoutOverride): CheckDetail {
  return checkWorkbook([gridFromRows("自评表", rows, merges)], layout ? { layout } : {});
}

/** role → column letter for one block, as read. */
function columns(r: CheckDetail, block: "budget" | "indicator" | "goal"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of r.reading?.roles ?? []) if (x.block === block) out[x.role] = x.column;
  return out;
}

const rules = (r: CheckDetail) => r.findings.map((f) => `${f.rule}@${f.cell}`);
const errors = (r: CheckDetail) => r.findings.filter((f) => f.severity === "error").map((f) => `${f.rule}@${f.cell}`);

const BUDGET_HEADER: Row = ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
// 95 ÷ 100 = 95.00% → 9.50 of 10.
const BUDGET_TOTAL: Row = ["", "年度资金总额", 100, 100, 95, 10, 0.95, 9.5];

describe("two-row indicator header: 年度指标值 over 指标性质 / 指标值 / 度量单位", () => {
  // Rows 5–6 are the header; D5:F5 is the merged parent; the single labels are merged down over both rows.
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["项目名称", "测试项目"],
    BUDGET_HEADER,
    BUDGET_TOTAL,
    ["一级指标", "二级指标", "三级指标", "年度指标值", "", "", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["", "", "", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "培训人次", "≥", 500, "人次", 520, 30, 30, ""],
    ["", "质量指标", "培训合格率", "≥", 95, "%", 96, 20, 20, ""],
    // "=" 100% against 90%: 30 × 90 ÷ 100 = 27.
    ["效益指标", "社会效益指标", "乡镇覆盖率", "=", 100, "%", 90, 30, 27, "两个乡镇未开班，明年补开"],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥", 90, "%", 93, 10, 10, ""],
    // 9.50 + 30 + 20 + 27 + 10 = 96.50.
    ["总分", "", "", "", "", "", "", 100, 96.5, ""],
  ];
  const merges = ["A5:A6", "B5:B6", "C5:C6", "D5:F5", "G5:G6", "H5:H6", "I5:I6", "J5:J6", "A7:A8"];

  it("reads each child as its own role and the parent as context", () => {
    const r = read(rows, merges);
    expect(columns(r, "indicator")).toEqual({
      level1: "A",
      level2: "B",
      name: "C",
      nature: "D",
      target: "E",
      unit: "F",
      actual: "G",
      weight: "H",
      score: "I",
      reason: "J",
    });
    expect(r.reading?.indicatorHeaderRows).toEqual([5, 6]);
    expect(r.reading?.indicatorRows).toEqual([7, 10]);
    expect(r.reading?.roles.find((x) => x.role === "target")?.header).toBe("年度指标值 / 指标值");
  });

  it("scores the table: 96.50, 优, no errors", () => {
    const r = read(rows, merges);
    expect(errors(r)).toEqual([]);
    expect(r.total.computed).toBeCloseTo(96.5, 2);
    expect(r.total.grade).toBe("优");
  });

  it("a wrong score under the two-row header is found at its cell", () => {
    const bad = rows.map((row) => [...row]);
    bad[8][8] = 29; // I9: 27 by the rule
    expect(rules(read(bad, merges))).toContain("score-mismatch@I9");
  });
});

describe("two-row score header: 自评得分 over 单项指标得分 / 权重占比(%) / 单项指标折算得分", () => {
  // 单项指标得分 is a mark out of 100; 折算得分 = mark ÷ 100 × 权重占比.
  const rows: Row[] = [
    ["部门整体支出绩效自评表"],
    ["部门名称", "测试局"],
    BUDGET_HEADER,
    BUDGET_TOTAL,
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "自评得分", "", "", "偏差原因"],
    ["", "", "", "", "", "单项指标得分", "权重占比(%)", "单项指标折算得分", ""],
    // 48 ÷ 50 = 96% → mark 96, 40 × 0.96 = 38.40.
    ["产出指标", "数量指标", "完成检查户数", "≥50户", "48户", 96, 40, 38.4, "两户停业，无法检查"],
    ["效益指标", "社会效益指标", "问题整改率", "≥90%", "95%", 100, 40, 40, ""],
    ["满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "92%", 100, 10, 10, ""],
    // 9.50 + 38.40 + 40 + 10 = 97.90.
    ["总分", "", "", "", "", "", 100, 97.9, ""],
  ];
  const merges = ["A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:H5", "I5:I6"];

  it("takes 权重占比 for the weight, 折算得分 for the score and the mark as the coefficient", () => {
    const r = read(rows, merges);
    expect(columns(r, "indicator")).toEqual({
      level1: "A",
      level2: "B",
      name: "C",
      target: "D",
      actual: "E",
      coefficient: "F",
      weight: "G",
      score: "H",
      reason: "I",
    });
    expect(errors(r)).toEqual([]);
    expect(r.total.computed).toBeCloseTo(97.9, 2);
  });

  it("is sure of each: a child's own synonym is not weakened by what the parent adds", () => {
    // G: 权重占比 names 分值 plainly (1); "权重占比" + "自评得分" fits 分值 only by its pattern (0.665), the weaker reading.
    const r = read(rows, merges);
    const sure = (role: string) => r.reading?.roles.find((x) => x.block === "indicator" && x.role === role)?.confidence;
    expect([sure("coefficient"), sure("weight"), sure("score")]).toEqual(["sure", "sure", "sure"]);
  });

  it("a 折算得分 that is not mark × weight is found", () => {
    const bad = rows.map((row) => [...row]);
    bad[6][7] = 40; // H7: 96% × 40 = 38.40
    expect(rules(read(bad, merges))).toContain("score-mismatch@H7");
  });
});

describe("two-row budget header: 预算执行情况 over 预算数 / 执行数 / 执行率", () => {
  // 57 ÷ 60 = 95.00% → 9.50.
  const rows: Row[] = twoRowBudgetRows();
  const merges = TWO_ROW_BUDGET_MERGES;

  it("reads the children as 全年预算数 / 全年执行数 / 执行率 and the merged singles over both rows", () => {
    const r = read(rows, merges);
    expect(columns(r, "budget")).toEqual({
      label: "A",
      planned: "B",
      executed: "C",
      rate: "D",
      weight: "E",
      score: "F",
    });
    expect(r.reading?.budgetHeaderRows).toEqual([2, 3]);
    expect(r.budget.rate).toBeCloseTo(0.95, 6);
    expect(r.total.computed).toBeCloseTo(99.5, 2);
    expect(errors(r)).toEqual([]);
  });
});

describe("a group header over the row labels: 年度预算数(万元) across the label column", () => {
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["年度预算数（万元）", "", "", "", "分值", "执行率", "得分"],
    ["", "年初预算数", "全年预算数", "全年执行数", "", "", ""],
    // 114 ÷ 120 = 95.00% → 9.50.
    ["总额", 120, 120, 114, 10, 0.95, 9.5],
    ["其中：财政资金", 100, 100, 95, "", "", ""],
    ["其他资金", 20, 20, 19, "", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "维修校舍面积", "≥1000平方米", "1200平方米", 50, 50, ""],
    ["效益指标", "社会效益指标", "安全隐患消除率", "=100%", "100%", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", "", "", "", "", 100, 99.5, ""],
  ];
  const merges = ["A2:D2", "E2:E3", "F2:F3", "G2:G3"];

  it("never takes the label column for 全年预算数", () => {
    const r = read(rows, merges);
    expect(columns(r, "budget")).toEqual({
      label: "A",
      initial: "B",
      planned: "C",
      executed: "D",
      weight: "E",
      rate: "F",
      score: "G",
    });
    expect(rules(r).filter((f) => f.startsWith("value-not-number"))).toEqual([]);
    expect(r.budget.rate).toBeCloseTo(0.95, 6);
    expect(r.total.computed).toBeCloseTo(99.5, 2);
  });
});

describe("no 分值 column: weights only in the block headings", () => {
  // 预算执行情况(20分): 190 ÷ 200 = 95.00% → 19.00; indicators scored by the unit, 80 in all.
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["预算执行情况（20分）"],
    ["", "全年预算数", "全年执行数", "执行率", "得分"],
    ["年度资金总额", 200, 190, 0.95, 19],
    ["年度绩效目标（80分）"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分", "偏差原因分析"],
    ["产出指标（50分）", "数量指标", "举办培训期数", "≥10期", "10期", 25, ""],
    ["", "质量指标", "培训合格率", "≥95%", "97%", 25, ""],
    ["效益指标（20分）", "社会效益指标", "带动就业人数", "≥200人", "180人", 17, ""],
    ["满意度指标（10分）", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, ""],
    // 19 + 25 + 25 + 17 + 10 = 96.
    ["总分", "", "", "", "", 96, ""],
  ];
  const merges = ["A7:A8"];

  it("reads the table without a weight column and takes the weights from the headings", () => {
    const r = read(rows, merges);
    expect(columns(r, "indicator")).toEqual({
      level1: "A",
      level2: "B",
      name: "C",
      target: "D",
      actual: "E",
      score: "F",
      reason: "G",
    });
    expect(r.reading?.weights).toBe("headings");
    expect(r.layout).toBe("city-20-80");
    expect(r.reading?.budgetWeight).toEqual({ weight: 20, cell: "A2" });
    expect(r.reading?.blocks.map((b) => [b.level1, b.weight])).toEqual([
      ["产出指标", 50],
      ["效益指标", 20],
      ["满意度指标", 10],
    ]);
  });

  it("checks what it can: execution out of 20, the total, a reason where a target was missed", () => {
    const r = read(rows, merges);
    expect(r.budget.score).toBeCloseTo(19, 6);
    expect(r.total.computed).toBeCloseTo(96, 6);
    // 带动就业人数 180 < 200 and no reason given.
    expect(rules(r)).toContain("reason-missing@G9");
    expect(rules(r).filter((f) => /weight-invalid|weights-sum|layout-unrecognized/.test(f))).toEqual([]);
    // Nothing per indicator is recomputed: no figure for a single indicator.
    expect(r.figures.filter((f) => f.key.startsWith("indicator."))).toEqual([]);
  });

  it("a block scoring over its heading's weight is an error on the block", () => {
    const bad = rows.map((row) => [...row]);
    bad[8][5] = 21; // F9: 效益指标 is worth 20
    expect(rules(read(bad, merges))).toContain("score-exceeds-weight@A9");
  });
});

describe("a budget block written as label / value pairs", () => {
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["项目名称", "测试项目"],
    // 115 ÷ 120 = 95.83% → 9.58 of the profile's 10.
    ["预算安排情况", 120, "资金到位情况", 120, "资金执行情况", 115, "预算执行进度（%）", 95.83],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "采购图书册数", "≥5000册", "5200册", 50, 50, ""],
    ["效益指标", "社会效益指标", "借阅人次", "≥2万人次", "2.1万人次", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "94%", 10, 10, ""],
    ["总分", "", "", "", "", 90, 90, ""],
  ];

  it("reads 预算数, 执行数 and 执行率 from their pairs", () => {
    const r = read(rows);
    expect(columns(r, "budget")).toEqual({ planned: "B", executed: "F", rate: "H" });
    expect(r.reading?.roles.filter((x) => x.block === "budget").every((x) => x.source === "pair")).toBe(true);
    expect(r.budget.planned).toBe(120);
    expect(r.budget.executed).toBe(115);
    expect(r.budget.rate).toBeCloseTo(115 / 120, 6);
    expect(rules(r)).not.toContain("exec-rate-mismatch@H3");
  });
});

describe("a definition column under 指标分值, the weights in 权重占比(%)", () => {
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    BUDGET_HEADER,
    BUDGET_TOTAL,
    ["一级指标", "二级指标", "三级指标", "指标分值", "年度指标值", "实际完成值", "权重占比（%）", "得分", "偏差原因"],
    ["产出指标", "数量指标", "新建公厕座数", "反映公厕建设任务完成情况", "≥20座", "20座", 50, 50, ""],
    ["效益指标", "社会效益指标", "公厕使用率", "反映公厕使用情况", "≥80%", "85%", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "反映群众对公厕的满意程度", "≥90%", "93%", 10, 10, ""],
    ["总分", "", "", "", "", "", 100, 99.5, ""],
  ];

  it("does not take text for weights, takes 权重占比 and says why", () => {
    const r = read(rows);
    const cols = columns(r, "indicator");
    expect(cols.weight).toBe("G");
    expect(cols.score).toBe("H");
    expect(Object.values(cols)).not.toContain("D");
    expect(errors(r)).toEqual([]);
    expect(r.total.computed).toBeCloseTo(99.5, 2);
    const said = r.findings.filter((f) => f.rule === "layout-assumption");
    expect(said.map((f) => f.cell)).toContain("D4");
    expect(said.find((f) => f.cell === "D4")?.severity).toBe("info");
  });
});

describe("the reported total in the heading: 自评总分(分) beside 主管部门", () => {
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["主管部门", "测试局", "自评总分（分）", 92.5],
    BUDGET_HEADER,
    BUDGET_TOTAL,
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "维修路灯盏数", "≥100盏", "90盏", 50, 45, "部分路灯待更换灯杆，明年完成"],
    ["效益指标", "社会效益指标", "亮灯率", "≥95%", "98%", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "95%", 10, 10, ""],
  ];

  it("finds the total in the heading and checks it: 9.50 + 45 + 30 + 10 = 94.50, not 92.5", () => {
    const r = read(rows);
    expect(r.reading?.total).toEqual({ cell: "D2", source: "heading" });
    expect(r.total.computed).toBeCloseTo(94.5, 2);
    expect(r.total.reported).toBe(92.5);
    expect(rules(r)).toContain("total-mismatch@D2");
  });
});

describe("the officer's correction (版式)", () => {
  // "分数值" is no header the reader knows: without a correction it cannot find the weights.
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    BUDGET_HEADER,
    BUDGET_TOTAL,
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分数值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 50, 50, ""],
    ["效益指标", "社会效益指标", "就业率", "≥80%", "82%", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
    ["总分", "", "", "", "", 100, 99.5, ""],
  ];

  it("without it, says the 分值 column is missing and names the header row", () => {
    const r = read(rows);
    expect(rules(r)).toEqual(["layout-unrecognized@C4"]);
    expect(r.findings[0].message["zh-CN"]).toContain("分值");
  });

  it("with it, reads F as 分值 and scores the table: 9.50 + 50 + 30 + 10 = 99.50", () => {
    const layout: LayoutOverride = { ziping: "layout", version: 1, indicator: { columns: { weight: "F" } } };
    const r = read(rows, [], layout);
    expect(columns(r, "indicator").weight).toBe("F");
    expect(r.reading?.roles.find((x) => x.block === "indicator" && x.role === "weight")?.source).toBe("layout");
    expect(r.reading?.corrected).toBe(true);
    expect(errors(r)).toEqual([]);
    expect(r.total.computed).toBeCloseTo(99.5, 2);
  });

  it("a role set on a column takes it from the role the reader gave it", () => {
    const layout: LayoutOverride = {
      ziping: "layout",
      version: 1,
      indicator: { columns: { weight: "F", criteria: "H" } },
    };
    const r = read(rows, [], layout);
    const cols = columns(r, "indicator");
    expect(cols.criteria).toBe("H");
    expect(cols.reason).toBeUndefined();
  });

  it("indicator rows can be limited: the last indicator left out", () => {
    const layout: LayoutOverride = {
      ziping: "layout",
      version: 1,
      indicator: { columns: { weight: "F" }, firstRow: 5, lastRow: 6 },
    };
    const r = read(rows, [], layout);
    expect(r.reading?.indicatorRows).toEqual([5, 6]);
    expect(r.total.computed).toBeCloseTo(89.5, 2);
  });
});

describe("amounts typed with units in the budget block", () => {
  it("reads 150万 and 150万元 as 万元", () => {
    const rows: Row[] = [
      ["项目支出绩效自评表"],
      BUDGET_HEADER,
      ["", "年度资金总额", "150万", "150万元", "120万元", 10, 0.8, 8],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
      ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 90, 90, ""],
      ["总分", "", "", "", "", 100, 98, ""],
    ];
    const r = read(rows);
    expect(r.budget.planned).toBe(150);
    expect(r.budget.rate).toBeCloseTo(0.8, 6);
    expect(rules(r).filter((f) => f.startsWith("value-not-number"))).toEqual([]);
  });
});

describe("amounts typed in 元 in a 万元 block", () => {
  it("converts 1,234,500元 to 123.45 万元 and says so in the rate's arithmetic", () => {
    const rows: Row[] = [
      ["项目支出绩效自评表"],
      BUDGET_HEADER,
      // 123.45 ÷ 150 = 82.30%.
      ["", "年度资金总额", 150, 150, "1,234,500元", 10, 0.823, 8.23],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
      ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 90, 90, ""],
      ["总分", "", "", "", "", 100, 98.23, ""],
    ];
    const r = read(rows);
    expect(r.budget.executed).toBeCloseTo(123.45, 6);
    expect(r.budget.rate).toBeCloseTo(0.823, 6);
    expect(r.figures.find((f) => f.key === "budget.rate")?.arithmetic).toContain("E3“1,234,500元”折合 123.45 万元");
    expect(rules(r).filter((f) => /value-not-number|exec-rate-mismatch/.test(f))).toEqual([]);
  });
});

describe("a table that cannot be read still shows what was understood", () => {
  it("an unknown 分值 header: no table, but the reading lists the columns found, for the officer to correct", () => {
    const rows: Row[] = [
      ["项目支出绩效自评表"],
      BUDGET_HEADER,
      BUDGET_TOTAL,
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分数值", "得分", "偏差原因"],
      ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 90, 90, ""],
    ];
    const r = read(rows);
    expect(rules(r)).toEqual(["layout-unrecognized@C4"]);
    expect(r.table).toBeUndefined();
    expect(columns(r, "indicator")).toEqual({
      level1: "A",
      level2: "B",
      name: "C",
      target: "D",
      actual: "E",
      score: "G",
      reason: "H",
    });
    expect(r.reading?.indicatorHeaderRows).toEqual([4, 4]);
  });
});

describe("the 度量单位 column is the unit of a bare target", () => {
  it("an actual 0.96 against 95 with unit % is 96% (met), not 0.96 of 95", () => {
    const rows: Row[] = [
      ["项目支出绩效自评表"],
      BUDGET_HEADER,
      BUDGET_TOTAL,
      ["一级指标", "二级指标", "三级指标", "年度指标值", "", "", "实际完成值", "分值", "得分", "偏差原因"],
      ["", "", "", "指标性质", "指标值", "度量单位"],
      ["产出指标", "质量指标", "验收合格率", "≥", 95, "%", 0.96, 90, 90, ""],
      // 9.50 + 90 = 99.50.
      ["总分", "", "", "", "", "", "", 100, 99.5, ""],
    ];
    const merges = ["A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:G5", "H4:H5", "I4:I5", "J4:J5"];
    const r = read(rows, merges);
    expect(r.figures.find((f) => f.key === "indicator.6.score")?.value).toBe(90);
    expect(errors(r)).toEqual([]);
    expect(r.total.computed).toBeCloseTo(99.5, 2);
  });
});
