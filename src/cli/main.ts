/**
 * The `ziping` command's entry: parse, run, print, and return the exit status. Output goes through injected
 * writers so tests run it in-process; bin/ziping.js (or `tsx src/cli/main.ts`) runs it for real.
 */
/* global process, NodeJS, require, module, __dirname -- Node code: the shared lint config assumes a browser. */
import { SETTINGS } from "../domain/profile";
import * as fs from "fs";
import * as nodePath from "path";
import type { Lang } from "../domain/types";
import { parseArgs, type CheckRequest } from "./args";
import { checkFiles, layoutOption, planCopies, type CopyPlan } from "./check";
import { collectFiles, isDirectory, PathSet, pathExists } from "./files";
import { WorkbookWriteError, systemReason } from "../gateways/xlsx/errors";
import type { SummaryEntry } from "../gateways/xlsx/summary";
import { BatchTally, formatHumanReport, formatSummary, JsonReportStream, toSummaryEntry } from "./format";
import { EXIT, type CliIo } from "./io";
import { t, usageErrorText } from "./messages";

export { EXIT, type CliIo, type Writer } from "./io";

/** Shown progress only pays off for a batch: more than this many files. */
const PROGRESS_THRESHOLD = 5;

export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const request = parseArgs(argv);
  switch (request.kind) {
    case "help":
      io.stdout.write(helpText(request.lang ? [request.lang] : ["zh-CN", "en-US"], request.command));
      return EXIT.ok;
    case "version":
      io.stdout.write(t(request.lang, "version", { version: packageVersion() }) + "\n");
      return EXIT.ok;
    case "usage-error":
      io.stderr.write(usageErrorText(request.reason, request.params, request.command));
      return EXIT.failure;
    case "report":
      // The report and the writers (exceljs, docx) are loaded only by the commands that use them: a check starts
      // without them.
      return (require("./report") as typeof import("./report")).runReport(request, io);
    case "check":
      return runCheck(request, io);
  }
}

async function runCheck(request: CheckRequest, io: CliIo): Promise<number> {
  // A bad 版式.json would misread every workbook of the batch: refuse it before reading any.
  const option = await layoutOption(request.layout, io.stderr);
  if (!option) return EXIT.failure;
  const { layout } = option;

  // A summary an earlier run wrote is left out of the walk by its mark; one named on the command line is an input.
  const files = collectFiles(request.paths);
  if (files.length === 0) {
    io.stderr.write(
      (["zh-CN", "en-US"] as const).map((l) => t(l, "usageError", { reason: t(l, "noWorkbooksFound") })).join("\n") +
        "\n",
    );
    return EXIT.failure;
  }

  // Every file this run reads, however spelled: no output replaces one of them, even with --force.
  const inputs = new PathSet(request.layout === undefined ? files : [...files, request.layout]);
  const copies = request.write === undefined ? undefined : planCopies(files, request.write, inputs);

  // Refuse before a long batch, not after it: the summary never replaces a file being checked nor a copy
  // this run writes, and an existing one only with --force.
  if (request.summary) {
    const refusal = summaryRefusal(request.summary, inputs, copies ?? [], request.force === true);
    if (refusal) {
      io.stderr.write(refusal(request.lang) + "\n");
      return EXIT.failure;
    }
  }

  if (request.write) {
    try {
      fs.mkdirSync(request.write, { recursive: true });
    } catch (e) {
      const reason = systemReason((e as NodeJS.ErrnoException).code ?? String(e), request.lang);
      io.stderr.write(t(request.lang, "cannotCreateDir", { dir: request.write, reason }) + "\n");
      return EXIT.failure;
    }
  }

  const showProgress = request.progress || (files.length > PROGRESS_THRESHOLD && io.stderr.isTTY === true);
  const { lang } = request;
  // Each file is printed as soon as it is done (--json: one document, written entry by entry) and then let go,
  // but for its counts and, with --summary, its 汇总表 row.
  const tally = new BatchTally();
  const json = request.json ? new JsonReportStream(io.stdout, lang, { explain: request.explain }) : undefined;
  const rows: SummaryEntry[] = [];
  await checkFiles(
    files,
    request,
    (report) => {
      if (json) json.add(report);
      else
        io.stdout.write(
          (tally.files === 0 ? "" : "\n") + formatHumanReport(report, lang, { explain: request.explain }),
        );
      tally.add(report);
      if (request.summary) rows.push(toSummaryEntry(report, lang));
    },
    showProgress
      ? (index, total, file) => io.stderr.write(t(lang, "progress", { index, total, file }) + "\n")
      : undefined,
    layout,
    copies,
  );

  if (json) json.end();
  else if (tally.files > 1) io.stdout.write("\n" + formatSummary(tally, lang));
  const { status } = tally;
  if (!request.summary) return status;

  try {
    const { writeSummaryWorkbook } = require("../gateways/xlsx/summary") as typeof import("../gateways/xlsx/summary");
    await writeSummaryWorkbook(request.summary, rows, {
      lang,
      protect: files,
      replace: request.force === true,
    });
  } catch (e) {
    const message =
      e instanceof WorkbookWriteError
        ? e.code === "exists"
          ? t(lang, "outputExists", { file: e.file })
          : e.localized[lang]
        : e instanceof Error
          ? e.message
          : String(e);
    io.stderr.write(t(lang, "summaryFailed", { message }) + "\n");
    return EXIT.failure;
  }
  // JSON output stays one document on stdout: the summary is named there only for people.
  if (!request.json) io.stdout.write(t(lang, "summaryWritten", { file: request.summary }) + "\n");
  return status;
}

