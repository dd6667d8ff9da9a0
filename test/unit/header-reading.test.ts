/**
 * The header reader (header.ts) read directly: readHeaders over a SheetReader, and composeColumn. Each test states by
 * hand what the cells under a header are, which role each column takes, how sure the reader is (sure from 0.95,
 * likely from 0.6: strength = how plainly the header names the role × how far the data bears it out), and what it
 * says when two readings were possible. Strengths used below: a known synonym 1, a pattern 0.7, a parent over a
 * child that names nothing 0.85, a child completing its parent's word ("全年" under "预算数") 0.95; the data factor is
 * 1 (≥ 80% numbers under a figure role, ≥ 50% text under a row label), 0.9 (no data yet), 0.8 (50–80% numbers),
 * 0.6 (one cell, and it disagrees), 0.3 (rejected).
 */
import { gridFromRows, type LayoutOverride } from "../../src/domain";
import type { Cell, CellValue } from "../../src/domain/grid";
import { SheetReader } from "../../src/domain/layout";
import { composeColumn, composeColumns, readHeaders, roleName, type BlockHeader } from "../../src/domain/header";
import type { RoleReading } from "../../src/domain/reading";

type Row = Array<CellValue | Cell | undefined>;

const sheet = (rows: Row[], merges: string[] = []) => new SheetReader(gridFromRows("自评表", rows, merges));
const read = (rows: Row[], merges: string[] = [], layout?: LayoutOverride) => readHeaders(sheet(rows, merges), layout);

function block(b: BlockHeader | undefined): BlockHeader {
  if (!b) throw new Error("block not read");
  return b;
}
function reading(b: BlockHeader | undefined, role: string): RoleReading {
  const r = block(b).readings.find((x) => x.role === role);
  if (!r) throw new Error(`no ${role} reading`);
  return r;
}
/** role → column letters, in the order the readings come. */
const letters = (b: BlockHeader | undefined) => Object.fromEntries(block(b).readings.map((r) => [r.role, r.column]));
const confidences = (b: BlockHeader | undefined) =>
  Object.fromEntries(block(b).readings.map((r) => [r.role, r.confidence]));
const rowsOf = (b: BlockHeader | undefined) => [block(b).top, block(b).bottom];
const layout = (o: Omit<LayoutOverride, "ziping" | "version">): LayoutOverride => ({
  ziping: "layout",
  version: 1,
  ...o,
});

const INDICATOR_HEADER: Row = ["三级指标", "年度指标值", "实际完成值", "分值", "得分"];
/** An indicator table whose 分值 column (D) holds the given cells, one indicator per cell. */
const withWeights = (weights: Array<CellValue | undefined>): Row[] => [
  INDICATOR_HEADER,
  ...weights.map((w, i): Row => [`指标${i + 1}`, "≥90%", "95%", w, 10]),
];
/** An indicator table whose 三级指标 column (A) holds the given cells. */
const withNames = (names: CellValue[]): Row[] => [
  INDICATOR_HEADER,
  ...names.map((n): Row => [n, "≥90%", "95%", 10, 10]),
];

describe("a plain one-row indicator header: roles, evidence, confidence, order", () => {
  // Row 4 is empty: an indicator block's data does not end at an empty row (only budget and goal blocks do).
  const rows: Row[] = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 50, 50],
    ["效益指标", "社会效益指标", "就业率", "≥80%", "82%", 30, 30],
    [],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 20, 20],
  ];
  const h = read(rows);

  it("reads each column's role, in column order, from the header cells of row 1", () => {
    expect(rowsOf(h.indicator)).toEqual([1, 1]);
    expect(block(h.indicator).readings.map((r) => [r.role, r.column, r.headerCell, r.header])).toEqual([
      ["level1", "A", "A1", "一级指标"],
      ["level2", "B", "B1", "二级指标"],
      ["name", "C", "C1", "三级指标"],
      ["target", "D", "D1", "年度指标值"],
      ["actual", "E", "E1", "实际完成值"],
      ["weight", "F", "F1", "分值"],
      ["score", "G", "G1", "得分"],
      ["reason", "H", "H1", "偏差原因"],
    ]);
    expect(block(h.indicator).cols).toEqual({
      level1: 1,
      level2: 2,
      name: 3,
      target: 4,
      actual: 5,
      weight: 6,
      score: 7,
      reason: 8,
    });
    expect(block(h.indicator).readings.every((r) => r.source === "header" && r.block === "indicator")).toBe(true);
    // The data starts under the header.
    expect(block(h.indicator).readings.every((r) => r.rows[0] === 2 && r.rows[1] === 2)).toBe(true);
    expect(block(h.indicator).assumptions).toEqual([]);
  });

  it("names no budget or goal block: 分值 / 得分 / 偏差原因 alone are not a budget header", () => {
    expect(h.budget).toBeUndefined();
    expect(h.goal).toBeUndefined();
  });

  it("says what the cells under each column hold, in both languages", () => {
    // Three indicators (rows 2, 3, 5); the empty row 4 is skipped, not counted.
    expect(reading(h.indicator, "level1").evidence).toEqual({
      "zh-CN": "3 行中 3 行为文字",
      "en-US": "3 of 3 rows hold text",
    });
    expect(reading(h.indicator, "target").evidence).toEqual({
      "zh-CN": "3 行中 3 行已填写",
      "en-US": "3 of 3 rows filled",
    });
    expect(reading(h.indicator, "weight").evidence).toEqual({
      "zh-CN": "3 行中 3 行为数值",
      "en-US": "3 of 3 rows hold numbers",
    });
    // Nothing under 偏差原因: only its header speaks for it.
    expect(reading(h.indicator, "reason").evidence).toEqual({ "zh-CN": "表头名称", "en-US": "header label" });
  });

  it("is sure of every synonym the data bears out; 偏差原因 fits only the pattern (0.7): likely", () => {
    expect(confidences(h.indicator)).toEqual({
      level1: "sure",
      level2: "sure",
      name: "sure",
      target: "sure",
      actual: "sure",
      weight: "sure",
      score: "sure",
      reason: "likely",
    });
  });
});

