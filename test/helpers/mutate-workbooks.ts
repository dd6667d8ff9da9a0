/**
 * Workbook files for load and hostile-input runs: a real 自评表 of any number of indicator rows, written with
 * exceljs' streaming writer (a 200,000-row table is never held in memory while it is made), and a golden
 * workbook copied under another sheet name.
 */
import ExcelJS from "exceljs";
import { centralRows } from "./tables";

/**
 * A central 自评表 with `indicators` indicator rows over three blocks, each fully achieved and worth 0.01
 * with its typed 得分 agreeing, then a 总分 row (100, 99.5) and a 自评等级 row: the engine reads and scores
 * every row. 200,000 rows cannot share 90 points at two decimals, so the 分值 total is flagged once
 * (weights-sum) and the 总分 (total-mismatch), and nothing per row. Rows are committed as they are made.
 * With `dataRows`, a 资金明细 sheet of that many rows comes first, as a unit's ledger export would; its header row
 * names no role of a 自评表 unless `dataHeader` gives one that does (a 预算数/执行数 ledger, which the reader must
 * then read whole: its merged areas could start a table).
 */
/** Each indicator's 分值 (and 得分) in writeLargeTable. */
export const INDICATOR_WEIGHT = 0.01;

export async function writeLargeTable(
  file: string,
  indicators: number,
  sheet = "自评表",
  /** Rows of a data sheet (明细) placed before the table: numbers and text, 10 columns, no table headers. */
  dataRows = 0,
  /** The data sheet's header row. */
  dataHeader = ["序号", "凭证号", "摘要", "金额", "科目", "经济分类", "支付方式", "日期", "经办人", "备注"],
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  if (dataRows > 0) {
    const data = workbook.addWorksheet("资金明细");
    data.addRow(dataHeader).commit();
    for (let r = 1; r <= dataRows; r++)
      data
        .addRow([
          r,
          `记-${r}`,
          `第${r}笔支出`,
          (r % 997) * 1.5,
          "2130101",
          "30201",
          "授权支付",
          "2023-06-30",
          "张三",
          "",
        ])
        .commit();
    data.commit();
  }
  const ws = workbook.addWorksheet(sheet);
  const head = centralRows({ indicators: [] });
  // centralRows without indicators: title … indicator header, then 总分; keep all but the 总分 row.
  for (const row of head.slice(0, -1)) ws.addRow(row.map((v) => v ?? null)).commit();
  const blocks: Array<[string, string]> = [
    ["产出指标", "数量指标"],
    ["效益指标", "社会效益指标"],
    ["满意度指标", "服务对象满意度指标"],
  ];
  const perBlock = [Math.ceil(indicators / 3), Math.ceil(indicators / 3), indicators - 2 * Math.ceil(indicators / 3)];
  blocks.forEach(([level1, level2], b) => {
    for (let i = 0; i < perBlock[b]; i++) {
      const target = 100 + (i % 50);
      ws.addRow([
        "",
        i === 0 ? level1 : "",
        i === 0 ? level2 : "",
        `第${i + 1}项工作完成数量`,
        `≥${target}项`,
        `${target + (i % 3)}项`,
        INDICATOR_WEIGHT,
        INDICATOR_WEIGHT,
        "",
      ]).commit();
    }
  });
  ws.addRow(["总分", "", "", "", "", "", 100, 99.5]).commit();
  ws.addRow(["", "", "", "", "", "", "自评等级", "优"]).commit();
  ws.commit();
  await workbook.commit();
}

/** A copy of `source` whose sheet `from` is renamed `to` (for names that need quoting in references). */
export async function copyWithSheetName(source: string, dest: string, from: string, to: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const ws = workbook.getWorksheet(from);
  if (!ws) throw new Error(`${source} has no sheet ${from}`);
  ws.name = to;
  await workbook.xlsx.writeFile(dest);
}
