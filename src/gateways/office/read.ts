/**
 * Reading the 自评表 out of Excel: find the sheet that holds it from small top-left samples, then read
 * that sheet's used range (values, formulas, number formats, merged areas, protection) in one sync; for the
 * report, the 报告素材 sheet in that same sync.
 * The sheet search costs one sync when the table is on the active, first or last sheet (the usual case)
 * and one more otherwise; the table itself always costs exactly one, whatever its size. The officer's saved
 * correction (版式) is read in the search's first sync, and names the sheet when it names one.
 */
/* global Excel */
import { locateTableSheet, type LayoutOverride } from "../../domain";
import { MapGrid, type Cell, type CellValue, type Grid } from "../../domain/grid";
import { parseAreaList } from "./addresses";
import { readTooLargeError, sheetMissingError } from "./errors";
import { supportsExcelApi } from "./host";
import { parseLayoutItem, readLayoutItem } from "./layout-store";
import type { ReportSources } from "./types";
import { readUndoMetaItem, parseUndoMeta } from "./undo-store";

/** The top-left block sampled from each sheet to recognise the 自评表. */
export const SAMPLE_RANGE = "A1:Z60";

export interface TableRead {
  grid: MapGrid;
  sheet: string;
  protected: boolean;
}

export interface ReadOptions {
  /** Read this sheet without searching. */
  sheet?: string;
}

/** Which sample holds the 自评表: the engine decides (the same rule the command line uses). */
export function pickTableSheet(samples: Grid[]): string | null {
  return locateTableSheet(samples);
}

/** A values-only grid of a sample block that starts at A1. */
export function sampleGrid(name: string, values: unknown[][] | null | undefined): MapGrid {
  const grid = new MapGrid(name);
  (values ?? []).forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      grid.set(r + 1, c + 1, { value: v as CellValue });
    }),
  );
  return grid;
}

/** The loaded properties of a used range, as office.js returns them. */
export interface RangeData {
  values: unknown[][] | null;
  formulas: unknown[][] | null;
  numberFormat: unknown[][] | null;
  valueTypes: unknown[][] | null;
  rowIndex: number;
  columnIndex: number;
}

/**
 * Builds the engine's grid from a used range. A cell is a formula when `formulas` holds "=…" that differs
 * from its value (a text constant "=x" reads back the same in both). Error values become CellErrors.
 */
export function gridFromRange(
  name: string,
  data: RangeData,
  mergedAddress: string | null,
  isProtected: boolean,
): MapGrid {
  const grid = new MapGrid(name, parseAreaList(mergedAddress));
  grid.protected = isProtected;
  const values = data.values ?? [];
  values.forEach((row, r) =>
    row.forEach((raw, c) => {
      const f = data.formulas?.[r]?.[c];
      const type = data.valueTypes?.[r]?.[c];
      const isFormula = typeof f === "string" && f.startsWith("=") && !(typeof raw === "string" && raw === f);
      if ((raw === "" || raw === null || raw === undefined) && !isFormula) return;
      const value: CellValue =
        type === "Error" ? { error: String(raw) } : raw === "" || raw === undefined ? null : (raw as CellValue);
      const cell: Cell = { value };
      if (isFormula) cell.formula = (f as string).slice(1);
      const fmt = data.numberFormat?.[r]?.[c];
      if (typeof fmt === "string") cell.numFmt = fmt;
      grid.set(data.rowIndex + r + 1, data.columnIndex + c + 1, cell);
    }),
  );
  return grid;
}

/** Excel's "no such sheet" as the officer-facing message; any other error as it was. */
export function explainSyncError(error: unknown, sheet: string): unknown {
  return (error as { code?: string } | null)?.code === "ItemNotFound" ? sheetMissingError(sheet) : error;
}

