/**
 * The check path's reader against the exceljs reading it replaced (test/helpers/exceljs-grid.ts), on every workbook
 * the project writes as a fixture and on the bundled sample: the same sheets in the same order, visibility,
 * protection, merged areas, and every cell's value, formula and number format.
 */
import fs from "node:fs";
import path from "node:path";
import type { CellRange, MapGrid } from "../../src/domain/grid";
import { readWorkbookBytes } from "../../src/gateways/xlsx/reader";
import { exceljsGrids } from "../helpers/exceljs-grid";

const ROOT = path.join(__dirname, "..", "..");
const FILES = ["test/fixtures/workbooks", "test/fixtures/variants", "examples"].flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f)),
);

function describeGrid(g: MapGrid) {
  const key = (m: CellRange) => `${m.top},${m.left},${m.bottom},${m.right}`;
  return {
    name: g.name,
    hidden: g.hidden === true,
    protected: g.protected === true,
    merges: g.merges.map(key).sort(),
    cells: [...g.entries()].map(({ row, col, cell }) => ({ row, col, ...cell })),
  };
}

it("finds the fixtures (the list is not empty)", () => {
  expect(FILES.length).toBeGreaterThan(60);
});

it.each(FILES)("%s reads as exceljs read it", async (file) => {
  const bytes = fs.readFileSync(path.join(ROOT, file));
  const mine = readWorkbookBytes(bytes, { all: true })!.sheets.map(describeGrid);
  const theirs = (await exceljsGrids(bytes)).map(describeGrid);
  expect(mine).toEqual(theirs);
});
