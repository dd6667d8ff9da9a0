/**
 * formula-calculated: formulas of the table had no result in the file (written by a program, never saved by Excel),
 * and Ziping computed them as Excel would on opening; the figures read from them are Ziping's, which the reviewer
 * should know. One finding, at the first such cell, raised by ../index.ts from the grid's `calculated` list.
 */
import { q, type Rule } from "./rule";

export const formulaCalculated: Rule = {
  id: "formula-calculated",
  severity: "info",
  title: { "zh-CN": "公式由 Ziping 计算", "en-US": "Formulas computed by Ziping" },
  // name: how many; detail: the cells, joined with 、 (at most ten, then 等); textEn: the same with commas.
  message: (p) => ({
    "zh-CN": `${q(p.name)} 个公式在文件中没有计算结果（文件可能由程序生成、未在 Excel 中保存过），已由 Ziping 按公式算出：${q(p.detail)}。在 Excel 或 WPS 中打开并保存后，以其计算结果为准`,
    "en-US": `${q(p.name)} formulas had no result in the file (probably written by a program and never saved in Excel); Ziping computed them from their formulas: ${q(p.textEn)}. Once the file is opened and saved in Excel or WPS, its results stand`,
  }),
};
