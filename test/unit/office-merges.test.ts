/**
 * Merges the host cannot report: below ExcelApi 1.13 the gateway reads no merged areas, so the grid says its
 * merges are unknown and the engine writes nowhere a merge could cover; and when a write does reach part of a
 * merged area, Excel refuses it and the officer reads why.
 */
import { OfficeGateway } from "../../src/gateways/office/gateway";
import { GatewayError } from "../../src/gateways/office/errors";
import { readTable } from "../../src/gateways/office/read";
import { applyPlan } from "../../src/gateways/office/write";
import type { WritePlan } from "../../src/domain/types";
import { FakeExcel } from "../helpers/office-excel";
import { addCentralTable, FIRST_INDICATOR_ROW, TABLE_SHEET } from "../helpers/office-tables";

const OWNER = `I${FIRST_INDICATOR_ROW}`;
const COVERED = `I${FIRST_INDICATOR_ROW + 1}`;

/** Six indicators; the first two share one 得分 (30 for both), merged over two rows. */
function workbook(api: string): FakeExcel {
  const excel = new FakeExcel();
  excel.apiVersion = api;
  const sheet = addCentralTable(excel, 6);
  sheet.set(OWNER, { value: 30, numFmt: "0.00" });
  sheet.set(COVERED, { value: "", numFmt: "0.00" });
  sheet.merges.push(`${OWNER}:${COVERED}`);
  excel.install();
  return excel;
}

afterEach(() => FakeExcel.uninstall());

describe("below ExcelApi 1.13", () => {
  it("the grid read says its merges are unknown; at 1.13 it lists them", async () => {
    const old = await readTable(workbook("1.12").context());
    expect(old.grid.merges).toEqual([]);
    expect(old.grid.mergesKnown).toBe(false);
    FakeExcel.uninstall();
    const recent = await readTable(workbook("1.13").context());
    expect(recent.grid.mergesKnown).not.toBe(false);
    expect(recent.grid.merges.length).toBeGreaterThan(0);
  });

  it("checks and writes without touching the covered cell of a merged 得分, and says why", async () => {
    const excel = workbook("1.12");
    const gateway = new OfficeGateway();
    const result = await gateway.check("auto");
    expect(result.plan.values.map((v) => v.cell)).not.toContain(COVERED);
    expect(result.plan.values.map((v) => v.cell)).not.toContain(OWNER);
    const info = result.findings.filter((f) => f.rule === "merges-unknown");
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: "info", cell: OWNER });
    expect(info[0].message["zh-CN"]).toContain(`${OWNER}、${COVERED}`);
    expect(info[0].message["zh-CN"]).toMatch(/^此版本 Excel 无法读取合并单元格信息/);

    await gateway.write(result.plan);
    expect(excel.sheet(TABLE_SHEET).get(COVERED)?.value).toBe("");
    expect(excel.sheet(TABLE_SHEET).get(OWNER)?.value).toBe(30);
  });

  it("with merges known the same workbook is checked as before: no notice, no write into the merge", async () => {
    workbook("1.18");
    const result = await new OfficeGateway().check("auto");
    expect(result.findings.some((f) => f.rule === "merges-unknown")).toBe(false);
    expect(result.plan.values.map((v) => v.cell)).not.toContain(COVERED);
  });
});

describe("a write into part of a merged area", () => {
  const plan = (cell: string): WritePlan => ({
    values: [{ sheet: TABLE_SHEET, cell, value: 15, numFmt: "0.00", figure: "indicator.15.score" }],
    marks: [],
    findingsSheet: { name: "校验结果", header: ["级别", "单元格", "问题"], rows: [] },
  });

  it("is refused as Excel refuses it, and the officer is told which cell and what to do", async () => {
    const excel = workbook("1.12");
    const error = await applyPlan(excel.context(), plan(COVERED)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("merged-cell");
    expect((error as GatewayError).localized["zh-CN"]).toContain(`单元格 ${COVERED}`);
    expect((error as GatewayError).localized["zh-CN"]).toContain("撤销写入");
    expect((error as GatewayError).localized["en-US"]).toContain(COVERED);
    expect(excel.sheet(TABLE_SHEET).get(COVERED)?.value).toBe("");
  });

  it("into the merged area's top-left cell goes through", async () => {
    const excel = workbook("1.12");
    await applyPlan(excel.context(), plan(OWNER));
    expect(excel.sheet(TABLE_SHEET).get(OWNER)?.value).toBe(15);
  });
});
