/**
 * The `ziping` command line, parsed into a plain request or a usage error (whose reason is localized later).
 * `check` and `report` share one parser: the same --profile, --set, --layout and --lang, checked the same way.
 */
import { PROFILES as PROFILES_BY_ID, SETTINGS, withSettings } from "../domain/profile";
import type { Lang, ProfileId } from "../domain/types";
import type { MessageKey } from "./messages";

export type Command = "check" | "report";

/** What both commands take: how a workbook is read and scored, and the language of what is shown. */
interface ScoringRequest {
  profile: ProfileId | "auto";
  lang: Lang;
  /** Optional profile settings from --set name=value. */
  settings: Record<string, string>;
  /** --layout: a 版式.json that corrects how the table is read (read and checked before any workbook). */
  layout?: string;
}

export interface CheckRequest extends ScoringRequest {
  kind: "check";
  paths: string[];
  json: boolean;
  write?: string;
  /** Where to write the reviewer's consolidated workbook (--summary). */
  summary?: string;
  progress: boolean;
  /** --explain: show how each table was read (role → column, rows, confidence). Absent when not asked. */
  explain?: true;
  /** --force: replace outputs that exist (never a file being checked). Absent when not asked. */
  force?: true;
}

/** `ziping report <workbook>`: the 自评报告 draft of one workbook, as text, a .docx (--docx) or a sheet (--sheet). */
export interface ReportRequest extends ScoringRequest {
  kind: "report";
  workbook: string;
  docx?: string;
  /** A folder (receiving <name>.report.xlsx) or an .xlsx file. */
  sheet?: string;
  /** --force: replace a .docx or sheet that exists (never the workbook). Absent when not asked. */
  force?: true;
}

export type Request =
  | CheckRequest
  | ReportRequest
  /** `command` is set for `ziping report --help`; without it, the help of the whole command. */
  | { kind: "help"; lang?: Lang; command?: "report" }
  | { kind: "version"; lang: Lang }
  | { kind: "usage-error"; lang: Lang; reason: MessageKey; params: Record<string, string>; command?: "report" };

const PROFILES: ReadonlyArray<ProfileId | "auto"> = ["auto", "central-2020", "sichuan", "city-20-80"];
const LANGS: Record<string, Lang> = { "zh-cn": "zh-CN", zh: "zh-CN", "en-us": "en-US", en: "en-US" };

/** The options of each command: flags take no value, valued options one (`--name value` or `--name=value`). */
const OPTIONS: Record<Command, { flags: ReadonlySet<string>; valued: ReadonlySet<string> }> = {
  check: {
    flags: new Set(["--json", "--progress", "--explain", "--force"]),
    valued: new Set(["--write", "--summary"]),
  },
  report: { flags: new Set(["--force"]), valued: new Set(["--docx", "--sheet"]) },
};
const COMMON_FLAGS = ["--help", "-h", "--version", "-v", "-V"];
const COMMON_VALUED = ["--profile", "--lang", "--set", "--layout"];
const COMMANDS = Object.keys(OPTIONS) as Command[];
const ALL_VALUED = new Set([...COMMON_VALUED, ...COMMANDS.flatMap((c) => [...OPTIONS[c].valued])]);

/** A value is the next token unless that token is itself an option. */
const takesNext = (next: string | undefined): next is string => next !== undefined && !next.startsWith("--");

/** The command is the first word that is not an option or an option's value (options may come before it). */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return argv[i + 1];
    if (!arg.startsWith("-") || arg === "-") return arg;
    if (ALL_VALUED.has(arg) && takesNext(argv[i + 1])) i++;
  }
  return undefined;
}

