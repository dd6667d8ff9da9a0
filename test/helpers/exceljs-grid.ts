/**
 * The former check-path reader over exceljs, kept as an oracle: the reader of src/gateways/xlsx/reader must give
 * the same grid for every fixture (test/integration/reader-equivalence.test.ts).
 */
import ExcelJS from "exceljs";
import { installIsoDateCells } from "../../src/gateways/xlsx/exceljs-dates";
import { MapGrid, type Cell, type CellRange, type CellValue } from "../../src/domain/grid";

export async function exceljsGrids(bytes: Buffer): Promise<MapGrid[]> {
  installIsoDateCells();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => worksheetToGrid(ws));
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
