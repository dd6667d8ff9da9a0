/**
 * layout-assumption: how the reader read a table it could read more than one way, said as an info so the
 * officer can correct it. Here: a table without a 分值 column takes its weights from the block headings.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS, gridFromRows } from "../../domain";
import { centralRows } from "../../../test/helpers/tables";
import { DEFAULT_INDICATORS, expectRaised, findingAt } from "../../../test/helpers/rule-tables";

const headed = DEFAULT_INDICATORS.map((r) =>
  r[0] === "产出指标"
    ? ["产出指标（50分）", ...r.slice(1)]
    : r[0] === "效益指标"
      ? ["效益指标（30分）", ...r.slice(1)]
      : r[0] === "满意度指标"
        ? ["满意度指标（10分）", ...r.slice(1)]
        : r,
);
/** The central table with block weights in the headings; `withWeights` false drops the 分值 column (G). */
function table(withWeights: boolean) {
  const rows = centralRows({ indicators: headed });
  const indicatorHeader = rows.findIndex((r) => r.includes("三级指标"));
  return gridFromRows(
    "自评表",
    rows.map((r, i) => (withWeights || i < indicatorHeader ? r : r.filter((_, c) => c !== 6))),
  );
}
/** 三级指标 in the indicator header row (row 10, column D). */
const at = "D10";

describe.each(PROFILE_IDS)("layout-assumption under %s", (profile) => {
  it.each([
    ["a 分值 column: nothing to assume", true, false],
    ["no 分值 column: weights from the headings", false, true],
  ])("%s", (_, withWeights, raised) => {
    expectRaised(
      raised,
      table(withWeights),
      "layout-assumption",
      at,
      { profile },
      {
        severity: "info",
        expected: undefined,
        received: undefined,
      },
    );
  });
});

describe("layout-assumption message", () => {
  it("says what was assumed and where to correct it, in both languages", () => {
    const f = findingAt(table(false), "layout-assumption", at)!;
    expect(f.message["zh-CN"]).toBe(
      "本表无分值列，各指标分值取自一级指标标题，单项得分无法按规则核算，只核对各级合计与扣分说明；如识别有误，请在“识别结果”中更正",
    );
    expect(f.message["en-US"]).toBe(
      'the table has no weight column: weights come from the block headings, so single scores cannot be recomputed; block totals and reasons for lost points are checked; if this is wrong, correct it under "How the table was read"',
    );
  });
});
