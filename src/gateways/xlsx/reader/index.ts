/**
 * The check path's .xlsx reader: the zip's directory first, then the workbook, its shared strings and styles, then
 * each worksheet only as far as the engine needs to see whether it holds the 自评表 (its first rows, and its merged
 * areas when those rows could start a table's header), and in full only the sheet chosen (and any the caller names,
 * such as the report's 报告素材 sheet). A large data sheet
 * beside the table therefore costs at most one inflate, and no file can take more than the bounds of ./limits.ts.
 * It runs in Node and in the browser (no Node API).
 *
 * Written here rather than taken from exceljs, which is kept for writing the scored copy: exceljs loads every
 * sheet into a full object model (206 ms to require, several times the bare parse to load, gigabytes on a
 * 200 000-row sheet) and has no bounds, and no other maintained reader reads a chosen sheet only or stops at a
 * limit. fflate inflates and saxes parses; this package only maps SpreadsheetML onto the engine's grid.
 */
import type { MapGrid } from "../../../domain/grid";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { readWorkbookParts } from "./parts";
import { readSampledMerges, readSheet, type SheetRead } from "./sheet";
import { ZipArchive, type InflateWhole } from "./zip";

export { DEFAULT_LIMITS, WorkbookFormatError, type LimitKind, type ReadLimits } from "./limits";

/**
 * Rows read of a sheet before it is known to hold the table: the engine looks for headers in the first 300 rows
 * (HEADER_SCAN_ROWS in domain/header.ts); the table's own rows follow in the full read of the sheet chosen.
 */
export const SAMPLE_ROWS = 300;

export interface WorkbookReadOptions {
  limits?: Partial<ReadLimits>;
  /** Picks the sheet to read in full from the sampled grids (the engine's locateTable); null when none fits. */
  choose?: (sampled: readonly MapGrid[]) => string | null;
  /**
   * Whether a sampled sheet's first rows could hold the table at all (the engine's mayHoldTable). The merged areas
   * of one that cannot are left unread: they follow its cells, so reading them means inflating the whole part (a
   * 90 MB data sheet beside the table: most of the read). Without it every sampled sheet's merges are read.
   */
  mayHoldTable?: (sampled: MapGrid) => boolean;
  /**
   * Whether a cell holding this text could start the table's header (the engine's mayStartTable). A sampled sheet
   * none of whose first rows' texts could is not parsed at all (sheet.ts firstRowsMayStart): its grid stays empty.
   */
  mayStartTable?: (text: string) => boolean;
  /** Read every sheet in full (a tool that needs them all, such as a test comparing readers). */
  all?: boolean;
  /**
   * Sheets read in full whatever the choice, by name: the report's 报告素材 sheet (report/material.ts
   * isMaterialSheetName), whose every row the report draft reads.
   */
  whole?: (sheetName: string) => boolean;
  /** A native whole-entry inflater (Node's zlib), faster than fflate; see ZipArchive. */
  inflate?: InflateWhole;
  /**
   * Told how far the read has come, from 0 to 1, each time it moves on by a hundredth: the bytes inflated against
   * those of the worksheets (read after the shared strings). A sheet read only in part, or read twice,
   * makes it an estimate; it reaches 1 when the read ends.
   */
  onProgress?: (fraction: number) => void;
}

export interface WorkbookContents {
  /**
   * Every worksheet in tab order; sheets other than the one chosen may hold only their first SAMPLE_ROWS rows, and
   * no merged areas when those rows cannot hold the table (WorkbookReadOptions.mayHoldTable), or nothing at all when
   * none of their texts could start it (WorkbookReadOptions.mayStartTable).
   */
  sheets: MapGrid[];
  /** Names of the sheets read only in part. */
  sampled: string[];
  /** Formula cells with no result, per grid (and cached zeros when the workbook recalculates on opening). */
  missing: Map<MapGrid, Array<{ row: number; col: number }>>;
}

/**
 * Reads a workbook's bytes. Returns undefined when the zip holds no SpreadsheetML workbook (the caller says what it
 * is instead); throws WorkbookFormatError on a damaged file or one past a bound.
 */
export function readWorkbookBytes(bytes: Uint8Array, options: WorkbookReadOptions = {}): WorkbookContents | undefined {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const zip = new ZipArchive(bytes, limits, options.inflate);
  const parts = readWorkbookParts(zip, limits);
  if (!parts) return undefined;
  const cells = { count: 0 };
  const worksheets = parts.sheets.filter((s) => s.path !== undefined);
  if (options.onProgress) {
    const report = options.onProgress;
    const total = Math.max(
      1,
      worksheets.reduce((n, s) => n + (zip.entry(s.path!)?.size ?? 0), 0),
    );
    let done = 0;
    let told = 0;
    zip.onInflated = (bytes) => {
      done += bytes;
      const fraction = Math.min(0.99, done / total);
      if (fraction - told >= 0.01) report((told = fraction));
    };
  }
  const read = (s: (typeof worksheets)[number], rows?: number): SheetRead => {
    const entry = zip.entry(s.path!)!;
    const skipMerges = rows !== undefined && options.mayHoldTable !== undefined;
    const r = readSheet(zip, entry, parts, s.name, limits, {
      rows,
      cells,
      skipMerges,
      mayStart: options.mayStartTable, // asked only of a sheet sampled (rows)
    });
    r.grid.hidden = s.state !== "visible";
    // Its merges, unless its first rows show it cannot hold the table (then nothing reads them).
    if (r.partial && skipMerges && options.mayHoldTable!(r.grid)) readSampledMerges(zip, entry, r.grid, limits);
    return r;
  };
  // A workbook of one worksheet has nothing to choose between: it is read in full at once.
  const sample = options.all || worksheets.length === 1 ? undefined : SAMPLE_ROWS;
  const reads = worksheets.map((s) => read(s, options.whole?.(s.name) ? undefined : sample));
  const full = (i: number) => {
    if (!reads[i].partial) return;
    cells.count -= reads[i].grid.size;
    reads[i] = read(worksheets[i], undefined);
  };
  // A single worksheet is read in full already: nothing to choose, and the engine locates its table once, not twice.
  const chosen = reads.some((r) => r.partial) ? (options.choose?.(reads.map((r) => r.grid)) ?? null) : null;
  const at = worksheets.findIndex((s) => s.name === chosen);
  if (at >= 0) {
    full(at);
    // A formula without a result that reaches into another sheet needs that sheet's every row to be computed.
    if (reads[at].missing.some(({ row, col }) => reads[at].grid.cell(row, col)?.formula?.includes("!")))
      reads.forEach((_, i) => full(i));
  }
  const missing = new Map<MapGrid, Array<{ row: number; col: number }>>();
  for (const r of reads) {
    const cellsMissing = parts.fullCalcOnLoad ? [...r.missing, ...r.zeros] : r.missing;
    if (cellsMissing.length) missing.set(r.grid, cellsMissing);
  }
  options.onProgress?.(1);
  return {
    sheets: reads.map((r) => r.grid),
    sampled: reads.filter((r) => r.partial).map((r) => r.grid.name),
    missing,
  };
}

/** Whether the zip names a part, case-insensitively (for saying what a non-workbook zip is). */
export function zipHolds(bytes: Uint8Array, name: string): boolean {
  try {
    return new ZipArchive(bytes, DEFAULT_LIMITS).entry(name) !== undefined;
  } catch {
    return false;
  }
}