describe("data under a figure header: numbers, not-applicable marks, text (dataProfile / confirm)", () => {
  it("counts numbers and numbers typed as text as numbers, —/无/不适用/不涉及 as marks, other words as text", () => {
    // D: 30 and "20" are numbers, four marks, "暂无" and "无法统计" are words, the blank is not counted:
    // 6 of 8 bear out 分值 (75%: factor 0.8 → likely).
    const h = read(withWeights([30, "20", "—", "无", "不适用", "不涉及", "暂无", "无法统计", undefined]));
    expect(reading(h.indicator, "weight").evidence).toEqual({
      "zh-CN": "8 行中 6 行为数值",
      "en-US": "6 of 8 rows hold numbers",
    });
    expect(reading(h.indicator, "weight").confidence).toBe("likely");
    expect(reading(h.indicator, "score").evidence["zh-CN"]).toBe("9 行中 9 行为数值");
  });

  it("4 of 5 numbers (80%) is enough to be sure", () => {
    const h = read(withWeights([50, 30, 10, 10, "见说明"]));
    expect(reading(h.indicator, "weight").evidence["zh-CN"]).toBe("5 行中 4 行为数值");
    expect(reading(h.indicator, "weight").confidence).toBe("sure");
  });

  it("1 of 2 (50%) is likely; one cell of text is likely (0.6); two cells of text are rejected (0.3) yet kept", () => {
    const half = read(withWeights([50, "见说明"]));
    expect(reading(half.indicator, "weight").evidence["en-US"]).toBe("1 of 2 rows hold numbers");
    expect(reading(half.indicator, "weight").confidence).toBe("likely");

    const one = read(withWeights(["见说明"]));
    expect(reading(one.indicator, "weight").evidence["zh-CN"]).toBe("1 行中 0 行为数值");
    expect(reading(one.indicator, "weight").confidence).toBe("likely");

    // No other column fits 分值: D keeps it, unsure, so that the evaluation reports the text.
    const two = read(withWeights(["见说明", "见评分标准"]));
    expect(reading(two.indicator, "weight").column).toBe("D");
    expect(reading(two.indicator, "weight").evidence["zh-CN"]).toBe("2 行中 0 行为数值");
    expect(reading(two.indicator, "weight").confidence).toBe("unsure");
    expect(block(two.indicator).assumptions).toEqual([]);
  });

  it("a header with no data under it yet: figure and row-label roles 0.9 (likely), others by their label", () => {
    const h = read([INDICATOR_HEADER]);
    expect(reading(h.indicator, "weight").evidence).toEqual({
      "zh-CN": "其下暂无数据",
      "en-US": "no data under it yet",
    });
    expect(reading(h.indicator, "weight").confidence).toBe("likely");
    expect(reading(h.indicator, "name").evidence).toEqual({ "zh-CN": "其下暂无数据", "en-US": "no data under it yet" });
    expect(reading(h.indicator, "name").confidence).toBe("likely");
    expect(reading(h.indicator, "target").evidence).toEqual({ "zh-CN": "表头名称", "en-US": "header label" });
    expect(reading(h.indicator, "target").confidence).toBe("sure");
  });
});

describe("data under a row-label header (三级指标) must be text", () => {
  it("half text (1 of 2) is enough: sure", () => {
    const h = read(withNames(["培训人次", 12]));
    expect(reading(h.indicator, "name").evidence).toEqual({
      "zh-CN": "2 行中 1 行为文字",
      "en-US": "1 of 2 rows hold text",
    });
    expect(reading(h.indicator, "name").confidence).toBe("sure");
  });

  it("a single number under it: 0.6, likely", () => {
    const h = read(withNames([12]));
    expect(reading(h.indicator, "name").evidence["zh-CN"]).toBe("1 行中 0 行为文字");
    expect(reading(h.indicator, "name").confidence).toBe("likely");
  });

  it("two numbers, or 1 text in 3: rejected (0.3), unsure", () => {
    expect(reading(read(withNames([12, 13])).indicator, "name").confidence).toBe("unsure");
    const third = read(withNames(["培训人次", 12, 13]));
    expect(reading(third.indicator, "name").evidence["en-US"]).toBe("1 of 3 rows hold text");
    expect(reading(third.indicator, "name").confidence).toBe("unsure");
  });

  it("the level-1 column is sampled down to the 总分 row, not past it", () => {
    const h = read([
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "培训人次", "≥500人次", "520人次", 50, 50],
      ["满意度指标", "学员满意度", "≥90%", "93%", 50, 50],
      ["总分", "", "", "", 100, 100],
      ["填表人：张三"],
    ]);
    // 产出指标, 满意度指标, 总分: the note under the table is not read.
    expect(reading(h.indicator, "level1").evidence["zh-CN"]).toBe("3 行中 3 行为文字");
  });
});

