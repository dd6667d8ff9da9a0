/** The before-image: "撤销写入" restores exactly, across panes, after any number of writes; "清除标记" too. */
import { clearMarks, undoLastWrite } from "../../src/gateways/office/undo";
import { applyPlan } from "../../src/gateways/office/write";
import {
  CHUNK,
  decodeGenerations,
  emptyMeta,
  encodeGeneration,
  oldestImages,
} from "../../src/gateways/office/undo-store";
import { FakeExcel } from "../helpers/office-excel";
import { addCentralTable, FIRST_INDICATOR_ROW, planFor, TABLE_SHEET } from "../helpers/office-tables";

function workbook(n: number, api = "1.18"): FakeExcel {
  const excel = new FakeExcel();
  excel.apiVersion = api;
  addCentralTable(excel, n);
  const table = excel.sheet(TABLE_SHEET);
  // Things a careless restore would lose: a formula, a text format, a fill, a note, an error constant.
  table.set(`I${FIRST_INDICATOR_ROW}`, { value: 1.5, formula: "H14*G14/F14", numFmt: "0.000" });
  table.set(`I${FIRST_INDICATOR_ROW + 1}`, { value: "0086", numFmt: "@" });
  table.set(`I${FIRST_INDICATOR_ROW + 2}`, { value: "#N/A", error: true });
  table.set(`I${FIRST_INDICATOR_ROW + 3}`, { value: "=看似公式的文字" });
  table.set(`J${FIRST_INDICATOR_ROW}`, { fill: "#00B050" });
  table.notes.set(`J${FIRST_INDICATOR_ROW + 1}`, "财政局：请补充佐证材料");
  excel.addSheet("封面", [["封面"]]);
  excel.install();
  return excel;
}

afterEach(() => FakeExcel.uninstall());

describe("undoLastWrite", () => {
  it("restores values, formulas, formats, fills and notes exactly and removes what it added", async () => {
    const excel = workbook(30);
    const original = excel.snapshot();
    await applyPlan(excel.context(), planFor(TABLE_SHEET, 30, 10));
    expect(excel.snapshot()).not.toEqual(original);

    // A new context: as if the pane had been closed and opened again.
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const summary = await undoLastWrite(context);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(summary.removedSheets).toEqual(["校验结果"]);
    expect(summary.restored).toBe(30 + 10 - 0);
    expect(excel.snapshot()).toEqual(original);
  });

  it("after writing twice, restores the state before the first write", async () => {
    const excel = workbook(12);
    const original = excel.snapshot();
    const plan = planFor(TABLE_SHEET, 12, 6);
    await applyPlan(excel.context(), plan);
    const second = { ...plan, values: plan.values.map((v) => ({ ...v, value: 7 })) };
    await applyPlan(excel.context(), second);
    expect(excel.sheet(TABLE_SHEET).get(`I${FIRST_INDICATOR_ROW}`)?.value).toBe(7);
    await undoLastWrite(excel.context());
    expect(excel.snapshot()).toEqual(original);
  });

  it("with nothing written, does nothing", async () => {
    const excel = workbook(4);
    const original = excel.snapshot();
    expect(await undoLastWrite(excel.context())).toEqual({ restored: 0, removedSheets: [] });
    expect(excel.snapshot()).toEqual(original);
  });

  it("refuses when the sheet became protected, and changes nothing", async () => {
    const excel = workbook(6);
    await applyPlan(excel.context(), planFor(TABLE_SHEET, 6, 2));
    excel.sheet(TABLE_SHEET).protected = true;
    const written = excel.snapshot();
    await expect(undoLastWrite(excel.context())).rejects.toMatchObject({ code: "sheet-protected" });
    expect(excel.snapshot()).toEqual(written);
  });

  it("works without notes support (ExcelApi 1.7)", async () => {
    const excel = workbook(8, "1.7");
    const original = excel.snapshot();
    await applyPlan(excel.context(), planFor(TABLE_SHEET, 8, 4));
    await undoLastWrite(excel.context());
    expect(excel.snapshot()).toEqual(original);
  });
});

describe("clearMarks", () => {
  it("removes highlights and the add-in's notes, keeps values and the findings sheet", async () => {
    const excel = workbook(10);
    const before = excel.sheet(TABLE_SHEET).snapshot() as { notes: unknown };
    await applyPlan(excel.context(), planFor(TABLE_SHEET, 10, 4));
    const cleared = await clearMarks(excel.context());
    expect(cleared).toBe(10 + 4 - 0);
    const table = excel.sheet(TABLE_SHEET);
    expect(table.get(`J${FIRST_INDICATOR_ROW}`)?.fill).toBe("#00B050");
    expect(table.get(`J${FIRST_INDICATOR_ROW + 2}`)?.fill).toBeUndefined();
    expect((table.snapshot() as { notes: unknown }).notes).toEqual(before.notes);
    expect(table.get(`I${FIRST_INDICATOR_ROW + 5}`)?.value).toBe(9);
    expect(excel.hasSheet("校验结果")).toBe(true);
  });

  it("then undo still restores the values", async () => {
    const excel = workbook(10);
    const original = excel.snapshot();
    await applyPlan(excel.context(), planFor(TABLE_SHEET, 10, 4));
    await clearMarks(excel.context());
    await undoLastWrite(excel.context());
    expect(excel.snapshot()).toEqual(original);
  });
});

describe("the undo store", () => {
  it("splits a large generation into cells below Excel's limit and reads it back", () => {
    const images = Array.from({ length: 3000 }, (_, i) => ({
      sheet: "表",
      cell: `I${i + 1}`,
      value: { v: `原值：${"长".repeat(20)}${i}`, fmt: "General" },
    }));
    const chunks = encodeGeneration({ at: "2024-01-01T00:00:00Z", images });
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(CHUNK + 1);
    const meta = { ...emptyMeta(), rows: chunks.length, generations: [{ first: 1, count: chunks.length }] };
    const back = decodeGenerations(
      meta,
      chunks.map((c) => [c]),
    );
    expect(back[0].images).toHaveLength(3000);
  });

  it("keeps the oldest image of each part of a cell", () => {
    const merged = oldestImages([
      { at: "1", images: [{ sheet: "s", cell: "A1", value: { v: 1, fmt: "General" } }] },
      { at: "2", images: [{ sheet: "s", cell: "A1", value: { v: 2, fmt: "General" }, fill: { color: null } }] },
    ]);
    expect([...merged.values()]).toEqual([
      { sheet: "s", cell: "A1", value: { v: 1, fmt: "General" }, fill: { color: null } },
    ]);
  });
});
