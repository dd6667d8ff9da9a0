/**
 * Writes sheets of cells (WritePlan.cellSheets, such as the blank 报告素材) into an exceljs workbook, as the
 * office gateway writes them (../office/cell-sheet.ts): rows from A1, formulas, merged areas, column widths,
 * formats and a frozen header. exceljs is only a type here.
 */
import type ExcelJS from "exceljs";
import { columnLetters, parseRange } from "../../domain/grid";
import { cellSheetLayout } from "../../domain/print";
import { claimSheetName, nameNewSheet } from "../../domain/sheet-names";
import type { CellSheetPlan, SheetFormat } from "../../domain/types";
import { applyPrintSetup } from "./print";

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

/** "#808080" → "FF808080", exceljs's ARGB. */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

/** The style a format gives one cell, on top of what the cell has (each cell gets its own copy). */
function styled(style: Partial<ExcelJS.Style>, f: SheetFormat): Partial<ExcelJS.Style> {
  const next: Partial<ExcelJS.Style> = { ...style };
  if (f.numFmt !== undefined) next.numFmt = f.numFmt;
  if (f.bold !== undefined || f.fontSize !== undefined || f.fontColor !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...style.font };
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.fontSize !== undefined) font.size = f.fontSize;
    if (f.fontColor !== undefined) font.color = { argb: argb(f.fontColor) };
    next.font = font;
  }
  if (f.wrap !== undefined || f.vertical !== undefined || f.horizontal !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...style.alignment };
    if (f.wrap !== undefined) alignment.wrapText = f.wrap;
    if (f.vertical !== undefined) alignment.vertical = f.vertical === "center" ? "middle" : "top";
    if (f.horizontal !== undefined) alignment.horizontal = f.horizontal;
    next.alignment = alignment;
  }
  if (f.borders) next.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  return next;
}

/** Gives the cell its own style object: exceljs may share one among cells. */
function restyle(cell: ExcelJS.Cell, f: SheetFormat): void {
  cell.style = styled(cell.style, f);
}

/**
 * Adds each planned sheet and returns the names used, in order: a taken name gets " (2)", … (or, for a sheet
 * planned to be skipped when taken, nothing is written and the entry is null). Every sheet already in the file
 * is the officer's here, so none is ever replaced. Text is written as text, never as a formula.
 */
export function applyCellSheets(workbook: ExcelJS.Workbook, plans: readonly CellSheetPlan[]): Array<string | null> {
  return plans.map((plan) => {
    const existing = workbook.worksheets.map((ws) => ws.name);
    const picked = plan.whenTaken === "skip" ? claimSheetName(plan.name, existing) : nameNewSheet(plan.name, existing);
    if (!picked) return null;
    const ws = workbook.addWorksheet(
      picked.name,
      plan.freezeRows ? { views: [{ state: "frozen", xSplit: 0, ySplit: plan.freezeRows }] } : undefined,
    );
    plan.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        // A plain string is a shared string in exceljs, never <f>: only { formula } becomes a formula.
        ws.getCell(r + 1, c + 1).value = typeof v === "object" ? { formula: v.formula } : v;
      }),
    );
    (plan.columnWidths ?? []).forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    for (const f of plan.formats ?? []) {
      const range = parseRange(f.range);
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) restyle(ws.getCell(`${columnLetters(c)}${r}`), f);
    }
    for (const m of plan.merges ?? []) ws.mergeCells(m);
    const layout = cellSheetLayout(plan);
    for (const [r, height] of layout.heights) ws.getRow(r + 1).height = height;
    applyPrintSetup(ws, layout.print);
    return picked.name;
  });
}
