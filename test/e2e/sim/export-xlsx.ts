/**
 * Writes the browser test's long-findings table as a real .xlsx, for the manual "200 findings at 320 px"
 * check in Excel (TESTING.md):
 *
 *   npx tsx test/e2e/sim/export-xlsx.ts [indicators=240] [out/many-findings.xlsx]
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { SimWorkbook } from "./excel-sim";
import { manyFindingsWorkbook } from "./workbook";

export async function writeSimWorkbook(wb: SimWorkbook, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name);
    for (const m of sheet.merges) ws.mergeCells(m);
    for (const [at, c] of Object.entries(sheet.cells)) {
      const cell = ws.getCell(at);
      if (c.f !== undefined) cell.value = { formula: c.f.slice(1), result: c.v as number } as ExcelJS.CellFormulaValue;
      else if (c.err) cell.value = { error: c.v as ExcelJS.ErrorValue } as ExcelJS.CellErrorValue;
      else if (c.v !== "") cell.value = c.v;
      if (c.fmt) cell.numFmt = c.fmt;
    }
    ws.getColumn(5).width = 60;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await book.xlsx.writeFile(file);
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 240);
  const out = process.argv[3] ?? path.join("out", "many-findings.xlsx");
  writeSimWorkbook(manyFindingsWorkbook(n), out).then(
    () => console.log(`${out}: a central-layout table of ${n} indicators, every one with a finding`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
