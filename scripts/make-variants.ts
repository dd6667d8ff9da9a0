/**
 * Writes the variant corpus under test/fixtures/variants: for each layout family seen in published 自评表
 * (two-row headers, group headers, weights only in headings, label/value budget blocks, a total in the heading,
 * text amounts, reordered columns …) a CLEAN table and a DEFECTIVE one, each with NAME.expected.json beside it.
 * The expected files say, role by role, which column the reader must take for what, and what a reviewer
 * concludes (DOMAIN.md §3–4); every number in them is worked out by hand and written here as a literal.
 */
import { join } from "path";
import type ExcelJS from "exceljs";
import { newWorkbook, saveWorkbook } from "./lib/workbook";
import { drawTable, type IndicatorRow, type TableMap, type TableSpec } from "./lib/template";
import { round, type RuleId, type Writes } from "./lib/expected";
import {
  FORMAT,
  Pen,
  drawGrid,
  rulesExcept,
  same,
  severityOf,
  templateColumns,
  writeVariantExpected,
  type ColumnSpec,
  type DrawnGrid,
  type Line,
  type VariantExpected,
  type VariantFinding,
  type VariantReading,
} from "./lib/variants";
import { BUDGET_ROLES, GOAL_ROLES, INDICATOR_ROLES } from "../src/domain/reading";

const OUT_DIR = join(__dirname, "..", "test", "fixtures", "variants");
const TABLE_SHEET = "自评表";

interface Built {
  workbook: ExcelJS.Workbook;
  expected: VariantExpected;
}

interface Family {
  family: string;
  build(defective: boolean): Built;
}

function finding(rule: RuleId, cell: string): VariantFinding {
  return { rule, cell, severity: severityOf(rule) };
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
}

/** Checks the hand-written reading against the drawing: rows, header rows and columns must all agree. */
function checkReading(literal: VariantReading, drawn: VariantReading): VariantReading {
  same("reading", literal, drawn);
  return literal;
}

/** The typed total of a clean table must be the sum the officer would type (catches slips in the data). */
function sums(what: string, parts: number[], typed: number): void {
  const sum = parts.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - typed) > 0.005) throw new Error(`${what}: typed ${typed} but the parts add up to ${sum}`);
}

/** Role → column of a drawn grid, for the reading's comparison. */
const budgetColumns = (g: DrawnGrid) => g.columns(BUDGET_ROLES);
const indicatorColumns = (g: DrawnGrid) => g.columns(INDICATOR_ROLES);
const goalColumns = (g: DrawnGrid) => g.columns(GOAL_ROLES);

function first(rows: number[]): [number, number] {
  return [rows[0], rows[rows.length - 1]];
}

/** The reading of a table drawn by template.ts. */
function templateReading(
  map: TableMap,
  layout: TableSpec["layout"],
  blocks: VariantReading["blocks"],
  total?: string,
): VariantReading {
  const cols = templateColumns(map, layout);
  return {
    budget: { headerRows: [map.budgetHeaderRow, map.budgetHeaderRow], columns: cols.budget },
    goal: { headerRows: [map.goalHeaderRow, map.goalHeaderRow], columns: cols.goal },
    indicator: {
      headerRows: [map.indicatorHeaderRow, map.indicatorHeaderRow],
      rows: first(map.indicatorRows),
      columns: cols.indicator,
    },
    weights: "column",
    total: total ?? map.total("score"),
    blocks,
  };
}

const PLAIN_BLOCKS: VariantReading["blocks"] = [
  { level1: "产出指标", weight: null },
  { level1: "效益指标", weight: null },
  { level1: "满意度指标", weight: null },
];

/** The reading of a central-geometry table drawn by template.ts (also the city 20/80 one). */
const CENTRAL_TEMPLATE_COLUMNS = {
  budget: { label: "B", initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
  goal: { expected: "B", actual: "F" },
  indicator: {
    level1: "B",
    level2: "C",
    name: "D",
    target: "E",
    actual: "F",
    weight: "G",
    score: "H",
    reason: "I",
  },
} as const;

function singleTable(spec: TableSpec, sheet = TABLE_SHEET): { workbook: ExcelJS.Workbook; map: TableMap } {
  const workbook = newWorkbook();
  const map = drawTable(addTableSheet(workbook, sheet), spec);
  return { workbook, map };
}

// ===================================================================================================
// 1. Central 项目支出 (财预〔2020〕10号), one header row per block, drawn by template.ts.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget header · 6 年度资金总额 · 7–9 sub-rows ·
//   10 goal header · 11 goal · 12 indicator header · 13–20 indicators · 21 总分 · 22 自评等级.
// By hand: execution 188/200 = 94.00% → 9.40
//   产出 15 + 9 (21600/24000 = 0.90 × 10) + 10 + 10 + 5 = 49; 效益 14 (top tier of 15) + 15 = 29; 满意度 10
//   总分 9.40 + 49 + 29 + 10 = 97.40 → 优
// Defect: 上门服务次数 typed 9.50 where the rule gives 9.00; the officer's 总分 97.90.
// ===================================================================================================

const central: Family = {
  family: "central",
  build(defective) {
    const indicators: IndicatorRow[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "服务老年人数",
        target: "≥1200人",
        actual: "1260人",
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "上门服务次数",
        target: "≥24000人次",
        actual: "21600人次",
        weight: 10,
        score: defective ? 9.5 : 9,
        reason: "部分失能老人冬季住院，上门服务暂停；下一步建立服务对象动态台账，及时补足服务。",
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "服务质量抽查合格率",
        target: "≥95%",
        actual: "97%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "服务工单按期办结率",
        target: "≥98%",
        actual: "99%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "人均服务补助标准",
        target: "≤1500元",
        actual: "1480元",
        weight: 5,
        score: 5,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "老年人生活质量",
        target: "明显改善",
        actual: "达成年度指标",
        weight: 15,
        score: 14,
        reason: "部分高龄老人助餐需求尚未完全满足；下一步增设社区长者食堂助餐点。",
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "居家养老服务网络覆盖率",
        target: "≥90%",
        actual: "92%",
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "服务对象满意度",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      },
    ];
    const typedTotal = defective ? 97.9 : 97.4;
    sums("central", [9.4, ...indicators.map((i) => i.score as number)], typedTotal);
    const spec: TableSpec = {
      layout: "central",
      title: "项目支出绩效自评表",
      yearLine: "（2023年度）",
      info: [
        ["项目名称", "2023年社区居家养老服务补助项目"],
        ["主管部门", "示例区民政局", "实施单位", "示例区社会福利中心"],
      ],
      budget: [
        { label: "年度资金总额", initial: 200, adjusted: 200, executed: 188, weight: 10, rate: 0.94, score: 9.4 },
        { label: "其中：当年财政拨款", initial: 180, adjusted: 180, executed: 170 },
        { label: "上年结转资金", initial: 20, adjusted: 20, executed: 18 },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
      ],
      goals: [
        {
          expected:
            "为辖区1200名以上居家老年人提供助餐、助洁、助医等上门服务24000人次以上，服务质量抽查合格率95%以上，服务对象满意度90%以上。",
          actual:
            "全年为1260名居家老年人提供上门服务21600人次，服务质量抽查合格率97%，服务对象满意度95%。部分失能老人冬季住院，上门服务次数少于计划。",
        },
      ],
      indicators,
      total: { weight: 100, score: typedTotal },
      grade: "优",
    };
    const { workbook, map } = singleTable(spec);
    const reading = checkReading(
      {
        budget: { headerRows: [5, 5], columns: { ...CENTRAL_TEMPLATE_COLUMNS.budget } },
        goal: { headerRows: [10, 10], columns: { ...CENTRAL_TEMPLATE_COLUMNS.goal } },
        indicator: { headerRows: [12, 12], rows: [13, 20], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H21",
        blocks: PLAIN_BLOCKS,
      },
      templateReading(map, "central", PLAIN_BLOCKS),
    );
    same("score cell", "H14", map.indicator(1, "score"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Central 项目支出 table (财预〔2020〕10号), one header row per block. Defect: 上门服务次数 ≥24000人次 → 21600人次, 分值 10: the rule gives 10 × 21600/24000 = 9.00, the officer typed 9.50 (score-mismatch at H14), and summed it into 总分 97.90 where 9.40 + 49 + 29 + 10 = 97.40 (total-mismatch at H21)."
          : "Central 项目支出 table (财预〔2020〕10号), one header row per block, merged 一级/二级 cells. Execution 188/200 = 94.00% → 9.40; 产出 15 + 9 (21600/24000 × 10) + 10 + 10 + 5 = 49; 效益 14 (qualitative, top tier of 15, reason given) + 15 = 29; 满意度 10; 总分 97.40 → 优.",
        family: "central",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.94 },
        total: { computed: 97.4, grade: "优" },
        findings: defective ? [finding("score-mismatch", "H14"), finding("total-mismatch", "H21")] : [],
        absent: defective ? rulesExcept("score-mismatch", "total-mismatch") : rulesExcept(),
        // Row 6 (老年人生活质量) is qualitative: its typed 14 counts, unwritten; the typed 9.50 of the defect gives way to 9.
        writes: {
          [map.budget(0, "rate")]: round(188 / 200, 6),
          [map.budget(0, "score")]: round(Math.min(188 / 200, 1) * 10, 2),
          ...scoreWrites((i) => map.indicator(i, "score"), [15, 10 * (21600 / 24000), 10, 10, 5, null, 15, 10]),
          [map.total("score")]: round((188 / 200) * 10 + 15 + 10 * (21600 / 24000) + 10 + 10 + 5 + 14 + 15 + 10, 2),
          [map.grade()!]: "优",
        },
        computedCells: map.computedCells(),
      },
    };
  },
};

// ===================================================================================================
// 2. 部门整体 with 年度主要任务 goals (template.ts department geometry).
//   1 title · 2 year · 3 部门名称 · 4 budget header · 5 年度资金总额 · 6 基本支出 · 7 项目支出 · 8 goal header ·
//   9–11 年度主要任务 · 12 indicator header · 13–21 indicators · 22 总分 · 23 自评等级.
// By hand: execution 1746/1800 = 97.00% → 9.70
//   产出 10 + 9 (4050/4500 = 0.90 × 10) + 10 + 10 + 10 = 49; 效益 10 + 10 + 7 (middle tier [6, 8)) = 27; 满意度 10
//   总分 9.70 + 49 + 27 + 10 = 95.70 → 优
// Defect: the middle-tier 7 of 10 has "无" as its 偏差原因.
// ===================================================================================================

const departmentTasks: Family = {
  family: "department-tasks",
  build(defective) {
    const indicators: IndicatorRow[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "食品安全监督抽检批次",
        target: "≥3000批次",
        actual: "3260批次",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "特种设备定期检验台数",
        target: "≥4500台",
        actual: "4050台",
        weight: 10,
        score: 9,
        reason: "部分企业设备停用报停，未纳入当年检验；下一步完善设备使用状态动态登记。",
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "问题产品核查处置率",
        target: "=100%",
        actual: "100%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "企业开办时间",
        target: "≤1个工作日",
        actual: "0.8个工作日",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "单批次抽检平均成本",
        target: "≤0.18万元",
        actual: "0.17万元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "较大以上特种设备事故",
        target: "=0起",
        actual: "0起",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "食品安全抽检合格率",
        target: "≥97%",
        actual: "97.8%",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "市场监管长效机制",
        target: "逐步健全",
        actual: "部分达成年度指标并具有一定效果",
        weight: 10,
        score: 7,
        reason: defective ? "无" : "信用分级分类监管尚未覆盖全部行业；下一步扩大信用监管覆盖面。",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "市场主体满意度",
        target: "≥90%",
        actual: "96%",
        weight: 10,
        score: 10,
      },
    ];
    sums("department-tasks", [9.7, ...indicators.map((i) => i.score as number)], 95.7);
    const spec: TableSpec = {
      layout: "department",
      title: "部门整体支出绩效自评表",
      yearLine: "（2023年度）",
      info: [["部门名称", "示例区市场监督管理局"]],
      budget: [
        { label: "年度资金总额", initial: 1800, adjusted: 1800, executed: 1746, weight: 10, rate: 0.97, score: 9.7 },
        { label: "其中：基本支出", initial: 1200, adjusted: 1200, executed: 1198 },
        { label: "项目支出", initial: 600, adjusted: 600, executed: 548 },
      ],
      goals: [
        {
          task: "食品安全监督抽检",
          expected: "全年完成食品安全监督抽检3000批次以上，问题产品核查处置率100%。",
          actual: "全年完成食品安全监督抽检3260批次，问题产品全部核查处置，处置率100%。",
        },
        {
          task: "特种设备安全监察",
          expected: "完成在用特种设备定期检验4500台以上，全年不发生较大以上特种设备事故。",
          actual: "完成在用特种设备定期检验4050台，部分设备报停未检；全年未发生较大以上特种设备事故。",
        },
        {
          task: "市场主体登记服务",
          expected: "企业开办时间压缩至1个工作日以内，市场主体满意度90%以上。",
          actual: "企业开办平均用时0.8个工作日，市场主体满意度96%。",
        },
      ],
      indicators,
      total: { weight: 100, score: 95.7 },
      grade: "优",
    };
    const { workbook, map } = singleTable(spec);
    const reading = checkReading(
      {
        budget: {
          headerRows: [4, 4],
          columns: { label: "B", initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
        },
        goal: { headerRows: [8, 8], columns: { expected: "D", actual: "G" } },
        indicator: { headerRows: [12, 12], rows: [13, 21], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H22",
        blocks: PLAIN_BLOCKS,
      },
      templateReading(map, "department", PLAIN_BLOCKS),
    );
    same("reason cell", "I20", map.indicator(7, "reason"));
    return {
      workbook,
      expected: {
        description: defective
          ? '部门整体 table with three 年度主要任务. Defect: 市场监管长效机制 scores 7 of 10 (middle tier) but its 偏差原因 says "无" (reason-missing at I20). Figures as the clean table: 9.70 + 49 + 27 + 10 = 95.70.'
          : "部门整体 table: budget rows 基本支出/项目支出, three 年度主要任务 each with 预期目标 and 实际完成情况 (task column B:C, 预期目标 D:F, 实际完成情况 G:J). Execution 1746/1800 = 97.00% → 9.70; 产出 10 + 9 (4050/4500 × 10) + 10 + 10 + 10 = 49; 效益 10 + 10 + 7 (middle tier, reason given) = 27; 满意度 10; 总分 95.70 → 优.",
        family: "department-tasks",
        sheet: TABLE_SHEET,
        layout: "department",
        reading,
        budget: { rate: 0.97 },
        total: { computed: 95.7, grade: "优" },
        findings: defective ? [finding("reason-missing", "I20")] : [],
        absent: defective ? rulesExcept("reason-missing") : rulesExcept(),
        // Row 8 (市场监管长效机制) is qualitative, middle tier: its typed 7 counts, unwritten.
        writes: {
          [map.budget(0, "rate")]: round(1746 / 1800, 6),
          [map.budget(0, "score")]: round(Math.min(1746 / 1800, 1) * 10, 2),
          ...scoreWrites((i) => map.indicator(i, "score"), [10, 10 * (4050 / 4500), 10, 10, 10, 10, 10, null, 10]),
          [map.total("score")]: round(
            (1746 / 1800) * 10 + 10 + 10 * (4050 / 4500) + 10 + 10 + 10 + 10 + 10 + 7 + 10,
            2,
          ),
          [map.grade()!]: "优",
        },
        computedCells: map.computedCells(),
      },
    };
  },
};

// ===================================================================================================
// 3. Sichuan (template.ts sichuan geometry): 年初预算/调整后预算数/预算执行数/预算执行率/权重/得分/原因, rows 总额 and
//    four sources, 指标性质 and 度量单位 columns with bare-number targets.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget header · 6 总额 · 7–10 sources · 11 goal header ·
//   12 goal · 13 indicator header · 14–21 indicators · 22 总分 · 23 自评等级.
// By hand: execution 368/400 = 92.00% (not under the Sichuan 90% threshold) → 9.20
//   产出 14.10 (1880/2000 = 0.94 × 15) + 10 + 10 + 5 + 10 = 49.10; 效益 15 + 15 = 30; 满意度 10
//   总分 9.20 + 49.10 + 30 + 10 = 98.30 → 优
// Defect: 预算执行率 typed 94.00% (368/400 = 92.00%), and the 14.10 of 15 has "/" as its reason.
// ===================================================================================================

const sichuan: Family = {
  family: "sichuan",
  build(defective) {
    const indicators: IndicatorRow[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "户用厕所改造数量",
        nature: "≥",
        unit: "户",
        target: 2000,
        actual: 1880,
        weight: 15,
        score: 14.1,
        reason: defective ? "/" : "部分农户长期外出务工，未能按期入户施工；下一步与村组对接，错峰安排施工。",
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "公共厕所新建数量",
        nature: "≥",
        unit: "座",
        target: 12,
        actual: 12,
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "改造验收合格率",
        nature: "≥",
        unit: "%",
        target: 95,
        actual: 97,
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "项目完工时间",
        nature: "≤",
        unit: "月",
        target: 12,
        actual: 12,
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "户均改造补助标准",
        nature: "≤",
        unit: "元",
        target: 1800,
        actual: 1800,
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "生态效益指标",
        name: "粪污无害化处理率",
        nature: "≥",
        unit: "%",
        target: 90,
        actual: 91,
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "设施正常使用年限",
        nature: "≥",
        unit: "年",
        target: 8,
        actual: 8,
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "改厕农户满意度",
        nature: "≥",
        unit: "%",
        target: 90,
        actual: 94,
        weight: 10,
        score: 10,
      },
    ];
    sums("sichuan", [9.2, ...indicators.map((i) => i.score as number)], 98.3);
    const spec: TableSpec = {
      layout: "sichuan",
      title: "项目支出绩效自评表",
      yearLine: "（2023年度）",
      info: [
        ["项目名称", "2023年农村户用厕所改造项目"],
        ["主管部门", "示例县农业农村局", "实施单位", "示例县乡村振兴服务中心"],
      ],
      budget: [
        {
          label: "总额",
          initial: 400,
          adjusted: 400,
          executed: 368,
          rate: defective ? 0.94 : 0.92,
          weight: 10,
          score: 9.2,
        },
        { label: "财政资金", initial: 380, adjusted: 380, executed: 350 },
        { label: "财政专户管理资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "单位资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "其他资金", initial: 20, adjusted: 20, executed: 18 },
      ],
      goals: [
        {
          expected:
            "完成农村户用厕所改造2000户、新建公共厕所12座，改造验收合格率95%以上，粪污无害化处理率达到90%，改厕农户满意度90%以上。",
          actual:
            "完成户用厕所改造1880户、新建公共厕所12座，验收合格率97%，粪污无害化处理率91%，改厕农户满意度94%。部分农户外出务工未能按期入户施工。",
        },
      ],
      indicators,
      total: { weight: 100, score: 98.3 },
      grade: "优",
    };
    const { workbook, map } = singleTable(spec);
    const reading = checkReading(
      {
        budget: {
          headerRows: [5, 5],
          columns: {
            label: "B",
            initial: "D",
            planned: "E",
            executed: "F",
            rate: "G",
            weight: "H",
            score: "I",
            reason: "J",
          },
        },
        goal: { headerRows: [11, 11], columns: { expected: "B", actual: "G" } },
        indicator: {
          headerRows: [13, 13],
          rows: [14, 21],
          columns: {
            level1: "B",
            level2: "C",
            name: "D",
            nature: "E",
            unit: "F",
            target: "G",
            actual: "H",
            weight: "I",
            score: "J",
            reason: "K",
          },
        },
        weights: "column",
        total: "J22",
        blocks: PLAIN_BLOCKS,
      },
      templateReading(map, "sichuan", PLAIN_BLOCKS),
    );
    same("rate cell", "G6", map.budget(0, "rate"));
    same("reason cell", "K14", map.indicator(0, "reason"));
    return {
      workbook,
      expected: {
        description: defective
          ? 'Sichuan table. Defects: 预算执行率 typed 94.00% where 368/400 = 92.00% (exec-rate-mismatch at G6; the 得分 9.20 follows the right rate), and 户用厕所改造数量 (≥2000户 → 1880户, 14.10 of 15) has "/" as its reason (reason-missing at K14). 总分 98.30 as the clean table.'
          : "Sichuan table: 年初预算/调整后预算数/预算执行数/预算执行率/权重/得分/原因, rows 总额 and four sources, 指标性质 (≥, ≤) and 度量单位 columns with bare-number targets. Execution 368/400 = 92.00% → 9.20 (above the 90% threshold, no reason needed); 产出 14.10 (1880/2000 × 15) + 10 + 10 + 5 + 10 = 49.10; 效益 30; 满意度 10; 总分 98.30 → 优.",
        family: "sichuan",
        sheet: TABLE_SHEET,
        layout: "sichuan",
        reading,
        budget: { rate: 0.92 },
        total: { computed: 98.3, grade: "优" },
        findings: defective ? [finding("exec-rate-mismatch", "G6"), finding("reason-missing", "K14")] : [],
        absent: defective ? rulesExcept("exec-rate-mismatch", "reason-missing") : rulesExcept(),
        // The defect's typed 94.00% gives way to 368 ÷ 400 = 92.00%.
        writes: {
          [map.budget(0, "rate")]: round(368 / 400, 6),
          [map.budget(0, "score")]: round(Math.min(368 / 400, 1) * 10, 2),
          ...scoreWrites((i) => map.indicator(i, "score"), [15 * (1880 / 2000), 10, 10, 5, 10, 15, 15, 10]),
          [map.total("score")]: round((368 / 400) * 10 + 15 * (1880 / 2000) + 10 + 10 + 5 + 10 + 15 + 15 + 10, 2),
          [map.grade()!]: "优",
        },
        computedCells: map.computedCells(),
      },
    };
  },
};

