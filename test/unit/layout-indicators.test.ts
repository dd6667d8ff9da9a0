/**
 * The indicator rows layout.ts reads: 一级 / 二级 labels inherited down the rows, blocks and their stated weights,
 * block heading rows, template placeholders, the run of blank rows that ends a table, the 总分 row and the 等级
 * beside it. The grid is the central table of test/helpers/tables.ts: indicator header in row 10, indicators from
 * row 11 with 一级 in B, 二级 C, 三级 D, 年度指标值 E, 实际完成值 F, 分值 G, 得分 H, 偏差原因 I.
 */

import { readCentralTable, type TableCell, type TableSpec } from "../helpers/tables";

type V = TableCell;

const table = readCentralTable;

const row = (l1: V, l2: V, name: V, weight: V = 10, score: V = 10): V[] => [
  l1,
  l2,
  name,
  "≥1项",
  "1项",
  weight,
  score,
  "",
];

describe("the indicator rows", () => {
  it("reads each row with the 一级 and 二级 labels it inherits from the rows above", () => {
    const t = table();
    expect(t.indicators.map((i) => [i.row, i.level1, i.level2, i.name.text])).toEqual([
      [11, "产出指标", "数量指标", "培训人次"],
      [12, "产出指标", "质量指标", "培训合格率"],
      [13, "效益指标", "社会效益指标", "服务覆盖面"],
      [14, "满意度指标", "服务对象满意度指标", "学员满意度"],
    ]);
    expect(t.blocks.map((b) => [b.level1, b.labelSlot.a1, b.indicators.length])).toEqual([
      ["产出指标", "B11", 2],
      ["效益指标", "B13", 1],
      ["满意度指标", "B14", 1],
    ]);
    expect(t.total?.labelSlot.a1).toBe("A15");
    expect(t.total?.score?.a1).toBe("H15");
    expect(t.lastRow).toBe(15);
  });

  it("inherits the 一级 label from a merged cell, and a new 二级 label replaces the old from its row on", () => {
    const t = table(
      {
        indicators: [
          row("产出指标", "数量指标", "甲"),
          row(null, null, "乙"),
          row(null, "时效指标", "丙"),
          row("效益指标", null, "丁"),
        ],
      },
      undefined,
      [[11, 2, 13, 2]],
    );
    expect(t.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ["产出指标", "数量指标"],
      ["产出指标", "数量指标"],
      ["产出指标", "时效指标"],
      // A new 一级 starts its 二级 afresh.
      ["效益指标", ""],
    ]);
    expect(t.indicators[1].level1Slot?.a1).toBe("B11");
  });

  it("takes a block's stated weight from its label, and its name without it", () => {
    const t = table({
      indicators: [
        row("产出指标（50分）", "数量指标", "甲", 50, 50),
        row("效益指标30分", "社会效益", "乙", 30, 30),
        row("满意度指标(10.5分)", "满意度", "丙", 10.5, 10.5),
        row("成本指标", "经济成本", "丁", 9.5, 9.5),
      ],
    });
    expect(t.blocks.map((b) => [b.level1, b.statedWeight])).toEqual([
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 10.5],
      ["成本指标", null],
    ]);
  });

  it("reads a block heading row as the block's weight and subtotal, not as an indicator", () => {
    const t = table({
      indicators: [
        ["产出指标（50分）", "", "", "", "", 50, 48, ""],
        row(null, "数量指标", "甲", 25, 24),
        row(null, "质量指标", "乙", 25, 24),
        ["效益指标", "", "", "", "", null, 30, ""],
        row(null, "社会效益", "丙", 30, 30),
      ],
    });
    expect(t.indicators.map((i) => i.name.text)).toEqual(["甲", "乙", "丙"]);
    const [output, effect] = t.blocks;
    expect(output.weightSlot.a1).toBe("G11");
    // The weight typed in the heading row replaces the one in the label.
    expect(output.statedWeight).toBeNull();
    expect(output.subtotalSlot?.a1).toBe("H11");
    // No weight in the heading row: the label cell stays the weight's place.
    expect(effect.weightSlot.a1).toBe("B14");
    expect(effect.subtotalSlot?.a1).toBe("H14");
  });

  it("sets aside a row holding only template text, and reads one with figures as an indicator", () => {
    const t = table({
      indicators: [row("产出指标", "数量指标", "甲"), ["", "", "指标1", "", "", "", "", ""], row(null, null, "指标2")],
    });
    expect(t.placeholders.map((s) => s.a1)).toEqual(["D12"]);
    expect(t.indicators.map((i) => i.name.text)).toEqual(["甲", "指标2"]);
  });

  it("reads on past 49 blank rows and ends at the 50th", () => {
    const blanks = (n: number) => Array.from({ length: n }, () => ["", "", "", "", "", "", "", ""]);
    const on = table({ indicators: [row("产出指标", "数量指标", "甲"), ...blanks(49), row(null, null, "乙")] });
    expect(on.indicators.map((i) => i.row)).toEqual([11, 61]);
    expect(on.total?.labelSlot.a1).toBe("A62");
    const ended = table({ indicators: [row("产出指标", "数量指标", "甲"), ...blanks(50), row(null, null, "乙")] });
    expect(ended.indicators.map((i) => i.row)).toEqual([11]);
    expect(ended.total).toBeUndefined();
    expect(ended.lastRow).toBe(11);
  });

  it("counts only blank rows in a row: an indicator between two runs of 30 starts the count again", () => {
    const blanks = (n: number) => Array.from({ length: n }, () => ["", "", "", "", "", "", "", ""]);
    const t = table({
      indicators: [
        row("产出指标", "数量指标", "甲"),
        ...blanks(30),
        row(null, null, "乙"),
        ...blanks(30),
        row(null, null, "丙"),
      ],
    });
    expect(t.indicators.map((i) => i.row)).toEqual([11, 42, 73]);
  });

  it("does not carry a 二级 label merged down across the start of a new 一级 block", () => {
    // C11:C12 merged (数量指标), but row 12 opens 效益指标: its 二级 starts empty.
    const t = table({ indicators: [row("产出指标", "数量指标", "甲"), row("效益指标", null, "乙")] }, undefined, [
      [11, 3, 12, 3],
    ]);
    expect(t.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ["产出指标", "数量指标"],
      ["效益指标", ""],
    ]);
  });

  it("starts a block for indicators that come before any 一级 label", () => {
    const t = table({ indicators: [row(null, null, "甲"), row("产出指标", "数量指标", "乙")] });
    expect(t.blocks.map((b) => [b.level1, b.labelSlot.a1])).toEqual([
      ["", "D11"],
      ["产出指标", "B12"],
    ]);
  });
});