describe("where a budget or goal block's data ends", () => {
  const HEADER: Row = ["项目资金", "全年预算数", "全年执行数"];

  it("the first 10 rows of a budget block are sampled", () => {
    const rows: Row[] = [HEADER, ...Array.from({ length: 12 }, (_, i): Row => [`资金${i + 1}`, 10, 9])];
    expect(reading(read(rows).budget, "planned").evidence["zh-CN"]).toBe("10 行中 10 行为数值");
  });

  it("an empty row ends it", () => {
    const rows: Row[] = [HEADER, ["年度资金总额", 100, 95], ["财政资金", 100, 95], [], ["其他资金", 50, 40]];
    expect(reading(read(rows).budget, "planned").evidence["zh-CN"]).toBe("2 行中 2 行为数值");
  });

  it("a row of styled empty cells (value null) is empty too", () => {
    const rows: Row[] = [
      HEADER,
      ["年度资金总额", 100, 95],
      ["财政资金", 100, 95],
      [{ value: null }],
      ["其他资金", 50, 40],
    ];
    expect(reading(read(rows).budget, "planned").evidence["zh-CN"]).toBe("2 行中 2 行为数值");
  });

  it("a row opening another block (年度总体目标) ends it", () => {
    const rows: Row[] = [HEADER, ["年度资金总额", 100, 95], ["年度总体目标"], ["", 50, 40]];
    expect(reading(read(rows).budget, "planned").evidence["zh-CN"]).toBe("1 行中 1 行为数值");
  });

  it("a row with a cell only in the last column is not empty", () => {
    const rows: Row[] = [
      ["项目资金", "全年预算数", "全年执行数", "原因"],
      ["年度资金总额", 100, 95],
      ["", "", "", "以上为全年数"],
      ["财政资金", 100, 95],
    ];
    expect(reading(read(rows).budget, "planned").evidence["zh-CN"]).toBe("2 行中 2 行为数值");
  });

  it("the next block's header ends it, even one that opens with no block label (指标名称)", () => {
    const rows: Row[] = [
      HEADER,
      ["年度资金总额", 100, 95],
      ["财政资金", 100, 95],
      ["指标名称", "指标值", "实际值", "分值", "得分"],
      ["培训人次", "≥500人次", "520人次", 50, 50],
    ];
    const h = read(rows);
    expect(rowsOf(h.indicator)).toEqual([4, 4]);
    expect(reading(h.budget, "planned").evidence["zh-CN"]).toBe("2 行中 2 行为数值");
  });

  it("a goal block between the budget and the indicators reads its own rows only", () => {
    const rows: Row[] = [
      HEADER,
      ["年度资金总额", 100, 95],
      ["预期目标", "实际完成情况"],
      ["完成培训500人次", "完成培训520人次"],
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "培训人次", "≥500人次", "520人次", 90, 90],
    ];
    const h = read(rows);
    expect(rowsOf(h.goal)).toEqual([3, 3]);
    expect(letters(h.goal)).toEqual({ expected: "A", actual: "B" });
    expect(reading(h.goal, "expected").evidence).toEqual({
      "zh-CN": "1 行中 1 行已填写",
      "en-US": "1 of 1 rows filled",
    });
    // The budget stops at the goal header (a block label).
    expect(reading(h.budget, "planned").evidence["zh-CN"]).toBe("1 行中 1 行为数值");
    expect(rowsOf(h.indicator)).toEqual([5, 5]);
  });
});

