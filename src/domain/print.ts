/**
 * How every sheet Ziping writes prints (the 校验结果 sheet, the 汇总 workbook, the blank 自评表, 报告素材, the
 * 自评报告 sheet): A4; portrait when the columns fit the portrait page, else landscape; always one page wide and as
 * many pages tall as needed; the header rows repeated on every page; column widths from the content, long text
 * wrapped rather than widening a column past the page. Both gateways apply the same PrintSetup, so a sheet
 * written by the add-in and one written by the command line print alike. No library decides this: it is a few
 * sums over the page and the columns, kept here so that the two hosts cannot drift apart.
 */

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

/** Margins for the sheets of figures and findings: Excel's 窄 (narrow) set, a little wider at the sides. */
export const DATA_MARGINS: Margins = { top: 19, bottom: 19, left: 13, right: 13 };
/** The 公文 page (GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right), for the 自评报告 sheet. */
export const GONGWEN_MARGINS: Margins = { top: 37, bottom: 35, left: 28, right: 26 };

/** The printed width of columns given in Excel's character units, in millimetres (at 100%). */
export function columnsWidthMm(widths: readonly number[]): number {
  const px = widths.reduce((sum, w) => sum + w * PX_PER_WIDTH_UNIT + CELL_PADDING_PX, 0);
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

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Width of a text in Excel's column units: CJK and full-width characters take two; the widest line counts. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const line of text.split("\n")) {
    let w = 0;
    for (const ch of line) w += WIDE.test(ch) ? 2 : 1;
    width = Math.max(width, w);
  }
  return width;
}

/** Bounds of a content-sized column, in character units: wider text wraps. */
export interface WidthBounds {
  min: number;
  max: number;
}

/**
 * Column widths (character units) from a sheet's rows: each column as wide as its widest text plus two, within
 * `bounds` (or the column's own bounds), a number counted as ten.
 */
export function contentWidths(
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
  bounds: WidthBounds | ((column: number) => WidthBounds),
): number[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const widths = new Array<number>(count).fill(0);
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

/** Column widths and print setup of the 校验结果 sheet, for both gateways: header row 1 repeated on every page. */
export function findingsSheetLayout(plan: FindingsSheetPlan): { widths: number[]; print: PrintSetup } {
  const widths = contentWidths([plan.header, ...plan.rows.map((r) => r.cells)], findingsColumnBounds);
  return { widths, print: printSetupFor(widths, 1) };
}

/** A sheet of cells prints with its frozen header rows repeated, in the orientation its column widths need. */
export function cellSheetPrint(plan: Pick<CellSheetPlan, "columnWidths" | "freezeRows">): PrintSetup {
  return printSetupFor(plan.columnWidths ?? [], plan.freezeRows ?? 0);
}

/** The 自评报告 sheet prints as the 公文 page: A4 portrait, the GB/T 9704 margins, no repeated rows. */
export const TEXT_SHEET_PRINT: PrintSetup = {
  paper: "A4",
  orientation: "portrait",
  fitToWidth: true,
  titleRows: 0,
  margins: GONGWEN_MARGINS,
};
