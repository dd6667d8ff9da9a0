/**
 * `ziping check`: read each file, run the engine, optionally write a marked-up copy, and keep going when
 * one file fails. Produces one report per file; rendering is in format.ts.
 */
/* global NodeJS, process, require -- Node code: the shared lint config assumes a browser. */
import { promises as fsp } from "fs";
import { checkWorkbook, parseLayoutFile, type LayoutOverride } from "../domain";
import type { CheckResult, Localized } from "../domain/types";
import { readWorkbookFile, WorkbookReadError } from "../gateways/xlsx/read";
import { systemReason, WorkbookWriteError } from "../gateways/xlsx/errors";
import type { CheckRequest } from "./args";
import { CHECKED_SUFFIX, checkedCopyPath, PathSet } from "./files";
import { BatchTally } from "./format";
import { t } from "./messages";

export interface FileReport {
  file: string;
  /** The engine's result, when the file could be read. */
  result?: CheckResult;
  /** 部门/单位 and 项目名称 as the table states them (for the 汇总表). */
  unit?: string;
  project?: string;
  /** Why the file could not be read (or checked). */
  readError?: Localized;
  /** Where the marked-up copy went (--write). */
  written?: string;
  /** Why the marked-up copy was not written. */
  writeError?: Localized;
  /** The copy was rebuilt through exceljs, not patched: parts of the file it does not model may be missing. */
  rebuilt?: Localized;
}

/** Where a file's scored copy goes (--write), decided before the batch so that --summary can be checked against it. */
export type CopyPlan = { dest: string } | { refused: Localized };

export interface Progress {
  (index: number, total: number, file: string): void;
}

/**
 * Checks the files: a batch in a pool of worker processes (./pool.ts: both cores, and a file that takes its worker
 * down is one error), one file in this process (no worker to start). ZIPING_WORKERS=0 checks a batch in this
 * process too, one file after another; ZIPING_WORKERS=N sets the pool's size, ZIPING_DEADLINE_S a file's time and
 * ZIPING_WORKER_MEMORY_MB a worker's heap. Reports reach `onReport` in the files' order, and are not kept here:
 * the caller keeps what it needs of each (format.ts BatchTally, a 汇总表 row), so a batch's memory does not grow
 * with its files.
 */
export async function checkFiles(
  files: readonly string[],
  request: CheckRequest,
  onReport: (report: FileReport) => void,
  progress?: Progress,
  layout?: LayoutOverride,
  copies: readonly CopyPlan[] = request.write ? planCopies(files, request.write, new PathSet(files)) : [],
): Promise<void> {
  const env = (name: string) => {
    const n = Number(process.env[name]);
    return process.env[name] !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
  };
  const workers = env("ZIPING_WORKERS");
  if (files.length > 1 && workers !== 0) {
    const { checkInPool, PoolUnavailable } = require("./pool") as typeof import("./pool");
    const deadline = env("ZIPING_DEADLINE_S");
    try {
      return await checkInPool(
        files,
        request,
        layout,
        copies,
        (report, i) => {
          progress?.(i + 1, files.length, report.file);
          onReport(report);
        },
        {
          size: workers,
          deadlineMs: deadline ? deadline * 1000 : undefined,
          memoryMb: env("ZIPING_WORKER_MEMORY_MB") || undefined,
        },
      );
    } catch (e) {
      // No worker could start (a build without the worker's module, no memory to spare): one file after another here.
      if (!(e instanceof PoolUnavailable)) throw e;
    }
  }
  for (const [i, file] of files.entries()) {
    progress?.(i + 1, files.length, file);
    onReport(await checkOneFile(file, request, layout, copies[i]));
  }
}

/** One file: read, check, and write its copy when one is planned (in this process or in a pool worker). */
export async function checkOneFile(
  file: string,
  request: Pick<CheckRequest, "profile" | "settings" | "force" | "explain">,
  layout?: LayoutOverride,
  copy?: CopyPlan,
): Promise<FileReport> {
  const report = await checkOne(file, request, layout);
  if (report.result && copy) await writeCopy(report, copy, request.force === true);
  return report;
}

async function checkOne(
  file: string,
  request: Pick<CheckRequest, "profile" | "settings" | "explain">,
  layout?: LayoutOverride,
): Promise<FileReport> {
  let sheets;
  try {
    ({ sheets } = await readWorkbookFile(file, { sheet: layout?.sheet }));
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, readError: e.localized };
    return { file, readError: internal(e) };
  }
  try {
    const detail = checkWorkbook(sheets, {
      profile: request.profile,
      settings: request.settings,
      layout,
    });
    const { table } = detail;
    return {
      file,
      result: forBatch(detail, request.explain === true),
      unit: table?.unit || undefined,
      project: table?.project || undefined,
    };
  } catch (e) {
    // An engine bug on one workbook must not end a batch of two hundred.
    return { file, readError: internal(e) };
  }
}

/** The figures a batch shows (format.ts, the 汇总表 reads none): the first is kept too, for its profileTitle. */
const BATCH_FIGURES = new Set(["budget.rate", "budget.score", "total.score", "total.grade"]);

