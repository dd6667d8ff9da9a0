/**
 * Applying an engine write plan to the workbook: computed values with their number formats, highlight
 * fills, notes (ExcelApi 1.18 only), the findings sheet whose rows link to their cells, text sheets
 * such as the Word-ready 自评报告 (./text-sheet.ts) and sheets of cells such as the blank 自评表 and 报告素材
 * (./cell-sheet.ts). Every new sheet is named by src/domain/sheet-names.ts: the add-in's own earlier sheet is
 * replaced, the officer's never.
 *
 * Two syncs, whatever the plan's size: the first reads sheet protection, the before-image of every cell
 * to be touched, existing notes, the sheet names and the undo index; nothing is written when a target
 * sheet is protected. The second queues every write, including the new before-image generation and the
 * list of sheets the add-in created, which 撤销写入 removes.
 */
/* global Excel */
import { SEVERITY_RANK } from "../../domain/catalogue";
import { columnLetters } from "../../domain/grid";
import { findingsSheetLayout, widestRow } from "../../domain/print";
import { nameNewSheets, sameSheetName } from "../../domain/sheet-names";
import type { FindingsSheetPlan, PlannedMark, PlannedValue, Severity, WritePlan } from "../../domain/types";
import { cellKey } from "./addresses";
import { isMergedCellRefusal, mergedCellError, sheetProtectedError } from "./errors";
import { documentReference, needsQuotePrefix, toExcelInput } from "./excel-input";
import { supportsExcelApi } from "./host";
import { explainSyncError } from "./read";
import { queueCellSheet } from "./cell-sheet";
import { queuePrintSetup, queueRowHeights } from "./print";
import { columnWidthPoints, queueTextSheet } from "./text-sheet";
import type { CellSheetWritten, WritePreview, WriteRequest, WriteSummary } from "./types";
import {
  emptyMeta,
  encodeGeneration,
  parseUndoMeta,
  readUndoMetaItem,
  STORE_SHEET,
  union,
  writeUndoMeta,
  type CellImage,
  type FillImage,
  type UndoMeta,
  type ValueImage,
} from "./undo-store";

/** Highlight colours: Excel's own light red / yellow / blue, readable when printed in grey. */
export const MARK_FILLS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** Every cell the plan touches, with what it will do there. */
interface CellWork {
  sheet: string;
  cell: string;
  value?: PlannedValue;
  mark?: PlannedMark;
  notes: string[];
}

function collectWork(plan: WriteRequest, notesOn: boolean): Map<string, CellWork> {
  const work = new Map<string, CellWork>();
  const at = (sheet: string, cell: string): CellWork => {
    const key = cellKey(sheet, cell);
    let w = work.get(key);
    if (!w) work.set(key, (w = { sheet, cell: cell.replace(/\$/g, "").toUpperCase(), notes: [] }));
    return w;
  };
  for (const v of plan.values) {
    const w = at(v.sheet, v.cell);
    w.value = v;
    if (notesOn && v.note) w.notes.push(v.note);
  }
  for (const m of plan.marks) {
    const w = at(m.sheet, m.cell);
    if (!w.mark || SEVERITY_RANK[m.severity] > SEVERITY_RANK[w.mark.severity]) w.mark = m;
    if (notesOn && m.note && !w.notes.includes(m.note)) w.notes.push(m.note);
  }
  return work;
}

function targetSheets(work: Map<string, CellWork>): string[] {
  return [...new Set([...work.values()].map((w) => w.sheet))];
}

function isFormulaText(f: unknown, v: unknown): f is string {
  return typeof f === "string" && f.startsWith("=") && !(typeof v === "string" && v === f);
}

/** The before-image of one cell's content, from a range loaded with values, formulas, numberFormat, valueTypes. */
export function valueImageOf(range: Excel.Range): ValueImage {
  const v = range.values[0][0] as string | number | boolean;
  const f: unknown = range.formulas[0][0];
  const image: ValueImage = { v, fmt: String(range.numberFormat[0][0] ?? "General") };
  if (isFormulaText(f, v)) image.f = f;
  else if (range.valueTypes[0][0] === "Error") image.err = true;
  return image;
}

/** The before-image of a fill. Without ExcelApi 1.9 (no `pattern`) a white fill counts as none. */
export function fillImageOf(range: Excel.Range, hasPattern: boolean): FillImage {
  const color = range.format.fill.color;
  const none = hasPattern ? range.format.fill.pattern === "None" : !color || color.toUpperCase() === "#FFFFFF";
  return { color: none ? null : color };
}

