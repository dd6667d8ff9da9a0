/**
 * Writes text sheets (WritePlan.sheets, such as the Word-ready 自评报告) into an exceljs workbook: one paragraph a
 * row in one wide wrapped column, each row in its font, size, alignment and height, placeholders filled yellow
 * (drafted by ./draft.ts). exceljs is only a type here.
 */
import type ExcelJS from "exceljs";
import type { TextSheetPlan } from "../../domain/types";
import { SheetDrafts } from "./draft";
import { addDraftSheet } from "./draft-sheet";

/**
 * Adds each planned text sheet to the workbook and returns the names used (a taken name gets a " (2)" suffix:
 * an earlier report the officer may have edited is never overwritten). Texts are written as text: a paragraph
 * starting with "=", "+", "-" or "@" is a string cell in Text format, never a formula.
 */
export function applyTextSheets(workbook: ExcelJS.Workbook, sheets: readonly TextSheetPlan[]): string[] {
  const drafts = new SheetDrafts(workbook.worksheets.map((ws) => ws.name));
  const names = sheets.map((plan) => drafts.text(plan));
  for (const d of drafts.drafts) addDraftSheet(workbook, d);
  return names;
}
