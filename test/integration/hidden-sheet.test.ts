/**
 * A hidden sheet is never scored in place of the visible table (issue: a hidden 自评表（修改前） was scored instead):
 * real .xlsx files, written here from the central-clean fixture, checked through the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import path from "node:path";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/main";
import type { JsonReport } from "../../src/cli/format";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURE = path.join(__dirname, "..", "fixtures", "workbooks", "central-clean.xlsx");
let dir: string;

async function check(file: string): Promise<JsonReport["files"][number]> {
  let out = "";
  const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => undefined, isTTY: false } };
  await main(["check", file, "--json"], io);
  return (JSON.parse(out) as JsonReport).files[0];
}

/** The fixture's table twice: first an old version (its 全年执行数 F6 halved) in a sheet of the given state. */
async function withOldCopy(state: "hidden" | "veryHidden" | "visible", file: string): Promise<void> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(FIXTURE);
  const table = source.getWorksheet("自评表")!;
  const out = new ExcelJS.Workbook();
  for (const [name, sheetState] of [
    ["自评表（修改前）", state],
    ["自评表", "visible"],
  ] as const) {
    const ws = out.addWorksheet(name, { state: sheetState });
    table.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const copy = ws.getCell(r, c);
        copy.value = cell.value;
        copy.numFmt = cell.numFmt;
      }),
    );
    for (const range of Object.keys((table as unknown as { _merges: Record<string, unknown> })._merges))
      ws.mergeCells(range);
  }
  const old = out.getWorksheet("自评表（修改前）")!.getCell("F6");
  old.value = Number(old.value) / 2;
  await out.xlsx.writeFile(file);
}

beforeAll(() => {
  dir = tempDir("ziping-hidden-");
});
afterAll(() => removeDir(dir));

describe("a hidden old copy before the table", () => {
  it.each(["hidden", "veryHidden"] as const)(
    "(%s) is not read; the visible 自评表 is, and the copy is named",
    async (state) => {
      const file = path.join(dir, `${state}.xlsx`);
      await withOldCopy(state, file);
      const f = await check(file);
      // central-clean's own figures (its expected.json, derived by hand): 95.00% and 94.12.
      expect(f.sheet).toBe("自评表");
      expect(f.budget.rate).toBeCloseTo(0.95, 6);
      expect(f.total.computed).toBeCloseTo(94.12, 2);
      const notes = f.findings.filter((x) => x.rule === "hidden-sheet");
      expect(notes).toEqual([
        expect.objectContaining({
          severity: "info",
          sheet: "自评表",
          cell: "A1",
          message: expect.stringContaining("“自评表（修改前）”"),
        }),
      ]);
    },
  );

  it("a visible old copy first is still read first, as before (visibility is what decides)", async () => {
    const file = path.join(dir, "visible.xlsx");
    await withOldCopy("visible", file);
    const f = await check(file);
    expect(f.sheet).toBe("自评表（修改前）");
    expect(f.findings.some((x) => x.rule === "hidden-sheet")).toBe(false);
  });
});