// ===================================================================================================
// 4. City 20/80 (template.ts city geometry): execution 分值 20, "得分(20分*执行率)", indicators out of 80.
//   rows as the central table: 5 budget header · 6–9 budget · 10–11 goal · 12 indicator header · 13–20 · 21 总分.
// By hand: execution 480/500 = 96.00% → 20 × 0.96 = 19.20
//   产出 15 + 9 (2700/3000 = 0.90 × 10) + 10 + 5 + 5 = 44; 效益 10 + 15 = 25; 满意度 10 (Σ weights 45 + 25 + 10 = 80)
//   总分 19.20 + 44 + 25 + 10 = 98.20 → 优
// Defect: execution 得分 typed 9.60 (10 × 96%, the central scale) and 总分 88.60 summed with it.
// ===================================================================================================

const city: Family = {
  family: "city-20-80",
  build(defective) {
    const indicators: IndicatorRow[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "绿化养护面积",
        target: "≥120万平方米",
        actual: "123万平方米",
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "补植乔木数量",
        target: "≥3000株",
        actual: "2700株",
        weight: 10,
        score: 9,
        reason: "受持续高温干旱影响，部分补植推迟至秋季；下一步调整补植时序，选用耐旱树种。",
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "苗木成活率",
        target: "≥95%",
        actual: "96%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "病虫害防治及时率",
        target: "≥98%",
        actual: "99%",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "每平方米年养护成本",
        target: "≤4元",
        actual: "3.9元",
        weight: 5,
        score: 5,
      },
      {
        level1: "效益指标",
        level2: "生态效益指标",
        name: "建成区绿化覆盖率",
        target: "≥42%",
        actual: "42.5%",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "道路绿化景观效果",
        target: "明显提升",
        actual: "达成年度指标",
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "市民满意度",
        target: "≥90%",
        actual: "93%",
        weight: 10,
        score: 10,
      },
    ];
    const execScore = defective ? 9.6 : 19.2;
    const typedTotal = defective ? 88.6 : 98.2;
    sums("city-20-80", [execScore, ...indicators.map((i) => i.score as number)], typedTotal);
    const spec: TableSpec = {
      layout: "city-20-80",
      title: "项目支出绩效自评表",
      yearLine: "（2023年度）",
      info: [
        ["项目名称", "2023年城市道路绿化养护项目"],
        ["主管部门", "示例市城市管理和综合执法局", "实施单位", "示例市园林绿化服务中心"],
      ],
      budget: [
        {
          label: "年度资金总额",
          initial: 500,
          adjusted: 500,
          executed: 480,
          weight: 20,
          rate: 0.96,
          score: execScore,
        },
        { label: "其中：当年财政拨款", initial: 450, adjusted: 450, executed: 432 },
        { label: "上年结转资金", initial: 50, adjusted: 50, executed: 48 },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
      ],
      goals: [
        {
          expected:
            "完成城市道路绿化养护120万平方米，补植乔木3000株，苗木成活率95%以上，建成区绿化覆盖率达到42%，市民满意度90%以上。",
          actual:
            "完成道路绿化养护123万平方米，补植乔木2700株（部分补植推迟至秋季），苗木成活率96%，建成区绿化覆盖率42.5%，市民满意度93%。",
        },
      ],
      indicators,
      total: { weight: 100, score: typedTotal },
      grade: "优",
    };
    const { workbook, map } = singleTable(spec);
    const reading = checkReading(
      {
        budget: { headerRows: [5, 5], columns: { ...CENTRAL_TEMPLATE_COLUMNS.budget } },
        goal: { headerRows: [10, 10], columns: { ...CENTRAL_TEMPLATE_COLUMNS.goal } },
        indicator: { headerRows: [12, 12], rows: [13, 20], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H21",
        blocks: PLAIN_BLOCKS,
      },
      templateReading(map, "city-20-80", PLAIN_BLOCKS),
    );
    same("exec score cell", "I6", map.budget(0, "score"));
    return {
      workbook,
      expected: {
        description: defective
          ? 'City 20/80 table. Defect: the execution 得分 typed 9.60 (10 × 96%, the central scale) where "得分(20分*执行率)" gives 20 × 480/500 = 19.20 (exec-score-mismatch at I6), and the 总分 typed 88.60 with it where 19.20 + 44 + 25 + 10 = 98.20 (total-mismatch at H21).'
          : 'City 20/80 table: execution 分值 20 scored "得分(20分*执行率)", indicators weighing 45 + 25 + 10 = 80, synonym headers 全年预算数（A）, 年初目标值(A), 未完成原因分析. Execution 480/500 = 96.00% → 19.20; 产出 15 + 9 (2700/3000 × 10) + 10 + 5 + 5 = 44; 效益 25; 满意度 10; 总分 98.20 → 优.',
        family: "city-20-80",
        sheet: TABLE_SHEET,
        layout: "city-20-80",
        reading,
        budget: { rate: 0.96 },
        total: { computed: 98.2, grade: "优" },
        findings: defective ? [finding("exec-score-mismatch", "I6"), finding("total-mismatch", "H21")] : [],
        absent: defective ? rulesExcept("exec-score-mismatch", "total-mismatch") : rulesExcept(),
        // Execution out of 20; row 7 (道路绿化景观效果) is qualitative, typed 15. The defect's 9.60 gives way to 19.20.
        writes: {
          [map.budget(0, "rate")]: round(480 / 500, 6),
          [map.budget(0, "score")]: round(Math.min(480 / 500, 1) * 20, 2),
          ...scoreWrites((i) => map.indicator(i, "score"), [15, 10 * (2700 / 3000), 10, 5, 5, 10, null, 10]),
          [map.total("score")]: round((480 / 500) * 20 + 15 + 10 * (2700 / 3000) + 10 + 5 + 5 + 10 + 15 + 10, 2),
          [map.grade()!]: "优",
        },
        computedCells: map.computedCells(),
      },
    };
  },
};

// ===================================================================================================
// Tables drawn cell by cell (the families template.ts cannot draw).
// ===================================================================================================

/** Title and year line over columns A..last; column widths. */
function frame(pen: Pen, last: string, title: string, widths: number[]): void {
  pen.widths(widths);
  pen.title(`A1:${last}1`, title);
  pen.put(`A2:${last}2`, "（2023年度）", { border: false, font: { name: "宋体", size: 11 } });
}

const amount = (key: string, at: string, label: string | null, parent?: string): ColumnSpec => ({
  key,
  at,
  label,
  parent,
  numFmt: FORMAT.amount,
});
const rateCol = (at: string, label: string, parent?: string): ColumnSpec => ({
  key: "rate",
  at,
  label,
  parent,
  numFmt: FORMAT.rate,
});
const scoreCol = (key: string, at: string, label: string, parent?: string): ColumnSpec => ({
  key,
  at,
  label,
  parent,
  numFmt: FORMAT.score,
});
const textCol = (key: string, at: string, label: string | null, parent?: string): ColumnSpec => ({
  key,
  at,
  label,
  parent,
  horizontal: "left",
});
const plainCol = (key: string, at: string, label: string | null, parent?: string): ColumnSpec => ({
  key,
  at,
  label,
  parent,
  horizontal: "center",
});

function goalGrid(pen: Pen, top: number, columns: ColumnSpec[], lines: Line[]): DrawnGrid {
  return drawGrid(pen, {
    top,
    blockLabel: { at: "A", text: "年度总体目标" },
    headerDepth: 1,
    columns,
    lines,
    rowHeight: 72,
  });
}

/** Σ of a numeric field over lines (for the clean tables' own arithmetic check). */
function total(lines: Line[], key: string): number {
  return lines.reduce((sum, line) => sum + (typeof line[key] === "number" ? (line[key] as number) : 0), 0);
}

// ---------------------------------------------------------------------------------------------------
// What the write plan must write, by hand from each table's inputs (rules as in scripts/make-fixtures.ts):
// 执行率 = 执行数 ÷ 预算数 to 6 decimals; execution 得分 = min(执行率, 1) × 分值 to 2; a quantitative indicator's 得分
// (≥, ≤, = met → 分值; ≥ missed → 分值 × 实际 ÷ 目标; ≤ missed → 分值 × 目标 ÷ 实际) to 2; a qualitative or
// scorecard 得分, or one without a 分值, is the officer's and is never written (it counts as typed in the 总分);
// 总分 = execution 得分 + Σ 得分 at full precision, to 2; 等级 as text.
// ---------------------------------------------------------------------------------------------------

/** 得分 writes by indicator row: null where the rules compute none. */
function scoreWrites(cell: (i: number) => string, scores: Array<number | null>): Writes {
  const out: Writes = {};
  scores.forEach((score, i) => {
    if (score !== null) out[cell(i)] = round(score, 2);
  });
  return out;
}

/** The computed cells of a table drawn cell by cell: 执行率 and 得分 of the total row, each 得分, 总分, 等级. */
function drawnComputed(budget: DrawnGrid | null, indicators: DrawnGrid, totalCell: string, grade: string | null) {
  return [
    ...(budget ? [budget.cell(0, "rate"), budget.cell(0, "score")] : []),
    ...indicators.rows.map((_, i) => indicators.cell(i, "score")),
    totalCell,
    ...(grade === null ? [] : [grade]),
  ];
}

// ===================================================================================================
// 5. Chongqing 部门整体: 执行率权重 / 执行率得分 in the budget block, 指标权重 / 得分系数(%) / 指标得分 in the
//    indicator block (指标得分 = 得分系数 × 指标权重). Columns A..K.
//   1 title · 2 year · 3 部门名称 · 4 budget header · 5 年度资金总额 · 6 财政拨款 · 7 其他资金 · 8 goal header ·
//   9–10 年度主要任务 · 11 indicator header · 12–19 indicators · 20 总分 · 21 自评等级.
// By hand: execution 3104/3200 = 97.00% → 9.70
//   产出 15 + 9.583333 (1150/1200 = 95.83% × 10, typed 95.83 / 9.58) + 10 + 5 + 10 = 49.583333
//   效益 15 + 13.50 (qualitative, 系数 90 × 15, top tier) = 28.50; 满意度 10
//   总分 9.70 + 49.583333 + 28.50 + 10 = 97.783333 (typed 97.78) → 优
// Defect: 日均收运生活垃圾量 得分 typed 10 with 得分系数 95.83 (0.9583 × 10 = 9.58), and 总分 98.20.
// ===================================================================================================

