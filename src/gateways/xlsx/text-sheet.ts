/**
 * Writes text sheets (WritePlan.sheets, such as the Word-ready 自评报告) into an exceljs workbook: one paragraph a
 * row in one wide wrapped column, each row in its font, size, alignment and height, placeholders filled yellow.
 * exceljs is only a type here.
 */
import type ExcelJS from "exceljs";
import { estimateRowHeight, TEXT_SHEET_PRINT } from "../../domain/print";
import { nameNewSheet } from "../../domain/sheet-names";
import type { TextSheetPlan } from "../../domain/types";
import { applyPrintSetup } from "./print";

/** GB2312 character set: Excel picks a Chinese font for the cell when the named one is missing. */
const CHARSET_GB2312 = 134;
/** Word's yellow highlight, so a placeholder looks the same once pasted. */
const HIGHLIGHT_FILL = "FFFFFF00";
/**
 * Adds each planned text sheet to the workbook and returns the names used (a taken name gets a " (2)" suffix:
 * an earlier report the officer may have edited is never overwritten). Texts are written as text: a paragraph
 * starting with "=", "+", "-" or "@" is a string cell in Text format, never a formula.
 */
export function applyTextSheets(workbook: ExcelJS.Workbook, sheets: readonly TextSheetPlan[]): string[] {
  return sheets.map((plan) => {
    const { name } = nameNewSheet(
      plan.name,
      workbook.worksheets.map((ws) => ws.name),
    );
    const ws = workbook.addWorksheet(name, { views: [{ showGridLines: false }] });
    applyPrintSetup(ws, TEXT_SHEET_PRINT);
    ws.getColumn(1).width = plan.columnWidth;
    plan.rows.forEach((row, i) => {
      const cell = ws.getCell(i + 1, 1);
      // A plain string is a shared string in exceljs, never <f>; "@" keeps it text if the officer edits it.
      cell.value = row.text;
      const style: Partial<ExcelJS.Style> = {
        numFmt: "@",
        font: { name: row.font, size: row.size, bold: row.bold, charset: CHARSET_GB2312 },
        alignment: { horizontal: row.align, vertical: "top", wrapText: true },
      };
      if (row.highlight)
        style.fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: HIGHLIGHT_FILL },
          bgColor: { argb: HIGHLIGHT_FILL },
        };
      cell.style = style;
      ws.getRow(i + 1).height = estimateRowHeight(row.text || " ", row.size, plan.columnWidth);
    });
    return name;
  });
}
