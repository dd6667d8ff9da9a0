/**
 * Reads an .xlsx file into the engine's grids with exceljs. The file is read once into memory; its first
 * bytes are sniffed so that the usual wrong files (old .xls, encrypted, Word, truncated, renamed) get a
 * message an officer can act on instead of a zip library's stack trace.
 */
/* global Buffer, NodeJS -- Node code: the shared lint config assumes a browser. */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { installIsoDateCells } from "./exceljs-dates";
import { MapGrid, type Cell, type CellRange, type CellValue } from "../../domain/grid";
import { WorkbookReadError } from "./errors";
import { calculateMissingResults } from "./formulas";

export { WorkbookReadError, type WorkbookReadErrorCode } from "./errors";

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function readWorkbookFile(path: string): Promise<{ sheets: MapGrid[] }> {
  const bytes = await readBytes(path);
  if (bytes.length === 0) throw new WorkbookReadError("empty-file", path);
  if (startsWith(bytes, OLE_MAGIC)) throw oleError(bytes, path);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new WorkbookReadError("not-xlsx", path);

  // exceljs' own readFile streams the file into one buffer and calls load(): loading the bytes we already
  // hold is the same work without reading the file twice.
  installIsoDateCells(); // ISO date cells stay dates (./exceljs-dates.ts)
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw zipError(bytes, path, cause);
  }
  const missing = new Map<MapGrid, Array<{ row: number; col: number }>>();
  const zeros = new Map<MapGrid, Array<{ row: number; col: number }>>();
  const sheets = workbook.worksheets.map((ws) => {
    const cells: Array<{ row: number; col: number }> = [];
    const zero: Array<{ row: number; col: number }> = [];
    const grid = worksheetToGrid(ws, cells, zero);
    if (cells.length) missing.set(grid, cells);
    if (zero.length) zeros.set(grid, zero);
    return grid;
  });
  if (sheets.length === 0) throw zipError(bytes, path, undefined);
  // A generator that writes 0 for every formula's result asks Excel to recalculate on opening (fullCalcOnLoad):
  // those zeros are no results either.
  if (zeros.size > 0 && (await recalculatesOnLoad(bytes)))
    for (const [grid, cells] of zeros) missing.set(grid, [...(missing.get(grid) ?? []), ...cells]);
  // Formulas a program wrote without their results: computed as Excel would on opening (./formulas.ts).
  calculateMissingResults(sheets, missing);
  return { sheets };
}

/**
 * Whether the workbook asks to be recalculated when opened (<calcPr fullCalcOnLoad="1"/> in xl/workbook.xml), which
 * exceljs does not read. Only asked when formulas hold cached zeros, so a usual file is not unzipped twice.
 */
async function recalculatesOnLoad(bytes: Buffer): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    return /<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad="(?:1|true)"/.test(xml);
  } catch {
    return false;
  }
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WorkbookReadError("not-found", path, "", { cause });
    if (code === "EISDIR") throw new WorkbookReadError("not-a-file", path, "", { cause });
    throw new WorkbookReadError("unreadable", path, code ?? String(cause), { cause });
  }
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Stream names inside an OLE compound file are stored as UTF-16LE in its directory sectors. */
function hasStream(bytes: Buffer, name: string): boolean {
  return bytes.includes(Buffer.from(name, "utf16le"));
}

function oleError(bytes: Buffer, path: string): WorkbookReadError {
  if (hasStream(bytes, "EncryptedPackage") || hasStream(bytes, "EncryptionInfo")) {
    return new WorkbookReadError("encrypted", path);
  }
  if (hasStream(bytes, "WordDocument")) return new WorkbookReadError("not-excel", path, "Word");
  if (hasStream(bytes, "PowerPoint Document")) return new WorkbookReadError("not-excel", path, "PowerPoint");
  return new WorkbookReadError("legacy-xls", path);
}

/**
 * A zip that exceljs could not load or that held no worksheet: say what it is instead. Entry names sit in
 * plain text in a zip's headers, so looking for them is enough (this only runs on the failure path).
 */
function zipError(bytes: Buffer, path: string, cause: unknown): WorkbookReadError {
  const has = (name: string) => bytes.includes(Buffer.from(name, "latin1"));
  if (has("xl/workbook.bin")) return new WorkbookReadError("xlsb", path, "", { cause });
  if (!has("xl/")) {
    if (has("word/")) return new WorkbookReadError("not-excel", path, "Word", { cause });
    if (has("ppt/")) return new WorkbookReadError("not-excel", path, "PowerPoint", { cause });
  }
  if (cause !== undefined) return new WorkbookReadError("corrupt", path, "", { cause });
  if (has("xl/workbook.xml")) return new WorkbookReadError("no-worksheets", path);
  return new WorkbookReadError("not-xlsx", path);
}

/** exceljs internals it reads but does not type. */
interface WorksheetInternals {
  /** Merges keyed by master address; `worksheet.model.merges` would rebuild every row to give them. */
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
  /** Parsed from <sheetProtection sheet="1">; null when the sheet is not protected. */
  sheetProtection?: { sheet?: boolean } | null;
}

/** One worksheet as a grid: values (cached results for formulas), number formats, merges, protection, visibility. */
export function worksheetToGrid(
  worksheet: ExcelJS.Worksheet,
  /** Gets the formula cells that hold no cached result, for calculateMissingResults. */
  missing?: Array<{ row: number; col: number }>,
  /** Gets the formula cells whose cached result is 0 (no result under fullCalcOnLoad). */
  zeros?: Array<{ row: number; col: number }>,
): MapGrid {
  const internals = worksheet as unknown as WorksheetInternals;
  const merges: CellRange[] = Object.values(internals._merges ?? {}).map((m) => ({
    top: m.top,
    left: m.left,
    bottom: m.bottom,
    right: m.right,
  }));
  const grid = new MapGrid(worksheet.name, merges);
  grid.protected = internals.sheetProtection?.sheet === true;
  // exceljs reads <sheet state="hidden|veryHidden"> into state; a sheet without it is visible.
  grid.hidden = worksheet.state === "hidden" || worksheet.state === "veryHidden";
  worksheet.eachRow((row, rowNumber) => {
    row.eachCell((xcell, colNumber) => {
      const cell = toCell(xcell);
      if (!cell) return;
      grid.set(rowNumber, colNumber, cell);
      if (cell.formula === undefined) return;
      if (cell.value === null) missing?.push({ row: rowNumber, col: colNumber });
      else if (cell.value === 0) zeros?.push({ row: rowNumber, col: colNumber });
    });
  });
  return grid;
}

function toCell(xcell: ExcelJS.Cell): Cell | undefined {
  let cell: Cell;
  switch (xcell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge: // the master holds the merged value
      return undefined;
    case ExcelJS.ValueType.Formula:
      // `result` and `formula` rather than `value`, which copies the formula model for every cell.
      // For shared-formula clones exceljs translates the master's formula on demand.
      cell = { value: plainValue(xcell.result), formula: xcell.formula ?? "" };
      break;
    default: {
      const value = plainValue(xcell.value);
      if (value === null || value === "") return undefined;
      cell = { value };
    }
  }
  const numFmt = xcell.numFmt;
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

function plainValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return raw;
  if (typeof raw === "object") {
    const o = raw as { richText?: Array<{ text: string }>; text?: unknown; error?: unknown; hyperlink?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((run) => run.text).join("");
    if (typeof o.error === "string") return { error: o.error };
    if ("text" in o) return plainValue(o.text); // hyperlink: its text may itself be rich text
  }
  return null;
}
