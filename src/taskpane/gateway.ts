/**
 * What the pane needs from its host, as an interface: the office.js gateway implements it in Excel,
 * and component tests pass a fake. The pane never touches office.js itself.
 */
/* global Blob */
import { PROFILE_IDS, type LayoutOverride } from "../domain";
import type { CellSheetPlan, WritePlan } from "../domain/types";
import type {
  CorrectedResult,
  PlannedChange,
  ReportSources,
  SavedFile,
  SelectedRange,
  UndoSummary,
  WritePreview,
  WriteRequest,
  WriteSummary,
} from "../gateways/office/types";
import type { ProfileChoice } from "../gateways/office/workbook";

/** The picker's choices: "auto" first, then the engine's profiles. */
export const PROFILE_CHOICES: readonly ProfileChoice[] = ["auto", ...PROFILE_IDS];

export interface PaneGateway {
  /**
   * Finds and reads the 自评表 and runs the engine on it, with the officer's correction saved in the workbook,
   * or with `layout` when given (null: without any); the result says which correction it used.
   */
  check(profile: ProfileChoice, layout?: LayoutOverride | null): Promise<CorrectedResult>;
  /** The range selected in Excel, its sheet and the text of its top-left cell. */
  getSelection(): Promise<SelectedRange>;
  /** The correction (版式) saved in the workbook, if any. */
  getSavedLayout(): Promise<LayoutOverride | null>;
  /** Saves the correction in the workbook's settings (never in a cell); null removes it. */
  saveLayout(layout: LayoutOverride | null): Promise<void>;
  /** Reads the 自评表 and the sheets `wanted` picks by name (the 报告素材 sheet), for the report draft. */
  readReportSources(wanted: (sheetName: string) => boolean): Promise<ReportSources>;
  /** What `write` would change, read from the workbook; writes nothing. */
  preview(plan: WritePlan): Promise<WritePreview>;
  /** Applies a write plan: the engine's, or a plan of text sheets only (the 自评报告). */
  write(plan: WriteRequest): Promise<WriteSummary>;
  undo(): Promise<UndoSummary>;
  /** Removes the highlights and notes the add-in added; returns how many cells it cleared. */
  clearMarks(): Promise<number>;
  /** Activates the sheet and selects the cell. */
  locate(sheet: string, cell: string): Promise<void>;
  /** Adds a blank central-layout 自评表 sheet; returns its name. */
  insertTemplate(): Promise<string>;
  /**
   * Adds the blank 报告素材 sheet from its sheet plan, written as any plan is; null when a sheet of that name
   * exists (it is never replaced).
   */
  insertReportMaterial(plan: CellSheetPlan): Promise<string | null>;
  /** Hands a file made in the pane to the officer (a download, or the browser's save page). */
  saveFile(file: Blob, name: string): Promise<SavedFile>;
  getSavedProfile(): Promise<ProfileChoice | null>;
  saveProfile(profile: ProfileChoice): Promise<void>;
}

export type {
  CorrectedResult,
  PlannedChange,
  ProfileChoice,
  ReportSources,
  SavedFile,
  SelectedRange,
  UndoSummary,
  WritePreview,
  WriteRequest,
  WriteSummary,
};
