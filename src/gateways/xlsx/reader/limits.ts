/**
 * The bounds every workbook read stays within, and the error a reader raises when a file goes past one. A real
 * 自评表 is a few hundred kilobytes with a few thousand cells; the defaults leave room for a workbook a hundred times
 * that, and stop a zip bomb, a million merges or a sheet of four million cells long before memory runs out.
 */

export interface ReadLimits {
  /** Bytes of the .xlsx file itself. */
  fileBytes: number;
  /** Inflated bytes of any one zip entry (a sheet, the shared strings). */
  entryBytes: number;
  /** Inflated bytes of all the entries read from one workbook. */
  totalBytes: number;
  /** Entries in the zip's central directory. */
  entries: number;
  /** Cells with a value, over all the sheets read in full. */
  cells: number;
  /** Merged areas on one sheet. */
  merges: number;
  /** Shared strings. */
  sharedStrings: number;
  /** Nesting of XML elements. */
  xmlDepth: number;
  /** Worksheets in the workbook. */
  sheets: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = {
  fileBytes: 100 * 1024 * 1024,
  entryBytes: 256 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  entries: 10_000,
  cells: 2_000_000,
  merges: 100_000,
  sharedStrings: 2_000_000,
  xmlDepth: 64,
  sheets: 1_000,
};

/** Which bound a file went past. */
export type LimitKind = keyof ReadLimits;

/**
 * A workbook that goes past a bound, or whose zip or XML is malformed. `kind` names the bound (or is undefined for
 * a malformed file); `part` is the zip entry concerned. The gateway turns it into a message naming the file.
 */
export class WorkbookFormatError extends Error {
  override readonly name = "WorkbookFormatError";
  constructor(
    readonly reason: "limit" | "corrupt" | "encrypted-entry" | "unsupported-compression" | "dtd",
    readonly part: string,
    readonly kind?: LimitKind,
    readonly limit?: number,
  ) {
    super(`${reason}${kind ? ` (${kind} > ${limit})` : ""}: ${part}`);
  }
}

export function limitExceeded(kind: LimitKind, limits: ReadLimits, part: string): WorkbookFormatError {
  return new WorkbookFormatError("limit", part, kind, limits[kind]);
}
