/**
 * Each passage the report still needs is sent where the officer writes it: a missing 偏差原因 to its cell of the
 * 自评表, the rest to the 报告素材 sheet; the 报告素材 template's 填写说明 says 必填/选填 once.
 */
import { reportMaterialTemplate } from "../../src/report/material";
import { draftReport } from "../../src/report/model";
import { centralGrid, centralRowsOf, check, DEFAULT_INDICATORS } from "../helpers/tables";

describe("where a missing passage is written", () => {
  // 培训人次 ≥500 with 450 done: 450 ÷ 500 × 25 = 22.50 of 25, and its 偏差原因 (column I) left empty.
  const spec = {
    indicators: [
      ["产出指标", "数量指标", "培训人次", "≥500人次", "450人次", 25, 22.5, ""],
      ...DEFAULT_INDICATORS.slice(1),
    ],
    total: [100, 97] as [number, number],
  };
  const grid = centralGrid(spec);
  const model = draftReport(check(grid), [grid]);
  const reasonCell = `自评表!I${centralRowsOf(spec).firstIndicator}`;

  it("a missing 偏差原因 belongs to its 自评表 cell", () => {
    expect(model.inTable).toEqual([{ item: "“培训人次”的偏差原因", cell: reasonCell }]);
  });

  it("the report's other passages still belong to 报告素材", () => {
    const inTable = new Set(model.inTable.map((p) => p.item));
    const material = model.placeholders.filter((p) => !inTable.has(p));
    expect(material.length).toBeGreaterThan(0);
    expect(material.some((p) => p.includes("偏差原因"))).toBe(false);
  });
});

describe("the 报告素材 template's 填写说明", () => {
  it.each(["project", "department"] as const)("says 必填 or 选填 once (%s)", (kind) => {
    for (const row of reportMaterialTemplate(kind).rows) {
      expect(row.hint).toMatch(/^(必填|选填)：/);
      expect(row.hint).not.toMatch(/^(必填|选填)：(可选|选填|必填)：/);
    }
  });
});

describe("the report's title", () => {
  it("names the year once when the project's name starts with it", () => {
    // centralRows' title says 2023年度; a project called 2023年农村公路日常养护项目 keeps only 农村公路日常养护.
    const rows = centralGrid();
    rows.set(2, 2, { value: "2023年农村公路日常养护项目" });
    const text = draftReport(check(rows), [rows]).title.map((p) =>
      p.runs.map((r) => (typeof r === "string" ? r : r.text)).join(""),
    );
    expect(text.join("\n").match(/2023/g)).toHaveLength(1);
    expect(text[1]).toContain("农村公路日常养护");
  });
});
