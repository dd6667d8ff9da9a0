/**
 * score-exceeds-weight: A typed 得分 above its 分值, or (weights only in the headings) a block's scores above its
 * heading weight.
 */
import { exceeds, fmtPlain, fmtScore, scoreAboveWeight } from "../precision";
import { q, type Rule } from "./rule";

export const scoreExceedsWeight: Rule = {
  id: "score-exceeds-weight",
  severity: "error",
  title: { "zh-CN": "得分超过分值", "en-US": "Score above the weight" },
  message: (p) => ({
    "zh-CN": `“${q(p.name)}”得分 ${q(p.received)} 超过分值 ${q(p.expected)}`,
    "en-US": `"${q(p.name)}" scores ${q(p.received)}, more than its weight ${q(p.expected)}`,
  }),
  figure: true,
  check({ facts, flag }) {
    for (const f of facts.indicators)
      if (!f.notApplicable && f.typedScore !== null && f.weight !== null && scoreAboveWeight(f.typedScore, f.weight))
        // The cell keeps the officer's score; its note says what the 总分 counts instead.
        flag(
          f.row.score,
          { name: f.name, received: fmtPlain(f.typedScore), expected: fmtPlain(f.weight) },
          `总分按 ${fmtScore(f.effective ?? f.weight)} 计（不超过分值 ${fmtPlain(f.weight)}）`,
        );
    if (facts.total.weightColumn) return;
    for (const b of facts.blocks)
      if (b.stated !== null && exceeds(b.score, b.stated))
        flag(b.block.labelSlot, { name: b.block.level1, received: fmtScore(b.score), expected: fmtPlain(b.stated) });
  },
};
