/**
 * merges-unknown: The host could not report merged areas, so computed cells a merge could cover were left unwritten:
 * raised by the merge guard (../merges-unknown.ts).
 */
import { q, type Rule } from "./rule";

export const mergesUnknown: Rule = {
  id: "merges-unknown",
  severity: "info",
  title: { "zh-CN": "无法读取合并单元格", "en-US": "Merged cells unknown" },
  // detail: the cells left unwritten, joined with 、; textEn: the same joined with commas.
  message: (p) => ({
    "zh-CN": `此版本 Excel 无法读取合并单元格信息（需要 ExcelApi 1.13）：${q(p.detail)} 可能处在合并单元格中（空白的计算单元格紧挨在已填写的单元格下方或右侧），为免把计算结果写进合并区域，这些单元格未写入。请核对这些单元格，必要时手工填写，或在较新版本的 Excel 中重新校验`,
    "en-US": `This version of Excel cannot report merged cells (ExcelApi 1.13 is needed): ${q(p.textEn)} may lie in merged cells (a blank computed cell right under or beside a filled one), so no computed value was written to them, lest it land in a merged area. Check these cells and fill them by hand if needed, or check the table again in a newer Excel`,
  }),
};
