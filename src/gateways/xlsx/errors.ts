/**
 * Why a workbook file could not be read or a scored copy could not be written, as data with a message in
 * both languages (Chinese first) that names the file: the CLI prints it, scripts switch on `code`.
 */
import type { Lang, Localized } from "../../domain/types";

export type WorkbookReadErrorCode =
  | "not-found"
  | "not-a-file"
  | "unreadable"
  | "empty-file"
  /** Excel 97-2003 .xls or WPS .et: an OLE compound file without encryption streams. */
  | "legacy-xls"
  /** An .xlsx with an open password: Office wraps it in an OLE container (EncryptionInfo / EncryptedPackage). */
  | "encrypted"
  /** A Word or PowerPoint document (.docx/.pptx/.doc/.ppt), not a workbook. */
  | "not-excel"
  /** Excel binary workbook: a zip, but with xl/workbook.bin instead of XML. */
  | "xlsb"
  | "corrupt"
  | "not-xlsx"
  | "no-worksheets"
  /** A device, pipe or socket given as a workbook (reading it could hang or never end). */
  | "special-file"
  /** Larger than the reader's file size bound. */
  | "too-large"
  /** Goes past one of the reader's bounds once opened (detail: which, "cells:3000000"). */
  | "over-limit"
  /** Holds a DTD (entity declarations), which no Excel or WPS workbook does. */
  | "dtd";

export type WorkbookWriteErrorCode =
  | "would-overwrite-source"
  /** The destination exists and the caller did not ask to replace it. */
  | "exists"
  | "source-unreadable"
  | "write-failed";

type Template = Record<Lang, (file: string, detail: string) => string>;

/** What the system's error codes mean, for an officer who has never seen "EEXIST". */
const SYSTEM_REASONS: Record<string, Localized> = {
  EEXIST: { "zh-CN": "同名文件已存在", "en-US": "a file of that name exists" },
  EISDIR: { "zh-CN": "该路径是文件夹", "en-US": "the path is a folder" },
  ENOTDIR: { "zh-CN": "路径中有一段不是文件夹", "en-US": "part of the path is not a folder" },
  ENOENT: { "zh-CN": "路径不存在", "en-US": "the path does not exist" },
  EACCES: { "zh-CN": "没有访问权限", "en-US": "permission denied" },
  EPERM: { "zh-CN": "操作不被允许", "en-US": "the operation is not permitted" },
  EROFS: { "zh-CN": "磁盘为只读", "en-US": "the disk is read-only" },
  ENOSPC: { "zh-CN": "磁盘空间不足", "en-US": "the disk is full" },
  EBUSY: { "zh-CN": "文件正被其他程序占用", "en-US": "another program holds the file" },
  EMFILE: { "zh-CN": "同时打开的文件过多", "en-US": "too many open files" },
  ENAMETOOLONG: { "zh-CN": "文件名过长", "en-US": "the file name is too long" },
};

/** A system error code in words ("EEXIST" → "同名文件已存在"); anything else as it is. */
export function systemReason(detail: string, lang: Lang): string {
  return SYSTEM_REASONS[detail]?.[lang] ?? detail;
}

/** The reader's bounds (reader/limits.ts) in words, with the bound's value. */
const LIMIT_REASONS: Record<string, Record<Lang, (n: string) => string>> = {
  fileBytes: { "zh-CN": (n) => `文件超过 ${n}`, "en-US": (n) => `the file is over ${n}` },
  entryBytes: {
    "zh-CN": (n) => `其中一个部件解压后超过 ${n}（可能是“压缩炸弹”）`,
    "en-US": (n) => `one part inflates to over ${n} (perhaps a zip bomb)`,
  },
  totalBytes: { "zh-CN": (n) => `解压后合计超过 ${n}`, "en-US": (n) => `its parts inflate to over ${n} in all` },
  entries: { "zh-CN": (n) => `压缩包内超过 ${n} 个部件`, "en-US": (n) => `the zip holds over ${n} parts` },
  cells: { "zh-CN": (n) => `有内容的单元格超过 ${n} 个`, "en-US": (n) => `over ${n} cells hold values` },
  merges: {
    "zh-CN": (n) => `一张工作表的合并单元格超过 ${n} 处`,
    "en-US": (n) => `one sheet has over ${n} merged areas`,
  },
  sharedStrings: {
    "zh-CN": (n) => `共享字符串或样式超过 ${n} 个`,
    "en-US": (n) => `over ${n} shared strings or styles`,
  },
  xmlDepth: { "zh-CN": (n) => `XML 嵌套超过 ${n} 层`, "en-US": (n) => `XML nested over ${n} levels deep` },
  sheets: { "zh-CN": (n) => `工作表超过 ${n} 张`, "en-US": (n) => `over ${n} worksheets` },
};

