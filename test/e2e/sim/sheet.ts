/**
 * A new sheet of the simulation's workbook. Apart from ./excel-sim.ts so that code in plain Node (the fixtures'
 * workbooks, bench/pane.ts) can make one without loading the simulation and office-addin-mock.
 */
import type { SimCell, SimSheet } from "./excel-sim";

/** A visible, unprotected sheet holding `cells` (none by default), as Excel adds one. */
export function simSheet(name: string, cells: Record<string, SimCell> = {}, merges: string[] = []): SimSheet {
  return { name, cells, merges, protected: false, visibility: "Visible", notes: {}, frozenRows: 0, columnWidths: {} };
}
