/**
 * 等级 at its boundaries (DOMAIN.md §3): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60, the same under every profile. The
 * totals are built from typed qualitative scores, which stand as typed inside their tier, so each total is an
 * exact sum: 10 (100 of 100 spent) + the one indicator's score (分值 90).
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILES, PROFILE_IDS, type ProfileId } from "../../domain";
import { centralGrid, centralRowsOf, check } from "../../../test/helpers/tables";
import { expectRaised } from "../../../test/helpers/rule-tables";

const RESULT = { top: "达成年度指标", middle: "部分达成年度指标并具有一定效果", bottom: "未达成年度指标且效果较差" };

/** A table whose total is 10 + `score`, with `score` typed in the tier that holds it under `profile`. */
function totalling(total: number, profile: ProfileId, grade?: string) {
  const score = total - 10;
  const { top, middle } = PROFILES[profile].tiers;
  // Tiers of 90: top from 0.8 × 90 = 72; middle from 0.6 × 90 = 54 (central) or 0.5 × 90 = 45 (city)
  const tier = score >= top.min * 90 ? "top" : score >= middle.min * 90 ? "middle" : "bottom";
  return centralGrid({
    budget: [["年度资金总额", 100, 100, 100, 10, 1, 10]],
    indicators: [["产出指标", "质量指标", "工作质量", "效果明显", RESULT[tier], 90, score, "部分任务延期"]],
    total: [100, total],
    grade,
  });
}

/** One budget row, one indicator: the 自评等级 value sits under the 总分 row. */
const gradeAt = `H${centralRowsOf({ budget: [[]], indicators: [[]] }).total + 1}`;

describe.each(PROFILE_IDS)("grade under %s", (profile) => {
  it.each([
    ["100", 100, "优"],
    ["90: 优 at its bound", 90, "优"],
    ["89.99: 良", 89.99, "良"],
    ["80: 良 at its bound", 80, "良"],
    ["79.99: 中", 79.99, "中"],
    ["60: 中 at its bound", 60, "中"],
    ["59.99: 差", 59.99, "差"],
    ["10: 差", 10, "差"],
  ])("%s", (_, total, grade) => {
    const r = check(totalling(total, profile), { profile });
    expect(r.total.computed).toBeCloseTo(total, 9);
    expect(r.total.grade).toBe(grade);
    expect(r.figures.find((f) => f.key === "total.grade")!.display).toBe(grade);
    // The grade typed as computed is accepted; any other is not.
    expectRaised(false, totalling(total, profile, grade), "total-mismatch", gradeAt, { profile });
    const other = grade === "优" ? "良" : "优";
    expectRaised(
      true,
      totalling(total, profile, other),
      "total-mismatch",
      gradeAt,
      { profile },
      {
        expected: grade,
        received: other,
      },
    );
  });
});

describe("grade arithmetic", () => {
  it("names the bounds", () => {
    const fig = check(totalling(89.99, "central-2020")).figures.find((f) => f.key === "total.grade")!;
    expect(fig.arithmetic).toBe("89.99 → 良（优 ≥ 90，良 ≥ 80，中 ≥ 60）");
  });
});
