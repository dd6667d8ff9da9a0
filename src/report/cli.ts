/**
 * `ziping report <workbook> [--docx out.docx] [--sheet DIR-or-file] [--lang zh-CN|en-US] [--profile ID]`:
 * drafts the 自评报告 of one workbook. Without an output option it prints the draft as plain text; --docx writes
 * the .docx, --sheet a copy of the workbook with the 自评报告 sheet (and a blank 报告素材 sheet when it has none).
 * The submitted workbook is only ever read. Exit status: 0 done, 2 bad usage or a file that could not be read
 * or written.
 */
import { promises as fs } from "fs";
import * as nodePath from "path";
import ExcelJS from "exceljs";
import { checkWorkbook, type LayoutOverride } from "../domain";
import { loadLayoutFile } from "../cli/check";
import { isProfileId } from "../domain/profile";
import type { Lang, Localized, ProfileId } from "../domain/types";
import { WorkbookReadError, WorkbookWriteError } from "../gateways/xlsx/errors";
import { readWorkbookFile } from "../gateways/xlsx/read";
import { applyTextSheets } from "../gateways/xlsx/text-sheet";
import { editWorkbookCopy, isSameFile, writeFileAtomically } from "../gateways/xlsx/write";
import { renderDocx } from "./docx";
import { isMaterialSheetName, reportMaterialTemplate, type ReportKind } from "./material";
import { draftReport, reportText, type ReportModel } from "./model";
import { reportSheetPlan } from "./sheet";

export interface ReportIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

export const REPORT_EXIT = { ok: 0, failure: 2 } as const;

interface ReportRequest {
  workbook: string;
  docx?: string;
  sheet?: string;
  lang: Lang;
  profile: ProfileId | "auto";
  /** A 版式.json, as `ziping check --layout` takes it. */
  layout?: string;
}

const LANGS: Record<string, Lang> = { "zh-cn": "zh-CN", zh: "zh-CN", "en-us": "en-US", en: "en-US" };
const VALUED = new Set(["--docx", "--sheet", "--lang", "--profile", "--layout"]);

const USAGE: Localized = {
  "zh-CN": [
    "用法：ziping report <工作簿.xlsx> [--docx 报告.docx] [--sheet 目录或文件.xlsx] [--lang zh-CN|en-US] [--profile 口径] [--layout 版式.json]",
    "  起草绩效自评报告。不带输出选项时，在屏幕上输出报告草稿。",
    "  --docx    写出公文格式的 Word 文件（.docx），自评表作为附件",
    "  --sheet   写出工作簿副本，加入“自评报告”工作表（缺少“报告素材”工作表时一并加入空白模板）",
    "  --lang    报告与提示的语言（默认 zh-CN）",
    "  --profile 评分口径：auto、central-2020、sichuan、city-20-80（默认 auto）",
    "  --layout  版式文件（在任务窗格“识别结果”中导出），更正表格的识别",
    "  原工作簿只读，不会被覆盖。部门职责、机构设置等表中没有的内容，请填写在“报告素材”工作表中。",
  ].join("\n"),
  "en-US": [
    "Usage: ziping report <workbook.xlsx> [--docx report.docx] [--sheet DIR-or-file.xlsx] [--lang zh-CN|en-US] [--profile ID] [--layout layout.json]",
    "  Drafts the self-evaluation report. Without an output option, prints the draft.",
    "  --docx    write a Word file (.docx) in official-document format, the table attached",
    "  --sheet   write a copy of the workbook with a 自评报告 sheet (and a blank 报告素材 sheet if it has none)",
    "  --lang    language of the report and the messages (default zh-CN)",
    "  --profile scoring profile: auto, central-2020, sichuan, city-20-80 (default auto)",
    "  --layout  a layout file (exported from the pane's 识别结果) correcting how the table is read",
    "  The workbook is only read, never overwritten. Facts the table does not hold go in its 报告素材 sheet.",
  ].join("\n"),
};

