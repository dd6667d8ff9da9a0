/**
 * qualitative-unrated: A qualitative result that names no tier: its typed score is the evaluator's judgement and is
 * not checked.
 */
import { fmtPlain } from "../precision";
import { q, type Rule } from "./rule";

export const qualitativeUnrated: Rule = {
  id: "qualitative-unrated",
  severity: "info",
  title: { "zh-CN": "定性结果需人工判断", "en-US": "Qualitative result needs judgement" },
  message: (p) => ({
    "zh-CN": `“${q(p.name)}”的实际完成值“${q(p.received)}”无法对应评分档次，得分 ${q(p.expected)} 由评价人判断，未自动核定`,
    "en-US": `"${q(p.name)}": the result "${q(p.received)}" fits no scoring tier; the score ${q(p.expected)} is the evaluator's judgement and was not checked`,
  }),
  check({ facts, flag }) {
    for (const f of facts.indicators)
      if (f.qualitative && f.qualitative.tier === null && f.typedScore !== null && f.row.actual)
        flag(f.row.actual, { name: f.name, received: f.row.actual.text, expected: fmtPlain(f.typedScore) });
  },
};
