/**
 * A PrintSetup (src/domain/print.ts) through office.js, as ../xlsx/print.ts writes it into a file: A4, the
 * orientation, one page wide (zoom horizontalFitToPages 1, verticalFitToPages 0 for as many pages as needed), the
 * margins and the repeated header rows. The page layout needs ExcelApi 1.9; below it the sheet keeps Excel's
 * defaults (which in a Chinese Office are A4 portrait). It only queues: the caller's sync writes it.
 */
/* global Excel */
import type { PrintSetup } from "../../domain/print";
import { supportsExcelApi } from "./host";

const PT_PER_MM = 72 / 25.4;

export function queuePrintSetup(ws: Excel.Worksheet, setup: PrintSetup): void {
  if (!supportsExcelApi("1.9")) return;
  const page = ws.pageLayout;
  page.paperSize = "A4";
  page.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  page.topMargin = setup.margins.top * PT_PER_MM;
  page.bottomMargin = setup.margins.bottom * PT_PER_MM;
  page.leftMargin = setup.margins.left * PT_PER_MM;
  page.rightMargin = setup.margins.right * PT_PER_MM;
  page.centerHorizontally = setup.orientation === "landscape";
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (setup.titleRows > 0) page.setPrintTitleRows(`$1:$${setup.titleRows}`);
}

/**
 * Row heights (points, by 0-based row) through office.js: runs of rows of one height set together, on column A's
 * cells (a row height belongs to the whole row).
 */
export function queueRowHeights(ws: Excel.Worksheet, heights: ReadonlyMap<number, number>): void {
  const rows = [...heights.keys()].sort((a, b) => a - b);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && heights.get(rows[j + 1]) === heights.get(rows[i])) j++;
    const [first, last] = [rows[i] + 1, rows[j] + 1];
    ws.getRange(first === last ? `A${first}` : `A${first}:A${last}`).format.rowHeight = heights.get(rows[i])!;
    i = j + 1;
  }
}
