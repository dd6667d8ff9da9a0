/**
 * Round trip through the xlsx gateway on every golden workbook: read → check → write a scored copy → read the
 * copy. Every cell the plan does not write is as the officer left it (value, formula, number format, merges);
 * the planned cells hold the planned values; the 校验结果 sheet is added; writing the copy again from the
 * same source gives the same workbook. Text that looks like a formula stays text all the way.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook, type CheckDetail, type MapGrid } from "../../src/domain";
import { FIGURES_SHEET, FINDINGS_SHEET } from "../../src/domain/plan";
import type { WritePlan } from "../../src/domain/types";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { writeScoredCopy } from "../../src/gateways/xlsx/write";
import { applyPlanValues, gridSnapshot } from "../helpers/mutate";
import { noteText, openWorkbook, removeDir, sha256, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");
const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const files = [FIXTURES, EXAMPLES]
  .flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(dir, f)),
  )
  .sort();

let dir: string;
beforeAll(() => {
  dir = tempDir("ziping-roundtrip-");
});
afterAll(() => removeDir(dir));

/** Everything a reviewer could see in a workbook, cell by cell, as one comparable list. */
async function digest(file: string): Promise<string[]> {
  const wb = await openWorkbook(file);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(
      `sheet ${ws.name} state=${ws.state} views=${JSON.stringify(ws.views)} filter=${JSON.stringify(ws.autoFilter ?? null)}`,
    );
    out.push(`merges ${JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges ?? {}).sort())}`);
    ws.columns?.forEach((c, i) => out.push(`col ${i + 1} width=${c.width ?? ""}`));
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        out.push(
          `${ws.name}!${r},${c} ${JSON.stringify(cell.value)} fmt=${cell.numFmt ?? ""} fill=${fill?.fgColor?.argb ?? ""} note=${noteText(cell) ?? ""}`,
        );
      }),
    );
  }
  return out;
}

describe.each(files.map((f) => [path.basename(f), f] as const))("round trip: %s", (name, file) => {
  let before: string;
  let sheets: MapGrid[];
  let detail: CheckDetail;
  let copy: string;
  let again: MapGrid[];

  beforeAll(async () => {
    before = sha256(file);
    ({ sheets } = await readWorkbookFile(file));
    detail = checkWorkbook(sheets);
    copy = path.join(dir, name.replace(/\.xlsx$/, ".checked.xlsx"));
    await writeScoredCopy(file, detail.plan, copy);
    ({ sheets: again } = await readWorkbookFile(copy));
  });

  it("leaves the source file byte for byte unchanged", () => {
    expect(sha256(file)).toBe(before);
  });

  it("keeps the source's sheets in order and adds the 校验结果 sheet after them, then the 计算结果 sheet", () => {
    const names = again.map((s) => s.name);
    expect(names.slice(0, sheets.length + 1)).toEqual([...sheets.map((s) => s.name), FINDINGS_SHEET]);
    // Text sheets a plan may carry (the 自评报告) come after it, then its sheets of cells (计算结果 when there are
    // figures).
    const cellSheets = detail.plan.cellSheets ?? [];
    expect(names.length).toBe(sheets.length + 1 + (detail.plan.sheets?.length ?? 0) + cellSheets.length);
    if (detail.figures.length > 0) expect(names[names.length - 1]).toBe(FIGURES_SHEET);
  });

  it("keeps every cell the plan does not write (value, formula, number format) and every merge; planned cells hold the plan", () => {
    for (const [i, source] of sheets.entries()) {
      const expected = applyPlanValues(
        source,
        detail.plan.values.filter((v) => v.sheet === source.name),
      );
      expect(gridSnapshot(again[i])).toBe(gridSnapshot(expected));
    }
  });

  it("writes each planned value with its number format, never as a formula", async () => {
    const wb = await openWorkbook(copy);
    for (const v of detail.plan.values) {
      const cell = wb.getWorksheet(v.sheet)!.getCell(v.cell);
      expect({ at: v.cell, value: cell.value, formula: cell.formula ?? null }).toEqual({
        at: v.cell,
        value: v.value,
        formula: null,
      });
      if (v.numFmt) expect(cell.numFmt).toBe(v.numFmt);
    }
  });

  it("gives the same workbook when the copy is written again from the same source", async () => {
    const second = path.join(dir, `${name}.second.xlsx`);
    await writeScoredCopy(file, detail.plan, second);
    await writeScoredCopy(file, detail.plan, second); // over the earlier copy
    expect(await digest(second)).toEqual(await digest(copy));
    expect(sha256(file)).toBe(before);
  });
});

describe("round trip: text that looks like a formula stays text", () => {
  const TEXTS = ["=SUM(A1:A3)", "+1", "-", "-5", "@备注", "=0起"];
  let src: string;
  let copy: string;
  let plan: WritePlan;

  beforeAll(async () => {
    // The clean central table with formula-like text typed into input cells (三级指标 names and 偏差原因).
    const wb = await openWorkbook(path.join(FIXTURES, "central-clean.xlsx"));
    const ws = wb.getWorksheet("自评表")!;
    TEXTS.forEach((text, i) => {
      ws.getCell(`D${13 + i}`).value = text;
    });
    src = path.join(dir, "公式样文本.xlsx");
    await wb.xlsx.writeFile(src);

    const { sheets } = await readWorkbookFile(src);
    const detail = checkWorkbook(sheets);
    // Plus values a plan could carry: text in computed cells, as a gateway must write them.
    plan = {
      ...detail.plan,
      values: [
        ...detail.plan.values,
        ...TEXTS.map((text, i) => ({ sheet: "自评表", cell: `K${13 + i}`, value: text, figure: `test.${i}` })),
      ],
    };
    copy = path.join(dir, "公式样文本.checked.xlsx");
    await writeScoredCopy(src, plan, copy);
  });

  it("reads the officer's formula-like text as text", async () => {
    const { sheets } = await readWorkbookFile(src);
    TEXTS.forEach((text, i) => expect(sheets[0].cell(13 + i, 4)).toEqual({ value: text }));
  });

  it("keeps it text in the copy, and writes planned text as text, never as <f>", async () => {
    const wb = await openWorkbook(copy);
    const ws = wb.getWorksheet("自评表")!;
    TEXTS.forEach((text, i) => {
      for (const address of [`D${13 + i}`, `K${13 + i}`]) {
        const cell = ws.getCell(address);
        expect({ address, type: cell.type, value: cell.value }).toEqual({
          address,
          type: ExcelJS.ValueType.String,
          value: text,
        });
      }
    });
    const { sheets } = await readWorkbookFile(copy);
    TEXTS.forEach((text, i) => expect(sheets[0].cell(13 + i, 11)).toEqual({ value: text }));
  });

  it("quotes formula-like text in the 校验结果 sheet as text (only the link column holds HYPERLINK formulas)", async () => {
    const wb = await openWorkbook(copy);
    const ws = wb.getWorksheet(FINDINGS_SHEET)!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) expect(cell.formula).toMatch(/^HYPERLINK\("#/);
      }),
    );
  });
});
