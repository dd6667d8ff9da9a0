/**
 * A budget block written as label / value pairs (预算安排情况 | 120 | 资金执行情况 | 115 …) and the problems
 * layout.ts names when a sheet lacks what a 自评表 must have. Each grid is written out here; the cells expected
 * follow from where its labels stand.
 */
import { gridFromRows, type CellValue } from "../../src/domain/grid";
import { readTable } from "../../src/domain/layout";

type V = CellValue | undefined;

const INDICATORS: V[][] = [
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
  ["产出指标", "数量指标", "采购图书册数", "≥5000册", "5200册", 50, 50, ""],
  ["效益指标", "社会效益指标", "借阅人次", "≥2万人次", "2.1万人次", 40, 40, ""],
  ["总分", "", "", "", "", 90, 90, ""],
];

function read(pairRows: V[][], merges: Array<[number, number, number, number]> = []) {
  const grid = gridFromRows("自评表", [["项目支出绩效自评表"], ...pairRows, ...INDICATORS]);
  for (const [top, left, bottom, right] of merges) grid.merges.push({ top, left, bottom, right });
  return readTable(grid);
}

const pairCells = (outcome: ReturnType<typeof readTable>) => {
  const row = outcome.table?.budgetRows[0];
  return row && [row.kind, row.label, row.labelSlot.a1, row.planned?.a1, row.executed?.a1, row.rate?.a1, row.score?.a1];
};

describe("a budget written as label / value pairs", () => {
  it("reads each figure from the cell right of its label, as one total row", () => {
    const r = read([["预算安排情况", 120, "资金执行情况", 115, "预算执行进度（%）", 95.83, "执行得分", 9.58]]);
    expect(pairCells(r)).toEqual(["total", "预算安排情况", "A2", "B2", "D2", "F2", "H2"]);
    const planned = r.table!.reading.roles.find((x) => x.block === "budget" && x.role === "planned")!;
    expect(planned).toMatchObject({
      col: 2,
      column: "B",
      header: "预算安排情况",
      headerCell: "A2",
      rows: [2, 2],
      confidence: "likely",
      source: "pair",
    });
    expect(planned.evidence).toEqual({
      "zh-CN": "A2“预算安排情况”右侧的 B2",
      "en-US": 'B2, right of A2 "预算安排情况"',
    });
  });

  it("reads pairs spread over several rows, the first of each label kept", () => {
    const r = read([
      ["年度预算数", 100, "", ""],
      ["实际支出", 90, "年度预算数", 999],
    ]);
    expect(pairCells(r)).toEqual(["total", "年度预算数", "A2", "B2", "B3", undefined, undefined]);
  });

  it("looks past a label's merged area, and takes no value a merge from above covers", () => {
    const merged = read([["预算安排情况", "", 200, "资金执行情况", 180]], [[2, 1, 2, 2]]);
    expect(pairCells(merged)).toEqual(["total", "预算安排情况", "A2", "C2", "E2", undefined, undefined]);
    // B2:B3 merged: the value right of 执行数 (A3) is covered, so no executed amount is read.
    const covered = read(
      [
        ["预算安排情况", 200],
        ["资金执行情况", ""],
      ],
      [[2, 2, 3, 2]],
    );
    expect(covered.table?.budgetRows ?? []).toEqual([]);
    expect(covered.problems).toContainEqual({ expected: "全年预算数", cell: "A3" });
  });

  it("needs both 预算数 and 执行数, and says where the budget was looked for", () => {
    const r = read([["预算安排情况", 120, "预算执行进度", 0.96]]);
    expect(r.table?.budgetRows ?? []).toEqual([]);
    // The indicator header is row 3: the budget was looked for above it, at A2.
    expect(r.problems).toEqual([{ expected: "全年预算数", cell: "A2" }]);
  });

  it("does not read a label longer than 20 characters, nor one in the last column read", () => {
    // 20 characters that normalise to 预算安排情况 are read; 21 are a sentence, not a label.
    const long = "预算安排情况（本年度经批复的项目资金合计）";
    expect(long.length).toBe(21);
    const fits = long.slice(0, 19) + "）";
    expect(fits.length).toBe(20);
    expect(pairCells(read([[fits, 100, "资金执行情况", 90]]))?.slice(2, 5)).toEqual(["A2", "B2", "D2"]);
    expect(read([[long, 100, "资金执行情况", 90]]).table?.budgetRows ?? []).toEqual([]);
    // The table is 8 columns wide (A–H): a label in H has no cell right of it.
    const last = read([["资金执行情况", 90, "", "", "", "", "", "预算安排情况"]]);
    expect(last.table?.budgetRows ?? []).toEqual([]);
  });
});

describe("what a sheet without a table lacks", () => {
  it("names the 三级指标 and the 全年预算数 headers when neither is found", () => {
    const r = readTable(gridFromRows("说明", [["本表为填报说明"], ["请按要求填写"]]));
    expect(r.table).toBeUndefined();
    expect(r.problems).toEqual([
      { expected: "三级指标", cell: "A1" },
      { expected: "全年预算数", cell: "A1" },
    ]);
  });

  it("names each required indicator column missing, at the 三级指标 header", () => {
    const r = readTable(
      gridFromRows("自评表", [
        ["全年预算数", "全年执行数"],
        [100, 95],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "分值"],
        ["产出指标", "数量指标", "甲", "≥1项", 10],
      ]),
    );
    expect(r.table).toBeUndefined();
    expect(r.problems).toEqual([
      { expected: "实际完成值", cell: "C3" },
      { expected: "得分", cell: "C3" },
    ]);
    // What was read is given back for the officer to correct.
    expect(r.reading?.roles.find((x) => x.block === "indicator" && x.role === "name")?.column).toBe("C");
  });

  it("asks a scorecard (评分标准, no 年度指标值 or 实际完成值) only for its names and scores", () => {
    const r = readTable(
      gridFromRows("自评表", [
        ["部门整体支出绩效自评表（2023年度）"],
        ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
        ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因"],
        ["投入", "预算编制", "预算编制科学性", "预算编制合理得满分，否则酌情扣分", 45, 45, ""],
        ["总分", "", "", "", 55, 54.5, ""],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.table?.indicators.map((i) => [i.criteria?.a1, i.target, i.actual])).toEqual([
      ["D5", undefined, undefined],
    ]);
  });
});
