/**
 * Turning plain data into what Excel's `values` setter keeps verbatim. Excel parses a string written to
 * `values` the way it parses typing: "=…", "+…", "-…" and "@…" become formulas, "98%" a number, "TRUE"
 * a boolean, "#N/A" an error. A leading apostrophe (Excel's quote prefix) makes it keep the text as is,
 * and is not part of the stored value. In a cell formatted as Text ("@") Excel keeps input as text already.
 */

/** First characters after which Excel may read the text as something other than text. */
const RISKY_START = /^[=+\-@'#(.,0-9$¥￥€£]/;
const RISKY_WORD = /^(true|false)$/i;

export function needsQuotePrefix(text: string): boolean {
  const t = text.trimStart();
  return t !== text || RISKY_START.test(t) || RISKY_WORD.test(t);
}

export type ExcelScalar = string | number | boolean;

/**
 * The value to assign to `range.values` so that the cell ends up holding `value` as given.
 * `numFmt` is the format the cell will have when the value lands (formats are written first).
 */
export function toExcelInput(value: string | number | boolean | null | undefined, numFmt?: string): ExcelScalar {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (value === "" || numFmt === "@") return value;
  return needsQuotePrefix(value) ? `'${value}` : value;
}

/** A sheet name as it must appear in a reference: always quoted, quotes doubled. */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** An in-workbook hyperlink target, e.g. 'Sheet 1'!C7. */
export function documentReference(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}
