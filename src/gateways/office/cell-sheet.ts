/**
 * A sheet of cells of the write plan (WritePlan.cellSheets: the blank 自评表, the blank 报告素材) through office.js:
 * rows from A1, formulas, merged areas, column widths and formats, as ../xlsx/cell-sheet.ts writes them.
 * It only queues: the caller's sync writes it, with the rest of the plan.
 */
/* global Excel */
import { columnLetters, parseRange } from "../../domain/grid";
import { cellSheetLayout, widestRow } from "../../domain/print";
import type { CellSheetPlan, SheetFormat } from "../../domain/types";
import { toExcelInput } from "./excel-input";
import { queuePrintSetup, queueRowHeights } from "./print";
import { columnWidthPoints } from "./text-sheet";

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
const VERTICAL: Record<NonNullable<SheetFormat["vertical"]>, "Top" | "Center"> = { top: "Top", center: "Center" };
const HORIZONTAL: Record<NonNullable<SheetFormat["horizontal"]>, "Left" | "Center"> = {
  left: "Left",
  center: "Center",
};

/** A matrix the size of an A1 range, every cell `value`: office.js wants one entry per cell. */
function filled<T>(a1: string, value: T): T[][] {
  const r = parseRange(a1);
  return Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => value));
}

function applyFormat(ws: Excel.Worksheet, f: SheetFormat): void {
  const range = ws.getRange(f.range);
  if (f.numFmt !== undefined) range.numberFormat = filled(f.range, f.numFmt);
  if (f.bold !== undefined) range.format.font.bold = f.bold;
  if (f.fontSize !== undefined) range.format.font.size = f.fontSize;
  if (f.fontColor !== undefined) range.format.font.color = f.fontColor;
  if (f.wrap !== undefined) range.format.wrapText = f.wrap;
  if (f.vertical !== undefined) range.format.verticalAlignment = VERTICAL[f.vertical];
  if (f.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[f.horizontal];
  if (f.borders) for (const edge of EDGES) range.format.borders.getItem(edge).style = "Continuous";
}

/**
 * Queues the sheet: replaces the add-in's own earlier sheet of that name when `replace`, else adds it. Text is
 * written as values (quoted where Excel would read it as a formula or a number), formulas one cell at a time,
 * then merges over the written cells, widths and formats; when the plan says so, the sheet is shown.
 */
export function queueCellSheet(
  context: Excel.RequestContext,
  name: string,
  replace: boolean,
  plan: CellSheetPlan,
): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  if (replace) sheets.getItem(name).delete();
  const ws = sheets.add(name);
  const width = widestRow(plan.rows);
  // Number formats first, so a value is written into the cell as it will be shown.
  for (const f of plan.formats ?? [])
    if (f.numFmt !== undefined) ws.getRange(f.range).numberFormat = filled(f.range, f.numFmt);
  if (width > 0 && plan.rows.length > 0) {
    const matrix = plan.rows.map((row) =>
      Array.from({ length: width }, (_, c) => {
        const v = row[c] ?? "";
        return typeof v === "object" ? "" : toExcelInput(v);
      }),
    );
    ws.getRange(`A1:${columnLetters(width)}${plan.rows.length}`).values = matrix;
    plan.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "object") ws.getRange(`${columnLetters(c + 1)}${r + 1}`).formulas = [[`=${v.formula}`]];
      }),
    );
  }
  for (const m of plan.merges ?? []) ws.getRange(m).merge(false);
  (plan.columnWidths ?? []).forEach((w, i) => {
    const col = columnLetters(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(w);
  });
  for (const f of plan.formats ?? []) applyFormat(ws, { ...f, numFmt: undefined });
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  const layout = cellSheetLayout(plan);
  queueRowHeights(ws, layout.heights);
  queuePrintSetup(ws, layout.print);
  if (plan.select !== undefined) {
    ws.activate();
    ws.getRange(plan.select).select();
  }
  return ws;
}
