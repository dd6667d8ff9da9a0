/**
 * What layout.ts reads from the rows above the table (the heading: title, 部门/单位, 项目名称, year, a 总分 field) and
 * the layout family it names the table by (classify). Every grid is a central-layout table (test/helpers/tables.ts)
 * with its heading rows replaced, so each expectation follows from the rows written here.
 */
import { gridFromRows, type CellValue } from "../../src/domain/grid";
import { readTable } from "../../src/domain/layout";
import { centralRows, type TableSpec } from "../helpers/tables";

type Row = Array<CellValue | undefined>;

/** A central table whose two heading rows (title, 项目名称) are replaced by `heading`. */
function tableWith(heading: Row[], spec: TableSpec = {}, name = "自评表") {
  const rows = centralRows(spec).slice(2);
  const outcome = readTable(gridFromRows(name, [...heading, ...rows]));
  if (!outcome.table) throw new Error(`no table: ${JSON.stringify(outcome.problems)}`);
  return outcome.table;
}

describe("the heading", () => {
  it("reads title, project, unit and year from label / value pairs", () => {
    const t = tableWith([
      ["项目支出绩效自评表"],
      ["（2024年度）"],
      ["项目名称", "", "乡村道路养护", "", "主管部门", "区交通局"],
    ]);
    expect(t.title).toBe("项目支出绩效自评表");
    expect(t.project).toBe("乡村道路养护");
    expect(t.unit).toBe("区交通局");
    expect(t.year).toBe(2024);
  });

  it.each([
    ["部门名称"],
    ["单位名称"],
    ["预算单位"],
    ["预算部门"],
    ["部门"],
    ["单位"],
    ["主管部门"],
    ["实施单位"],
    ["部门(单位)名称"],
    ["填报单位"],
  ])("takes the unit from the value right of “%s”", (label) => {
    expect(tableWith([["自评表"], [label, "区财政局"]]).unit).toBe("区财政局");
  });

  it("does not take a unit from a label that only contains one of those words", () => {
    expect(tableWith([["自评表"], ["部门预算单位说明", "不是单位"]]).unit).toBe("");
    expect(tableWith([["自评表"], ["项目名称说明", "不是项目"]]).project).toBe("");
  });

  it("finds a value in the last column read", () => {
    // The table is 9 columns wide (A–I): the project's name in I2.
    const t = tableWith([["自评表"], ["项目名称", "", "", "", "", "", "", "", "末列项目"]]);
    expect(t.project).toBe("末列项目");
  });

  it("reads 项目 alone as the project label", () => {
    expect(tableWith([["自评表"], ["项目", "", "", "校舍维修"]]).project).toBe("校舍维修");
  });

  it("reads a unit written inline after a colon, either width, and trims it", () => {
    expect(tableWith([["自评表"], ["填报单位：  区教育局 "]]).unit).toBe("区教育局");
    expect(tableWith([["自评表"], ["部门名称:区卫健委"]]).unit).toBe("区卫健委");
    expect(tableWith([["自评表"], ["单位名称：区民政局"]]).unit).toBe("区民政局");
    expect(tableWith([["自评表"], ["预算单位：区水务局"]]).unit).toBe("区水务局");
    // A label not in the inline list stays unread.
    expect(tableWith([["自评表"], ["实施机构：区水务局"]]).unit).toBe("");
  });

  it("keeps the first unit, project and title met, row by row from the left", () => {
    const t = tableWith([
      ["项目支出绩效自评表", "", "部门整体支出绩效评价表"],
      ["单位名称", "第一单位", "", "主管部门", "第二单位"],
      ["项目名称", "第一项目"],
      ["项目名称", "第二项目"],
    ]);
    expect(t.title).toBe("项目支出绩效自评表");
    expect(t.unit).toBe("第一单位");
    expect(t.project).toBe("第一项目");
  });

  it("skips the cells a label's merged area covers to find its value, and finds none at the row's end", () => {
    // 项目名称 merged over A2:C2: the value is D2, not the blank B2 or C2.
    const rows = [["自评表"], ["项目名称", "", "", "图书采购"], ...centralRows().slice(2)];
    const grid = gridFromRows("自评表", rows);
    grid.merges.push({ top: 2, left: 1, bottom: 2, right: 3 });
    expect(readTable(grid).table?.project).toBe("图书采购");
    expect(tableWith([["自评表"], ["项目名称"]]).project).toBe("");
  });

  it("reads the first year written as 20xx年, not a longer number nor a year without 年", () => {
    expect(tableWith([["自评表"], ["12023年", "", "2022"], ["填报日期", "2025 年3月"]]).year).toBe(2025);
    expect(tableWith([["（2021年度）自评表"], ["2023年"]]).year).toBe(2021);
    expect(tableWith([["自评表"]]).year).toBeNull();
  });

  it("takes the title from the first label holding 自评表 or 评价表, as written", () => {
    expect(tableWith([["", " 项目绩效评价表 "]]).title).toBe("项目绩效评价表");
    expect(tableWith([["绩效情况表"]]).title).toBe("");
  });
});

