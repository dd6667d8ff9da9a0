/**
 * weights-sum: Weights that do not add up: a 一级 block against its stated (or enforced) weight, the blocks against
 * their heading, all weights against the 总分.
 */
import type { Facts } from "../facts";
import { fmtPlain, weightsAgree } from "../precision";
import { q, type Rule } from "./rule";

export const weightsSum: Rule = {
  id: "weights-sum",
  severity: "error",
  title: { "zh-CN": "分值合计不符", "en-US": "Weights do not add up" },
  message: (p) => ({
    "zh-CN": `${q(p.what)}：分值合计为 ${q(p.received)}，应为 ${q(p.expected)}`,
    "en-US": `${q(p.what)}: the weights add up to ${q(p.received)}, expected ${q(p.expected)}`,
  }),
  figure: true,
  check({ facts, table, profile, flag }) {
    const tf = facts.total;
    for (const b of facts.blocks)
      if (tf.weightColumn && b.expectedWeight !== null && !weightsAgree(b.weight, b.expectedWeight))
        flag(b.block.weightSlot, {
          what: b.block.level1,
          received: fmtPlain(b.weight),
          expected: fmtPlain(b.expectedWeight),
        });
    const heading = table.indicatorsWeightHeading;
    if (!tf.weightColumn && tf.headingWeights !== null && heading && !weightsAgree(tf.headingWeights, heading.weight))
      flag(heading.slot, {
        what: heading.slot.text,
        received: fmtPlain(tf.headingWeights),
        expected: fmtPlain(heading.weight),
      });
    const anchor = table.total?.weight ?? table.total?.labelSlot;
    const all = tf.allWeights + tf.excluded;
    if (!anchor || tf.indicatorWeights === null) return;
    if (
      !weightsAgree(all, tf.statedTotal ?? profile.totalWeight) ||
      (tf.statedTotal !== null && tf.statedTotal !== profile.totalWeight)
    )
      flag(
        anchor,
        { what: "总分", received: fmtPlain(all), expected: fmtPlain(profile.totalWeight) },
        `${fmtPlain(facts.budget.execWeight)}（预算执行）${weightTerms(facts)
          .map(([w, label]) => ` + ${fmtPlain(w)}（${label}）`)
          .join("")} = ${fmtPlain(all)}`,
      );
  },
};

/**
 * The indicator weights the 总分 adds, as the arithmetic shows them: each block's 分值 in force (those marked 不适用
 * too, as the sum counts them), the headings' weights without a 分值 column, else the one heading over them all.
 */
function weightTerms(facts: Facts): Array<[number, string]> {
  const tf = facts.total;
  // (Every indicator row has its fact; headingWeights is a number only when every block states one in its label,
  // which then names it; otherwise the indicatorWeights the caller checked came from the heading.)
  if (tf.weightColumn) {
    const weightOf = new Map(facts.indicators.map((f) => [f.row, f.weight ?? 0]));
    return facts.blocks.map((b) => [
      b.block.indicators.reduce((s, r) => s + weightOf.get(r)!, 0),
      b.block.level1 || "指标",
    ]);
  }
  if (tf.headingWeights !== null) return facts.blocks.map((b) => [b.stated!, b.block.level1]);
  const heading = facts.table.indicatorsWeightHeading!;
  return [[heading.weight, heading.slot.text]];
}
