/** Every word the pane shows, in zh-CN (first) and en-US. Components look strings up here and nowhere else. */
import type { BudgetRole, Confidence, GoalRole, IndicatorRole, ReadingBlock, TableReading } from "../domain";
import { roleNames } from "../domain/reading";
import type { Lang, Severity } from "../domain/types";
import type { ProfileChoice } from "./gateway";

export interface Strings {
  lang: Lang;
  title: string;
  profileLabel: string;
  profiles: Record<ProfileChoice, string>;
  check: string;
  checking: string;
  insertTemplate: string;
  templateInserted: (sheet: string) => string;
  tools: string;
  summary: string;
  sheet: string;
  executionRate: string;
  totalScore: string;
  grade: string;
  /** Beside a total or grade computed from a table with errors or blanks. */
  provisional: string;
  /** In place of the grade of an impossible total (weights over 100). */
  notGraded: string;
  errors: string;
  warnings: string;
  infos: string;
  profileUsed: string;
  noTable: string;
  /** The first screen, before any check: what to do. */
  intro: string;
  /** No 自评表 found: what to do next. */
  noTableHelp: string;
  noFindings: string;
  /** The findings list and its filter. */
  findings: string;
  filterLabel: string;
  filterPlaceholder: string;
  severityFilter: string;
  findingsCount: (n: number) => string;
  filterCount: (shown: number, total: number) => string;
  filterNone: string;
  /** Parts of the table findings are grouped by besides `blocks` and the 一级 blocks (named as the table names them). */
  parts: Record<"total" | "other", string>;
  blockTitle: (name: string, n: number) => string;
  severity: Record<Severity, string>;
  locate: string;
  locateLabel: (cell: string) => string;
  expected: string;
  received: string;
  arithmetic: string;
  /** After a label: full-width in Chinese, ": " in English. */
  colon: string;
  writeBack: string;
  /** 写回结果 on the web page, where the results go into a downloaded copy, never into the file chosen. */
  downloadCopy: string;
  /** Over the cells whose value changes (old → new). */
  previewTitle: string;
  /** The cells a write sets and how many of their values change: the preview and the result say it alike. */
  previewCount: (cells: number, changed: number) => string;
  /** The plan has no value, mark or finding to write: no 写回结果. */
  nothingToWrite: string;
  /** Under a disabled 确认写入 after Excel refused the write. */
  writeRefused: string;
  emptyCell: string;
  marksLine: (n: number) => string;
  findingsSheetLine: (name: string, rows: number) => string;
  notesUnsupported: string;
  protectedWarning: (sheets: string) => string;
  confirmWrite: string;
  cancel: string;
  written: (values: number, changed: number, marks: number, sheet: string) => string;
  /** Said after `written` when the downloaded copy was rebuilt rather than patched. */
  copyRebuilt: string;
  clearMarks: string;
  marksCleared: (n: number) => string;
  undo: string;
  undone: (cells: number, sheets: string[]) => string;
  nothingToUndo: string;
  working: string;
  failed: (detail: string) => string;
  dismiss: string;
  /** The 自评报告 section. */
  report: string;
  generateReport: string;
  downloadWord: string;
  drafting: string;
  noTableForReport: string;
  reportWritten: (sheet: string, replaced: boolean) => string;
  reportHasErrors: (errors: number) => string;
  placeholdersLeft: (items: string[]) => string;
  /** Items the 自评表 itself must supply, each with its cell ("“培训人次”的偏差原因（I14）"). */
  placeholdersInTable: (items: string[]) => string;
  noMaterialPlaceholders: string;
  noPlaceholders: string;
  materialMissing: (kind: "project" | "department") => string;
  createMaterial: string;
  materialCreated: (sheet: string) => string;
  materialExists: string;
  docxSaved: (file: string) => string;
  docxSaveAgain: (file: string) => string;
  docxInBrowser: (file: string) => string;
  docxUnavailable: string;
  /** 识别结果: what the reader understood, and the officer's correction. */
  reading: string;
  /** Text from the table, quoted: “分值” in Chinese, "分值" in English. */
  quoted: (text: string) => string;
  /** An aside after a word: （总分行） in Chinese, " (total row)" in English. */
  aside: (text: string) => string;
  readingAllSure: string;
  readingCounts: (unsure: number, likely: number) => string;
  readingProblems: (n: number) => string;
  readingCorrectedTag: string;
  blocks: Record<ReadingBlock, string>;
  roles: {
    budget: Record<BudgetRole, string>;
    indicator: Record<IndicatorRole, string>;
    goal: Record<GoalRole, string>;
  };
  confidence: Record<Confidence, string>;
  columnName: (letters: string) => string;
  rowSpan: (first: number, last: number) => string;
  headerRows: string;
  evidence: string;
  indicatorRows: string;
  rowCount: (n: number) => string;
  level1Blocks: string;
  blockWeight: (weight: number | null) => string;
  weightsFrom: string;
  weightSources: Record<TableReading["weights"], string>;
  reportedTotal: string;
  totalSource: Record<"row" | "heading", string>;
  totalMissing: string;
  correctionApplied: string;
  correctionNotApplied: string;
  correctionHeaderRow: (block: string, row: number) => string;
  correctHint: string;
  correctColumn: string;
  setIndicatorRows: string;
  selectedCell: (cell: string, text: string) => string;
  blockPicker: string;
  rolePicker: string;
  rolePlaceholder: string;
  setRole: (role: string) => string;
  roleSet: (column: string, role: string) => string;
  rowsSet: (span: string) => string;
  wrongSheet: (selected: string, table: string) => string;
  multipleColumns: (address: string) => string;
  wholeColumns: string;
  exportLayout: string;
  layoutExported: (file: string) => string;
  layoutUnavailable: string;
  clearCorrection: string;
  correctionCleared: string;
  correctionNotSaved: (detail: string) => string;
}

