/**
 * qualitative-out-of-tier (DOMAIN.md §3): a qualitative 得分 outside its tier. Central tiers of the weight:
 * top [80%, 100%], middle [60%, 80%), bottom [0, 60%); the city variant and tiers=80/50 move the middle to
 * [50%, 80%). Lower bounds belong to their tier, the middle's upper bound belongs to the top.
 */
import { describe, expect, it } from "@jest/globals";
import type { ProfileId } from "../../domain";
import { expectRaised, findingAt, indicatorRow, withIndicator } from "../../../test/helpers/rule-tables";

const at = `H${indicatorRow(3)}`;
const TOP = "达成年度指标";
const MIDDLE = "部分达成年度指标并具有一定效果";
const BOTTOM = "未达成年度指标且效果较差";
/** 学员满意度, 分值 10: a share of the weight is the score itself × 10. */
const rated = (result: string, typed: number) =>
  withIndicator(3, ["满意度指标", "服务对象满意度指标", "学员满意度", "群众满意", result, 10, typed, "宣传不足"]);

type Case = [string, string, number, boolean, string];
/** How a tier's range is written: the lower bound included, the upper one only for the top tier. */
const tier = (lo: number, hi: number) => `${lo} 分（含）至 ${hi} 分`;
const top = (lo: number, hi: number) => `${tier(lo, hi)}（含）`;

describe.each<[string, ProfileId, Record<string, string>, Case[]]>([
  [
    "central-2020 (80/60)",
    "central-2020",
    {},
    [
      ["top at its lower bound 8", TOP, 8, false, top(8, 10)],
      ["top just below, 7.99", TOP, 7.99, true, top(8, 10)],
      ["top at full marks 10", TOP, 10, false, top(8, 10)],
      ["middle at its lower bound 6", MIDDLE, 6, false, tier(6, 8)],
      ["middle just below, 5.99", MIDDLE, 5.99, true, tier(6, 8)],
      ["middle just under its upper bound, 7.99", MIDDLE, 7.99, false, tier(6, 8)],
      ["middle at its upper bound 8, which is the top's", MIDDLE, 8, true, tier(6, 8)],
      ["bottom at 0", BOTTOM, 0, false, tier(0, 6)],
      ["bottom just under its upper bound, 5.99", BOTTOM, 5.99, false, tier(0, 6)],
      ["bottom at its upper bound 6, which is the middle's", BOTTOM, 6, true, tier(0, 6)],
    ],
  ],
  [
    "sichuan (80/60)",
    "sichuan",
    {},
    [
      ["middle 5.99", MIDDLE, 5.99, true, tier(6, 8)],
      ["middle 8", MIDDLE, 8, true, tier(6, 8)],
      ["bottom 6", BOTTOM, 6, true, tier(0, 6)],
    ],
  ],
  [
    "city-20-80 (80/50)",
    "city-20-80",
    {},
    [
      ["top 8", TOP, 8, false, top(8, 10)],
      ["top 7.99", TOP, 7.99, true, top(8, 10)],
      ["middle at its lower bound 5", MIDDLE, 5, false, tier(5, 8)],
      ["middle just below, 4.99", MIDDLE, 4.99, true, tier(5, 8)],
      ["middle 8", MIDDLE, 8, true, tier(5, 8)],
      ["bottom 4.99", BOTTOM, 4.99, false, tier(0, 5)],
      ["bottom at 5, which is the middle's", BOTTOM, 5, true, tier(0, 5)],
    ],
  ],
  [
    "central-2020 with tiers=80/50",
    "central-2020",
    { tiers: "80/50" },
    [
      ["middle 5", MIDDLE, 5, false, tier(5, 8)],
      ["middle 4.99", MIDDLE, 4.99, true, tier(5, 8)],
      ["bottom 5", BOTTOM, 5, true, tier(0, 5)],
      ["bottom 5.99 no longer fits", BOTTOM, 5.99, true, tier(0, 5)],
    ],
  ],
  [
    "central-2020 with tiers=70/40",
    "central-2020",
    { tiers: "70/40" },
    [
      ["top at 7", TOP, 7, false, top(7, 10)],
      ["top at 6.99", TOP, 6.99, true, top(7, 10)],
      ["middle at 4", MIDDLE, 4, false, tier(4, 7)],
      ["middle at 7", MIDDLE, 7, true, tier(4, 7)],
      ["bottom at 3.99", BOTTOM, 3.99, false, tier(0, 4)],
      ["bottom at 4", BOTTOM, 4, true, tier(0, 4)],
    ],
  ],
])("qualitative-out-of-tier under %s", (_, profile, settings, cases) => {
  it.each(cases)("%s", (__, result, typed, raised, expected) => {
    expectRaised(
      raised,
      rated(result, typed),
      "qualitative-out-of-tier",
      at,
      { profile, settings },
      {
        severity: "error",
        expected,
        received: String(typed),
      },
    );
  });
});

describe("qualitative-out-of-tier", () => {
  it("a score above the weight is score-exceeds-weight, not out of tier", () => {
    expectRaised(false, rated(TOP, 10.01), "qualitative-out-of-tier", at);
    expectRaised(true, rated(TOP, 10.01), "score-exceeds-weight", at);
  });

  it("says the tier, its range and the score in both languages", () => {
    const f = findingAt(rated(MIDDLE, 8), "qualitative-out-of-tier", at)!;
    expect(f.message["zh-CN"]).toBe(
      "“学员满意度”完成情况为“部分达成年度指标并具有一定效果”，得分应在 6 分（含）至 8 分之间，填报为 8",
    );
    expect(f.message["en-US"]).toBe(
      '"学员满意度" is rated "partly achieved", so its score must lie from 6 (inclusive) to 8 (exclusive); the table says 8',
    );
  });

  it("says the top tier's range, both ends included, in both languages", () => {
    const f = findingAt(rated(TOP, 7), "qualitative-out-of-tier", at)!;
    expect(f.message["zh-CN"]).toBe(
      "“学员满意度”完成情况为“达成年度指标”，得分应在 8 分（含）至 10 分（含）之间，填报为 7",
    );
    expect(f.message["en-US"]).toBe(
      '"学员满意度" is rated "target achieved", so its score must lie from 8 to 10, both inclusive; the table says 7',
    );
  });
});

describe("qualitative-out-of-tier's arithmetic", () => {
  it("says the tier, the typed score and what the 总分 counts: 部分达成 typed 9 of 10 counts 7.99", () => {
    // middle tier of 10: 6 (含) to 8; above it only the ceiling 8 − 0.01 = 7.99 counts
    const f = findingAt(rated(MIDDLE, 9), "qualitative-out-of-tier", at)!;
    expect(f.arithmetic).toBe(
      "定性指标，部分达成年度指标并具有一定效果，得分区间 6 分（含）至 8 分，自评分 9，按档次上限计 7.99；总分按 7.99 计",
    );
  });

  it("below the tier the typed score counts as typed: 部分达成 typed 5 of 10 counts 5", () => {
    const f = findingAt(rated(MIDDLE, 5), "qualitative-out-of-tier", at)!;
    expect(f.arithmetic).toBe(
      "定性指标，部分达成年度指标并具有一定效果，得分区间 6 分（含）至 8 分，自评分 5；总分按 5.00 计",
    );
  });
});
