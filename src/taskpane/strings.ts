/** Every word the pane shows, in zh-CN (first) and en-US. Components look strings up here and nowhere else. */
import type { Lang, Severity } from "../domain/types";
import type { ProfileChoice } from "./gateway";

export interface Strings {
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
  errors: string;
  warnings: string;
  infos: string;
  profileUsed: string;
  noTable: string;
  noFindings: string;
  severity: Record<Severity, string>;
  locate: string;
  locateLabel: (cell: string) => string;
  expected: string;
  received: string;
  arithmetic: string;
  /** After a label: full-width in Chinese, ": " in English. */
  colon: string;
  writeBack: string;
  previewTitle: string;
  previewEmpty: string;
  previewUnchanged: (n: number) => string;
  emptyCell: string;
  marksLine: (n: number) => string;
  findingsSheetLine: (name: string, rows: number) => string;
  notesUnsupported: string;
  protectedWarning: (sheets: string) => string;
  confirmWrite: string;
  cancel: string;
  written: (values: number, marks: number, sheet: string) => string;
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
  noPlaceholders: string;
  materialMissing: string;
  createMaterial: string;
  materialCreated: (sheet: string) => string;
  materialExists: string;
  docxSaved: (file: string) => string;
  docxSaveAgain: (file: string) => string;
  docxInBrowser: (file: string) => string;
  docxUnavailable: string;
}

const zh: Strings = {
  title: "绩效自评助手",
  profileLabel: "评分口径",
  profiles: {
    auto: "自动（按表格版式判断）",
    "central-2020": "中央部门（财预〔2020〕10号）",
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
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  profileUsed: "口径",
  noTable: "未找到绩效自评表。",
  noFindings: "未发现问题。",
  severity: { error: "错误", warning: "警告", info: "提示" },
  locate: "定位",
  locateLabel: (cell) => `定位到 ${cell}`,
  expected: "应为",
  received: "实为",
  arithmetic: "算式",
  colon: "：",
  writeBack: "写回结果",
  previewTitle: "将修改以下单元格（原值 → 新值）：",
  previewEmpty: "没有需要修改的数值。",
  previewUnchanged: (n) => `${n} 个单元格已是计算结果，保持不变。`,
  emptyCell: "（空）",
  marksLine: (n) => `标出 ${n} 个有问题的单元格。`,
  findingsSheetLine: (name, rows) => `新建工作表“${name}”，列出 ${rows} 条问题（链接到单元格）和各项计算过程。`,
  notesUnsupported: "此版本的 Excel 不支持批注（需要 ExcelApi 1.18），说明只写入结果工作表。",
  protectedWarning: (sheets) => `工作表“${sheets}”受保护，无法写入。请先取消保护。`,
  confirmWrite: "确认写入",
  cancel: "取消",
  written: (values, marks, sheet) => `已写入 ${values} 个单元格，标出 ${marks} 处，问题清单见“${sheet}”。`,
  clearMarks: "清除标记",
  marksCleared: (n) => `已清除 ${n} 个单元格的标记和批注。`,
  undo: "撤销写入",
  undone: (cells, sheets) =>
    cells === 0 && sheets.length
      ? `已删除工作表“${sheets.join("、")}”。`
      : `已恢复 ${cells} 个单元格` + (sheets.length ? `，并删除工作表“${sheets.join("、")}”。` : "。"),
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
  noPlaceholders: "报告中没有【待填写】内容。",
  materialMissing: "工作簿中还没有“报告素材”工作表，部门职责、机构设置等表中没有的内容填写在那里。",
  createMaterial: "创建报告素材表",
  materialCreated: (sheet) => `已创建工作表“${sheet}”：在“内容”列填写后，再点“生成报告”。`,
  materialExists: "工作簿中已有“报告素材”工作表，未作改动。",
  docxSaved: (file) => `已生成 Word 文件“${file}”，请在下载文件夹中查看。`,
  docxSaveAgain: (file) => `没有开始下载？点此保存“${file}”`,
  docxInBrowser: (file) =>
    `此处的加载项窗口不能直接下载文件，已在默认浏览器中打开保存页面，请在浏览器中保存“${file}”。`,
  docxUnavailable:
    "此版本的 Excel 无法从加载项下载文件。请改用网页版或 Windows 版 Excel 下载，或将“自评报告”工作表的 A 列复制到 Word 中。",
};

const en: Strings = {
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
  errors: "Errors",
  warnings: "Warnings",
  infos: "Notes",
  profileUsed: "Rules",
  noTable: "No self-evaluation table was found.",
  noFindings: "No problems found.",
  severity: { error: "Errors", warning: "Warnings", info: "Notes" },
  locate: "Go to",
  locateLabel: (cell) => `Go to ${cell}`,
  expected: "Expected",
  received: "Found",
  arithmetic: "Arithmetic",
  colon: ": ",
  writeBack: "Write back",
  previewTitle: "These cells will change (old → new):",
  previewEmpty: "No value needs to change.",
  previewUnchanged: (n) => `${n} cells already hold the computed result and stay as they are.`,
  emptyCell: "(empty)",
  marksLine: (n) => `Highlight ${n} cells with problems.`,
  findingsSheetLine: (name, rows) =>
    `Add the sheet "${name}" listing ${rows} problems (linked to their cells) and every computation.`,
  notesUnsupported: "This Excel has no notes (needs ExcelApi 1.18): explanations go to the findings sheet only.",
  protectedWarning: (sheets) => `The sheet "${sheets}" is protected and cannot be written. Unprotect it first.`,
  confirmWrite: "Write",
  cancel: "Cancel",
  written: (values, marks, sheet) =>
    `Wrote ${values} cells and highlighted ${marks}; the problems are listed in "${sheet}".`,
  clearMarks: "Clear marks",
  marksCleared: (n) => `Removed the highlights and notes from ${n} cells.`,
  undo: "Undo write",
  undone: (cells, sheets) =>
    cells === 0 && sheets.length
      ? `Removed the sheet "${sheets.join('", "')}".`
      : `Restored ${cells} cells` + (sheets.length ? ` and removed the sheet "${sheets.join('", "')}".` : "."),
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
  noPlaceholders: "Nothing in the draft is left to be written.",
  materialMissing:
    "The workbook has no 报告素材 sheet yet: the text the table cannot supply (duties, organisation) goes there.",
  createMaterial: "Create the 报告素材 sheet",
  materialCreated: (sheet) => `Added the sheet "${sheet}": fill in its 内容 column, then draft the report again.`,
  materialExists: "The workbook already has a 报告素材 sheet; it was left as it is.",
  docxSaved: (file) => `Made the Word file "${file}"; look for it in your downloads.`,
  docxSaveAgain: (file) => `No download? Save "${file}" here`,
  docxInBrowser: (file) =>
    `The add-in cannot download files here, so your default browser opened a page to save "${file}": save it there.`,
  docxUnavailable:
    "This Excel cannot download files from an add-in. Download from Excel on the web or for Windows, or copy column A of the 自评报告 sheet into Word.",
};

export const STRINGS: Record<Lang, Strings> = { "zh-CN": zh, "en-US": en };

/** Shown before Office has said which language it speaks, or outside Excel: both languages at once. */
export const NOT_IN_EXCEL: Record<Lang, string> = {
  "zh-CN": "请在 Excel 中打开此加载项。",
  "en-US": "Open this add-in in Excel.",
};
