/** weight-invalid (DOMAIN.md §4): a 分值 missing, zero or negative; the smallest positive weight is valid. */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralRows, findingsOf } from "../../../test/helpers/tables";
import { expectRaised, findingAt, indicatorRow, withBudget, withIndicator } from "../../../test/helpers/rule-tables";

const at = `G${indicatorRow(0)}`;
const weighing = (w: number | null) =>
  withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", w, 0, "分值待定"]);

describe.each(PROFILE_IDS)("weight-invalid under %s", (profile) => {
  it.each([
    ["0", 0, true, "0"],
    ["−5", -5, true, "-5"],
    ["0.01: positive", 0.01, false, undefined],
    ["25", 25, false, undefined],
  ])("分值 %s", (_, w, raised, received) => {
    expectRaised(raised, weighing(w), "weight-invalid", at, { profile }, { severity: "error", received });
  });

  it("a blank 分值", () => {
    expectRaised(true, weighing(null), "weight-invalid", at, { profile }, { severity: "error" });
  });

  it("an indicator marked 不适用 needs no weight", () => {
    const g = withIndicator(0, ["产出指标", "数量指标", "培训人次", "不适用", "不适用", 0, "不适用", ""]);
    expectRaised(false, g, "weight-invalid", at, { profile });
  });

  it("the budget's 分值 of 0", () => {
    expectRaised(true, withBudget(["年度资金总额", 100, 100, 95, 0, 0.95, 0]), "weight-invalid", "F4", { profile });
  });
});

describe("weight-invalid message", () => {
  it("names the indicator and the weight in both languages", () => {
    const f = findingAt(weighing(0), "weight-invalid", at)!;
    expect(f.message["zh-CN"]).toBe("指标“培训人次”的分值“0”无效：分值须为正数");
    expect(f.message["en-US"]).toBe('The weight "0" of "培训人次" is invalid: it must be a positive number');
  });

  it("names the budget's weight as 预算执行率", () => {
    const f = findingAt(withBudget(["年度资金总额", 100, 100, 95, 0, 0.95, 0]), "weight-invalid", "F4")!;
    expect(f.message["zh-CN"]).toBe("指标“预算执行率”的分值“0”无效：分值须为正数");
  });
});

describe("weight-invalid: what is not an invalid weight", () => {
  const invalid = (g: Parameters<typeof findingsOf>[0]) => findingsOf(g).filter((f) => f.startsWith("weight-invalid@"));

  it.each([
    // value-not-number says these.
    [
      "an indicator's 分值 typed as text",
      withIndicator(0, ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", "二十五", 25, ""]),
    ],
    ["the budget's 分值 typed as text", withBudget(["年度资金总额", 100, 100, 95, "十分", 0.95, 9.5])],
  ])("%s", (_, grid) => {
    expect(invalid(grid)).toEqual([]);
  });

  it("a budget block without a 分值 column (F dropped from rows 3–7) has no weight to be invalid", () => {
    const rows = centralRows({}).map((r, i) => (i >= 2 && i <= 6 ? [...r.slice(0, 5), ...r.slice(6)] : r));
    expect(invalid(gridFromRows("自评表", rows))).toEqual([]);
  });

  it("a blank 分值 is named without a value, in both languages", () => {
    const f = findingAt(weighing(null), "weight-invalid", at)!;
    expect(f.message["zh-CN"]).toBe("指标“培训人次”的分值无效：分值须为正数");
    expect(f.message["en-US"]).toBe('The weight of "培训人次" is invalid: it must be a positive number');
  });
});

describe("weight-invalid on a table without a budget block", () => {
  it("checks the indicators only (layout-unrecognized asks for 全年预算数)", () => {
    const rows = centralRows({}).filter((_, i) => i < 2 || i > 6); // the header row 3 and rows 4–7 left out
    expect(findingsOf(gridFromRows("自评表", rows)).filter((f) => f.startsWith("weight-invalid@"))).toEqual([]);
  });
});
