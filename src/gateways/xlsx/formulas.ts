/**
 * Formulas the file holds no result for. Excel stores each formula's result when it saves; a workbook written by a
 * program (a generator, a script, some exports) often carries formulas without one. Read as they are, the 总分 would
 * be "未填写" and the 年度资金总额 empty, blaming the officer for figures they never typed, where Excel, WPS and
 * LibreOffice compute them from the same file on opening. Such formulas are computed here, over the workbook's own
 * grids, with fast-formula-parser (MIT: an Excel formula grammar and 280 functions, which this project should not
 * write again). A formula it cannot compute (an unknown function, another workbook, a cycle) keeps no value and is
 * listed on its grid as uncalculated, for the engine to say so instead of calling the cell empty.
 */
/* global require -- Node code: the shared lint config assumes a browser. */
/// <reference path="./fast-formula-parser.d.ts" />
import type FormulaParserClass from "fast-formula-parser";
import { parseA1, toA1, type CellValue, type MapGrid } from "../../domain/grid";

type ParserValue = number | string | boolean | null | { _error: string };

interface Ref {
  sheet?: string;
  row: number;
  col: number;
}

/** A formula that cannot be computed here. */
class NotComputable extends Error {}

/**
 * Computes the formula cells `missing` lists (those that hold no cached result, or a cached 0 the file asks to be
 * recalculated, by grid), in place: the cell gets the
 * value and its grid's `calculated` lists it; one that cannot be computed is listed in `uncalculated` and keeps null.
 * A formula may refer to any of `grids`.
 */
export function calculateMissingResults(
  grids: readonly MapGrid[],
  missing: ReadonlyMap<MapGrid, ReadonlyArray<{ row: number; col: number }>>,
): void {
  // The usual case: Excel saved the file and every formula has its result.
  if (missing.size === 0) return;
  const pending = new Map<MapGrid, Set<string>>(
    [...missing].map(([grid, cells]) => [grid, new Set(cells.map((c) => toA1(c.row, c.col)))]),
  );

  const byName = new Map(grids.map((g) => [g.name.toLowerCase(), g]));
  const busy = new Set<string>();
  const failed = new Set<string>();
  const gridOf = (sheet: string | undefined, from: MapGrid): MapGrid => {
    const g = sheet === undefined ? from : byName.get(sheet.toLowerCase());
    if (!g) throw new NotComputable(`no sheet ${sheet}`);
    return g;
  };
  let current: MapGrid = grids[0];

  // A formula over a cell that could not be computed cannot be computed either (its blank is no 0).
  const valueAt = (grid: MapGrid, row: number, col: number): ParserValue => {
    const a1 = toA1(row, col);
    if (pending.get(grid)?.has(a1)) evaluate(grid, row, col);
    if (failed.has(`${grid.name}!${a1}`)) throw new NotComputable(`${grid.name}!${a1} has no value`);
    return toParser(grid.cell(row, col)?.value ?? null);
  };

  // Loaded here, when a file needs it: the library takes about 115 ms to load, which every start would pay otherwise.
  const FormulaParser = require("fast-formula-parser") as typeof FormulaParserClass;
  const parser = new FormulaParser({
    onCell: (ref: Ref) => valueAt(gridOf(ref.sheet, current), ref.row, ref.col),
    onRange: (ref: { sheet?: string; from: Ref; to: Ref }) => {
      const grid = gridOf(ref.sheet, current);
      // A:A reaches row 1,048,576: only the rows and columns the sheet uses are read.
      const bottom = Math.min(ref.to.row, grid.rowCount);
      const right = Math.min(ref.to.col, grid.colCount);
      const rows: ParserValue[][] = [];
      for (let r = ref.from.row; r <= bottom; r++) {
        const line: ParserValue[] = [];
        for (let c = ref.from.col; c <= right; c++) line.push(valueAt(grid, r, c));
        rows.push(line);
      }
      return rows;
    },
  });

  function evaluate(grid: MapGrid, row: number, col: number): void {
    const a1 = toA1(row, col);
    const key = `${grid.name}!${a1}`;
    if (busy.has(key)) throw new NotComputable(`cycle at ${key}`);
    const cell = grid.cell(row, col)!;
    busy.add(key);
    const outer = current;
    current = grid;
    try {
      cell.value = fromParser(parser.parse(cell.formula!, { sheet: grid.name, row, col }));
      (grid.calculated ??= []).push(a1);
    } catch {
      // A cached 0 under fullCalcOnLoad is no result either: the cell holds none.
      cell.value = null;
      (grid.uncalculated ??= []).push(a1);
      failed.add(key);
    } finally {
      busy.delete(key);
      current = outer;
      pending.get(grid)!.delete(a1);
    }
  }

  for (const [grid, cells] of pending)
    for (const a1 of [...cells]) {
      if (!cells.has(a1)) continue;
      const { row, col } = parseA1(a1);
      evaluate(grid, row, col);
    }
}

function toParser(v: CellValue): ParserValue {
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) throw new NotComputable("a date in a formula");
  return { _error: v.error };
}

function fromParser(result: unknown): CellValue {
  if (typeof result === "number") {
    if (!Number.isFinite(result)) return { error: "#NUM!" };
    return result;
  }
  if (typeof result === "string" || typeof result === "boolean") return result;
  if (result === null || result === undefined) return 0; // =A1 over an empty cell shows 0 in Excel
  const error = (result as { _error?: unknown })._error;
  // #NAME? is a function the parser does not know: not a result Excel would give.
  if (typeof error === "string" && error !== "#NAME?") return { error };
  throw new NotComputable(`no value: ${String(error ?? result)}`);
}
