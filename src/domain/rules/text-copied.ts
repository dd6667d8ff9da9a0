/**
 * text-copied: A goal's 实际完成情况 copied from its 预期目标, or naming another year than the table's (a later year is a plan
 * copied forward; an earlier one, without a comparison, last year's account).
 */
import { normalizeText } from "../parse";
import { q, type Rule } from "./rule";

export const textCopied: Rule = {
  id: "text-copied",
  severity: "warning",
  title: { "zh-CN": "完成情况照抄目标或年份不符", "en-US": "Copied text or wrong year" },
  message: (p) => ({
    "zh-CN": p.year
      ? `${p.label ? `“${p.label}”` : ""}实际完成情况提到 ${p.year} 年，与本表年度 ${q(p.expected)} 不符`
      : `${p.label ? `“${p.label}”` : ""}实际完成情况与预期目标完全相同，请如实填写完成情况`,
    "en-US": p.year
      ? `${p.label ? `"${p.label}": ` : ""}the account of results names ${p.year}, not the table's year ${q(p.expected)}`
      : `${p.label ? `"${p.label}": ` : ""}the account of results is a copy of the target; describe what was achieved`,
  }),
  check({ table, flag }) {
    for (const g of table.goals) {
      const label = g.label || undefined;
      if (g.actual.text && normalizeText(g.actual.text) === normalizeText(g.expected.text)) {
        flag(g.actual, { label });
        continue;
      }
      if (table.year === null) continue;
      const year = table.year;
      const years = [...g.actual.text.matchAll(/(?<!\d)(20\d{2})\s*年/g)].map((m) => Number(m[1]));
      const comparing = /较|比|相比|同比|以来|上年|去年/.test(g.actual.text);
      const other =
        years.find((y) => y > year) ?? (years.includes(year) || comparing ? undefined : years.find((y) => y !== year));
      if (other !== undefined) flag(g.actual, { label, year: String(other), expected: String(year) });
    }
  },
};