/** A size in bytes as MB; any other bound's number with thousands separators. */
function limitText(kind: string, value: string, lang: Lang): string {
  const n = Number(value);
  const shown = /Bytes$/.test(kind) ? `${Math.round(n / 1024 / 1024)} MB` : n.toLocaleString("en-US");
  return LIMIT_REASONS[kind]?.[lang](shown) ?? kind;
}

const readMessages: Record<WorkbookReadErrorCode, Template> = {
  "not-found": {
    "zh-CN": (f) => `找不到文件：${f}`,
    "en-US": (f) => `File not found: ${f}`,
  },
  "not-a-file": {
    "zh-CN": (f) => `不是文件（可能是文件夹）：${f}`,
    "en-US": (f) => `Not a file (perhaps a folder): ${f}`,
  },
  unreadable: {
    "zh-CN": (f, d) => `无法打开文件（${systemReason(d, "zh-CN")}），请检查权限或是否被其他程序占用：${f}`,
    "en-US": (f, d) =>
      `Cannot open the file (${systemReason(d, "en-US")}); check permissions or whether another program holds it: ${f}`,
  },
  "empty-file": {
    "zh-CN": (f) => `文件为空（0 字节），可能未保存完整或下载失败：${f}`,
    "en-US": (f) => `The file is empty (0 bytes); it may not have been saved or downloaded completely: ${f}`,
  },
  "legacy-xls": {
    "zh-CN": (f) =>
      `这是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，暂不支持，请用 Excel 或 WPS 另存为 .xlsx 后再检查：${f}`,
    "en-US": (f) =>
      `This is the old Excel 97-2003 (.xls) or WPS (.et) format, which is not supported; save it as .xlsx in Excel or WPS and check again: ${f}`,
  },
  encrypted: {
    "zh-CN": (f) => `文件已加密（设置了打开密码），请另存为不加密的 .xlsx 后再检查：${f}`,
    "en-US": (f) => `The workbook is password-protected (encrypted); save it without a password and check again: ${f}`,
  },
  "not-excel": {
    "zh-CN": (f, d) => `这是 ${d} 文件，不是 Excel 工作簿：${f}`,
    "en-US": (f, d) => `This is a ${d} file, not an Excel workbook: ${f}`,
  },
  xlsb: {
    "zh-CN": (f) => `这是 Excel 二进制工作簿（.xlsb），暂不支持，请另存为 .xlsx 后再检查：${f}`,
    "en-US": (f) =>
      `This is an Excel binary workbook (.xlsb), which is not supported; save it as .xlsx and check again: ${f}`,
  },
  corrupt: {
    "zh-CN": (f) => `文件已损坏或不完整（可能未下载完整），请重新保存或重新获取后再检查：${f}`,
    "en-US": (f) =>
      `The file is damaged or incomplete (perhaps a partial download); save or fetch it again and check again: ${f}`,
  },
  "not-xlsx": {
    "zh-CN": (f) => `不是 .xlsx 工作簿（可能是改了扩展名的其他文件），请用 Excel 或 WPS 打开后另存为 .xlsx：${f}`,
    "en-US": (f) =>
      `Not an .xlsx workbook (perhaps another kind of file renamed); open it in Excel or WPS and save it as .xlsx: ${f}`,
  },
  "no-worksheets": {
    "zh-CN": (f) => `工作簿中没有工作表：${f}`,
    "en-US": (f) => `The workbook has no worksheets: ${f}`,
  },
  "special-file": {
    "zh-CN": (f) => `不是普通文件（是设备、管道或套接字），未读取：${f}`,
    "en-US": (f) => `Not a regular file (a device, pipe or socket), so it was not read: ${f}`,
  },
  "too-large": {
    "zh-CN": (f, d) => `文件过大（${limitText("fileBytes", d, "zh-CN")}），不像是一份自评表，未读取：${f}`,
    "en-US": (f, d) =>
      `The file is too large (${limitText("fileBytes", d, "en-US")}) to be a 自评表, so it was not read: ${f}`,
  },
  "over-limit": {
    "zh-CN": (f, d) =>
      `工作簿超出可安全读取的范围（${limitText(d.split(":")[0], d.split(":")[1], "zh-CN")}），未读取；请删去与自评表无关的工作表或数据后另存再检查：${f}`,
    "en-US": (f, d) =>
      `The workbook goes past what can be read safely (${limitText(d.split(":")[0], d.split(":")[1], "en-US")}), so it was not read; remove the sheets or data unrelated to the 自评表, save and check again: ${f}`,
  },
  dtd: {
    "zh-CN": (f) =>
      `文件中含有 DTD（实体声明），Excel 和 WPS 保存的工作簿不会有，为安全起见未读取；请用 Excel 或 WPS 打开后另存再检查：${f}`,
    "en-US": (f) =>
      `The file holds a DTD (entity declarations), which no workbook saved by Excel or WPS does, so it was not read for safety; open it in Excel or WPS, save and check again: ${f}`,
  },
};