export function parseArgs(argv: readonly string[]): Request {
  const named = commandOf(argv);
  // An unknown command is reported as such; its options are read as check's, so that only one error shows.
  const command: Command = named === "report" ? "report" : "check";
  const flagNames = new Set([...COMMON_FLAGS, ...OPTIONS[command].flags]);
  const valuedNames = new Set([...COMMON_VALUED, ...OPTIONS[command].valued]);
  const other = COMMANDS.find((c) => c !== command)!;
  const forCommand = command === "report" ? { command } : {};

  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const settings: Record<string, string> = {};
  let error: { reason: MessageKey; params: Record<string, string> } | undefined;
  const fail = (reason: MessageKey, params: Record<string, string>) => {
    error ??= { reason, params };
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (flagNames.has(name)) {
      if (eq >= 0) fail("unexpectedValue", { option: name });
      flags.add(name);
    } else if (valuedNames.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[i + 1];
      if (eq < 0) i++;
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
        fail("missingValue", { option: name });
        if (eq < 0 && value !== undefined) i--; // the next token is an option: let it be parsed as one
      } else if (name === "--set") {
        const [key, ...rest] = value.split("=");
        const setting = rest.join("=");
        if (!Object.prototype.hasOwnProperty.call(SETTINGS, key))
          fail("unknownSetting", { value: key, known: Object.keys(SETTINGS).join(", ") });
        else if (rest.length === 0 || setting === "") fail("settingWithoutValue", { value: key });
        else if (withSettings(PROFILES_BY_ID["central-2020"], { [key]: setting }).errors.length)
          fail("badSettingValue", { value: key, setting });
        else settings[key] = setting;
      } else {
        values.set(name, value);
      }
    } else if (named === command && (OPTIONS[other].flags.has(name) || OPTIONS[other].valued.has(name))) {
      // `ziping report x.xlsx --json`: the option exists, for the other command.
      fail("optionOfOtherCommand", { option: name, command, other });
      if (eq < 0 && OPTIONS[other].valued.has(name) && takesNext(argv[i + 1])) i++;
    } else {
      fail("unknownOption", { option: arg });
    }
  }

  const langValue = values.get("--lang");
  const lang = langValue === undefined ? undefined : LANGS[langValue.toLowerCase()];
  const outLang: Lang = lang ?? "zh-CN";
  if (langValue !== undefined && !lang) fail("unknownLang", { value: langValue });

  if (flags.has("--help") || flags.has("-h")) return { kind: "help", lang, ...forCommand };
  if (flags.has("--version") || flags.has("-v") || flags.has("-V")) return { kind: "version", lang: outLang };

  const profile = values.get("--profile") ?? "auto";
  if (!PROFILES.includes(profile as ProfileId)) fail("unknownProfile", { value: profile });

  const [, ...paths] = positional;
  if (named === undefined) fail("noCommand", {});
  else if (named !== command) fail("unknownCommand", { command: named });
  else if (command === "check" && paths.length === 0) fail("noFiles", {});
  else if (command === "report" && paths.length !== 1) fail("oneWorkbook", { count: String(paths.length) });
  const summary = values.get("--summary");
  if (summary !== undefined && !/\.xlsx$/i.test(summary)) fail("summaryNotXlsx", { file: summary });

  if (error) return { kind: "usage-error", lang: outLang, ...error, ...forCommand };
  const scoring: ScoringRequest = {
    profile: profile as ProfileId | "auto",
    lang: outLang,
    settings,
    ...(values.has("--layout") ? { layout: values.get("--layout") } : {}),
  };
  if (command === "report")
    return {
      kind: "report",
      workbook: paths[0],
      ...scoring,
      ...(values.has("--docx") ? { docx: values.get("--docx") } : {}),
      ...(values.has("--sheet") ? { sheet: values.get("--sheet") } : {}),
      ...(flags.has("--force") ? { force: true as const } : {}),
    };
  return {
    kind: "check",
    paths,
    json: flags.has("--json"),
    profile: scoring.profile,
    write: values.get("--write"),
    summary,
    lang: outLang,
    progress: flags.has("--progress"),
    settings,
    // Only present when given, so that a plain check's request stays what it always was.
    ...(flags.has("--explain") ? { explain: true as const } : {}),
    ...(flags.has("--force") ? { force: true as const } : {}),
    ...(scoring.layout !== undefined ? { layout: scoring.layout } : {}),
  };
}
