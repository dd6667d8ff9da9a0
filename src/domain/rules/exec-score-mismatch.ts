/**
 * exec-score-mismatch: The typed execution 得分 differs from min(执行率, 100%) × 分值 beyond the score tolerance.
 */
import { fmtPlain, fmtScore, scoresAgree } from "../precision";
import { q, type Rule } from "./rule";

export const execScoreMismatch: Rule = {
  id: "exec-score-mismatch",
  severity: "error",
  title: { "zh-CN": "预算执行得分有误", "en-US": "Execution score is wrong" },
  message: (p) => ({
    "zh-CN": `预算执行率得分应为 ${q(p.expected)}，填报为 ${q(p.received)}`,
    "en-US": `The execution score should be ${q(p.expected)}, the table says ${q(p.received)}`,
  }),
  figure: true,
  check({ facts, profile, flag }) {
    const b = facts.budget;
    if (b.score === null || !b.total?.score || b.typedScore.kind !== "number") return;
    if (!scoresAgree(b.typedScore.value, b.score, profile))
      flag(b.total.score, { received: fmtPlain(b.typedScore.value), expected: fmtScore(b.score) }, b.scoreArithmetic);
  },
};
