/**
 * The pane's way into Excel: each errand is one Excel.run over the read, write, undo and workbook
 * modules, and the check hands the grid it read to the engine.
 */
/* global Blob, Excel */
import { checkWorkbook } from "../../domain";
import type { CheckResult, WritePlan } from "../../domain/types";
import { readReportSources, readTable } from "./read";
import { saveFile } from "./save-file";
import type { ReportSources, SavedFile, UndoSummary, WritePreview, WriteRequest, WriteSummary } from "./types";
import { clearMarks, undoLastWrite } from "./undo";
import {
  getSavedProfile,
  insertBlankTemplate,
  insertReportMaterial,
  locateCell,
  saveProfile,
  type MaterialSheetTemplate,
  type ProfileChoice,
} from "./workbook";
import { applyPlan, previewPlan } from "./write";

export class OfficeGateway {
  async check(profile: ProfileChoice): Promise<CheckResult> {
    const read = await Excel.run((context) => readTable(context));
    return checkWorkbook([read.grid], { profile, sheet: read.sheet });
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

  insertReportMaterial(template: MaterialSheetTemplate): Promise<string | null> {
    return Excel.run((context) => insertReportMaterial(context, template));
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
