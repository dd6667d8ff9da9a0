/** Reading the addresses Excel hands back (merged areas, used ranges) into the engine's 1-based ranges. */
import { parseRange, type CellRange } from "../../domain/grid";

/** Sheet prefixes as Excel writes them: 'Sheet 1'! (quotes doubled inside) or Sheet1!. */
const SHEET_PREFIX = /(?:'(?:[^']|'')*'|[^,'!\s]+)!/g;

/**
 * The areas of a RangeAreas address such as "'自评表'!A1:B2, '自评表'!C3:D4" (or unquoted, with or
 * without spaces after the commas). Single cells come back as one-cell ranges.
 */
export function parseAreaList(address: string | null | undefined): CellRange[] {
  if (!address) return [];
  return address
    .replace(SHEET_PREFIX, "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a.length > 0)
    .map((a) => parseRange(a.replace(/\$/g, "")));
}

/** "sheet\u0000cell": a key for one cell of one sheet that no sheet name can collide with. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell.replace(/\$/g, "").toUpperCase()}`;
}

export function splitCellKey(key: string): { sheet: string; cell: string } {
  const i = key.lastIndexOf("\u0000");
  return { sheet: key.slice(0, i), cell: key.slice(i + 1) };
}
