/**
 * A PrintSetup (src/domain/print.ts) onto an exceljs worksheet: A4, the orientation, fit to one page wide and as
 * many tall as needed, the margins, the header rows repeated (exceljs writes them as the sheet's _xlnm.Print_Titles
 * name, which Excel, WPS and LibreOffice all read), and the page footer. exceljs is only a type here.
 */
import type ExcelJS from "exceljs";
import { A4_PAPER_SIZE, HEADER_FOOTER_MARGIN_INCH, marginInches, type PrintSetup } from "../../domain/print";

export function applyPrintSetup(ws: ExcelJS.Worksheet, setup: PrintSetup, footer: string): void {
  const inches = marginInches(setup.margins);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4_PAPER_SIZE,
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: setup.orientation === "landscape",
    margins: { ...inches, header: HEADER_FOOTER_MARGIN_INCH, footer: HEADER_FOOTER_MARGIN_INCH },
    ...(setup.titleRows > 0 ? { printTitlesRow: `1:${setup.titleRows}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: footer };
}
