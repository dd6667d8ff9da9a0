/**
 * A sheet draft (./draft.ts) written into an exceljs workbook: the sheets a plan adds, when the copy is rebuilt
 * through exceljs (a file the patcher cannot edit) and in the tests that read such sheets back. exceljs is only a
 * type here.
 */
import type ExcelJS from "exceljs";
import type { DraftStyle, SheetDraft } from "./draft";
import { applyPrintSetup } from "./print";

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

function exceljsStyle(s: DraftStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  if (s.font) {
    const font: Partial<ExcelJS.Font> = {};
    if (s.font.name !== undefined) font.name = s.font.name;
    if (s.font.size !== undefined) font.size = s.font.size;
    if (s.font.bold !== undefined) font.bold = s.font.bold;
    if (s.font.underline) font.underline = true;
    if (s.font.color !== undefined) font.color = { argb: s.font.color };
    if (s.font.charset !== undefined) font.charset = s.font.charset;
    style.font = font;
  }
  if (s.fill !== undefined) style.fill = solidFill(s.fill);
  if (s.horizontal !== undefined || s.vertical !== undefined || s.wrap !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (s.horizontal !== undefined) alignment.horizontal = s.horizontal;
    if (s.vertical !== undefined) alignment.vertical = s.vertical;
    if (s.wrap !== undefined) alignment.wrapText = s.wrap;
    style.alignment = alignment;
  }
  if (s.border) style.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  return style;
}

/** Adds the drafted sheet under its name (which the draft already chose apart from the workbook's). */
export function addDraftSheet(workbook: ExcelJS.Workbook, draft: SheetDraft): ExcelJS.Worksheet {
  const view: Partial<ExcelJS.WorksheetView> = draft.frozenRows
    ? { state: "frozen", xSplit: 0, ySplit: draft.frozenRows }
    : {};
  if (!draft.showGridLines) view.showGridLines = false;
  const ws = workbook.addWorksheet(draft.name, { views: [view as ExcelJS.WorksheetView] });
  // One exceljs style per draft style: each cell gets its own copy, as exceljs may share one among cells.
  const styles = new Map<DraftStyle, Partial<ExcelJS.Style>>();
  draft.rows.forEach((row, r) =>
    row.forEach((c, i) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, i + 1);
      // A plain string is a shared string in exceljs, never <f>: only { formula } becomes a formula.
      if (c.value !== undefined)
        cell.value =
          typeof c.value === "object"
            ? ({ formula: c.value.formula, result: c.value.result } as ExcelJS.CellFormulaValue)
            : c.value;
      if (c.style) {
        let style = styles.get(c.style);
        if (!style) styles.set(c.style, (style = exceljsStyle(c.style)));
        cell.style = { ...style };
      }
    }),
  );
  draft.widths.forEach((w, i) => {
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  for (const [r, height] of draft.heights) ws.getRow(r).height = height;
  for (const m of draft.merges) ws.mergeCells(m);
  if (draft.autoFilter) ws.autoFilter = draft.autoFilter;
  applyPrintSetup(ws, draft.print, draft.footer);
  return ws;
}