/** Why the --summary path cannot be written, when it cannot: an input, a copy of this run, or a file that exists. */
function summaryRefusal(
  summary: string,
  inputs: PathSet,
  copies: readonly CopyPlan[],
  force: boolean,
): ((lang: Lang) => string) | undefined {
  if (inputs.has(summary)) return (l) => t(l, "summaryIsInput", { file: summary });
  // A folder is never replaced, --force or not: said before the batch runs, not after it.
  if (isDirectory(summary)) return (l) => t(l, "summaryIsFolder", { file: summary });
  const written = new PathSet(copies.flatMap((c) => ("dest" in c ? [c.dest] : [])));
  if (written.has(summary)) return (l) => t(l, "summaryIsCopy", { file: summary });
  if (!force && pathExists(summary))
    return (l) => t(l, "summaryFailed", { message: t(l, "outputExists", { file: summary }) });
  return undefined;
}

/** `ziping --help` tells both commands' options; `ziping report --help` report's alone. Both list the settings. */
function helpText(langs: readonly Lang[], command?: "report"): string {
  const settings = (l: Lang) =>
    [l === "zh-CN" ? "评分设置（--set）：" : "Settings (--set):"]
      .concat(Object.entries(SETTINGS).map(([name, s]) => `  ${name.padEnd(22)} ${s.help[l]}`))
      .join("\n");
  const page = (l: Lang) =>
    (command === "report"
      ? [t(l, "reportUsage"), t(l, "reportOptions"), settings(l), `${t(l, "exitStatus")}\n${t(l, "exitReport")}`]
      : [
          t(l, "usage"),
          t(l, "reportOptions"),
          settings(l),
          [t(l, "exitStatus"), t(l, "exitCheck"), t(l, "exitReport")].join("\n"),
        ]
    ).join("\n\n");
  return langs.map(page).join("\n\n") + "\n";
}

function packageVersion(): string {
  // src/cli/main.ts and dist/cli/main.js both sit two folders below package.json.
  try {
    const pkg = JSON.parse(fs.readFileSync(nodePath.join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** True when this module is the program: run directly (tsx, node dist) or required by bin/ziping.js. */
function isEntryPoint(): boolean {
  if (require.main === module) return true;
  const launcher = require.main?.filename ?? "";
  return /[\\/]bin[\\/]ziping(\.js)?$/.test(launcher);
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (e: unknown) => {
      process.stderr.write(`ziping: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.failure;
    },
  );
}
