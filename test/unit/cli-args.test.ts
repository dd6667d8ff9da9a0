import { parseArgs } from "../../src/cli/args";
import { t } from "../../src/cli/messages";
import { formatRate } from "../../src/cli/format";

describe("parseArgs", () => {
  it("reads a check with its defaults", () => {
    expect(parseArgs(["check", "a.xlsx", "材料"])).toEqual({
      kind: "check",
      paths: ["a.xlsx", "材料"],
      json: false,
      profile: "auto",
      write: undefined,
      lang: "zh-CN",
      progress: false,
      settings: {},
    });
  });

  it("collects --set settings and refuses unknown ones", () => {
    const r = parseArgs(["check", "a.xlsx", "--set", "integerScores=on", "--set=execReasonThreshold=90%"]);
    expect(r).toMatchObject({ kind: "check", settings: { integerScores: "on", execReasonThreshold: "90%" } });
    expect(parseArgs(["check", "a.xlsx", "--set", "integerScores=maybe"])).toMatchObject({
      kind: "usage-error",
      reason: "badSettingValue",
      params: { value: "integerScores", setting: "maybe" },
    });
    expect(parseArgs(["check", "a.xlsx", "--set", "nonsense"])).toMatchObject({
      kind: "usage-error",
      reason: "unknownSetting",
    });
    // A name --help lists, without its value: said so, not "unknown".
    expect(parseArgs(["check", "a.xlsx", "--set", "integerScores"])).toMatchObject({
      kind: "usage-error",
      reason: "settingWithoutValue",
      params: { value: "integerScores" },
    });
  });

  it("takes options anywhere, with a space or '='", () => {
    expect(
      parseArgs([
        "--json",
        "check",
        "a.xlsx",
        "--profile",
        "sichuan",
        "--write=out dir",
        "--lang",
        "en-US",
        "--progress",
      ]),
    ).toMatchObject({ kind: "check", json: true, profile: "sichuan", write: "out dir", lang: "en-US", progress: true });
  });

  it("accepts short language names", () => {
    expect(parseArgs(["check", "a.xlsx", "--lang", "en"])).toMatchObject({ lang: "en-US" });
    expect(parseArgs(["check", "a.xlsx", "--lang=ZH-cn"])).toMatchObject({ lang: "zh-CN" });
  });

  it("treats everything after -- as a path", () => {
    expect(parseArgs(["check", "--", "--json", "-x.xlsx"])).toMatchObject({
      paths: ["--json", "-x.xlsx"],
      json: false,
    });
  });

  it.each([
    [["check", "a.xlsx", "--bogus"], "unknownOption"],
    [["check", "a.xlsx", "--profile", "beijing"], "unknownProfile"],
    [["check", "a.xlsx", "--profile"], "missingValue"],
    [["check", "a.xlsx", "--write", "--json"], "missingValue"],
    [["check", "a.xlsx", "--lang", "fr"], "unknownLang"],
    [["check", "a.xlsx", "--json=yes"], "unexpectedValue"],
    [["check"], "noFiles"],
    [[], "noCommand"],
    [["a.xlsx"], "unknownCommand"],
  ])("%j is a usage error (%s)", (argv, reason) => {
    expect(parseArgs(argv)).toMatchObject({ kind: "usage-error", reason });
  });

  it("lets --help and --version win over everything else", () => {
    expect(parseArgs(["check", "--help", "--bogus"])).toEqual({ kind: "help", lang: undefined });
    expect(parseArgs(["-h", "--lang", "en-US"])).toEqual({ kind: "help", lang: "en-US" });
    expect(parseArgs(["--version"])).toEqual({ kind: "version", lang: "zh-CN" });
    expect(parseArgs(["-v"])).toMatchObject({ kind: "version" });
  });
});

describe("messages", () => {
  it("fills placeholders in both languages", () => {
    expect(t("zh-CN", "unknownOption", { option: "--x" })).toBe("未知选项 --x");
    expect(t("en-US", "unknownOption", { option: "--x" })).toBe("unknown option --x");
  });

  it("formats a rate as a percentage with two decimals", () => {
    expect(formatRate(0.989276)).toBe("98.93%");
    expect(formatRate(1)).toBe("100.00%");
  });
});

