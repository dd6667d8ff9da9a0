/** The .xlsx gateway for Node: read a workbook file into grids, write a scored copy from a plan. */
export { readWorkbookFile, type ReadFileOptions } from "./read";
export { writeScoredCopy, sheetReference, SEVERITY_FILL } from "./write";
export {
  WorkbookReadError,
  WorkbookWriteError,
  type WorkbookReadErrorCode,
  type WorkbookWriteErrorCode,
} from "./errors";
