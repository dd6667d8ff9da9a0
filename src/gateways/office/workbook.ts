/**
 * The smaller workbook errands of the pane: go to a cell, read what the officer selected, insert the blank
 * template or the blank 报告素材 sheet, remember the profile.
 */
/* global Excel */
import { isProfileId, type CheckOptions } from "../../domain";
import { centralBlankTemplate, type SheetTemplate } from "./blank-template";
import { toExcelInput } from "./excel-input";
import { selectionInvalidError } from "./errors";
import { explainSyncError } from "./read";
import { columnWidthPoints } from "./text-sheet";
import type { SelectedRange } from "./types";
import { columnLetters, parseRange } from "../../domain/grid";
import { claimSheetName, nameNewSheet } from "../../domain/sheet-names";

/** A profile id, or "auto": the profile the table's layout implies. */
export type ProfileChoice = NonNullable<CheckOptions["profile"]>;
export const PROFILE_KEY = "ziping.profile";

export function isProfileChoice(v: unknown): v is ProfileChoice {
  return v === "auto" || (typeof v === "string" && isProfileId(v));
}

/** Activates the sheet first (select() alone is unreliable across sheets), then selects the cell. */
export async function locateCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  try {
    await context.sync();
  } catch (e) {
    throw explainSyncError(e, sheet);
  }
}

/**
 * The range selected in Excel (on the active sheet), with its sheet and the text of its top-left cell, in one
 * sync: only that cell's value is read, so a whole selected column costs no more than one cell.
 */
export async function getSelection(context: Excel.RequestContext): Promise<SelectedRange> {
  const range = context.workbook.getSelectedRange();
  range.load("address,worksheet/name");
  const first = range.getCell(0, 0);
  first.load("values");
  try {
    await context.sync();
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    throw code === "InvalidSelection" || code === "InvalidOperation" ? selectionInvalidError() : e;
  }
  // "'附件1 自评表'!$G$12" → "G12"; the part after the last "!" never holds one.
  const address = range.address.slice(range.address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const value = first.values[0]?.[0];
  return { sheet: range.worksheet.name, address, text: value === null || value === undefined ? "" : String(value) };
}

/** A matrix the size of an A1 range, every cell `value`: office.js wants one entry per cell. */
function filled<T>(a1: string, value: T): T[][] {
  const r = parseRange(a1);
  return Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => value));
}

/** Adds the blank central-layout 自评表 as a new, active sheet. Two syncs; returns the sheet's name. */
export async function insertBlankTemplate(
  context: Excel.RequestContext,
  template: SheetTemplate = centralBlankTemplate(),
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const { name } = nameNewSheet(
    template.name,
    sheets.items.map((s) => s.name),
  );
  const ws = sheets.add(name);
  const width = template.rows[0].length;
  ws.getRange(`A1:${columnLetters(width)}${template.rows.length}`).formulas = template.rows;
  for (const m of template.merges) ws.getRange(m).merge(false);
  for (const [range, fmt] of template.numberFormats) ws.getRange(range).numberFormat = filled(range, fmt);
  template.columnWidths.forEach((w, i) => {
    const col = columnLetters(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = w;
  });
  const body = ws.getRange(template.body);
  body.format.wrapText = true;
  body.format.verticalAlignment = "Center";
  for (const edge of [
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideHorizontal",
    "InsideVertical",
  ] as const) {
    body.format.borders.getItem(edge).style = "Continuous";
  }
  for (const r of template.bold) ws.getRange(r).format.font.bold = true;
  for (const r of template.centered) ws.getRange(r).format.horizontalAlignment = "Center";
  ws.getRange(template.title).format.font.size = 16;
  ws.activate();
  await context.sync();
  return name;
}

/** The blank 报告素材 sheet as the report module describes it (src/report/material.ts, MaterialTemplate). */
export interface MaterialSheetTemplate {
  name: string;
  header: readonly [string, string, string];
  rows: ReadonlyArray<{ item: string; hint: string; required: boolean }>;
}

/** Column widths of the 报告素材 sheet in characters, as the command line's copy has them: 项目, 内容, 填写说明. */
const MATERIAL_WIDTHS = [28, 80, 50];
const HINT_COLOUR = "#808080";

/**
 * Adds the blank 报告素材 sheet and shows it, with the cursor where the first text goes (B2). Never replaces
 * a sheet: when one of that name exists, writes nothing and returns null. The officer's text goes here, so
 * it is not the add-in's to remove: 撤销写入 leaves it. Two syncs (one when the sheet exists).
 */
export async function insertReportMaterial(
  context: Excel.RequestContext,
  template: MaterialSheetTemplate,
): Promise<string | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const picked = claimSheetName(
    template.name,
    sheets.items.map((s) => s.name),
  );
  if (!picked) return null;
  const ws = sheets.add(picked.name);
  const matrix = [[...template.header], ...template.rows.map((r) => [r.item, "", r.hint])].map((row) =>
    row.map((v) => toExcelInput(v)),
  );
  const last = matrix.length;
  ws.getRange(`A1:C${last}`).values = matrix;
  MATERIAL_WIDTHS.forEach((w, i) => {
    const col = columnLetters(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(w);
  });
  ws.getRange("A1:C1").format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  if (last > 1) {
    const body = ws.getRange(`A2:C${last}`);
    body.format.wrapText = true;
    body.format.verticalAlignment = "Top";
    ws.getRange(`C2:C${last}`).format.font.color = HINT_COLOUR;
  }
  template.rows.forEach((r, i) => {
    if (r.required) ws.getRange(`A${i + 2}`).format.font.bold = true;
  });
  ws.activate();
  ws.getRange("B2").select();
  await context.sync();
  return picked.name;
}

export async function getSavedProfile(context: Excel.RequestContext): Promise<ProfileChoice | null> {
  const item = context.workbook.settings.getItemOrNullObject(PROFILE_KEY);
  item.load("value");
  await context.sync();
  return !item.isNullObject && isProfileChoice(item.value) ? item.value : null;
}

/** Saved in the workbook, so the choice travels with the file. */
export async function saveProfile(context: Excel.RequestContext, profile: ProfileChoice): Promise<void> {
  context.workbook.settings.add(PROFILE_KEY, profile);
  await context.sync();
}
