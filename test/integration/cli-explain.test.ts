/**
 * `ziping check --explain` (the reading as a table) and `ziping check --layout 版式.json` (the officer's
 * correction applied to a batch). Expected columns come from the fixture generator's drawing of the central
 * layout (scripts/make-fixtures.ts, scripts/lib/template.ts) and from test/helpers/tables.ts, worked out by hand.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/main";
import { centralRows } from "../helpers/tables";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

interface Run {
  status: number;
  out: string;
  err: string;
}

async function run(argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: false },
  };
  const status = await main(argv, io);
  return { status, out, err };
}

const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");
/**
 * The central clean table drawn at A1 (make-fixtures.ts): 5 budget header · 6–9 budget rows · 10 goal header ·
 * 12 indicator header · 13–21 indicators (产出 13–17, 效益 18–20, 满意度 21) · 22 总分 (得分 in H).
 * Budget columns D 年初 · E 全年预算 · F 全年执行 · G 分值 · H 执行率 · I 得分; indicator columns B 一级 · C 二级 ·
 * D 三级 · E 年度指标值 · F 实际完成值 · G 分值 · H 得分 · I 偏差原因; goal B 预期目标 · F 实际完成情况.
 */
const CENTRAL_CLEAN = path.join(FIXTURES, "central-clean.xlsx");
const NO_TABLE = path.join(FIXTURES, "no-table.xlsx");