describe("two-row budget header: 预算数 over 年初 / 全年, 执行率 over a unit row", () => {
  // B2:C2 预算数 over 年初 (B3) and 全年 (C3): "年初预算数" 0.95 (sure, at the bound) and "全年预算数" 0.95;
  // 执行率 over "%" names the rate by its parent only: 0.85, likely.
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["资金来源", "预算数", "", "执行数", "执行率"],
    ["", "年初", "全年", "", "%"],
    ["年度资金总额", 100, 120, 114, 0.95],
    ["财政资金", 100, 120, 114, 0.95],
  ];
  const merges = ["A2:A3", "B2:C2", "D2:D3"];

  it("completes the parent's word with the child's and reads both rows", () => {
    const h = read(rows, merges);
    expect(rowsOf(h.budget)).toEqual([2, 3]);
    expect(letters(h.budget)).toEqual({ initial: "B", planned: "C", executed: "D", rate: "E" });
    expect(block(h.budget).readings.map((r) => [r.role, r.header, r.headerCell])).toEqual([
      ["initial", "预算数 / 年初", "B3"],
      ["planned", "预算数 / 全年", "C3"],
      ["executed", "执行数", "D2"],
      ["rate", "执行率 / %", "E3"],
    ]);
    expect(confidences(h.budget)).toEqual({ initial: "sure", planned: "sure", executed: "sure", rate: "likely" });
    expect(block(h.budget).assumptions).toEqual([]);
  });

  it("a 全年预算数 column beside it (1) takes 全年预算数, with 预算数 / 全年 (0.95, within 0.05) as its rival", () => {
    const wide = rows.map((r, i) => [...r, ...(i === 1 ? ["全年预算数"] : i >= 3 ? [120] : [])]);
    const h = read(wide, [...merges, "F2:F3"]);
    expect(letters(h.budget)).toEqual({ initial: "B", executed: "D", rate: "E", planned: "F" });
    expect(reading(h.budget, "planned").confidence).toBe("unsure");
    expect(reading(h.budget, "initial").confidence).toBe("sure");
    const [said, ...more] = block(h.budget).assumptions;
    expect(more).toEqual([]);
    expect([said.cell, said.role]).toEqual(["F2", "planned"]);
    expect(said.message["zh-CN"]).toBe("F 列“全年预算数”与 C 列“预算数 / 全年”均可作为“全年预算数”，取 F 列");
    // The role's name in the English message is roleName's, the zh-CN one (see the report): only the rest is pinned.
    expect(said.message["en-US"]).toMatch(
      /^columns F \("全年预算数"\) and C \("预算数 \/ 全年"\) could both be "Full-year budget"; F was taken$/,
    );
  });
});

describe("rivals and layout assumptions", () => {
  it("two columns headed 得分: the left one is taken, unsure, and the choice is said in both languages", () => {
    // A two-row header (B1:C1 指标值 over 年度指标值 / 实际完成值); 得分 in E1:E2 and F1:F2.
    const rows: Row[] = [
      ["三级指标", "指标值", "", "分值", "得分", "得分"],
      ["", "年度指标值", "实际完成值"],
      ["培训人次", "≥500人次", "520人次", 50, 50, 50],
      ["就业率", "≥80%", "82%", 50, 45, 45],
    ];
    const h = read(rows, ["A1:A2", "B1:C1", "D1:D2", "E1:E2", "F1:F2"]);
    expect(rowsOf(h.indicator)).toEqual([1, 2]);
    expect(letters(h.indicator)).toEqual({ name: "A", target: "B", actual: "C", weight: "D", score: "E" });
    // Only the role with an open rival is unsure.
    expect(confidences(h.indicator)).toEqual({
      name: "sure",
      target: "sure",
      actual: "sure",
      weight: "sure",
      score: "unsure",
    });
    expect(reading(h.indicator, "score").headerCell).toBe("E1");
    expect(reading(h.indicator, "target").headerCell).toBe("B2");
    expect(reading(h.indicator, "target").header).toBe("指标值 / 年度指标值");
    const [said, ...more] = block(h.indicator).assumptions;
    expect(more).toEqual([]);
    expect([said.cell, said.role]).toEqual(["E1", "score"]);
    expect(said.message["zh-CN"]).toBe("E 列“得分”与 F 列“得分”均可作为“得分”，取 E 列");
    expect(said.message["en-US"]).toMatch(/^columns E \("得分"\) and F \("得分"\) could both be "Score"; E was taken$/);
  });

  it("text under a header that fits 分值 only by its pattern (考核分值, 0.7) is said, naming the column taken", () => {
    const rows: Row[] = [
      ["三级指标", "考核分值", "年度指标值", "实际完成值", "分值", "得分"],
      ["新建公厕座数", "反映公厕建设任务完成情况", "≥20座", "20座", 50, 50],
      ["公厕使用率", "反映公厕使用情况", "≥80%", "85%", 50, 50],
    ];
    const h = read(rows);
    expect(letters(h.indicator)).toEqual({ name: "A", target: "C", actual: "D", weight: "E", score: "F" });
    // B (0.7 × 0.3 = 0.21) is far below E: no rival, E is sure.
    expect(reading(h.indicator, "weight").confidence).toBe("sure");
    const [said, ...more] = block(h.indicator).assumptions;
    expect(more).toEqual([]);
    expect([said.cell, said.role]).toEqual(["B1", "weight"]);
    expect(said.message["zh-CN"]).toBe("B 列表头“考核分值”下为文字，未作为“分值”列（取 E 列“分值”）");
    expect(said.message["en-US"]).toMatch(
      /^column B \("考核分值"\) holds text, so it was not read as "Weight" \(column E was\)$/,
    );
  });

  it("a column read as another role (实际得分 → 实际完成值) is still said to hold text under its 得分", () => {
    // C: 实际 (pattern, actual 0.7) and 实际得分 (synonym of 得分, over text: 0.3); E 得分 takes the score.
    const rows: Row[] = [
      ["三级指标", "年度指标值", "实际得分", "分值", "得分"],
      // Words, not figures: "520人次" would be read as a number.
      ["培训人次", "≥500人次", "全部完成", 50, 50],
      ["就业率", "≥80%", "基本完成", 50, 50],
    ];
    const h = read(rows);
    expect(letters(h.indicator)).toEqual({ name: "A", target: "B", actual: "C", weight: "D", score: "E" });
    expect(reading(h.indicator, "actual").confidence).toBe("likely");
    const [said, ...more] = block(h.indicator).assumptions;
    expect(more).toEqual([]);
    expect([said.cell, said.role]).toEqual(["C1", "score"]);
    expect(said.message["zh-CN"]).toBe("C 列表头“实际得分”下为文字，未作为“得分”列（取 E 列“得分”）");
    expect(said.message["en-US"]).toMatch(
      /^column C \("实际得分"\) holds text, so it was not read as ".+" \(column E was\)$/,
    );
  });

  it("a figure role no column took is said without naming a column", () => {
    // E 单项指标得分 over text: 得分系数 (synonym, 0.3) or 得分 (pattern, 0.21 + 1.5 required): E is read as the
    // score, and nothing as the coefficient.
    const rows: Row[] = [
      ["三级指标", "年度指标值", "实际完成值", "分值", "单项指标得分"],
      ["培训人次", "≥500人次", "520人次", 50, "优"],
      ["就业率", "≥80%", "82%", 50, "良"],
    ];
    const h = read(rows);
    expect(letters(h.indicator)).toEqual({ name: "A", target: "B", actual: "C", weight: "D", score: "E" });
    expect(reading(h.indicator, "score").confidence).toBe("unsure");
    const [said, ...more] = block(h.indicator).assumptions;
    expect(more).toEqual([]);
    expect([said.cell, said.role]).toEqual(["E1", "coefficient"]);
    expect(said.message["zh-CN"]).toBe("E 列表头“单项指标得分”下为文字，未作为“得分系数”列");
    expect(said.message["en-US"]).toMatch(/^column E \("单项指标得分"\) holds text, so it was not read as "[^"]+"$/);
  });

  it("a row-label column is not reported for the figure role its header also fits (三级指标分值)", () => {
    const rows: Row[] = [
      ["一级指标", "三级指标分值", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "培训人次", "≥500人次", "520人次", 50, 50],
      ["效益指标", "就业率", "≥80%", "82%", 50, 50],
    ];
    const h = read(rows);
    expect(reading(h.indicator, "name").column).toBe("B");
    expect(reading(h.indicator, "name").confidence).toBe("likely");
    expect(reading(h.indicator, "weight").column).toBe("E");
    expect(block(h.indicator).assumptions).toEqual([]);
  });
});

