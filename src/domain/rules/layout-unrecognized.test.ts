/**
 * layout-unrecognized (DOMAIN.md §4): no 自评表 found, or a required column missing; the finding says which
 * label was expected. Headers spaced out for 分散对齐 ("三 级 指 标") are still read.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS, checkWorkbook, gridFromRows } from "../../domain";
import { centralRows } from "../../../test/helpers/tables";

const unrecognized = (sheets: Parameters<typeof checkWorkbook>[0], options = {}) =>
  checkWorkbook(sheets, options).findings.filter((f) => f.rule === "layout-unrecognized");
const spaced = (word: string) => centralRows().map((r) => r.map((v) => (v === word ? [...word].join(" ") : v)));

describe.each(PROFILE_IDS)("layout-unrecognized under %s", (profile) => {
  it.each([
    ["a workbook without sheets", [], 1],
    ["a sheet with no table", [gridFromRows("Sheet1", [["会议纪要"], ["内容"]])], 1],
    ["the central table", [gridFromRows("自评表", centralRows())], 0],
    ["its 三级指标 header spaced out", [gridFromRows("自评表", spaced("三级指标"))], 0],
    ["its 全年预算数 header spaced out", [gridFromRows("自评表", spaced("全年预算数"))], 0],
  ])("%s", (_, sheets, count) => {
    const found = unrecognized(sheets, { profile });
    expect(found).toHaveLength(count);
    for (const f of found) expect(f).toMatchObject({ severity: "error", cell: "A1" });
  });
});

describe("layout-unrecognized message", () => {
  it("a workbook without sheets, in both languages", () => {
    const [f] = unrecognized([]);
    expect(f.message["zh-CN"]).toBe("未能识别绩效自评表：缺少“三级指标”（工作簿中没有工作表）");
    expect(f.message["en-US"]).toBe(
      'Self-evaluation table not recognised: the label "三级指标" was expected (the workbook has no sheets)',
    );
  });

  it("sheets with no table header", () => {
    const [f] = unrecognized([gridFromRows("Sheet1", [["会议纪要"]])]);
    expect(f.message["zh-CN"]).toBe("未能识别绩效自评表：缺少“三级指标”（各工作表均不含绩效自评表的表头）");
    expect(f.message["en-US"]).toBe(
      'Self-evaluation table not recognised: the label "三级指标" was expected (no sheet holds the header of a self-evaluation table)',
    );
  });

  it("a table lacking a column names the header looked for, without a reason in brackets", () => {
    const rows = centralRows().map((r) => r.map((v) => (v === "三级指标" ? "" : v)));
    const [f] = unrecognized([gridFromRows("自评表", rows)]);
    expect(f.message["zh-CN"]).toMatch(/^未能识别绩效自评表：缺少“[^”]+”$/);
    expect(f.message["en-US"]).toMatch(/^Self-evaluation table not recognised: the label "[^"]+" was expected$/);
  });

  it("a sheet a 版式 names that is not there", () => {
    const [f] = unrecognized([gridFromRows("自评表", centralRows())], { layout: { sheet: "附表" } });
    expect(f.message["en-US"]).toBe('Self-evaluation table not recognised: the workbook has no sheet named "附表"');
  });

  it("a sheet asked for by name that is not there", () => {
    const [f] = unrecognized([gridFromRows("自评表", centralRows())], { sheet: "附表" });
    expect(f.message["zh-CN"]).toBe("未能识别绩效自评表：工作簿中没有名为“附表”的工作表");
    expect(f.message["en-US"]).toBe('Self-evaluation table not recognised: the workbook has no sheet named "附表"');
  });
});
