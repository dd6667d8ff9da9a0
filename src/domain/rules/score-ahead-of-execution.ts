/**
 * score-ahead-of-execution: The indicators' score ratio ahead of the execution rate by more than the profile's
 * scoreAheadOfExecution (a vendor system's warning; off by default).
 */
import { exceeds, fmtPlain, fmtRate, round } from "../precision";
import { q, type Rule } from "./rule";

export const scoreAheadOfExecution: Rule = {
  id: "score-ahead-of-execution",
  severity: "warning",
  title: { "zh-CN": "指标得分明显高于执行进度", "en-US": "Scores ahead of execution" },
  message: (p) => ({
    "zh-CN": `指标得分率 ${q(p.received)} 比预算执行率 ${q(p.expected)} 高出 ${q(p.detail)} 个百分点以上，请核实`,
    "en-US": `The indicator score ratio ${q(p.received)} exceeds the execution rate ${q(p.expected)} by more than ${q(p.detail)} percentage points; check it`,
  }),
  check({ facts, table, profile, flag }) {
    const ahead = profile.scoreAheadOfExecution;
    const rate = facts.budget.rate;
    const tf = facts.total;
    if (ahead === null || rate === null || tf.computed === null || tf.sumWeights <= 0 || !table.total?.score) return;
    const ratio = tf.sumScores / tf.sumWeights;
    if (exceeds(ratio - rate, ahead))
      flag(table.total.score, {
        received: fmtRate(ratio),
        expected: fmtRate(rate),
        detail: fmtPlain(round(ahead * 100, 2)),
      });
  },
};