describe("the best assignment over the whole header", () => {
  it("单项指标 over 得分 / 折算得分: the mark is the coefficient (0.95), 折算得分 the score", () => {
    // Taking F for 得分 first (as a greedy reader would) would leave 单项指标得分 unread.
    const rows: Row[] = [
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "单项指标", ""],
      ["", "", "", "", "", "得分", "折算得分"],
      ["产出指标", "培训人次", "≥500人次", "520人次", 40, 100, 40],
      ["效益指标", "就业率", "≥80%", "76%", 60, 95, 57],
    ];
    const h = read(rows, ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1"]);
    expect(rowsOf(h.indicator)).toEqual([1, 2]);
    expect(letters(h.indicator)).toEqual({
      level1: "A",
      name: "B",
      target: "C",
      actual: "D",
      weight: "E",
      coefficient: "F",
      score: "G",
    });
    expect(reading(h.indicator, "coefficient").confidence).toBe("sure");
    expect(reading(h.indicator, "score").confidence).toBe("sure");
    expect(block(h.indicator).assumptions).toEqual([]);
  });

  it("权重得分 fits both 分值 and 得分: it gives 得分 to a weaker 得分 column to keep 分值 off the text column", () => {
    // D 指标分值 over text: 分值 0.3 (+1 required = 1.3). E 权重得分: 分值 0.7 (1.7) or 得分 0.7 (2.2).
    // F 考核得分, 3 of 5 numbers: 得分 0.7 × 0.8 = 0.56 (2.06). E 分值 + F 得分 = 3.76 beats E 得分 + D 分值 = 3.5.
    const rows: Row[] = [
      ["三级指标", "年度指标值", "实际完成值", "指标分值", "权重得分", "考核得分"],
      ["培训人次", "≥500人次", "520人次", "反映培训规模", 30, 28],
      ["合格率", "≥95%", "96%", "反映培训质量", 30, 30],
      ["就业率", "≥80%", "76%", "反映培训效果", 20, 18],
      ["满意度", "≥90%", "93%", "反映学员评价", 10, "待评"],
      ["投诉率", "≤1%", "0.5%", "反映服务质量", 10, "待评"],
    ];
    const h = read(rows);
    expect(letters(h.indicator)).toEqual({ name: "A", target: "B", actual: "C", weight: "E", score: "F" });
    expect(reading(h.indicator, "score").evidence["zh-CN"]).toBe("5 行中 3 行为数值");
  });

  it("a lone 实际完成指标值 (actual and target alike, 0.7) is the actual, and one column takes one role", () => {
    const rows: Row[] = [
      ["三级指标", "实际完成指标值", "分值", "得分"],
      ["培训人次", "520人次", 50, 50],
      ["就业率", "82%", 50, 50],
    ];
    const h = read(rows);
    expect(letters(h.indicator)).toEqual({ name: "A", actual: "B", weight: "C", score: "D" });
  });

  it("the tie goes to the actual even when the target was first seen in an earlier column", () => {
    // A 三级指标值: 三级指标 (pattern, 0.7 + 2) or 年度指标值 (pattern, 0.7 + 1); B 实际完成指标值: actual or target,
    // 0.7 + 1 each. A is the name; B's two readings tie, and the roles are weighed in their fixed order (actual first).
    const rows: Row[] = [
      ["三级指标值", "实际完成指标值", "分值", "得分"],
      ["培训人次", "520人次", 50, 50],
      ["就业率", "82%", 50, 50],
    ];
    expect(letters(read(rows).indicator)).toEqual({ name: "A", actual: "B", weight: "C", score: "D" });
  });

  it("when the officer puts the actual elsewhere, 实际完成指标值 is read as the target", () => {
    const rows: Row[] = [
      ["三级指标", "实际完成指标值", "分值", "得分", "说明"],
      ["培训人次", "≥500人次", 50, 50, "520人次"],
      ["就业率", "≥80%", 50, 50, "82%"],
    ];
    const h = read(rows, [], layout({ indicator: { columns: { actual: "E" } } }));
    expect(letters(h.indicator)).toEqual({ name: "A", target: "B", weight: "C", score: "D", actual: "E" });
  });

  it("of two indicator headers, the one that fills the required roles wins over one with more columns", () => {
    // Row 1: 7 roles, of them 三级指标 and 得分 required (7 + 2 + 1.5 = 10.5);
    // row 4: 5 roles, all required (5 + 2 + 1 + 1 + 1 + 1.5 = 11.5).
    const rows: Row[] = [
      ["一级指标", "二级指标", "三级指标", "度量单位", "评分标准", "得分", "偏差原因分析"],
      ["产出指标", "数量指标", "培训人次", "人次", "完成得满分", 50, ""],
      [],
      INDICATOR_HEADER,
      ["培训人次", "≥500人次", "520人次", 50, 50],
      ["就业率", "≥80%", "82%", 50, 50],
    ];
    const h = read(rows);
    expect(rowsOf(h.indicator)).toEqual([4, 4]);
  });
});

