/**
 * Writes examples/nansha-2023.xlsx: the 部门整体支出绩效自评表 of the 广州市南沙区人民政府办公室 for 2023,
 * rebuilt from the figures of its published 自评报告 (the table itself is not published), and the
 * expected conclusions beside it in the fixture format.
 */
import { join } from "path";
import { newWorkbook, saveWorkbook } from "./lib/workbook";
import { drawTable, type IndicatorRow, type TableSpec } from "./lib/template";
import { errorRulesExcept, round, writeExpected, type Writes } from "./lib/expected";

const OUT_DIR = join(__dirname, "..", "examples");
const SHEET = "部门整体支出绩效自评表";

// 全年部门预算数 3,378.30 万元, 执行数 3,342.07 万元 (report §一（三）); 其他资金 none.
const BUDGET = 3378.3;
const EXECUTED = 3342.07;

function quantity(level2: string, name: string, target: string, actual: string, weight: number): IndicatorRow {
  return { level1: "产出指标", level2, name, target, actual, weight, score: weight };
}

function benefit(name: string, target: string, actual: string, weight: number): IndicatorRow {
  return { level1: "效益指标", level2: "社会效益指标", name, target, actual, weight, score: weight };
}

const spec: TableSpec = {
  layout: "department",
  title: "部门整体支出绩效自评表",
  yearLine: "（2023年度）",
  info: [["部门名称", "广州市南沙区人民政府办公室"]],
  budget: [
    {
      label: "年度资金总额",
      initial: BUDGET,
      adjusted: BUDGET,
      executed: EXECUTED,
      weight: 10,
      // Cached result of =F5/E5, as Excel stores it (0.989276 at six places, 98.93% displayed).
      rate: EXECUTED / BUDGET,
      score: 9.89,
    },
    { label: "其中：财政拨款", initial: BUDGET, adjusted: BUDGET, executed: EXECUTED },
    { label: "其他资金", initial: 0, adjusted: 0, executed: 0 },
  ],
  goals: [
    {
      task: "做好政务保障工作",
      expected:
        "紧紧围绕全区中心工作，提高政治站位、加强审核把关、立足服务大局、强化统筹协调，充分发挥综合枢纽作用，推动建立高效顺畅的沟通协调机制，切实保障南沙开发建设的顺利推进。",
      actual:
        "保质保量落实国家、省、市、区需要管委会、区政府参加的各项会议活动，以及区主要领导办公会议会务组织工作。全年共组织办理各类会议2023次，统筹组织各类调研活动会见等617次，高效办理各类文件26004份。",
    },
    {
      task: "做好督查督办和建议提案办理工作",
      expected:
        "系统梳理上级和管委会、区政府工作部署事项，按照“轻、重、缓、急”进行遴选比对，分类建立督办工作台账，确保任务事项无漏项、不重复，推动各项工作按时高质高效落实。",
      actual:
        "全年跟进上级和管委会、区政府部署事项2040项，印发《督（交）办通知》207份，整理形成各类督办专报、快报、简报等共98期；协调推动“互联网+督查”问题线索办理101条；全年办结人大建议、政协提案719件，同比增长77.1%。",
    },
    {
      task: "做好信息报送和会议纪要（备忘）撰写等工作",
      expected:
        "紧紧围绕全区中心工作，充分发挥领导参谋助手和服务保障的作用，高标准完成政务信息、综合材料、调研等各项工作任务。",
      actual:
        "全年共有258篇信息被上级采用，其中被国办综合采用24篇、省府办综合采用47篇、市府办采用187篇；完成上级约稿130篇；共编印《南沙区大力推动实现老城市新活力、“四个出新出彩”工作简报》51期。",
    },
  ],
  indicators: [
    quantity("数量指标", "组织办理各类会议", "≥2000次", "2023次", 10),
    quantity("数量指标", "统筹组织各类调研活动会见等", "≥600次", "617次", 10),
    quantity("数量指标", "高效办理各类文件", "≥25000份", "26004份", 10),
    quantity("数量指标", "跟进上级和管委会、区政府部署事项", "≥2000项", "2040项", 10),
    quantity("质量指标", "印发《督（交）办通知》", "≥200份", "207份", 5),
    quantity("时效指标", "协调推动“互联网+督查”问题线索办理", "≥100条", "101条", 5),
    benefit("部门预算完成率", "≥95.19%", "98.93%", 10),
    benefit("办结人大建议、政协提案", "≥700件", "719件", 5),
    benefit("信息被上级采用", "≥250篇", "258篇", 5),
    {
      ...benefit("编印工作简报", "≥56期", "51期", 10),
      // 10 × 51 / 56 = 9.107143
      score: 9.11,
      reason: "部分简报合并编印，全年编印51期，未达年度指标值；下一步加强信息统筹，按计划编印简报。",
    },
    {
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "人大代表、政协委员对建议提案办理工作的满意度",
      target: "满意",
      actual: "达成年度指标",
      weight: 10,
      score: 10,
    },
  ],
  // 9.892760 + 80 + 9.107143 = 98.999903, typed 99 as in the report.
  total: { weight: 100, score: 99 },
  grade: "优",
  notes: [
    "填报单位（盖章）：广州市南沙区人民政府办公室",
    "注：本表依据《2023年度广州市南沙区人民政府办公室部门整体支出绩效自评报告》公开的数据重建，供演示使用；指标设置与分值为推定，非原表。",
  ],
};