/** Queues the findings sheet: header, rows, hyperlinks to the cells, readable widths. */
function queueFindingsSheet(
  context: Excel.RequestContext,
  name: string,
  replace: boolean,
  plan: FindingsSheetPlan,
): void {
  const sheets = context.workbook.worksheets;
  if (replace) sheets.getItem(name).delete();
  const ws = sheets.add(name);
  const width = Math.max(plan.header.length, widestRow(plan.rows.map((r) => r.cells)), 1);
  const pad = (cells: ReadonlyArray<string | number>): Array<string | number | boolean> =>
    Array.from({ length: width }, (_, i) => toExcelInput(cells[i] ?? ""));
  const matrix = [pad(plan.header), ...plan.rows.map((r) => pad(r.cells))];
  const last = columnLetters(width);
  const all = ws.getRange(`A1:${last}${matrix.length}`);
  all.values = matrix;
  all.format.wrapText = true;
  all.format.verticalAlignment = "Top";
  ws.getRange(`A1:${last}1`).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  const layout = findingsSheetLayout(plan);
  layout.widths.forEach((w, c) => {
    ws.getRange(`${columnLetters(c + 1)}:${columnLetters(c + 1)}`).format.columnWidth = columnWidthPoints(w);
  });
  queueRowHeights(ws, layout.heights);
  queuePrintSetup(ws, layout.print);
  plan.rows.forEach((row, i) => {
    if (!row.link) return;
    const at = row.cells.findIndex((v) => String(v).replace(/\$/g, "").toUpperCase() === row.link!.cell.toUpperCase());
    const col = at >= 0 ? at : 0;
    const target = ws.getRange(`${columnLetters(col + 1)}${i + 2}`);
    const text = String(row.cells[col] ?? "");
    // The cell already holds its text; pass it as the display text only when Excel cannot misread it.
    target.hyperlink =
      needsQuotePrefix(text) || text === ""
        ? { documentReference: documentReference(row.link.sheet, row.link.cell) }
        : { documentReference: documentReference(row.link.sheet, row.link.cell), textToDisplay: text };
  });
}

interface Prepared {
  work: Map<string, CellWork>;
  ranges: Map<string, Excel.Range>;
  notes: Map<string, Excel.Note>;
  sheetNames: Set<string>;
  meta: UndoMeta | null;
  protectedSheets: string[];
}

/** Sync 1 of a write (and all of a preview): protection, before-image, notes, names, undo index. */
async function prepare(
  context: Excel.RequestContext,
  plan: WriteRequest,
  opts: { notesOn: boolean; hasPattern: boolean; withText: boolean },
): Promise<Prepared> {
  const { notesOn, hasPattern } = opts;
  const work = collectWork(plan, notesOn);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const metaItem = readUndoMetaItem(context);
  const protections = targetSheets(work).map((name) => {
    const ws = sheets.getItem(name);
    ws.protection.load("protected");
    return { name, ws };
  });
  const byName = new Map(protections.map((p) => [p.name, p.ws]));
  const ranges = new Map<string, Excel.Range>();
  const notes = new Map<string, Excel.Note>();
  for (const [key, w] of work) {
    const ws = byName.get(w.sheet)!;
    const range = ws.getRange(w.cell);
    // Literal property lists, one load per need: only what the before-image and the preview read.
    if (w.value && opts.withText) range.load("text,values,formulas,numberFormat,valueTypes");
    else if (w.value) range.load("values,formulas,numberFormat,valueTypes");
    if (w.mark && hasPattern) range.load("format/fill/color,format/fill/pattern");
    else if (w.mark) range.load("format/fill/color");
    ranges.set(key, range);
    if (w.notes.length) {
      const note = ws.notes.getItemOrNullObject(w.cell);
      note.load("content");
      notes.set(key, note);
    }
  }
  try {
    await context.sync();
  } catch (e) {
    throw explainSyncError(e, protections.map((p) => p.name).join("、"));
  }
  return {
    work,
    ranges,
    notes,
    sheetNames: new Set(sheets.items.map((s) => s.name)),
    meta: parseUndoMeta(metaItem),
    protectedSheets: protections.filter((p) => p.ws.protection.protected).map((p) => p.name),
  };
}