const zh: Strings = {
  lang: "zh-CN",
  title: "绩效自评助手",
  profileLabel: "评分口径",
  profiles: {
    auto: "自动（按表格版式判断）",
    "central-2020": "中央（财预〔2020〕10号）",
    sichuan: "四川省",
    "city-20-80": "市级（执行率 20 分、指标 80 分）",
  },
  check: "一键校验并计分",
  checking: "正在读取并校验自评表…",
  insertTemplate: "插入空白模板",
  templateInserted: (sheet) => `已插入空白自评表“${sheet}”。`,
  tools: "其他操作",
  summary: "校验结果",
  sheet: "工作表",
  executionRate: "执行率",
  totalScore: "总分",
  grade: "等级",
  provisional: "暂定",
  notGraded: "不评定",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  profileUsed: "口径",
  noTable: "未找到绩效自评表。",
  intro: "打开存有绩效自评表的工作簿，需要时选好评分口径，再点“一键校验并计分”。",
  noTableHelp:
    "请在 Excel 中选中存有自评表的工作表，再点“一键校验并计分”；还没有自评表的，可点“插入空白模板”新建一张填写。",
  noFindings: "未发现问题。",
  findings: "问题清单",
  filterLabel: "筛选问题",
  filterPlaceholder: "按文字或单元格筛选，如“偏差原因”“I14”",
  severityFilter: "按级别显示",
  findingsCount: (n) => `共 ${n} 条问题`,
  filterCount: (shown, total) => `显示 ${shown} 条，共 ${total} 条`,
  filterNone: "没有符合筛选条件的问题。",
  parts: { total: "总分", other: "其他" },
  blockTitle: (name, n) => `${name}（${n}）`,
  severity: { error: "错误", warning: "警告", info: "提示" },
  locate: "定位",
  locateLabel: (cell) => `定位到 ${cell}`,
  expected: "应为",
  received: "实为",
  arithmetic: "算式",
  colon: "：",
  writeBack: "写回结果",
  downloadCopy: "下载带标注的副本",
  previewTitle: "数值有变化的单元格（原值 → 新值）：",
  previewCount: (cells, changed) => `将写入 ${cells} 个单元格（其中 ${changed} 个数值有变化）。`,
  nothingToWrite: "没有需要写回的内容。",
  writeRefused: "未能写入。请处理上面提示的问题后重新校验，再写回结果。",
  emptyCell: "（空）",
  marksLine: (n) => `标出 ${n} 个有问题的单元格。`,
  findingsSheetLine: (name, rows) =>
    `新建工作表“${name}”，列出 ${rows} 条问题（链接到单元格）；各项计算过程列在工作表“计算结果”。`,
  notesUnsupported: "此版本的 Excel 不支持批注（需要 ExcelApi 1.18），说明只写入结果工作表。",
  protectedWarning: (sheets) => `工作表“${sheets}”受保护，无法写入。请先取消保护。`,
  confirmWrite: "确认写入",
  cancel: "取消",
  written: (values, changed, marks, sheet) =>
    (values ? `已写入 ${values} 个单元格（其中 ${changed} 个数值有变化），` : "") +
    `标出 ${marks} 处，问题清单见“${sheet}”。`,
  copyRebuilt:
    "注意：此文件无法原样保留其余内容，副本经重新生成，原文件中的图表、图片等对象可能未保留，请与原文件核对。",
  clearMarks: "清除标记",
  marksCleared: (n) => `已清除 ${n} 个单元格的标记和批注。`,
  undo: "撤销写入",
  undone: (cells, sheets) =>
    cells === 0 && sheets.length
      ? `已删除工作表“${sheets.join("、")}”。`
      : `已恢复 ${cells} 个单元格` +
        (sheets.length ? `，并删除工作表${sheets.map((n) => `“${n}”`).join("、")}。` : "。"),
  nothingToUndo: "没有可撤销的写入。",
  working: "正在处理…",
  failed: (detail) => `操作失败：${detail}`,
  dismiss: "关闭",
  report: "自评报告",
  generateReport: "生成报告",
  downloadWord: "下载 Word",
  drafting: "正在起草自评报告…",
  noTableForReport: "未找到绩效自评表，无法起草报告。请打开填好的自评表（或先插入空白模板并填写）。",
  reportWritten: (sheet, replaced) =>
    replaced ? `已重新生成工作表“${sheet}”（替换了上次生成的报告）。` : `已生成工作表“${sheet}”。`,
  reportHasErrors: (errors) => `自评表尚有 ${errors} 处错误，报告开头已加提示。改正后请重新生成。`,
  placeholdersLeft: (items) =>
    `报告中尚有 ${items.length} 处【待填写】：${items.join("、")}。请在“报告素材”工作表中填写后重新生成。`,
  placeholdersInTable: (items) =>
    `报告中有 ${items.length} 处【待填写】须在自评表中补填：${items.join("、")}。请在自评表的这些单元格中填写，重新校验后再生成报告。`,
  noMaterialPlaceholders: "“报告素材”工作表方面没有【待填写】内容。",
  noPlaceholders: "报告中没有【待填写】内容。",
  materialMissing: (kind) =>
    kind === "project"
      ? "工作簿中还没有“报告素材”工作表，项目概况、项目组织实施情况等表中没有的内容填写在那里。"
      : "工作簿中还没有“报告素材”工作表，部门主要职责、机构设置等表中没有的内容填写在那里。",
  createMaterial: "创建报告素材表",
  materialCreated: (sheet) => `已创建工作表“${sheet}”：在“内容”列填写后，再点“生成报告”。`,
  materialExists: "工作簿中已有“报告素材”工作表，未作改动。",
  docxSaved: (file) => `已生成 Word 文件“${file}”，请在下载文件夹中查看。`,
  docxSaveAgain: (file) => `没有开始下载？点此保存“${file}”`,
  docxInBrowser: (file) =>
    `此处的加载项窗口不能直接下载文件，已在默认浏览器中打开保存页面，请在浏览器中保存“${file}”。`,
  docxUnavailable:
    "此版本的 Excel 无法从加载项下载文件。请改用网页版或 Windows 版 Excel 下载，或将“自评报告”工作表的 A 列复制到 Word 中。",
  reading: "识别结果",
  quoted: (text) => `“${text}”`,
  aside: (text) => `（${text}）`,
  readingAllSure: "各列均已确定",
  readingCounts: (unsure, likely) =>
    [unsure ? `${unsure} 列不确定` : "", likely ? `${likely} 列较确定` : ""].filter(Boolean).join("、"),
  readingProblems: (n) => `${n} 项未能识别`,
  readingCorrectedTag: "已更正",
  blocks: { budget: "预算执行", indicator: "绩效指标", goal: "年度总体目标" },
  roles: roleNames("zh-CN"),
  confidence: { sure: "确定", likely: "较确定", unsure: "不确定" },
  columnName: (letters) => `${letters} 列`,
  rowSpan: (first, last) => (first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`),
  headerRows: "表头",
  evidence: "依据",
  indicatorRows: "指标行",
  rowCount: (n) => `共 ${n} 行`,
  level1Blocks: "一级指标",
  blockWeight: (weight) => (weight === null ? "未标明分值" : `分值 ${weight}`),
  weightsFrom: "分值来源",
  weightSources: { column: "分值列", headings: "标题中的分值", none: "无" },
  reportedTotal: "表中的总分",
  totalSource: { row: "总分行", heading: "表头信息" },
  totalMissing: "表中未找到总分",
  correctionApplied: "已按您的更正识别（更正保存在此工作簿中，下次校验自动采用）：",
  correctionNotApplied: "此工作簿保存了以下更正，但本次仍未能识别表格：",
  correctionHeaderRow: (block, row) => `${block}表头 → 第 ${row} 行`,
  correctHint:
    "识别有误时：在 Excel 中选中某列的表头单元格，点“更正所选列”并选择它的角色；或选中全部指标行，点“设为指标行”。",
  correctColumn: "更正所选列",
  setIndicatorRows: "设为指标行",
  selectedCell: (cell, text) => `所选单元格：${cell}${text ? `“${text}”` : "（空）"}`,
  blockPicker: "所属部分",
  rolePicker: "该列的角色",
  rolePlaceholder: "请选择…",
  setRole: (role) => `设为“${role}”列`,
  roleSet: (column, role) => `已将 ${column} 列设为“${role}”列，并重新校验。`,
  rowsSet: (span) => `已将${span}设为指标行，并重新校验。`,
  wrongSheet: (selected, table) => `所选单元格在工作表“${selected}”上，不在自评表“${table}”中。请在自评表中选择。`,
  multipleColumns: (address) => `所选区域 ${address} 跨越多列，请只选一列的表头单元格。`,
  wholeColumns: "请选中指标所在的行（选中整列时无法确定起止行）。",
  exportLayout: "导出版式",
  layoutExported: (file) => `已导出“${file}”：在命令行中校验同一模板的自评表时，可用它按此更正识别。`,
  layoutUnavailable: "此版本的 Excel 无法从加载项下载文件。请改用网页版或 Windows 版 Excel 导出版式。",
  clearCorrection: "清除更正",
  correctionCleared: "已清除更正，并按表头重新识别。",
  correctionNotSaved: (detail) => `更正已用于本次校验，但未能保存到工作簿：${detail}`,
};

const en: Strings = {
  lang: "en-US",
  title: "Self-Evaluation Assistant",
  profileLabel: "Scoring rules",
  profiles: {
    auto: "Automatic (from the table's layout)",
    "central-2020": "Central (Cai Yu [2020] No. 10)",
    sichuan: "Sichuan",
    "city-20-80": "City (execution 20, indicators 80)",
  },
  check: "Check and score",
  checking: "Reading and checking the table…",
  insertTemplate: "Insert blank template",
  templateInserted: (sheet) => `Inserted a blank self-evaluation table, "${sheet}".`,
  tools: "More",
  summary: "Result",
  sheet: "Sheet",
  executionRate: "Execution rate",
  totalScore: "Total score",
  grade: "Grade",
  provisional: "provisional",
  notGraded: "not graded",
  errors: "Errors",
  warnings: "Warnings",
  infos: "Notes",
  profileUsed: "Rules",
  noTable: "No self-evaluation table was found.",
  intro:
    "Open the workbook that holds the self-evaluation table, pick the scoring rules if needed, then click Check and score.",
  noTableHelp:
    "Select the sheet that holds the table in Excel and click Check and score again; without a table yet, click Insert blank template and fill it in.",
  noFindings: "No problems found.",
  findings: "Problems",
  filterLabel: "Filter problems",
  filterPlaceholder: "Filter by text or cell, such as reason or I14",
  severityFilter: "Show by severity",
  findingsCount: (n) => `${n} problems in all`,
  filterCount: (shown, total) => `Showing ${shown} of ${total}`,
  filterNone: "No problem matches the filter.",
  parts: { total: "Total score", other: "Other" },
  blockTitle: (name, n) => `${name} (${n})`,
  severity: { error: "Errors", warning: "Warnings", info: "Notes" },
  locate: "Go to",
  locateLabel: (cell) => `Go to ${cell}`,
  expected: "Expected",
  received: "Found",
  arithmetic: "Arithmetic",
  colon: ": ",
  writeBack: "Write back",
  downloadCopy: "Download a marked-up copy",
  previewTitle: "Cells whose value changes (old → new):",
  previewCount: (cells, changed) => `Will write ${cells} cells (${changed} of them change value).`,
  nothingToWrite: "There is nothing to write back.",
  writeRefused: "The write did not go through. Fix what the message above says, check again, then write back.",
  emptyCell: "(empty)",
  marksLine: (n) => `Highlight ${n} cells with problems.`,
  findingsSheetLine: (name, rows) =>
    `Add the sheet "${name}" listing ${rows} problems (linked to their cells); every computation goes to the sheet "计算结果".`,
  notesUnsupported: "This Excel has no notes (needs ExcelApi 1.18): explanations go to the findings sheet only.",
  protectedWarning: (sheets) => `The sheet "${sheets}" is protected and cannot be written. Unprotect it first.`,
  confirmWrite: "Write",
  cancel: "Cancel",
  written: (values, changed, marks, sheet) =>
    (values
      ? `Wrote ${values} cells (${changed} of them change value) and highlighted ${marks}`
      : `Highlighted ${marks} cells`) + `; the problems are listed in "${sheet}".`,
  copyRebuilt:
    " Note: the rest of this file could not be kept as it was; the copy was rebuilt, and charts, images and other objects of the original may be missing: compare it with the original.",
  clearMarks: "Clear marks",
  marksCleared: (n) => `Removed the highlights and notes from ${n} cells.`,
  undo: "Undo write",
  undone: (cells, sheets) =>
    cells === 0 && sheets.length
      ? `Removed the sheet "${sheets.join('", "')}".`
      : `Restored ${cells} cells` +
        (sheets.length
          ? ` and removed the sheet${sheets.length > 1 ? "s" : ""} ${sheets.map((n) => `"${n}"`).join(", ")}.`
          : "."),
  nothingToUndo: "There is no write to undo.",
  working: "Working…",
  failed: (detail) => `That did not work: ${detail}`,
  dismiss: "Dismiss",
  report: "Self-evaluation report",
  generateReport: "Draft report",
  downloadWord: "Download Word",
  drafting: "Drafting the report…",
  noTableForReport:
    "No self-evaluation table was found, so there is nothing to draft from. Open a completed table (or insert the blank template and fill it in).",
  reportWritten: (sheet, replaced) =>
    replaced ? `Drafted the sheet "${sheet}" again (it replaces the earlier draft).` : `Drafted the sheet "${sheet}".`,
  reportHasErrors: (errors) =>
    `The table still has ${errors} error(s), so the draft opens with a notice. Correct them and draft again.`,
  placeholdersLeft: (items) =>
    `${items.length} passage(s) are still marked 【待填写】 (to be written): ${items.join(", ")}. ` +
    `Write them in the 报告素材 sheet and draft again.`,
  placeholdersInTable: (items) =>
    `${items.length} passage(s) marked 【待填写】 must come from the 自评表 itself: ${items.join(", ")}. ` +
    `Fill in those cells of the table, check it again, then draft the report.`,
  noMaterialPlaceholders: "Nothing is left to be written in the 报告素材 sheet.",
  noPlaceholders: "Nothing in the draft is left to be written.",
  materialMissing: (kind) =>
    kind === "project"
      ? "The workbook has no 报告素材 sheet yet: the text the table cannot supply (the project's outline, how it was carried out) goes there."
      : "The workbook has no 报告素材 sheet yet: the text the table cannot supply (the department's duties, its organisation) goes there.",
  createMaterial: "Create the 报告素材 sheet",
  materialCreated: (sheet) => `Added the sheet "${sheet}": fill in its 内容 column, then draft the report again.`,
  materialExists: "The workbook already has a 报告素材 sheet; it was left as it is.",
  docxSaved: (file) => `Made the Word file "${file}"; look for it in your downloads.`,
  docxSaveAgain: (file) => `No download? Save "${file}" here`,
  docxInBrowser: (file) =>
    `The add-in cannot download files here, so your default browser opened a page to save "${file}": save it there.`,
  docxUnavailable:
    "This Excel cannot download files from an add-in. Download from Excel on the web or for Windows, or copy column A of the 自评报告 sheet into Word.",
  reading: "How the table was read",
  quoted: (text) => `"${text}"`,
  aside: (text) => ` (${text})`,
  readingAllSure: "every column certain",
  readingCounts: (unsure, likely) =>
    [unsure ? `${unsure} uncertain` : "", likely ? `${likely} fairly certain` : ""].filter(Boolean).join(", "),
  readingProblems: (n) => `${n} not recognised`,
  readingCorrectedTag: "corrected",
  blocks: { budget: "Budget execution", indicator: "Performance indicators", goal: "Annual goals" },
  roles: roleNames("en-US"),
  confidence: { sure: "certain", likely: "fairly certain", unsure: "uncertain" },
  columnName: (letters) => `column ${letters}`,
  rowSpan: (first, last) => (first === last ? `row ${first}` : `rows ${first}–${last}`),
  headerRows: "Header",
  evidence: "Evidence",
  indicatorRows: "Indicator rows",
  rowCount: (n) => `${n} rows`,
  level1Blocks: "Level-1 indicators",
  blockWeight: (weight) => (weight === null ? "no weight stated" : `weight ${weight}`),
  weightsFrom: "Weights from",
  weightSources: { column: "the weight column", headings: "the block headings", none: "nowhere" },
  reportedTotal: "Total in the table",
  totalSource: { row: "total row", heading: "heading" },
  totalMissing: "No total found in the table",
  correctionApplied: "Read with your correction (saved in this workbook and used by every later check):",
  correctionNotApplied: "This workbook holds the correction below, but the table still could not be read:",
  correctionHeaderRow: (block, row) => `${block} header → row ${row}`,
  correctHint:
    'If something was read wrongly: select a column\'s header cell in Excel, click "Correct the selected column" and choose its role; or select all indicator rows and click "Set as indicator rows".',
  correctColumn: "Correct the selected column",
  setIndicatorRows: "Set as indicator rows",
  selectedCell: (cell, text) => `Selected cell: ${cell}${text ? ` "${text}"` : " (empty)"}`,
  blockPicker: "Part of the table",
  rolePicker: "Role of this column",
  rolePlaceholder: "Choose…",
  setRole: (role) => `Set as the "${role}" column`,
  roleSet: (column, role) => `Column ${column} is now the "${role}" column; checked again.`,
  rowsSet: (span) => `The indicator rows are now ${span}; checked again.`,
  wrongSheet: (selected, table) =>
    `The selected cell is on the sheet "${selected}", not in the table "${table}". Select it in the table.`,
  multipleColumns: (address) => `The selection ${address} spans several columns: select one column's header cell.`,
  wholeColumns: "Select the indicator rows (a whole column has no first and last row).",
  exportLayout: "Export layout",
  layoutExported: (file) =>
    `Exported "${file}": a reviewer can check tables of the same template with ziping check --layout ${file}.`,
  layoutUnavailable:
    "This Excel cannot download files from an add-in. Export the layout from Excel on the web or for Windows.",
  clearCorrection: "Clear correction",
  correctionCleared: "The correction is cleared; the table was read from its headers again.",
  correctionNotSaved: (detail) =>
    `The correction was used for this check but could not be saved in the workbook: ${detail}`,
};

export const STRINGS: Record<Lang, Strings> = { "zh-CN": zh, "en-US": en };

/** Shown before Office has said which language it speaks, or outside Excel: both languages at once. */
export const NOT_IN_EXCEL: Record<Lang, string> = {
  "zh-CN": "请在 Excel 中打开此加载项。",
  "en-US": "Open this add-in in Excel.",
};
