/**
 * Property: every golden workbook, however an officer or a tool damages it (cells blanked, text typed over
 * numbers, rows and columns inserted and deleted, merges added, labels misspelt, numbers as text, full-width
 * digits, #DIV/0! and #REF!), is checked without an exception; every finding names one cell inside its sheet;
 * every figure is finite or null; the plan writes only computed cells that no input shares (as the engine reads
 * the table: plan-through-gateway.property.test.ts judges them by the generator's geometry); and checking the
 * written sheets plans nothing new and moves no figure.
 *
 * Cases per run: 6,000 here (4,800 on the table sheet, 1,200 on the whole workbook), 4,600 in
 * generated-grids.property.test.ts: 10,600 in all. FC_SEED=<n> replays a run.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { checkWorkbook, type MapGrid } from "../../src/domain";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { caseViolations, mutateGrid, mutationArb, type Mutation } from "../helpers/mutate";
import { seed } from "../helpers/seed";

const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");

interface Book {
  name: string;
  sheets: MapGrid[];
  /** Index of the sheet the engine reads as the 自评表 (0 when none). */
  table: number;
}

let books: Book[] = [];

beforeAll(async () => {
  // Each fixture is read once; every case mutates copies.
  const files = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  books = await Promise.all(
    files.map(async (name) => {
      const { sheets } = await readWorkbookFile(path.join(FIXTURES, name));
      const chosen = checkWorkbook(sheets).sheet;
      return {
        name,
        sheets,
        table: Math.max(
          0,
          sheets.findIndex((s) => s.name === chosen),
        ),
      };
    }),
  );
});

function expectNone(book: Book, mutations: Mutation[], problems: string[]): void {
  if (problems.length) throw new Error(`${book.name} after ${JSON.stringify(mutations)}:\n  ${problems.join("\n  ")}`);
}

/** A workbook never holds two sheets of one name (Excel refuses): a rename that collides gets a suffix. */
function uniqueNames(sheets: MapGrid[]): MapGrid[] {
  const taken = new Set<string>();
  return sheets.map((s) => {
    let name = s.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${s.name} (${n})`;
    taken.add(name.toLowerCase());
    return name === s.name ? s : mutateGrid(s, [{ kind: "rename", name }]);
  });
}

const fixtureIndex = fc.nat({ max: 1000 });
const mutations = fc.array(mutationArb, { minLength: 1, maxLength: 8 });

describe("mutated golden workbooks", () => {
  it("read every fixture", () => {
    expect(books.length).toBeGreaterThanOrEqual(20);
  });

  it("the table sheet, damaged: no exception, findings inside the sheet, finite figures, plans on computed cells only, a fixed point once written", () => {
    fc.assert(
      fc.property(fixtureIndex, mutations, (i, muts) => {
        const book = books[i % books.length];
        const sheets = uniqueNames(book.sheets.map((s, k) => (k === book.table ? mutateGrid(s, muts) : s)));
        expectNone(book, muts, caseViolations(sheets));
      }),
      { numRuns: 4800, seed },
    );
  });

  it("any sheet damaged, sheets dropped or duplicated: the same guarantees", () => {
    fc.assert(
      fc.property(
        fixtureIndex,
        fc.array(fc.tuple(fc.nat(), mutations), { maxLength: 3 }),
        fc.nat({ max: 4 }),
        (i, edits, shape) => {
          const book = books[i % books.length];
          let sheets = [...book.sheets];
          for (const [k, muts] of edits) {
            const at = k % sheets.length;
            sheets[at] = mutateGrid(sheets[at], muts);
          }
          // 0: as is; 1: no sheets at all; 2: only the other sheets; 3: the table sheet copied, as Excel names a
          // copy ("自评表 (2)"); 4: reversed.
          if (shape === 1) sheets = [];
          if (shape === 2) sheets = sheets.filter((_, k) => k !== book.table);
          if (shape === 3)
            sheets = [
              ...sheets,
              mutateGrid(sheets[book.table], [{ kind: "rename", name: `${sheets[book.table].name} (2)` }]),
            ];
          if (shape === 4) sheets = [...sheets].reverse();
          sheets = uniqueNames(sheets);
          expectNone(
            book,
            edits.flatMap(([, m]) => m),
            caseViolations(sheets),
          );
        },
      ),
      { numRuns: 1200, seed },
    );
  });
});