/** What a write would change, for the officer to confirm: one sync, nothing written. */
export async function previewPlan(context: Excel.RequestContext, plan: WritePlan): Promise<WritePreview> {
  const notesOn = supportsExcelApi("1.18");
  const prep = await prepare(context, plan, { notesOn: false, hasPattern: false, withText: true });
  const changes = plan.values.map((v) => ({
    sheet: v.sheet,
    cell: v.cell,
    before: String(prep.ranges.get(cellKey(v.sheet, v.cell))?.text[0][0] ?? ""),
    after: String(v.value),
    figure: v.figure,
  }));
  const marked = new Set(plan.marks.map((m) => cellKey(m.sheet, m.cell)));
  return {
    changes,
    marks: marked.size,
    findingsSheet: plan.findingsSheet.name,
    // Rows with a severity are findings; the rest are the computations listed under them.
    findingsRows: plan.findingsSheet.rows.filter((r) => r.severity !== undefined).length,
    notesSupported: notesOn,
    protectedSheets: prep.protectedSheets,
  };
}

/**
 * The undo index after this write, before its new generation is appended. A store sheet that vanished
 * (or an index that was lost) starts afresh; the list of the add-in's sheets and marks carries over.
 */
function nextMeta(prep: Prepared, createdSheets: string[], notedKeys: string[], officers: string[]): UndoMeta {
  const old = prep.meta;
  const storeKept = old !== null && prep.sheetNames.has(old.storeSheet);
  const base: UndoMeta = storeKept
    ? { ...old }
    : {
        ...emptyMeta(prep.sheetNames.has(STORE_SHEET) ? `${STORE_SHEET}-${Date.now()}` : STORE_SHEET),
        ...(old ? { createdSheets: old.createdSheets, marked: old.marked, noted: old.noted } : {}),
      };
  const markedKeys = [...prep.work].filter(([, w]) => w.mark).map(([k]) => k);
  return {
    ...base,
    // A sheet now the officer's (a blank 自评表 under a name the add-in once used) is not the add-in's to remove.
    createdSheets: union(base.createdSheets, createdSheets).filter((n) => !officers.some((o) => sameSheetName(n, o))),
    marked: union(base.marked, markedKeys),
    noted: union(base.noted, notedKeys),
  };
}

