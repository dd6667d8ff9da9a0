/**
 * total-mismatch (DOMAIN.md §3–4): the typed 总分 differs from execution score + Σ indicator scores by more than
 * the score tolerance 0.1 (integerScores accepts the sum rounded to whole points), and a typed 自评等级 differs
 * from the grade of the computed total.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralGrid, centralRows, check } from "../../../test/helpers/tables";
import { expectRaised, findingAt, totalRow, withIndicator } from "../../../test/helpers/rule-tables";

const at = `H${totalRow}`;
/** The default table: 95% × 10 = 9.5 plus 25 + 25 + 30 + 10 = 90 → 99.50. */
const totalled = (typed: number, grade?: string) => centralGrid({ total: [100, typed], grade });

describe.each(PROFILE_IDS)("total-mismatch under %s: ±0.1 around 99.50", (profile) => {
  it.each([
    ["99.5 exactly", 99.5, false, undefined],
    ["99.6: at the tolerance", 99.6, false, undefined],
    ["99.61: beyond it", 99.61, true, "99.61"],
    ["99.4: at the tolerance", 99.4, false, undefined],
    ["99.39: beyond it", 99.39, true, "99.39"],
  ])("%s", (_, typed, raised, received) => {
    expectRaised(
      raised,
      totalled(typed),
      "total-mismatch",
      at,
      { profile },
      {
        severity: "error",
        expected: "99.50",
        received,
      },
    );
  });
});

describe("total-mismatch under settings", () => {
  it.each([
    // round(99.5) = 100 (half away from zero)
    ["100 for 99.50", 100, {}, false],
    ["100 for 99.50 with integerScores", 100, { integerScores: "on" }, true],
    ["99 for 99.50 with integerScores (round is 100, 0.5 away)", 99, { integerScores: "on" }, false],
  ])("%s", (_, typed, settings, accepted) => {
    expectRaised(!accepted, totalled(typed), "total-mismatch", at, { settings }, { expected: "99.50" });
  });

  it.each([
    // 学员满意度 不适用: 9.5 + 25 + 25 + 30 = 89.50; rescaled, 89.5 × 100 ÷ 90 = 99.44
    ["89.5 as summed", 89.5, {}, false, "89.50"],
    ["89.5 when rescaled", 89.5, { rescaleNotApplicable: "on" }, true, "99.44"],
    ["99.44 when rescaled", 99.44, { rescaleNotApplicable: "on" }, false, "99.44"],
  ])("不适用 left out: %s", (_, typed, settings, raised, expected) => {
    const g = withIndicator(
      3,
      ["满意度指标", "服务对象满意度指标", "学员满意度", "不适用", "不适用", 10, "不适用", ""],
      { total: [100, typed] },
    );
    expectRaised(raised, g, "total-mismatch", at, { settings }, { severity: "error", expected });
  });
});

describe("total-mismatch on the grade", () => {
  const gradeAt = `H${totalRow + 1}`;
  it.each([
    ["优 for 99.50", "优", false],
    ["良 for 99.50", "良", true],
  ])("%s", (_, grade, raised) => {
    expectRaised(
      raised,
      totalled(99.5, grade),
      "total-mismatch",
      gradeAt,
      {},
      {
        severity: "error",
        expected: "优",
        received: raised ? grade : undefined,
      },
    );
  });

  it("says both grades in both languages", () => {
    const f = findingAt(totalled(99.5, "良"), "total-mismatch", gradeAt)!;
    expect(f.message["zh-CN"]).toBe("自评等级应为 优，填报为 良");
    expect(f.message["en-US"]).toBe("自评等级 should be 优, the table says 良");
  });
});

describe("total-mismatch message", () => {
  it("says both totals in both languages", () => {
    const f = findingAt(totalled(98), "total-mismatch", at)!;
    expect(f.message["zh-CN"]).toBe("总分应为 99.50，填报为 98");
    expect(f.message["en-US"]).toBe("总分 should be 99.50, the table says 98");
  });
});