describe("a 总分 field in the heading", () => {
  /** The central table without its 总分 row, under `heading`. */
  function withoutTotalRow(heading: Row[], merges: Array<[number, number, number, number]> = []) {
    const rows = [...heading, ...centralRows().slice(2, -1)];
    const grid = gridFromRows("自评表", rows);
    for (const [top, left, bottom, right] of merges) grid.merges.push({ top, left, bottom, right });
    return readTable(grid).table!;
  }

  it.each(["自评总分", "自评得分", "总分", "综合得分", "自评分", "自评分数", "评价得分", "绩效自评得分"])(
    "is read right of “%s” when the table has no 总分 row, and said to be an assumption",
    (label) => {
      const t = withoutTotalRow([["自评表"], ["主管部门", "区财政局", label, 92.5]]);
      expect(t.total?.labelSlot.a1).toBe("C2");
      expect(t.total?.score?.a1).toBe("D2");
      expect(t.reading.assumptions.map((a) => a.message["zh-CN"])).toContain(
        `表中无总分行，总分取自表头 C2“${label}”右侧的 D2`,
      );
    },
  );

  it("is read past the label's merged area, and not from a value it covers", () => {
    const t = withoutTotalRow([["自评表"], ["自评总分", "", "", 88]], [[2, 1, 2, 3]]);
    expect(t.total?.score?.a1).toBe("D2");
    // The value cell covered by a merge from the row above: no total from there.
    const covered = withoutTotalRow(
      [
        ["自评表", "", "", ""],
        ["自评总分", 90, "", ""],
      ],
      [[1, 2, 2, 2]],
    );
    expect(covered.total).toBeUndefined();
  });

  it("is not read from a longer label, nor from the last column, nor when the table has a 总分 row", () => {
    expect(withoutTotalRow([["自评表"], ["本项目自评总分情况说明（含扣分）", 90]]).total).toBeUndefined();
    // 17 characters that normalise to 总分: a sentence in the heading, not a label.
    expect(withoutTotalRow([["自评表"], ["总分（按本项目评分标准计算得出的）", 90]]).total).toBeUndefined();
    expect(withoutTotalRow([["自评表"], ["总分（按本项目评分标准计算）", 90]]).total?.score?.a1).toBe("B2");
    // 总分 in I2 (the last of 9 columns): no cell right of it.
    expect(withoutTotalRow([["自评表"], ["", "", "", "", "", "", "", "", "总分"]]).total).toBeUndefined();
    const withRow = tableWith([["自评表"], ["自评总分", 70]]);
    expect(withRow.total?.labelSlot.text).toBe("总分");
    expect(withRow.reading.assumptions.some((a) => a.message["zh-CN"].startsWith("表中无总分行"))).toBe(false);
  });
});

describe("the layout family", () => {
  it("is central for the plain 项目支出 table", () => {
    expect(tableWith([["项目支出绩效自评表"]]).layout).toBe("central");
  });

  it("is department when the title or the sheet says 部门整体 or 整体支出", () => {
    expect(tableWith([["部门整体支出绩效自评表"]]).layout).toBe("department");
    expect(tableWith([["整体支出绩效自评表"]]).layout).toBe("department");
    expect(tableWith([["绩效自评表"]], {}, "部门整体").layout).toBe("department");
  });

  it("is department when a budget row is 基本支出", () => {
    const budget = [
      ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
      ["基本支出", 60, 60, 58, null, null, null],
      ["项目支出", 40, 40, 37, null, null, null],
    ];
    expect(tableWith([["绩效自评表"]], { budget }).layout).toBe("department");
  });

  it("is city-20-80 when the budget's 分值 is 20", () => {
    const budget = [
      ["年度资金总额", 100, 100, 95, 20, 0.95, 19],
      ["其中：当年财政拨款", 100, 100, 95, null, null, null],
    ];
    expect(tableWith([["绩效自评表"]], { budget }).layout).toBe("city-20-80");
    // 10 is the central weight.
    expect(tableWith([["绩效自评表"]]).layout).toBe("central");
  });

  it("is city-20-80 when the budget block's heading gives it 20 points", () => {
    const rows = centralRows();
    rows[2][0] = "预算执行情况（20分）";
    const table = readTable(gridFromRows("自评表", rows)).table!;
    expect(table.execWeightHeading?.weight).toBe(20);
    expect(table.layout).toBe("city-20-80");
    rows[2][0] = "预算执行情况（10分）";
    expect(readTable(gridFromRows("自评表", rows)).table!.layout).toBe("central");
  });
});