const writeMessages: Record<WorkbookWriteErrorCode, Template> = {
  "would-overwrite-source": {
    "zh-CN": (f) => `拒绝写出：目标就是原文件，不会覆盖报送的文件：${f}`,
    "en-US": (f) => `Refused to write: the destination is the source file, which is never overwritten: ${f}`,
  },
  exists: {
    "zh-CN": (f) => `未写出：文件已存在，不会替换：${f}`,
    "en-US": (f) => `Not written: the file exists and is not replaced: ${f}`,
  },
  "source-unreadable": {
    "zh-CN": (f, d) => `无法读取原文件，未写出副本（${systemReason(d, "zh-CN")}）：${f}`,
    "en-US": (f, d) => `Could not read the source file, so no copy was written (${systemReason(d, "en-US")}): ${f}`,
  },
  "write-failed": {
    // Said of a copy, a 汇总 or a report alike: the caller's "未写出副本：" / "未写出汇总表：" says which.
    "zh-CN": (f, d) => `写出失败（${systemReason(d, "zh-CN")}）：${f}`,
    "en-US": (f, d) => `Could not write it (${systemReason(d, "en-US")}): ${f}`,
  },
};

function localize(template: Template, file: string, detail: string): Localized {
  return { "zh-CN": template["zh-CN"](file, detail), "en-US": template["en-US"](file, detail) };
}

/** A file that is not a readable .xlsx workbook. `message` is the zh-CN text; `localized` has both languages. */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  readonly localized: Localized;
  /** The underlying error, when there was one. */
  readonly cause?: unknown;

  constructor(
    readonly code: WorkbookReadErrorCode,
    readonly file: string,
    detail = "",
    options?: { cause?: unknown },
  ) {
    const localized = localize(readMessages[code], file, detail);
    super(localized["zh-CN"]);
    if (options && "cause" in options) this.cause = options.cause;
    this.localized = localized;
  }
}

/** A scored copy that was refused or failed. `message` is the zh-CN text; `localized` has both languages. */
export class WorkbookWriteError extends Error {
  override readonly name = "WorkbookWriteError";
  readonly localized: Localized;
  /** The underlying error, when there was one. */
  readonly cause?: unknown;

  constructor(
    readonly code: WorkbookWriteErrorCode,
    readonly file: string,
    detail = "",
    options?: { cause?: unknown },
  ) {
    const localized = localize(writeMessages[code], file, detail);
    super(localized["zh-CN"]);
    if (options && "cause" in options) this.cause = options.cause;
    this.localized = localized;
  }
}
