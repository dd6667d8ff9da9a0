/** Real .xlsx files for gateway and CLI tests, written with exceljs into a fresh temp folder. */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

export function tempDir(prefix = "ziping-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** A sheet name that needs quoting in references: a space, parentheses and an apostrophe. */
export const AWKWARD_SHEET = "自评表 (2023)'s";

/**
 * One sheet with every kind of cell the reader maps, and a second, protected sheet.
 * Layout (sheet AWKWARD_SHEET): A1 text, B1 number, C1 =B1*2 (25), C2:C3 shared clones of C1, D1 rich text,
 * E1 #DIV/0!, F1 =1/0 with error result, G1 0.9893 as 0.00%, H1 hyperlink, I1 "=SUM(A1)" as text, J1 date,
 * K1 true, L1 formula without a cached result (B1+1), A5:C6 merged holding "合并", M1 "" (empty).
 */
export async function writeKitchenSink(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(AWKWARD_SHEET);
  ws.getCell("A1").value = "项目名称";
  ws.getCell("B1").value = 12.5;
  ws.getCell("B2").value = 20;
  ws.getCell("B3").value = 30;
  ws.getCell("C1").value = { formula: "B1*2", result: 25 };
  ws.getCell("C2").value = { sharedFormula: "C1", result: 40 } as unknown as ExcelJS.CellValue;
  ws.getCell("C3").value = { sharedFormula: "C1", result: 60 } as unknown as ExcelJS.CellValue;
  ws.getCell("D1").value = { richText: [{ text: "部门" }, { text: "整体", font: { bold: true } }] };
  ws.getCell("E1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("F1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("G1").value = 0.9893;
  ws.getCell("G1").numFmt = "0.00%";
  ws.getCell("H1").value = { text: "财政局", hyperlink: "https://example.gov.cn" };
  ws.getCell("I1").value = "=SUM(A1)";
  ws.getCell("J1").value = new Date(Date.UTC(2023, 11, 31));
  ws.getCell("K1").value = true;
  ws.getCell("L1").value = { formula: "B1+1" } as ExcelJS.CellFormulaValue;
  ws.getCell("M1").value = "";
  ws.getCell("A5").value = "合并";
  ws.mergeCells("A5:C6");

  const locked = wb.addWorksheet("封面");
  locked.getCell("A1").value = "封面";
  await locked.protect("", {});
  await wb.xlsx.writeFile(file);
}

export interface SimpleCell {
  value: ExcelJS.CellValue;
  numFmt?: string;
  note?: string;
}

/** A workbook of plain sheets: { sheetName: { A1: value | {value, numFmt, note} } }. */
export async function writeWorkbook(
  file: string,
  sheets: Record<string, Record<string, ExcelJS.CellValue | SimpleCell>>,
  merges: Record<string, string[]> = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const [address, v] of Object.entries(cells)) {
      const cell = ws.getCell(address);
      if (v !== null && typeof v === "object" && !(v instanceof Date) && "value" in v) {
        cell.value = v.value;
        if (v.numFmt) cell.numFmt = v.numFmt;
        if (v.note) cell.note = v.note;
      } else {
        cell.value = v;
      }
    }
    for (const range of merges[name] ?? []) ws.mergeCells(range);
  }
  await wb.xlsx.writeFile(file);
}

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The plain text of a cell note, whatever form exceljs gives it in. */
export function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note === undefined || typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}
