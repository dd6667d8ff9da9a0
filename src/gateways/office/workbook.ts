/**
 * The smaller workbook errands of the pane: go to a cell, read what the officer selected, insert the blank
 * template or the blank 报告素材 sheet, remember the profile.
 */
/* global Excel */
import { isProfileId, type CheckOptions } from "../../domain";
import type { CellSheetPlan } from "../../domain/types";
import { blankTemplateSheetPlan } from "./blank-template";
import { selectionInvalidError } from "./errors";
import { explainSyncError } from "./read";
import type { SelectedRange } from "./types";
import { applyPlan } from "./write";

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

/**
 * Adds the blank central-layout 自评表 as a new, active sheet, through the write plan like every other sheet:
 * numbered when the name is taken, the officer's once added (撤销写入 leaves it). Two syncs; returns its name.
 */
export async function insertBlankTemplate(
  context: Excel.RequestContext,
  plan: CellSheetPlan = blankTemplateSheetPlan(),
): Promise<string> {
  const summary = await applyPlan(context, { values: [], marks: [], cellSheets: [plan] });
  return summary.cellSheets![0].name!;
}

/**
 * Adds the blank 报告素材 sheet (src/report/material.ts, materialSheetPlan) and shows it, the cursor where the
 * first text goes, through the write plan. Never replaces a sheet: when one of that name exists, writes nothing
 * and returns null (one sync). The officer's text goes here, so 撤销写入 leaves it. Two syncs otherwise.
 */
export async function insertReportMaterial(context: Excel.RequestContext, plan: CellSheetPlan): Promise<string | null> {
  const summary = await applyPlan(context, { values: [], marks: [], cellSheets: [plan] });
  return summary.cellSheets![0].name;
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
