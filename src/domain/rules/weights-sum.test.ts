/**
 * weights-sum (DOMAIN.md §3–4): the 分值 do not add up: all of them against 100, a block against the weight its
 * heading states, and with enforceBlockWeights each block against 产出 50 / 效益 30 / 满意度 10.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { gridFromRows } from "../grid";
import { centralGrid, centralRows, check, findingsOf } from "../../../test/helpers/tables";
import {
  DEFAULT_INDICATORS,
  expectRaised,
  findingAt,
  headingsOnlyGrid,
  indicatorRow,
  totalRow,
} from "../../../test/helpers/rule-tables";

/** The default weights 10 + 25 + 25 + 30 + 10 with the second 产出 indicator's 分值 (and score) `w`. */
const weighted = (w: number, level1 = "产出指标") =>
  centralGrid({
    indicators: DEFAULT_INDICATORS.map((r, i) =>
      i === 0 ? [level1, ...r.slice(1)] : i === 1 ? [...r.slice(0, 5), w, w, r[7]] : r,
    ),
    total: [100, 74.5 + w],
  });
const totalAt = `G${totalRow}`;
const blockAt = `B${indicatorRow(0)}`;

describe.each(PROFILE_IDS)("weights-sum under %s", (profile) => {
  it.each([
    ["100", 25, false, undefined],
    ["100.01", 25.01, true, "100.01"],
    ["99.99", 24.99, true, "99.99"],
  ])("the total: %s", (_, w, raised, received) => {
    expectRaised(
      raised,
      weighted(w),
      "weights-sum",
      totalAt,
      { profile },
      {
        severity: "error",
        expected: "100",
        received,
      },
    );
  });

  it.each([
    ["25 + 25 = 50 under 产出指标（50分）", 25, false, undefined],
    ["25 + 25.01 = 50.01 under 产出指标（50分）", 25.01, true, "50.01"],
    ["25 + 24.99 = 49.99 under 产出指标（50分）", 24.99, true, "49.99"],
  ])("a block's stated weight: %s", (_, w, raised, received) => {
    const g = weighted(w, "产出指标（50分）");
    const f = findingAt(g, "weights-sum", blockAt, { profile });
    expect(f?.received).toBe(received);
    if (raised) expect(f).toMatchObject({ severity: "error", expected: "50" });
  });
});

describe("weights-sum with enforceBlockWeights", () => {
  it.each([
    ["central-2020, off: the block is not checked", "central-2020", "off", 25.01, false],
    ["central-2020, on: 50.01 against 50", "central-2020", "on", 25.01, true],
    ["central-2020, on: 50 against 50", "central-2020", "on", 25, false],
    ["sichuan, on: 50.01 against 50", "sichuan", "on", 25.01, true],
    // The city variant states no block weights to enforce.
    ["city-20-80, on: no block weights", "city-20-80", "on", 25.01, false],
  ] as const)("%s", (_, profile, enforce, w, raised) => {
    const f = findingAt(weighted(w), "weights-sum", blockAt, { profile, settings: { enforceBlockWeights: enforce } });
    if (raised) expect(f).toMatchObject({ severity: "error", expected: "50", received: "50.01" });
    else expect(f).toBeUndefined();
  });
});

describe("weights-sum message", () => {
  it("says the block, the sum and the weight in both languages", () => {
    const f = findingAt(weighted(25.01, "产出指标（50分）"), "weights-sum", blockAt)!;
    expect(f.message["zh-CN"]).toBe("产出指标：分值合计为 50.01，应为 50");
    expect(f.message["en-US"]).toBe("产出指标: the weights add up to 50.01, expected 50");
  });

  it("says the total's arithmetic", () => {
    const f = findingAt(weighted(25.01), "weights-sum", totalAt)!;
    expect(f.message["zh-CN"]).toBe("总分：分值合计为 100.01，应为 100");
    expect(f.message["en-US"]).toBe("总分: the weights add up to 100.01, expected 100");
  });
});

/** A 不适用 学员满意度 (分值 10) under the table `weighted` builds: its weight still counts in the 100. */
const notApplicable = (w: number) =>
  centralGrid({
    indicators: DEFAULT_INDICATORS.map((r, i) =>
      i === 1
        ? [...r.slice(0, 5), w, w, r[7]]
        : i === 3
          ? ["满意度指标", "服务对象满意度指标", "学员满意度", "不适用", "不适用", 10, "不适用", ""]
          : r,
    ),
    total: [100, 64.5 + w],
  });

