/**
 * Applies the engine's write plan to a workbook held by exceljs: computed values, highlighted findings with notes,
 * the sheets the plan adds (drafted by ./draft.ts, each named by src/domain/sheet-names.ts), and the mark saying
 * the file is Ziping's output. No file system here: the command
 * line (./write.ts) and the offline web page (src/gateways/browser) both apply plans through it.
 */
/* global require -- exceljs is loaded where it is used (see detachSharedFormulaClones) */
import type ExcelJS from "exceljs";
import { SEVERITY_RANK } from "../../domain/catalogue";
import type { PlannedMark, PlannedValue, Severity, WritePlan } from "../../domain/types";
import { planSheetDrafts, SEVERITY_FILL } from "./draft";
import { addDraftSheet, solidFill } from "./draft-sheet";
import { markOutput } from "./marker";

export { SEVERITY_FILL } from "./draft";
export { solidFill } from "./draft-sheet";

/** The scored copy: the plan applied to `workbook`, marked as Ziping's scored copy. */
export function scoreWorkbook(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  markOutput(workbook, "scored-copy");
  for (const planned of plan.values) applyValue(workbook, planned);
  applyMarks(workbook, plan.marks);
  addPlanSheets(workbook, plan);
}

/** The sheets a plan adds (校验结果, text and cell sheets), named apart from the workbook's own (./draft.ts). */
export function addPlanSheets(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const d of planSheetDrafts(
    plan,
    workbook.worksheets.map((ws) => ws.name),
  ))
    addDraftSheet(workbook, d);
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
  // From exceljs when a workbook of its own is being scored (it is loaded then), not when this module is: the
  // patched copy, which imports this module's fills, never loads exceljs.
  const { ValueType } = require("exceljs") as typeof import("exceljs");
  if (master.type !== ValueType.Formula || (master.value as FormulaModel).shareType !== "shared") return;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as FormulaModel | null;
      if (cell.type === ValueType.Formula && value?.sharedFormula === master.address) {
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
