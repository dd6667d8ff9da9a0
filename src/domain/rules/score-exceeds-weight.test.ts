/* global __dirname -- a Node test reading a fixture: the shared lint config assumes a browser. */
/** score-exceeds-weight (DOMAIN.md §4): a typed 得分 above its 分值, quantitative or qualitative. */
import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { PROFILE_IDS, checkWorkbook } from "../../domain";
import { readWorkbookFile } from "../../gateways/xlsx/read";
import { expectRaised, findingAt, indicatorRow, withIndicator } from "../../../test/helpers/rule-tables";

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
});
