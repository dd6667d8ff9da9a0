/**
 * How every sheet Ziping writes prints (the 校验结果 sheet, the 汇总 workbook, the blank 自评表, 报告素材, the
 * 自评报告 sheet): A4; portrait when the columns fit the portrait page, else landscape; always one page wide and as
 * many pages tall as needed; the header rows repeated on every page; column widths from the content, long text
 * wrapped rather than widening a column past the page. Both gateways apply the same PrintSetup, so a sheet
 * written by the add-in and one written by the command line print alike. No library decides this: it is a few
 * sums over the page and the columns, kept here so that the two hosts cannot drift apart.
 */

import { parseRange } from "./grid";
import type { CellSheetPlan, FindingsSheetPlan } from "./types";

/** Millimetres. */
export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PrintSetup {
  /** Always A4 (paper size 9 in SpreadsheetML). */
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Scaled to one page wide, as many pages tall as the rows need. */
  fitToWidth: true;
  /** Rows 1..titleRows printed again at the top of every page (0: none). */
  titleRows: number;
  margins: Margins;
}

/** SpreadsheetML's paper size number for A4. */
export const A4_PAPER_SIZE = 9;

const A4_MM = { short: 210, long: 297 };
const MM_PER_INCH = 25.4;
/** Screen pixels per inch, as Excel measures column widths. */
const PX_PER_INCH = 96;
/** Pixels of one column-width unit at the default font (Calibri 11), and the cell padding. */
const PX_PER_WIDTH_UNIT = 7;
const CELL_PADDING_PX = 5;

/** Page N of M at the foot of every printed page of the sheets Ziping adds (&P / &N are Excel's page fields). */
export const PAGE_FOOTER = "&C第 &P 页，共 &N 页";

/** The distance of the page header and footer from the paper's edge, in inches (as SpreadsheetML stores it). */
export const HEADER_FOOTER_MARGIN_INCH = 0.3;

/** Margins in inches, as SpreadsheetML stores them, to three decimals. */
export function marginInches(m: Margins): Margins {
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
  return { top: inch(m.top), bottom: inch(m.bottom), left: inch(m.left), right: inch(m.right) };
}

/** Margins for the sheets of figures and findings: Excel's 窄 (narrow) set, a little wider at the sides. */
export const DATA_MARGINS: Margins = { top: 19, bottom: 19, left: 13, right: 13 };
/** The 公文 page (GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right), for the 自评报告 sheet. */
export const GONGWEN_MARGINS: Margins = { top: 37, bottom: 35, left: 28, right: 26 };

/** A column's width in screen pixels from Excel's character units, as Excel draws it at the default font. */
export function columnPixels(characters: number): number {
  return characters * PX_PER_WIDTH_UNIT + CELL_PADDING_PX;
}

/** The printed width of columns given in Excel's character units, in millimetres (at 100%). */
export function columnsWidthMm(widths: readonly number[]): number {
  const px = widths.reduce((sum, w) => sum + columnPixels(w), 0);
  return (px / PX_PER_INCH) * MM_PER_INCH;
}

/** The width left for the columns on an A4 page in this orientation, in millimetres. */
export function printableWidthMm(orientation: PrintSetup["orientation"], margins: Margins): number {
  const paper = orientation === "portrait" ? A4_MM.short : A4_MM.long;
  return paper - margins.left - margins.right;
}

/**
 * The setup for a sheet whose columns have these widths: portrait if they fit the portrait page at 100%, else
 * landscape (scaled down only as far as one page wide needs).
 */
export function printSetupFor(
  widths: readonly number[],
  titleRows: number,
  margins: Margins = DATA_MARGINS,
): PrintSetup {
  const fitsPortrait = columnsWidthMm(widths) <= printableWidthMm("portrait", margins);
  return { paper: "A4", orientation: fitsPortrait ? "portrait" : "landscape", fitToWidth: true, titleRows, margins };
}

/** The scale (1 = 100%) at which the columns fit one page wide under the setup. */
export function fitScale(widths: readonly number[], setup: PrintSetup): number {
  const need = columnsWidthMm(widths);
  return need <= 0 ? 1 : Math.min(1, printableWidthMm(setup.orientation, setup.margins) / need);
}

/** East Asian wide and full-width characters (Hangul Jamo, CJK, Hangul, compatibility and full-width forms). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** Width of a text in Excel's column units: CJK and full-width characters take two; the widest line counts. */
export function displayWidth(text: string): number {
  let width = 0;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line = 0;
      continue;
    }
    // A surrogate pair (an emoji, a rare CJK character) counts once, as one wide character.
    if (code >= 0xd800 && code <= 0xdbff) {
      i++;
      line += 2;
    } else line += isWide(code) ? 2 : 1;
    if (line > width) width = line;
  }
  return width;
}

/** Excel's ceiling for a row height, in points. */
const MAX_ROW_HEIGHT = 409;
/** A CJK line of text takes about 1.4 times its font size in Excel. */
const LINE_HEIGHT_FACTOR = 1.4;

/**
 * How many lines a text takes wrapped in a column (character units) at a font size: a CJK or full-width character
 * as wide as the font size, other characters half, each line of the text at least one.
 */
