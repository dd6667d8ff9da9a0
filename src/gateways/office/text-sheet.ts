/**
 * A text sheet of the write plan (WritePlan.sheets: the Word-ready 自评报告) through office.js, laid out as the
 * xlsx gateway lays it out (../xlsx/text-sheet.ts): one paragraph a row in column A, each row in its 公文 font,
 * size, weight and alignment, wrapped and top-aligned, placeholders filled yellow, row heights from the same
 * estimate, the 公文 page when printed. It only queues: the caller's sync writes it, with the rest of the plan.
 */
/* global Excel */
import { columnPixels, estimateRowHeight, TEXT_SHEET_PRINT } from "../../domain/print";
import type { TextSheetPlan } from "../../domain/types";
import { toExcelInput } from "./excel-input";
import { supportsExcelApi } from "./host";
import { queuePrintSetup } from "./print";

type TextRow = TextSheetPlan["rows"][number];

/** Word's yellow highlight, as the xlsx gateway fills it: a placeholder looks the same once pasted. */
export const HIGHLIGHT_FILL = "#FFFF00";

const PT_PER_PX = 0.75;

const ALIGN: Record<TextRow["align"], "Left" | "Center" | "Justify"> = {
  left: "Left",
  center: "Center",
  justify: "Justify",
};

/** office.js sets column widths in points; the plan gives Excel's character units. */
export function columnWidthPoints(characters: number): number {
  return Math.round(columnPixels(characters) * PT_PER_PX * 100) / 100;
}

/** Runs of consecutive rows sharing `key`, as 1-based first and last row numbers: one format write per run. */
export function rowRuns<T>(
  rows: readonly T[],
  key: (row: T) => string,
): Array<{ first: number; last: number; row: T }> {
  const out: Array<{ first: number; last: number; row: T }> = [];
  rows.forEach((row, i) => {
    const last = out[out.length - 1];
    if (last && key(last.row) === key(row)) last.last = i + 1;
    else out.push({ first: i + 1, last: i + 1, row });
  });
  return out;
}

/** The row height in points: the xlsx gateway's estimate, so both hosts wrap a paragraph into as many lines. */
export function rowHeightOf(row: TextRow, columnWidth: number): number {
  return estimateRowHeight(row.text || " ", row.size, columnWidth);
}

/**
 * Queues the sheet: replaces the add-in's own earlier sheet of that name when `replace`, else adds it.
 * The number format "@" goes before the text, so a paragraph starting with = + - @ stays text.
 */
export function queueTextSheet(
  context: Excel.RequestContext,
  name: string,
  replace: boolean,
  plan: TextSheetPlan,
): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  if (replace) sheets.getItem(name).delete();
  const ws = sheets.add(name);
  ws.getRange("A:A").format.columnWidth = columnWidthPoints(plan.columnWidth);
  const rows = plan.rows;
  if (rows.length > 0) {
    const column = ws.getRange(`A1:A${rows.length}`);
    column.numberFormat = rows.map(() => ["@"]);
    column.values = rows.map((r) => [toExcelInput(r.text, "@")]);
    column.format.wrapText = true;
    column.format.verticalAlignment = "Top";
    const range = (first: number, last: number) => ws.getRange(first === last ? `A${first}` : `A${first}:A${last}`);
    for (const run of rowRuns(rows, (r) => `${r.font}\u0000${r.size}\u0000${r.bold}\u0000${r.align}`)) {
      const format = range(run.first, run.last).format;
      format.font.name = run.row.font;
      format.font.size = run.row.size;
      format.font.bold = run.row.bold;
      format.horizontalAlignment = ALIGN[run.row.align];
    }
    for (const run of rowRuns(rows, (r) => String(r.highlight))) {
      if (run.row.highlight) range(run.first, run.last).format.fill.color = HIGHLIGHT_FILL;
    }
    const heights = rows.map((r) => rowHeightOf(r, plan.columnWidth));
    for (const run of rowRuns(heights, String)) range(run.first, run.last).format.rowHeight = run.row;
  }
  // A page rather than a grid: no gridlines (ExcelApi 1.8), the 公文 page when printed (1.9).
  if (supportsExcelApi("1.8")) ws.showGridlines = false;
  queuePrintSetup(ws, TEXT_SHEET_PRINT);
  return ws;
}