const chongqing: Family = {
  family: "chongqing-coefficient",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    frame(pen, "K", "部门整体支出绩效自评表", [10, 11, 13, 22, 14, 14, 10, 11, 10, 14, 16]);
    pen.head("A3:B3", "部门名称");
    pen.text("C3:K3", "示例区城市管理局");
    const budget = drawGrid(pen, {
      top: 4,
      blockLabel: { at: "A", text: "预算执行情况（万元）" },
      headerDepth: 1,
      columns: [
        textCol("label", "B:C", null),
        amount("initial", "D", "年初预算数"),
        amount("planned", "E", "全年预算数"),
        amount("executed", "F", "全年执行数"),
        rateCol("G", "执行率"),
        plainCol("weight", "H", "执行率权重"),
        scoreCol("score", "I:K", "执行率得分"),
      ],
      lines: [
        { label: "年度资金总额", initial: 3200, planned: 3200, executed: 3104, rate: 0.97, weight: 10, score: 9.7 },
        { label: "其中：财政拨款", initial: 3000, planned: 3000, executed: 2910, weight: "—", score: "—" },
        { label: "其他资金", initial: 200, planned: 200, executed: 194, weight: "—", score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [
        textCol("task", "B:C", "年度主要任务"),
        textCol("expected", "D:F", "预期目标"),
        textCol("actual", "G:K", "实际完成情况"),
      ],
      [
        {
          task: "城市道路清扫保洁",
          expected: "城区主次干道机械化清扫率达到85%以上，道路保洁面积不少于650万平方米。",
          actual: "城区主次干道机械化清扫率88%，全年道路保洁面积668万平方米。",
        },
        {
          task: "生活垃圾收运处置",
          expected: "生活垃圾无害化处理率100%，日均收运生活垃圾1200吨以上，市容环境明显改善。",
          actual: "生活垃圾无害化处理率100%，日均收运生活垃圾1150吨，背街小巷保洁仍有薄弱环节。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "道路保洁面积",
        target: "≥650万平方米",
        actual: "668万平方米",
        weight: 15,
        coefficient: 100,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "日均收运生活垃圾量",
        target: "≥1200吨",
        actual: "1150吨",
        weight: 10,
        coefficient: 95.83,
        score: defective ? 10 : 9.58,
        reason: "部分片区垃圾分类后其他垃圾量下降，收运量低于预期；下一步按分类后实际产量调整目标。",
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "主次干道机械化清扫率",
        target: "≥85%",
        actual: "88%",
        weight: 10,
        coefficient: 100,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "垃圾清运及时率",
        target: "≥98%",
        actual: "99%",
        weight: 5,
        coefficient: 100,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "每平方米年保洁成本",
        target: "≤3.5元",
        actual: "3.4元",
        weight: 10,
        coefficient: 100,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "生态效益指标",
        name: "生活垃圾无害化处理率",
        target: "=100%",
        actual: "100%",
        weight: 15,
        coefficient: 100,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "市容环境",
        target: "明显改善",
        actual: "达成年度指标",
        weight: 15,
        coefficient: 90,
        score: 13.5,
        reason: "背街小巷和城乡结合部保洁仍有薄弱环节；下一步将保洁作业向背街小巷延伸。",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "市民满意度",
        target: "≥90%",
        actual: "92%",
        weight: 10,
        coefficient: 100,
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: [
        plainCol("level1", "B", "一级指标"),
        plainCol("level2", "C", "二级指标"),
        textCol("name", "D", "三级指标"),
        plainCol("target", "E", "年度指标值"),
        plainCol("actual", "F", "实际完成值"),
        plainCol("weight", "G", "指标权重"),
        plainCol("coefficient", "H", "得分系数(%)"),
        scoreCol("score", "I", "指标得分"),
        textCol("reason", "J:K", "偏差原因分析及改进措施"),
      ],
      lines,
      mergeRuns: ["level1", "level2"],
    });
    const typedTotal = defective ? 98.2 : 97.78;
    sums("chongqing", [9.7, total(lines, "score")], typedTotal);
    const t = indicators.next;
    pen.head(`A${t}:F${t}`, "总分");
    pen.put(`G${t}`, 100, { horizontal: "center" });
    pen.put(`H${t}`, null);
    pen.put(`I${t}`, typedTotal, { numFmt: FORMAT.score });
    pen.put(`J${t}:K${t}`, null);
    pen.head(`A${t + 1}:F${t + 1}`, "自评等级");
    pen.put(`G${t + 1}:K${t + 1}`, "优");

    const reading = checkReading(
      {
        budget: {
          headerRows: [4, 4],
          columns: { label: "B", initial: "D", planned: "E", executed: "F", rate: "G", weight: "H", score: "I" },
        },
        goal: { headerRows: [8, 8], columns: { expected: "D", actual: "G" } },
        indicator: {
          headerRows: [11, 11],
          rows: [12, 19],
          columns: {
            level1: "B",
            level2: "C",
            name: "D",
            target: "E",
            actual: "F",
            weight: "G",
            coefficient: "H",
            score: "I",
            reason: "J",
          },
        },
        weights: "column",
        total: "I20",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `I${t}`,
        blocks: PLAIN_BLOCKS,
      },
    );
    same("score cell", "I13", indicators.cell(1, "score"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Chongqing 部门整体 table (得分系数(%) column). Defect: 日均收运生活垃圾量 (≥1200吨 → 1150吨, 指标权重 10, 得分系数 95.83) typed 指标得分 10 where 95.83% × 10 = 9.58 and the rule gives 10 × 1150/1200 = 9.58 (score-mismatch at I13); 总分 typed 98.20 where 9.70 + 49.58 + 28.50 + 10 = 97.78 (total-mismatch at I20)."
          : "Chongqing 部门整体 table: 执行率权重 and 执行率得分 in the budget block; 指标权重, 得分系数(%) and 指标得分 = 得分系数 × 指标权重 in the indicator block; two 年度主要任务. Execution 3104/3200 = 97.00% → 9.70; 产出 15 + 9.58 (1150/1200 = 95.83% × 10) + 10 + 5 + 10 = 49.58; 效益 15 + 13.50 (qualitative, 系数 90, top tier of 15) = 28.50; 满意度 10; 总分 9.70 + 49.583 + 28.50 + 10 = 97.783 (typed 97.78) → 优.",
        family: "chongqing-coefficient",
        sheet: TABLE_SHEET,
        layout: "department",
        reading,
        budget: { rate: 0.97 },
        total: { computed: 97.7833, grade: "优" },
        findings: defective ? [finding("score-mismatch", "I13"), finding("total-mismatch", "I20")] : [],
        absent: defective ? rulesExcept("score-mismatch", "total-mismatch") : rulesExcept(),
        // 市容环境 is qualitative (系数 90 × 15 = 13.50, typed); 日均收运 by the rule 10 × 1150 ÷ 1200 (= 95.83% × 10).
        writes: {
          [budget.cell(0, "rate")]: round(3104 / 3200, 6),
          [budget.cell(0, "score")]: round(Math.min(3104 / 3200, 1) * 10, 2),
          ...scoreWrites((i) => indicators.cell(i, "score"), [15, 10 * (1150 / 1200), 10, 5, 10, 15, null, 10]),
          [`I${t}`]: round((3104 / 3200) * 10 + 15 + 10 * (1150 / 1200) + 10 + 5 + 10 + 15 + 13.5 + 10, 2),
          [`G${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `I${t}`, `G${t + 1}`),
      },
    };
  },
};

// ===================================================================================================
// 6. Scorecard 部门整体: 评分标准 instead of 年度指标值 / 实际完成值; 一级 blocks 预算管理 / 资产管理 / 职责履行 / 履职效益.
//    Scores are the evaluator's judgement: weights, ranges, reasons and totals are checked, nothing recomputed.
//   1 title · 2 year · 3 部门名称 · 4 budget header · 5 年度资金总额 · 6 基本支出 · 7 项目支出 · 8 goal header ·
//   9–10 年度主要任务 · 11 indicator header · 12–20 indicators · 21 总分 · 22 自评等级.
// By hand: execution 950.60/980 = 97.00% → 9.70
//   预算管理 8 + 7 + 6 + 8 = 29 (of 30); 资产管理 8 (of 10); 职责履行 15 + 15 = 30; 履职效益 8 + 10 = 18 (of 20)
//   总分 9.70 + 29 + 8 + 30 + 18 = 94.70 → 优
// Defect: 资产管理规范性 (8 of 10) has no 扣分原因, and 总分 typed 95.70.
// ===================================================================================================

const scorecard: Family = {
  family: "scorecard",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    frame(pen, "J", "部门整体支出绩效自评表", [10, 11, 12, 20, 18, 18, 8, 9, 14, 16]);
    pen.head("A3:B3", "部门名称");
    pen.text("C3:J3", "示例区司法局");
    const budget = drawGrid(pen, {
      top: 4,
      blockLabel: { at: "A", text: "预算执行情况（万元）" },
      headerDepth: 1,
      columns: [
        textCol("label", "B:C", null),
        amount("initial", "D", "年初预算数"),
        amount("planned", "E", "全年预算数"),
        amount("executed", "F", "全年执行数"),
        plainCol("weight", "G", "分值"),
        rateCol("H", "执行率"),
        scoreCol("score", "I:J", "得分"),
      ],
      lines: [
        { label: "年度资金总额", initial: 980, planned: 980, executed: 950.6, weight: 10, rate: 0.97, score: 9.7 },
        { label: "其中：基本支出", initial: 680, planned: 680, executed: 675.2, weight: "—", score: "—" },
        { label: "项目支出", initial: 300, planned: 300, executed: 275.4, weight: "—", score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [
        textCol("task", "B:C", "年度主要任务"),
        textCol("expected", "D:F", "预期目标"),
        textCol("actual", "G:J", "实际完成情况"),
      ],
      [
        {
          task: "公共法律服务",
          expected: "村（社区）公共法律服务工作室全覆盖，全年提供法律咨询8000人次以上。",
          actual: "村（社区）公共法律服务工作室实现全覆盖，全年提供法律咨询8650人次。",
        },
        {
          task: "人民调解",
          expected: "全年调解各类矛盾纠纷1500件以上，调解成功率95%以上。",
          actual: "全年调解矛盾纠纷1620件，调解成功率97.2%。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "预算管理",
        level2: "预算编制",
        name: "预算编制完整性",
        criteria: "部门收支全部纳入预算得满分，每发现一项未纳入扣1分",
        weight: 8,
        score: 8,
      },
      {
        level1: "预算管理",
        level2: "预算执行",
        name: "结转结余控制",
        criteria: "年末结转结余资金占比不超过10%得满分，每超1个百分点扣0.5分",
        weight: 8,
        score: 7,
        reason: "年末结转结余占比12%，超出控制目标2个百分点；下一步加快项目支出进度。",
      },
      {
        level1: "预算管理",
        level2: "信息公开",
        name: "预决算信息公开",
        criteria: "按规定时限和内容公开预决算信息得满分，未按时公开扣2分",
        weight: 6,
        score: 6,
      },
      {
        level1: "预算管理",
        level2: "预算执行",
        name: "“三公”经费控制",
        criteria: "“三公”经费支出不超过年初预算得满分，超支不得分",
        weight: 8,
        score: 8,
      },
      {
        level1: "资产管理",
        level2: "资产管理",
        name: "资产管理规范性",
        criteria: "资产账实相符、处置规范得满分，每发现一项问题扣2分",
        weight: 10,
        score: 8,
        reason: defective ? null : "发现1台闲置执法记录设备未及时登记入账；已补登并建立季度盘点制度。",
      },
      {
        level1: "职责履行",
        level2: "重点工作",
        name: "重点工作任务完成情况",
        criteria: "全面完成年度重点工作得满分，每有一项未完成扣3分",
        weight: 15,
        score: 15,
      },
      {
        level1: "职责履行",
        level2: "制度建设",
        name: "内部控制制度执行",
        criteria: "内控制度健全并有效执行得满分，发现执行缺陷每处扣2分",
        weight: 15,
        score: 15,
      },
      {
        level1: "履职效益",
        level2: "社会效益",
        name: "法治宣传社会效果",
        criteria: "普法宣传覆盖面广、群众法治意识明显提升得满分，效果一般酌情扣分",
        weight: 10,
        score: 8,
        reason: "偏远村组普法活动频次偏少；下一步开展“法律明白人”进村入户活动。",
      },
      {
        level1: "履职效益",
        level2: "服务对象满意度",
        name: "服务对象满意度",
        criteria: "满意度不低于90%得满分，每低1个百分点扣0.5分",
        weight: 10,
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: [
        plainCol("level1", "B", "一级指标"),
        plainCol("level2", "C", "二级指标"),
        textCol("name", "D", "三级指标"),
        textCol("criteria", "E:F", "评分标准"),
        plainCol("weight", "G", "分值"),
        scoreCol("score", "H", "得分"),
        textCol("reason", "I:J", "扣分原因"),
      ],
      lines,
      mergeRuns: ["level1", "level2"],
      rowHeight: 36,
    });
    const typedTotal = defective ? 95.7 : 94.7;
    if (!defective) sums("scorecard", [9.7, total(lines, "score")], typedTotal);
    const t = indicators.next;
    pen.head(`A${t}:F${t}`, "总分");
    pen.put(`G${t}`, 100, { horizontal: "center" });
    pen.put(`H${t}`, typedTotal, { numFmt: FORMAT.score });
    pen.put(`I${t}:J${t}`, null);
    pen.head(`A${t + 1}:F${t + 1}`, "自评等级");
    pen.put(`G${t + 1}:J${t + 1}`, "优");

    const blocks = [
      { level1: "预算管理", weight: null },
      { level1: "资产管理", weight: null },
      { level1: "职责履行", weight: null },
      { level1: "履职效益", weight: null },
    ];
    const reading = checkReading(
      {
        budget: {
          headerRows: [4, 4],
          columns: { label: "B", initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
        },
        goal: { headerRows: [8, 8], columns: { expected: "D", actual: "G" } },
        indicator: {
          headerRows: [11, 11],
          rows: [12, 20],
          columns: { level1: "B", level2: "C", name: "D", criteria: "E", weight: "G", score: "H", reason: "I" },
        },
        weights: "column",
        total: "H21",
        blocks,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `H${t}`,
        blocks,
      },
    );
    same("reason cell", "I16", indicators.cell(4, "reason"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Scorecard 部门整体 table (评分标准 instead of 年度指标值/实际完成值). Defects: 资产管理规范性 scores 8 of 10 with its 扣分原因 left empty (reason-missing at I16), and the 总分 typed 95.70 where 9.70 + 29 + 8 + 30 + 18 = 94.70 (total-mismatch at H21)."
          : "Scorecard 部门整体 table: 评分标准 instead of 年度指标值/实际完成值, so every score is a judgement (checked against its weight, never recomputed), each deduction explained in 扣分原因. 一级 blocks 预算管理 / 资产管理 / 职责履行 / 履职效益 weighing 30 + 10 + 30 + 20 = 90. Execution 950.60/980 = 97.00% → 9.70; 总分 9.70 + 29 + 8 + 30 + 18 = 94.70 → 优.",
        family: "scorecard",
        sheet: TABLE_SHEET,
        layout: "department",
        reading,
        budget: { rate: 0.97 },
        total: { computed: 94.7, grade: "优" },
        findings: defective ? [finding("reason-missing", "I16"), finding("total-mismatch", "H21")] : [],
        absent: defective ? rulesExcept("reason-missing", "total-mismatch") : rulesExcept(),
        // Scorecard rows are the evaluator's judgement: no 得分 written; the typed ones make the 总分.
        writes: {
          [budget.cell(0, "rate")]: round(950.6 / 980, 6),
          [budget.cell(0, "score")]: round(Math.min(950.6 / 980, 1) * 10, 2),
          ...scoreWrites((i) => indicators.cell(i, "score"), [null, null, null, null, null, null, null, null, null]),
          [`H${t}`]: round((950.6 / 980) * 10 + (8 + 7 + 6 + 8) + 8 + (15 + 15) + (8 + 10), 2),
          [`G${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `H${t}`, `G${t + 1}`),
      },
    };
  },
};

// ===================================================================================================
// 7. Two-row indicator header: 年度指标值 merged over 指标性质 / 指标值 / 度量单位, every other header merged down
//    over both rows. Sichuan budget block (权重, 原因). Columns A..K.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget header · 6 总额 · 7–10 sources · 11 goal header ·
//   12 goal · 13–14 indicator header · 15–22 indicators · 23 总分 · 24 自评等级.
// By hand: execution 576/600 = 96.00% → 9.60
//   产出 10 + 10 + 10 + 9.167 (91.67/100 × 10, typed 9.17) + 10 = 49.167; 效益 15 + 15 = 30; 满意度 10
//   总分 9.60 + 49.167 + 30 + 10 = 98.767 (typed 98.77) → 优
// Defect: 每平方米改造成本 weighs 5 (得分 5): 10 + 45 + 30 + 10 = 95 against 总分 分值 100; 总分 93.767 (typed 93.77).
// ===================================================================================================

const twoRowTarget: Family = {
  family: "two-row-target",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    frame(pen, "K", "项目支出绩效自评表", [10, 11, 13, 22, 8, 9, 9, 11, 8, 9, 20]);
    pen.head("A3:B3", "项目名称");
    pen.text("C3:K3", "2023年义务教育学校校舍维修改造项目");
    pen.head("A4:B4", "主管部门");
    pen.text("C4:F4", "示例县教育局");
    pen.head("G4:H4", "实施单位");
    pen.text("I4:K4", "示例县教育项目服务中心");
    const budget = drawGrid(pen, {
      top: 5,
      blockLabel: { at: "A", text: "项目资金（万元）" },
      headerDepth: 1,
      columns: [
        textCol("label", "B:C", null),
        amount("initial", "D", "年初预算"),
        amount("planned", "E", "调整后预算数"),
        amount("executed", "F", "预算执行数"),
        rateCol("G", "预算执行率"),
        plainCol("weight", "H", "权重"),
        scoreCol("score", "I", "得分"),
        textCol("reason", "J:K", "原因"),
      ],
      lines: [
        { label: "总额", initial: 600, planned: 600, executed: 576, rate: 0.96, weight: 10, score: 9.6 },
        { label: "财政资金", initial: 560, planned: 560, executed: 540, weight: "—", score: "—" },
        { label: "财政专户管理资金", initial: 0, planned: 0, executed: 0, weight: "—", score: "—" },
        { label: "单位资金", initial: 0, planned: 0, executed: 0, weight: "—", score: "—" },
        { label: "其他资金", initial: 40, planned: 40, executed: 36, weight: "—", score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [textCol("expected", "B:F", "预期目标"), textCol("actual", "G:K", "实际完成情况")],
      [
        {
          expected:
            "完成12所学校校舍维修改造，改造面积1.8万平方米，工程验收合格率100%，消除校舍安全隐患，师生满意度90%以上。",
          actual:
            "完成12所学校校舍维修改造，改造面积1.86万平方米，验收合格率100%；其中1所学校因雨季延期半个月完工。师生满意度95%。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "维修改造学校数量",
        nature: "≥",
        target: 12,
        unit: "所",
        actual: 12,
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "校舍改造面积",
        nature: "≥",
        target: 1.8,
        unit: "万平方米",
        actual: 1.86,
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "工程验收合格率",
        nature: "=",
        target: 100,
        unit: "%",
        actual: 100,
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "工程按期完工率",
        nature: "≥",
        target: 100,
        unit: "%",
        actual: 91.67,
        weight: 10,
        score: 9.17,
        reason: "1所学校因雨季停工延期半个月完工；下一步将室外工程安排在旱季施工。",
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "每平方米改造成本",
        nature: "≤",
        target: 320,
        unit: "元",
        actual: 305,
        weight: defective ? 5 : 10,
        score: defective ? 5 : 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "消除校舍安全隐患学校数",
        nature: "≥",
        target: 12,
        unit: "所",
        actual: 12,
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "校舍使用年限延长",
        nature: "≥",
        target: 10,
        unit: "年",
        actual: 10,
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "师生满意度",
        nature: "≥",
        target: 90,
        unit: "%",
        actual: 95,
        weight: 10,
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 2,
      columns: [
        plainCol("level1", "B", "一级指标"),
        plainCol("level2", "C", "二级指标"),
        textCol("name", "D", "三级指标"),
        plainCol("nature", "E", "指标性质", "年度指标值"),
        plainCol("target", "F", "指标值", "年度指标值"),
        plainCol("unit", "G", "度量单位", "年度指标值"),
        plainCol("actual", "H", "实际完成值"),
        plainCol("weight", "I", "分值"),
        scoreCol("score", "J", "得分"),
        textCol("reason", "K", "偏差原因分析及改进措施"),
      ],
      lines,
      mergeRuns: ["level1", "level2"],
    });
    const typedTotal = defective ? 93.77 : 98.77;
    sums("two-row-target", [9.6, total(lines, "score")], typedTotal);
    const t = indicators.next;
    pen.head(`A${t}:H${t}`, "总分");
    pen.put(`I${t}`, 100, { horizontal: "center" });
    pen.put(`J${t}`, typedTotal, { numFmt: FORMAT.score });
    pen.put(`K${t}`, null);
    pen.head(`A${t + 1}:H${t + 1}`, "自评等级");
    pen.put(`I${t + 1}:K${t + 1}`, "优");

    const reading = checkReading(
      {
        budget: {
          headerRows: [5, 5],
          columns: {
            label: "B",
            initial: "D",
            planned: "E",
            executed: "F",
            rate: "G",
            weight: "H",
            score: "I",
            reason: "J",
          },
        },
        goal: { headerRows: [11, 11], columns: { expected: "B", actual: "G" } },
        indicator: {
          headerRows: [13, 14],
          rows: [15, 22],
          columns: {
            level1: "B",
            level2: "C",
            name: "D",
            nature: "E",
            target: "F",
            unit: "G",
            actual: "H",
            weight: "I",
            score: "J",
            reason: "K",
          },
        },
        weights: "column",
        total: "J23",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `J${t}`,
        blocks: PLAIN_BLOCKS,
      },
    );
    same("total weight cell", "I23", `I${t}`);
    return {
      workbook,
      expected: {
        description: defective
          ? "Two-row indicator header (年度指标值 over 指标性质 / 指标值 / 度量单位), Sichuan budget block. Defect: 每平方米改造成本 weighs 5 (and scores 5), so the weights add up to 10 + 45 + 30 + 10 = 95 against the 总分 分值 100 (weights-sum at I23). The scores are right for the weights typed: 9.60 + 44.167 + 30 + 10 = 93.767 (typed 93.77) → 优."
          : "Two-row indicator header: 年度指标值 merged over 指标性质 / 指标值 / 度量单位, the other headers merged down over rows 13–14; Sichuan budget block (年初预算/调整后预算数/预算执行数/预算执行率/权重/得分/原因). Execution 576/600 = 96.00% → 9.60; 产出 10 + 10 + 10 + 9.167 (91.67/100 × 10) + 10 = 49.167; 效益 30; 满意度 10; 总分 98.767 (typed 98.77) → 优.",
        family: "two-row-target",
        sheet: TABLE_SHEET,
        layout: "sichuan",
        reading,
        budget: { rate: 0.96 },
        total: defective ? { computed: 93.767, grade: "优" } : { computed: 98.767, grade: "优" },
        findings: defective ? [finding("weights-sum", "I23")] : [],
        absent: defective ? rulesExcept("weights-sum") : rulesExcept(),
        writes: {
          [budget.cell(0, "rate")]: round(576 / 600, 6),
          [budget.cell(0, "score")]: round(Math.min(576 / 600, 1) * 10, 2),
          ...scoreWrites(
            (i) => indicators.cell(i, "score"),
            [10, 10, 10, 10 * (91.67 / 100), defective ? 5 : 10, 15, 15, 10],
          ),
          [`J${t}`]: round(
            (576 / 600) * 10 + 10 + 10 + 10 + 10 * (91.67 / 100) + (defective ? 5 : 10) + 15 + 15 + 10,
            2,
          ),
          [`I${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `J${t}`, `I${t + 1}`),
      },
    };
  },
};

// ===================================================================================================
// 8. Two-row score header: 自评得分 merged over 单项指标得分 (a 0–100 mark, the coefficient) / 权重占比(%) (the weight
//    in points, summing with the execution 10 to 100) / 单项指标折算得分 (mark/100 × weight, the score). Columns A..J.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget header · 6 年度资金总额 · 7–9 sub-rows ·
//   10 goal header · 11 goal · 12–13 indicator header · 14–20 indicators · 21 总分 · 22 自评等级.
// By hand: execution 78/80 = 97.50% → 9.75
//   产出 15 + 9 (7200/8000 = 90 × 10/100) + 10 + 10 = 44; 效益 20 + 13.50 (qualitative, mark 90 of 15) = 33.50;
//   满意度 10 (weights 45 + 35 + 10 = 90)
//   总分 9.75 + 44 + 33.50 + 10 = 97.25 → 优
// Defect: 新增馆藏图书 折算得分 typed 9.50 (mark 90 × 10/100 = 9.00); 总分 typed 97.75.
// ===================================================================================================

const twoRowScore: Family = {
  family: "two-row-score",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    frame(pen, "J", "项目支出绩效自评表", [10, 11, 13, 22, 14, 14, 11, 11, 11, 20]);
    pen.head("A3:B3", "项目名称");
    pen.text("C3:J3", "2023年公共图书馆免费开放项目");
    pen.head("A4:B4", "主管部门");
    pen.text("C4:E4", "示例区文化广电旅游体育局");
    pen.head("F4:G4", "实施单位");
    pen.text("H4:J4", "示例区图书馆");
    const budget = drawGrid(pen, {
      top: 5,
      blockLabel: { at: "A", text: "项目资金（万元）" },
      headerDepth: 1,
      columns: [
        textCol("label", "B:C", null),
        amount("initial", "D", "年初预算数"),
        amount("planned", "E", "全年预算数"),
        amount("executed", "F", "全年执行数"),
        plainCol("weight", "G", "分值"),
        rateCol("H", "执行率"),
        scoreCol("score", "I:J", "得分"),
      ],
      lines: [
        { label: "年度资金总额", initial: 80, planned: 80, executed: 78, weight: 10, rate: 0.975, score: 9.75 },
        { label: "其中：当年财政拨款", initial: 80, planned: 80, executed: 78, weight: "—", score: "—" },
        { label: "上年结转资金", initial: 0, planned: 0, executed: 0, weight: "—", score: "—" },
        { label: "其他资金", initial: 0, planned: 0, executed: 0, weight: "—", score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [textCol("expected", "B:E", "预期目标"), textCol("actual", "F:J", "实际完成情况")],
      [
        {
          expected: "图书馆全年免费开放300天以上，新增馆藏图书8000册，年接待读者20万人次以上，读者满意度90%以上。",
          actual:
            "全年免费开放312天，新增馆藏图书7200册，年接待读者21.5万人次，读者满意度94%。受图书采购招标延期影响，新增馆藏少于计划。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "免费开放天数",
        target: "≥300天",
        actual: "312天",
        coefficient: 100,
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新增馆藏图书",
        target: "≥8000册",
        actual: "7200册",
        coefficient: 90,
        weight: 10,
        score: defective ? 9.5 : 9,
        reason: "图书采购招标延期，部分图书次年到馆；下一步提前启动采购程序。",
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "数字资源可用率",
        target: "≥99%",
        actual: "99.5%",
        coefficient: 100,
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "新书上架周期",
        target: "≤15天",
        actual: "12天",
        coefficient: 100,
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "年接待读者人次",
        target: "≥20万人次",
        actual: "21.5万人次",
        coefficient: 100,
        weight: 20,
        score: 20,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "全民阅读氛围",
        target: "持续提升",
        actual: "达成年度指标",
        coefficient: 90,
        weight: 15,
        score: 13.5,
        reason: "少儿和老年读者专题活动偏少；下一步开设分众阅读推广活动。",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "读者满意度",
        target: "≥90%",
        actual: "94%",
        coefficient: 100,
        weight: 10,
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 2,
      columns: [
        plainCol("level1", "B", "一级指标"),
        plainCol("level2", "C", "二级指标"),
        textCol("name", "D", "三级指标"),
        plainCol("target", "E", "年度指标值"),
        plainCol("actual", "F", "实际完成值"),
        plainCol("coefficient", "G", "单项指标得分", "自评得分"),
        plainCol("weight", "H", "权重占比(%)", "自评得分"),
        scoreCol("score", "I", "单项指标折算得分", "自评得分"),
        textCol("reason", "J", "偏差原因分析及改进措施"),
      ],
      lines,
      mergeRuns: ["level1", "level2"],
    });
    const typedTotal = defective ? 97.75 : 97.25;
    sums("two-row-score", [9.75, total(lines, "score")], typedTotal);
    const t = indicators.next;
    pen.head(`A${t}:G${t}`, "总分");
    pen.put(`H${t}`, 100, { horizontal: "center" });
    pen.put(`I${t}`, typedTotal, { numFmt: FORMAT.score });
    pen.put(`J${t}`, null);
    pen.head(`A${t + 1}:G${t + 1}`, "自评等级");
    pen.put(`H${t + 1}:J${t + 1}`, "优");

    const reading = checkReading(
      {
        budget: {
          headerRows: [5, 5],
          columns: { label: "B", initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
        },
        goal: { headerRows: [10, 10], columns: { expected: "B", actual: "F" } },
        indicator: {
          headerRows: [12, 13],
          rows: [14, 20],
          columns: {
            level1: "B",
            level2: "C",
            name: "D",
            target: "E",
            actual: "F",
            coefficient: "G",
            weight: "H",
            score: "I",
            reason: "J",
          },
        },
        weights: "column",
        total: "I21",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `I${t}`,
        blocks: PLAIN_BLOCKS,
      },
    );
    same("score cell", "I15", indicators.cell(1, "score"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Two-row score header (自评得分 over 单项指标得分 / 权重占比(%) / 单项指标折算得分). Defect: 新增馆藏图书 (≥8000册 → 7200册, mark 90, 权重占比 10) typed 折算得分 9.50 where 90/100 × 10 = 9.00 = 10 × 7200/8000 (score-mismatch at I15), summed into 总分 97.75 where 9.75 + 44 + 33.50 + 10 = 97.25 (total-mismatch at I21)."
          : "Two-row score header: 自评得分 merged over 单项指标得分 (a 0–100 mark: the coefficient), 权重占比(%) (the weight in points; 90 with the execution 10) and 单项指标折算得分 (mark/100 × weight: the score). Execution 78/80 = 97.50% → 9.75; 产出 15 + 9 (7200/8000 = 90%) + 10 + 10 = 44; 效益 20 + 13.50 (qualitative, mark 90 of 15, top tier) = 33.50; 满意度 10; 总分 97.25 → 优.",
        family: "two-row-score",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.975 },
        total: { computed: 97.25, grade: "优" },
        findings: defective ? [finding("score-mismatch", "I15"), finding("total-mismatch", "I21")] : [],
        absent: defective ? rulesExcept("score-mismatch", "total-mismatch") : rulesExcept(),
        // 全民阅读氛围 is qualitative (mark 90 of 15 = 13.50, typed); 新增馆藏图书 by the rule 10 × 7200 ÷ 8000.
        writes: {
          [budget.cell(0, "rate")]: round(78 / 80, 6),
          [budget.cell(0, "score")]: round(Math.min(78 / 80, 1) * 10, 2),
          ...scoreWrites((i) => indicators.cell(i, "score"), [15, 10 * (7200 / 8000), 10, 10, 20, null, 10]),
          [`I${t}`]: round((78 / 80) * 10 + 15 + 10 * (7200 / 8000) + 10 + 10 + 20 + 13.5 + 10, 2),
          [`H${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `I${t}`, `H${t + 1}`),
      },
    };
  },
};

/** The central indicator columns (A 绩效指标 · B 一级 · C 二级 · D 三级 · E 指标值 · F 完成值 · G 分值 · H 得分 · I:J 原因). */
const CENTRAL_INDICATOR_COLUMNS: ColumnSpec[] = [
  plainCol("level1", "B", "一级指标"),
  plainCol("level2", "C", "二级指标"),
  textCol("name", "D", "三级指标"),
  plainCol("target", "E", "年度指标值"),
  plainCol("actual", "F", "实际完成值"),
  plainCol("weight", "G", "分值"),
  scoreCol("score", "H", "得分"),
  textCol("reason", "I:J", "偏差原因分析及改进措施"),
];

/** 总分 and 自评等级 rows under central indicator columns (label A:F, 分值 G, 得分 H). */
function centralTotalRows(pen: Pen, row: number, typedTotal: number, grade: string): void {
  pen.head(`A${row}:F${row}`, "总分");
  pen.put(`G${row}`, 100, { horizontal: "center" });
  pen.put(`H${row}`, typedTotal, { numFmt: FORMAT.score });
  pen.put(`I${row}:J${row}`, null);
  pen.head(`A${row + 1}:F${row + 1}`, "自评等级");
  pen.put(`G${row + 1}:J${row + 1}`, grade);
}

/** Title, year, 项目名称 and 主管部门/实施单位 over columns A..J. */
function projectHeading(pen: Pen, project: string, department: string, unit: string): void {
  frame(pen, "J", "项目支出绩效自评表", [10, 11, 13, 24, 15, 15, 9, 11, 14, 16]);
  pen.head("A3:B3", "项目名称");
  pen.text("C3:J3", project);
  pen.head("A4:B4", "主管部门");
  pen.text("C4:E4", department);
  pen.head("F4:G4", "实施单位");
  pen.text("H4:J4", unit);
}

// ===================================================================================================
// 9. Two-row budget header: 预算执行情况 merged over 预算数 / 执行数 / 执行率; 分值 and 得分 single cells merged down
//    over both header rows; no 年初预算数. Columns A..J.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5–6 budget header · 7 年度资金总额 · 8–10 sub-rows ·
//   11 goal header · 12 goal · 13 indicator header · 14–21 indicators · 22 总分 · 23 自评等级.
// By hand: execution 247/260 = 95.00% → 9.50
//   产出 15 + 10 + 10 + 5 + 10 = 50; 效益 15 + 12.50 (≤20件 → 24件: 15 × 20/24) = 27.50; 满意度 10
//   总分 9.50 + 50 + 27.50 + 10 = 97.00 → 优
// Defect: 执行率 typed 97.00% (247/260 = 95.00%), and 涉河投诉件数 (12.50 of 15) has no reason.
// ===================================================================================================

const twoRowBudget: Family = {
  family: "two-row-budget",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    projectHeading(pen, "2023年河道保洁项目", "示例区水务局", "示例区河道管理所");
    const budget = drawGrid(pen, {
      top: 5,
      blockLabel: { at: "A", text: "项目资金（万元）" },
      headerDepth: 2,
      columns: [
        textCol("label", "B:C", null),
        amount("planned", "D", "预算数", "预算执行情况"),
        amount("executed", "E", "执行数", "预算执行情况"),
        rateCol("F", "执行率", "预算执行情况"),
        plainCol("weight", "G", "分值"),
        scoreCol("score", "H:J", "得分"),
      ],
      lines: [
        { label: "年度资金总额", planned: 260, executed: 247, rate: defective ? 0.97 : 0.95, weight: 10, score: 9.5 },
        { label: "其中：当年财政拨款", planned: 240, executed: 228, weight: "—", score: "—" },
        { label: "上年结转资金", planned: 20, executed: 19, weight: "—", score: "—" },
        { label: "其他资金", planned: 0, executed: 0, weight: "—", score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [textCol("expected", "B:E", "预期目标"), textCol("actual", "F:J", "实际完成情况")],
      [
        {
          expected: "完成85公里河道日常保洁，清理水面漂浮物1200吨以上，保洁考核达标率95%以上，涉河投诉不超过20件。",
          actual: "完成85公里河道日常保洁，清理水面漂浮物1320吨，保洁考核达标率96.5%；汛期上游来漂集中，涉河投诉24件。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "河道保洁长度",
        target: "≥85公里",
        actual: "85公里",
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "清理水面漂浮物",
        target: "≥1200吨",
        actual: "1320吨",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "河道保洁考核达标率",
        target: "≥95%",
        actual: "96.5%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "漂浮物清理及时率",
        target: "≥98%",
        actual: "98%",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "每公里年保洁成本",
        target: "≤3万元",
        actual: "2.9万元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "生态效益指标",
        name: "河道水面整洁度",
        target: "明显改善",
        actual: "达成年度指标",
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "涉河投诉件数",
        target: "≤20件",
        actual: "24件",
        weight: 15,
        score: 12.5,
        reason: defective ? null : "汛期上游来漂集中，清理不及时引发投诉；下一步汛期增加保洁船只和作业频次。",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "沿河居民满意度",
        target: "≥90%",
        actual: "91%",
        weight: 10,
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: CENTRAL_INDICATOR_COLUMNS,
      lines,
      mergeRuns: ["level1", "level2"],
    });
    sums("two-row-budget", [9.5, total(lines, "score")], 97);
    const t = indicators.next;
    centralTotalRows(pen, t, 97, "优");

    const reading = checkReading(
      {
        budget: {
          headerRows: [5, 6],
          columns: { label: "B", planned: "D", executed: "E", rate: "F", weight: "G", score: "H" },
        },
        goal: { headerRows: [11, 11], columns: { expected: "B", actual: "F" } },
        indicator: { headerRows: [13, 13], rows: [14, 21], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H22",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `H${t}`,
        blocks: PLAIN_BLOCKS,
      },
    );
    same("rate cell", "F7", budget.cell(0, "rate"));
    same("reason cell", "I20", indicators.cell(6, "reason"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Two-row budget header (预算执行情况 over 预算数 / 执行数 / 执行率). Defects: 执行率 typed 97.00% where 247/260 = 95.00% (exec-rate-mismatch at F7; the 得分 9.50 follows the right rate), and 涉河投诉件数 (≤20件 → 24件, 15 × 20/24 = 12.50 of 15) has no reason (reason-missing at I20). 总分 97.00 as the clean table."
          : "Two-row budget header: 预算执行情况 merged over 预算数 / 执行数 / 执行率, with 分值 and 得分 single cells merged down over both header rows and the row-label column blank; no 年初预算数. Execution 247/260 = 95.00% → 9.50; 产出 50; 效益 15 + 12.50 (≤20件 → 24件: 15 × 20/24) = 27.50; 满意度 10; 总分 97.00 → 优.",
        family: "two-row-budget",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.95 },
        total: { computed: 97, grade: "优" },
        findings: defective ? [finding("exec-rate-mismatch", "F7"), finding("reason-missing", "I20")] : [],
        absent: defective ? rulesExcept("exec-rate-mismatch", "reason-missing") : rulesExcept(),
        // 河道水面整洁度 is qualitative (typed 15); 涉河投诉件数 ≤20件 missed by 24: 15 × 20 ÷ 24.
        writes: {
          [budget.cell(0, "rate")]: round(247 / 260, 6),
          [budget.cell(0, "score")]: round(Math.min(247 / 260, 1) * 10, 2),
          ...scoreWrites((i) => indicators.cell(i, "score"), [15, 10, 10, 5, 10, null, 15 * (20 / 24), 10]),
          [`H${t}`]: round((247 / 260) * 10 + 15 + 10 + 10 + 5 + 10 + 15 + 15 * (20 / 24) + 10, 2),
          [`G${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `H${t}`, `G${t + 1}`),
      },
    };
  },
};

// ===================================================================================================
// 10. Group header over the row labels: 年度预算数（万元） merged across the label column (A:C, holding 总额,
//     其中：财政资金, 其他资金) and the figure columns D:F, with children 年初预算数 / 全年预算数 / 全年执行数 under the
//     figure columns only; 分值, 执行率, 得分 merged down. The label column is never a figure column. Columns A..J.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5–6 budget header · 7 总额 · 8 财政资金 · 9 其他资金 ·
//   10 goal header · 11 goal · 12 indicator header · 13–20 indicators · 21 总分 · 22 自评等级.
// By hand: execution 304/320 = 95.00% → 9.50
//   产出 15 + 9 (360/400 = 0.90 × 10) + 10 + 5 + 10 = 49; 效益 10 + 20 = 30; 满意度 10
//   总分 9.50 + 49 + 30 + 10 = 98.50 → 优
// Defect: 财政资金 执行数 typed 295, so 295 + 19 = 314 ≠ 总额 304.
// ===================================================================================================

const groupHeader: Family = {
  family: "group-header-labels",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    projectHeading(pen, "2023年农贸市场升级改造补助项目", "示例区商务局", "示例区商贸服务中心");
    const budget = drawGrid(pen, {
      top: 5,
      headerDepth: 2,
      columns: [
        textCol("label", "A:C", null, "年度预算数（万元）"),
        amount("initial", "D", "年初预算数", "年度预算数（万元）"),
        amount("planned", "E", "全年预算数", "年度预算数（万元）"),
        amount("executed", "F", "全年执行数", "年度预算数（万元）"),
        plainCol("weight", "G", "分值"),
        rateCol("H", "执行率"),
        scoreCol("score", "I:J", "得分"),
      ],
      lines: [
        { label: "总额", initial: 320, planned: 320, executed: 304, weight: 10, rate: 0.95, score: 9.5 },
        {
          label: "其中：财政资金",
          initial: 300,
          planned: 300,
          executed: defective ? 295 : 285,
          weight: "—",
          score: "—",
        },
        { label: "其他资金", initial: 20, planned: 20, executed: 19, weight: "—", score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [textCol("expected", "B:E", "预期目标"), textCol("actual", "F:J", "实际完成情况")],
      [
        {
          expected:
            "完成8个农贸市场升级改造，新增智慧溯源摊位400个，改造工程验收合格率100%，食品安全溯源覆盖率达到90%。",
          actual:
            "完成8个农贸市场升级改造，新增智慧溯源摊位360个，验收合格率100%，食品安全溯源覆盖率93%。部分经营户退租，溯源摊位少于计划。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "升级改造农贸市场数量",
        target: "≥8个",
        actual: "8个",
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新增智慧溯源摊位",
        target: "≥400个",
        actual: "360个",
        weight: 10,
        score: 9,
        reason: "部分经营户退租，摊位未能安装溯源设备；下一步随新租户入场同步安装。",
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "改造工程验收合格率",
        target: "=100%",
        actual: "100%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "改造任务按期完成率",
        target: "≥95%",
        actual: "100%",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "单个市场平均补助金额",
        target: "≤40万元",
        actual: "38万元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "经济效益指标",
        name: "市场经营户营业额增长率",
        target: "≥5%",
        actual: "5.6%",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "食品安全溯源覆盖率",
        target: "≥90%",
        actual: "93%",
        weight: 20,
        score: 20,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "经营户及群众满意度",
        target: "≥90%",
        actual: "92%",
        weight: 10,
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: CENTRAL_INDICATOR_COLUMNS,
      lines,
      mergeRuns: ["level1", "level2"],
    });
    sums("group-header-labels", [9.5, total(lines, "score")], 98.5);
    const t = indicators.next;
    centralTotalRows(pen, t, 98.5, "优");

    const reading = checkReading(
      {
        budget: {
          headerRows: [5, 6],
          columns: { label: "A", initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
        },
        goal: { headerRows: [10, 10], columns: { expected: "B", actual: "F" } },
        indicator: { headerRows: [12, 12], rows: [13, 20], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H21",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `H${t}`,
        blocks: PLAIN_BLOCKS,
      },
    );
    same("total executed cell", "F7", budget.cell(0, "executed"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Group header 年度预算数（万元） over the row-label column A:C and the figure columns D:F. Defect: the 财政资金 row's 全年执行数 typed 295, so the sub-rows add up to 295 + 19 = 314 against the 总额 row's 304 (budget-total-mismatch at F7). The 总额 row is unchanged: 304/320 = 95.00% → 9.50, 总分 98.50."
          : "Group header over the row labels: 年度预算数（万元） merged across the label column A:C (总额, 其中：财政资金, 其他资金) and the figure columns, its children 年初预算数 / 全年预算数 / 全年执行数 under D:F only; 分值, 执行率, 得分 merged down over both header rows. Execution 304/320 = 95.00% → 9.50; 产出 15 + 9 (360/400 × 10) + 10 + 5 + 10 = 49; 效益 30; 满意度 10; 总分 98.50 → 优.",
        family: "group-header-labels",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.95 },
        total: { computed: 98.5, grade: "优" },
        findings: defective ? [finding("budget-total-mismatch", "F7")] : [],
        absent: defective ? rulesExcept("budget-total-mismatch") : rulesExcept(),
        // The defect's sub-row 295 leaves the 总额 row's 304 / 320 as typed.
        writes: {
          [budget.cell(0, "rate")]: round(304 / 320, 6),
          [budget.cell(0, "score")]: round(Math.min(304 / 320, 1) * 10, 2),
          ...scoreWrites((i) => indicators.cell(i, "score"), [15, 10 * (360 / 400), 10, 5, 10, 10, 20, 10]),
          [`H${t}`]: round((304 / 320) * 10 + 15 + 10 * (360 / 400) + 10 + 5 + 10 + 10 + 20 + 10, 2),
          [`G${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `H${t}`, `G${t + 1}`),
      },
    };
  },
};

// ===================================================================================================
// 11. No 分值 column: the city template whose weights are only in headings — 预算执行情况（20分） over the budget
//     block, 年度绩效目标（80分） over the indicators, 一级 labels 产出指标(50分) / 效益指标(20分) / 满意度指标(10分).
//     Indicators carry 得分 but no weight, so nothing per indicator is recomputed. Columns A..I.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 heading 预算执行情况（20分） · 6 budget header ·
//   7 年度资金总额 · 8–10 sub-rows · 11 goal header · 12 goal · 13 heading 年度绩效目标（80分） ·
//   14 indicator header · 15–22 indicators · 23 总分 · 24 自评等级.
// By hand: execution 141/150 = 94.00% → 20 × 0.94 = 18.80
//   typed: 产出 15 + 9 + 10 + 10 + 5 = 49 (≤ 50; the lost point is on 老年人健康管理人数, 5400 < 6000, with a reason);
//   效益 10 + 10 = 20; 满意度 10 → Σ 79; 50 + 20 + 10 = 80
//   总分 18.80 + 79 = 97.80 → 优
// Defect: 老年人健康管理人数 (actual short of target, block under its weight) has no reason; 总分 typed 98.80.
// ===================================================================================================

const headingWeights: Family = {
  family: "no-weight-column",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    frame(pen, "I", "项目支出绩效自评表", [10, 13, 14, 26, 15, 15, 10, 16, 16]);
    pen.head("A3:B3", "项目名称");
    pen.text("C3:I3", "2023年基本公共卫生服务项目");
    pen.head("A4:B4", "主管部门");
    pen.text("C4:E4", "示例市卫生健康委员会");
    pen.head("F4:G4", "实施单位");
    pen.text("H4:I4", "示例市社区卫生服务中心");
    pen.put("A5:I5", "预算执行情况（20分）", { font: { name: "宋体", size: 10, bold: true }, horizontal: "left" });
    const budget = drawGrid(pen, {
      top: 6,
      blockLabel: { at: "A", text: "项目资金（万元）" },
      headerDepth: 1,
      columns: [
        textCol("label", "B:C", null),
        amount("initial", "D", "年初预算数"),
        amount("planned", "E", "全年预算数"),
        amount("executed", "F", "全年执行数"),
        rateCol("G", "执行率"),
        scoreCol("score", "H:I", "得分"),
      ],
      lines: [
        { label: "年度资金总额", initial: 150, planned: 150, executed: 141, rate: 0.94, score: 18.8 },
        { label: "其中：当年财政拨款", initial: 150, planned: 150, executed: 141, score: "—" },
        { label: "上年结转资金", initial: 0, planned: 0, executed: 0, score: "—" },
        { label: "其他资金", initial: 0, planned: 0, executed: 0, score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [textCol("expected", "B:E", "预期目标"), textCol("actual", "F:I", "实际完成情况")],
      [
        {
          expected:
            "建立居民电子健康档案8万份以上，65岁及以上老年人健康管理6000人，慢病患者按时随访率95%以上，居民满意度90%以上。",
          actual:
            "建立居民电子健康档案8.2万份，老年人健康管理5400人，慢病随访按时完成率96%，居民满意度93%。部分老年人外出随子女居住，未能纳入管理。",
        },
      ],
    );
    const t0 = goals.next;
    pen.put(`A${t0}:I${t0}`, "年度绩效目标（80分）", {
      font: { name: "宋体", size: 10, bold: true },
      horizontal: "left",
    });
    const lines: Line[] = [
      {
        level1: "产出指标(50分)",
        level2: "数量指标",
        name: "建立居民电子健康档案",
        target: "≥8万份",
        actual: "8.2万份",
        score: 15,
      },
      {
        level1: "产出指标(50分)",
        level2: "数量指标",
        name: "65岁及以上老年人健康管理人数",
        target: "≥6000人",
        actual: "5400人",
        score: 9,
        reason: defective
          ? null
          : "部分老年人外出随子女居住，未能纳入健康管理；下一步与居住地卫生服务机构共享健康档案。",
      },
      {
        level1: "产出指标(50分)",
        level2: "质量指标",
        name: "健康档案规范化建档率",
        target: "≥90%",
        actual: "92%",
        score: 10,
      },
      {
        level1: "产出指标(50分)",
        level2: "时效指标",
        name: "慢病患者随访按时完成率",
        target: "≥95%",
        actual: "96%",
        score: 10,
      },
      {
        level1: "产出指标(50分)",
        level2: "成本指标",
        name: "人均基本公共卫生服务补助标准",
        target: "≤89元",
        actual: "89元",
        score: 5,
      },
      {
        level1: "效益指标(20分)",
        level2: "社会效益指标",
        name: "居民健康素养水平",
        target: "≥25%",
        actual: "26.5%",
        score: 10,
      },
      {
        level1: "效益指标(20分)",
        level2: "可持续影响指标",
        name: "基本公共卫生服务体系",
        target: "持续完善",
        actual: "达成年度指标",
        score: 10,
      },
      {
        level1: "满意度指标(10分)",
        level2: "服务对象满意度指标",
        name: "居民满意度",
        target: "≥90%",
        actual: "93%",
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: t0 + 1,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: [
        plainCol("level1", "B", "一级指标"),
        plainCol("level2", "C", "二级指标"),
        textCol("name", "D", "三级指标"),
        plainCol("target", "E", "年度指标值"),
        plainCol("actual", "F", "实际完成值"),
        scoreCol("score", "G", "得分"),
        textCol("reason", "H:I", "偏差原因分析及改进措施"),
      ],
      lines,
      mergeRuns: ["level1", "level2"],
    });
    const typedTotal = defective ? 98.8 : 97.8;
    if (!defective) sums("no-weight-column", [18.8, total(lines, "score")], typedTotal);
    const t = indicators.next;
    pen.head(`A${t}:F${t}`, "总分");
    pen.put(`G${t}`, typedTotal, { numFmt: FORMAT.score });
    pen.put(`H${t}:I${t}`, null);
    pen.head(`A${t + 1}:F${t + 1}`, "自评等级");
    pen.put(`G${t + 1}:I${t + 1}`, "优");

    const blocks = [
      { level1: "产出指标", weight: 50 },
      { level1: "效益指标", weight: 20 },
      { level1: "满意度指标", weight: 10 },
    ];
    const reading = checkReading(
      {
        budget: {
          headerRows: [6, 6],
          columns: { label: "B", initial: "D", planned: "E", executed: "F", rate: "G", score: "H" },
        },
        goal: { headerRows: [11, 11], columns: { expected: "B", actual: "F" } },
        indicator: {
          headerRows: [14, 14],
          rows: [15, 22],
          columns: { level1: "B", level2: "C", name: "D", target: "E", actual: "F", score: "G", reason: "H" },
        },
        weights: "headings",
        total: "G23",
        blocks,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "headings",
        total: `G${t}`,
        blocks,
      },
    );
    same("reason cell", "H16", indicators.cell(1, "reason"));
    return {
      workbook,
      expected: {
        description: defective
          ? "City table with no 分值 column (weights only in the headings 预算执行情况（20分）, 年度绩效目标（80分）, 产出指标(50分) …). Defects: 65岁及以上老年人健康管理人数 (≥6000人 → 5400人; 产出 scores 49 of 50) has no reason (reason-missing at H16), and 总分 typed 98.80 where 18.80 + 79 = 97.80 (total-mismatch at G23)."
          : "City table with no 分值 column: weights only in the headings 预算执行情况（20分） and 年度绩效目标（80分） and in the 一级 labels 产出指标(50分) / 效益指标(20分) / 满意度指标(10分) (50 + 20 + 10 = 80). Nothing per indicator is recomputed. Execution 141/150 = 94.00% → 20 × 0.94 = 18.80; typed 产出 49 (≤ 50, the lost point on a quantitative indicator short of target, with a reason) + 效益 20 + 满意度 10 = 79; 总分 97.80 → 优.",
        family: "no-weight-column",
        sheet: TABLE_SHEET,
        layout: "city-20-80",
        reading,
        budget: { rate: 0.94 },
        total: { computed: 97.8, grade: "优" },
        findings: defective ? [finding("reason-missing", "H16"), finding("total-mismatch", "G23")] : [],
        absent: defective ? rulesExcept("reason-missing", "total-mismatch") : rulesExcept(),
        // No 分值 column: no indicator 得分 written; execution out of 20; the typed scores make the 总分.
        writes: {
          [budget.cell(0, "rate")]: round(141 / 150, 6),
          [budget.cell(0, "score")]: round(Math.min(141 / 150, 1) * 20, 2),
          ...scoreWrites((i) => indicators.cell(i, "score"), [null, null, null, null, null, null, null, null]),
          [`G${t}`]: round((141 / 150) * 20 + 15 + 9 + 10 + 10 + 5 + 10 + 10 + 10, 2),
          [`G${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `G${t}`, `G${t + 1}`),
      },
    };
  },
};

// ===================================================================================================
// 12. Budget block as label/value pairs on one row (预算安排情况 | 120.00 | 资金到位情况 | 120.00 | 资金执行情况 |
//     115.00 | 预算执行进度(%) | 95.83), no grid and no execution 得分 cell (the profile's 10 points). Columns A..J.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget pairs · 6 goal header · 7 goal ·
//   8 indicator header · 9–16 indicators · 17 总分 · 18 自评等级.
// By hand: execution 115/120 = 95.8333% → 9.583333
//   产出 15 + 10 + 10 + 5 + 10 = 50; 效益 15 + 15 = 30; 满意度 9.789474 (93/95 × 10, typed 9.79)
//   总分 9.583333 + 50 + 30 + 9.789474 = 99.372807 (typed 99.37) → 优
// Defect: 预算执行进度 typed 97.83 (115/120 = 95.83%), and 村民满意度 (9.79 of 10) has no reason.
// ===================================================================================================

const budgetPairs: Family = {
  family: "budget-pairs",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    projectHeading(pen, "2023年乡村道路太阳能路灯安装项目", "示例镇人民政府", "示例镇农业农村服务中心");
    pen.head("A5", "预算安排情况");
    pen.put("B5", 120, { numFmt: FORMAT.amount });
    pen.head("C5", "资金到位情况");
    pen.put("D5", 120, { numFmt: FORMAT.amount });
    pen.head("E5", "资金执行情况");
    pen.put("F5", 115, { numFmt: FORMAT.amount });
    pen.head("G5", "预算执行进度(%)");
    pen.put("H5:J5", defective ? 97.83 : 95.83, { numFmt: FORMAT.score });
    pen.ws.getRow(5).height = 28;
    const goals = goalGrid(
      pen,
      6,
      [textCol("expected", "B:E", "预期目标"), textCol("actual", "F:J", "实际完成情况")],
      [
        {
          expected: "在12个行政村新装太阳能路灯600盏，验收合格率98%以上，改善村民夜间出行条件，村民满意度95%以上。",
          actual: "在12个行政村新装太阳能路灯600盏，验收合格率99%，村民夜间出行条件明显改善，村民满意度93%。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新装太阳能路灯",
        target: "≥600盏",
        actual: "600盏",
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "覆盖行政村",
        target: "≥12个",
        actual: "12个",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "路灯安装验收合格率",
        target: "≥98%",
        actual: "99%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "项目按期完工率",
        target: "=100%",
        actual: "100%",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "单盏路灯安装成本",
        target: "≤0.2万元",
        actual: "0.19万元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "村民夜间出行安全状况",
        target: "明显改善",
        actual: "达成年度指标",
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "路灯设计使用年限",
        target: "≥8年",
        actual: "8年",
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "村民满意度",
        target: "≥95%",
        actual: "93%",
        weight: 10,
        score: 9.79,
        reason: defective ? null : "部分路段灯杆间距偏大，照明效果不均；下一步在急弯、路口加密补装。",
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: CENTRAL_INDICATOR_COLUMNS,
      lines,
      mergeRuns: ["level1", "level2"],
    });
    sums("budget-pairs", [9.58, total(lines, "score")], 99.37);
    const t = indicators.next;
    centralTotalRows(pen, t, 99.37, "优");

    const reading = checkReading(
      {
        budget: { pairs: { planned: "B5", executed: "F5", rate: "H5" } },
        goal: { headerRows: [6, 6], columns: { expected: "B", actual: "F" } },
        indicator: { headerRows: [8, 8], rows: [9, 16], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H17",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { pairs: { planned: "B5", executed: "F5", rate: "H5" } },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `H${t}`,
        blocks: PLAIN_BLOCKS,
      },
    );
    same("reason cell", "I16", indicators.cell(7, "reason"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Budget block as label/value pairs on row 5. Defects: 预算执行进度(%) typed 97.83 where 115/120 = 95.83% (exec-rate-mismatch at H5), and 村民满意度 (≥95% → 93%, 10 × 93/95 = 9.79 of 10) has no reason (reason-missing at I16). 总分 99.37 as the clean table."
          : "Budget block as label/value pairs on one row (预算安排情况 120.00 · 资金到位情况 120.00 · 资金执行情况 115.00 · 预算执行进度(%) 95.83), no grid, no execution 分值 or 得分 cell (the profile's 10 points). Execution 115/120 = 95.83% → 9.58; 产出 50; 效益 30; 满意度 10 × 93/95 = 9.79; 总分 9.583 + 50 + 30 + 9.789 = 99.373 (typed 99.37) → 优.",
        family: "budget-pairs",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.958333 },
        total: { computed: 99.3728, grade: "优" },
        findings: defective ? [finding("exec-rate-mismatch", "H5"), finding("reason-missing", "I16")] : [],
        absent: defective ? rulesExcept("exec-rate-mismatch", "reason-missing") : rulesExcept(),
        // The rate goes into the 预算执行进度(%) value H5; no execution 得分 cell, the profile's 10 points count.
        writes: {
          H5: round(115 / 120, 6),
          ...scoreWrites((i) => indicators.cell(i, "score"), [15, 10, 10, 5, 10, null, 15, 10 * (93 / 95)]),
          [`H${t}`]: round((115 / 120) * 10 + 15 + 10 + 10 + 5 + 10 + 15 + 15 + 10 * (93 / 95), 2),
          [`G${t + 1}`]: "优",
        },
        computedCells: ["H5", ...drawnComputed(null, indicators, `H${t}`, `G${t + 1}`)],
      },
    };
  },
};

// ===================================================================================================
// 13. A definition column under a weight-like header: 指标分值 (E:F) holds each indicator's definition text
//     ("反映…的情况"), which carries no role; the real weights are in 权重占比(%). Columns A..K.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget header · 6 年度资金总额 · 7–9 sub-rows ·
//   10 goal header · 11 goal · 12 indicator header · 13–19 indicators · 20 总分 · 21 自评等级.
// By hand: execution 441/450 = 98.00% → 9.80
//   产出 20 + 10 + 9.473684 (90/95 × 10, typed 9.47) + 10 = 49.473684; 效益 15 + 15 = 30; 满意度 10
//   总分 9.80 + 49.473684 + 30 + 10 = 99.273684 (typed 99.27) → 优
// Defect: 救助政策知晓率 weighs 10 (得分 10): 10 + 50 + 25 + 10 = 95 against 总分 100; 总分 94.273684 (typed 94.27).
// ===================================================================================================

const definitionColumn: Family = {
  family: "definition-column",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    frame(pen, "K", "项目支出绩效自评表", [10, 11, 13, 22, 16, 16, 13, 13, 10, 9, 20]);
    pen.head("A3:B3", "项目名称");
    pen.text("C3:K3", "2023年困难群众临时救助项目");
    pen.head("A4:B4", "主管部门");
    pen.text("C4:F4", "示例区民政局");
    pen.head("G4:H4", "实施单位");
    pen.text("I4:K4", "示例区社会救助服务中心");
    const budget = drawGrid(pen, {
      top: 5,
      blockLabel: { at: "A", text: "项目资金（万元）" },
      headerDepth: 1,
      columns: [
        textCol("label", "B:C", null),
        amount("initial", "D", "年初预算数"),
        amount("planned", "E", "全年预算数"),
        amount("executed", "F", "全年执行数"),
        plainCol("weight", "G", "分值"),
        rateCol("H", "执行率"),
        scoreCol("score", "I:K", "得分"),
      ],
      lines: [
        { label: "年度资金总额", initial: 450, planned: 450, executed: 441, weight: 10, rate: 0.98, score: 9.8 },
        { label: "其中：当年财政拨款", initial: 400, planned: 400, executed: 392, weight: "—", score: "—" },
        { label: "上年结转资金", initial: 50, planned: 50, executed: 49, weight: "—", score: "—" },
        { label: "其他资金", initial: 0, planned: 0, executed: 0, weight: "—", score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [textCol("expected", "B:F", "预期目标"), textCol("actual", "G:K", "实际完成情况")],
      [
        {
          expected:
            "全年实施临时救助3000人次以上，急难型救助24小时内办结率95%以上，救助对象认定准确率98%以上，有效保障困难群众基本生活。",
          actual:
            "全年实施临时救助3150人次，急难型救助24小时内办结率90%，认定准确率99%，困难群众基本生活得到有效保障。部分跨区救助事项核查用时较长。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "临时救助人次",
        definition: "反映全年实施临时救助的人次情况",
        target: "≥3000人次",
        actual: "3150人次",
        weight: 20,
        score: 20,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "救助对象认定准确率",
        definition: "反映救助对象审核认定的准确情况",
        target: "≥98%",
        actual: "99%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "急难型救助24小时内办结率",
        definition: "反映急难型救助事项及时办结的情况",
        target: "≥95%",
        actual: "90%",
        weight: 10,
        score: 9.47,
        reason: "部分跨区救助事项需异地核查，办结用时超过24小时；下一步建立跨区协查快速通道。",
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "人均临时救助金额",
        definition: "反映临时救助平均标准的执行情况",
        target: "≤1500元",
        actual: "1400元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "困难群众基本生活保障",
        definition: "反映救助对象基本生活得到保障的情况",
        target: "有效保障",
        actual: "达成年度指标",
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "救助政策知晓率",
        definition: "反映临时救助政策宣传覆盖的情况",
        target: "≥85%",
        actual: "88%",
        weight: defective ? 10 : 15,
        score: defective ? 10 : 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "救助对象满意度",
        definition: "反映救助对象对救助服务的满意程度",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: [
        plainCol("level1", "B", "一级指标"),
        plainCol("level2", "C", "二级指标"),
        textCol("name", "D", "三级指标"),
        textCol("definition", "E:F", "指标分值"),
        plainCol("target", "G", "年度指标值"),
        plainCol("actual", "H", "实际完成值"),
        plainCol("weight", "I", "权重占比(%)"),
        scoreCol("score", "J", "得分"),
        textCol("reason", "K", "偏差原因分析及改进措施"),
      ],
      lines,
      mergeRuns: ["level1", "level2"],
      rowHeight: 36,
    });
    const typedTotal = defective ? 94.27 : 99.27;
    sums("definition-column", [9.8, total(lines, "score")], typedTotal);
    const t = indicators.next;
    pen.head(`A${t}:H${t}`, "总分");
    pen.put(`I${t}`, 100, { horizontal: "center" });
    pen.put(`J${t}`, typedTotal, { numFmt: FORMAT.score });
    pen.put(`K${t}`, null);
    pen.head(`A${t + 1}:H${t + 1}`, "自评等级");
    pen.put(`I${t + 1}:K${t + 1}`, "优");

    const reading = checkReading(
      {
        budget: {
          headerRows: [5, 5],
          columns: { label: "B", initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
        },
        goal: { headerRows: [10, 10], columns: { expected: "B", actual: "G" } },
        indicator: {
          headerRows: [12, 12],
          rows: [13, 19],
          columns: {
            level1: "B",
            level2: "C",
            name: "D",
            target: "G",
            actual: "H",
            weight: "I",
            score: "J",
            reason: "K",
          },
        },
        weights: "column",
        total: "J20",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `J${t}`,
        blocks: PLAIN_BLOCKS,
      },
    );
    same("total weight cell", "I20", `I${t}`);
    return {
      workbook,
      expected: {
        description: defective
          ? "Definition column under 指标分值 (text, no role), weights in 权重占比(%). Defect: 救助政策知晓率 weighs 10 (and scores 10), so the weights add up to 10 + 50 + 25 + 10 = 95 against the 总分 分值 100 (weights-sum at I20). Scores right for the weights typed: 9.80 + 49.474 + 25 + 10 = 94.274 (typed 94.27) → 优."
          : 'A definition column under a weight-like header: 指标分值 (E:F) holds each indicator\'s definition ("反映…的情况"), never a weight: it carries no role (nothing is scored from it; a layout-assumption may say so); the weights are in 权重占比(%) (I), 90 with the execution 10. Execution 441/450 = 98.00% → 9.80; 产出 20 + 10 + 9.47 (90/95 × 10) + 10 = 49.47; 效益 30; 满意度 10; 总分 99.274 (typed 99.27) → 优.',
        family: "definition-column",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.98 },
        total: defective ? { computed: 94.2737, grade: "优" } : { computed: 99.2737, grade: "优" },
        findings: defective ? [finding("weights-sum", "I20")] : [],
        absent: defective ? rulesExcept("weights-sum") : rulesExcept(),
        // 困难群众基本生活保障 is qualitative (typed 15).
        writes: {
          [budget.cell(0, "rate")]: round(441 / 450, 6),
          [budget.cell(0, "score")]: round(Math.min(441 / 450, 1) * 10, 2),
          ...scoreWrites(
            (i) => indicators.cell(i, "score"),
            [20, 10, 10 * (90 / 95), 10, null, defective ? 10 : 15, 10],
          ),
          [`J${t}`]: round((441 / 450) * 10 + 20 + 10 + 10 * (90 / 95) + 10 + 15 + (defective ? 10 : 15) + 10, 2),
          [`I${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `J${t}`, `I${t + 1}`),
      },
    };
  },
};

// ===================================================================================================
// 14. The reported total in the heading: 自评总分(分) | 92.5 beside 主管部门 on the info rows, no 总分 row.
//   1 title · 2 year · 3 项目名称/实施单位 · 4 主管部门/自评总分(分) · 5 budget header · 6 年度资金总额 ·
//   7–9 sub-rows · 10 goal header · 11 goal · 12 indicator header · 13–20 indicators · 21 填表人 line.
// By hand: execution 152/160 = 95.00% → 9.50
//   产出 13.50 (720/800 = 0.90 × 15) + 10 + 10 + 4.75 (85.5/90 = 0.95 × 5) + 10 = 48.25;
//   效益 15 + 9.75 (middle tier [9, 12) of 15) = 24.75; 满意度 10
//   总分 9.50 + 48.25 + 24.75 + 10 = 92.50 → 优
// Defect: 自评总分 typed 94.5, and 报修响应及时率 (4.75 of 5) has no reason.
// ===================================================================================================

const totalInHeading: Family = {
  family: "total-in-heading",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    frame(pen, "J", "项目支出绩效自评表", [10, 11, 13, 24, 15, 15, 9, 11, 14, 16]);
    pen.head("A3:B3", "项目名称");
    pen.text("C3:E3", "2023年公共租赁住房维修管护项目");
    pen.head("F3:G3", "实施单位");
    pen.text("H3:J3", "示例区住房保障服务中心");
    pen.head("A4:B4", "主管部门");
    pen.text("C4:E4", "示例区住房和城乡建设局");
    pen.head("F4:G4", "自评总分(分)");
    pen.put("H4:J4", defective ? 94.5 : 92.5, { numFmt: FORMAT.score, horizontal: "center" });
    const budget = drawGrid(pen, {
      top: 5,
      blockLabel: { at: "A", text: "项目资金（万元）" },
      headerDepth: 1,
      columns: [
        textCol("label", "B:C", null),
        amount("initial", "D", "年初预算数"),
        amount("planned", "E", "全年预算数"),
        amount("executed", "F", "全年执行数"),
        plainCol("weight", "G", "分值"),
        rateCol("H", "执行率"),
        scoreCol("score", "I:J", "得分"),
      ],
      lines: [
        { label: "年度资金总额", initial: 160, planned: 160, executed: 152, weight: 10, rate: 0.95, score: 9.5 },
        { label: "其中：当年财政拨款", initial: 160, planned: 160, executed: 152, weight: "—", score: "—" },
        { label: "上年结转资金", initial: 0, planned: 0, executed: 0, weight: "—", score: "—" },
        { label: "其他资金", initial: 0, planned: 0, executed: 0, weight: "—", score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [textCol("expected", "B:E", "预期目标"), textCol("actual", "F:J", "实际完成情况")],
      [
        {
          expected:
            "完成公共租赁住房维修800套，更换老旧供水管道6公里，维修工程验收合格率95%以上，报修响应及时率90%以上。",
          actual:
            "完成公租房维修720套，更换老旧供水管道6公里，验收合格率96%，报修响应及时率85.5%。部分承租户长期不在家，入户维修未能实施。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "维修公租房套数",
        target: "≥800套",
        actual: "720套",
        weight: 15,
        score: 13.5,
        reason: "部分承租户长期不在家，无法入户维修；下一步预约周末集中维修。",
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "更换老旧供水管道",
        target: "≥6公里",
        actual: "6公里",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "维修工程验收合格率",
        target: "≥95%",
        actual: "96%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "报修响应及时率",
        target: "≥90%",
        actual: "85.5%",
        weight: 5,
        score: 4.75,
        reason: defective ? null : "维修班组人手不足，高峰期响应滞后；下一步引入第三方维修服务补充力量。",
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "套均维修成本",
        target: "≤0.15万元",
        actual: "0.14万元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "公租房安全隐患消除率",
        target: "≥95%",
        actual: "96%",
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "长效管护机制",
        target: "逐步建立",
        actual: "部分达成年度指标并具有一定效果",
        weight: 15,
        score: 9.75,
        reason: "物业化管护尚未覆盖全部小区；下一步分批引入专业物业服务。",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "承租户满意度",
        target: "≥90%",
        actual: "92%",
        weight: 10,
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: CENTRAL_INDICATOR_COLUMNS,
      lines,
      mergeRuns: ["level1", "level2"],
    });
    sums("total-in-heading", [9.5, total(lines, "score")], 92.5);
    pen.plain(
      `A${indicators.next}:J${indicators.next}`,
      "填表人：李文华        联系电话：020-00000000        填报日期：2024年3月15日",
    );

    const reading = checkReading(
      {
        budget: {
          headerRows: [5, 5],
          columns: { label: "B", initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
        },
        goal: { headerRows: [10, 10], columns: { expected: "B", actual: "F" } },
        indicator: { headerRows: [12, 12], rows: [13, 20], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H4",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: "H4",
        blocks: PLAIN_BLOCKS,
      },
    );
    same("reason cell", "I16", indicators.cell(3, "reason"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Reported total in the heading (自评总分(分) at H4), no 总分 row. Defects: 自评总分 typed 94.5 where 9.50 + 48.25 + 24.75 + 10 = 92.50 (total-mismatch at H4), and 报修响应及时率 (≥90% → 85.5%, 5 × 0.95 = 4.75 of 5) has no reason (reason-missing at I16)."
          : "The reported total in the heading block: 自评总分(分) | 92.5 beside 主管部门 on the info rows (value H4:J4), no 总分 row at the bottom (a 填表人 line instead). Execution 152/160 = 95.00% → 9.50; 产出 13.50 (720/800 × 15) + 10 + 10 + 4.75 (85.5/90 × 5) + 10 = 48.25; 效益 15 + 9.75 (middle tier of 15) = 24.75; 满意度 10; 总分 92.50 → 优.",
        family: "total-in-heading",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.95 },
        total: { computed: 92.5, grade: "优" },
        findings: defective ? [finding("total-mismatch", "H4"), finding("reason-missing", "I16")] : [],
        absent: defective ? rulesExcept("total-mismatch", "reason-missing") : rulesExcept(),
        // 长效管护机制 is qualitative, middle tier (typed 9.75); the 总分 goes into the heading's 自评总分 value H4, no 等级.
        writes: {
          [budget.cell(0, "rate")]: round(152 / 160, 6),
          [budget.cell(0, "score")]: round(Math.min(152 / 160, 1) * 10, 2),
          ...scoreWrites(
            (i) => indicators.cell(i, "score"),
            [15 * (720 / 800), 10, 10, 5 * (85.5 / 90), 10, 15, null, 10],
          ),
          ["H4"]: round((152 / 160) * 10 + 15 * (720 / 800) + 10 + 10 + 5 * (85.5 / 90) + 10 + 15 + 9.75 + 10, 2),
        },
        computedCells: drawnComputed(budget, indicators, "H4", null),
      },
    };
  },
};

// ===================================================================================================
// 15. Text where numbers are: amounts typed with units ("150万", "150.12万元", "1,234.5元" = 0.12345 万元), the
//     执行率 typed "95.00%", and targets using every operator form (≧ 大于等于 ＞ 不低于 ＜ ≦ ≤ ＝ ﹦ ≥).
//     template.ts central geometry: 5 budget header · 6 年度资金总额 · 7–9 sub-rows · 12 indicator header ·
//     13–22 indicators · 23 总分 · 24 自评等级.
// By hand: sub-rows 150 + 0 + 0.12345 = 150.12345 (total typed 150.12万元, within 0.01) and 142.5 + 0.12345 =
//   142.62345 (typed 142.62万元); 执行率 142.62/150.12 = 95.004% (95.0041% from the sub-rows) → 9.5004
//   产出 10 + 9 (270/300 = 0.90 × 10) + 5 + 5 + 5 + 5 + 10 = 49; 效益 15 + 15 = 30; 满意度 10
//   总分 9.5004 + 49 + 30 + 10 = 98.5004 (typed 98.50) → 优
// Defect: 补贴发放差错率 ＜1% actually 1.2%: ≤ rule 5 × 1/1.2 = 4.1667, typed 5; 总分 typed 98.50, computed 97.6671.
// ===================================================================================================

const textAmounts: Family = {
  family: "text-amounts-operators",
  build(defective) {
    const indicators: IndicatorRow[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "开展职业技能培训人次",
        target: "≧2000人次",
        actual: "2150人次",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "发放一次性创业补贴户数",
        target: "大于等于300户",
        actual: "270户",
        weight: 10,
        score: 9,
        reason: "部分申请人经营未满6个月，不符合补贴条件；下一步加强政策解读，引导符合条件的主体及时申请。",
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新增就业见习岗位",
        target: "＞150个",
        actual: "168个",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "职业技能培训合格率",
        target: "不低于90%",
        actual: "93%",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "补贴发放差错率",
        target: "＜1%",
        actual: defective ? "1.2%" : "0.5%",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "补贴申请办结时限",
        target: "≦15个工作日",
        actual: "12个工作日",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "人均培训补贴标准",
        target: "≤1800元",
        actual: "1750元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "就业补贴政策兑现率",
        target: "＝100%",
        actual: "100%",
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "就业困难人员帮扶台账完整率",
        target: "﹦100%",
        actual: "100%",
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "补贴对象满意度",
        target: "≥90%",
        actual: "94%",
        weight: 10,
        score: 10,
      },
    ];
    sums("text-amounts-operators", [9.5, ...indicators.map((i) => i.score as number)], 98.5);
    const spec: TableSpec = {
      layout: "central",
      title: "项目支出绩效自评表",
      yearLine: "（2023年度）",
      info: [
        ["项目名称", "2023年就业创业补贴项目"],
        ["主管部门", "示例区人力资源和社会保障局", "实施单位", "示例区就业服务中心"],
      ],
      budget: [
        {
          label: "年度资金总额",
          initial: "150.12万元",
          adjusted: "150.12万元",
          executed: "142.62万元",
          weight: 10,
          rate: "95.00%",
          score: 9.5,
        },
        { label: "其中：当年财政拨款", initial: "150万", adjusted: "150万", executed: "142.5万元" },
        { label: "上年结转资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "其他资金", initial: "1,234.5元", adjusted: "1,234.5元", executed: "1,234.5元" },
      ],
      goals: [
        {
          expected:
            "开展职业技能培训2000人次以上，发放一次性创业补贴300户，新增就业见习岗位150个以上，城镇就业困难人员帮扶台账完整率100%。",
          actual:
            "全年开展职业技能培训2150人次，发放一次性创业补贴270户，新增就业见习岗位168个，就业困难人员帮扶台账完整率100%。",
        },
      ],
      indicators,
      total: { weight: 100, score: 98.5 },
      grade: "优",
    };
    const { workbook, map } = singleTable(spec);
    const reading = checkReading(
      {
        budget: { headerRows: [5, 5], columns: { ...CENTRAL_TEMPLATE_COLUMNS.budget } },
        goal: { headerRows: [10, 10], columns: { ...CENTRAL_TEMPLATE_COLUMNS.goal } },
        indicator: { headerRows: [12, 12], rows: [13, 22], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H23",
        blocks: PLAIN_BLOCKS,
      },
      templateReading(map, "central", PLAIN_BLOCKS),
    );
    same("score cell", "H17", map.indicator(4, "score"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Amounts typed as text with units and every operator form, as the clean table. Defect: 补贴发放差错率 ＜1% (a ≤ target) actually 1.2%: the rule gives 5 × 1/1.2 = 4.17, the officer typed 5 (score-mismatch at H17; read as ≥ it would wrongly pass), and the 总分 typed 98.50 where 9.5004 + 49 − 5 + 4.1667 + 30 + 10 = 97.67 (total-mismatch at H23)."
          : 'Text where numbers are: 年度资金总额 "150.12万元" / "150.12万元" / "142.62万元", 当年财政拨款 "150万" / "150万" / "142.5万元", 其他资金 "1,234.5元" (= 0.12345 万元, converted, no error), 执行率 "95.00%" as text; targets in ≧ 大于等于 ＞ 不低于 ＜ ≦ ≤ ＝ ﹦ ≥. Sub-rows 150.12345 / 142.62345 agree with the total within 0.01 万元; 142.62/150.12 = 95.004% → 9.50; 产出 49 (270/300 × 10 = 9 on 大于等于300户); 效益 30; 满意度 10; 总分 98.50 → 优.',
        family: "text-amounts-operators",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.95004 },
        total: defective ? { computed: 97.6671, grade: "优" } : { computed: 98.5004, grade: "优" },
        findings: defective ? [finding("score-mismatch", "H17"), finding("total-mismatch", "H23")] : [],
        // A 4.17 of 5 may also be asked for its reason (the typed 5 claims no points lost).
        absent: defective ? rulesExcept("score-mismatch", "total-mismatch", "reason-missing") : rulesExcept(),
        // The 执行率 from the typed totals 142.62 ÷ 150.12 (the sub-rows agree within 0.01); the defect's 差错率 ＜1% missed by
        // 1.2%: 5 × 1 ÷ 1.2.
        writes: {
          [map.budget(0, "rate")]: round(142.62 / 150.12, 6),
          [map.budget(0, "score")]: round(Math.min(142.62 / 150.12, 1) * 10, 2),
          ...scoreWrites(
            (i) => map.indicator(i, "score"),
            [10, 10 * (270 / 300), 5, 5, defective ? 5 * (1 / 1.2) : 5, 5, 10, 15, 15, 10],
          ),
          [map.total("score")]: round(
            (142.62 / 150.12) * 10 +
              10 +
              10 * (270 / 300) +
              5 +
              5 +
              (defective ? 5 * (1 / 1.2) : 5) +
              5 +
              10 +
              15 +
              15 +
              10,
            2,
          ),
          [map.grade()!]: "优",
        },
        computedCells: map.computedCells(),
      },
    };
  },
};

// ===================================================================================================
// 16. 部门整体 with 一级 blocks 投入（15分） / 过程（20分） / 产出（35分） / 效果（20分） (template.ts department geometry).
//   1 title · 2 year · 3 部门名称 · 4 budget header · 5–7 budget · 8 goal header · 9–11 年度主要任务 ·
//   12 indicator header · 13–21 indicators (投入 13–14, 过程 15–16, 产出 17–19, 效果 20–21) · 22 总分 · 23 自评等级.
// By hand: execution 2107/2150 = 98.00% → 9.80
//   投入 5 + 10 = 15; 过程 10 + 9.50 (85.5/90 = 0.95 × 10) = 19.50; 产出 15 + 9.50 (93.1/98 = 0.95 × 10) + 10 = 34.50;
//   效果 10 + 10 = 20 → 总分 9.80 + 15 + 19.50 + 34.50 + 20 = 98.80 → 优
// Defect: 政务信息报送采用数 weighs 5 (得分 5): 产出 5 … 15 + 10 + 5 = 30 against its label's 35, and
//   10 + 15 + 20 + 30 + 20 = 95 against 总分 100; 总分 93.80.
// ===================================================================================================

const departmentFourBlocks: Family = {
  family: "department-four-blocks",
  build(defective) {
    const L1 = { input: "投入（15分）", process: "过程（20分）", output: "产出（35分）", effect: "效果（20分）" };
    const indicators: IndicatorRow[] = [
      {
        level1: L1.input,
        level2: "预算配置",
        name: "在职人员控制率",
        target: "≤100%",
        actual: "96%",
        weight: 5,
        score: 5,
      },
      {
        level1: L1.input,
        level2: "预算配置",
        name: "“三公”经费控制率",
        target: "≤100%",
        actual: "88%",
        weight: 10,
        score: 10,
      },
      {
        level1: L1.process,
        level2: "资金管理",
        name: "资金使用合规性",
        target: "合规",
        actual: "达成年度指标",
        weight: 10,
        score: 10,
      },
      {
        level1: L1.process,
        level2: "资产管理",
        name: "固定资产利用率",
        target: "≥90%",
        actual: "85.5%",
        weight: 10,
        score: 9.5,
        reason: "部分办公设备更新后旧设备待处置；下一步按程序报废处置闲置资产。",
      },
      {
        level1: L1.output,
        level2: "职责履行",
        name: "重点工作任务完成率",
        target: "≥95%",
        actual: "97%",
        weight: 15,
        score: 15,
      },
      {
        level1: L1.output,
        level2: "职责履行",
        name: "“12345”热线工单按期办结率",
        target: "≥98%",
        actual: "93.1%",
        weight: 10,
        score: 9.5,
        reason: "部分跨部门工单协调周期较长；下一步建立疑难工单联席会商机制。",
      },
      {
        level1: L1.output,
        level2: "职责履行",
        name: "政务信息报送采用数",
        target: "≥240篇",
        actual: "258篇",
        weight: defective ? 5 : 10,
        score: defective ? 5 : 10,
      },
      {
        level1: L1.effect,
        level2: "社会效益",
        name: "政务服务事项网上可办率",
        target: "≥95%",
        actual: "98%",
        weight: 10,
        score: 10,
      },
      {
        level1: L1.effect,
        level2: "服务对象满意度",
        name: "服务对象满意度",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      },
    ];
    const typedTotal = defective ? 93.8 : 98.8;
    sums("department-four-blocks", [9.8, ...indicators.map((i) => i.score as number)], typedTotal);
    const spec: TableSpec = {
      layout: "department",
      title: "部门整体支出绩效自评表",
      yearLine: "（2023年度）",
      info: [["部门名称", "示例区人民政府办公室"]],
      budget: [
        { label: "年度资金总额", initial: 2150, adjusted: 2150, executed: 2107, weight: 10, rate: 0.98, score: 9.8 },
        { label: "其中：基本支出", initial: 1500, adjusted: 1500, executed: 1492 },
        { label: "项目支出", initial: 650, adjusted: 650, executed: 615 },
      ],
      goals: [
        {
          task: "政务服务保障",
          expected: "保障区政府常务会议、专题会议等各类会议服务，政务服务事项网上可办率95%以上。",
          actual: "全年保障各类会议服务，政务服务事项网上可办率98%。",
        },
        {
          task: "督查督办",
          expected: "做好重点工作督查督办，重点工作任务完成率95%以上，热线工单按期办结率98%以上。",
          actual: "重点工作任务完成率97%；“12345”热线工单按期办结率93.1%，部分跨部门工单协调周期较长。",
        },
        {
          task: "政务信息",
          expected: "全年向上级报送政务信息被采用240篇以上。",
          actual: "全年报送政务信息被上级采用258篇。",
        },
      ],
      indicators,
      total: { weight: 100, score: typedTotal },
      grade: "优",
    };
    const { workbook, map } = singleTable(spec);
    const blocks = [
      { level1: "投入", weight: 15 },
      { level1: "过程", weight: 20 },
      { level1: "产出", weight: 35 },
      { level1: "效果", weight: 20 },
    ];
    const reading = checkReading(
      {
        budget: {
          headerRows: [4, 4],
          columns: { label: "B", initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
        },
        goal: { headerRows: [8, 8], columns: { expected: "D", actual: "G" } },
        indicator: { headerRows: [12, 12], rows: [13, 21], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H22",
        blocks,
      },
      templateReading(map, "department", blocks),
    );
    same("产出 label", "B17", map.indicator(4, "level1"));
    same("total weight", "G22", map.total("weight"));
    return {
      workbook,
      expected: {
        description: defective
          ? "部门整体 table with 一级 blocks 投入 / 过程 / 产出 / 效果 (weights in the labels). Defect: 政务信息报送采用数 weighs 5 (得分 5), so 产出 adds up to 15 + 10 + 5 = 30 against its label's 35 (weights-sum at B17) and all weights to 10 + 15 + 20 + 30 + 20 = 95 against 总分 100 (weights-sum at G22). Scores right for the weights typed: 9.80 + 15 + 19.50 + 29.50 + 20 = 93.80 → 优."
          : "部门整体 table whose 一级 blocks are 投入（15分） / 过程（20分） / 产出（35分） / 效果（20分） (90 with the execution 10), three 年度主要任务. Execution 2107/2150 = 98.00% → 9.80; 投入 15; 过程 10 + 9.50 (85.5/90 × 10) = 19.50; 产出 15 + 9.50 (93.1/98 × 10) + 10 = 34.50; 效果 20; 总分 98.80 → 优.",
        family: "department-four-blocks",
        sheet: TABLE_SHEET,
        layout: "department",
        reading,
        budget: { rate: 0.98 },
        total: defective ? { computed: 93.8, grade: "优" } : { computed: 98.8, grade: "优" },
        findings: defective ? [finding("weights-sum", "B17"), finding("weights-sum", "G22")] : [],
        absent: defective ? rulesExcept("weights-sum") : rulesExcept(),
        // 资金使用合规性 is qualitative (typed 10).
        writes: {
          [map.budget(0, "rate")]: round(2107 / 2150, 6),
          [map.budget(0, "score")]: round(Math.min(2107 / 2150, 1) * 10, 2),
          ...scoreWrites(
            (i) => map.indicator(i, "score"),
            [5, 10, null, 10 * (85.5 / 90), 15, 10 * (93.1 / 98), defective ? 5 : 10, 10, 10],
          ),
          [map.total("score")]: round(
            (2107 / 2150) * 10 +
              5 +
              10 +
              10 +
              10 * (85.5 / 90) +
              15 +
              10 * (93.1 / 98) +
              (defective ? 5 : 10) +
              10 +
              10,
            2,
          ),
          [map.grade()!]: "优",
        },
        computedCells: map.computedCells(),
      },
    };
  },
};

// ===================================================================================================
// 17. The table on the 4th sheet (附件2), after 填报说明, a 3,000-row 监测数据 sheet of unrelated numbers and a 封面.
//     template.ts central geometry: 5 budget header · 6–9 budget · 12 indicator header · 13–20 indicators · 21 总分.
// By hand: execution 646/680 = 95.00% → 9.50
//   产出 15 + 10 + 10 + 5 + 10 = 50; 效益 14.647059 (83/85 × 15, typed 14.65) + 15 = 29.647059; 满意度 10
//   总分 9.50 + 50 + 29.647059 + 10 = 99.147059 (typed 99.15) → 优
// Defect: 重点断面水质达标率 (14.65 of 15) has "/" as its reason.
// ===================================================================================================

/** A deterministic stream of numbers in [0, 1) (a linear congruential generator with a fixed seed). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function monitoringSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet("监测数据");
  ws.addRow(["站点编号", "监测时间", "水温(℃)", "pH", "溶解氧(mg/L)", "氨氮(mg/L)", "总磷(mg/L)", "浊度(NTU)"]);
  const random = lcg(20230101);
  const stations = ["SZ01", "SZ02", "SZ03", "SZ04", "SZ05", "SZ06"];
  for (let i = 0; i < 3000; i++) {
    const day = Math.floor(i / stations.length);
    const date = new Date(Date.UTC(2023, 0, 1 + Math.floor(day / 4), (day % 4) * 6));
    const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
    ws.addRow([
      stations[i % stations.length],
      date,
      round(12 + 16 * random(), 1),
      round(6.8 + 1.2 * random(), 2),
      round(5 + 4 * random(), 2),
      round(0.05 + 0.9 * random(), 3),
      round(0.02 + 0.2 * random(), 3),
      round(2 + 30 * random(), 1),
    ]);
  }
  ws.getColumn(2).numFmt = "yyyy-mm-dd hh:mm";
  ws.getColumn(2).width = 18;
}

const fourthSheet: Family = {
  family: "fourth-sheet",
  build(defective) {
    const workbook = newWorkbook();
    const notes = workbook.addWorksheet("填报说明");
    [
      "填报说明",
      "1. 附件2为本项目绩效自评结果，金额单位为万元。",
      "2. 监测数据为水质自动监测站全年采集的原始数据，供复核使用。",
      "3. 自评结果报主管部门审核后报送区财政局。",
    ].forEach((line, i) => {
      notes.getCell(i + 1, 1).value = line;
    });
    notes.getColumn(1).width = 80;
    monitoringSheet(workbook);
    const cover = workbook.addWorksheet("封面");
    [
      "2023年度项目支出绩效自评材料",
      "项目名称：2023年水环境监测能力建设项目",
      "实施单位（盖章）：示例市环境监测站",
    ].forEach((text, i) => {
      const c = cover.getCell(i * 2 + 3, 2);
      c.value = text;
      c.font = { name: "宋体", size: i === 0 ? 20 : 14, bold: i === 0 };
    });
    cover.getColumn(2).width = 60;

    const indicators: IndicatorRow[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新建水质自动监测站",
        target: "≥6个",
        actual: "6个",
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "年度监测数据采集量",
        target: "≥50000条",
        actual: "52560条",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "监测数据有效率",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "监测站建成投运时间",
        target: "2023年9月30日前建成投运",
        actual: "达成年度指标",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "单站建设成本",
        target: "≤80万元",
        actual: "78万元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "生态效益指标",
        name: "重点断面水质达标率",
        target: "≥85%",
        actual: "83%",
        weight: 15,
        score: 14.65,
        reason: defective ? "/" : "上游来水水质波动，2个断面汛期总磷超标；下一步加密汛期监测并向流域管理部门预警。",
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "水环境预警响应时间",
        target: "≤2小时",
        actual: "1.5小时",
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "数据使用部门满意度",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      },
    ];
    sums("fourth-sheet", [9.5, ...indicators.map((i) => i.score as number)], 99.15);
    const spec: TableSpec = {
      layout: "central",
      title: "项目支出绩效自评表",
      yearLine: "（2023年度）",
      info: [
        ["项目名称", "2023年水环境监测能力建设项目"],
        ["主管部门", "示例市生态环境局", "实施单位", "示例市环境监测站"],
      ],
      budget: [
        { label: "年度资金总额", initial: 680, adjusted: 680, executed: 646, weight: 10, rate: 0.95, score: 9.5 },
        { label: "其中：当年财政拨款", initial: 600, adjusted: 600, executed: 570 },
        { label: "上年结转资金", initial: 80, adjusted: 80, executed: 76 },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
      ],
      goals: [
        {
          expected:
            "新建水质自动监测站6个，全年采集监测数据50000条以上，数据有效率90%以上，重点断面水质达标率85%以上。",
          actual: "建成水质自动监测站6个并于9月投运，全年采集监测数据52560条，数据有效率95%，重点断面水质达标率83%。",
        },
      ],
      indicators,
      total: { weight: 100, score: 99.15 },
      grade: "优",
    };
    const map = drawTable(addTableSheet(workbook, "附件2"), spec);
    const reading = checkReading(
      {
        budget: { headerRows: [5, 5], columns: { ...CENTRAL_TEMPLATE_COLUMNS.budget } },
        goal: { headerRows: [10, 10], columns: { ...CENTRAL_TEMPLATE_COLUMNS.goal } },
        indicator: { headerRows: [12, 12], rows: [13, 20], columns: { ...CENTRAL_TEMPLATE_COLUMNS.indicator } },
        weights: "column",
        total: "H21",
        blocks: PLAIN_BLOCKS,
      },
      templateReading(map, "central", PLAIN_BLOCKS),
    );
    same("reason cell", "I18", map.indicator(5, "reason"));
    return {
      workbook,
      expected: {
        description: defective
          ? 'The table on the 4th sheet 附件2, as the clean workbook. Defect: 重点断面水质达标率 (≥85% → 83%, 15 × 83/85 = 14.65 of 15) has "/" as its reason (reason-missing at I18).'
          : "Four sheets 填报说明 / 监测数据 (3,000 rows × 8 columns of monitoring numbers and dates) / 封面 / 附件2, the central table on the 4th. Execution 646/680 = 95.00% → 9.50; 产出 50; 效益 14.647 (83/85 × 15) + 15 = 29.647; 满意度 10; 总分 99.147 (typed 99.15) → 优.",
        family: "fourth-sheet",
        sheet: "附件2",
        layout: "central",
        reading,
        budget: { rate: 0.95 },
        total: { computed: 99.1471, grade: "优" },
        findings: defective ? [finding("reason-missing", "I18")] : [],
        absent: defective ? rulesExcept("reason-missing") : rulesExcept(),
        // 监测站建成投运时间 is qualitative (typed 5); the table is on 附件2.
        writes: {
          [map.budget(0, "rate")]: round(646 / 680, 6),
          [map.budget(0, "score")]: round(Math.min(646 / 680, 1) * 10, 2),
          ...scoreWrites((i) => map.indicator(i, "score"), [15, 10, 10, null, 10, 15 * (83 / 85), 15, 10]),
          [map.total("score")]: round((646 / 680) * 10 + 15 + 10 + 10 + 5 + 10 + 15 * (83 / 85) + 15 + 10, 2),
          [map.grade()!]: "优",
        },
        computedCells: map.computedCells(),
      },
    };
  },
};

// ===================================================================================================
// 18. Columns in another order: 分值 before the amounts in the budget block and before the targets in the
//     indicator block, and a 是否核心指标 column marking core indicators with ★ (no role). Columns A..J.
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget header · 6 年度资金总额 · 7–9 sub-rows ·
//   10 goal header · 11 goal · 12 indicator header · 13–20 indicators · 21 总分 · 22 自评等级.
// By hand: execution 85.50/90 = 95.00% → 9.50
//   产出 15 + 9 (18000/20000 = 0.90 × 10) + 10 + 5 + 10 = 49; 效益 15 + 13 (top tier of 15) = 28; 满意度 10
//   总分 9.50 + 49 + 28 + 10 = 96.50 → 优
// Defect: the execution 得分 typed 10 (rule: min(0.95, 1) × 10 = 9.50) and 总分 97.00 with it.
// ===================================================================================================

const reorderedCore: Family = {
  family: "reordered-core",
  build(defective) {
    const workbook = newWorkbook();
    const pen = new Pen(addTableSheet(workbook, TABLE_SHEET));
    projectHeading(pen, "2023年农产品质量安全检测项目", "示例县农业农村局", "示例县农产品质量安全检验检测站");
    const execScore = defective ? 10 : 9.5;
    const budget = drawGrid(pen, {
      top: 5,
      blockLabel: { at: "A", text: "项目资金（万元）" },
      headerDepth: 1,
      columns: [
        textCol("label", "B:C", null),
        plainCol("weight", "D", "分值"),
        amount("initial", "E", "年初预算数"),
        amount("planned", "F", "全年预算数"),
        amount("executed", "G", "全年执行数"),
        rateCol("H", "执行率"),
        scoreCol("score", "I:J", "得分"),
      ],
      lines: [
        { label: "年度资金总额", weight: 10, initial: 90, planned: 90, executed: 85.5, rate: 0.95, score: execScore },
        { label: "其中：当年财政拨款", weight: "—", initial: 90, planned: 90, executed: 85.5, score: "—" },
        { label: "上年结转资金", weight: "—", initial: 0, planned: 0, executed: 0, score: "—" },
        { label: "其他资金", weight: "—", initial: 0, planned: 0, executed: 0, score: "—" },
      ],
    });
    const goals = goalGrid(
      pen,
      budget.next,
      [textCol("expected", "B:E", "预期目标"), textCol("actual", "F:J", "实际完成情况")],
      [
        {
          expected:
            "完成农产品定量检测1200批次、快速检测样品20000个，检测结果准确率99%以上，主要农产品抽检合格率98%以上。",
          actual:
            "完成定量检测1260批次、快速检测样品18000个，检测结果准确率99.5%，主要农产品抽检合格率98.6%。快检试剂集中采购延期，快检样品少于计划。",
        },
      ],
    );
    const lines: Line[] = [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "农产品定量检测批次",
        core: "★",
        weight: 15,
        target: "≥1200批次",
        actual: "1260批次",
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "快速检测样品数",
        core: null,
        weight: 10,
        target: "≥20000个",
        actual: "18000个",
        score: 9,
        reason: "快检试剂集中采购延期两个月；下一步提前开展试剂采购并保持安全库存。",
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "检测结果准确率",
        core: "★",
        weight: 10,
        target: "≥99%",
        actual: "99.5%",
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "检测报告出具时限",
        core: null,
        weight: 5,
        target: "≤5个工作日",
        actual: "4个工作日",
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "单批次定量检测成本",
        core: null,
        weight: 10,
        target: "≤600元",
        actual: "580元",
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "主要农产品抽检合格率",
        core: "★",
        weight: 15,
        target: "≥98%",
        actual: "98.6%",
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "农产品质量安全追溯体系",
        core: null,
        weight: 15,
        target: "逐步完善",
        actual: "达成年度指标",
        score: 13,
        reason: "部分小农户尚未纳入追溯平台；下一步通过合作社带动小农户赋码上市。",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "生产经营主体满意度",
        core: null,
        weight: 10,
        target: "≥90%",
        actual: "92%",
        score: 10,
      },
    ];
    const indicators = drawGrid(pen, {
      top: goals.next,
      blockLabel: { at: "A", text: "绩效指标" },
      headerDepth: 1,
      columns: [
        plainCol("level1", "B", "一级指标"),
        plainCol("level2", "C", "二级指标"),
        textCol("name", "D", "三级指标"),
        plainCol("core", "E", "是否核心指标"),
        plainCol("weight", "F", "分值"),
        plainCol("target", "G", "年度指标值"),
        plainCol("actual", "H", "实际完成值"),
        scoreCol("score", "I", "得分"),
        textCol("reason", "J", "偏差原因分析及改进措施"),
      ],
      lines,
      mergeRuns: ["level1", "level2"],
    });
    const typedTotal = defective ? 97 : 96.5;
    sums("reordered-core", [execScore, total(lines, "score")], typedTotal);
    const t = indicators.next;
    pen.head(`A${t}:E${t}`, "总分");
    pen.put(`F${t}`, 100, { horizontal: "center" });
    pen.put(`G${t}:H${t}`, null);
    pen.put(`I${t}`, typedTotal, { numFmt: FORMAT.score });
    pen.put(`J${t}`, null);
    pen.head(`A${t + 1}:E${t + 1}`, "自评等级");
    pen.put(`F${t + 1}:J${t + 1}`, "优");

    const reading = checkReading(
      {
        budget: {
          headerRows: [5, 5],
          columns: { label: "B", weight: "D", initial: "E", planned: "F", executed: "G", rate: "H", score: "I" },
        },
        goal: { headerRows: [10, 10], columns: { expected: "B", actual: "F" } },
        indicator: {
          headerRows: [12, 12],
          rows: [13, 20],
          columns: {
            level1: "B",
            level2: "C",
            name: "D",
            weight: "F",
            target: "G",
            actual: "H",
            score: "I",
            reason: "J",
          },
        },
        weights: "column",
        total: "I21",
        blocks: PLAIN_BLOCKS,
      },
      {
        budget: { headerRows: budget.headerRows, columns: budgetColumns(budget) },
        goal: { headerRows: goals.headerRows, columns: goalColumns(goals) },
        indicator: {
          headerRows: indicators.headerRows,
          rows: first(indicators.rows),
          columns: indicatorColumns(indicators),
        },
        weights: "column",
        total: `I${t}`,
        blocks: PLAIN_BLOCKS,
      },
    );
    same("exec score cell", "I6", budget.cell(0, "score"));
    return {
      workbook,
      expected: {
        description: defective
          ? "Columns in another order (分值 before the amounts and before the targets) with a 是否核心指标 ★ column. Defect: the execution 得分 typed 10 where min(85.50/90, 1) × 10 = 9.50 (exec-score-mismatch at I6), summed into 总分 97.00 where 9.50 + 49 + 28 + 10 = 96.50 (total-mismatch at I21)."
          : "Columns in another order: the budget block's 分值 (D) before 年初预算数 / 全年预算数 / 全年执行数 (E–G), the indicator block's 分值 (F) before 年度指标值 / 实际完成值 (G–H), and a 是否核心指标 column (E) marking core indicators with ★, which carries no role. Execution 85.50/90 = 95.00% → 9.50; 产出 15 + 9 (18000/20000 × 10) + 10 + 5 + 10 = 49; 效益 15 + 13 (qualitative, top tier) = 28; 满意度 10; 总分 96.50 → 优.",
        family: "reordered-core",
        sheet: TABLE_SHEET,
        layout: "central",
        reading,
        budget: { rate: 0.95 },
        total: { computed: 96.5, grade: "优" },
        findings: defective ? [finding("exec-score-mismatch", "I6"), finding("total-mismatch", "I21")] : [],
        absent: defective ? rulesExcept("exec-score-mismatch", "total-mismatch") : rulesExcept(),
        // 农产品质量安全追溯体系 is qualitative (typed 13); the defect's execution 10 gives way to 9.50.
        writes: {
          [budget.cell(0, "rate")]: round(85.5 / 90, 6),
          [budget.cell(0, "score")]: round(Math.min(85.5 / 90, 1) * 10, 2),
          ...scoreWrites((i) => indicators.cell(i, "score"), [15, 10 * (18000 / 20000), 10, 5, 10, 15, null, 10]),
          [`I${t}`]: round((85.5 / 90) * 10 + 15 + 10 * (18000 / 20000) + 10 + 5 + 10 + 15 + 13 + 10, 2),
          [`F${t + 1}`]: "优",
        },
        computedCells: drawnComputed(budget, indicators, `I${t}`, `F${t + 1}`),
      },
    };
  },
};

// ===================================================================================================

const FAMILIES: Family[] = [
  central,
  departmentTasks,
  sichuan,
  city,
  chongqing,
  scorecard,
  twoRowTarget,
  twoRowScore,
  twoRowBudget,
  groupHeader,
  headingWeights,
  budgetPairs,
  definitionColumn,
  totalInHeading,
  textAmounts,
  departmentFourBlocks,
  fourthSheet,
  reorderedCore,
];

async function main(): Promise<void> {
  const names = new Set<string>();
  for (const family of FAMILIES) {
    if (names.has(family.family)) throw new Error(`duplicate family ${family.family}`);
    names.add(family.family);
    for (const defective of [false, true]) {
      const name = `${family.family}-${defective ? "defect" : "clean"}`;
      let built: Built;
      try {
        built = family.build(defective);
      } catch (error) {
        throw new Error(`fixture ${name}: ${(error as Error).message}`);
      }
      if (built.expected.family !== family.family) throw new Error(`fixture ${name}: family ${built.expected.family}`);
      if (defective && built.expected.findings.length === 0) throw new Error(`fixture ${name}: no defect`);
      await saveWorkbook(built.workbook, join(OUT_DIR, `${name}.xlsx`));
      writeVariantExpected(join(OUT_DIR, `${name}.expected.json`), built.expected);
    }
  }
  process.stdout.write(`wrote ${FAMILIES.length * 2} variant fixtures to ${OUT_DIR}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