describe("weights-sum with indicators marked 不适用", () => {
  it.each([
    // 10 + 25 + w + 30 + 10 (不适用, still counted) against 100
    ["10 + 25 + 25 + 30 + 10 = 100", 25, false, undefined],
    ["10 + 25 + 25.01 + 30 + 10 = 100.01", 25.01, true, "100.01"],
  ])("%s", (_, w, raised, received) => {
    expectRaised(
      raised,
      notApplicable(w),
      "weights-sum",
      totalAt,
      {},
      { severity: "error", expected: "100", received },
    );
  });
});

describe("weights-sum against the 总分 row's own 分值", () => {
  /** The default weights (100, or 90 with 培训人次 at 15) under a 总分 分值 of `stated`. */
  const stated = (stated: number | null, first = 25) =>
    centralGrid({
      indicators: DEFAULT_INDICATORS.map((r, i) => (i === 0 ? [...r.slice(0, 5), first, first, r[7]] : r)),
      total: [stated, 74.5 + first],
    });

  it.each([
    ["blank, weights 100: checked against the profile's 100", null, 25, false, undefined],
    ["blank, weights 100.01", null, 25.01, true, "100.01"],
    ["100, weights 90", 100, 15, true, "90"],
    // A 总分 out of 90 is wrong itself, though the weights add up to it.
    ["90, weights 90", 90, 15, true, "90"],
    ["90, weights 100", 90, 25, true, "100"],
  ])("%s", (_, total, first, raised, received) => {
    expectRaised(
      raised,
      stated(total, first),
      "weights-sum",
      totalAt,
      {},
      {
        severity: "error",
        expected: "100",
        received,
      },
    );
  });
});

describe("weights-sum under the profile's execution weight", () => {
  // No budget 分值 typed (F4 blank): the profile's weight counts, 10 centrally and 20 in the city variant, over the
  // indicators' 25 + 25 + 30 + 10 = 90. Two budget rows, so the 总分 row is 13.
  const unweighted = centralGrid({
    budget: [
      ["年度资金总额", 100, 100, 95, null, 0.95, 9.5],
      ["其中：当年财政拨款", 100, 100, 95, null, null, null],
    ],
  });
  it.each([
    ["central-2020: 10 + 90 = 100", "central-2020", false, undefined],
    ["sichuan: 10 + 90 = 100", "sichuan", false, undefined],
    ["city-20-80: 20 + 90 = 110", "city-20-80", true, "110"],
  ] as const)("%s", (_, profile, raised, received) => {
    expectRaised(
      raised,
      unweighted,
      "weights-sum",
      "G13",
      { profile },
      { severity: "error", expected: "100", received },
    );
  });
});

