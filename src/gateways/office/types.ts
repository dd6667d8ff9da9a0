/** What the office gateway reports back to the pane: previews of a write, and what a write or undo did. */

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

export interface WriteSummary {
  values: number;
  marks: number;
  notes: number;
  findingsSheet: string;
}

export interface UndoSummary {
  /** Cells whose value, formula, format, fill or note was put back. */
  restored: number;
  /** Sheets the add-in had created and now removed. */
  removedSheets: string[];
}
