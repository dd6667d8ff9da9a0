/**
 * The officer's correction (版式) in Excel: kept in the workbook's settings as JSON (never in a cell), read in
 * the same sync as the table search, removed by 清除更正; and the selection the correction is made from.
 */
import type { LayoutOverride } from "../../src/domain";
import { OfficeGateway } from "../../src/gateways/office/gateway";
import { getSavedLayout, LAYOUT_KEY, saveLayout } from "../../src/gateways/office/layout-store";
import { readReportSources, readTableForCheck } from "../../src/gateways/office/read";
import { getSelection } from "../../src/gateways/office/workbook";
import { FakeExcel } from "../helpers/office-excel";
import { addCentralTable, TABLE_SHEET } from "../helpers/office-tables";

afterEach(() => FakeExcel.uninstall());

function workbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("封面", [["封面"]]);
  addCentralTable(excel, 8);
  excel.activeSheet = TABLE_SHEET;
  excel.install();
  return excel;
}

/** 分值 in column H of the central table (its header at H13), the indicator rows 14 to 21. */
const CORRECTION: LayoutOverride = {
  ziping: "layout",
  version: 1,
  sheet: TABLE_SHEET,
  indicator: { columns: { weight: "H" }, firstRow: 14, lastRow: 21 },
};

describe("the saved correction", () => {
  it("is saved in the workbook's settings as JSON, in one sync, and read back as it was", async () => {
    const excel = workbook();
    const before = JSON.stringify(excel.sheet(TABLE_SHEET).snapshot());
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    await saveLayout(context, CORRECTION);
    expect(sync).toHaveBeenCalledTimes(1);
    const stored = excel.settings.get(LAYOUT_KEY);
    expect(typeof stored).toBe("string");
    expect(JSON.parse(stored as string)).toEqual(CORRECTION);
    // Nothing of it is in a cell.
    expect(JSON.stringify(excel.sheet(TABLE_SHEET).snapshot())).toBe(before);
    expect(await getSavedLayout(excel.context())).toEqual(CORRECTION);
  });

  it("is null when there is none", async () => {
    const excel = workbook();
    expect(await getSavedLayout(excel.context())).toBeNull();
  });

  it.each([
    ["text that is not JSON", "{ziping"],
    ["another version", JSON.stringify({ ziping: "layout", version: 2 })],
    [
      "a role that does not exist",
      JSON.stringify({ ziping: "layout", version: 1, indicator: { columns: { x: "H" } } }),
    ],
    ["JSON of something else", JSON.stringify({ profile: "sichuan" })],
  ])("ignores %s", async (_what, value) => {
    const excel = workbook();
    excel.settings.set(LAYOUT_KEY, value);
    expect(await getSavedLayout(excel.context())).toBeNull();
  });

  it("is removed by saving null: two syncs when there is one, one when there is none", async () => {
    const excel = workbook();
    excel.settings.set(LAYOUT_KEY, JSON.stringify(CORRECTION));
    excel.settings.set("ziping.profile", "sichuan");
    let context = excel.context();
    let sync = jest.spyOn(context, "sync");
    await saveLayout(context, null);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(excel.settings.has(LAYOUT_KEY)).toBe(false);
    expect(excel.settings.get("ziping.profile")).toBe("sichuan");

    context = excel.context();
    sync = jest.spyOn(context, "sync");
    await saveLayout(context, null);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe("reading the table for a check", () => {
  it("reads the saved correction in the table search's sync: two syncs, as without one", async () => {
    const excel = workbook();
    excel.settings.set(LAYOUT_KEY, JSON.stringify(CORRECTION));
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const read = await readTableForCheck(context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read.sheet).toBe(TABLE_SHEET);
    expect(read.layout).toEqual(CORRECTION);
  });

  it("uses the correction it is given instead of the saved one, and none for null", async () => {
    const excel = workbook();
    excel.settings.set(LAYOUT_KEY, JSON.stringify(CORRECTION));
    const given: LayoutOverride = { ziping: "layout", version: 1, indicator: { columns: { score: "I" } } };
    expect((await readTableForCheck(excel.context(), given)).layout).toEqual(given);
    expect((await readTableForCheck(excel.context(), null)).layout).toBeNull();
  });

  it("reads the sheet the correction names, though another sheet holds a table too", async () => {
    const excel = workbook();
    addCentralTable(excel, 4, "附件2 自评表");
    excel.settings.set(LAYOUT_KEY, JSON.stringify({ ...CORRECTION, sheet: "附件2 自评表" }));
    const read = await readTableForCheck(excel.context());
    expect(read.sheet).toBe("附件2 自评表");
  });

  it("searches as usual when the sheet the correction names is gone", async () => {
    const excel = workbook();
    excel.settings.set(LAYOUT_KEY, JSON.stringify({ ...CORRECTION, sheet: "已删除的表" }));
    const read = await readTableForCheck(excel.context());
    expect(read.sheet).toBe(TABLE_SHEET);
    expect(read.layout?.sheet).toBe("已删除的表");
  });

  it("hands the report draft the saved correction with the sheets", async () => {
    const excel = workbook();
    excel.settings.set(LAYOUT_KEY, JSON.stringify(CORRECTION));
    const sources = await readReportSources(excel.context(), () => false);
    expect(sources.tableSheet).toBe(TABLE_SHEET);
    expect(sources.layout).toEqual(CORRECTION);
  });
});

describe("OfficeGateway and the correction", () => {
  it("checks with the saved correction and says which one it used", async () => {
    const excel = workbook();
    excel.settings.set(LAYOUT_KEY, JSON.stringify(CORRECTION));
    const gateway = new OfficeGateway();
    const result = await gateway.check("auto");
    expect(result.correction).toEqual(CORRECTION);
    expect(result.sheet).toBe(TABLE_SHEET);
    expect(excel.syncs).toBe(2);
    expect((await gateway.check("auto", null)).correction).toBeUndefined();
  });

  it("saves, reads and clears the correction through Excel.run", async () => {
    const excel = workbook();
    const gateway = new OfficeGateway();
    await gateway.saveLayout(CORRECTION);
    expect(await gateway.getSavedLayout()).toEqual(CORRECTION);
    await gateway.saveLayout(null);
    expect(await gateway.getSavedLayout()).toBeNull();
    expect(excel.settings.has(LAYOUT_KEY)).toBe(false);
  });
});

describe("getSelection", () => {
  it("reads the selected header's sheet, address and text in one sync", async () => {
    const excel = workbook();
    excel.selection = { sheet: TABLE_SHEET, cell: "H13" };
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    expect(await getSelection(context)).toEqual({ sheet: TABLE_SHEET, address: "H13", text: "分值" });
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("gives a range as Excel addresses it, with the text of its first cell", async () => {
    const excel = workbook();
    excel.selection = { sheet: TABLE_SHEET, cell: "H14:H21" };
    // 8 indicators share 90 points: 11.25 each.
    expect(await getSelection(excel.context())).toEqual({ sheet: TABLE_SHEET, address: "H14:H21", text: "11.25" });
  });

  it("is on the active sheet: A1 there when the last selection was on another sheet", async () => {
    const excel = workbook();
    excel.selection = { sheet: TABLE_SHEET, cell: "H13" };
    excel.activeSheet = "封面";
    expect(await new OfficeGateway().getSelection()).toEqual({ sheet: "封面", address: "A1", text: "封面" });
  });
});
