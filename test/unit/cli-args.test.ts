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
    expect(parseArgs(["check", "a.xlsx", "--set", "integerScores=maybe"])).toMatchObject({ kind: "usage-error", reason: "unknownSetting" });
    expect(parseArgs(["check", "a.xlsx", "--set", "nonsense"])).toMatchObject({ kind: "usage-error", reason: "unknownSetting" });
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
