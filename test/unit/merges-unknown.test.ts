/**
 * Merges the host cannot report (Excel below ExcelApi 1.13): a 得分 merged over two indicator rows must not
 * receive a write into its covered cell when the grid arrives without its merges, and the officer is told.
 */
import { gridFromRows, type MapGrid } from "../../src/domain/grid";
import { centralRows, centralRowsOf, check, expectFinding, expectNoFinding, type TableSpec } from "../helpers/tables";

/** The first two indicators share one 得分 (H11:H12, 50 for both); the grid says whether merges are known. */
const MERGED_SCORE: TableSpec = {
  indicators: [
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 25, 50, ""],
    ["", "质量指标", "培训合格率", "≥95%", "96%", 25, "", ""],
    ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, "", ""],
  ],
  total: [100, ""],
};
const { firstIndicator, total } = centralRowsOf(MERGED_SCORE);
const MERGED = `H${firstIndicator}:H${firstIndicator + 1}`;
const OWNER = `H${firstIndicator}`;
const COVERED = `H${firstIndicator + 1}`;

function grid(spec: TableSpec, merges: string[], mergesKnown: boolean | undefined): MapGrid {
  const g = gridFromRows("自评表", centralRows(spec), merges);
  if (mergesKnown !== undefined) g.mergesKnown = mergesKnown;
  return g;
}

const written = (g: MapGrid) => check(g).plan.values.map((v) => v.cell);

describe("merges the host cannot report", () => {
  it("plans no write into a merged 得分 read without its merges, owner or covered cell, and says so once", () => {
    const g = grid(MERGED_SCORE, [], false);
    expect(written(g)).not.toContain(COVERED);
    // The typed 50 is both rows' score: replacing it with one row's 25 would be as wrong as writing under it.
    expect(written(g)).not.toContain(OWNER);
    expectFinding(g, "merges-unknown", OWNER, { severity: "info" });
    const f = check(g).findings.filter((x) => x.rule === "merges-unknown");
    expect(f).toHaveLength(1);
    expect(f[0].message["zh-CN"]).toContain("此版本 Excel 无法读取合并单元格信息");
    expect(f[0].message["zh-CN"]).toContain(`${OWNER}、${COVERED}`);
    expect(f[0].message["en-US"]).toContain(`${OWNER}, ${COVERED}`);
  });

  it("holds back every blank 得分 under a typed one, yet writes the 总分 under them (another role)", () => {
    const g = grid(MERGED_SCORE, [], false);
    // 学员满意度's blank 得分 sits under 服务覆盖面's typed 30: a merge could cover it too.
    expect(written(g)).not.toContain(`H${firstIndicator + 3}`);
    expect(written(g)).toContain(`H${total}`);
    const f = check(g).findings.find((x) => x.rule === "merges-unknown")!;
    expect(f.message["zh-CN"]).toContain(`${COVERED}、H${firstIndicator + 3}`);
  });

  it("with merges known the same table is planned as before: the merged 得分 is checked, never written", () => {
    const g = grid(MERGED_SCORE, [MERGED], true);
    expect(written(g)).not.toContain(COVERED);
    expect(written(g)).not.toContain(OWNER);
    expect(written(g)).toContain(`H${firstIndicator + 3}`);
    expectNoFinding(g, "merges-unknown");
    // A grid that says nothing (the xlsx gateway, tests) knows its merges.
    expectNoFinding(grid(MERGED_SCORE, [MERGED], undefined), "merges-unknown");
  });

  it("a blank template read without merges is written in full: nothing filled above, nothing held back", () => {
    const blank: TableSpec = {
      indicators: MERGED_SCORE.indicators!.map((row) => row.map((v, i) => (i === 6 ? "" : v))),
      total: [100, ""],
    };
    const g = grid(blank, [], false);
    const cells = written(g);
    // (服务覆盖面 is qualitative: its 得分 is the officer's judgement, never planned.)
    for (const r of [0, 1, 3]) expect(cells).toContain(`H${firstIndicator + r}`);
    expect(cells).toContain(`H${total}`);
    expectNoFinding(g, "merges-unknown");
  });

  it("leaves the 等级 alone when the cell the reader took for it may lie under a 自评等级 merged across", () => {
    const rows = centralRows({ total: [100, ""] });
    const gradeRow = rows.length + 1;
    rows.push(["自评等级"]); // merged A:F in the workbook, the grade's own cell G blank
    const known = gridFromRows("自评表", rows, [`A${gradeRow}:F${gradeRow}`]);
    expect(check(known).plan.values.find((v) => v.figure === "total.grade")?.cell).toBe(`G${gradeRow}`);

    const unknown = gridFromRows("自评表", rows);
    unknown.mergesKnown = false;
    expect(written(unknown)).not.toContain(`B${gradeRow}`);
    expectFinding(unknown, "merges-unknown", `B${gradeRow}`);
    // A 自评等级 in C: the cell after it, D, is the 三级指标 column, which such a merge can still cover.
    const atName = centralRows({ total: [100, ""] });
    atName.push(["", "", "自评等级"]);
    const underName = gridFromRows("自评表", atName);
    underName.mergesKnown = false;
    expect(written(underName)).not.toContain(`D${gradeRow}`);
    expectFinding(underName, "merges-unknown", `D${gradeRow}`);
    // Beside its label under the figure columns, the 等级 is where an unmerged table puts it: written.
    const plain = grid({ total: [100, ""], grade: "" }, [], false);
    expect(check(plain).plan.values.find((v) => v.figure === "total.grade")?.cell).toBe(`H${total + 1}`);
    expectNoFinding(plain, "merges-unknown");
  });
});