describe("usage messages name what there is", () => {
  it("an unknown command lists both commands", () => {
    expect(t("zh-CN", "unknownCommand", { command: "chek" })).toBe("未知命令 chek（可用：check、report）");
    expect(t("en-US", "unknownCommand", { command: "chek" })).toBe("unknown command chek (available: check, report)");
  });
  it("an unknown setting lists the settings there are", () => {
    const r = parseArgs(["check", "a.xlsx", "--set", "integerScore=on"]);
    expect(r).toMatchObject({ kind: "usage-error", reason: "unknownSetting" });
    const params = (r as { params: Record<string, string> }).params;
    expect(params.known.split(", ")).toContain("integerScores");
  });
});

describe("parseArgs: report shares check's options", () => {
  it("reads a report with its defaults, and its own --docx and --sheet", () => {
    expect(parseArgs(["report", "a.xlsx"])).toEqual({
      kind: "report",
      workbook: "a.xlsx",
      profile: "auto",
      lang: "zh-CN",
      settings: {},
    });
    expect(
      parseArgs([
        "--lang=en",
        "report",
        "a.xlsx",
        "--docx",
        "r.docx",
        "--sheet=out",
        "--profile",
        "sichuan",
        "--layout",
        "版式.json",
      ]),
    ).toEqual({
      kind: "report",
      workbook: "a.xlsx",
      docx: "r.docx",
      sheet: "out",
      profile: "sichuan",
      lang: "en-US",
      settings: {},
      layout: "版式.json",
    });
  });

  it("takes --set as check does, with the same reasons when it is wrong", () => {
    expect(parseArgs(["report", "a.xlsx", "--set", "overCompletionRatio=1.5", "--set=integerScores=on"])).toMatchObject(
      {
        kind: "report",
        settings: { overCompletionRatio: "1.5", integerScores: "on" },
      },
    );
    for (const [set, reason] of [
      ["integerScores=maybe", "badSettingValue"],
      ["nonsense=1", "unknownSetting"],
      ["integerScores", "settingWithoutValue"],
    ]) {
      const check = parseArgs(["check", "a.xlsx", "--set", set]);
      const report = parseArgs(["report", "a.xlsx", "--set", set]);
      expect(report).toMatchObject({ kind: "usage-error", reason, command: "report" });
      expect({ ...report, command: undefined }).toEqual({ ...check, command: undefined });
    }
  });

  it.each([
    [["report"], "oneWorkbook", { count: "0" }],
    [["report", "a.xlsx", "b.xlsx"], "oneWorkbook", { count: "2" }],
    [["report", "a.xlsx", "--docx"], "missingValue", { option: "--docx" }],
    [["report", "a.xlsx", "--profile", "beijing"], "unknownProfile", { value: "beijing" }],
    [["report", "a.xlsx", "--lang", "fr"], "unknownLang", { value: "fr" }],
    [["report", "a.xlsx", "--bogus"], "unknownOption", { option: "--bogus" }],
    [["report", "a.xlsx", "--json"], "optionOfOtherCommand", { option: "--json", command: "report", other: "check" }],
    [["report", "a.xlsx", "--write", "out"], "optionOfOtherCommand", { option: "--write" }],
    [["check", "a.xlsx", "--docx", "r.docx"], "optionOfOtherCommand", { option: "--docx", other: "report" }],
  ])("%j is a usage error (%s)", (argv, reason, params) => {
    expect(parseArgs(argv)).toMatchObject({ kind: "usage-error", reason, params });
  });

  it("an option's value is not taken for the command", () => {
    expect(parseArgs(["--profile", "sichuan", "report", "a.xlsx"])).toMatchObject({
      kind: "report",
      profile: "sichuan",
      workbook: "a.xlsx",
    });
    expect(parseArgs(["--lang", "en", "check", "a.xlsx"])).toMatchObject({ kind: "check", paths: ["a.xlsx"] });
  });

  it("ziping report --help asks for report's help", () => {
    expect(parseArgs(["report", "--help"])).toEqual({ kind: "help", lang: undefined, command: "report" });
    expect(parseArgs(["report", "a.xlsx", "-h", "--lang", "en-US"])).toEqual({
      kind: "help",
      lang: "en-US",
      command: "report",
    });
  });
});
