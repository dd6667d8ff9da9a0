/** The `ziping` command line, parsed into a plain request or a usage error (whose reason is localized later). */
import { PROFILES as PROFILES_BY_ID, SETTINGS, withSettings } from "../domain/profile";
import type { Lang, ProfileId } from "../domain/types";
import type { MessageKey } from "./messages";

export interface CheckRequest {
  kind: "check";
  paths: string[];
  json: boolean;
  profile: ProfileId | "auto";
  write?: string;
  /** Where to write the reviewer's consolidated workbook (--summary). */
  summary?: string;
  lang: Lang;
  progress: boolean;
  /** Optional profile settings from --set name=value. */
  settings: Record<string, string>;
  /** --explain: show how each table was read (role → column, rows, confidence). Absent when not asked. */
  explain?: true;
  /** --layout: a 版式.json applied to every workbook of the batch (read and checked before the batch starts). */
  layout?: string;
}

export type Request =
  | CheckRequest
  | { kind: "help"; lang?: Lang }
  | { kind: "version"; lang: Lang }
  | { kind: "usage-error"; lang: Lang; reason: MessageKey; params: Record<string, string> };

const PROFILES: ReadonlyArray<ProfileId | "auto"> = ["auto", "central-2020", "sichuan", "city-20-80"];
const LANGS: Record<string, Lang> = { "zh-cn": "zh-CN", zh: "zh-CN", "en-us": "en-US", en: "en-US" };
const FLAGS = new Set(["--json", "--progress", "--explain", "--help", "-h", "--version", "-v", "-V"]);
const VALUED = new Set(["--profile", "--write", "--summary", "--lang", "--set", "--layout"]);

export function parseArgs(argv: readonly string[]): Request {
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
    if (FLAGS.has(name)) {
      if (eq >= 0) fail("unexpectedValue", { option: name });
      flags.add(name);
    } else if (VALUED.has(name)) {
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
    } else {
      fail("unknownOption", { option: arg });
    }
  }

  const langValue = values.get("--lang");
  const lang = langValue === undefined ? undefined : LANGS[langValue.toLowerCase()];
  const outLang: Lang = lang ?? "zh-CN";
  if (langValue !== undefined && !lang) fail("unknownLang", { value: langValue });

  if (flags.has("--help") || flags.has("-h")) return { kind: "help", lang };
  if (flags.has("--version") || flags.has("-v") || flags.has("-V")) return { kind: "version", lang: outLang };

  const profile = values.get("--profile") ?? "auto";
  if (!PROFILES.includes(profile as ProfileId)) fail("unknownProfile", { value: profile });

  const [command, ...paths] = positional;
  if (command === undefined) fail("noCommand", {});
  else if (command !== "check") fail("unknownCommand", { command });
  else if (paths.length === 0) fail("noFiles", {});
  const summary = values.get("--summary");
  if (summary !== undefined && !/\.xlsx$/i.test(summary)) fail("summaryNotXlsx", { file: summary });

  if (error) return { kind: "usage-error", lang: outLang, ...error };
  return {
    kind: "check",
    paths,
    json: flags.has("--json"),
    profile: profile as ProfileId | "auto",
    write: values.get("--write"),
    summary,
    lang: outLang,
    progress: flags.has("--progress"),
    settings,
    // Only present when given, so that a plain check's request stays what it always was.
    ...(flags.has("--explain") ? { explain: true as const } : {}),
    ...(values.has("--layout") ? { layout: values.get("--layout") } : {}),
  };
}
