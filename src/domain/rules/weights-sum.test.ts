/**
 * weights-sum (DOMAIN.md §3–4): the 分值 do not add up: all of them against 100, a block against the weight its
 * heading states, and with enforceBlockWeights each block against 产出 50 / 效益 30 / 满意度 10.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { centralGrid } from "../../../test/helpers/tables";
import { DEFAULT_INDICATORS, expectRaised, findingAt, indicatorRow, totalRow } from "../../../test/helpers/rule-tables";

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
