/**
 * The jsdom Excel (FakeExcel) is the page's simulation itself, run in Node over a workbook the test shares: one
 * fake, so the gateway meets the same rules of Excel in both: how typed input is stored, which writes a merged
 * area refuses, properties only after load and sync (office-addin-mock's store behind them), loads that see the
 * batch's earlier writes.
 */
import { FakeExcel } from "../helpers/office-excel";

afterEach(() => FakeExcel.uninstall());

async function write(excel: FakeExcel, address: string, values: unknown[][]): Promise<void> {
  const context = excel.context();
  context.workbook.worksheets.getItem("表").getRange(address).values = values as Excel.Range["values"];
  await context.sync();
}

describe("the jsdom Excel fake", () => {
  it("stores typed input as the simulation does", async () => {
    const excel = new FakeExcel();
    excel.addSheet("表");
    await write(excel, "A1:F1", [["=B2+1", "'=文字", "98%", "0086", "#N/A", " TRUE "]]);
    const sheet = excel.sheet("表");
    expect(sheet.get("A1")).toMatchObject({ formula: "B2+1" });
    expect(sheet.get("B1")?.value).toBe("=文字");
    expect(sheet.get("C1")?.value).toBe(0.98);
    expect(sheet.get("D1")?.value).toBe(86);
    expect(sheet.get("E1")).toMatchObject({ value: "#N/A", error: true });
    expect(sheet.get("F1")?.value).toBe(true);
    await expect(write(excel, "A2", [[Number.NaN]])).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses a value in part of a merged area, and takes the whole area with blanks for its covered cells", async () => {
    const excel = new FakeExcel();
    excel.addSheet("表").merges.push("A1:B2");
    await expect(write(excel, "B2", [[1]])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(write(excel, "A1:B1", [[1, ""]])).rejects.toMatchObject({ code: "InvalidArgument" });
    await write(excel, "A1:B2", [
      [1, ""],
      ["", ""],
    ]);
    expect(excel.sheet("表").get("A1")?.value).toBe(1);
  });

  it("throws PropertyNotLoaded before load and sync, where office-addin-mock alone would answer with a string", async () => {
    const excel = new FakeExcel();
    excel.addSheet("表", [[5]]);
    const context = excel.context();
    const range = context.workbook.worksheets.getItem("表").getRange("A1");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values).toEqual([[5]]);
    // Only what was loaded: the formulas were never asked for.
    expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  it("answers a load with the workbook as the batch's earlier writes left it, formulas recalculated", async () => {
    const excel = new FakeExcel();
    excel.addSheet("表", [[2, { value: 4, formula: "A1*2" }]]);
    const context = excel.context();
    const sheet = context.workbook.worksheets.getItem("表");
    sheet.getRange("A1").values = [[10]];
    const b1 = sheet.getRange("B1").load("values, text");
    await context.sync();
    // 10 × 2, not the cached 4 nor 2 × 2.
    expect(b1.values).toEqual([[20]]);
    expect(excel.sheet("表").get("B1")).toEqual({ value: 20, formula: "A1*2" });
  });

  it("shares its workbook: a sheet the add-in adds is a view of the test's, and a test's change reaches the next batch", async () => {
    const excel = new FakeExcel();
    excel.addSheet("表");
    const first = excel.context();
    first.workbook.worksheets.add("校验结果");
    await first.sync();
    expect(excel.sheets.map((s) => s.name)).toEqual(["表", "校验结果"]);
    expect(excel.sheet("校验结果")).toBe(excel.sheets[1]);

    excel.sheet("表").set("C3", { value: "改过", numFmt: "@" });
    const second = excel.context();
    const c3 = second.workbook.worksheets.getItem("表").getRange("C3").load("values, numberFormat");
    await second.sync();
    expect(c3.values).toEqual([["改过"]]);
    expect(c3.numberFormat).toEqual([["@"]]);
  });
});