const MESSAGES = {
  usageError: { "zh-CN": (d: string) => `用法错误：${d}`, "en-US": (d: string) => `Usage error: ${d}` },
  unknownOption: { "zh-CN": (d: string) => `未知选项 ${d}`, "en-US": (d: string) => `unknown option ${d}` },
  missingValue: { "zh-CN": (d: string) => `选项 ${d} 缺少取值`, "en-US": (d: string) => `option ${d} needs a value` },
  unknownLang: { "zh-CN": (d: string) => `不支持的语言 ${d}`, "en-US": (d: string) => `unsupported language ${d}` },
  unknownProfile: { "zh-CN": (d: string) => `未知的评分口径 ${d}`, "en-US": (d: string) => `unknown profile ${d}` },
  oneWorkbook: {
    "zh-CN": (d: string) => `请指定一个工作簿（收到 ${d} 个）`,
    "en-US": (d: string) => `give exactly one workbook (got ${d})`,
  },
  sameOutput: {
    "zh-CN": (d: string) => `--docx 与 --sheet 指向同一个文件：${d}`,
    "en-US": (d: string) => `--docx and --sheet name the same file: ${d}`,
  },
  wrote: { "zh-CN": (d: string) => `已写出：${d}`, "en-US": (d: string) => `Wrote: ${d}` },
  materialAdded: {
    "zh-CN": (d: string) => `已在副本中加入空白的“${d}”工作表：填写后重新生成，可替换报告中的【待填写】内容。`,
    "en-US": (d: string) =>
      `Added a blank “${d}” sheet to the copy: fill it in and run again to replace the 【待填写】 placeholders.`,
  },
  placeholders: {
    "zh-CN": (d: string) => `报告中尚有待填写内容：${d}（请填写在“报告素材”工作表中）`,
    "en-US": (d: string) => `Still to be written in the report: ${d} (fill them in the 报告素材 sheet)`,
  },
  errors: {
    "zh-CN": (d: string) => `注意：自评表尚有 ${d} 处错误，报告开头已加提示。`,
    "en-US": (d: string) => `Note: the table still has ${d} error(s); the draft opens with a notice.`,
  },
} satisfies Record<string, Record<Lang, (d: string) => string>>;

type MessageKey = keyof typeof MESSAGES;

function say(lang: Lang, key: MessageKey, detail = ""): string {
  return MESSAGES[key][lang](detail);
}

type Parsed =
  { kind: "help" } | { kind: "run"; request: ReportRequest } | { kind: "usage-error"; key: MessageKey; detail: string };

export function parseReportArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!VALUED.has(name)) return { kind: "usage-error", key: "unknownOption", detail: arg };
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--")))
      return { kind: "usage-error", key: "missingValue", detail: name };
    values.set(name, value);
  }
  if (help) return { kind: "help" };
  const langValue = values.get("--lang");
  const lang = langValue === undefined ? "zh-CN" : LANGS[langValue.toLowerCase()];
  if (!lang) return { kind: "usage-error", key: "unknownLang", detail: langValue ?? "" };
  const profile = values.get("--profile") ?? "auto";
  if (profile !== "auto" && !isProfileId(profile))
    return { kind: "usage-error", key: "unknownProfile", detail: profile };
  if (positional.length !== 1) return { kind: "usage-error", key: "oneWorkbook", detail: String(positional.length) };
  return {
    kind: "run",
    request: {
      workbook: positional[0],
      docx: values.get("--docx"),
      sheet: values.get("--sheet"),
      lang,
      profile: profile as ProfileId | "auto",
      layout: values.get("--layout"),
    },
  };
}

/** --sheet names a file when it ends in .xlsx, else a folder that receives <workbook>.report.xlsx. */
async function sheetDestination(value: string, workbook: string): Promise<string> {
  const stat = await fs.stat(value).catch(() => undefined);
  if (stat?.isDirectory() || (!stat && !/\.xlsx$/i.test(value))) {
    return nodePath.join(value, `${nodePath.basename(workbook).replace(/\.xlsx$/i, "")}.report.xlsx`);
  }
  return value;
}

