/**
 * "撤销写入" and "清除标记": put back what the add-in changed, from the before-image in the workbook.
 * Three syncs each: the undo index with every sheet's name and protection; the stored images with the
 * notes now present; then all restores in one batch. A protected sheet stops both before anything changes.
 */
/* global Excel */
import { splitCellKey } from "./addresses";
import { sheetProtectedError } from "./errors";
import { toExcelInput } from "./excel-input";
import { supportsExcelApi } from "./host";
import type { UndoSummary } from "./types";
import {
  decodeGenerations,
  META_KEY,
  oldestImages,
  parseUndoMeta,
  readUndoMetaItem,
  writeUndoMeta,
  type CellImage,
  type UndoMeta,
} from "./undo-store";

interface Loaded {
  meta: UndoMeta;
  images: Map<string, CellImage>;
  /** Notes present now on the cells whose note the add-in wrote (null object when gone). */
  notes: Map<string, Excel.Note>;
  sheets: Map<string, boolean>;
  storeExists: boolean;
}

async function load(context: Excel.RequestContext): Promise<Loaded | null> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const metaItem = readUndoMetaItem(context);
  await context.sync();
  const meta = parseUndoMeta(metaItem);
  if (!meta) return null;
  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws.protection.protected]));
  const storeExists = sheets.has(meta.storeSheet);

  const column = storeExists && meta.rows > 0 ? worksheets.getItem(meta.storeSheet).getRange(`A1:A${meta.rows}`) : null;
  column?.load("values");
  const notes = new Map<string, Excel.Note>();
  if (supportsExcelApi("1.18")) {
    for (const key of meta.noted) {
      const { sheet, cell } = splitCellKey(key);
      if (!sheets.has(sheet)) continue;
      const note = worksheets.getItem(sheet).notes.getItemOrNullObject(cell);
      note.load("content");
      notes.set(key, note);
    }
  }
  if (column || notes.size) await context.sync();
  const images = oldestImages(column ? decodeGenerations(meta, column.values) : []);
  return { meta, images, notes, sheets, storeExists };
}

function refuseIfProtected(loaded: Loaded, keys: Iterable<string>): void {
  const locked = new Set<string>();
  for (const key of keys) {
    const img = loaded.images.get(key);
    if (img && loaded.sheets.get(img.sheet)) locked.add(img.sheet);
  }
  if (locked.size) throw sheetProtectedError([...locked]);
}

function restoreFill(range: Excel.Range, img: CellImage): boolean {
  if (!img.fill) return false;
  if (img.fill.color === null) range.format.fill.clear();
  else range.format.fill.color = img.fill.color;
  return true;
}

function restoreNote(context: Excel.RequestContext, loaded: Loaded, key: string, img: CellImage): boolean {
  const now = loaded.notes.get(key);
  if (!img.note || !now) return false;
  const original = img.note.content;
  if (original === null) {
    if (!now.isNullObject) now.delete();
  } else if (now.isNullObject) {
    context.workbook.worksheets.getItem(img.sheet).notes.add(img.cell, original);
  } else {
    now.content = original;
  }
  return true;
}

function restoreValue(range: Excel.Range, img: CellImage): boolean {
  const v = img.value;
  if (!v) return false;
  range.numberFormat = [[v.fmt]];
  if (v.f !== undefined) range.formulas = [[v.f]];
  else if (v.err) range.values = [[String(v.v)]];
  else range.values = [[toExcelInput(v.v, v.fmt)]];
  return true;
}

/** Restores every cell the add-in changed and removes the sheets it added. Returns what it did. */
export async function undoLastWrite(context: Excel.RequestContext): Promise<UndoSummary> {
  const loaded = await load(context);
  if (!loaded) return { restored: 0, removedSheets: [] };
  const { meta, images, sheets } = loaded;
  refuseIfProtected(loaded, images.keys());

  const worksheets = context.workbook.worksheets;
  if (supportsExcelApi("1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
  const marked = new Set(meta.marked);
  const noted = new Set(meta.noted);
  let restored = 0;
  for (const [key, img] of images) {
    if (!sheets.has(img.sheet)) continue;
    const range = worksheets.getItem(img.sheet).getRange(img.cell);
    let touched = restoreValue(range, img);
    if (marked.has(key)) touched = restoreFill(range, img) || touched;
    if (noted.has(key)) touched = restoreNote(context, loaded, key, img) || touched;
    if (touched) restored++;
  }
  const removedSheets = meta.createdSheets.filter((name) => sheets.has(name));
  for (const name of removedSheets) worksheets.getItem(name).delete();
  if (loaded.storeExists) worksheets.getItem(meta.storeSheet).delete();
  context.workbook.settings.getItem(META_KEY).delete();
  await context.sync();
  return { restored, removedSheets };
}

/** Removes the add-in's highlights and notes (values and the findings sheet stay). Returns cells cleared. */
export async function clearMarks(context: Excel.RequestContext): Promise<number> {
  const loaded = await load(context);
  if (!loaded) return 0;
  const { meta, images, sheets } = loaded;
  const keys = [...new Set([...meta.marked, ...meta.noted])];
  refuseIfProtected(loaded, keys);

  const worksheets = context.workbook.worksheets;
  const marked = new Set(meta.marked);
  const noted = new Set(meta.noted);
  let cleared = 0;
  for (const key of keys) {
    const img = images.get(key);
    if (!img || !sheets.has(img.sheet)) continue;
    const range = worksheets.getItem(img.sheet).getRange(img.cell);
    let touched = false;
    if (marked.has(key)) touched = restoreFill(range, img) || touched;
    if (noted.has(key)) touched = restoreNote(context, loaded, key, img) || touched;
    if (touched) cleared++;
  }
  writeUndoMeta(context, { ...meta, marked: [], noted: [] });
  await context.sync();
  return cleared;
}
