/** @jest-environment jsdom */
/**
 * The Excel simulation, as the page installs it (a copy of the workbook, `window.__excelSim`), keeps office.js's
 * rules the gateway depends on (properties only after load and sync, writes only at sync, failing batches,
 * protection, requirement sets), and the gateway reads, writes and undoes on it: checked here without a
 * browser, in milliseconds. The unit tests run the same simulation through test/helpers/office-excel.ts.
 */
import { OfficeGateway } from "../../src/gateways/office/gateway";
import { LAYOUT_KEY } from "../../src/gateways/office/layout-store";
import { readTable } from "../../src/gateways/office/read";
import { undoLastWrite } from "../../src/gateways/office/undo";
import { applyPlan } from "../../src/gateways/office/write";
import { checkWorkbook } from "../../src/domain";
import { draftReport } from "../../src/report/model";
import { reportSheetPlan } from "../../src/report/sheet";
import { installExcelSim, type SimConfig, type SimHandle, type SimWorkbook } from "./sim/excel-sim";
import { manyFindingsWorkbook } from "./sim/workbook";

function workbook(): SimWorkbook {
  return {
    sheets: [
      {
        name: "自评表",
        cells: { A1: { v: "项目" }, B2: { v: 3, fmt: "0.00" }, C2: { v: 0, f: "=B2*2" } },
        merges: ["A1:C1"],
        protected: false,
        visibility: "Visible",
        notes: {},
        frozenRows: 0,
        columnWidths: {},
      },
      {
        name: "封面",
        cells: {},
        merges: [],
        protected: true,
        visibility: "Visible",
        notes: {},
        frozenRows: 0,
        columnWidths: {},
      },
    ],
    active: "自评表",
    selection: null,
    settings: {},
  };
}

function install(overrides: Partial<SimConfig> = {}, wb: SimWorkbook = workbook()): SimHandle {
  window.sessionStorage.clear();
  return installExcelSim({
    workbook: wb,
    host: "Excel",
    apiVersion: "1.18",
    displayLanguage: "zh-CN",
    syncDelayMs: 0,
    persistKey: null,
    ...overrides,
  });
}

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
});

