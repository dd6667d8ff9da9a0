/** What the office gateway reports back to the pane: previews of a write, and what a write or undo did. */
import type { Grid } from "../../domain/grid";
import type { LayoutOverride } from "../../domain/layout-file";
import type { CheckResult, FindingsSheetPlan, WritePlan } from "../../domain/types";

/**
 * A write plan as the gateway takes it: the engine's plan, or only some of it. The 自评报告 is written as a
 * plan with no values, no marks and no findings sheet, only its text sheet.
 */
export type WriteRequest = Omit<WritePlan, "findingsSheet"> & { findingsSheet?: FindingsSheetPlan };

/** One cell a write will change, as the officer sees it now and as it will be. */
export interface PlannedChange {
  sheet: string;
  cell: string;
  /** The cell's displayed text now ("" when empty). */
  before: string;
  /** The planned value as plain text; the pane may show the figure's display instead. */
  after: string;
  /** The figure key the value comes from. */
  figure: string;
}

export interface WritePreview {
  changes: PlannedChange[];
  /** Cells that will be highlighted (and get a note when the host supports notes). */
  marks: number;
  /** The sheet the findings list goes to, and how many findings it will list (its computations come after). */
  findingsSheet: string;
  findingsRows: number;
  /** False when Excel lacks notes (ExcelApi 1.18): the findings sheet carries the explanations alone. */
  notesSupported: boolean;
  /** Target sheets that are protected: writing will be refused. */
  protectedSheets: string[];
}

/** A text sheet (such as 自评报告) as written: the name it got, and whether it replaced the add-in's earlier one. */
export interface TextSheetWritten {
  name: string;
  replaced: boolean;
  rows: number;
}

/**
 * A sheet of cells (WritePlan.cellSheets) as written: the name it got, null when it was not written because the
 * officer already has a sheet of that name (a 报告素材).
 */
export interface CellSheetWritten {
  wanted: string;
  name: string | null;
  replaced: boolean;
  rows: number;
}

export interface WriteSummary {
  values: number;
  marks: number;
  notes: number;
  /** null when the plan had no findings sheet. */
  findingsSheet: string | null;
  textSheets: TextSheetWritten[];
  /** Present when the plan had sheets of cells, one entry each in the plan's order. */
  cellSheets?: CellSheetWritten[];
  /** A downloaded copy (web page) that had to be rebuilt, not patched: objects of the original may be missing. */
  rebuilt?: boolean;
}

export interface UndoSummary {
  /** Cells whose value, formula, format, fill or note was put back. */
  restored: number;
  /** Sheets the add-in had created and now removed. */
  removedSheets: string[];
}

/** What the report draft is made from: the 自评表's sheet and any other sheets asked for (报告素材). */
export interface ReportSources {
  /** The 自评表 first, then the other sheets read. */
  sheets: Grid[];
  /** The sheet holding the 自评表 (the active sheet when none does). */
  tableSheet: string;
  /** Every sheet's name, in workbook order. */
  sheetNames: string[];
  /** The officer's correction saved in the workbook, to read the table with. */
  layout?: LayoutOverride;
}

/** A check's result and the officer's correction (版式) the table was read with; absent: none. */
export type CorrectedResult = CheckResult & { correction?: LayoutOverride };

/** The cell range selected in Excel, as the officer sees it. */
export interface SelectedRange {
  sheet: string;
  /** A1 without the sheet ("G12", "B13:B23"). */
  address: string;
  /** What the top-left cell shows (a header's text), "" when empty. */
  text: string;
}

/** How a file was handed to the officer. */
export interface SavedFile {
  /**
   * "download": the browser's download started from the pane (Excel on the web, Windows);
   * "browser": the pane cannot download here (Excel for Mac), so the file opened in the default browser's
   * save page; "none": neither is possible on this host.
   */
  via: "download" | "browser" | "none";
  /** A link the officer can click to save the file again, while the pane stays open (null for "none"). */
  href: string | null;
  name: string;
}
