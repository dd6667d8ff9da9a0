/**
 * Workbooks for the in-page Excel simulation, as JSON: a fixture .xlsx read in Node through the xlsx
 * gateway (values, cached formula results, number formats, merges, protection), or a generated table.
 */
import { readWorkbookFile } from "../../../src/gateways/xlsx/read";
import { isCellError, toA1, type CellValue, type MapGrid } from "../../../src/domain/grid";
import { rangeToA1 } from "../../../src/domain/grid";
import { centralTableRows, ORIGIN, FIRST_INDICATOR_ROW } from "../../helpers/office-tables";
import type { FakeCell } from "../../helpers/office-excel";
import type { SimCell, SimSheet, SimWorkbook } from "./excel-sim";
import { simSheet } from "./sheet";

/** Days from Excel's epoch (1899-12-30, with its 1900 leap-year bug folded in) to a date. */
function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

function simValue(v: CellValue): Pick<SimCell, "v" | "err"> {
  if (v === null) return { v: "" };
  if (v instanceof Date) return { v: excelSerial(v) };
  if (isCellError(v)) return { v: v.error, err: true };
  return { v };
}

export function simSheetFromGrid(grid: MapGrid): SimSheet {
  const cells: Record<string, SimCell> = {};
  for (const { row, col, cell } of grid.entries()) {
    const c: SimCell = simValue(cell.value);
    if (cell.formula !== undefined) c.f = `=${cell.formula}`;
    if (cell.numFmt && cell.numFmt !== "General") c.fmt = cell.numFmt;
    cells[toA1(row, col)] = c;
  }
  return {
    name: grid.name,
    cells,
    merges: grid.merges.map(rangeToA1),
    protected: grid.protected === true,
    visibility: "Visible",
    notes: {},
    frozenRows: 0,
    columnWidths: {},
  };
}

export interface FixtureOptions {
  /** Protect these sheets (as a government template often arrives). */
  protect?: string[];
  /** Make this sheet the active one; by default the first. */
  active?: string;
}

export async function simWorkbookFromFile(path: string, options: FixtureOptions = {}): Promise<SimWorkbook> {
  const { sheets } = await readWorkbookFile(path);
  const simSheets = sheets.map(simSheetFromGrid);
  for (const s of simSheets) if (options.protect?.includes(s.name)) s.protected = true;
  return { sheets: simSheets, active: options.active ?? simSheets[0].name, selection: null, settings: {} };
}

/**
 * A central-layout table of `n` indicators with long Chinese names (test/helpers/office-tables.ts), each
 * one wrong: a third score above their weight, a third fall short of their target yet keep full marks and
 * give no reason (errors with arithmetic, and warnings), the rest fall short a little less. Hundreds of
 * findings of every kind, for the narrow-pane screenshots and the long-list check.
 */
export function manyFindingsWorkbook(n: number, sheetName = "附件1 自评表"): SimWorkbook {
  const cells: Record<string, SimCell> = {};
  centralTableRows(n).forEach((row, r) =>
    row.forEach((raw, c) => {
      if (raw === undefined || raw === "") return;
      const cell: Partial<FakeCell> = typeof raw === "object" ? raw : { value: raw };
      const at = toA1(ORIGIN.row + r, ORIGIN.col + c);
      const sim: SimCell = { v: cell.value ?? "" };
      if (cell.formula !== undefined) sim.f = `=${cell.formula}`;
      if (cell.numFmt) sim.fmt = cell.numFmt;
      cells[at] = sim;
    }),
  );
  // Columns: G actual value, H weight, I score (see centralTableRows).
  for (let i = 0; i < n; i++) {
    const row = FIRST_INDICATOR_ROW + i;
    const weight = Number(cells[`H${row}`].v);
    if (i % 3 === 0) cells[`I${row}`] = { v: Math.round((weight + 1) * 100) / 100, fmt: "0.00" };
    else {
      const short = i % 3 === 1;
      cells[`G${row}`] = i % 2 ? { v: short ? 0.9 : 0.95, fmt: "0.00%" } : { v: short ? "40个" : "45个" };
    }
  }
  const last = FIRST_INDICATOR_ROW + n - 1;
  const sheet = simSheet(sheetName, cells, ["B2:J2", "B3:J3", "C4:J4", "B6:B10", "B11:B12", `B13:B${last}`]);
  return { sheets: [sheet], active: sheetName, selection: null, settings: {} };
}