/**
 * What a batch keeps of a file's result until its end (the --json document and the 汇总表 are written then), and
 * what a pool worker sends back: the findings and the figures it shows. The table model (every cell of the table),
 * the scoring facts and the other figures go (the report and the pane read them, not the batch), and the reading
 * unless --explain shows it: a batch of thousands of files, or one of 200,000 rows, does not keep every table alive,
 * and a worker's reply is a fifth of the size to copy. The write plan is left as the engine gives it, built only
 * when a copy asks for it: a spread would build it for every file.
 */
export function forBatch(detail: CheckResult, explain: boolean): CheckResult {
  const kept: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(detail);
  delete kept.table;
  delete kept.facts;
  if (!explain) delete kept.reading;
  kept.figures = {
    value: detail.figures.filter((f, i) => i === 0 || BATCH_FIGURES.has(f.key)),
    enumerable: true,
    writable: true,
    configurable: true,
  };
  return Object.defineProperties({}, kept) as CheckResult;
}

/** A 版式.json is a few hundred bytes; anything far larger is not one, and is not read into memory. */
const MAX_LAYOUT_FILE_BYTES = 256 * 1024;

/**
 * Reads and checks the --layout file before the batch starts: every problem is named (in both languages), so that
 * an officer can fix the file in one go. A byte-order mark (Notepad saves one) is not a problem.
 */
export async function loadLayoutFile(file: string): Promise<{ layout: LayoutOverride } | { problems: Localized[] }> {
  let text: string;
  try {
    const stat = await fsp.stat(file);
    if (stat.isFile() && stat.size > MAX_LAYOUT_FILE_BYTES)
      return { problems: [both("layoutTooLarge", { size: stat.size })] };
    text = await fsp.readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      problems: [
        {
          "zh-CN": t("zh-CN", "layoutUnreadable", { reason: systemReason(code, "zh-CN") }),
          "en-US": t("en-US", "layoutUnreadable", { reason: systemReason(code, "en-US") }),
        },
      ],
    };
  }
  const { layout, problems } = parseLayoutFile(text.replace(/^\uFEFF/, ""));
  return layout && problems.length === 0 ? { layout } : { problems };
}

/** Why a --layout file cannot be used, in both languages: every problem on its own line. */
export function layoutProblemsText(file: string, problems: readonly Localized[]): string {
  return (
    (["zh-CN", "en-US"] as const)
      .map((l) => [t(l, "layoutUnusable", { file }), ...problems.map((p) => `  - ${p[l]}`)].join("\n"))
      .join("\n") + "\n"
  );
}

/**
 * The --layout option of check and report: no file, the layout it holds, or null after saying on stderr why it
 * cannot be used (the command then exits 2 before reading any workbook).
 */
export async function layoutOption(
  file: string | undefined,
  stderr: { write(s: string): unknown },
): Promise<{ layout: LayoutOverride | undefined } | null> {
  if (file === undefined) return { layout: undefined };
  const loaded = await loadLayoutFile(file);
  if ("problems" in loaded) {
    stderr.write(layoutProblemsText(file, loaded.problems));
    return null;
  }
  return { layout: loaded.layout };
}

function internal(e: unknown): Localized {
  const message = e instanceof Error ? e.message : String(e);
  return { "zh-CN": t("zh-CN", "internalError", { message }), "en-US": t("en-US", "internalError", { message }) };
}

/**
 * Each file's copy in `dir`, in the order of `files`: one whose name lands on a file of `protect` (the files being
 * checked, however spelled) is refused, even with --force; two inputs with one name (2022/自评表.xlsx,
 * 2023/自评表.xlsx) get "自评表.checked.xlsx" and "自评表 (2).checked.xlsx", whether or not each can be read.
 */
export function planCopies(files: readonly string[], dir: string, protect: PathSet): CopyPlan[] {
  const taken = new PathSet();
  return files.map((file) => {
    const first = checkedCopyPath(dir, file);
    if (protect.has(first)) return { refused: both("writeCollidesWithInput", { file: first }) };
    let dest = first;
    for (let n = 2; taken.has(dest) || protect.has(dest); n++) {
      dest = first.slice(0, -CHECKED_SUFFIX.length) + ` (${n})${CHECKED_SUFFIX}`;
    }
    taken.add(dest);
    return { dest };
  });
}

/** Writes the copy; a copy that exists is left as it is unless --force, and the file reports why (exit 2). */
async function writeCopy(report: FileReport, plan: CopyPlan, replace: boolean): Promise<void> {
  if ("refused" in plan) {
    report.writeError = plan.refused;
    return;
  }
  try {
    // The writer is loaded only when a copy is asked for, and exceljs only when the patcher cannot make it (./write.ts).
    const { writeScoredCopy } = require("../gateways/xlsx/write") as typeof import("../gateways/xlsx/write");
    const how = await writeScoredCopy(report.file, report.result!.plan, plan.dest, { replace });
    report.written = plan.dest;
    if (!how.patched) report.rebuilt = both("copyRebuilt", { reason: how.reason ?? "" });
  } catch (e) {
    if (!(e instanceof WorkbookWriteError)) report.writeError = internal(e);
    else report.writeError = e.code === "exists" ? both("outputExists", { file: e.file }) : e.localized;
  }
}

function both(key: Parameters<typeof t>[1], params: Record<string, string | number>): Localized {
  return { "zh-CN": t("zh-CN", key, params), "en-US": t("en-US", key, params) };
}

/** 0: no error-level finding; 1: some; 2: a file could not be read, checked or written. */
export function exitStatus(reports: readonly FileReport[]): number {
  return BatchTally.of(reports).status;
}
