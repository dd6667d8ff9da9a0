/**
 * Workbooks and write plans for the office gateway tests: a central-layout 自评表 of any number of
 * indicators (long Chinese names, merged 一级 cells, formulas, number formats) and a plan of matching size.
 */
import type { Severity, WritePlan } from "../../src/domain/types";
import { toA1 } from "../../src/domain/grid";
import type { FakeCell, FakeExcel, FakeSheet } from "./office-excel";

export const TABLE_SHEET = "附件1 自评表";
/** Where the table starts, away from A1 so offsets are exercised. */
export const ORIGIN = { row: 2, col: 2 };
/** Row (absolute) of the first indicator. */
export const FIRST_INDICATOR_ROW = ORIGIN.row + 12;

const LONG_NAME =
  "南沙区政务服务中心窗口办理事项按时办结率（含跨境通办、湾区通办及一网通办事项，按季度统计并报送区政府办公室）";

type Row = Array<string | number | Partial<FakeCell> | undefined>;

/** The rows of a central-layout table with `n` indicators, relative to its top-left cell. */
export function centralTableRows(n: number): Row[] {
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "南沙区政务服务综合业务经费"],
    ["主管部门", "广州市南沙区人民政府办公室", "", "", "实施单位", "广州市南沙区人民政府办公室"],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [
      "",
      "年度资金总额",
      { value: 3378.3, formula: "SUM(D8:D10)", numFmt: "#,##0.00" },
      { value: 3378.3, formula: "SUM(E8:E10)", numFmt: "#,##0.00" },
      { value: 3342.07, formula: "SUM(F8:F10)", numFmt: "#,##0.00" },
      10,
      { value: 0.9893, numFmt: "0.00%" },
      { value: 9.89, numFmt: "0.00" },
    ],
    ["", "其中：当年财政拨款", 3378.3, 3378.3, 3342.07, "—", "", "—"],
    ["", "上年结转资金", 0, 0, 0, "—", "", "—"],
    ["", "其他资金", 0, 0, 0, "—", "", "—"],
    ["年度总体目标", "预期目标", "", "", "", "实际完成情况"],
    ["", "保障政府办日常运转和重点工作任务完成", "", "", "", "全年保障到位，重点任务按期完成"],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
  ];
  const weight = Math.round((90 / n) * 100) / 100;
  for (let i = 0; i < n; i++) {
    const level1 = i < n / 2 ? "产出指标" : i < (n * 5) / 6 ? "效益指标" : "满意度指标";
    rows.push([
      "",
      i === 0 || i === Math.ceil(n / 2) || i === Math.ceil((n * 5) / 6) ? level1 : "",
      i % 3 === 0 ? "数量指标" : i % 3 === 1 ? "质量指标" : "时效指标",
      `${i + 1}. ${LONG_NAME}`,
      i % 2 ? "≥98%" : "≥50个",
      i % 2 ? { value: 0.9893, numFmt: "0.00%" } : "52个",
      { value: weight, numFmt: "0.00" },
      { value: weight, numFmt: "0.00" },
      i % 7 === 0 ? "=并非公式：以等号开头的说明" : "",
    ]);
  }
  rows.push([
    "总分",
    "",
    "",
    "",
    "",
    "",
    100,
    { value: 99, formula: `SUM(I${FIRST_INDICATOR_ROW}:I${FIRST_INDICATOR_ROW + n - 1})+I7` },
  ]);
  return rows;
}

/** Adds the table sheet with its merges; returns it. */
export function addCentralTable(excel: FakeExcel, n: number, name = TABLE_SHEET): FakeSheet {
  const sheet = excel.addSheet(name, centralTableRows(n), toA1(ORIGIN.row, ORIGIN.col));
  // The "=…" text in 偏差原因 is a quote-prefixed constant, as Excel stores it.
  sheet.merges = ["B2:J2", "B3:J3", "C4:J4", "B6:B10", "B11:B12", "B13:B" + (FIRST_INDICATOR_ROW + n - 1)];
  return sheet;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** A plan the size the engine makes for an n-indicator table: a score per indicator, `marks` marks. */
export function planFor(sheet: string, n: number, marks = Math.min(200, n)): WritePlan {
  const values = Array.from({ length: n }, (_, i) => ({
    sheet,
    cell: `I${FIRST_INDICATOR_ROW + i}`,
    value: Math.round((90 / n) * 100) / 100,
    numFmt: "0.00",
    figure: `indicator.${FIRST_INDICATOR_ROW + i}.score`,
    note: `central-2020 / 正向指标：B ≥ A 得满分 (${i + 1})`,
  }));
  const markList = Array.from({ length: marks }, (_, i) => ({
    sheet,
    cell: `J${FIRST_INDICATOR_ROW + i}`,
    severity: SEVERITIES[i % 3],
    note: `得分低于分值但未填写偏差原因（第 ${i + 1} 项）`,
  }));
  return {
    values,
    marks: markList,
    findingsSheet: {
      name: "校验结果",
      header: ["级别", "单元格", "问题", "计算"],
      rows: markList.map((m, i) => ({
        cells: [
          m.severity === "error" ? "错误" : m.severity === "warning" ? "警告" : "提示",
          m.cell,
          m.note,
          i % 5 === 0 ? "-0.5 = 扣分" : "",
        ],
        link: { sheet, cell: m.cell },
        severity: m.severity,
      })),
    },
  };
}
