/**
 * Writes the golden workbooks under test/fixtures/workbooks: NAME.xlsx and NAME.expected.json, the
 * latter stating what a reviewer would conclude (DOMAIN.md §3–4), with the numbers worked out by hand.
 * Each defect fixture is a clean table with one thing wrong, so its expected findings are unambiguous.
 */
import { join } from "path";
import type ExcelJS from "exceljs";
import { newWorkbook, saveWorkbook } from "./lib/workbook";
import { drawTable, type DrawOptions, type IndicatorRow, type TableMap, type TableSpec } from "./lib/template";
import {
  allRulesExcept,
  errorRulesExcept,
  round,
  writeExpected,
  type Expected,
  type ExpectedFinding,
  type RuleId,
  type Writes,
} from "./lib/expected";

const OUT_DIR = join(__dirname, "..", "test", "fixtures", "workbooks");
const TABLE_SHEET = "自评表";

interface Built {
  workbook: ExcelJS.Workbook;
  expected: Expected;
}

interface Fixture {
  name: string;
  build(): Built;
}

/**
 * The literal cell an expected finding names, checked against where the template drew it, so a
 * hand-written address cannot drift from the workbook.
 */
function cell(literal: string, drawn: string): string {
  if (literal !== drawn) throw new Error(`expected-file cell ${literal} but the table drew it at ${drawn}`);
  return literal;
}

function finding(rule: RuleId, literal: string, drawn: string): ExpectedFinding {
  return { rule, cell: cell(literal, drawn) };
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
}

function singleTable(spec: TableSpec, options?: DrawOptions): { workbook: ExcelJS.Workbook; map: TableMap } {
  const workbook = newWorkbook();
  const map = drawTable(addTableSheet(workbook, TABLE_SHEET), spec, options);
  return { workbook, map };
}

// ---------------------------------------------------------------------------------------------------
// Central layout (项目支出, 财预〔2020〕10号). Drawn at A1 it occupies:
//   1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget header · 6 年度资金总额 · 7 当年财政拨款 ·
//   8 上年结转资金 · 9 其他资金 · 10 goal header · 11 goal texts · 12 indicator header · 13–21 indicators ·
//   22 总分 · 23 自评等级.
// Budget columns D 年初 · E 全年预算 · F 全年执行 · G 分值 · H 执行率 · I(:J) 得分.
// Indicator columns B 一级 · C 二级 · D 三级 · E 年度指标值 · F 实际完成值 · G 分值 · H 得分 · I(:J) 偏差原因.
// Goal: B(:E) 预期目标 · F(:J) 实际完成情况.
//
// Scores of the clean table (by hand):
//   execution 114/120 = 95.00% → 9.50
//   产出 8.62 (37.24/43.2 = 0.862037 × 10) + 10 + 10 + 7 (middle tier) + 10 = 45.62
//   效益 10 + 10 + 9 (top tier) = 29
//   满意度 10
//   总分 9.50 + 45.62 + 29 + 10 = 94.12 → 优
// ---------------------------------------------------------------------------------------------------

const ROAD_GOAL_EXPECTED =
  "完成农村公路日常养护43.2公里，修复路面坑槽1500平方米以上，路面优良率达到85%以上，养护作业安全事故为零，沿线群众满意度不低于90%。";
const ROAD_GOAL_ACTUAL =
  "全年完成农村公路日常养护37.24公里，修复路面坑槽1620平方米，路面优良率87%，未发生养护作业安全事故，沿线群众满意度92%。受汛期连续降雨影响，部分路段养护顺延至次年一季度实施。";

function centralIndicators(): IndicatorRow[] {
  return [
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "完成农村公路日常养护里程",
      target: "≥43.2公里",
      actual: "37.24公里",
      weight: 10,
      score: 8.62,
      reason: "受汛期连续降雨影响，部分路段养护顺延至次年一季度；下一步优化施工计划，避开汛期集中作业。",
    },
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "修复路面坑槽面积",
      target: "≥1500平方米",
      actual: "1620平方米",
      weight: 10,
      score: 10,
    },
    {
      level1: "产出指标",
      level2: "质量指标",
      name: "路面优良率",
      target: "≥85%",
      actual: "87%",
      weight: 10,
      score: 10,
    },
    {
      level1: "产出指标",
      level2: "时效指标",
      name: "养护任务完成时限",
      target: "2023年12月31日前完成",
      actual: "部分达成年度指标并具有一定效果",
      weight: 10,
      score: 7,
      reason: "部分路段养护顺延至次年一季度完成；下一步提前谋划，汛期过后集中施工。",
    },
    {
      level1: "产出指标",
      level2: "成本指标",
      name: "每公里日常养护成本",
      target: "≤3.2万元",
      actual: "3.06万元",
      weight: 10,
      score: 10,
    },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "养护路段通行条件",
      target: "明显改善",
      actual: "达成年度指标",
      weight: 10,
      score: 10,
    },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "养护作业安全事故",
      target: "=0起",
      actual: "0起",
      weight: 10,
      score: 10,
    },
    {
      level1: "效益指标",
      level2: "可持续影响指标",
      name: "农村公路使用寿命",
      target: "有效延长",
      actual: "达成年度指标",
      weight: 10,
      score: 9,
      reason: "部分路段基层老化，日常养护难以根治；下一步结合大中修工程统筹处理。",
    },
    {
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "沿线群众满意度",
      target: "≥90%",
      actual: "92%",
      weight: 10,
      score: 10,
    },
  ];
}