/**
 * Writes the plan. Throws (in both languages) before writing anything when a target sheet is protected, and
 * when Excel refuses a value in part of a merged area (which it cannot report below ExcelApi 1.13): the
 * batch stops there, after the before-image, so what was written can be undone.
 * A cell that already carries someone else's note keeps it: the findings sheet explains that cell.
 * A plan of text sheets alone (the 自评报告) reads names and the undo index, then writes: two syncs.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WriteRequest): Promise<WriteSummary> {
  const notesOn = supportsExcelApi("1.18");
  const hasPattern = supportsExcelApi("1.9");
  const prep = await prepare(context, plan, { notesOn, hasPattern, withText: false });
  if (prep.protectedSheets.length) throw sheetProtectedError(prep.protectedSheets);
  // One naming for every new sheet: the add-in's own earlier sheet is replaced, the officer's never.
  const cellPlans = plan.cellSheets ?? [];
  const planned = [
    ...(plan.findingsSheet ? [plan.findingsSheet] : []),
    ...(plan.sheets ?? []),
    ...cellPlans.map((c) => ({ name: c.name, numbered: c.whenTaken === "number", replaces: c.owner === "ziping" })),
  ];
  const names = nameNewSheets(planned, prep.sheetNames, prep.meta?.createdSheets ?? []);
  const findings = plan.findingsSheet ? names[0]! : null;
  const textStart = findings ? 1 : 0;
  const textSheets = (plan.sheets ?? []).map((sheet, i) => ({ ...names[textStart + i]!, plan: sheet }));
  const cellStart = textStart + textSheets.length;
  const cellSheets = cellPlans.map((sheet, i) => ({ picked: names[cellStart + i], plan: sheet }));
  const cellsWritten: CellSheetWritten[] = cellSheets.map(({ picked, plan: sheet }) => ({
    wanted: sheet.name,
    name: picked?.name ?? null,
    replaced: picked?.replace ?? false,
    rows: picked ? sheet.rows.length : 0,
  }));
  const summaryOf = (values: number, marks: number, notes: number): WriteSummary => ({
    values,
    marks,
    notes,
    findingsSheet: findings?.name ?? null,
    textSheets: textSheets.map((t) => ({ name: t.name, replaced: t.replace, rows: t.plan.rows.length })),
    ...(plan.cellSheets ? { cellSheets: cellsWritten } : {}),
  });
  // Nothing to write (a 报告素材 the officer already has): one sync, nothing changed.
  if (prep.work.size === 0 && !findings && textSheets.length === 0 && cellSheets.every((c) => !c.picked))
    return summaryOf(0, 0, 0);

  // The before-image of this write: one generation of the undo store.
  const oursNoted = new Set(prep.meta?.noted ?? []);
  const images: CellImage[] = [];
  const notesToWrite: Array<{ key: string; w: CellWork; note: Excel.Note }> = [];
  for (const [key, w] of prep.work) {
    const range = prep.ranges.get(key)!;
    const image: CellImage = { sheet: w.sheet, cell: w.cell };
    if (w.value) image.value = valueImageOf(range);
    if (w.mark) image.fill = fillImageOf(range, hasPattern);
    const note = prep.notes.get(key);
    if (note && w.notes.length) {
      const foreign = !note.isNullObject && !oursNoted.has(key);
      if (!foreign) {
        image.note = { content: note.isNullObject ? null : note.content };
        notesToWrite.push({ key, w, note });
      }
    }
    images.push(image);
  }

  // Sync 2: every write in one batch. The before-image and its index go first: Excel runs a batch in
  // order and stops at a failing step, so whatever did get written can always be undone.
  if (supportsExcelApi("1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
  const sheets = context.workbook.worksheets;
  const written = cellSheets.filter((c) => c.picked);
  const meta = nextMeta(
    prep,
    [
      ...(findings ? [findings.name] : []),
      ...textSheets.map((t) => t.name),
      ...written.filter((c) => c.plan.owner === "ziping").map((c) => c.picked!.name),
    ],
    notesToWrite.map((n) => n.key),
    written.filter((c) => c.plan.owner === "officer").map((c) => c.picked!.name),
  );
  if (images.length > 0) {
    const chunks = encodeGeneration({ at: new Date().toISOString(), images });
    const first = meta.rows + 1;
    let store: Excel.Worksheet;
    if (prep.meta && meta.storeSheet === prep.meta.storeSheet && prep.sheetNames.has(meta.storeSheet)) {
      store = sheets.getItem(meta.storeSheet);
    } else {
      store = sheets.add(meta.storeSheet);
      store.visibility = "VeryHidden";
    }
    const storeRange = store.getRange(`A${first}:A${first + chunks.length - 1}`);
    storeRange.numberFormat = chunks.map(() => ["@"]);
    storeRange.values = chunks.map((c) => [c]);
    writeUndoMeta(context, {
      ...meta,
      rows: meta.rows + chunks.length,
      generations: [...meta.generations, { first, count: chunks.length }],
    });
  } else if (prep.meta || meta.createdSheets.length > 0) {
    // Nothing of the officer's is overwritten (a plan of new sheets only): no generation, only the list of
    // sheets the add-in added, so that 撤销写入 removes them. Sheets made for the officer are not listed.
    writeUndoMeta(context, meta);
  }

  let values = 0;
  let marks = 0;
  for (const [key, w] of prep.work) {
    const range = sheets.getItem(w.sheet).getRange(w.cell);
    if (w.value) {
      const fmt = w.value.numFmt ?? String(prep.ranges.get(key)!.numberFormat[0][0] ?? "General");
      if (w.value.numFmt) range.numberFormat = [[w.value.numFmt]];
      range.values = [[toExcelInput(w.value.value, fmt)]];
      values++;
    }
    if (w.mark) {
      range.format.fill.color = MARK_FILLS[w.mark.severity];
      marks++;
    }
  }
  for (const { w, note } of notesToWrite) {
    const content = w.notes.join("\n");
    if (note.isNullObject) sheets.getItem(w.sheet).notes.add(w.cell, content);
    else note.content = content;
  }
  if (findings && plan.findingsSheet) queueFindingsSheet(context, findings.name, findings.replace, plan.findingsSheet);
  textSheets.forEach((t, i) => {
    const ws = queueTextSheet(context, t.name, t.replace, t.plan);
    // The officer asked for the text (the report): show it.
    if (i === 0) ws.activate();
  });
  for (const { picked, plan: sheet } of written) queueCellSheet(context, picked!.name, picked!.replace, sheet);
  try {
    await context.sync();
  } catch (e) {
    throw isMergedCellRefusal(e) ? mergedCellError(e) : e;
  }
  return summaryOf(values, marks, notesToWrite.length);
}