/** Adds the blank 报告素材 sheet: 项目 | 内容 | 填写说明, the content column wide and wrapped. */
function addMaterialSheet(workbook: ExcelJS.Workbook, kind: ReportKind): string {
  const template = reportMaterialTemplate(kind);
  const ws = workbook.addWorksheet(template.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [{ width: 28 }, { width: 80 }, { width: 50 }];
  ws.addRow(template.header).font = { bold: true };
  for (const row of template.rows) {
    const r = ws.addRow([row.item, "", row.hint]);
    r.getCell(2).alignment = { wrapText: true, vertical: "top" };
    r.getCell(3).font = { color: { argb: "FF808080" } };
    if (row.required) r.getCell(1).font = { bold: true };
  }
  return template.name;
}

async function writeSheetCopy(request: ReportRequest, model: ReportModel, dest: string, io: ReportIo): Promise<void> {
  let added: string | null = null;
  await editWorkbookCopy(request.workbook, dest, (workbook) => {
    applyTextSheets(workbook, [reportSheetPlan(model)]);
    if (!workbook.worksheets.some((ws) => isMaterialSheetName(ws.name))) added = addMaterialSheet(workbook, model.kind);
  });
  io.stdout(`${say(request.lang, "wrote", dest)}\n`);
  if (added) io.stdout(`${say(request.lang, "materialAdded", added)}\n`);
}

function usageError(io: ReportIo, key: MessageKey, detail: string): number {
  const lines = (["zh-CN", "en-US"] as const).map((l) => say(l, "usageError", say(l, key, detail)));
  io.stderr(`${lines.join("\n")}\n${USAGE["zh-CN"].split("\n")[0]}\n`);
  return REPORT_EXIT.failure;
}

export async function runReport(argv: string[], io: ReportIo): Promise<number> {
  const parsed = parseReportArgs(argv);
  if (parsed.kind === "help") {
    io.stdout(`${USAGE["zh-CN"]}\n\n${USAGE["en-US"]}\n`);
    return REPORT_EXIT.ok;
  }
  if (parsed.kind === "usage-error") return usageError(io, parsed.key, parsed.detail);
  const request = parsed.request;
  const lang = request.lang;

  try {
    const sheetDest = request.sheet === undefined ? undefined : await sheetDestination(request.sheet, request.workbook);
    for (const dest of [request.docx, sheetDest])
      if (dest !== undefined && (await isSameFile(dest, request.workbook)))
        throw new WorkbookWriteError("would-overwrite-source", dest);
    if (request.docx !== undefined && sheetDest !== undefined && (await isSameFile(request.docx, sheetDest)))
      return usageError(io, "sameOutput", request.docx);

    let layout: LayoutOverride | undefined;
    if (request.layout !== undefined) {
      const loaded = await loadLayoutFile(request.layout);
      if ("problems" in loaded) {
        io.stderr(
          `${request.layout}：${loaded.problems.map((p) => p["zh-CN"]).join("；")}\n${request.layout}: ${loaded.problems.map((p) => p["en-US"]).join("; ")}\n`,
        );
        return REPORT_EXIT.failure;
      }
      layout = loaded.layout;
    }
    const { sheets } = await readWorkbookFile(request.workbook);
    const detail = checkWorkbook(sheets, { profile: request.profile, layout });
    // A draft made only of placeholders is no draft: say why there is none and what to do.
    if (!detail.table) {
      const why = detail.findings.filter((f) => f.rule === "layout-unrecognized");
      io.stderr(
        `${request.workbook}：未能识别绩效自评表，未生成报告草稿。${why.map((f) => f.message["zh-CN"]).join("；")}。如表头与常见版式不同，请在 Excel 任务窗格“识别结果”中更正后导出版式，再用 --layout 指定。\n` +
          `${request.workbook}: no self-evaluation table was recognised, so no draft was made. ${why.map((f) => f.message["en-US"]).join("; ")}. If the headers differ from the usual layouts, correct the reading in the Excel pane (识别结果), export the layout and pass it with --layout.\n`,
      );
      return REPORT_EXIT.failure;
    }
    const model = draftReport(detail, sheets, lang);

    if (request.docx === undefined && sheetDest === undefined) {
      io.stdout(reportText(model));
      return REPORT_EXIT.ok;
    }
    if (request.docx !== undefined) {
      const bytes = await renderDocx(model);
      await writeFileAtomically(request.docx, (temp) => fs.writeFile(temp, bytes));
      io.stdout(`${say(lang, "wrote", request.docx)}\n`);
    }
    if (sheetDest !== undefined) await writeSheetCopy(request, model, sheetDest, io);
    if (model.placeholders.length)
      io.stderr(`${say(lang, "placeholders", model.placeholders.join(lang === "zh-CN" ? "、" : ", "))}\n`);
    if (model.errorCount) io.stderr(`${say(lang, "errors", String(model.errorCount))}\n`);
    return REPORT_EXIT.ok;
  } catch (error) {
    if (error instanceof WorkbookReadError || error instanceof WorkbookWriteError) {
      io.stderr(`${error.localized[lang]}\n`);
      return REPORT_EXIT.failure;
    }
    throw error;
  }
}
