import type { FileReport } from "../../src/cli/check";
import { exitStatus } from "../../src/cli/check";
import { BatchTally, formatHumanReport, formatSummary, JsonReportStream, toJsonReport } from "../../src/cli/format";
import type { CheckResult, Finding } from "../../src/domain/types";

const finding = (severity: Finding["severity"], cell: string, zh: string): Finding => ({
  rule: "reason-missing",
  severity,
  sheet: "自评表",
  cell,
  message: { "zh-CN": zh, "en-US": `en: ${zh}` },
});

function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    sheet: "自评表",
    layout: "central",
    profile: "central-2020",
    budget: { planned: 3378.3, executed: 3342.07, rate: 3342.07 / 3378.3, score: 9.89276 },
    total: { computed: 92.5, reported: 95, grade: "优", provisional: null },
    findings: [
      finding("error", "I14", "缺少偏差原因"),
      finding("warning", "G7", "执行率填写有误"),
      finding("info", "B3", "说明"),
    ],
    figures: [],
    plan: { values: [], marks: [], findingsSheet: { name: "校验结果", header: [], rows: [] } },
    ...overrides,
  };
}

describe("human report", () => {
  it("shows the sheet, layout, rate, totals, counts and findings", () => {
    const text = formatHumanReport(
      { file: "南沙/自评表.xlsx", result: result(), written: "out/自评表.checked.xlsx" },
      "zh-CN",
    );
    expect(text).toBe(
      [
        "南沙/自评表.xlsx",
        "  工作表：自评表  版式：项目支出（财预〔2020〕10号表式）  评分口径：中央（财预〔2020〕10号）",
        "  全年预算数：3,378.30  全年执行数：3,342.07  执行率：98.93%  执行得分：9.89",
        "  总分：92.50（表内填报 95.00）  等级：优",
        "  错误 1 / 警告 1 / 提示 1",
        "  [错误] I14  缺少偏差原因",
        "  [警告] G7  执行率填写有误",
        "  [提示] B3  说明",
        "  已写出带标注的副本：out/自评表.checked.xlsx",
        "",
      ].join("\n"),
    );
  });

  it("prefers the engine's figure displays and hides a reported total that agrees", () => {
    const r = result({
      total: { computed: 95, reported: 95.001, grade: "优", provisional: null },
      figures: [
        {
          key: "budget.rate",
          label: { "zh-CN": "", "en-US": "" },
          value: 0.99,
          display: "98.9%",
          profile: "",
          rule: { "zh-CN": "", "en-US": "" },
          arithmetic: "",
        },
      ],
    });
    const text = formatHumanReport({ file: "a.xlsx", result: r }, "en-US");
    expect(text).toContain("Execution rate: 98.9%");
    expect(text).toContain("Total score: 95.00  Grade: 优");
    expect(text).toContain("  [error] I14  en: 缺少偏差原因");
  });

  it("shows unknown values as a dash", () => {
    const r = result({
      sheet: undefined,
      layout: undefined,
      budget: { planned: null, executed: null, rate: null, score: null },
      total: { computed: null, reported: null, grade: null, provisional: null },
    });
    expect(formatHumanReport({ file: "a.xlsx", result: r }, "zh-CN")).toContain("工作表：未识别  版式：—");
  });

  it("sums up a batch", () => {
    const reports: FileReport[] = [
      { file: "a.xlsx", result: result() },
      { file: "b.xlsx", readError: { "zh-CN": "找不到文件：b.xlsx", "en-US": "File not found: b.xlsx" } },
    ];
    expect(formatSummary(reports, "zh-CN")).toBe("共 2 个文件：已检查 1 个（其中有错误 1 个），无法读取 1 个。\n");
  });
});

describe("JSON report", () => {
  it("rounds the rate to six decimals and localizes messages", () => {
    const doc = toJsonReport([{ file: "a.xlsx", result: result() }], "en-US");
    expect(doc.files[0].budget.rate).toBe(0.989276);
    expect(doc.files[0].findings[0]).toEqual({
      rule: "reason-missing",
      severity: "error",
      sheet: "自评表",
      cell: "I14",
      message: "en: 缺少偏差原因",
    });
  });

  it("marks a refused copy as not ok but keeps the check", () => {
    const doc = toJsonReport(
      [{ file: "a.xlsx", result: result(), writeError: { "zh-CN": "拒绝写出", "en-US": "Refused" } }],
      "zh-CN",
    );
    expect(doc.files[0]).toMatchObject({ ok: false, error: "拒绝写出", sheet: "自评表" });
  });
});

describe("JSON report written file by file", () => {
  const streamed = (reports: FileReport[], explain = false) => {
    let text = "";
    const stream = new JsonReportStream({ write: (s: string) => (text += s) }, "zh-CN", { explain });
    for (const r of reports) stream.add(r);
    stream.end();
    return text;
  };
  const unreadable: FileReport = { file: "坏.xlsx", readError: { "zh-CN": "无法读取", "en-US": "Unreadable" } };

  it("is the document an all-at-once JSON.stringify writes, byte for byte", () => {
    const reports: FileReport[] = [
      { file: "a.xlsx", result: result() },
      unreadable,
      { file: "c.xlsx", result: result({ findings: [] }) },
    ];
    expect(streamed(reports)).toBe(JSON.stringify(toJsonReport(reports, "zh-CN"), null, 2) + "\n");
    expect(streamed(reports, true)).toBe(
      JSON.stringify(toJsonReport(reports, "zh-CN", { explain: true }), null, 2) + "\n",
    );
  });

  it("writes one file and no file as JSON.stringify does", () => {
    expect(streamed([unreadable])).toBe(JSON.stringify(toJsonReport([unreadable], "zh-CN"), null, 2) + "\n");
    expect(streamed([])).toBe('{\n  "files": []\n}\n');
    expect(JSON.parse(streamed([unreadable])).files[0]).toMatchObject({
      file: "坏.xlsx",
      ok: false,
      error: "无法读取",
    });
  });

  it("writes each file as it comes, not at the end", () => {
    const writes: string[] = [];
    const stream = new JsonReportStream({ write: (s: string) => writes.push(s) }, "zh-CN");
    stream.add(unreadable);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('"file": "坏.xlsx"');
  });
});

describe("batch tally", () => {
  it("counts files, failures and files with errors as the closing line says them", () => {
    const tally = new BatchTally()
      .add({ file: "a", result: result() })
      .add({ file: "b", result: result({ findings: [finding("warning", "A1", "w")] }) })
      .add({ file: "c", readError: { "zh-CN": "", "en-US": "" } });
    expect([tally.files, tally.failed, tally.withErrors, tally.status]).toEqual([3, 1, 1, 2]);
    expect(formatSummary(tally, "zh-CN")).toBe("共 3 个文件：已检查 2 个（其中有错误 1 个），无法读取 1 个。\n");
  });
});

describe("exit status", () => {
  const clean = result({ findings: [finding("warning", "A1", "w")] });
  it.each<[string, FileReport[], number]>([
    ["no error findings", [{ file: "a", result: clean }], 0],
    [
      "an error finding",
      [
        { file: "a", result: clean },
        { file: "b", result: result() },
      ],
      1,
    ],
    [
      "an unreadable file",
      [
        { file: "a", result: result() },
        { file: "b", readError: { "zh-CN": "", "en-US": "" } },
      ],
      2,
    ],
    ["a refused copy", [{ file: "a", result: clean, writeError: { "zh-CN": "", "en-US": "" } }], 2],
  ])("%s", (_label, reports, status) => {
    expect(exitStatus(reports)).toBe(status);
  });
});