/** The lines of one block of the explain table: from its title to the next line indented no deeper. */
function section(out: string, title: string): string[] {
  const lines = out.split("\n");
  const start = lines.findIndex((l) => l.trim().startsWith(title));
  if (start < 0) throw new Error(`no section "${title}" in:\n${out}`);
  const indent = lines[start].search(/\S/);
  const end = lines.findIndex((l, i) => i > start && l.search(/\S/) <= indent);
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The row of a role in a block's table, split on runs of two or more spaces. */
function roleRow(lines: string[], label: string): string[] {
  const line = lines.find((l) => l.trim().startsWith(label + " ") || l.trim().startsWith(label + "  "));
  if (!line) throw new Error(`no row "${label}" in:\n${lines.join("\n")}`);
  return line.trim().split(/\s{2,}/);
}

describe("ziping check --explain", () => {
  let zh: Run;
  beforeAll(async () => {
    zh = await run(["check", CENTRAL_CLEAN, "--explain"]);
  });

  it("prints the usual output first, then the reading", () => {
    expect(zh.status).toBe(0);
    expect(zh.err).toBe("");
    const usual = zh.out.indexOf("总分：94.12");
    const reading = zh.out.indexOf("识别结果：");
    expect(usual).toBeGreaterThan(0);
    expect(reading).toBeGreaterThan(usual);
  });

  it("names the indicator block's columns, rows and confidence", () => {
    const block = section(zh.out, "绩效指标（表头第 12 行）");
    expect(roleRow(block, "分值 weight").slice(0, 5)).toEqual(["分值 weight", "G", "分值", "13–21", "确定"]);
    expect(roleRow(block, "得分 score").slice(0, 4)).toEqual(["得分 score", "H", "得分", "13–21"]);
    expect(roleRow(block, "年度指标值 target").slice(0, 3)).toEqual(["年度指标值 target", "E", "年度指标值"]);
    expect(roleRow(block, "实际完成值 actual").slice(0, 3)).toEqual(["实际完成值 actual", "F", "实际完成值"]);
    expect(roleRow(block, "三级指标 name").slice(0, 2)).toEqual(["三级指标 name", "D"]);
    expect(roleRow(block, "一级指标 level1").slice(0, 2)).toEqual(["一级指标 level1", "B"]);
    expect(roleRow(block, "偏差原因 reason").slice(0, 2)).toEqual(["偏差原因 reason", "I"]);
    // The table's own header row names the columns.
    expect(block[1].trim().split(/\s{2,}/)).toEqual(["角色", "列", "表头", "行", "把握", "依据"]);
  });

  it("names the budget and goal blocks' columns", () => {
    const budget = section(zh.out, "预算执行（表头第 5 行）");
    expect(roleRow(budget, "年初预算数 initial")[1]).toBe("D");
    expect(roleRow(budget, "全年预算数 planned")[1]).toBe("E");
    expect(roleRow(budget, "全年执行数 executed")[1]).toBe("F");
    expect(roleRow(budget, "分值 weight")[1]).toBe("G");
    expect(roleRow(budget, "执行率 rate")[1]).toBe("H");
    expect(roleRow(budget, "得分 score")[1]).toBe("I");
    const goal = section(zh.out, "年度总体目标（表头第 10 行）");
    expect(roleRow(goal, "预期目标 expected")[1]).toBe("B");
    expect(roleRow(goal, "实际完成情况 actual")[1]).toBe("F");
  });

  it("lists the indicator rows, each 一级 block, the weights' source, the total and the assumptions", () => {
    expect(zh.out).toContain("指标行：13–21（9 行）");
    expect(zh.out).toMatch(/^ +产出指标 +13–17 +分值未标明$/m);
    expect(zh.out).toMatch(/^ +效益指标 +18–20 +分值未标明$/m);
    expect(zh.out).toMatch(/^ +满意度指标 +21 +分值未标明$/m);
    expect(zh.out).toContain("分值来源：分值列（G 列）");
    expect(zh.out).toContain("填报总分：H22（总分行）");
    expect(zh.out).toContain("识别假设：无");
  });

  it("speaks English with --lang en-US", async () => {
    const en = await run(["check", CENTRAL_CLEAN, "--explain", "--lang", "en-US"]);
    expect(en.out).toContain("How the table was read:");
    const block = section(en.out, "Performance indicators (header row 12)");
    expect(roleRow(block, "weight").slice(0, 5)).toEqual(["weight", "G", "分值", "13–21", "sure"]);
    expect(en.out).toContain("Indicator rows: 13–21 (9 rows)");
    expect(en.out).toContain("Weights from: the weight column (G)");
    expect(en.out).toContain("Reported total: H22 (the 总分 row)");
    expect(en.out).not.toMatch(/识别结果|分值来源|把握/);
  });

  it("adds the reading to --json only when asked", async () => {
    const plain = JSON.parse((await run(["check", CENTRAL_CLEAN, "--json"])).out);
    expect(plain.files[0]).not.toHaveProperty("reading");
    const explained = JSON.parse((await run(["check", CENTRAL_CLEAN, "--json", "--explain"])).out);
    const reading = explained.files[0].reading;
    const weight = reading.roles.find(
      (r: { block: string; role: string }) => r.block === "indicator" && r.role === "weight",
    );
    expect(weight).toMatchObject({ column: "G", col: 7, headerCell: "G12", rows: [13, 21], confidence: "sure" });
    expect(reading.indicatorRows).toEqual([13, 21]);
    expect(reading.total).toEqual({ cell: "H22", source: "row" });
    expect(reading.blocks.map((b: { level1: string; rows: number[] }) => [b.level1, b.rows])).toEqual([
      ["产出指标", [13, 17]],
      ["效益指标", [18, 20]],
      ["满意度指标", [21, 21]],
    ]);
  });

  it("says what was missing for a workbook with no table", async () => {
    const r = await run(["check", NO_TABLE, "--explain"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("识别结果：未识别出绩效自评表");
    const after = r.out.slice(r.out.indexOf("识别结果"));
    expect(after).toMatch(/A1 +未能识别绩效自评表/);
    const json = JSON.parse((await run(["check", NO_TABLE, "--explain", "--json"])).out);
    expect(json.files[0].reading).toBeNull();
    expect(json.files[0].findings.map((f: { rule: string }) => f.rule)).toContain("layout-unrecognized");
  });

  it("is listed in --help, with --layout", async () => {
    const r = await run(["--help"]);
    expect(r.out).toMatch(/--explain +在每个文件的结果后列出识别结果/);
    expect(r.out).toMatch(/--explain +after each file's results/);
    expect(r.out).toMatch(/--layout <版式\.json> +按版式文件/);
    expect(r.out).toMatch(/--layout <layout\.json> +read every workbook with a layout file/);
  });
});

describe("ziping check --layout", () => {
  let dir: string;
  let unknownWeight: string;
  beforeAll(async () => {
    dir = tempDir("ziping-layout-");
    // test/helpers/tables.ts's central table: indicator header in row 10 (G10 分值), indicators in rows 11–14,
    // 总分 in row 15. Its 分值 header becomes a word no reader knows.
    const rows = centralRows();
    rows[9][6] = "分数值";
    unknownWeight = path.join(dir, "分数值.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    for (const row of rows) ws.addRow(row.map((v) => (v === undefined || v === "" ? null : v)));
    await wb.xlsx.writeFile(unknownWeight);
  });
  afterAll(() => removeDir(dir));

  function layoutFile(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  it("without a layout, an unknown 分值 header leaves the table unrecognised", async () => {
    const r = await run(["check", unknownWeight, "--json"]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.out).files[0].findings.map((f: { rule: string }) => f.rule)).toContain("layout-unrecognized");
  });

  // Needs the engine to apply a LayoutOverride (options.layout): until it does, this one fails.
  it("with a layout naming the 分值 column, the table reads and scores", async () => {
    const layout = layoutFile("版式.json", '{"ziping":"layout","version":1,"indicator":{"columns":{"weight":"G"}}}');
    const r = await run(["check", unknownWeight, "--layout", layout, "--json", "--explain"]);
    const file = JSON.parse(r.out).files[0];
    expect(file.findings.map((f: { rule: string }) => f.rule)).not.toContain("layout-unrecognized");
    // By hand: 执行 95 ÷ 100 = 95% → 9.5; indicators 25 + 25 + 30 + 10 = 90, all met; 总分 99.5 as typed.
    expect(file.total).toEqual({ computed: 99.5, reported: 99.5, grade: "优", provisional: null });
    expect(r.status).toBe(0);
    const weight = file.reading.roles.find(
      (x: { block: string; role: string }) => x.block === "indicator" && x.role === "weight",
    );
    expect(weight).toMatchObject({ column: "G", source: "layout" });
    expect(file.reading.corrected).toBe(true);
  });

  it("refuses a missing layout file: exit 2, both languages, nothing checked", async () => {
    const missing = path.join(dir, "没有这个版式.json");
    const r = await run(["check", unknownWeight, "--layout", missing]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`ziping：无法使用版式文件 ${missing}：`);
    expect(r.err).toContain(`ziping: cannot use the layout file ${missing}:`);
    // The system's code in words, never "ENOENT" in a Chinese sentence.
    expect(r.err).toContain("无法读取该文件（路径不存在）");
    expect(r.err).toContain("the file cannot be read (the path does not exist)");
    expect(r.err).not.toContain("ENOENT");
    expect(r.err.indexOf("ziping：")).toBeLessThan(r.err.indexOf("ziping: "));
  });

  it("refuses a file that is not JSON, and one that is not a layout", async () => {
    const notJson = layoutFile("坏.json", "{ziping: layout");
    const r = await run(["check", unknownWeight, "--layout", notJson, "--json"]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(notJson);
    expect(r.err).toContain("JSON");
    const stray = layoutFile("package.json", '{"name":"x"}');
    const s = await run(["check", unknownWeight, "--layout", stray]);
    expect(s.status).toBe(2);
    expect(s.err).toContain('"ziping": "layout"');
  });

  it("names every problem of an invalid layout, in both languages", async () => {
    const bad = layoutFile(
      "错.json",
      '{"ziping":"layout","version":1,"indicator":{"firstRow":0,"columns":{"weight":"7","bogus":"H"}}}',
    );
    const r = await run(["check", unknownWeight, "--layout", bad]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    const [zh, en] = r.err.split(/(?=ziping: )/);
    // Three problems: firstRow 0 is no row, "7" is no column letters, "bogus" is no role; each listed once a language.
    for (const part of [zh, en]) {
      expect(part.match(/^ {2}- /gm)).toHaveLength(3);
      expect(part).toContain("firstRow");
      expect(part).toContain("bogus");
      expect(part).toContain("columns.weight");
    }
    expect(zh).toContain(`无法使用版式文件 ${bad}`);
    expect(en).toContain(`cannot use the layout file ${bad}`);
  });

  it("reads a layout saved with a byte-order mark", async () => {
    const withBom = layoutFile("bom.json", '\uFEFF{"ziping":"layout","version":1}');
    const r = await run(["check", unknownWeight, "--layout", withBom, "--json"]);
    expect(r.status).not.toBe(2);
    expect(r.err).toBe("");
  });

  it("needs a value", async () => {
    const r = await run(["check", unknownWeight, "--layout"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("选项 --layout 需要一个值");
    expect(r.err).toContain("option --layout needs a value");
  });
});

describe("system errors in words", () => {
  it("--write into a path that is a file says so in both languages, without EEXIST / ENOTDIR", async () => {
    const dir = tempDir("ziping-write-");
    try {
      const blocker = path.join(dir, "已标注");
      fs.writeFileSync(blocker, "a file where the folder should go");
      const r = await run(["check", path.join(FIXTURES, "central-clean.xlsx"), "--write", blocker]);
      expect(r.status).toBe(2);
      expect(r.err).toContain("无法创建输出文件夹");
      expect(r.err).toMatch(/同名文件已存在|路径中有一段不是文件夹/);
      expect(r.err).not.toMatch(/EEXIST|ENOTDIR/);
    } finally {
      removeDir(dir);
    }
  });
});