describe("which rows are the header", () => {
  it("a block title merged over the header adds no role: the fewer rows win the tie", () => {
    const rows: Row[] = [
      ["年度绩效目标（80分）"],
      INDICATOR_HEADER,
      ["培训人次", "≥500人次", "520人次", 50, 50],
      ["就业率", "≥80%", "82%", 30, 30],
    ];
    const h = read(rows, ["A1:E1"]);
    expect(rowsOf(h.indicator)).toEqual([2, 2]);
    expect(reading(h.indicator, "name").header).toBe("三级指标");
    // The officer naming row 2 gets the same.
    expect(rowsOf(read(rows, ["A1:E1"], layout({ indicator: { headerRow: 2 } })).indicator)).toEqual([2, 2]);
  });

  it("a two-row template with no data yet, its child row the sheet's last row", () => {
    const rows: Row[] = [
      ["项目支出绩效自评表"],
      ["资金来源", "预算执行情况", "", "", "分值", "得分"],
      ["", "预算数", "执行数", "执行率"],
    ];
    const h = read(rows, ["A2:A3", "B2:D2", "E2:E3", "F2:F3"]);
    expect(rowsOf(h.budget)).toEqual([2, 3]);
    expect(letters(h.budget)).toEqual({ planned: "B", executed: "C", rate: "D", weight: "E", score: "F" });
    // No data under the figures yet: 0.9 each.
    expect(Object.values(confidences(h.budget))).toEqual(["likely", "likely", "likely", "likely", "likely"]);
    expect(reading(h.budget, "planned").evidence["en-US"]).toBe("no data under it yet");
  });

  it("a styled empty cell (value null) in the child row does not break it", () => {
    const rows: Row[] = [
      ["项目支出绩效自评表"],
      ["资金来源", "预算执行情况", "", "", "分值", "得分"],
      [{ value: null }, "预算数", "执行数", "执行率"],
      ["年度资金总额", 100, 95, 0.95, 10, 9.5],
    ];
    const h = read(rows, ["B2:D2", "E2:E3", "F2:F3"]);
    expect(rowsOf(h.budget)).toEqual([2, 3]);
    expect(letters(h.budget)).toEqual({ planned: "B", executed: "C", rate: "D", weight: "E", score: "F" });
  });

  it("at most three header rows (MAX_HEADER_ROWS): of a four-row header the top row is not read", () => {
    // Rows 2–5: 资金来源, 分值 and 得分 merged down from row 2; 预算执行情况 (B2:E2) over 金额 (B3:D3) and 执行率
    // (E3:E5); 金额 over 预算 (B4:C4) and 执行数 (D4:D5); 预算 over 年初预算数 / 全年预算数. The best region of at
    // most three rows is 3–5: 分值 and 得分 (owned by row 2) are not in it.
    const rows: Row[] = [
      ["项目支出绩效自评表"],
      ["资金来源", "预算执行情况", "", "", "", "分值", "得分"],
      ["", "金额", "", "", "执行率"],
      ["", "预算", "", "执行数"],
      ["", "年初预算数", "全年预算数"],
      ["年度资金总额", 100, 120, 114, 0.95, 10, 9.5],
      ["财政资金", 100, 120, 114, 0.95],
    ];
    const merges = ["A2:A5", "B2:E2", "F2:F5", "G2:G5", "B3:D3", "E3:E5", "B4:C4", "D4:D5"];
    const h = read(rows, merges);
    expect(rowsOf(h.budget)).toEqual([3, 5]);
    expect(letters(h.budget)).toEqual({ initial: "B", planned: "C", executed: "D", rate: "E" });
    // Naming row 5 as the header row considers the same three rows at most.
    const forced = read(rows, merges, layout({ budget: { headerRow: 5 } }));
    expect(rowsOf(forced.budget)).toEqual([3, 5]);
    expect(letters(forced.budget)).toEqual({ initial: "B", planned: "C", executed: "D", rate: "E" });
  });

  it("the header is searched in the first 300 rows (HEADER_SCAN_ROWS)", () => {
    const at = (row: number): Row[] => [
      ...Array.from({ length: row - 1 }, (): Row => []),
      INDICATOR_HEADER,
      ["培训人次", "≥500人次", "520人次", 50, 50],
    ];
    expect(rowsOf(read(at(300)).indicator)).toEqual([300, 300]);
    expect(read(at(301)).indicator).toBeUndefined();
  });

  it("at most 40 regions of one block are read in full (MAX_REGIONS): a hostile sheet gets no more", () => {
    // Forty header-like rows that each read as a small indicator header (三级指标 / 年度指标值 / 实际完成值), then the
    // full header in row 41: it is never read, and the first of the equal small ones stays.
    const rows: Row[] = [
      ...Array.from({ length: 40 }, (): Row => ["三级指标", "年度指标值", "实际完成值"]),
      INDICATOR_HEADER,
      ["培训人次", "≥500人次", "520人次", 50, 50],
    ];
    const h = read(rows);
    expect(rowsOf(h.indicator)).toEqual([1, 1]);
    // With one small row fewer, row 40 is the full header and wins.
    expect(rowsOf(read(rows.slice(1)).indicator)).toEqual([40, 40]);
  });
});

