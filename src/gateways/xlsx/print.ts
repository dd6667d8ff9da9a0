/**
 * A PrintSetup (src/domain/print.ts) onto an exceljs worksheet: A4, the orientation, fit to one page wide and as
 * many tall as needed, the margins, the header rows repeated (exceljs writes them as the sheet's _xlnm.Print_Titles
 * name, which Excel, WPS and LibreOffice all read). exceljs is only a type here.
 */
import type ExcelJS from "exceljs";
import { A4_PAPER_SIZE, type PrintSetup } from "../../domain/print";

const MM_PER_INCH = 25.4;

export function applyPrintSetup(ws: ExcelJS.Worksheet, setup: PrintSetup): void {
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4_PAPER_SIZE,
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: setup.orientation === "landscape",
    margins: {
      top: inch(setup.margins.top),
      bottom: inch(setup.margins.bottom),
      left: inch(setup.margins.left),
      right: inch(setup.margins.right),
      header: 0.3,
      footer: 0.3,
    },
    ...(setup.titleRows > 0 ? { printTitlesRow: `1:${setup.titleRows}` } : {}),
  };
  // Page N of M at the foot of every printed page (&P / &N are Excel's page fields).
  ws.headerFooter = { ...ws.headerFooter, oddFooter: "&C第 &P 页，共 &N 页" };
}