/**
 * A 产出指标 heading row (11) typing the block's 小计 `subtotal` in H11 over 培训人次 470 of ≥500 (470 ÷ 500 × 25 =
 * 23.5) and 培训合格率 25: the 小计 is 48.50. The 总分 (row 16) is 9.5 + 48.5 + 30 + 10 = 98.
 */
const subtotalled = (subtotal: string | number | null) =>
  centralGrid({
    indicators: [
      ["产出指标", "", "", "", "", 50, subtotal, ""],
      ["", "数量指标", "培训人次", "≥500人次", "470人次", 25, 23.5, "生源不足"],
      ["", "质量指标", "培训合格率", "≥95%", "96%", 25, 25, ""],
      ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
    ],
    total: [100, 98],
  });
const subtotalAt = "H11";
const mismatches = (g: ReturnType<typeof centralGrid>, options = {}) =>
  check(g, options)
    .findings.filter((f) => f.rule === "total-mismatch")
    .map((f) => `${f.cell} ${f.received} / ${f.expected}`);

describe.each(PROFILE_IDS)("total-mismatch on a block's 小计 under %s: ±0.1 around 48.50", (profile) => {
  it.each([
    ["48.5 exactly", 48.5, []],
    ["48.6: at the tolerance", 48.6, []],
    ["48.61: beyond it", 48.61, [`${subtotalAt} 48.61 / 48.50`]],
    ["48.4: at the tolerance", 48.4, []],
    ["48.39: beyond it", 48.39, [`${subtotalAt} 48.39 / 48.50`]],
    // Nothing typed: the plan fills it in; text is value-not-number's or template-text-left's to say.
    ["blank", null, []],
    ["text", "见上", []],
  ])("%s", (_, typed, expected) => {
    expect(mismatches(subtotalled(typed), { profile })).toEqual(expected);
  });
});

describe("total-mismatch on a block's 小计 with integerScores", () => {
  it.each([
    // round(48.5) = 49, half away from zero
    ["49 for 48.50, off", 49, {}, [`${subtotalAt} 49 / 48.50`]],
    ["49 for 48.50, on", 49, { integerScores: "on" }, []],
    ["48 for 48.50, on (0.5 below, and not the rounded 49)", 48, { integerScores: "on" }, [`${subtotalAt} 48 / 48.50`]],
  ])("%s", (_, typed, settings, expected) => {
    expect(mismatches(subtotalled(typed), { settings })).toEqual(expected);
  });

  it("says the block's 小计 in both languages", () => {
    const f = findingAt(subtotalled(47), "total-mismatch", subtotalAt)!;
    expect(f).toMatchObject({ severity: "error", expected: "48.50", received: "47" });
    expect(f.message["zh-CN"]).toBe("产出指标小计应为 48.50，填报为 47");
    expect(f.message["en-US"]).toBe("产出指标小计 should be 48.50, the table says 47");
  });
});

describe("total-mismatch when there is no 总分 to compare", () => {
  it.each([
    // required-blank and value-not-number say these; the total is computed (99.50) all the same.
    ["a blank 总分", null],
    ["a 总分 typed as text", "见附表"],
  ])("%s", (_, typed) => {
    expect(mismatches(centralGrid({ total: [100, typed] }))).toEqual([]);
  });

  it("a table without a 总分 row", () => {
    const rows = centralRows({});
    rows.pop();
    expect(mismatches(gridFromRows("自评表", rows))).toEqual([]);
  });

  it("no total computed: 分值 of 1e308 twice add up to Infinity, so the typed 99.5 is compared with nothing", () => {
    const g = centralGrid({
      indicators: [
        ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 1e308, 1e308, ""],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 1e308, 1e308, ""],
      ],
    });
    expect(check(g).total.computed).toBeNull();
    expect(mismatches(g)).toEqual([]);
  });
});
