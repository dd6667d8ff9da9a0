/**
 * The reader leaves a sampled sheet's merged areas unread when its first rows cannot hold the table (mayHoldTable):
 * on every workbook the project writes as a fixture the check gives the same result as with every merge read, and
 * no sheet of theirs that mayHoldTable says no of (read in full, merges and all) is one locateTable reads a table in.
 */
import fs from "node:fs";
import path from "node:path";
import { checkWorkbook, locateTable, mayHoldTable } from "../../src/domain";
import { readWorkbookBytes, type WorkbookReadOptions } from "../../src/gateways/xlsx/reader";
import { nativeInflate } from "../../src/gateways/xlsx/read";

const ROOT = path.join(__dirname, "..", "..");
const FILES = ["test/fixtures/workbooks", "test/fixtures/variants", "examples"].flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f)),
);

function checked(bytes: Uint8Array, options: WorkbookReadOptions) {
  const contents = readWorkbookBytes(bytes, {
    inflate: nativeInflate,
    choose: (grids) => locateTable(grids).name,
    ...options,
  })!;
  const { findings, total, budget, sheet } = checkWorkbook(contents.sheets);
  return { findings, total, budget, sheet };
}

describe("a sampled sheet's merges, read or left unread by mayHoldTable", () => {
  it("there are fixtures to compare", () => {
    expect(FILES.length).toBeGreaterThan(60);
  });

  it.each(FILES)("%s: the same check either way", (file) => {
    const bytes = fs.readFileSync(path.join(ROOT, file));
    expect(checked(bytes, { mayHoldTable })).toEqual(checked(bytes, {}));
  });

  // What makes skipping safe, on every sheet of every fixture read in full with its merges: a sheet mayHoldTable
  // says no of is one locateTable finds no table in (merges and all).
  const noes: string[] = [];
  it.each(FILES)("%s: no sheet it says no of holds a table", (file) => {
    const sheets = readWorkbookBytes(fs.readFileSync(path.join(ROOT, file)), {
      inflate: nativeInflate,
      all: true,
    })!.sheets;
    for (const g of sheets.filter((g) => !mayHoldTable(g))) {
      noes.push(`${file} ${g.name}`);
      expect({ sheet: g.name, table: locateTable([g]).name }).toEqual({ sheet: g.name, table: null });
    }
  });

  it("says no of some fixture's sheets (the data sheets beside tables)", () => {
    expect(noes.length).toBeGreaterThan(0);
  });
});
