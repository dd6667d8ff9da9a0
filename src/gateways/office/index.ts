/** The office.js gateway: reads the 自评表 from Excel and applies the engine's write plans back to it. */
export { OfficeGateway } from "./gateway";
export { GatewayError } from "./errors";
export {
  detectHost,
  hostPlatform,
  langFromDisplayLanguage,
  openInBrowser,
  supportsExcelApi,
  type HostInfo,
  type HostPlatform,
} from "./host";
export {
  readTable,
  readSheet,
  readReportSources,
  readTableForCheck,
  findTableSheet,
  pickTableSheet,
  gridFromRange,
  SAMPLE_RANGE,
  type TableRead,
} from "./read";
export { applyPlan, previewPlan, MARK_FILLS } from "./write";
export { queueTextSheet, columnWidthPoints, HIGHLIGHT_FILL } from "./text-sheet";
export { undoLastWrite, clearMarks } from "./undo";
export {
  locateCell,
  insertBlankTemplate,
  insertReportMaterial,
  getSavedProfile,
  getSelection,
  saveProfile,
  isProfileChoice,
  type ProfileChoice,
} from "./workbook";
export { LAYOUT_KEY, getSavedLayout, saveLayout, readLayoutItem, parseLayoutItem } from "./layout-store";
export { blankTemplateSheetPlan, centralBlankTemplate, type SheetTemplate } from "./blank-template";
export { queueCellSheet } from "./cell-sheet";
export { toExcelInput, needsQuotePrefix } from "./excel-input";
export { saveFile, savePageUrl, base64url, SAVE_PAGE } from "./save-file";
export type {
  CorrectedResult,
  PlannedChange,
  ReportSources,
  SavedFile,
  SelectedRange,
  CellSheetWritten,
  TextSheetWritten,
  UndoSummary,
  WritePreview,
  WriteRequest,
  WriteSummary,
} from "./types";
