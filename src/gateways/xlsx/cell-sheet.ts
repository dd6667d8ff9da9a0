/**
 * Writes sheets of cells (WritePlan.cellSheets, such as the blank 报告素材) into an exceljs workbook, as the
 * office gateway writes them (../office/cell-sheet.ts): rows from A1, formulas, merged areas, column widths,
 * formats and a frozen header (drafted by ./draft.ts). exceljs is only a type here.
 */
import type ExcelJS from "exceljs";
import type { CellSheetPlan } from "../../domain/types";
import { SheetDrafts } from "./draft";
import { addDraftSheet } from "./draft-sheet";

/**
 * Adds each planned sheet and returns the names used, in order: a taken name gets " (2)", … (or, for a sheet
 * planned to be skipped when taken, nothing is written and the entry is null). Every sheet already in the file
 * is the officer's here, so none is ever replaced. Text is written as text, never as a formula.
 */
export function applyCellSheets(workbook: ExcelJS.Workbook, plans: readonly CellSheetPlan[]): Array<string | null> {
  const drafts = new SheetDrafts(workbook.worksheets.map((ws) => ws.name));
  const names = plans.map((plan) => drafts.cells(plan));
  for (const d of drafts.drafts) addDraftSheet(workbook, d);
  return names;
}
