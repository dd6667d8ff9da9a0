/** applyTextSheets writes the 自评报告 sheet into a real workbook: fonts, sizes, fills, heights, text kept as text. */
import path from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/domain";
import type { TextSheetPlan } from "../../src/domain/types";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { applyTextSheets } from "../../src/gateways/xlsx/text-sheet";
import { draftReport } from "../../src/report/model";
import { reportSheetPlan } from "../../src/report/sheet";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

describe("applyTextSheets", () => {
  it("adds the 自评报告 sheet to the sample workbook, styled row by row", async () => {
    const { sheets } = await readWorkbookFile(SAMPLE);
    const plan = reportSheetPlan(draftReport(checkWorkbook(sheets), sheets));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE);
    expect(applyTextSheets(workbook, [plan])).toEqual(["自评报告"]);

    const ws = (await roundTrip(workbook)).getWorksheet("自评报告")!;
    expect(ws.getColumn(1).width).toBe(plan.columnWidth);
    const title = ws.getCell("A1");
    expect(title.value).toBe("2023年度广州市南沙区人民政府办公室");
    expect(title.font).toMatchObject({ name: "方正小标宋简体", size: 22 });
    expect(title.alignment).toMatchObject({ horizontal: "center", wrapText: true });

    const rowOf = (prefix: string) => plan.rows.findIndex((r) => r.text.startsWith(prefix)) + 1;
    const heading = ws.getCell(rowOf("\u3000\u3000一、"), 1);
    expect(heading.font).toMatchObject({ name: "黑体", size: 16 });
    const budget = ws.getCell(rowOf("\u3000\u3000全年部门预算数"), 1);
    expect(budget.value).toBe("\u3000\u3000全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%。");
    expect(budget.font).toMatchObject({ name: "仿宋_GB2312", size: 16 });
    expect((budget.fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");

    const placeholder = ws.getCell(rowOf("\u3000\u3000【待填写：部门主要职责】"), 1);
    expect(placeholder.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } });

    // A long paragraph gets a taller row than a heading.
    const long = ws.getRow(rowOf("\u3000\u3000完成情况：全年跟进")).height;
    expect(long).toBeGreaterThan(3 * ws.getRow(rowOf("\u3000\u3000一、")).height);
    // The table's own sheet is untouched.
    expect(workbook.worksheets[0].name).toBe("部门整体支出绩效自评表");
  });

  it("writes text that looks like a formula as text, and never reuses a taken name", async () => {
    const row = {
      font: "仿宋_GB2312",
      fallbackFont: "仿宋",
      size: 16,
      bold: false,
      align: "left" as const,
      indent: 0,
      highlight: false,
    };
    const plan: TextSheetPlan = {
      name: "自评报告",
      columnWidth: 84,
      rows: ["=SUM(A1:A2)", "+1", "-2", "@x"].map((text) => ({ ...row, text })),
    };
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("自评报告");
    expect(applyTextSheets(workbook, [plan, plan])).toEqual(["自评报告 (2)", "自评报告 (3)"]);
    const ws = (await roundTrip(workbook)).getWorksheet("自评报告 (2)")!;
    for (const [i, text] of ["=SUM(A1:A2)", "+1", "-2", "@x"].entries()) {
      const cell = ws.getCell(i + 1, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
    }
  });
});
