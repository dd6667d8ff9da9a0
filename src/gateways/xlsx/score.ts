/**
 * Applies the engine's write plan to a workbook held by exceljs: computed values, highlighted findings with notes,
 * a findings sheet, text sheets (./text-sheet.ts) and sheets of cells (./cell-sheet.ts), each new sheet named by
 * src/domain/sheet-names.ts, and the mark saying the file is Ziping's output. No file system here: the command
 * line (./write.ts) and the offline web page (src/gateways/browser) both apply plans through it.
 */
import ExcelJS from "exceljs";
import { hyperlinkFormula } from "../../domain/plan";
import { findingsSheetLayout, widestRow } from "../../domain/print";
import { nameNewSheet } from "../../domain/sheet-names";
import type { FindingsSheetPlan, PlannedMark, PlannedValue, Severity, WritePlan } from "../../domain/types";
import { applyCellSheets } from "./cell-sheet";
import { markOutput } from "./marker";
import { applyPrintSetup } from "./print";
import { applyTextSheets } from "./text-sheet";

/** Solid fills by severity: Excel's own "bad", "neutral" and a light blue. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const HEADER_FILL = "FFF2F2F2";
const LINK_COLOR = "FF0563C1";

/** The scored copy: the plan applied to `workbook`, marked as Ziping's scored copy. */
export function scoreWorkbook(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  markOutput(workbook, "scored-copy");
  for (const planned of plan.values) applyValue(workbook, planned);
  applyMarks(workbook, plan.marks);
  addPlanSheets(workbook, plan);
}

/** The sheets a plan adds (校验结果, text and cell sheets), named apart from the workbook's own. */
export function addPlanSheets(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  if (plan.findingsSheet.header.length > 0 || plan.findingsSheet.rows.length > 0) {
    addFindingsSheet(workbook, plan.findingsSheet);
  }
  if (plan.sheets?.length) applyTextSheets(workbook, plan.sheets);
  if (plan.cellSheets?.length) applyCellSheets(workbook, plan.cellSheets);
}

function worksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`Write plan names a sheet the workbook does not have: ${name}`);
  return ws;
}

/** The cell that shows a merged area is its top-left master; writing elsewhere in the area shows nothing. */
function targetCell(workbook: ExcelJS.Workbook, sheet: string, address: string): ExcelJS.Cell {
  return worksheet(workbook, sheet).getCell(address).master;
}

/**
 * exceljs shares one style object among all cells read with the same style id (and among merged cells):
 * assigning `cell.fill = …` would recolour every one of them. Always give the cell its own copy.
 */
function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}

function applyValue(workbook: ExcelJS.Workbook, planned: PlannedValue): void {
  const ws = worksheet(workbook, planned.sheet);
  const cell = ws.getCell(planned.cell).master;
  detachSharedFormulaClones(ws, cell);
  // A plain string stays text in exceljs even when it starts with "=", "+", "-" or "@": it is written as a
  // shared string, never as <f>. Only { formula } values become formulas.
  cell.value = planned.value;
  if (planned.numFmt) restyle(cell, { numFmt: planned.numFmt });
  if (planned.note) appendNote(cell, planned.note);
}

type FormulaModel = { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue; shareType?: string };

/**
 * Overwriting the master of a shared formula leaves its clones pointing at nothing, and exceljs then refuses
 * to write ("Shared Formula master must exist above and or left of clone"): give the clones their own formula first.
 */
function detachSharedFormulaClones(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  if (master.type !== ExcelJS.ValueType.Formula || (master.value as FormulaModel).shareType !== "shared") return;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as FormulaModel | null;
      if (cell.type === ExcelJS.ValueType.Formula && value?.sharedFormula === master.address) {
        cell.value = { formula: cell.formula, result: value.result } as ExcelJS.CellFormulaValue;
      }
    }),
  );
}

