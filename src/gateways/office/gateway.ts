/**
 * The pane's way into Excel: each errand is one Excel.run over the read, write, undo and workbook
 * modules, and the check hands the grid it read to the engine, with the officer's correction (版式).
 */
/* global Blob, Excel */
import { checkWorkbook, type LayoutOverride } from "../../domain";
import type { CellSheetPlan, WritePlan } from "../../domain/types";
import { getSavedLayout, saveLayout } from "./layout-store";
import { readReportSources, readTableForCheck } from "./read";
import { saveFile } from "./save-file";
import type {
  CorrectedResult,
  ReportSources,
  SavedFile,
  SelectedRange,
  UndoSummary,
  WritePreview,
  WriteRequest,
  WriteSummary,
} from "./types";
import { clearMarks, undoLastWrite } from "./undo";
import {
  getSavedProfile,
  getSelection,
  insertBlankTemplate,
  insertReportMaterial,
  locateCell,
  saveProfile,
  type ProfileChoice,
} from "./workbook";
import { applyPlan, previewPlan } from "./write";

export class OfficeGateway {
  /**
   * Reads the 自评表 with the correction saved in the workbook (found in the same sync as the table), or with
   * `layout` when given (null: none), and checks it: two syncs in the usual case.
   */
  async check(profile: ProfileChoice, layout?: LayoutOverride | null): Promise<CorrectedResult> {
    const read = await Excel.run((context) => readTableForCheck(context, layout));
    const correction = read.layout ?? undefined;
    const result: CorrectedResult = checkWorkbook([read.grid], { profile, sheet: read.sheet, layout: correction });
    // Assigned, not spread: the result's write plan is a getter built on first use.
    if (correction) result.correction = correction;
    return result;
  }

  getSelection(): Promise<SelectedRange> {
    return Excel.run((context) => getSelection(context));
  }

  getSavedLayout(): Promise<LayoutOverride | null> {
    return Excel.run((context) => getSavedLayout(context));
  }

  saveLayout(layout: LayoutOverride | null): Promise<void> {
    return Excel.run((context) => saveLayout(context, layout));
  }

  readReportSources(wanted: (sheetName: string) => boolean): Promise<ReportSources> {
    return Excel.run((context) => readReportSources(context, wanted));
  }

  preview(plan: WritePlan): Promise<WritePreview> {
    return Excel.run((context) => previewPlan(context, plan));
  }

  write(plan: WriteRequest): Promise<WriteSummary> {
    return Excel.run((context) => applyPlan(context, plan));
  }

  undo(): Promise<UndoSummary> {
    return Excel.run((context) => undoLastWrite(context));
  }

  clearMarks(): Promise<number> {
    return Excel.run((context) => clearMarks(context));
  }

  locate(sheet: string, cell: string): Promise<void> {
    return Excel.run((context) => locateCell(context, sheet, cell));
  }

  insertTemplate(): Promise<string> {
    return Excel.run((context) => insertBlankTemplate(context));
  }

  insertReportMaterial(plan: CellSheetPlan): Promise<string | null> {
    return Excel.run((context) => insertReportMaterial(context, plan));
  }

  saveFile(file: Blob, name: string): Promise<SavedFile> {
    return saveFile(file, name);
  }

  getSavedProfile(): Promise<ProfileChoice | null> {
    return Excel.run((context) => getSavedProfile(context));
  }

  saveProfile(profile: ProfileChoice): Promise<void> {
    return Excel.run((context) => saveProfile(context, profile));
  }
}
