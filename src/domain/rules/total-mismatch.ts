/**
 * total-mismatch: A typed 小计, 总分 or 自评等级 that differs from the one computed.
 */
import { normalizeText } from "../parse";
import { fmtPlain, fmtScore, scoresAgree } from "../precision";
import { q, type Rule } from "./rule";

export const totalMismatch: Rule = {
  id: "total-mismatch",
  severity: "error",
  title: { "zh-CN": "总分与合计不符", "en-US": "Total differs from the sum" },
  message: (p) => ({
    "zh-CN": `${q(p.what)}应为 ${q(p.expected)}，填报为 ${q(p.received)}`,
    "en-US": `${q(p.what)} should be ${q(p.expected)}, the table says ${q(p.received)}`,
  }),
  figure: true,
  check({ facts, table, profile, flag }) {
    for (const b of facts.blocks)
      if (
        b.block.subtotalSlot &&
        b.typedSubtotal.kind === "number" &&
        !scoresAgree(b.typedSubtotal.value, b.score, profile)
      )
        flag(b.block.subtotalSlot, {
          what: `${b.block.level1}小计`,
          expected: fmtScore(b.score),
          received: fmtPlain(b.typedSubtotal.value),
        });
    const tf = facts.total;
    if (tf.computed === null) return;
    if (
      table.total?.score &&
      tf.typedTotal.kind === "number" &&
      !scoresAgree(tf.typedTotal.value, tf.computed, profile)
    )
      flag(
        table.total.score,
        { what: "总分", expected: fmtScore(tf.computed), received: fmtPlain(tf.typedTotal.value) },
        tf.arithmetic,
      );
    const g = table.grade?.value;
    if (g && g.text && tf.grade && normalizeText(g.text) !== tf.grade)
      flag(g, { what: "自评等级", expected: tf.grade, received: g.text }, tf.gradeArithmetic);
  },
};
