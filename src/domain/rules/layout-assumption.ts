/**
 * layout-assumption: A choice the reader made between readings of the table (reading.ts LayoutAssumption), said so
 * the officer can correct it.
 */
import { q, type Rule } from "./rule";

export const layoutAssumption: Rule = {
  id: "layout-assumption",
  severity: "info",
  title: { "zh-CN": "表格识别说明", "en-US": "How the table was read" },
  // The reader's choice, already worded in both languages (reading.ts LayoutAssumption).
  message: (p) => ({
    "zh-CN": `${q(p.textZh)}；如识别有误，请在“识别结果”中更正`,
    "en-US": `${q(p.textEn)}; if this is wrong, correct it under "How the table was read"`,
  }),
  check({ table, flag }) {
    for (const a of table.reading.assumptions) flag(a.cell, { textZh: a.message["zh-CN"], textEn: a.message["en-US"] });
  },
};
