/** The office.js gateway: reads the 自评表 from Excel and applies the engine's write plans back to it. */
export { OfficeGateway } from "./gateway";
export { GatewayError } from "./errors";
export { detectHost, langFromDisplayLanguage, supportsExcelApi, type HostInfo } from "./host";
export {
  readTable,
  readSheet,
  findTableSheet,
  pickTableSheet,
  gridFromRange,
  SAMPLE_RANGE,
  type TableRead,
} from "./read";
export { applyPlan, previewPlan, MARK_FILLS } from "./write";
export { undoLastWrite, clearMarks } from "./undo";
export {
  locateCell,
  insertBlankTemplate,
  getSavedProfile,
  saveProfile,
  isProfileChoice,
  type ProfileChoice,
} from "./workbook";
export { centralBlankTemplate, type SheetTemplate } from "./blank-template";
export { toExcelInput, needsQuotePrefix } from "./excel-input";
export type { PlannedChange, UndoSummary, WritePreview, WriteSummary } from "./types";