function applyMarks(workbook: ExcelJS.Workbook, marks: readonly PlannedMark[]): void {
  // Several findings may point at one cell: one fill (the most severe) and one note listing them all.
  const byCell = new Map<ExcelJS.Cell, { severity: Severity; notes: string[] }>();
  for (const mark of marks) {
    const cell = targetCell(workbook, mark.sheet, mark.cell);
    const entry = byCell.get(cell);
    if (!entry) {
      byCell.set(cell, { severity: mark.severity, notes: [mark.note] });
      continue;
    }
    if (SEVERITY_RANK[mark.severity] > SEVERITY_RANK[entry.severity]) entry.severity = mark.severity;
    if (!entry.notes.includes(mark.note)) entry.notes.push(mark.note);
  }
  for (const [cell, { severity, notes }] of byCell) {
    restyle(cell, { fill: solidFill(SEVERITY_FILL[severity]) });
    const text = notes.filter((n) => n.trim() !== "").join("\n");
    if (text) appendNote(cell, text);
  }
}

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

/** Adds text to a cell's note, keeping a note the officer already wrote (and its formatting). */
function appendNote(cell: ExcelJS.Cell, text: string): void {
  const existing = cell.note as string | ExcelJS.Comment | undefined;
  if (existing === undefined || existing === null || existing === "") {
    cell.note = text;
  } else if (typeof existing === "string") {
    cell.note = `${existing}\n\n${text}`;
  } else {
    cell.note = { ...existing, texts: [...(existing.texts ?? []), { text: `\n\n${text}` }] };
  }
}

function addFindingsSheet(workbook: ExcelJS.Workbook, plan: FindingsSheetPlan): void {
  const { name } = nameNewSheet(
    plan.name,
    workbook.worksheets.map((ws) => ws.name),
  );
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  const columnCount = Math.max(plan.header.length, widestRow(plan.rows.map((r) => r.cells)), 1);
  const layout = findingsSheetLayout(plan);

  plan.header.forEach((text, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.value = text;
    cell.style = { font: { bold: true }, fill: solidFill(HEADER_FILL), alignment: { vertical: "top", wrapText: true } };
  });

  plan.rows.forEach((row, r) => {
    const rowNumber = r + 2;
    const fill = row.severity ? solidFill(SEVERITY_FILL[row.severity]) : undefined;
    const linkColumn = row.link ? linkColumnOf(row.cells, row.link) : -1;
    for (let c = 0; c < columnCount; c++) {
      const cell = ws.getCell(rowNumber, c + 1);
      const v = row.cells[c];
      const style: Partial<ExcelJS.Style> = { alignment: { vertical: "top", wrapText: true } };
      if (fill) style.fill = fill;
      if (v !== undefined) {
        // Text is text here too: a finding quoting "=SUM(…)" must not become a formula.
        cell.value = v;
        if (c === linkColumn && row.link) {
          // A formula, not an exceljs hyperlink: exceljs 4.4 writes a `#Sheet!A1` hyperlink both as an external
          // relationship and as a location, which Excel opens as "#Sheet!A1##Sheet!A1" (exceljs issue #3027).
          const formula = hyperlinkFormula(row.link.sheet, row.link.cell, v);
          if (formula) {
            cell.value = { formula, result: v } as ExcelJS.CellFormulaValue;
            style.font = { color: { argb: LINK_COLOR }, underline: true };
          }
        }
      }
      cell.style = style;
    }
  });

  layout.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [r, height] of layout.heights) ws.getRow(r + 1).height = height;
  applyPrintSetup(ws, layout.print);
  const lastRow = Math.max(1, plan.rows.length + 1);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: columnCount } };
}

/** The column that shows the linked address ("C7" or "Sheet!C7"), else the first. */
function linkColumnOf(cells: ReadonlyArray<string | number>, link: { sheet: string; cell: string }): number {
  const i = cells.findIndex((v) => v === link.cell || v === `${link.sheet}!${link.cell}`);
  return i >= 0 ? i : 0;
}
