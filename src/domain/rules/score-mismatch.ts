/**
 * score-mismatch: A typed 得分 differs from the score the rules compute (or from 得分系数 × 分值) beyond the score
 * tolerance; a score above its weight is score-exceeds-weight instead.
 */
import { fmtPlain, fmtScore, scoreAboveWeight, scoresAgree } from "../precision";
import { q, type Rule } from "./rule";

export const scoreMismatch: Rule = {
  id: "score-mismatch",
  severity: "error",
  title: { "zh-CN": "指标得分与规则不符", "en-US": "Score differs from the rule" },
  message: (p) => ({
    "zh-CN": `“${q(p.name)}”按规则得分应为 ${q(p.expected)}，填报为 ${q(p.received)}`,
    "en-US": `"${q(p.name)}" should score ${q(p.expected)} by the rule, the table says ${q(p.received)}`,
  }),
  figure: true,
  check({ facts, profile, flag }) {
    for (const f of facts.indicators) {
      if (f.notApplicable || f.typedScore === null) continue;
      const typed = f.typedScore;
      const received = fmtPlain(typed);
      if (f.byCoefficient && !scoresAgree(typed, f.byCoefficient.score, profile))
        flag(
          f.row.score,
          { name: f.name, received, expected: fmtScore(f.byCoefficient.score) },
          f.byCoefficient.arithmetic,
        );
      if (f.weight !== null && scoreAboveWeight(typed, f.weight)) continue;
      if (f.computedByRule && f.computed !== null && !scoresAgree(typed, f.computed, profile))
        flag(f.row.score, { name: f.name, received, expected: fmtScore(f.computed) }, f.arithmetic);
    }
  },
};
