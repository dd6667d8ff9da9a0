/**
 * The blank central-layout 自评表 (财预〔2020〕10号 family) that "插入空白模板" adds: pure data, written as a sheet
 * plan like every other sheet. Labels follow DOMAIN.md §2; input cells are left empty, the 年度资金总额 row sums
 * its sub-rows.
 */
import type { CellSheetPlan, SheetCell, SheetFormat } from "../../domain/types";

export interface SheetTemplate {
  /** Preferred sheet name; a suffix is added when it is taken. */
  name: string;
  /** Rows from A1, as `formulas` input: text, numbers, or "=…" formulas. */
  rows: Array<Array<string | number>>;
  merges: string[];
  numberFormats: Array<[range: string, format: string]>;
  /** Column widths in Excel's character units, from column A. */
  columnWidths: number[];
  bold: string[];
  centered: string[];
  title: string;
  /** The whole table, for borders and wrapping. */
  body: string;
}

const OUTPUT = ["数量指标", "质量指标", "时效指标", "成本指标"];
const EFFECT = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"];
const SATISFACTION = ["服务对象满意度指标"];

export function centralBlankTemplate(): SheetTemplate {
  const blank9 = (): Array<string | number> => ["", "", "", "", "", "", "", "", ""];
  const row = (cells: Record<number, string | number>): Array<string | number> => {
    const r = blank9();
    for (const [i, v] of Object.entries(cells)) r[Number(i)] = v;
    return r;
  };
  const rows: Array<Array<string | number>> = [
    row({ 0: "项目支出绩效自评表" }),
    row({ 0: "（    年度）" }),
    row({ 0: "项目名称" }),
    row({ 0: "主管部门", 4: "实施单位" }),
    row({
      0: "项目资金（万元）",
      2: "年初预算数",
      3: "全年预算数",
      4: "全年执行数",
      5: "分值",
      6: "执行率",
      7: "得分",
    }),
    row({ 1: "年度资金总额", 2: "=SUM(C7:C9)", 3: "=SUM(D7:D9)", 4: "=SUM(E7:E9)", 5: 10 }),
    row({ 1: "其中：当年财政拨款", 5: "—", 7: "—" }),
    row({ 1: "上年结转资金", 5: "—", 7: "—" }),
    row({ 1: "其他资金", 5: "—", 7: "—" }),
    row({ 0: "年度总体目标", 1: "预期目标", 5: "实际完成情况" }),
    row({}),
    row({
      0: "绩效指标",
      1: "一级指标",
      2: "二级指标",
      3: "三级指标",
      4: "年度指标值",
      5: "实际完成值",
      6: "分值",
      7: "得分",
      8: "偏差原因分析及改进措施",
    }),
  ];
  const first = rows.length + 1;
  const blocks: Array<[string, string[]]> = [
    ["产出指标", OUTPUT],
    ["效益指标", EFFECT],
    ["满意度指标", SATISFACTION],
  ];
  const merges = [
    "A1:I1",
    "A2:I2",
    "B3:I3",
    "B4:D4",
    "F4:I4",
    "A5:A9",
    "A10:A11",
    "B10:E10",
    "F10:I10",
    "B11:E11",
    "F11:I11",
  ];
  for (const [level1, level2s] of blocks) {
    const top = rows.length + 1;
    level2s.forEach((level2, i) => rows.push(row(i === 0 ? { 1: level1, 2: level2 } : { 2: level2 })));
    if (level2s.length > 1) merges.push(`B${top}:B${rows.length}`);
  }
  const last = rows.length + 1;
  rows.push(row({ 0: "总分", 6: 100 }));
  merges.push(`A12:A${last - 1}`, `A${last}:F${last}`);
  return {
    name: "绩效自评表",
    rows,
    merges,
    numberFormats: [
      ["C6:E9", "#,##0.00"],
      ["G6:G9", "0.00%"],
      ["H6", "0.00"],
      [`G${first}:H${last}`, "0.00"],
    ],
    columnWidths: [14.5, 14.5, 16.5, 28, 14.5, 14.5, 8.5, 8.5, 30],
    bold: ["A1", "A5:I5", "A12:I12", `A${last}:I${last}`],
    centered: ["A1:I2", "A5:I5", "A12:I12"],
    title: "A1",
    body: `A3:I${last}`,
  };
}

/**
 * The template as a sheet plan: the officer's sheet once added (never replaced, left by 撤销写入), numbered when
 * the name is taken. "=…" cells become formulas; the table gets borders and wrapping, then bold, centring and
 * the title's size.
 */
export function blankTemplateSheetPlan(template: SheetTemplate = centralBlankTemplate()): CellSheetPlan {
  const cell = (v: string | number): SheetCell =>
    typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : v;
  const formats: SheetFormat[] = [
    ...template.numberFormats.map(([range, numFmt]) => ({ range, numFmt })),
    { range: template.body, wrap: true, vertical: "center", borders: true },
    ...template.bold.map((range) => ({ range, bold: true })),
    ...template.centered.map((range) => ({ range, horizontal: "center" as const })),
    { range: template.title, fontSize: 16 },
  ];
  return {
    name: template.name,
    owner: "officer",
    whenTaken: "number",
    rows: template.rows.map((row) => row.map(cell)),
    merges: [...template.merges],
    columnWidths: [...template.columnWidths],
    formats,
    select: "A1",
  };
}
