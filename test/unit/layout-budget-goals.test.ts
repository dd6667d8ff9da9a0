/**
 * The budget rows and the goals layout.ts reads under their headers: which rows belong to the block, which is the
 * total, where each block ends. Grids are the central table of test/helpers/tables.ts (budget label in B, amounts
 * in C–E, 分值 F, 执行率 G, 得分 H from row 4; goals' 预期目标 in B and 实际完成情况 in F), so each expected row and
 * cell follows from the rows given here.
 */

import { readCentralTable, type TableCell, type TableSpec } from "../helpers/tables";

type V = TableCell;

const table = readCentralTable;

const budgetOf = (spec: TableSpec, edit?: (rows: V[][]) => void, merges?: Array<[number, number, number, number]>) =>
  table(spec, edit, merges).budgetRows.map((r) => [r.kind, r.label, r.labelSlot.a1, r.planned?.a1]);

describe("the budget rows", () => {
  it("reads each row under the header, the first as the total when none is named so", () => {
    // Default rows: 年度资金总额 (row 4) and three sub-rows.
    expect(budgetOf({})).toEqual([
      ["total", "年度资金总额", "B4", "D4"],
      ["sub", "当年财政拨款", "B5", "D5"],
      ["sub", "上年结转资金", "B6", "D6"],
      ["sub", "其他资金", "B7", "D7"],
    ]);
  });

  it("takes the row named as the total wherever it stands, and the first row when none is", () => {
    const named = budgetOf({
      budget: [
        ["当年财政拨款", 80, 80, 76, null, null, null],
        ["其他资金", 20, 20, 19, null, null, null],
        ["资金总额", 100, 100, 95, 10, 0.95, 9.5],
      ],
    });
    expect(named.map((r) => r[0])).toEqual(["sub", "sub", "total"]);
    const unnamed = budgetOf({
      budget: [
        ["财政拨款", 80, 80, 76, 10, 0.95, 9.5],
        ["其他资金", 20, 20, 19, null, null, null],
      ],
    });
    expect(unnamed.map((r) => r[0])).toEqual(["total", "sub"]);
  });

  it("keeps a row with a label and no amounts, and one with amounts and no label; ends at a row with neither", () => {
    const rows = budgetOf({
      budget: [
        ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
        ["上年结转资金", null, null, null, null, null, null],
        [null, 5, 5, 5, null, null, null],
        [null, null, null, null, null, null, null],
        ["其他资金", 1, 1, 1, null, null, null],
      ],
    });
    expect(rows).toEqual([
      ["total", "年度资金总额", "B4", "D4"],
      ["sub", "上年结转资金", "B5", "D5"],
      ["sub", "", "B6", "D6"],
    ]);
  });

  it("counts an amount only in the row itself, not one a merge from the row above carries", () => {
    // D6 is covered by D5:D6 (a merged 全年预算数): row 6 has no amount of its own and no label, so it ends the block.
    const rows = budgetOf(
      {
        budget: [
          ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
          ["其他资金", 1, 1, 1, null, null, null],
          [null, null, null, null, null, null, null],
        ],
      },
      undefined,
      [[5, 4, 6, 4]],
    );
    expect(rows.map((r) => r[2])).toEqual(["B4", "B5"]);
  });

  it("ends at a label that opens another block", () => {
    const rows = budgetOf({
      budget: [
        ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
        ["绩效目标", 1, 1, 1, null, null, null],
      ],
    });
    expect(rows.map((r) => r[1])).toEqual(["年度资金总额"]);
  });

  it("reads 15 rows under the header at most", () => {
    const budget = [
      ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
      ...Array.from({ length: 19 }, (_, i) => [`资金来源${i + 1}`, 1, 1, 1, null, null, null]),
    ];
    // Header in row 3: rows 4–18.
    const rows = budgetOf({ budget });
    expect(rows).toHaveLength(15);
    expect(rows[14][2]).toBe("B18");
  });

  it("takes the label left of the amounts, skipping a cell merged down from the row above", () => {
    // A4:A7 merged (a 资金来源 heading down the side), labels in B: B's text is each row's label.
    const rows = budgetOf(
      {},
      (r) => {
        r[3][0] = "资金来源";
      },
      [[4, 1, 7, 1]],
    );
    expect(rows.map((r) => r[2])).toEqual(["B4", "B5", "B6", "B7"]);
    // A number left of the amounts is no label: the label is read from the cell before the amounts all the same.
    const numbered = table({}, (r) => {
      r[4][1] = 2;
    }).budgetRows[1];
    expect(numbered.labelSlot.a1).toBe("B5");
    expect(numbered.label).toBe("2");
    // A 序号 in B and the label in A: the text is the label, not the number nearer the amounts.
    const serial = table({}, (r) => {
      r[4][0] = "财政拨款（序号1）";
      r[4][1] = 1;
    }).budgetRows[1];
    expect(serial.labelSlot.a1).toBe("A5");
    expect(serial.label).toBe("财政拨款");
  });
});