describe("the Excel simulation", () => {
  it("throws on a property until it was loaded and synced", async () => {
    const sim = install();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("自评表").getRange("B2:C2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values,numberFormat");
      expect(() => range.values).toThrow(/call "context.sync\(\)"/);
      await context.sync();
      expect(range.values).toEqual([[3, 6]]); // the formula recalculated on load
      expect(range.numberFormat).toEqual([["0.00", "General"]]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(sim.counters).toEqual({ syncs: 1, runs: 1, unsyncedSteps: 0 });
  });

  it("applies writes only at sync, in order, and counts what a batch left unsynced", async () => {
    const sim = install();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("自评表");
      ws.getRange("B2").values = [[5]];
      expect(sim.cell("自评表", "B2")?.v).toBe(3);
      const after = ws.getRange("C2");
      after.load("values");
      await context.sync();
      expect(sim.cell("自评表", "B2")?.v).toBe(5);
      expect(after.values).toEqual([[10]]);
      ws.getRange("A5").values = [["never synced"]];
    });
    expect(sim.cell("自评表", "A5")).toBeNull();
    expect(sim.counters.unsyncedSteps).toBe(1);
  });

  it("knows a null object only after sync", async () => {
    install();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("没有");
      const setting = context.workbook.settings.getItemOrNullObject("k");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
    });
  });

  it("fails a batch at a missing sheet after applying the steps before it", async () => {
    const sim = install();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("自评表").getRange("A3").values = [["done"]];
        context.workbook.worksheets.getItem("没有").getRange("A1").values = [["x"]];
        context.workbook.worksheets.getItem("自评表").getRange("A4").values = [["not reached"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
    expect(sim.cell("自评表", "A3")?.v).toBe("done");
    expect(sim.cell("自评表", "A4")).toBeNull();
  });

  it("refuses cell changes on a protected sheet and APIs above its requirement set", async () => {
    install({ apiVersion: "1.12" });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("封面").getRange("A1").format.fill.color = "#FFC7CE";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("自评表").notes.add("A1", "n");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("refuses a value written into part of a merged area, as Excel does, after the steps before it", async () => {
    const sim = install();
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("自评表");
        ws.getRange("B1").numberFormat = [["0.00"]]; // formats may go on any part of a merge
        ws.getRange("A1").values = [["新标题"]]; // the top-left cell holds the merged cell's value
        ws.getRange("B1").values = [[5]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(/merged cell.*B1.*A1:C1/) });
    expect(sim.cell("自评表", "A1")?.v).toBe("新标题");
    expect(sim.cell("自评表", "B1")).toEqual({ v: "", fmt: "0.00" });
    expect(sim.failures).toEqual([expect.objectContaining({ code: "InvalidArgument" })]);
    // The whole area with nothing for its covered cells is a write to the merged cell, and goes through.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("自评表").getRange("A1:C1").values = [["项目", "", ""]];
      await context.sync();
    });
    expect(sim.cell("自评表", "A1")?.v).toBe("项目");
  });

  it("parses typed input like Excel and rejects a typo'd property", async () => {
    const sim = install();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("自评表").getRange("A6:E6");
      r.values = [["=B2+1", "'=文字", "98%", "0086", "#N/A"]];
      expect(() => {
        (r as unknown as Record<string, unknown>).valuez = [[1]];
      }).toThrow(TypeError);
      await context.sync();
    });
    expect(sim.cell("自评表", "A6")).toMatchObject({ f: "=B2+1", v: 4 });
    expect(sim.cell("自评表", "B6")).toEqual({ v: "=文字" });
    expect(sim.cell("自评表", "C6")).toEqual({ v: 0.98 });
    expect(sim.cell("自评表", "D6")).toEqual({ v: 86 });
    expect(sim.cell("自评表", "E6")).toEqual({ v: "#N/A", err: true });
  });

  it("answers the selected range of the active sheet, its worksheet and a cell of it", async () => {
    const sim = install();
    sim.workbook.selection = { sheet: "自评表", address: "B2:C2" };
    await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      range.worksheet.load("name");
      const second = range.getCell(0, 1);
      second.load("values,address");
      await context.sync();
      expect(range.address).toBe("自评表!B2:C2");
      expect(range.worksheet.name).toBe("自评表");
      expect(second.values).toEqual([[6]]);
      expect(second.address).toBe("自评表!C2");
    });
    // A selection on another sheet is not the active sheet's: there Excel's cursor is where it was, A1 here.
    sim.workbook.active = "封面";
    await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      expect(range.address).toBe("封面!A1");
    });
    expect(sim.counters.syncs).toBe(2);
  });

  it("outside Excel resolves onReady with host null and defines no Excel", async () => {
    install({ host: null });
    await expect(Office.onReady()).resolves.toEqual({ host: null, platform: null });
    expect(typeof (globalThis as Record<string, unknown>).Excel).toBe("undefined");
  });
});