describe("weights-sum without a 分值 column: the headings' weights", () => {
  /**
   * 产出指标 over rows 11–12, 满意度指标 over row 13, under the indicator header A10 relabelled `heading`; 总分 row 14
   * (its label A14 is where the total's finding goes: there is no 分值 cell).
   */
  const headings = (output: string, satisfaction: string, heading: string) => {
    const g = headingsOnlyGrid(
      [
        [output, "数量指标", "培训人次", "≥500人次", "520人次", 25, ""],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 25, ""],
        [satisfaction, "服务对象满意度指标", "学员满意度", "≥90%", "93%", 40, ""],
      ],
      99.5,
    );
    g.set(10, 1, { value: heading });
    return g;
  };
  const weightsSum = (g: ReturnType<typeof headings>) =>
    check(g)
      .findings.filter((f) => f.rule === "weights-sum")
      .map((f) => `${f.cell} ${f.received} / ${f.expected}`);

  it.each([
    ["50 + 40 = 90 under 绩效指标(90分)", "满意度指标(40分)", "绩效指标(90分)", []],
    ["50 + 40.01 = 90.01", "满意度指标(40.01分)", "绩效指标(90分)", ["A10 90.01 / 90", "A14 100.01 / 100"]],
    ["50 + 39.99 = 89.99", "满意度指标(39.99分)", "绩效指标(90分)", ["A10 89.99 / 90", "A14 99.99 / 100"]],
    // A block without a weight leaves only the heading's 90: 10 + 90 = 100.
    ["50 + a block without a weight under 绩效指标(90分)", "满意度指标", "绩效指标(90分)", []],
    ["the same under 绩效指标(80分): 10 + 80 = 90", "满意度指标", "绩效指标(80分)", ["A14 90 / 100"]],
    // No heading weight: the blocks' own 50 + 40.01 against the total only.
    ["50 + 40.01 under a heading without a weight", "满意度指标(40.01分)", "绩效指标", ["A14 100.01 / 100"]],
    // Nothing states the 满意度指标 weight: the sum is unknown, so nothing is said about it.
    ["50 + a block without a weight, no heading weight", "满意度指标", "绩效指标", []],
  ])("%s", (_, satisfaction, heading, expected) => {
    expect(weightsSum(headings("产出指标(50分)", satisfaction, heading))).toEqual(expected);
  });

  it("with a 分值 column, a 绩效指标(90分) heading over 分值 adding up to 90 is no finding", () => {
    const g = centralGrid({});
    g.set(10, 1, { value: "绩效指标(90分)" });
    expect(findingsOf(g).filter((f) => f.startsWith("weights-sum@"))).toEqual([]);
  });

  it("the heading's finding says its label in both languages", () => {
    const f = findingAt(headings("产出指标(50分)", "满意度指标(40.01分)", "绩效指标(90分)"), "weights-sum", "A10")!;
    expect(f.message["zh-CN"]).toBe("绩效指标(90分)：分值合计为 90.01，应为 90");
    expect(f.message["en-US"]).toBe("绩效指标(90分): the weights add up to 90.01, expected 90");
  });

  // Regression: the arithmetic added each block's 分值 cells, which this table does not have: "10 + 0 + 0 = 100.01".
  it("the total's arithmetic adds the headings' weights, not 0 + 0", () => {
    const f = findingAt(headings("产出指标(50分)", "满意度指标(40.01分)", "绩效指标"), "weights-sum", "A14")!;
    expect(f.arithmetic).toBe("10（预算执行） + 50（产出指标） + 40.01（满意度指标） = 100.01");
  });

  it("the total's arithmetic adds the one heading's weight when a block states none", () => {
    const f = findingAt(headings("产出指标(50分)", "满意度指标", "绩效指标(80分)"), "weights-sum", "A14")!;
    expect(f.arithmetic).toBe("10（预算执行） + 80（绩效指标(80分)） = 90");
  });
});

describe("weights-sum's arithmetic", () => {
  it("adds the execution weight and each block's 分值", () => {
    const f = findingAt(weighted(25.01), "weights-sum", totalAt)!;
    expect(f.arithmetic).toBe("10（预算执行） + 50.01（产出指标） + 30（效益指标） + 10（满意度指标） = 100.01");
  });

  it("counts a 不适用 indicator's 分值 in its block, as the sum does", () => {
    const f = findingAt(notApplicable(25.01), "weights-sum", totalAt)!;
    expect(f.arithmetic).toBe("10（预算执行） + 50.01（产出指标） + 30（效益指标） + 10（满意度指标） = 100.01");
  });

  it("names a first block without a 一级 label 指标", () => {
    const g = centralGrid({
      indicators: DEFAULT_INDICATORS.map((r, i) =>
        i === 0 ? ["", ...r.slice(1)] : i === 1 ? [...r.slice(0, 5), 25.01, 25.01, r[7]] : r,
      ),
      total: [100, 99.51],
    });
    expect(findingAt(g, "weights-sum", totalAt)!.arithmetic).toBe(
      "10（预算执行） + 50.01（指标） + 30（效益指标） + 10（满意度指标） = 100.01",
    );
  });

  // Regression: the arithmetic added the −5 typed while the sum counted an invalid 分值 as 0 (weight-invalid says so).
  it("counts a negative 分值 as 0, as the sum does: 10 + 25 + 30 + 10 = 75", () => {
    const g = centralGrid({
      indicators: DEFAULT_INDICATORS.map((r, i) => (i === 0 ? [...r.slice(0, 5), -5, 0, "未开展"] : r)),
      total: [100, 74.5],
    });
    const f = findingAt(g, "weights-sum", totalAt)!;
    expect(f.received).toBe("75");
    expect(f.arithmetic).toBe("10（预算执行） + 25（产出指标） + 30（效益指标） + 10（满意度指标） = 75");
  });
});

describe("weights-sum on a table without a 总分 row", () => {
  it("has nowhere to say the total and says nothing (weights adding up to 100)", () => {
    const rows = centralRows({});
    rows.pop();
    expect(findingsOf(gridFromRows("自评表", rows)).filter((f) => f.startsWith("weights-sum@"))).toEqual([]);
  });
});
