/**
 * qualitative-out-of-tier: A qualitative indicator's typed 得分 outside the tier its 实际完成值 names (the middle and
 * bottom tiers exclude their upper bound).
 */
import { TIER_NAME, tierRangeTextEn } from "../facts";
import { exceeds, fmtPlain, fmtScore } from "../precision";
import { q, type Rule } from "./rule";

export const qualitativeOutOfTier: Rule = {
  id: "qualitative-out-of-tier",
  severity: "error",
  title: { "zh-CN": "定性指标得分超出档次", "en-US": "Qualitative score outside its tier" },
  message: (p) => ({
    "zh-CN": `“${q(p.name)}”完成情况为“${q(p.tier)}”，得分应在 ${q(p.expected)}之间，填报为 ${q(p.received)}`,
    // what / textEn: the tier's name and its range in English (tier and expected are the Chinese ones).
    "en-US": `"${q(p.name)}" is rated "${q(p.what)}", so its score must lie from ${q(p.textEn)}; the table says ${q(p.received)}`,
  }),
  figure: true,
  check({ facts, flag }) {
    for (const f of facts.indicators) {
      const fq = f.qualitative;
      if (!fq?.tier || fq.inTier !== false || f.typedScore === null || f.weight === null) continue;
      // Above the weight is score-exceeds-weight's.
      if (exceeds(f.typedScore, f.weight)) continue;
      flag(
        f.row.score,
        {
          name: f.name,
          tier: TIER_NAME[fq.tier]["zh-CN"],
          what: TIER_NAME[fq.tier]["en-US"],
          expected: fq.rangeText,
          textEn: tierRangeTextEn(fq.lo, fq.hi, fq.tier === "top"),
          received: fmtPlain(f.typedScore),
          // The cell keeps the officer's score; its note says what the 总分 counts instead.
        },
        `${f.arithmetic}；总分按 ${fmtScore(f.effective ?? 0)} 计`,
      );
    }
  },
};