const goalsOf = (spec: TableSpec, edit?: (rows: V[][]) => void, merges?: Array<[number, number, number, number]>) =>
  table(spec, edit, merges).goals.map((g) => [g.label, g.expected.a1, g.expected.text, g.actual.a1, g.actual.text]);

describe("the goals", () => {
  // Goal header in row 8 (four budget rows from row 4); goals from row 9.
  it("reads each goal row's expected and actual text", () => {
    expect(
      goalsOf({
        goals: [
          ["目标一", "完成一"],
          ["目标二", "完成二"],
        ],
      }),
    ).toEqual([
      ["", "B9", "目标一", "F9", "完成一"],
      ["", "B10", "目标二", "F10", "完成二"],
    ]);
  });

  it("passes over an empty goal row without ending the goals", () => {
    const goals = goalsOf({
      goals: [
        ["目标一", "完成一"],
        [null, null],
        [null, "只填了完成情况"],
      ],
    });
    expect(goals.map((g) => g[1])).toEqual(["B9", "B11"]);
    expect(goals[1][4]).toBe("只填了完成情况");
  });

  it("reads a goal merged over two rows once", () => {
    const goals = goalsOf(
      {
        goals: [
          ["跨两行的目标", "跨两行的完成情况"],
          [null, null],
          ["目标二", "完成二"],
        ],
      },
      undefined,
      [
        [9, 2, 10, 2],
        [9, 6, 10, 6],
      ],
    );
    expect(goals.map((g) => g[1])).toEqual(["B9", "B11"]);
  });

  it("ends before the indicator header, even one with no label in column A", () => {
    // Goals in rows 9–10, the indicator header in row 11 with A11 left blank.
    const goals = goalsOf(
      {
        goals: [
          ["目标一", "完成一"],
          ["目标二", "完成二"],
        ],
      },
      (r) => {
        r[10][0] = "";
      },
    );
    expect(goals.map((g) => g[1])).toEqual(["B9", "B10"]);
  });

  it("ends at a row labelled 绩效指标 or 一级指标 in column A", () => {
    const goals = goalsOf(
      {
        goals: [
          ["目标一", "完成一"],
          ["见下表", "见下表"],
          ["目标三", "完成三"],
        ],
      },
      (r) => {
        r[9][0] = "绩效指标（见下表）";
      },
    );
    expect(goals.map((g) => g[1])).toEqual(["B9"]);
  });

  it("keeps a row label of its own, but not the block's name repeated", () => {
    const goals = goalsOf(
      {
        goals: [
          ["目标一", "完成一"],
          ["目标二", "完成二"],
          ["目标三", "完成三"],
        ],
      },
      (r) => {
        r[8][0] = "目标1";
        r[9][0] = "年度总体目标";
        r[10][0] = "总体目标";
      },
    );
    expect(goals.map((g) => g[0])).toEqual(["目标1", "", ""]);
  });
});
