/**
 * The before-image the add-in keeps of every cell it changes, so "撤销写入" can put values, formulas,
 * formats, fills and notes back exactly, even after the pane was closed.
 *
 * Where it lives: each write appends one "generation" (JSON) to a very hidden worksheet, one chunk of at
 * most CHUNK characters per cell of column A; a small index (which rows, which sheets and cells are ours)
 * sits in the workbook settings, which are size-limited but readable in the same sync as everything else.
 * Writing never reads the old generations: undo takes, for each cell, the oldest image, which is the
 * state before the add-in first touched it. That is why writing the same plan twice changes nothing more.
 */
/* global Excel */
import { cellKey } from "./addresses";

export const META_KEY = "ziping.undo";
export const STORE_SHEET = "ZipingUndo";
/** Characters per store cell: below Excel's 32,767 limit for a cell's text. */
export const CHUNK = 30000;
/** Every chunk starts with this letter, so Excel never reads a chunk as a number, formula or error. */
const CHUNK_TAG = "j";

export interface ValueImage {
  /** The constant (or a formula's cached result), as office.js returned it. */
  v: string | number | boolean;
  /** The formula with its "=", when the cell held one. */
  f?: string;
  /** True for an error constant such as #N/A typed into the cell. */
  err?: boolean;
  fmt: string;
}

export interface FillImage {
  /** null: the cell had no fill. */
  color: string | null;
}

export interface NoteImage {
  /** null: the cell had no note. */
  content: string | null;
}

export interface CellImage {
  sheet: string;
  cell: string;
  value?: ValueImage;
  fill?: FillImage;
  note?: NoteImage;
}

export interface Generation {
  at: string;
  images: CellImage[];
}

export interface UndoMeta {
  v: 1;
  storeSheet: string;
  /** Rows of the store sheet in use (column A). */
  rows: number;
  generations: Array<{ first: number; count: number }>;
  /** Sheets the add-in created (its findings sheets); undo removes them. */
  createdSheets: string[];
  /** Cells that carry the add-in's highlight, and cells whose note the add-in wrote (cellKey form). */
  marked: string[];
  noted: string[];
}

export function emptyMeta(storeSheet: string = STORE_SHEET): UndoMeta {
  return { v: 1, storeSheet, rows: 0, generations: [], createdSheets: [], marked: [], noted: [] };
}

/** Queues the read of the index; pass the result to parseUndoMeta after the sync. */
export function readUndoMetaItem(context: Excel.RequestContext): Excel.Setting {
  const item = context.workbook.settings.getItemOrNullObject(META_KEY);
  item.load("value");
  return item;
}

export function parseUndoMeta(item: Excel.Setting): UndoMeta | null {
  if (item.isNullObject) return null;
  try {
    const raw: unknown = typeof item.value === "string" ? JSON.parse(item.value) : item.value;
    const meta = raw as Partial<UndoMeta> | null;
    if (!meta || meta.v !== 1 || typeof meta.storeSheet !== "string") return null;
    return {
      ...emptyMeta(meta.storeSheet),
      ...meta,
    } as UndoMeta;
  } catch {
    return null;
  }
}

export function writeUndoMeta(context: Excel.RequestContext, meta: UndoMeta): void {
  context.workbook.settings.add(META_KEY, JSON.stringify(meta));
}

/** One generation as store-sheet cells (column A, one chunk per row). */
export function encodeGeneration(gen: Generation): string[] {
  const json = JSON.stringify(gen);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(CHUNK_TAG + json.slice(i, i + CHUNK));
  return chunks.length ? chunks : [CHUNK_TAG];
}

/** The generations back from the store's column A, oldest first; damaged ones are skipped. */
export function decodeGenerations(meta: UndoMeta, column: unknown[][]): Generation[] {
  const out: Generation[] = [];
  for (const g of meta.generations) {
    const text = column
      .slice(g.first - 1, g.first - 1 + g.count)
      .map((row) => String(row[0] ?? "").slice(CHUNK_TAG.length))
      .join("");
    try {
      const gen = JSON.parse(text) as Generation;
      if (Array.isArray(gen.images)) out.push(gen);
    } catch {
      // A damaged generation cannot be restored; the others still can.
    }
  }
  return out;
}

/** For each cell and each part (value, fill, note), the oldest image: the state before the add-in came. */
export function oldestImages(generations: Generation[]): Map<string, CellImage> {
  const merged = new Map<string, CellImage>();
  for (const gen of generations) {
    for (const img of gen.images) {
      const key = cellKey(img.sheet, img.cell);
      const have = merged.get(key) ?? { sheet: img.sheet, cell: img.cell };
      if (img.value && !have.value) have.value = img.value;
      if (img.fill && !have.fill) have.fill = img.fill;
      if (img.note && !have.note) have.note = img.note;
      merged.set(key, have);
    }
  }
  return merged;
}

export function union(a: readonly string[], b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])];
}
