/**
 * exec-rate-mismatch: The typed 执行率 differs from 全年执行数 ÷ 全年预算数 beyond the rate tolerance and its cell's display
 * precision (a General 1.6 is read as 160% too).
 */
import { fmtRate } from "../precision";
import { q, type Rule } from "./rule";

export const execRateMismatch: Rule = {
  id: "exec-rate-mismatch",
  severity: "error",
  title: { "zh-CN": "执行率计算有误", "en-US": "Execution rate is wrong" },
  message: (p) => ({
    "zh-CN": `填报的执行率 ${q(p.received)} 与 全年执行数 ÷ 全年预算数 = ${q(p.expected)} 不符`,
    "en-US": `The execution rate ${q(p.received)} differs from spending ÷ budget = ${q(p.expected)}`,
  }),
  figure: true,
  check({ facts, flag }) {
    const b = facts.budget;
    if (b.typedRateAgrees === false && b.total?.rate)
      flag(b.total.rate, { received: fmtRate(b.typedRateFraction!), expected: fmtRate(b.rate!) }, b.rateArithmetic);
  },
};
