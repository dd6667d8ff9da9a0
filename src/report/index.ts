/**
 * The 自评报告 draft for hosts: the model, the Word-ready sheet plan and the .docx. Node-free, so the task pane can
 * import it; the command line's `ziping report` is src/cli/report.ts.
 */
export {
  draftReport,
  reportKind,
  reportParagraphs,
  reportText,
  paragraphText,
  fmtReportScore,
  type ReportModel,
  type ReportPart,
  type ReportParagraph,
  type ReportRun,
  type ParagraphRole,
  type PartKey,
  type AttachmentTable,
} from "./model";
export {
  MATERIAL_ITEMS,
  MATERIAL_SHEET,
  reportMaterialTemplate,
  materialSheetPlan,
  readReportMaterial,
  isMaterialSheetName,
  type MaterialTemplate,
  type MaterialItem,
  type MaterialItemId,
  type ReportKind,
  type ReportMaterial,
} from "./material";
export { REPORT_SHEET, REPORT_COLUMN_WIDTH, reportSheetPlan, withReportSheet, type TextSheetRow } from "./sheet";
export { renderDocx, reportDocument } from "./docx";
export { LEVEL_STYLES, PAGE, FONTS } from "./style";
