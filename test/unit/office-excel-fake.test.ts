/**
 * The jsdom Excel fake keeps the same rules of Excel as the page's simulation, because it runs the simulation's
 * own functions: how typed input is stored, and which writes a merged area refuses.
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
});
