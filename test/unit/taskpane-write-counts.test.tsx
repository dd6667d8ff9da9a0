/**
 * The write preview's count and the write's result agree, through the office.js gateway: the preview's cells
 * (changed or not) are the cells the write reports as written, also when every value already holds the result.
 */
import type { Figure } from "../../src/domain/types";
import { applyPlan, previewPlan } from "../../src/gateways/office/write";
import { previewCounts } from "../../src/taskpane/WritePreviewPanel";
import { FakeExcel } from "../helpers/office-excel";
import { addCentralTable, planFor, TABLE_SHEET } from "../helpers/office-tables";

afterEach(() => FakeExcel.uninstall());

describe("preview and result", () => {
  it("count the same cells on a first write and when the values already hold the result", async () => {
    const excel = new FakeExcel();
    excel.apiVersion = "1.18";
    addCentralTable(excel, 20);
    excel.install();
    // The table already shows 4.50 in every score cell but the first, which the plan corrects.
    const base = planFor(TABLE_SHEET, 20, 5);
    const plan = { ...base, values: base.values.map((v, i) => (i === 0 ? { ...v, value: 1.23 } : v)) };
    // Each figure as the result shows it: two decimals, as the score cells' 0.00 format shows the values.
    const figures = new Map(
      plan.values.map((v) => [v.figure, { display: Number(v.value).toFixed(2) } as Figure] as const),
    );

    const first = previewCounts(await previewPlan(excel.context(), plan), figures);
    const written = await applyPlan(excel.context(), plan);
    expect(first.cells).toBe(written.values);
    expect(first.cells).toBe(20);
    expect(first.changed.map((c) => c.cell)).toEqual([plan.values[0].cell]);

    // Written once: nothing changes any more, yet the write sets (and reports) the same cells.
    const again = previewCounts(await previewPlan(excel.context(), plan), figures);
    expect(again.changed).toEqual([]);
    expect(again.cells).toBe((await applyPlan(excel.context(), plan)).values);
  });
});
