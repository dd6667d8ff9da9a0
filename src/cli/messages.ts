/** Every string the `ziping` command shows, in zh-CN (first) and en-US. Placeholders are written {name}. */
import { roleLabel as domainRoleLabel, type Confidence, type ReadingBlock, type RoleSource } from "../domain/reading";
import type { Lang, LayoutId, Severity } from "../domain/types";

const table = {
  usage: {
    "zh-CN": [
      "用法：ziping check <文件或文件夹…> [选项]",
      "      ziping report <工作簿.xlsx> [选项]   起草自评报告（选项见下）",
      "",
      "ziping check 检查 Excel 绩效自评表（.xlsx）：核对执行率、得分和总分，列出需要修改的单元格。",
      "文件夹会递归查找其中的 .xlsx / .xlsm 文件。",
      "",
      "ziping check 的选项：",
      "  --json                 以 JSON 输出结果（供脚本使用）",
      "  --profile <配置>       评分口径：auto（默认，按表格版式判断）、central-2020、sichuan、city-20-80",
      "  --write <文件夹>       为每个文件写出带标注的副本 <文件名>.checked.xlsx（不改动原文件）",
      "  --summary <文件.xlsx>  写出审核汇总表：“汇总”表每个文件一行（单位、项目、执行率、计算与填报总分、",
      "                         等级、错误数、警告数、可否受理），问题最多的排在前面；“问题明细”表列出每个",
      "                         问题及其单元格。无法读取的文件也列出并写明原因。不会覆盖被检查的文件",
      "  --force                替换已存在的副本和汇总表（不加时，已存在的文件保留不动，该文件报错）；",
      "                         被检查的文件无论如何都不会被替换",
      "  --set <名称=值>        调整评分口径的可选设置，可重复（见下）",
      "  --explain              在每个文件的结果后列出识别结果：各列的角色、列号、表头、行、把握程度及依据，",
      "                         指标行与一级指标分块、分值来源、填报总分的位置和识别假设（--json 时加入 reading）",
      "  --layout <版式.json>   按版式文件（在任务窗格“识别结果”中导出）读取每个工作簿：指定哪一列是哪个角色、",
      "                         指标从哪一行起止。用于同一模板的一批表格；文件有误时不检查任何表格（退出码 2）",
      "  --lang <语言>          输出语言：zh-CN（默认）或 en-US",
      "  --progress             在标准错误输出上显示进度",
      "  -h, --help             显示本帮助",
      "  -v, --version          显示版本",
    ].join("\n"),
    "en-US": [
      "Usage: ziping check <files or folders…> [options]",
      "       ziping report <workbook.xlsx> [options]   draft the 自评报告 (options below)",
      "",
      "ziping check checks Excel budget performance self-evaluation tables (.xlsx): execution rate, scores and",
      "total, and lists the cells to fix. Folders are searched recursively for .xlsx / .xlsm files.",
      "",
      "Options of ziping check:",
      "  --json                 print the results as JSON (for scripts)",
      "  --profile <profile>    scoring rules: auto (default, from the table's layout), central-2020, sichuan, city-20-80",
      "  --write <folder>       write a marked-up copy <name>.checked.xlsx of each file (the file itself is never changed)",
      "  --summary <file.xlsx>  write the reviewer's summary workbook: sheet 汇总 has a row per file (unit, project,",
      "                         execution rate, computed and reported total, grade, errors, warnings, acceptable),",
      "                         worst first; sheet 问题明细 lists every finding with its cell. Files that could not",
      "                         be read are listed with the reason. Never written over a file being checked",
      "  --force                replace copies and a summary that exist (without it, an existing file is left as",
      "                         it is and reported); a file being checked is never replaced, even so",
      "  --set <name=value>     an optional setting of the scoring rules, repeatable (see below)",
      "  --explain              after each file's results, show how its table was read: each role's column,",
      "                         header, rows, confidence and evidence, the indicator rows and blocks, where the",
      "                         weights and the reported total are, and the assumptions made (--json adds reading)",
      "  --layout <layout.json> read every workbook with a layout file (exported from the pane's 识别结果): which",
      "                         column holds which role, where the indicator rows start and end. For a batch of one",
      "                         template; a bad layout file stops the run before any workbook is checked (exit 2)",
      "  --lang <language>      output language: zh-CN (default) or en-US",
      "  --progress             show progress on standard error",
      "  -h, --help             show this help",
      "  -v, --version          show the version",
    ].join("\n"),
  },
  reportUsage: {
    "zh-CN": [
      "用法：ziping report <工作簿.xlsx> [选项]",
      "",
      "起草一个工作簿的绩效自评报告（一、基本情况 … 五、附件），数字全部取自表格。",
    ].join("\n"),
    "en-US": [
      "Usage: ziping report <workbook.xlsx> [options]",
      "",
      "Drafts the self-evaluation report (一、基本情况 … 五、附件) of one workbook, every figure taken from the table.",
    ].join("\n"),
  },
  reportOptions: {
    "zh-CN": [
      "ziping report 的选项（不带 --docx 或 --sheet 时在屏幕上输出报告草稿）：",
      "  --docx <文件.docx>     写出公文格式的 Word 文件，自评表作为附件",
      "  --sheet <文件夹或.xlsx> 写出工作簿副本，加入“自评报告”工作表（缺少“报告素材”工作表时一并加入空白模板）；",
      "                         给出文件夹时副本名为 <文件名>.report.xlsx",
      "  --force                替换已存在的 .docx 或副本（不加时不替换，退出码 2）；原工作簿无论如何都不会被替换",
      "  --profile <配置>       评分口径，同 ziping check：auto（默认）、central-2020、sichuan、city-20-80",
      "  --set <名称=值>        评分口径的可选设置，可重复，同 ziping check（见下）",
      "  --layout <版式.json>   按版式文件读取表格，同 ziping check；文件有误时不起草（退出码 2）",
      "  --lang <语言>          报告与提示的语言：zh-CN（默认）或 en-US",
      "  同样的口径和设置下，报告中的执行率、总分和等级与 ziping check 的结果相同。",
      "  原工作簿只读，不会被覆盖。项目概况、部门职责等自评表中没有的内容，请填写在“报告素材”工作表中。",
    ].join("\n"),
    "en-US": [
      "Options of ziping report (without --docx or --sheet it prints the draft):",
      "  --docx <file.docx>     write a Word file in official-document (公文) format, the table attached",
      "  --sheet <folder|.xlsx> write a copy of the workbook with a 自评报告 sheet (and a blank 报告素材 sheet if it",
      "                         has none); into a folder, the copy is named <name>.report.xlsx",
      "  --force                replace a .docx or copy that exists (without it: not replaced, exit 2); the",
      "                         workbook itself is never replaced, even so",
      "  --profile <profile>    scoring rules, as for ziping check: auto (default), central-2020, sichuan, city-20-80",
      "  --set <name=value>     an optional setting of the scoring rules, repeatable, as for ziping check (see below)",
      "  --layout <layout.json> read the table with a layout file, as for ziping check; a bad one stops it (exit 2)",
      "  --lang <language>      language of the report and the messages: zh-CN (default) or en-US",
      "  With the same profile and settings, the report's execution rate, total and grade are those of ziping check.",
      "  The workbook is only read, never overwritten. Facts the table does not hold go in its 报告素材 sheet.",
    ].join("\n"),
  },
  exitStatus: { "zh-CN": "退出码：", "en-US": "Exit status:" },
  exitCheck: {
    "zh-CN": "  ziping check   0 没有错误；1 有文件存在错误级问题；2 用法错误或有文件无法读取。",
    "en-US":
      "  ziping check   0 no errors; 1 some file has error-level findings; 2 bad usage or some file could not be read.",
  },
  exitReport: {
    "zh-CN": [
      "  ziping report  0 已起草（自评表尚有错误时照样起草，报告开头和标准错误输出上会提示）；",
      "                 2 用法错误、文件无法读取或写出，或未识别出绩效自评表。",
    ].join("\n"),
    "en-US": [
      "  ziping report  0 drafted (a table that still has errors is drafted too, with a notice at the top and on",
      "                 standard error); 2 bad usage, a file that could not be read or written, or no table recognised.",
    ].join("\n"),
  },
  usageShortReport: {
    "zh-CN":
      "用法：ziping report <工作簿.xlsx> [--docx 报告.docx] [--sheet 文件夹或文件.xlsx] [--force] [--profile auto|central-2020|sichuan|city-20-80] [--set 名称=值] [--layout 版式.json] [--lang zh-CN|en-US]",
    "en-US":
      "Usage: ziping report <workbook.xlsx> [--docx REPORT.docx] [--sheet DIR-or-FILE.xlsx] [--force] [--profile auto|central-2020|sichuan|city-20-80] [--set NAME=VALUE] [--layout LAYOUT.json] [--lang zh-CN|en-US]",
  },
  seeHelpReport: {
    "zh-CN": "运行 ziping report --help 查看用法。",
    "en-US": "Run ziping report --help for usage.",
  },
  usageShort: {
    "zh-CN":
      "用法：ziping check <文件或文件夹…> [--json] [--profile auto|central-2020|sichuan|city-20-80] [--write 文件夹] [--summary 汇总.xlsx] [--force] [--layout 版式.json] [--explain] [--lang zh-CN|en-US]",
    "en-US":
      "Usage: ziping check <files or folders…> [--json] [--profile auto|central-2020|sichuan|city-20-80] [--write DIR] [--summary FILE.xlsx] [--force] [--layout LAYOUT.json] [--explain] [--lang zh-CN|en-US]",
  },
  usageError: { "zh-CN": "ziping：{reason}", "en-US": "ziping: {reason}" },
  seeHelp: { "zh-CN": "运行 ziping --help 查看用法。", "en-US": "Run ziping --help for usage." },
  unknownOption: { "zh-CN": "未知选项 {option}", "en-US": "unknown option {option}" },
  missingValue: { "zh-CN": "选项 {option} 需要一个值", "en-US": "option {option} needs a value" },
  unexpectedValue: { "zh-CN": "选项 {option} 不接受值", "en-US": "option {option} takes no value" },
  unknownProfile: {
    "zh-CN": "未知的评分口径 {value}（可选：auto、central-2020、sichuan、city-20-80）",
    "en-US": "unknown profile {value} (choose auto, central-2020, sichuan or city-20-80)",
  },
  unknownSetting: {
    "zh-CN": "没有名为 {value} 的评分设置（可用：{known}）",
    "en-US": "there is no setting {value} (available: {known})",
  },
  settingWithoutValue: {
    "zh-CN": "评分设置 {value} 缺少取值，应写作 {value}=取值（如 --set integerScores=on；取值见 ziping --help）",
    "en-US":
      "the setting {value} has no value: write {value}=VALUE (e.g. --set integerScores=on; values in ziping --help)",
  },
  badSettingValue: {
    "zh-CN": "评分设置 {value} 的取值 “{setting}” 无效（取值见 ziping --help）",
    "en-US": 'the setting {value} does not take "{setting}" (values in ziping --help)',
  },
  unknownLang: {
    "zh-CN": "未知的语言 {value}（可选：zh-CN、en-US）",
    "en-US": "unknown language {value} (choose zh-CN or en-US)",
  },
  noCommand: {
    "zh-CN": "缺少命令，例如 ziping check 自评表.xlsx",
    "en-US": "missing command, e.g. ziping check table.xlsx",
  },
  unknownCommand: {
    "zh-CN": "未知命令 {command}（可用：check、report）",
    "en-US": "unknown command {command} (available: check, report)",
  },
  noFiles: { "zh-CN": "没有指定要检查的文件或文件夹", "en-US": "no files or folders to check" },
  optionOfOtherCommand: {
    "zh-CN": "选项 {option} 属于 ziping {other}，ziping {command} 不接受",
    "en-US": "option {option} belongs to ziping {other}, not ziping {command}",
  },
  oneWorkbook: {
    "zh-CN": "请指定一个工作簿（收到 {count} 个）",
    "en-US": "give exactly one workbook (got {count})",
  },
  sameOutput: {
    "zh-CN": "--docx 与 --sheet 指向同一个文件：{file}",
    "en-US": "--docx and --sheet name the same file: {file}",
  },
  noWorkbooksFound: {
    "zh-CN": "在指定的位置没有找到 .xlsx 文件",
    "en-US": "no .xlsx files found in the given places",
  },
  version: { "zh-CN": "ziping {version}", "en-US": "ziping {version}" },
  progress: { "zh-CN": "[{index}/{total}] {file}", "en-US": "[{index}/{total}] {file}" },

  sheet: { "zh-CN": "工作表", "en-US": "Sheet" },
  layout: { "zh-CN": "版式", "en-US": "Layout" },
  profile: { "zh-CN": "评分口径", "en-US": "Profile" },
  planned: { "zh-CN": "全年预算数", "en-US": "Budget" },
  executed: { "zh-CN": "全年执行数", "en-US": "Executed" },
  rate: { "zh-CN": "执行率", "en-US": "Execution rate" },
  budgetScore: { "zh-CN": "执行得分", "en-US": "Execution score" },
  total: { "zh-CN": "总分", "en-US": "Total score" },
  reported: { "zh-CN": "（表内填报 {value}）", "en-US": " (the table says {value})" },
  provisionalMark: { "zh-CN": "（暂定）", "en-US": " (provisional)" },
  notGraded: { "zh-CN": "不评定", "en-US": "not graded" },
  grade: { "zh-CN": "等级", "en-US": "Grade" },
  counts: {
    "zh-CN": "错误 {errors} / 警告 {warnings} / 提示 {infos}",
    "en-US": "errors {errors} / warnings {warnings} / notes {infos}",
  },
  unknown: { "zh-CN": "—", "en-US": "—" },
  notFound: { "zh-CN": "未识别", "en-US": "not found" },
  internalError: {
    "zh-CN": "检查时出现内部错误，请把此文件和以下信息报告给维护者：{message}",
    "en-US": "Internal error while checking; please report this file and the following to the maintainers: {message}",
  },
  workerTimeout: {
    "zh-CN": "检查超过 {seconds} 秒仍未完成，已放弃此文件（其余文件照常检查）；请确认它是否为正常的自评表：{file}",
    "en-US":
      "Checking took over {seconds} s and this file was given up (the others are checked as usual); check that it is a sound 自评表: {file}",
  },
  workerCrashed: {
    "zh-CN": "检查此文件时进程意外终止（{reason}），已跳过（其余文件照常检查）；请把此文件报告给维护者：{file}",
    "en-US":
      "The process checking this file stopped unexpectedly ({reason}) and the file was skipped (the others are checked as usual); please report it to the maintainers: {file}",
  },
  cannotCreateDir: {
    "zh-CN": "无法创建输出文件夹 {dir}（{reason}）",
    "en-US": "Cannot create the output folder {dir} ({reason})",
  },
  written: { "zh-CN": "已写出带标注的副本：{file}", "en-US": "Marked-up copy written: {file}" },
  copyRebuilt: {
    "zh-CN":
      "注意：此文件无法原样保留其余内容（{reason}），副本经重新生成，原文件中的图表、图片等对象可能未保留，请与原文件核对",
    "en-US":
      "Note: the rest of this file could not be kept as it was ({reason}); the copy was rebuilt, and charts, images and other objects of the original may be missing: compare it with the original",
  },
  writeFailed: { "zh-CN": "未写出副本：{message}", "en-US": "No copy written: {message}" },
  summaryNotXlsx: {
    "zh-CN": "汇总表须为 .xlsx 文件：{file}",
    "en-US": "the summary must be an .xlsx file: {file}",
  },
  summaryIsInput: {
    "zh-CN": "拒绝写出汇总表：{file} 是本次检查的输入文件，不会覆盖。请把汇总表写到被检查的文件夹之外",
    "en-US":
      "Refused to write the summary: {file} is one of the files being checked and is never overwritten; write the summary outside the folders being checked",
  },
  summaryIsCopy: {
    "zh-CN": "拒绝写出汇总表：{file} 是本次 --write 要写出的带标注副本，请给汇总表换一个文件名",
    "en-US":
      "Refused to write the summary: {file} is one of the marked-up copies this run writes (--write); give the summary another name",
  },
  outputIsFolder: {
    "zh-CN": "拒绝写出：{file} 是文件夹。请给出文件名，如 自评报告.docx",
    "en-US": "Refused to write: {file} is a folder. Name the file, such as 自评报告.docx",
  },
  summaryIsFolder: {
    "zh-CN": "拒绝写出汇总表：{file} 是文件夹。请给出汇总表的文件名，如 汇总.xlsx",
    "en-US": "Refused to write the summary: {file} is a folder. Name the summary's file, such as 汇总.xlsx",
  },
  outputExists: {
    "zh-CN": "{file} 已存在，未替换。如要替换，请加 --force；或换一个文件名（或文件夹）",
    "en-US": "{file} exists and was not replaced: add --force to replace it, or choose another name (or folder)",
  },
  docxNotDocx: {
    "zh-CN": "--docx 须为 .docx 文件：{file}",
    "en-US": "--docx must name a .docx file: {file}",
  },
  sheetNotXlsx: {
    "zh-CN": "--sheet 须为 .xlsx 文件或文件夹（文件夹可以 / 结尾），不会写出其他类型的文件：{file}",
    "en-US":
      "--sheet must name an .xlsx file or a folder (a folder may end in /); no other kind of file is written: {file}",
  },
  summaryWritten: { "zh-CN": "已写出汇总表：{file}", "en-US": "Summary workbook written: {file}" },
  summaryFailed: { "zh-CN": "未写出汇总表：{message}", "en-US": "No summary written: {message}" },
  writeCollidesWithInput: {
    "zh-CN": "拒绝写出：目标文件 {file} 是本次检查的输入文件，不会覆盖",
    "en-US": "Refused to write: the destination {file} is one of the files being checked and is never overwritten",
  },
  summary: {
    "zh-CN": "共 {total} 个文件：已检查 {checked} 个（其中有错误 {withErrors} 个），无法读取 {failed} 个。",
    "en-US": "{total} files: {checked} checked ({withErrors} with errors), {failed} could not be read.",
  },
  label: { "zh-CN": "：", "en-US": ": " },

  layoutUnusable: {
    "zh-CN": "ziping：无法使用版式文件 {file}：",
    "en-US": "ziping: cannot use the layout file {file}:",
  },
  layoutUnreadable: { "zh-CN": "无法读取该文件（{reason}）", "en-US": "the file cannot be read ({reason})" },
  layoutTooLarge: {
    "zh-CN": "文件过大（{size} 字节），不是版式文件",
    "en-US": "the file is too large ({size} bytes) to be a layout file",
  },

  reportWritten: { "zh-CN": "已写出：{file}", "en-US": "Wrote: {file}" },
  reportMaterialAdded: {
    "zh-CN": "已在副本中加入空白的“{sheet}”工作表：填写后重新生成，可替换报告中的【待填写】内容。",
    "en-US":
      "Added a blank “{sheet}” sheet to the copy: fill it in and run again to replace the 【待填写】 placeholders.",
  },
  reportPlaceholdersInTable: {
    "zh-CN": "自评表中尚有待填写内容：{items}，请在自评表的相应单元格中填写后重新检查",
    "en-US": "Still to be written in the table itself: {items}; fill in those cells of the 自评表 and check again",
  },
  reportPlaceholders: {
    "zh-CN": "报告中尚有待填写内容：{items}（请填写在“报告素材”工作表中）",
    "en-US": "Still to be written in the report: {items} (fill them in the 报告素材 sheet)",
  },
  reportTableErrors: {
    "zh-CN": "注意：自评表尚有 {count} 处错误，报告开头已加提示。",
    "en-US": "Note: the table still has {count} error(s); the draft opens with a notice.",
  },
  reportNoTable: {
    "zh-CN":
      "{file}：未能识别绩效自评表，未生成报告草稿。{why}。如表头与常见版式不同，请在 Excel 任务窗格“识别结果”中更正后导出版式，再用 --layout 指定。",
    "en-US":
      "{file}: no self-evaluation table was recognised, so no draft was made. {why}. If the headers differ from the usual layouts, correct the reading in the Excel pane (识别结果), export the layout and pass it with --layout.",
  },

  explainTitle: { "zh-CN": "识别结果", "en-US": "How the table was read" },
  explainNoTable: {
    "zh-CN": "识别结果：未识别出绩效自评表",
    "en-US": "How the table was read: no self-evaluation table was recognised",
  },
  explainMissing: { "zh-CN": "缺少", "en-US": "Missing" },
  explainBudget: { "zh-CN": "预算执行", "en-US": "Budget execution" },
  explainGoal: { "zh-CN": "年度总体目标", "en-US": "Annual overall goal" },
  explainIndicator: { "zh-CN": "绩效指标", "en-US": "Performance indicators" },
  explainHeaderRows: { "zh-CN": "（表头第 {rows} 行）", "en-US": " (header row {rows})" },
  explainColRole: { "zh-CN": "角色", "en-US": "Role" },
  explainColColumn: { "zh-CN": "列", "en-US": "Col" },
  explainColHeader: { "zh-CN": "表头", "en-US": "Header" },
  explainColRows: { "zh-CN": "行", "en-US": "Rows" },
  explainColConfidence: { "zh-CN": "把握", "en-US": "Confidence" },
  explainColEvidence: { "zh-CN": "依据", "en-US": "Evidence" },
  explainIndicatorRows: { "zh-CN": "指标行", "en-US": "Indicator rows" },
  explainRowCount: { "zh-CN": "{rows}（{count} 行）", "en-US": "{rows} ({count} rows)" },
  explainBlockWeight: { "zh-CN": "分值 {weight}", "en-US": "weight {weight}" },
  explainBlockWeightAt: { "zh-CN": "分值 {weight}（{cell}）", "en-US": "weight {weight} ({cell})" },
  explainBlockNoWeight: { "zh-CN": "分值未标明", "en-US": "weight not stated" },
  explainWeights: { "zh-CN": "分值来源", "en-US": "Weights from" },
  explainWeightsColumn: { "zh-CN": "分值列（{column} 列）", "en-US": "the weight column ({column})" },
  explainWeightsColumnUnknown: { "zh-CN": "分值列", "en-US": "the weight column" },
  explainWeightsHeadings: {
    "zh-CN": "各块标题中的分值（如“产出指标(50分)”）",
    "en-US": "the block headings (such as 产出指标(50分))",
  },
  explainWeightsNone: {
    "zh-CN": "未找到（表中既无分值列，也无标明分值的标题）",
    "en-US": "nowhere (no weight column, no heading stating points)",
  },
  explainTotal: { "zh-CN": "填报总分", "en-US": "Reported total" },
  explainTotalRow: { "zh-CN": "{cell}（总分行）", "en-US": "{cell} (the 总分 row)" },
  explainTotalHeading: {
    "zh-CN": "{cell}（表格上方的自评总分栏）",
    "en-US": "{cell} (the 自评总分 field above the table)",
  },
  explainTotalNone: { "zh-CN": "未找到", "en-US": "not found" },
  explainAssumptions: { "zh-CN": "识别假设", "en-US": "Assumptions" },
  explainNone: { "zh-CN": "无", "en-US": "none" },
  explainCorrected: {
    "zh-CN": "已按版式（版式文件或工作簿中保存的校正）读取",
    "en-US": "Read with a layout (a layout file or the correction saved in the workbook)",
  },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof table;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return table[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A usage error, said in both languages (it comes before we know which one the user reads), with the short usage
 * of the command it concerns and where to find more.
 */
export function usageErrorText(reason: MessageKey, params: Record<string, string>, command?: "report"): string {
  return (
    (["zh-CN", "en-US"] as const)
      .map((l) =>
        [
          t(l, "usageError", { reason: t(l, reason, params) }),
          t(l, command === "report" ? "usageShortReport" : "usageShort"),
          t(l, command === "report" ? "seeHelpReport" : "seeHelp"),
        ].join("\n"),
      )
      .join("\n") + "\n"
  );
}

const severities: Record<Severity, Record<Lang, string>> = {
  error: { "zh-CN": "错误", "en-US": "error" },
  warning: { "zh-CN": "警告", "en-US": "warning" },
  info: { "zh-CN": "提示", "en-US": "info" },
};

export function severityLabel(lang: Lang, severity: Severity): string {
  return severities[severity][lang];
}

const layouts: Record<LayoutId, Record<Lang, string>> = {
  // The 项目支出 form of 财预〔2020〕10号, which districts and cities use too: the form, not whose table it is.
  central: {
    "zh-CN": "项目支出（财预〔2020〕10号表式）",
    "en-US": "project expenditure (the Cai Yu [2020] No. 10 form)",
  },
  department: { "zh-CN": "部门整体支出", "en-US": "department as a whole" },
  sichuan: { "zh-CN": "四川", "en-US": "Sichuan" },
  "city-20-80": { "zh-CN": "市级（20/80）", "en-US": "city (20/80)" },
};

export function layoutLabel(lang: Lang, layout: LayoutId): string {
  return layouts[layout]?.[lang] ?? layout;
}

/** "分值 weight" (zh-CN) / "level1 (Level-1 indicator)" (en-US): the id shows, since a 版式.json names roles by it. */
export function roleLabel(lang: Lang, block: string, role: string): string {
  const name = domainRoleLabel(block as ReadingBlock, role, lang);
  if (name === role) return role;
  if (lang === "zh-CN") return `${name} ${role}`;
  return name.toLowerCase() === role ? role : `${role} (${name})`;
}

const confidences: Record<Confidence, Record<Lang, string>> = {
  sure: { "zh-CN": "确定", "en-US": "sure" },
  likely: { "zh-CN": "较确定", "en-US": "likely" },
  unsure: { "zh-CN": "不确定", "en-US": "unsure" },
};

export function confidenceLabel(lang: Lang, confidence: Confidence): string {
  return confidences[confidence]?.[lang] ?? confidence;
}

const sources: Record<RoleSource, Record<Lang, string>> = {
  header: { "zh-CN": "", "en-US": "" },
  pair: { "zh-CN": "〔标签与数值成对〕", "en-US": "[label/value pair] " },
  heading: { "zh-CN": "〔表格上方栏目〕", "en-US": "[field above the table] " },
  layout: { "zh-CN": "〔版式指定〕", "en-US": "[set by the layout] " },
};

/** A tag before the evidence when the role was not read from a column header. */
export function sourceTag(lang: Lang, source: RoleSource): string {
  return sources[source]?.[lang] ?? "";
}