function centralBase(): TableSpec {
  return {
    layout: "central",
    title: "项目支出绩效自评表",
    yearLine: "（2023年度）",
    info: [
      ["项目名称", "2023年农村公路日常养护项目"],
      ["主管部门", "示例区交通运输局", "实施单位", "示例区公路事务中心"],
    ],
    budget: [
      { label: "年度资金总额", initial: 120, adjusted: 120, executed: 114, weight: 10, rate: 0.95, score: 9.5 },
      { label: "其中：当年财政拨款", initial: 100, adjusted: 100, executed: 96 },
      { label: "上年结转资金", initial: 20, adjusted: 20, executed: 18 },
      { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
    ],
    goals: [{ expected: ROAD_GOAL_EXPECTED, actual: ROAD_GOAL_ACTUAL }],
    indicators: centralIndicators(),
    total: { weight: 100, score: 94.12 },
    grade: "优",
  };
}

const CENTRAL_RATE = 0.95;
const CENTRAL_TOTAL = 94.12;

/** A central-layout fixture: the base table changed by `mutate`, drawn at A1 with merged labels. */
function centralFixture(
  name: string,
  description: string,
  mutate: (spec: TableSpec) => void,
  expect: (map: TableMap) => Omit<Expected, "description" | "sheet" | "layout" | "computedCells">,
  options: DrawOptions = {},
): Fixture {
  return {
    name,
    build() {
      const spec = centralBase();
      mutate(spec);
      const { workbook, map } = singleTable(spec, options);
      return {
        workbook,
        expected: {
          description,
          sheet: TABLE_SHEET,
          layout: "central",
          ...expect(map),
          computedCells: map.computedCells(),
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// 部门整体 layout. Drawn at A1: 1 title · 2 year · 3 部门名称 · 4 budget header · 5 年度资金总额 ·
// 6 基本支出 · 7 项目支出 · 8 goal header · 9–11 年度主要任务 · 12 indicator header · 13–20 indicators ·
// 21 总分 · 22 自评等级. Goal columns: B(:C) 任务 · D(:F) 预期目标 · G(:J) 实际完成情况.
//
// By hand: execution 2381.40/2450.00 = 97.20% → 9.72
//   产出 10 + 10 + 10 + 9.68 (92/95 × 10 = 9.684211) + 10 = 49.684211
//   效益 15 + 14 (top tier) = 29;  满意度 10 (actual 0.94 in a "0%" cell against ≥90%)
//   总分 9.72 + 49.684211 + 29 + 10 = 98.404211, typed 98.40 → 优
// ---------------------------------------------------------------------------------------------------

function departmentBase(): TableSpec {
  return {
    layout: "department",
    title: "部门整体支出绩效自评表",
    yearLine: "（2023年度）",
    info: [["部门名称", "示例区文化广电旅游体育局"]],
    budget: [
      { label: "年度资金总额", initial: 2450, adjusted: 2450, executed: 2381.4, weight: 10, rate: 0.972, score: 9.72 },
      { label: "其中：基本支出", initial: 1650, adjusted: 1650, executed: 1640.2 },
      { label: "项目支出", initial: 800, adjusted: 800, executed: 741.2 },
    ],
    goals: [
      {
        task: "保障机构正常运转",
        expected: "保障在职人员工资福利及日常公用经费按时足额支付，机关运转平稳有序。",
        actual: "全年按时足额发放在职人员工资福利，日常公用经费支出规范，机关运转平稳有序。",
      },
      {
        task: "开展群众文化活动",
        expected: "全年举办群众文化活动不少于120场，参与群众5万人次以上。",
        actual: "全年举办群众文化活动136场，参与群众56800人次。",
      },
      {
        task: "推进公共文化场馆免费开放",
        expected: "公共文化场馆全年免费开放不少于300天，设施完好率95%以上。",
        actual: "公共文化场馆全年免费开放310天，设施完好率98%；1项场馆改造因设计变更延期。",
      },
    ],
    indicators: [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "举办群众文化活动",
        target: "≥120场",
        actual: "136场",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "公共文化场馆免费开放天数",
        target: "≥300天",
        actual: "310天",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "文化场馆设施完好率",
        target: "≥95%",
        actual: "98%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "年度重点任务按期完成率",
        target: "≥95%",
        actual: "92%",
        weight: 10,
        score: 9.68,
        reason: "1项场馆改造因设计变更延期，已于次年一季度完成；下一步加强项目前期论证。",
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "单场活动平均成本",
        target: "≤3万元",
        actual: "2.8万元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "参与群众文化活动人次",
        target: "≥50000人次",
        actual: "56800人次",
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "公共文化服务体系",
        target: "持续完善",
        actual: "达成年度指标",
        weight: 15,
        score: 14,
        reason: "基层服务点覆盖仍不均衡；下一步向偏远村居延伸服务。",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "群众满意度",
        target: "≥90%",
        actual: 0.94,
        actualFormat: "0%",
        weight: 10,
        score: 10,
      },
    ],
    total: { weight: 100, score: 98.4 },
    grade: "优",
  };
}

// ---------------------------------------------------------------------------------------------------
// Sichuan layout. Drawn at A1: 1 title · 2 year · 3 项目名称 · 4 主管部门/实施单位 · 5 budget header ·
// 6 总额 · 7 财政资金 · 8 财政专户管理资金 · 9 单位资金 · 10 其他资金 · 11 goal header · 12 goal texts ·
// 13 indicator header · 14–21 indicators · 22 总分 · 23 自评等级.
// Budget columns D 年初预算 · E 调整后预算数 · F 预算执行数 · G 预算执行率 · H 权重 · I 得分 · J(:K) 原因.
// Indicator columns B 一级 · C 二级 · D 三级 · E 指标性质 · F 度量单位 · G 年度指标值 · H 实际完成值 ·
// I 分值 · J 得分 · K 偏差原因. Targets are bare numbers; operator and unit sit in their own columns.
//
// By hand (indicators): 产出 15 + 10 + 10 + 5 + 10 = 50; 效益 14.25 (11400/12000 × 15) + 15 = 29.25;
// 满意度 10 → Σ 89.25.
// ---------------------------------------------------------------------------------------------------

function sichuanBase(): TableSpec {
  return {
    layout: "sichuan",
    title: "项目支出绩效自评表",
    yearLine: "（2023年度）",
    info: [
      ["项目名称", "2023年农村饮水安全巩固提升项目"],
      ["主管部门", "示例县水利局", "实施单位", "示例县农村供水服务中心"],
    ],
    budget: [
      { label: "总额", initial: 500, adjusted: 500, executed: 485, rate: 0.97, weight: 10, score: 9.7 },
      { label: "财政资金", initial: 450, adjusted: 450, executed: 440 },
      { label: "财政专户管理资金", initial: 0, adjusted: 0, executed: 0 },
      { label: "单位资金", initial: 0, adjusted: 0, executed: 0 },
      { label: "其他资金", initial: 50, adjusted: 50, executed: 45 },
    ],
    goals: [
      {
        expected: "新建改造供水工程8处，新铺设供水管网26.5公里，水质检测合格率95%以上，解决12000人饮水安全问题。",
        actual: "建成改造供水工程8处，铺设供水管网27.3公里，水质检测合格率96.5%，受益人口11400人。",
      },
    ],
    indicators: [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新建改造供水工程",
        nature: "≥",
        unit: "处",
        target: 8,
        actual: 8,
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新铺设供水管网",
        nature: "≥",
        unit: "公里",
        target: 26.5,
        actual: 27.3,
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "水质检测合格率",
        nature: "≥",
        unit: "%",
        target: 95,
        actual: 96.5,
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "工程完工时间",
        nature: "≤",
        unit: "月",
        target: 12,
        actual: 11,
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "供水管网单位建设成本",
        nature: "≤",
        unit: "万元/公里",
        target: 18,
        actual: 17.6,
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "受益人口",
        nature: "≥",
        unit: "人",
        target: 12000,
        actual: 11400,
        weight: 15,
        score: 14.25,
        reason: "部分村组人口外出务工，常住受益人口少于预期；下一步完善受益人口统计口径。",
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "工程设计使用年限",
        nature: "=",
        unit: "年",
        target: 20,
        actual: 20,
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "受益群众满意度",
        nature: "≥",
        unit: "%",
        target: 90,
        actual: 93,
        weight: 10,
        score: 10,
      },
    ],
    total: { weight: 100, score: 98.95 },
    grade: "优",
  };
}

// ---------------------------------------------------------------------------------------------------
// City 20/80 layout: the central geometry, execution scored out of 20 ("得分(20分*执行率)"), indicators
// out of 80, synonym headers (全年预算数（A）, 年初目标值(A), 未完成原因分析). Drawn at A1:
// 1 title · 2 year · 3–4 info · 5 budget header · 6 年度资金总额 · 7–9 sub-rows · 10–11 goal ·
// 12 indicator header · 13–20 indicators · 21 总分 · 22 自评等级.
//
// By hand: execution 291/300 = 97.00% → 20 × 0.97 = 19.40
//   产出 10 + 10 + 10 + 5 + 5 = 40; 效益 14.00 (280/300 × 15) + 15 = 29; 满意度 10
//   总分 19.40 + 40 + 29 + 10 = 98.40 → 优
// ---------------------------------------------------------------------------------------------------

function cityBase(): TableSpec {
  return {
    layout: "city-20-80",
    title: "项目支出绩效自评表",
    yearLine: "（2023年度）",
    info: [
      ["项目名称", "2023年基层农技推广补助项目"],
      ["主管部门", "示例市农业农村局", "实施单位", "示例市农业技术推广中心"],
    ],
    budget: [
      { label: "年度资金总额", initial: 300, adjusted: 300, executed: 291, weight: 20, rate: 0.97, score: 19.4 },
      { label: "其中：当年财政拨款", initial: 300, adjusted: 300, executed: 291 },
      { label: "上年结转资金", initial: 0, adjusted: 0, executed: 0 },
      { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
    ],
    goals: [
      {
        expected:
          "培训基层农技人员500人次以上，建设农业技术示范基地6个，示范基地亩均增收300元以上，新技术推广覆盖率达到80%。",
        actual: "全年培训基层农技人员520人次，建成示范基地6个，示范基地亩均增收280元，新技术推广覆盖率85%。",
      },
    ],
    indicators: [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "培训基层农技人员",
        target: "≥500人次",
        actual: "520人次",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "建设农业技术示范基地",
        target: "≥6个",
        actual: "6个",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "培训考核合格率",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "培训按期完成率",
        target: "100%",
        actual: "100%",
        weight: 5,
        score: 5,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "人均培训成本",
        target: "≤0.12万元",
        actual: "0.11万元",
        weight: 5,
        score: 5,
      },
      {
        level1: "效益指标",
        level2: "经济效益指标",
        name: "示范基地亩均增收",
        target: "≥300元",
        actual: "280元",
        weight: 15,
        score: 14,
        reason: "受台风影响部分示范基地减产；下一步推广抗灾品种，完善农业保险。",
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "新技术推广覆盖率",
        target: "≥80%",
        actual: "85%",
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "参训人员满意度",
        target: "≥90%",
        actual: "96%",
        weight: 10,
        score: 10,
      },
    ],
    total: { weight: 100, score: 98.4 },
    grade: "优",
  };
}

// ---------------------------------------------------------------------------------------------------
// What the write plan must write, by hand from each table's inputs (DOMAIN.md §3, profile central-2020):
//   执行率 = 全年执行数 ÷ 全年预算数, a fraction to 6 decimals (a total row of 0 beside filled sub-rows: their sum);
//   execution 得分 = min(执行率, 1) × 分值, to 2 decimals;
//   a quantitative indicator's 得分: ≥ met or ≤ met or = met → 分值, ≥ missed → 分值 × 实际 ÷ 目标, to 2 decimals;
//   a qualitative indicator's 得分 is the officer's judgement inside its tier and is never written, nor is the 得分 of
//   a row whose 实际完成值 or 分值 cannot be read;
//   总分 = execution 得分 + Σ indicator 得分 at full precision, to 2 decimals; a 得分 that is not computed counts as
//   typed (capped at its 分值; a qualitative one above its tier at the tier's ceiling less 0.01);
//   等级 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60, as text;
//   nothing is written over a formula (the officer's own construction).
// ---------------------------------------------------------------------------------------------------

/** The writes without the cells named (formula cells, rows whose 得分 cannot be computed). */
function without(writes: Writes, ...cells: Array<string | null>): Writes {
  const out = { ...writes };
  for (const a1 of cells) {
    if (a1 === null || !(a1 in out)) throw new Error(`without(): ${a1} is not written`);
    delete out[a1];
  }
  return out;
}

/** Adds the 等级 when the table has a 自评等级 row. */
function withGrade(map: TableMap, writes: Writes, grade: string): Writes {
  const at = map.grade();
  return at === null ? writes : { ...writes, [at]: grade };
}

/** The central base table's indicator scores, row by row. */
const CENTRAL_SCORES = [
  10 * (37.24 / 43.2), // ≥43.2公里 missed by 37.24: 分值 × 实际 ÷ 目标 = 8.620370
  10, // ≥1500平方米, 1620: met
  10, // ≥85%, 87%: met
  7, // qualitative 部分达成, typed 7: not written
  10, // ≤3.2万元, 3.06: met
  10, // qualitative 达成, typed 10: not written
  10, // =0起, 0起: met
  9, // qualitative 达成, typed 9: not written
  10, // ≥90%, 92%: met
];
/** Rows of the central base table whose 得分 the rules compute (the others are qualitative). */
const CENTRAL_QUANTITATIVE = [0, 1, 2, 4, 6, 8];

/**
 * The central base table's writes: 执行率 and execution 得分 from the budget given (114 of 120 by default), the
 * quantitative indicators' 得分, 总分 = execution 得分 + the nine scores above, 等级 优.
 */
function centralWrites(map: TableMap, executed = 114, planned = 120): Writes {
  const rate = executed / planned;
  const execution = Math.min(rate, 1) * 10;
  const writes: Writes = {
    [map.budget(0, "rate")]: round(rate, 6),
    [map.budget(0, "score")]: round(execution, 2),
  };
  for (const i of CENTRAL_QUANTITATIVE) writes[map.indicator(i, "score")] = round(CENTRAL_SCORES[i], 2);
  writes[map.total("score")] = round(execution + CENTRAL_SCORES.reduce((a, b) => a + b, 0), 2);
  return withGrade(map, writes, "优");
}

/** The Sichuan base table's writes for a budget of `executed` of `planned` (485 of 500 in the base). */
function sichuanWrites(map: TableMap, executed: number, planned: number): Writes {
  const rate = executed / planned;
  const execution = Math.min(rate, 1) * 10;
  const scores = [
    15, // ≥ 8处, 8: met
    10, // ≥ 26.5公里, 27.3: met
    10, // ≥ 95%, 96.5: met
    5, // ≤ 12月, 11: met
    10, // ≤ 18万元/公里, 17.6: met
    15 * (11400 / 12000), // ≥ 12000人 missed by 11400: 14.25
    15, // = 20年, 20: met
    10, // ≥ 90%, 93: met
  ];
  const writes: Writes = {
    [map.budget(0, "rate")]: round(rate, 6),
    [map.budget(0, "score")]: round(execution, 2),
  };
  scores.forEach((score, i) => {
    writes[map.indicator(i, "score")] = round(score, 2);
  });
  writes[map.total("score")] = round(execution + scores.reduce((a, b) => a + b, 0), 2);
  return withGrade(map, writes, "优");
}

// ---------------------------------------------------------------------------------------------------
// The fixtures.
// ---------------------------------------------------------------------------------------------------

const ALL_CLEAN = allRulesExcept();

const fixtures: Fixture[] = [
  // Clean tables, one per layout, plus the same central table drawn in other real-world shapes.
  centralFixture(
    "central-clean",
    "Central 项目支出 table with nothing wrong: merged 一级/二级 cells, totals, 执行率, execution 得分 and 总分 as formulas with cached results, a 填表人 line below.",
    (spec) => {
      spec.notes = ["填表人：王小明        联系电话：020-00000000        填报日期：2024年3月15日"];
    },
    (map) => {
      cell("H6", map.budget(0, "rate"));
      cell("H22", map.total("score"));
      return {
        budget: { rate: CENTRAL_RATE },
        total: { computed: CENTRAL_TOTAL, grade: "优" },
        findings: [],
        absent: ALL_CLEAN,
        // 执行率, execution 得分 and 总分 are formulas: left alone.
        writes: without(centralWrites(map), map.budget(0, "rate"), map.budget(0, "score"), map.total("score")),
      };
    },
    { formulas: { budgetTotals: true, rate: true, execScore: true, total: true } },
  ),
  centralFixture(
    "central-repeated-labels",
    "The central clean table with 一级/二级 labels repeated on every row (no merges), all values typed, and no 自评等级 row.",
    (spec) => {
      delete spec.grade;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [],
      absent: ALL_CLEAN,
      writes: centralWrites(map), // no 自评等级 row: no 等级
    }),
    { levelLabels: "repeat" },
  ),
  centralFixture(
    "central-merged-fendui",
    'The central clean table starting at B3 (two blank rows, one blank column), with 分散对齐 spaces in short labels ("绩 效 指 标", "分 值", "总 分"), headers broken before their suffix ("全年预算数\\n（A）", "执 行 率\\n（B/A）") and merged 一级/二级 cells.',
    (spec) => {
      spec.headers = { adjusted: "全年预算数（A）", executed: "全年执行数（B）", rate: "执行率（B/A）" };
    },
    (map) => {
      cell("B3", `B${map.titleRow}`);
      cell("G8", map.budget(0, "executed"));
      cell("I8", map.budget(0, "rate"));
      cell("I24", map.total("score"));
      return {
        budget: { rate: CENTRAL_RATE },
        total: { computed: CENTRAL_TOTAL, grade: "优" },
        findings: [],
        absent: ALL_CLEAN,
        writes: centralWrites(map), // the same figures, drawn from B3
      };
    },
    { origin: { row: 3, col: 2 }, fendui: true, headerBreaks: true, levelLabels: "merge" },
  ),
  {
    name: "department-clean",
    build() {
      const { workbook, map } = singleTable(departmentBase());
      cell("H5", map.budget(0, "rate"));
      cell("G9", map.goal(0, "actual"));
      cell("F20", map.indicator(7, "actual"));
      cell("H21", map.total("score"));
      return {
        workbook,
        expected: {
          description:
            '部门整体 table with nothing wrong: budget sub-rows 基本支出/项目支出, three 年度主要任务 with their own 预期目标 and 实际完成情况, one quantitative partial score (92/95 × 10 = 9.68), one qualitative 14 of 15, and the satisfaction actual typed as the number 0.94 in a "0%" cell against "≥90%".',
          sheet: TABLE_SHEET,
          layout: "department",
          budget: { rate: 0.972 },
          total: { computed: 98.4, grade: "优" },
          findings: [],
          absent: ALL_CLEAN,
          writes: withGrade(
            map,
            {
              [map.budget(0, "rate")]: round(2381.4 / 2450, 6),
              [map.budget(0, "score")]: round(Math.min(2381.4 / 2450, 1) * 10, 2),
              [map.indicator(0, "score")]: 10, // ≥120场, 136: met
              [map.indicator(1, "score")]: 10, // ≥300天, 310: met
              [map.indicator(2, "score")]: 10, // ≥95%, 98%: met
              [map.indicator(3, "score")]: round(10 * (92 / 95), 2), // ≥95% missed by 92%: 9.68
              [map.indicator(4, "score")]: 10, // ≤3万元, 2.8: met
              [map.indicator(5, "score")]: 15, // ≥50000人次, 56800: met
              // indicator 6 qualitative, typed 14: not written
              [map.indicator(7, "score")]: 10, // ≥90%, 0.94 in a "0%" cell = 94%: met
              [map.total("score")]: round((2381.4 / 2450) * 10 + 10 + 10 + 10 + 10 * (92 / 95) + 10 + 15 + 14 + 10, 2),
            },
            "优",
          ),
          computedCells: map.computedCells(),
        },
      };
    },
  },
  {
    name: "sichuan-clean",
    build() {
      const { workbook, map } = singleTable(sichuanBase());
      cell("G6", map.budget(0, "rate"));
      cell("E14", map.indicator(0, "nature"));
      cell("J22", map.total("score"));
      return {
        workbook,
        expected: {
          description:
            "Sichuan table with nothing wrong: 年初预算/调整后预算数/预算执行数/预算执行率/权重/得分/原因, rows 总额 and four sources, 指标性质 (≥, ≤, =) and 度量单位 columns with bare-number targets. 485/500 = 97.00% → 9.70; 11400/12000 × 15 = 14.25; 总分 98.95.",
          sheet: TABLE_SHEET,
          layout: "sichuan",
          budget: { rate: 0.97 },
          total: { computed: 98.95, grade: "优" },
          findings: [],
          absent: ALL_CLEAN,
          writes: sichuanWrites(map, 485, 500), // 0.97 → 9.70, 总分 9.70 + 89.25 = 98.95
          computedCells: map.computedCells(),
        },
      };
    },
  },
  {
    name: "city-20-80-clean",
    build() {
      const { workbook, map } = singleTable(cityBase(), { levelLabels: "blank" });
      cell("I6", map.budget(0, "score"));
      cell("H21", map.total("score"));
      return {
        workbook,
        expected: {
          description:
            'City 20/80 table with nothing wrong: execution 分值 20 scored "得分(20分*执行率)" (291/300 = 97% → 19.40), indicators totalling 80, synonym headers, 一级/二级 written once and the cells below left blank (not merged). 总分 98.40.',
          sheet: TABLE_SHEET,
          layout: "city-20-80",
          budget: { rate: 0.97 },
          total: { computed: 98.4, grade: "优" },
          findings: [],
          absent: ALL_CLEAN,
          writes: withGrade(
            map,
            {
              [map.budget(0, "rate")]: round(291 / 300, 6),
              [map.budget(0, "score")]: round(Math.min(291 / 300, 1) * 20, 2), // 分值 20
              [map.indicator(0, "score")]: 10, // ≥500人次, 520: met
              [map.indicator(1, "score")]: 10, // ≥6个, 6: met
              [map.indicator(2, "score")]: 10, // ≥90%, 95%: met
              [map.indicator(3, "score")]: 5, // 100% (bare: ≥), 100%: met
              [map.indicator(4, "score")]: 5, // ≤0.12万元, 0.11: met
              [map.indicator(5, "score")]: round(15 * (280 / 300), 2), // ≥300元 missed by 280: 14
              [map.indicator(6, "score")]: 15, // ≥80%, 85%: met
              [map.indicator(7, "score")]: 10, // ≥90%, 96%: met
              [map.total("score")]: round((291 / 300) * 20 + 10 + 10 + 10 + 5 + 5 + 15 * (280 / 300) + 15 + 10, 2),
            },
            "优",
          ),
          computedCells: map.computedCells(),
        },
      };
    },
  },
  {
    name: "third-sheet",
    build() {
      const workbook = newWorkbook();
      const notes = workbook.addWorksheet("说明");
      [
        "填表说明",
        "1. 本表适用于项目支出绩效自评，金额单位为万元。",
        "2. 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金。",
        "3. 执行率 = 全年执行数 ÷ 全年预算数；预算执行率分值为10分，绩效指标分值合计90分。",
        "4. 定量指标按实际完成值与年度指标值的比例计分；定性指标按“达成年度指标”“部分达成年度指标并具有一定效果”“未达成年度指标且效果较差”三档评分。",
        "5. 得分低于分值的，须在“偏差原因分析及改进措施”栏说明原因。",
      ].forEach((line, i) => {
        notes.getCell(i + 1, 1).value = line;
      });
      notes.getColumn(1).width = 100;
      const cover = workbook.addWorksheet("封面");
      [
        ["2023年度项目支出绩效自评材料", 20],
        ["", 11],
        ["项目名称：2023年农村公路日常养护项目", 14],
        ["实施单位（盖章）：示例区公路事务中心", 14],
        ["填报日期：2024年3月15日", 14],
      ].forEach(([text, size], i) => {
        const c = cover.getCell(i + 3, 2);
        c.value = text === "" ? null : text;
        c.font = { name: "宋体", size: Number(size), bold: i === 0 };
      });
      cover.getColumn(2).width = 60;
      const map = drawTable(addTableSheet(workbook, "附表1"), centralBase());
      cell("H22", map.total("score"));
      return {
        workbook,
        expected: {
          description:
            "Three sheets 说明 / 封面 / 附表1, no sheet name containing 自评: the 说明 sheet quotes the table's labels in prose and the 封面 names the project; the table (the central clean one) is on the third sheet.",
          sheet: "附表1",
          layout: "central",
          budget: { rate: CENTRAL_RATE },
          total: { computed: CENTRAL_TOTAL, grade: "优" },
          findings: [],
          absent: allRulesExcept(),
          writes: centralWrites(map), // on 附表1, the table's sheet
          computedCells: map.computedCells(),
        },
      };
    },
  },
  {
    name: "no-table",
    build() {
      const workbook = newWorkbook();
      const list = workbook.addWorksheet("资产清单");
      const rows: (string | number)[][] = [
        ["序号", "资产名称", "规格型号", "数量", "单价（元）", "金额（元）", "使用部门"],
        [1, "台式计算机", "i5/16G/512G", 12, 5200, 62400, "综合科"],
        [2, "激光打印机", "A4黑白", 4, 1800, 7200, "综合科"],
        [3, "会议桌", "3.6米", 2, 4500, 9000, "办公室"],
        [4, "空调", "1.5匹", 6, 3100, 18600, "财务科"],
        [5, "档案柜", "五节", 10, 980, 9800, "档案室"],
      ];
      rows.forEach((values, r) =>
        values.forEach((value, c) => {
          list.getCell(r + 1, c + 1).value = value;
        }),
      );
      const summary = workbook.addWorksheet("汇总");
      summary.getCell("A1").value = "资产类别";
      summary.getCell("B1").value = "数量";
      summary.getCell("C1").value = "金额（元）";
      summary.getCell("A2").value = "通用设备";
      summary.getCell("B2").value = 34;
      summary.getCell("C2").value = { formula: "SUM('资产清单'!F2:F6)", result: 107000 };
      return {
        workbook,
        expected: {
          description: "A workbook holding an unrelated asset list (资产清单, 汇总): no 自评表 anywhere.",
          sheet: null,
          layout: null,
          findings: [{ rule: "layout-unrecognized", cell: "A1" }],
          absent: allRulesExcept("layout-unrecognized"),
          writes: {},
          computedCells: [],
        },
      };
    },
  },

  // One fixture per catalogue finding (central layout unless the finding belongs to another one).
  centralFixture(
    "required-blank",
    "The 实际完成值 of 路面优良率 (≥85%) is left empty while its 得分 says 10.",
    (spec) => {
      spec.indicators[2].actual = null;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      findings: [finding("required-blank", "F15", map.indicator(2, "actual"))],
      absent: errorRulesExcept("required-blank", "score-mismatch", "total-mismatch"),
      writes: without(centralWrites(map), map.indicator(2, "score")), // no 实际完成值: 得分 not computed, the typed 10 counts
    }),
  ),
  centralFixture(
    "value-not-number",
    'A 成本指标 "≤30万元" whose 实际完成值 is the word "完成".',
    (spec) => {
      Object.assign(spec.indicators[4], { name: "养护机械租赁费用", target: "≤30万元", actual: "完成" });
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      findings: [finding("value-not-number", "F17", map.indicator(4, "actual"))],
      absent: errorRulesExcept("value-not-number", "score-mismatch", "qualitative-out-of-tier", "total-mismatch"),
      writes: without(centralWrites(map), map.indicator(4, "score")), // 实际完成值 "完成" against ≤30万元: the typed 10 counts
    }),
  ),
  centralFixture(
    "template-text-left",
    'Template text left in: a 三级指标 still named "指标1" (its values are filled in), the instruction "对照年度目标，逐项说明年度目标完成情况（100字以内）" in place of the 实际完成情况, and "……" in the 偏差原因 of a full-score row.',
    (spec) => {
      spec.indicators[1].name = "指标1";
      spec.indicators[2].reason = "……";
      spec.goals[0].actual = "对照年度目标，逐项说明年度目标完成情况（100字以内）";
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [
        finding("template-text-left", "D14", map.indicator(1, "name")),
        finding("template-text-left", "F11", map.goal(0, "actual")),
        finding("template-text-left", "I15", map.indicator(2, "reason")),
      ],
      absent: errorRulesExcept(),
      writes: centralWrites(map),
    }),
  ),
  centralFixture(
    "budget-total-mismatch",
    "The 年度资金总额 row reads 0 / 0 / 0 while the sub-row 当年财政拨款 holds 90 / 89.974 / 89.974 (seen in a real table); 执行率 typed 100%, 得分 10.",
    (spec) => {
      spec.budget = [
        { label: "年度资金总额", initial: 0, adjusted: 0, executed: 0, weight: 10, rate: 1, score: 10 },
        { label: "其中：当年财政拨款", initial: 90, adjusted: 89.974, executed: 89.974 },
        { label: "上年结转资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
      ];
      spec.total.score = 94.62;
    },
    (map) => ({
      findings: [finding("budget-total-mismatch", "D6", map.budget(0, "initial"))],
      absent: [
        "weights-sum",
        "weight-invalid",
        "score-exceeds-weight",
        "score-mismatch",
        "qualitative-out-of-tier",
        "reason-missing",
      ],
      // The total row's 0 / 0 / 0 gives way to the sub-rows' sums: 89.974 ÷ 89.974 = 100% → 10; 总分 10 + 84.62.
      writes: centralWrites(map, 89.974 + 0 + 0, 89.974 + 0 + 0),
    }),
  ),
  centralFixture(
    "exec-over-budget",
    "全年执行数 126 exceeds 全年预算数 120 (sub-rows agree: 106 + 20); 执行率 typed 105.00%, 得分 10 = min(1.05, 1) × 10.",
    (spec) => {
      Object.assign(spec.budget[0], { executed: 126, rate: 1.05, score: 10 });
      spec.budget[1].executed = 106;
      spec.budget[2].executed = 20;
      spec.total.score = 94.62;
    },
    (map) => ({
      budget: { rate: 1.05 },
      findings: [finding("exec-over-budget", "F6", map.budget(0, "executed"))],
      absent: errorRulesExcept("exec-over-budget", "exec-score-mismatch", "total-mismatch"),
      writes: centralWrites(map, 126, 120), // 126 ÷ 120 = 105%, 得分 min(1.05, 1) × 10 = 10, 总分 94.62
    }),
  ),
  centralFixture(
    "exec-rate-mismatch",
    "执行率 typed 96.00% where 114 / 120 = 95.00%; the 得分 9.50 follows the right rate.",
    (spec) => {
      spec.budget[0].rate = 0.96;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("exec-rate-mismatch", "H6", map.budget(0, "rate"))],
      absent: errorRulesExcept("exec-rate-mismatch"),
      writes: centralWrites(map), // the right 执行率 0.95 over the typed 96%
    }),
  ),
  centralFixture(
    "exec-score-mismatch",
    "Execution 得分 typed 10 where the rule gives min(0.95, 1) × 10 = 9.50; the typed 总分 94.62 adds the wrong 10 (computed 94.12).",
    (spec) => {
      spec.budget[0].score = 10;
      spec.total.score = 94.62;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("exec-score-mismatch", "I6", map.budget(0, "score"))],
      absent: errorRulesExcept("exec-score-mismatch", "total-mismatch"),
      writes: centralWrites(map), // the right 9.50 over the typed 10, 总分 94.12 over 94.62
    }),
  ),
  {
    name: "exec-low-no-reason",
    build() {
      const spec = sichuanBase();
      spec.budget = [
        { label: "总额", initial: 200, adjusted: 200, executed: 150, rate: 0.75, weight: 10, score: 7.5 },
        { label: "财政资金", initial: 200, adjusted: 200, executed: 150 },
        { label: "财政专户管理资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "单位资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
      ];
      spec.total.score = 96.75; // 7.50 + 89.25
      const { workbook, map } = singleTable(spec);
      return {
        workbook,
        expected: {
          description:
            "Sichuan table: 预算执行率 150 / 200 = 75.00%, under the 90% threshold, and the 原因 column is empty. 得分 7.50, 总分 7.50 + 89.25 = 96.75.",
          sheet: TABLE_SHEET,
          layout: "sichuan",
          budget: { rate: 0.75 },
          total: { computed: 96.75, grade: "优" },
          findings: [finding("exec-low-no-reason", "G6", map.budget(0, "rate"))],
          absent: [...errorRulesExcept(), "budget-adjusted-no-reason"],
          writes: sichuanWrites(map, 150, 200), // 0.75 → 7.50, 总分 96.75
          computedCells: map.computedCells(),
        },
      };
    },
  },
  {
    name: "budget-adjusted-no-reason",
    build() {
      const spec = sichuanBase();
      spec.budget = [
        { label: "总额", initial: 180, adjusted: 200, executed: 192, rate: 0.96, weight: 10, score: 9.6 },
        { label: "财政资金", initial: 180, adjusted: 200, executed: 192 },
        { label: "财政专户管理资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "单位资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
      ];
      spec.total.score = 98.85; // 9.60 + 89.25
      const { workbook, map } = singleTable(spec);
      return {
        workbook,
        expected: {
          description:
            "Sichuan table: 年初预算 180 adjusted to 调整后预算数 200 with the 原因 column empty. 192 / 200 = 96.00% → 9.60, 总分 98.85.",
          sheet: TABLE_SHEET,
          layout: "sichuan",
          budget: { rate: 0.96 },
          total: { computed: 98.85, grade: "优" },
          findings: [finding("budget-adjusted-no-reason", "E6", map.budget(0, "adjusted"))],
          absent: [...errorRulesExcept(), "exec-low-no-reason"],
          writes: sichuanWrites(map, 192, 200), // 0.96 → 9.60, 总分 98.85
          computedCells: map.computedCells(),
        },
      };
    },
  },
  {
    name: "weights-sum-city",
    build() {
      const spec = cityBase();
      const full = (row: IndicatorRow, weight: number): IndicatorRow => ({ ...row, weight, score: weight });
      const base = cityBase().indicators;
      spec.indicators = [
        full(base[0], 15),
        full(base[1], 15),
        full(base[2], 10),
        full(base[3], 10),
        full(base[4], 10),
        { ...base[5], actual: "310元", weight: 15, score: 15, reason: null },
        full(base[6], 15),
        {
          level1: "效益指标",
          level2: "可持续影响指标",
          name: "示范基地持续运营年限",
          target: "≥3年",
          actual: "3年",
          weight: 10,
          score: 10,
        },
      ];
      spec.total.score = 119.4; // 19.40 + 60 + 40, the officer's own sum
      const { workbook, map } = singleTable(spec, { levelLabels: "blank" });
      return {
        workbook,
        expected: {
          description:
            "City 20/80 table whose indicator blocks weigh 产出 60 + 效益 40: 20 + 60 + 40 = 120 against 总分 分值 100 (seen in a real table). Every score is full; the typed 总分 119.40 is the officer's own sum.",
          sheet: TABLE_SHEET,
          layout: "city-20-80",
          budget: { rate: 0.97 },
          findings: [finding("weights-sum", "G21", map.total("weight"))],
          absent: errorRulesExcept("weights-sum", "score-exceeds-weight"),
          // Every indicator quantitative and met: 15 + 15 + 10 + 10 + 10 + 15 (310 ≥ 300元) + 15 + 10 (3 ≥ 3年).
          // Weights of 120 make any total impossible: 总分 is shown as provisional, never written nor graded.
          writes: {
            [map.budget(0, "rate")]: round(291 / 300, 6),
            [map.budget(0, "score")]: round(Math.min(291 / 300, 1) * 20, 2),
            [map.indicator(0, "score")]: 15,
            [map.indicator(1, "score")]: 15,
            [map.indicator(2, "score")]: 10,
            [map.indicator(3, "score")]: 10,
            [map.indicator(4, "score")]: 10,
            [map.indicator(5, "score")]: 15,
            [map.indicator(6, "score")]: 15,
            [map.indicator(7, "score")]: 10,
          },
          computedCells: map.computedCells(),
        },
      };
    },
  },
  centralFixture(
    "weights-sum-block",
    'Weights embedded in the 一级 labels ("产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"), but the 产出 indicators add up to 45 (the 成本指标 weighs 5): the block disagrees with its label and 10 + 45 + 30 + 10 = 95 disagrees with 总分 分值 100. Scores are right for the weights typed: 总分 89.12.',
    (spec) => {
      const labels: Record<string, string> = {
        产出指标: "产出指标(50分)",
        效益指标: "效益指标(30分)",
        满意度指标: "满意度指标(10分)",
      };
      for (const row of spec.indicators) row.level1 = labels[row.level1];
      Object.assign(spec.indicators[4], { weight: 5, score: 5 });
      spec.total.score = 89.12;
      spec.grade = "良";
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: 89.12, grade: "良" },
      findings: [
        finding("weights-sum", "B13", map.indicator(0, "level1")),
        finding("weights-sum", "G22", map.total("weight")),
      ],
      absent: errorRulesExcept("weights-sum"),
      writes: {
        ...centralWrites(map),
        [map.indicator(4, "score")]: 5, // ≤3.2万元, 3.06: met, 分值 5
        [map.total("score")]: round(9.5 + 10 * (37.24 / 43.2) + 10 + 10 + 7 + 5 + 10 + 10 + 9 + 10, 2),
        [map.grade()!]: "良", // 89.12 < 90
      },
    }),
  ),
  centralFixture(
    "weight-invalid",
    'An extra 数量指标 "日常巡查次数" with 分值 0 (and 得分 0); the other weights still add up to 100.',
    (spec) => {
      spec.indicators.splice(2, 0, {
        level1: "产出指标",
        level2: "数量指标",
        name: "日常巡查次数",
        target: "≥52次",
        actual: "56次",
        weight: 0,
        score: 0,
      });
    },
    (map) => {
      cell("H23", map.total("score"));
      return {
        budget: { rate: CENTRAL_RATE },
        total: { computed: CENTRAL_TOTAL, grade: "优" },
        findings: [finding("weight-invalid", "G15", map.indicator(2, "weight"))],
        absent: errorRulesExcept("weight-invalid"),
        // The 分值 0 row (≥52次, 56次) is not scored; every row below it moves down one.
        writes: withGrade(
          map,
          {
            [map.budget(0, "rate")]: round(114 / 120, 6),
            [map.budget(0, "score")]: round(Math.min(114 / 120, 1) * 10, 2),
            [map.indicator(0, "score")]: round(10 * (37.24 / 43.2), 2),
            [map.indicator(1, "score")]: 10,
            [map.indicator(3, "score")]: 10,
            [map.indicator(5, "score")]: 10,
            [map.indicator(7, "score")]: 10,
            [map.indicator(9, "score")]: 10,
            [map.total("score")]: round(9.5 + 10 * (37.24 / 43.2) + 10 + 10 + 7 + 10 + 10 + 10 + 9 + 10, 2),
          },
          "优",
        ),
      };
    },
  ),
  centralFixture(
    "score-exceeds-weight",
    "修复路面坑槽面积 (≥1500 → 1620, 分值 10) typed 得分 12; 总分 typed 96.12 as the officer summed it.",
    (spec) => {
      spec.indicators[1].score = 12;
      spec.total.score = 96.12;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      findings: [finding("score-exceeds-weight", "H14", map.indicator(1, "score"))],
      absent: errorRulesExcept("score-exceeds-weight", "score-mismatch", "total-mismatch"),
      writes: centralWrites(map), // 1620 ≥ 1500: 10, not the typed 12
    }),
  ),
  centralFixture(
    "score-mismatch",
    "完成农村公路日常养护里程 ≥43.2公里, actual 37.24公里, 分值 10: the rule gives 10 × 37.24 / 43.2 = 8.62 (86.20%), the officer typed 9 (integer rounding, not the default profile). 总分 typed 94.50; computed 94.12.",
    (spec) => {
      spec.indicators[0].score = 9;
      spec.total.score = 94.5;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("score-mismatch", "H13", map.indicator(0, "score"))],
      absent: errorRulesExcept("score-mismatch", "total-mismatch"),
      writes: centralWrites(map), // 10 × 37.24 ÷ 43.2 = 8.62 over the typed 9
    }),
  ),
  centralFixture(
    "qualitative-out-of-tier",
    '养护任务完成时限: actual "部分达成年度指标并具有一定效果" (tier [60%, 80%) of 10 = [6, 8)) typed 得分 9; 总分 typed 96.12.',
    (spec) => {
      spec.indicators[3].score = 9;
      spec.total.score = 96.12;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      findings: [finding("qualitative-out-of-tier", "H16", map.indicator(3, "score"))],
      absent: errorRulesExcept("qualitative-out-of-tier", "total-mismatch"),
      writes: {
        ...centralWrites(map),
        // The typed 9 counts at the 部分达成 tier's ceiling less 0.01: 8 − 0.01 = 7.99.
        [map.total("score")]: round(9.5 + 10 * (37.24 / 43.2) + 10 + 10 + (8 - 0.01) + 10 + 10 + 10 + 9 + 10, 2),
      },
    }),
  ),
  centralFixture(
    "reason-missing",
    '完成农村公路日常养护里程 scores 8.62 of 10 but its 偏差原因分析及改进措施 says "无".',
    (spec) => {
      spec.indicators[0].reason = "无";
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("reason-missing", "I13", map.indicator(0, "reason"))],
      absent: errorRulesExcept("reason-missing"),
      writes: centralWrites(map),
    }),
  ),
  centralFixture(
    "over-completion",
    "修复路面坑槽面积 ≥1500平方米, actual 1860平方米 (124% ≥ 120% of the target), full score and no explanation.",
    (spec) => {
      spec.indicators[1].actual = "1860平方米";
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("over-completion", "F14", map.indicator(1, "actual"))],
      absent: errorRulesExcept(),
      writes: centralWrites(map), // 1860 ≥ 1500: 10 (over-completion keeps the 分值)
    }),
  ),
  centralFixture(
    "unit-mismatch",
    'A 质量指标 with the target "≥100百分比" (sic, as in real tables) and the actual "100%".',
    (spec) => {
      Object.assign(spec.indicators[2], { name: "养护工程验收合格率", target: "≥100百分比", actual: "100%" });
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("unit-mismatch", "F15", map.indicator(2, "actual"))],
      absent: errorRulesExcept(),
      writes: centralWrites(map), // 100% ≥ 100(百分比): 10
    }),
  ),
  centralFixture(
    "total-mismatch",
    "总分 得分 typed 96.00 where 9.50 + 45.62 + 29 + 10 = 94.12.",
    (spec) => {
      spec.total.score = 96;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("total-mismatch", "H22", map.total("score"))],
      absent: errorRulesExcept("total-mismatch"),
      writes: centralWrites(map), // 94.12 over the typed 96
    }),
  ),
  centralFixture(
    "duplicate-exec-indicator",
    'The 时效指标 row is "预算执行率 ≥90% → 95%", scoring budget execution a second time in the indicator block. Scores right: 总分 9.50 + 48.62 + 29 + 10 = 97.12.',
    (spec) => {
      spec.indicators[3] = {
        level1: "产出指标",
        level2: "时效指标",
        name: "预算执行率",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      };
      spec.total.score = 97.12;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: 97.12, grade: "优" },
      findings: [finding("duplicate-exec-indicator", "D16", map.indicator(3, "name"))],
      absent: errorRulesExcept(),
      writes: {
        ...centralWrites(map),
        [map.indicator(3, "score")]: 10, // ≥90%, 95%: met
        [map.total("score")]: round(9.5 + 10 * (37.24 / 43.2) + 10 + 10 + 10 + 10 + 10 + 10 + 9 + 10, 2),
      },
    }),
  ),
  centralFixture(
    "text-copied",
    "The 实际完成情况 is the 预期目标 copied word for word.",
    (spec) => {
      spec.goals[0].actual = spec.goals[0].expected;
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("text-copied", "F11", map.goal(0, "actual"))],
      absent: errorRulesExcept(),
      writes: centralWrites(map),
    }),
  ),
  centralFixture(
    "text-other-year",
    'A 2023 table whose 实际完成情况 is last year\'s text ("2022年，完成农村公路日常养护41公里…").',
    (spec) => {
      spec.goals[0].actual =
        "2022年，完成农村公路日常养护41公里，修复路面坑槽1380平方米，路面优良率86%，未发生养护作业安全事故，沿线群众满意度91%。";
    },
    (map) => ({
      budget: { rate: CENTRAL_RATE },
      total: { computed: CENTRAL_TOTAL, grade: "优" },
      findings: [finding("text-copied", "F11", map.goal(0, "actual"))],
      absent: errorRulesExcept(),
      writes: centralWrites(map),
    }),
  ),

  // Values typed the way offices type them.
  centralFixture(
    "text-amounts",
    'Amounts typed as text: the 年度资金总额 row "3,378.30" / "3,378.30" / "3,342.07" (千分位), the 当年财政拨款 row in full-width digits "３３７８．３０" / "３３７８．３０" / "３３４２．０７". 3342.07 / 3378.30 = 98.93% (0.989276) → 9.89; 总分 9.89 + 84.62 = 94.51.',
    (spec) => {
      spec.budget = [
        {
          label: "年度资金总额",
          initial: "3,378.30",
          adjusted: "3,378.30",
          executed: "3,342.07",
          weight: 10,
          rate: 0.9893,
          score: 9.89,
        },
        {
          label: "其中：当年财政拨款",
          initial: "３３７８．３０",
          adjusted: "３３７８．３０",
          executed: "３３４２．０７",
        },
        { label: "上年结转资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
      ];
      spec.total.score = 94.51;
    },
    (map) => {
      cell("E6", map.budget(0, "adjusted"));
      return {
        budget: { rate: 0.989276 },
        total: { computed: 94.51, grade: "优" },
        findings: [],
        absent: errorRulesExcept(),
        writes: centralWrites(map, 3342.07, 3378.3), // 3342.07 ÷ 3378.30 = 0.989276 → 9.89, 总分 94.51
      };
    },
  ),
  centralFixture(
    "rate-zero-decimals",
    '执行率 cell formatted "0%" holding 0.86 where 37.24 / 43.20 = 86.20% (0.862037): equal at the precision the cell displays, so no exec-rate-mismatch. 得分 8.62; 总分 8.62 + 84.62 = 93.24.',
    (spec) => {
      spec.budget = [
        {
          label: "年度资金总额",
          initial: 43.2,
          adjusted: 43.2,
          executed: 37.24,
          weight: 10,
          rate: 0.86,
          rateFormat: "0%",
          score: 8.62,
        },
        { label: "其中：当年财政拨款", initial: 43.2, adjusted: 43.2, executed: 37.24 },
        { label: "上年结转资金", initial: 0, adjusted: 0, executed: 0 },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
      ];
      spec.total.score = 93.24;
    },
    (map) => {
      cell("H6", map.budget(0, "rate"));
      return {
        budget: { rate: 0.862037 },
        total: { computed: 93.24, grade: "优" },
        findings: [],
        absent: errorRulesExcept(),
        writes: centralWrites(map, 37.24, 43.2), // 37.24 ÷ 43.2 = 0.862037 → 8.62, 总分 93.24
      };
    },
  ),
];

async function main(): Promise<void> {
  const names = new Set<string>();
  for (const fixture of fixtures) {
    if (names.has(fixture.name)) throw new Error(`duplicate fixture name ${fixture.name}`);
    names.add(fixture.name);
    let built: Built;
    try {
      built = fixture.build();
    } catch (error) {
      throw new Error(`fixture ${fixture.name}: ${(error as Error).message}`);
    }
    await saveWorkbook(built.workbook, join(OUT_DIR, `${fixture.name}.xlsx`));
    writeExpected(join(OUT_DIR, `${fixture.name}.expected.json`), built.expected);
  }
  process.stdout.write(`wrote ${fixtures.length} fixtures to ${OUT_DIR}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