describe("which region is a block", () => {
  const data: Row = ["培训人次", "完成得满分", 10];

  it("an indicator header needs 三级指标 and two of 年度指标值 / 实际完成值 / 分值 / 得分, or 得分 with 评分标准", () => {
    expect(letters(read([["三级指标", "评分标准", "得分"], data]).indicator)).toEqual({
      name: "A",
      criteria: "B",
      score: "C",
    });
    expect(read([["三级指标", "评分标准", "年度指标值"], data]).indicator).toBeUndefined();
    expect(letters(read([["三级指标", "年度指标值", "实际完成值"], data]).indicator)).toEqual({
      name: "A",
      target: "B",
      actual: "C",
    });
    expect(
      letters(
        read([
          ["三级指标", "分值", "得分"],
          ["培训人次", 10, 10],
        ]).indicator,
      ),
    ).toEqual({
      name: "A",
      weight: "B",
      score: "C",
    });
    expect(
      read([
        ["年度指标值", "实际完成值", "分值", "得分"],
        ["≥500人次", "520人次", 10, 10],
      ]).indicator,
    ).toBeUndefined();
  });

  it("one column cannot be both 三级指标 and 年度指标值 (三级指标值 + 实际完成值 is no table)", () => {
    expect(
      read([
        ["三级指标值", "实际完成值"],
        ["培训人次", "520人次"],
      ]).indicator,
    ).toBeUndefined();
  });

  it("a budget header needs both 全年预算数 and 全年执行数", () => {
    expect(
      read([
        ["项目资金", "全年预算数", "分值"],
        ["年度资金总额", 100, 10],
      ]).budget,
    ).toBeUndefined();
  });

  it("a goal header needs both 预期目标 and its 完成情况", () => {
    expect(read([["预期目标"], ["完成培训500人次"]]).goal).toBeUndefined();
    const h = read([
      ["预期目标", "完成情况"],
      ["完成培训500人次", "完成培训520人次"],
    ]);
    expect(letters(h.goal)).toEqual({ expected: "A", actual: "B" });
  });

  it("the indicator header row is not read again as the goal block (预期目标 / 实际完成情况 in it)", () => {
    const rows: Row[] = [
      ["一级指标", "二级指标", "三级指标", "预期目标", "实际完成情况", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 50, 50],
      ["效益指标", "社会效益指标", "就业率", "≥80%", "82%", 50, 50],
    ];
    const h = read(rows);
    expect(letters(h.indicator)).toEqual({ level1: "A", level2: "B", name: "C", actual: "E", weight: "F", score: "G" });
    expect(h.goal).toBeUndefined();
  });
});

