/**
 * score-cap: The total capped by the execution rate under a profile's scoreCapByExecution (off by default).
 */
import { fmtPlain, fmtRate, fmtScore } from "../precision";
import { q, type Rule } from "./rule";

export const scoreCap: Rule = {
  id: "score-cap",
  severity: "warning",
  title: { "zh-CN": "总分受执行率限制", "en-US": "Total capped by execution" },
  message: (p) => ({
    "zh-CN": `执行率为 ${q(p.detail)}，按所选规则总分最高为 ${q(p.expected)}，计算得分 ${q(p.received)} 已按上限计`,
    "en-US": `With execution at ${q(p.detail)} the chosen rules cap the total at ${q(p.expected)}; the computed ${q(p.received)} is capped`,
  }),
  figure: true,
  check({ facts, table, flag }) {
    const cap = facts.total.cap;
    if (cap && table.total?.score)
      flag(table.total.score, {
        detail: fmtRate(cap.rate),
        expected: fmtPlain(cap.cap),
        received: fmtScore(cap.uncapped),
      });
  },
};
