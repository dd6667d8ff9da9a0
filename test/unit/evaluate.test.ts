/**
 * evaluate.ts's own decisions: when a total is only provisional (暂定) and why, in both languages, and when a
 * computed total is given no grade. The facts are written out by hand with only the fields these read.
 */
import { notGraded, provisional } from "../../src/domain/evaluate";
import type { Facts } from "../../src/domain/facts";
import type { Finding, TotalSummary } from "../../src/domain/types";

function facts(
  total: Partial<{
    computed: number | null;
    impossible: boolean;
    allWeights: number;
    excluded: number;
    unknown: number;
  }>,
  totalWeight = 100,
): Facts {
  const t = { computed: 90, impossible: false, allWeights: 100, excluded: 0, unknown: 0, ...total };
  return { total: t, profile: { totalWeight } } as unknown as Facts;
}

const finding = (severity: Finding["severity"]) => ({ severity }) as Finding;

describe("provisional: why a total is only 暂定", () => {
  it("stands when nothing is wrong: no errors (warnings and notes do not count), every score known", () => {
    expect(provisional(facts({}), [finding("warning"), finding("info")])).toBeNull();
  });

  it("is nothing to say when no total was computed, whatever the table holds", () => {
    expect(provisional(facts({ computed: null, impossible: true, unknown: 2 }), [finding("error")])).toBeNull();
  });

  it("one error", () => {
    expect(provisional(facts({}), [finding("error"), finding("warning")])).toEqual({
      "zh-CN": "暂定：表中尚有 1 处错误；更正后重新校验",
      "en-US": "Provisional: 1 error remains in the table. Correct the table and check again",
    });
  });

  it("two errors, plural in English", () => {
    expect(provisional(facts({}), [finding("error"), finding("error")])?.["en-US"]).toBe(
      "Provisional: 2 errors remain in the table. Correct the table and check again",
    );
  });

  it("scores that could not be established: one, then three", () => {
    expect(provisional(facts({ unknown: 1 }), [])).toEqual({
      "zh-CN": "暂定：1 项得分无法核定；更正后重新校验",
      "en-US": "Provisional: 1 score could not be established. Correct the table and check again",
    });
    expect(provisional(facts({ unknown: 3 }), [])?.["en-US"]).toBe(
      "Provisional: 3 scores could not be established. Correct the table and check again",
    );
  });

  it("weights over the profile's total: the sum counts the 不适用 weights too (95 + 10 = 105 > 100)", () => {
    expect(provisional(facts({ impossible: true, allWeights: 95, excluded: 10 }), [])).toEqual({
      "zh-CN": "暂定：分值合计 105 超过 100，总分不评定等级；更正后重新校验",
      "en-US":
        "Provisional: the weights add up to 105, more than 100, so no grade is given. Correct the table and check again",
    });
  });

  it("every reason at once, in this order: the weights, the errors, the unknown scores", () => {
    const p = provisional(facts({ impossible: true, allWeights: 110, unknown: 2 }, 100), [
      finding("error"),
      finding("error"),
      finding("error"),
    ]);
    expect(p).toEqual({
      "zh-CN": "暂定：分值合计 110 超过 100，总分不评定等级，表中尚有 3 处错误，2 项得分无法核定；更正后重新校验",
      "en-US":
        "Provisional: the weights add up to 110, more than 100, so no grade is given; 3 errors remain in the table; 2 scores could not be established. Correct the table and check again",
    });
  });
});

describe("notGraded: a computed total shown as 不评定", () => {
  const total = (t: Partial<TotalSummary>): TotalSummary =>
    ({
      computed: 90,
      reported: null,
      grade: null,
      provisional: { "zh-CN": "暂定", "en-US": "P" },
      ...t,
    }) as TotalSummary;

  it("a computed, provisional total without a grade is not graded", () => {
    expect(notGraded(total({}))).toBe(true);
  });

  it.each<[string, Partial<TotalSummary>]>([
    ["it has a grade", { grade: "优" }],
    ["no total was computed", { computed: null }],
    ["the total stands (not provisional)", { provisional: null }],
  ])("is graded, or nothing to grade, when %s", (_, t) => {
    expect(notGraded(total(t))).toBe(false);
  });
});