/** A sheet's used range with its protection and merged areas, queued for loading. */
interface QueuedRead {
  sheet: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

/** Queues the read of one sheet's used range (values only decide its extent); finishRead after the sync. */
function queueSheetRead(context: Excel.RequestContext, sheet: string): QueuedRead {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load("protection/protected");
  const used = ws.getUsedRange(true);
  used.load("values,formulas,numberFormat,valueTypes,rowIndex,columnIndex");
  const merged = supportsExcelApi("1.13") ? used.getMergedAreasOrNullObject() : null;
  merged?.load("address");
  return { sheet, ws, used, merged };
}

/** The grid of a queued read, once synced. */
function finishRead(read: QueuedRead): TableRead {
  const { sheet, ws, used, merged } = read;
  if (!used.values) throw readTooLargeError(sheet);
  const mergedAddress = merged && !merged.isNullObject ? merged.address : null;
  const grid = gridFromRange(sheet, used, mergedAddress, ws.protection.protected);
  // Below ExcelApi 1.13 the host cannot say which cells are merged: the engine then writes nowhere a merge
  // could cover (src/domain/merges-unknown.ts).
  if (!merged) grid.mergesKnown = false;
  return { grid, sheet, protected: ws.protection.protected };
}

/** Reads one sheet's used range (values only decide its extent) in a single sync. */
export async function readSheet(context: Excel.RequestContext, sheet: string): Promise<TableRead> {
  const read = queueSheetRead(context, sheet);
  try {
    await context.sync();
  } catch (e) {
    throw explainSyncError(e, sheet);
  }
  return finishRead(read);
}

/** Where the 自评表 is, every sheet's name, and the correction the reading is to use. */
interface Located {
  sheet: string;
  names: string[];
  layout: LayoutOverride | null;
}

/**
 * Finds the sheet holding the 自评表. First sync: every sheet's name, the add-in's own sheets (from its
 * undo record), the saved correction (unless `given`) and samples of the active, first and last sheets. A
 * correction that names an existing sheet decides; otherwise, only when none of the samples holds the table
 * does a second sync sample the rest. With no table anywhere, the active sheet is returned and the engine
 * reports `layout-unrecognized` on it.
 *
 * `given`: the correction to use instead of the saved one (null: none), as the pane passes right after the
 * officer changed it.
 */
async function locateTable(context: Excel.RequestContext, given?: LayoutOverride | null): Promise<Located> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const metaItem = readUndoMetaItem(context);
  const layoutItem = given === undefined ? readLayoutItem(context) : null;
  const probes = [sheets.getActiveWorksheet(), sheets.getFirst(true), sheets.getLast(true)].map((ws) => {
    ws.load("name");
    const sample = ws.getRange(SAMPLE_RANGE);
    sample.load("values");
    return { ws, sample };
  });
  await context.sync();

  const names = sheets.items.map((ws) => ws.name);
  const own = new Set(parseUndoMeta(metaItem)?.createdSheets ?? []);
  const layout = layoutItem ? parseLayoutItem(layoutItem) : (given ?? null);
  if (layout?.sheet !== undefined && names.includes(layout.sheet) && !own.has(layout.sheet))
    return { sheet: layout.sheet, names, layout };
  const samples = new Map<string, Grid>();
  for (const { ws, sample } of probes) {
    if (!samples.has(ws.name) && !own.has(ws.name)) samples.set(ws.name, sampleGrid(ws.name, sample.values));
  }
  const activeName = probes[0].ws.name;
  const found = pickTableSheet([...samples.values()]);
  if (found) return { sheet: found, names, layout };

  const rest = sheets.items
    .filter((ws) => !samples.has(ws.name) && !own.has(ws.name) && ws.visibility === "Visible")
    .map((ws) => {
      const sample = ws.getRange(SAMPLE_RANGE);
      sample.load("values");
      return { name: ws.name, sample };
    });
  if (rest.length === 0) return { sheet: activeName, names, layout };
  await context.sync();
  const all = [...samples.values(), ...rest.map((r) => sampleGrid(r.name, r.sample.values))];
  return { sheet: pickTableSheet(all) ?? activeName, names, layout };
}

/** The name of the sheet holding the 自评表 (see locateTable). */
export async function findTableSheet(context: Excel.RequestContext): Promise<string> {
  return (await locateTable(context)).sheet;
}

/** The 自评表 as the engine's grid: two syncs in the usual case, whatever the table's size. */
export async function readTable(context: Excel.RequestContext, options: ReadOptions = {}): Promise<TableRead> {
  const sheet = options.sheet ?? (await findTableSheet(context));
  return readSheet(context, sheet);
}

/**
 * What a check reads: the 自评表 and the correction to read it with (the saved one, or `given`; see
 * locateTable). Two syncs in the usual case, the same as readTable.
 */
export async function readTableForCheck(
  context: Excel.RequestContext,
  given?: LayoutOverride | null,
): Promise<TableRead & { layout: LayoutOverride | null }> {
  const { sheet, layout } = await locateTable(context, given);
  return { ...(await readSheet(context, sheet)), layout };
}

/**
 * What the report draft reads: the 自评表 and the sheets `wanted` picks by name (the 报告素材 sheet), all read
 * in one sync after the table was found, and the saved correction: two syncs in the usual case.
 */
export async function readReportSources(
  context: Excel.RequestContext,
  wanted: (sheetName: string) => boolean,
): Promise<ReportSources> {
  const { sheet, names, layout } = await locateTable(context);
  const others = names.filter((n) => n !== sheet && wanted(n));
  const reads = [sheet, ...others].map((name) => queueSheetRead(context, name));
  try {
    await context.sync();
  } catch (e) {
    throw explainSyncError(e, [sheet, ...others].join("、"));
  }
  const sources: ReportSources = { sheets: reads.map((r) => finishRead(r).grid), tableSheet: sheet, sheetNames: names };
  if (layout) sources.layout = layout;
  return sources;
}