describe("the officer's layout override", () => {
  const rows: Row[] = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 50, 50, "", 50],
    ["效益指标", "社会效益指标", "就业率", "≥80%", "82%", 50, 50, "", 50],
  ];

  it("a role set on a column with no header: the column, no header text, the cell in the header row, sure", () => {
    const h = read(rows, [], layout({ indicator: { columns: { weight: "I", score: "7" } } }));
    const w = reading(h.indicator, "weight");
    expect([w.col, w.column, w.header, w.headerCell, w.source, w.confidence]).toEqual([
      9,
      "I",
      "",
      "I1",
      "layout",
      "sure",
    ]);
    expect(w.evidence).toEqual({ "zh-CN": "按更正的版式", "en-US": "as the layout correction sets it" });
    // F (分值) no longer holds the weight; "7" is no column letter and is ignored: 得分 stays in G, from its header.
    expect(block(h.indicator).readings.some((r) => r.column === "F")).toBe(false);
    expect(reading(h.indicator, "score").column).toBe("G");
    expect(reading(h.indicator, "score").source).toBe("header");
  });

  it("a header row named by the officer wins over the one the reader prefers", () => {
    const two: Row[] = [
      INDICATOR_HEADER,
      ["培训人次", "≥500人次", "520人次", 50, 50],
      [],
      ["三级指标", "年度指标值", "实际完成值"],
      ["就业率", "≥80%", "82%"],
    ];
    expect(rowsOf(read(two).indicator)).toEqual([1, 1]);
    const h = read(two, [], layout({ indicator: { headerRow: 4 } }));
    expect(rowsOf(h.indicator)).toEqual([4, 4]);
    expect(letters(h.indicator)).toEqual({ name: "A", target: "B", actual: "C" });
  });

  it("naming the child row of a two-row header reads both rows", () => {
    const rows2: Row[] = [
      ["三级指标", "指标值", "", "分值", "得分"],
      ["", "年度指标值", "实际完成值"],
      ["培训人次", "≥500人次", "520人次", 50, 50],
    ];
    const h = read(rows2, ["A1:A2", "B1:C1", "D1:D2", "E1:E2"], layout({ indicator: { headerRow: 2 } }));
    expect(rowsOf(h.indicator)).toEqual([1, 2]);
    expect(letters(h.indicator)).toEqual({ name: "A", target: "B", actual: "C", weight: "D", score: "E" });
  });

  it("a named header row is read even when it names too few roles to be a block by itself", () => {
    const h = read([["项目支出绩效自评表"], ["", "得分"], ["", 9.5]], [], layout({ budget: { headerRow: 2 } }));
    expect(rowsOf(h.budget)).toEqual([2, 2]);
    expect(block(h.budget).cols).toEqual({ score: 2 });
    expect(reading(h.budget, "score").confidence).toBe("sure");
  });

  it("a named header row past the sheet's last row reads nothing (not the row above it)", () => {
    const h = read(
      [["项目支出绩效自评表"], ["项目资金", "全年预算数", "全年执行数"]],
      [],
      layout({ budget: { headerRow: 3 } }),
    );
    expect(h.budget).toBeUndefined();
  });
});

describe("composeColumn: one column's label over its header rows", () => {
  const forty = "填报说明".repeat(10);
  const r = sheet(
    [
      ["年度指标值", "", "分值", "全年预算数\n（A）", ` ${forty} `, `${forty}明`, "（万元）"],
      ["指标性质", "指标值", "", 1],
    ],
    ["A1:B1", "C1:C2"],
  );

  it("a child under a merged parent: parent first, the child's cell", () => {
    expect(composeColumn(r, 1, 2, 2)).toEqual({
      col: 2,
      parts: ["年度指标值", "指标值"],
      text: "年度指标值 / 指标值",
      cell: "B2",
    });
  });

  it("a column whose every header cell is owned further left has no header of its own", () => {
    expect(composeColumn(r, 1, 1, 2)).toBeUndefined();
  });

  it("a label merged down over both rows counts once, at its own cell", () => {
    expect(composeColumn(r, 1, 2, 3)).toEqual({ col: 3, parts: ["分值"], text: "分值", cell: "C1" });
  });

  it("line breaks are dropped from the text, suffixes from the label, a column number (栏次) is no label", () => {
    expect(composeColumn(r, 1, 2, 4)).toEqual({ col: 4, parts: ["全年预算数"], text: "全年预算数（A）", cell: "D1" });
  });

  it("40 characters (spaces around them trimmed) is a header; 41 is not (MAX_HEADER_TEXT)", () => {
    expect(composeColumn(r, 1, 2, 5)?.text).toBe(forty);
    expect(composeColumn(r, 1, 2, 6)).toBeUndefined();
  });

  it("a bracket alone (（万元）) and an empty column are no header", () => {
    expect(composeColumn(r, 1, 2, 7)).toBeUndefined();
    expect(composeColumn(r, 1, 2, 8)).toBeUndefined();
    expect(composeColumns(r, 1, 2).map((h) => h.col)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("roleName", () => {
  it("is the reviewer's word for a role", () => {
    expect(roleName("indicator", "weight")).toBe("分值");
    expect(roleName("budget", "planned")).toBe("全年预算数");
  });
});
