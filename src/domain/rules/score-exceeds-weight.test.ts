/* global __dirname -- a Node test reading a fixture: the shared lint config assumes a browser. */
/** score-exceeds-weight (DOMAIN.md §4): a typed 得分 above its 分值, quantitative or qualitative. */
import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { PROFILE_IDS, checkWorkbook } from "../../domain";
import { readWorkbookFile } from "../../gateways/xlsx/read";
import { centralGrid, findingsOf } from "../../../test/helpers/tables";
import {
  DEFAULT_INDICATORS,
  expectRaised,
  findingAt,
  headingsOnlyGrid,
  indicatorRow,
  withIndicator,
} from "../../../test/helpers/rule-tables";

const quantitative = (typed: number) =>
  withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 25, typed, ""]);
const qualitative = (typed: number) =>
  withIndicator(2, ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, typed, ""]);

describe.each(PROFILE_IDS)("score-exceeds-weight under %s", (profile) => {
  it.each([
    ["quantitative 25 of 25", quantitative(25), 0, false, "25", undefined],
    ["quantitative 25.01 of 25", quantitative(25.01), 0, true, "25", "25.01"],
    ["qualitative 30 of 30", qualitative(30), 2, false, "30", undefined],
    ["qualitative 30.01 of 30", qualitative(30.01), 2, true, "30", "30.01"],
  ])("%s", (_, grid, i, raised, expected, received) => {
    expectRaised(
      raised,
      grid,
      "score-exceeds-weight",
      `H${indicatorRow(i)}`,
      { profile },
      {
        severity: "error",
        expected,
        received,
      },
    );
  });
});

describe("score-exceeds-weight", () => {
  it("is said instead of score-mismatch", () => {
    expectRaised(false, quantitative(30), "score-mismatch", `H${indicatorRow(0)}`);
  });

  it("says the score and the weight in both languages", () => {
    const f = findingAt(quantitative(25.01), "score-exceeds-weight", `H${indicatorRow(0)}`)!;
    expect(f.message["zh-CN"]).toBe("“培训人次”得分 25.01 超过分值 25");
    expect(f.message["en-US"]).toBe('"培训人次" scores 25.01, more than its weight 25');
  });
});

describe("score-exceeds-weight on a table whose weights stand only in the headings", () => {
  // The no-weight-column variant: 产出指标(50分) at B15 over G15:G19 = 15 + 9 + 10 + 10 + 5 = 49.
  const FIXTURE = path.join(__dirname, "../../../test/fixtures/variants/no-weight-column-clean.xlsx");

  it.each([
    ["49 of 50 as submitted", 10, false],
    ["exactly 50 (G17 typed 11)", 11, false],
    ["50.01 (G17 typed 11.01)", 11.01, true],
  ])("%s", async (_, g17, raised) => {
    const { sheets } = await readWorkbookFile(FIXTURE);
    sheets[0].set(17, 7, { value: g17 });
    const found = checkWorkbook(sheets).findings.filter((f) => f.rule === "score-exceeds-weight");
    if (!raised) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", cell: "B15", expected: "50", received: "50.01" });
    expect(found[0].message["zh-CN"]).toBe("“产出指标”得分 50.01 超过分值 50");
  });
});

describe("score-exceeds-weight's arithmetic", () => {
  it("says what the 总分 counts instead of the typed score", () => {
    const f = findingAt(quantitative(25.01), "score-exceeds-weight", `H${indicatorRow(0)}`)!;
    expect(f.arithmetic).toBe("总分按 25.00 计（不超过分值 25）");
  });

  it("counts the computed score when the target was missed: 480 of ≥500 typed 25.01 counts 480 ÷ 500 × 25 = 24", () => {
    const g = withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "480人次", 25, 25.01, "生源不足"]);
    const f = findingAt(g, "score-exceeds-weight", `H${indicatorRow(0)}`)!;
    expect(f.arithmetic).toBe("总分按 24.00 计（不超过分值 25）");
  });
});

describe("score-exceeds-weight leaves out what has no weight to exceed", () => {
  it("a 不适用 indicator typed 30 over its 分值 25 is left out (不适用 as its 实际完成值 or 年度指标值)", () => {
    for (const [target, actual] of [
      ["≥500人次", "不适用"],
      ["不适用", "520人次"],
    ])
      expectRaised(
        false,
        withIndicator(0, ["产出指标", "数量指标", "培训人次", target, actual, 25, 30, ""]),
        "score-exceeds-weight",
        `H${indicatorRow(0)}`,
      );
  });

  // No 分值 column: 产出指标(50分) over rows 11–12 (s + 25), 满意度指标 with no weight in its label over row 13 (40).
  const headings = (s: number) =>
    headingsOnlyGrid(
      [
        ["产出指标(50分)", "数量指标", "培训人次", "≥500人次", "520人次", s, ""],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 25, ""],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 40, ""],
      ],
      9.5 + s + 25 + 40,
    );

  it.each([
    ["24.99 + 25 = 49.99 of 50", 24.99, false],
    ["25 + 25 = 50 of 50", 25, false],
    ["25.01 + 25 = 50.01 of 50", 25.01, true],
  ])(
    "no 分值 column: 产出指标 %s, and 满意度指标's 40 under a heading without a weight is never over it",
    (_, s, raised) => {
      const found = findingsOf(headings(s)).filter((f) => f.startsWith("score-exceeds-weight@"));
      expect(found).toEqual(raised ? [`score-exceeds-weight@B${indicatorRow(0)}`] : []);
    },
  );

  it("with a 分值 column, a heading 产出指标（40分） under 25 + 25 full scores is weights-sum's, not score-exceeds-weight's", () => {
    // Each indicator is at its own 分值 (25 of 25); the block's 50 against the heading's 40 is a wrong weight.
    const g = centralGrid({
      indicators: DEFAULT_INDICATORS.map((r, i) => (i === 0 ? ["产出指标（40分）", ...r.slice(1)] : r)),
    });
    const found = findingsOf(g);
    expect(found).toContain(`weights-sum@B${indicatorRow(0)}`);
    expect(found.filter((f) => f.startsWith("score-exceeds-weight@"))).toEqual([]);
  });
});