export function wrappedLines(text: string, sizePt: number, columnWidth: number): number {
  const columnPx = columnPixels(columnWidth);
  const charPx = (sizePt * PX_PER_INCH) / 72;
  let lines = 0;
  for (const line of text.split("\n")) {
    let px = 0;
    for (const ch of line) px += ch.charCodeAt(0) >= 0x2e80 ? charPx : charPx / 2;
    lines += Math.max(1, Math.ceil(px / columnPx));
  }
  return lines;
}

/** The height in points a wrapped row needs: its lines, each 1.4 times the font size. On the generous side. */
export function estimateRowHeight(text: string, sizePt: number, columnWidth: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(wrappedLines(text, sizePt, columnWidth) * sizePt * LINE_HEIGHT_FACTOR + 4));
}

/**
 * Row heights for a sheet of wrapped cells: for each row (0-based) whose text needs more than one line in its
 * column, the height its tallest cell needs; rows of one line are left to the host's default. Neither Excel nor
 * LibreOffice grows a row to its wrapped text when opening a file, so without this, long text is cut off.
 * `skip` leaves out cells whose width is not their column's (merged areas).
 */
export function wrappedRowHeights(
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
  widths: readonly number[],
  sizePt = 11,
  skip: (row: number, column: number) => boolean = () => false,
): Map<number, number> {
  const heights = new Map<number, number>();
  rows.forEach((row, r) => {
    let tallest = 1;
    row.forEach((v, c) => {
      if (typeof v !== "string" || v === "" || skip(r, c)) return;
      // A column without a width is Excel's default, 8.43 units.
      tallest = Math.max(tallest, wrappedLines(v, sizePt, widths[c] ?? 8.43));
    });
    if (tallest > 1) heights.set(r, Math.min(MAX_ROW_HEIGHT, Math.ceil(tallest * sizePt * LINE_HEIGHT_FACTOR + 4)));
  });
  return heights;
}

/** Bounds of a content-sized column, in character units: wider text wraps. */
export interface WidthBounds {
  min: number;
  max: number;
}

/** The length of the longest row: a loop, as Math.max(...rows) overflows the call stack at 200,000 rows. */
export function widestRow(rows: ReadonlyArray<{ length: number }>): number {
  let widest = 0;
  for (const row of rows) if (row.length > widest) widest = row.length;
  return widest;
}

/**
 * Column widths (character units) from a sheet's rows: each column as wide as its widest text plus two, within
 * `bounds` (or the column's own bounds), a number counted as ten.
 */
export function contentWidths(
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
  bounds: WidthBounds | ((column: number) => WidthBounds),
): number[] {
  const widths = new Array<number>(widestRow(rows)).fill(0);
  for (const row of rows)
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      widths[c] = Math.max(widths[c], typeof v === "number" ? 10 : displayWidth(v));
    });
  return widths.map((w, c) => {
    const b = typeof bounds === "function" ? bounds(c) : bounds;
    return Math.min(b.max, Math.max(b.min, w + 2));
  });
}

/** The 校验结果 sheet's columns (序号 … 计算过程): the two long texts wrap at 36, the rest at 18. */
function findingsColumnBounds(column: number): WidthBounds {
  if (column === 0) return { min: 5, max: 6 };
  return { min: 6, max: column === 5 || column === 8 ? 36 : 18 };
}

/** How a sheet of Ziping's is laid out for reading and printing, the same through both gateways. */
export interface SheetLayout {
  /** Column widths in character units (A, B, …). */
  widths: number[];
  /** Heights in points of the rows (0-based) whose wrapped text needs more than one line. */
  heights: Map<number, number>;
  print: PrintSetup;
}

/** The 校验结果 sheet: widths from its text, heights for its wrapped rows, header row 1 repeated on every page. */
export function findingsSheetLayout(plan: FindingsSheetPlan): SheetLayout {
  const rows = [plan.header, ...plan.rows.map((r) => r.cells)];
  const widths = contentWidths(rows, findingsColumnBounds);
  return { widths, heights: wrappedRowHeights(rows, widths), print: printSetupFor(widths, 1) };
}

/**
 * A sheet of cells: the plan's widths, heights for the rows its wrapped text needs (merged cells and formulas
 * left out), its frozen header rows repeated on every page, in the orientation its widths need.
 */
export function cellSheetLayout(
  plan: Pick<CellSheetPlan, "rows" | "columnWidths" | "freezeRows" | "merges">,
): SheetLayout {
  const widths = plan.columnWidths ?? [];
  const merged = (plan.merges ?? []).map(parseRange);
  const inMerge = (r: number, c: number) =>
    merged.some((m) => r + 1 >= m.top && r + 1 <= m.bottom && c + 1 >= m.left && c + 1 <= m.right);
  const text = plan.rows.map((row) => row.map((v) => (typeof v === "object" ? null : v)));
  return {
    widths,
    heights: wrappedRowHeights(text, widths, 11, inMerge),
    print: printSetupFor(widths, plan.freezeRows ?? 0),
  };
}

/** The 自评报告 sheet prints as the 公文 page: A4 portrait, the GB/T 9704 margins, no repeated rows. */
export const TEXT_SHEET_PRINT: PrintSetup = {
  paper: "A4",
  orientation: "portrait",
  fitToWidth: true,
  titleRows: 0,
  margins: GONGWEN_MARGINS,
};