describe("the 总分 row and the 等级", () => {
  it("reads a grade label and the cell right of it within three rows after the 总分 row", () => {
    const t = table({ grade: "优" });
    // centralRows puts 自评等级 in G16 and the grade in H16.
    expect(t.grade?.labelSlot.a1).toBe("G16");
    expect(t.grade?.value.a1).toBe("H16");
    expect(t.lastRow).toBe(16);
    const far = table({}, (r) => {
      r.push([], [], ["", "", "", "", "", "", "自评等级", "良"]);
    });
    // Row 18: three rows after the 总分 row (15), the last one looked at.
    expect(far.grade?.value.a1).toBe("H18");
    const tooFar = table({}, (r) => {
      r.push([], [], [], ["", "", "", "", "", "", "自评等级", "良"]);
    });
    expect(tooFar.grade).toBeUndefined();
    expect(tooFar.lastRow).toBe(15);
  });

  it("does not take a grade label typed over the 总分 row's figures as a grade cell", () => {
    const t = table({}, (r) => {
      r[14] = ["总分", "", "", "", "", "自评等级", 100, 99.5];
    });
    expect(t.total?.weight?.a1).toBe("G15");
    expect(t.grade).toBeUndefined();
  });

  it("finds the 总分 label only up to the 三级指标 column", () => {
    // 合计 in E15 (年度指标值) is right of D: not a 总分 label; the table then has no 总分 row.
    const t = table({}, (r) => {
      r[14] = ["", "", "", "", "合计", "", 100, 99.5];
    });
    expect(t.total).toBeUndefined();
    // …and row 15, with figures in it, is read as an indicator row.
    expect(t.indicators.map((i) => i.row)).toEqual([11, 12, 13, 14, 15]);
    const inD = table({}, (r) => {
      r[14] = ["", "", "", "合计", "", "", 100, 99.5];
    });
    expect(inD.total?.labelSlot.a1).toBe("D15");
  });
});