describe("the office gateway on the simulation", () => {
  it("reads a 500-indicator table in two syncs, writes in two, undoes in three, exactly", async () => {
    const sim = install({}, manyFindingsWorkbook(500));
    const original = sim.snapshot();

    const read = await Excel.run((context) => readTable(context));
    expect(sim.counters.syncs).toBe(2);
    const result = checkWorkbook([read.grid], { sheet: read.sheet });
    expect(result.plan.values.length).toBeGreaterThan(500);

    sim.resetCounters();
    await Excel.run((context) => applyPlan(context, result.plan));
    expect(sim.counters).toEqual({ syncs: 2, runs: 1, unsyncedSteps: 0 });
    expect(sim.workbook.sheets.map((s) => s.name)).toEqual(["附件1 自评表", "ZipingUndo", "校验结果", "计算结果"]);

    sim.resetCounters();
    await Excel.run((context) => undoLastWrite(context));
    expect(sim.counters.syncs).toBe(3);
    expect(sim.snapshot()).toEqual(original);
    expect(sim.failures).toEqual([]);
  });

  it("writes the 自评报告 in one write sync with its layout, and refuses nothing at ExcelApi 1.7", async () => {
    for (const apiVersion of ["1.18", "1.7"]) {
      const sim = install({ apiVersion }, manyFindingsWorkbook(20));
      const read = await Excel.run((context) => readTable(context));
      const detail = checkWorkbook([read.grid], { sheet: read.sheet });
      const plan = reportSheetPlan(draftReport(detail, [read.grid]));
      sim.resetCounters();
      await Excel.run((context) => applyPlan(context, { values: [], marks: [], sheets: [plan] }));
      expect(sim.counters).toEqual({ syncs: 2, runs: 1, unsyncedSteps: 0 });
      expect(sim.failures).toEqual([]);
      const report = sim.workbook.sheets.find((s) => s.name === "自评报告")!;
      expect(report.cells.A1.v).toBe(plan.rows[0].text);
      expect(report.layout?.A1).toMatchObject({ fontName: "方正小标宋简体", fontSize: 22 });
      expect(Object.keys(report.rowHeights ?? {})).toHaveLength(plan.rows.length);
      expect(report.showGridlines).toBe(apiVersion === "1.18" ? false : undefined);
      expect(report.pageLayout?.orientation).toBe(apiVersion === "1.18" ? "Portrait" : undefined);
    }
  });

  it("below ExcelApi 1.13 writes nothing into a merged 得分, and a write that reaches one is explained", async () => {
    const wb = manyFindingsWorkbook(6);
    const table = wb.sheets[0];
    // The first two indicators' 得分 merged into one, typed once.
    const [owner, covered] = ["I14", "I15"];
    table.cells[owner] = { v: 6, fmt: "0.00" };
    delete table.cells[covered];
    table.merges.push(`${owner}:${covered}`);
    const sim = install({ apiVersion: "1.12" }, wb);
    const gateway = new OfficeGateway();
    const result = await gateway.check("auto");
    expect(result.plan.values.map((v) => v.cell)).not.toEqual(expect.arrayContaining([owner]));
    expect(result.plan.values.map((v) => v.cell)).not.toEqual(expect.arrayContaining([covered]));
    expect(result.findings.filter((f) => f.rule === "merges-unknown")).toHaveLength(1);
    await gateway.write(result.plan);
    expect(sim.failures).toEqual([]);
    // (A finding's highlight may go on it: formats are allowed on any part of a merge.)
    expect(sim.cell(table.name, covered)?.v ?? "").toBe("");

    // The plan the engine made before it knew better: Excel refuses it, and the officer reads why.
    const bad = { values: [{ sheet: table.name, cell: covered, value: 3, figure: "indicator.15.score" }], marks: [] };
    await expect(gateway.write(bad)).rejects.toMatchObject({
      code: "merged-cell",
      localized: { "zh-CN": expect.stringContaining(`单元格 ${covered}`) },
    });
    expect(sim.cell(table.name, covered)?.v ?? "").toBe("");
  });

  it("keeps the officer's correction in the settings, reads the selection in one sync, checks in two", async () => {
    const sim = install({}, manyFindingsWorkbook(6));
    const gateway = new OfficeGateway();
    const layout = { ziping: "layout" as const, version: 1 as const, indicator: { columns: { weight: "H" } } };
    await gateway.saveLayout(layout);
    expect(JSON.parse(sim.workbook.settings[LAYOUT_KEY] as string)).toEqual(layout);
    expect(await gateway.getSavedLayout()).toEqual(layout);

    sim.workbook.selection = { sheet: "附件1 自评表", address: "H13" };
    sim.resetCounters();
    expect(await gateway.getSelection()).toEqual({ sheet: "附件1 自评表", address: "H13", text: "分值" });
    expect(sim.counters).toEqual({ syncs: 1, runs: 1, unsyncedSteps: 0 });

    sim.resetCounters();
    expect((await gateway.check("auto")).correction).toEqual(layout);
    expect(sim.counters).toEqual({ syncs: 2, runs: 1, unsyncedSteps: 0 });

    await gateway.saveLayout(null);
    expect(LAYOUT_KEY in sim.workbook.settings).toBe(false);
    expect(sim.failures).toEqual([]);
  });
});
