/**
 * formula-uncalculated: a formula cell of the table has no result: the file holds none (it was written by a program
 * and never saved by Excel or WPS) and Ziping could not compute it either (an unknown function, another workbook, a
 * cycle). Raised by ../index.ts from the grid's `uncalculated` list; required-blank is not raised for such a cell,
 * since the officer did not leave it empty.
 */
import { q, type Rule } from "./rule";

export const formulaUncalculated: Rule = {
  id: "formula-uncalculated",
  severity: "error",
  title: { "zh-CN": "公式未计算", "en-US": "Formula not calculated" },
  // detail: the formula, without its "=".
  message: (p) => ({
    "zh-CN": `公式“=${q(p.detail)}”在文件中没有计算结果，Ziping 也无法计算。文件可能由程序生成、未在 Excel 中保存过：请在 Excel 或 WPS 中打开并保存后再检查`,
    "en-US": `The formula "=${q(p.detail)}" has no result in the file, and Ziping cannot compute it. The file was probably written by a program and never saved in Excel: open and save it in Excel or WPS, then check it again`,
  }),
};