async function main(): Promise<void> {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet(SHEET, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const map = drawTable(ws, spec, { formulas: { rate: true } });
  const rateCell = map.budget(0, "rate");
  const duplicate = map.indicator(6, "name");
  if (rateCell !== "H5" || duplicate !== "D19") {
    throw new Error(`sample layout moved: rate at ${rateCell}, 预算完成率 at ${duplicate}`);
  }
  // What the plan writes, by hand from the report's figures (rules as in scripts/make-fixtures.ts): the 执行率 is a
  // formula (=F5/E5) and stays; execution 得分 min(3342.07 ÷ 3378.30, 1) × 10 = 9.89; the ten quantitative
  // indicators all met but 编印工作简报 (≥56期, 51: 10 × 51 ÷ 56 = 9.11); the 满意度 row is qualitative (typed 10,
  // not written); 总分 9.892760 + 70 + 9.107143 + 10 = 98.999903 → 99.00, 优.
  const met = [10, 10, 10, 10, 5, 5, 10, 5, 5];
  const writes: Writes = { [map.budget(0, "score")]: round(Math.min(EXECUTED / BUDGET, 1) * 10, 2) };
  met.forEach((weight, i) => {
    writes[map.indicator(i, "score")] = weight;
  });
  writes[map.indicator(9, "score")] = round(10 * (51 / 56), 2);
  writes[map.total("score")] = round((EXECUTED / BUDGET) * 10 + 70 + 10 * (51 / 56) + 10, 2);
  writes[map.grade()!] = "优";
  await saveWorkbook(workbook, join(OUT_DIR, "nansha-2023.xlsx"));
  writeExpected(join(OUT_DIR, "nansha-2023.expected.json"), {
    description:
      "广州市南沙区人民政府办公室 2023 部门整体支出绩效自评表, rebuilt from the published report: 3342.07 / 3378.30 = 98.93% → 9.89; indicators 80 + 9.11 (51/56 × 10); 总分 99 (优). The 部门预算完成率 indicator (≥95.19% → 98.93%) scores budget execution a second time.",
    sheet: SHEET,
    layout: "department",
    budget: { rate: 0.989276 },
    total: { computed: 99.0, grade: "优" },
    findings: [{ rule: "duplicate-exec-indicator", cell: "D19" }],
    absent: [
      ...errorRulesExcept(),
      "over-completion",
      "text-copied",
      "template-text-left",
      "budget-adjusted-no-reason",
    ],
    writes,
    computedCells: map.computedCells(),
  });
  process.stdout.write(`wrote ${join(OUT_DIR, "nansha-2023.xlsx")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
