/**
 * `ziping report` through the command's entry: the draft on stdout, the .docx and the workbook copy with the 自评报告
 * sheet, never over the input.
 */
import * as crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { reportMaterialTemplate } from "../../src/report/model";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");
const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["report", ...argv], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

const hash = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
let input: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-report-"));
  input = path.join(dir, "nansha-2023.xlsx");
  fs.copyFileSync(SAMPLE, input);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("ziping report", () => {
  it("prints the draft by default", async () => {
    const r = await run(input);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2023年度广州市南沙区人民政府办公室\n部门整体支出绩效自评报告\n");
    expect(r.stdout).toContain("全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%。");
    expect(r.stdout).toContain("自评分数为99分");
    expect(r.stderr).toBe("");
  });

  it("prints in English with --lang en-US, the figures unchanged", async () => {
    const r = await run(input, "--lang", "en-US");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3,378.30 wan yuan");
    expect(r.stdout).toContain("98.93%");
  });

  it("writes the .docx with --docx, leaving the workbook as it was", async () => {
    const before = hash(input);
    const out = path.join(dir, "sub", "报告.docx");
    const r = await run(input, "--docx", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    expect(r.stderr).toContain("部门主要职责");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file("word/document.xml")!.async("string")).toContain("完成预算的");
    expect(hash(input)).toBe(before);
    expect(fs.readdirSync(path.join(dir, "sub"))).toEqual(["报告.docx"]);
  });

  it("writes a copy with the 自评报告 and a blank 报告素材 sheet into a folder with --sheet", async () => {
    const before = hash(input);
    const out = path.join(dir, "out");
    const r = await run(input, "--sheet", out);
    expect(r.code).toBe(0);
    const copy = path.join(out, "nansha-2023.report.xlsx");
    expect(r.stdout).toContain(copy);
    expect(r.stdout).toContain("报告素材");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["部门整体支出绩效自评表", "自评报告", "报告素材"]);
    expect(wb.getWorksheet("自评报告")!.getCell("A1").value).toBe("2023年度广州市南沙区人民政府办公室");
    expect(wb.getWorksheet("报告素材")!.getCell("A2").value).toBe(reportMaterialTemplate("department").rows[0].item);
    expect(wb.getWorksheet("部门整体支出绩效自评表")!.getCell("E5").value).toBe(3378.3);
    expect(hash(input)).toBe(before);
  });

  it("takes the 报告素材 the officer filled: no placeholders, and no second 报告素材 sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const ws = wb.addWorksheet("报告素材");
    ws.addRow(["项目", "内容"]);
    for (const row of reportMaterialTemplate("department").rows) ws.addRow([row.item, `${row.item}：已填写。`]);
    const filled = path.join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);

    const text = await run(filled);
    expect(text.stdout).not.toContain("【待填写");
    expect(text.stdout).toContain("部门机构设置：已填写。");

    const out = path.join(dir, "copy.xlsx");
    const r = await run(filled, "--sheet", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(copy.worksheets.map((w) => w.name)).toEqual(["部门整体支出绩效自评表", "报告素材", "自评报告"]);
  });

  it("sends a missing 偏差原因 to its cell of the 自评表, not to 报告素材", async () => {
    const r = await run(path.join(FIXTURES, "reason-missing.xlsx"), "--docx", path.join(dir, "reason.docx"));
    expect(r.code).toBe(0);
    const lines = r.stderr.split("\n");
    const inTable = lines.find((l) => l.startsWith("自评表中尚有待填写内容"));
    expect(inTable).toMatch(/的偏差原因（自评表!I\d+）/);
    const material = lines.find((l) => l.startsWith("报告中尚有待填写内容")) ?? "";
    expect(material).not.toContain("偏差原因");
  });

  it("says on stderr that the table has errors, and still drafts", async () => {
    const r = await run(path.join(FIXTURES, "total-mismatch.xlsx"), "--docx", path.join(dir, "r.docx"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/自评表尚有 \d+ 处错误/);
  });

  it("refuses to write over the workbook, by path or through a link", async () => {
    const before = hash(input);
    for (const args of [
      ["--docx", input],
      ["--sheet", input],
    ]) {
      const r = await run(input, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("不会覆盖");
    }
    const link = path.join(dir, "link.docx");
    fs.symlinkSync(input, link);
    expect((await run(input, "--docx", link)).code).toBe(2);
    expect(hash(input)).toBe(before);
  });

  it.each([
    [["--bogus", "x.xlsx"], "未知选项"],
    [[], "请指定一个工作簿"],
    [["a.xlsx", "b.xlsx"], "请指定一个工作簿"],
    [["x.xlsx", "--docx"], "选项 --docx 需要一个值"],
    [["x.xlsx", "--lang", "fr"], "未知的语言 fr"],
    [["x.xlsx", "--profile", "nope"], "未知的评分口径"],
  ])("exits 2 on bad usage: %j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("exits 2 on a file it cannot read, saying why", async () => {
    const missing = await run(path.join(dir, "missing.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到文件");
    const bogus = path.join(dir, "bogus.xlsx");
    fs.writeFileSync(bogus, "not a workbook");
    const r = await run(bogus, "--lang", "en-US");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Not an .xlsx workbook");
  });

  it("prints help with --help", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ziping report <工作簿.xlsx>");
    expect(r.stdout).toContain("Usage: ziping report");
    // report's own options, the ones it shares with check, and the settings --set takes.
    for (const option of [
      "--docx <文件.docx>",
      "--sheet <",
      "--profile <配置>",
      "--set <名称=值>",
      "--layout <版式.json>",
    ])
      expect(r.stdout).toContain(option);
    expect(r.stdout).toMatch(/overCompletionRatio +超额完成须说明的倍数/);
    expect(r.stdout).toMatch(/ziping report +0 /);
    expect(r.stdout).not.toContain("--summary");
  });

  it("refuses a bad --set with check's words and report's usage, in both languages", async () => {
    const r = await run(input, "--set", "integerScores=maybe");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("评分设置 integerScores 的取值 “maybe” 无效");
    expect(r.stderr).toContain('the setting integerScores does not take "maybe"');
    expect(r.stderr).toContain("用法：ziping report <工作簿.xlsx>");
    expect(r.stderr).toContain("Run ziping report --help for usage.");
    for (const [set, words] of [
      ["integerScore=on", "没有名为 integerScore 的评分设置"],
      ["integerScores", "评分设置 integerScores 缺少取值"],
    ])
      expect((await run(input, "--set", set)).stderr).toContain(words);
  });

  it("says that check's options are check's", async () => {
    const r = await run(input, "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("选项 --json 属于 ziping check，ziping report 不接受");
  });

  it("scores with --set and --profile as check does: a cap by execution rate lowers the 总分", async () => {
    // exec-low-no-reason: 执行率 75%, 总分 96.75; scoreCapByExecution caps a 70–80% execution at 89 (良).
    const table = path.join(FIXTURES, "exec-low-no-reason.xlsx");
    expect((await run(table)).stdout).toContain("自评分数为96.75分");
    const capped = await run(table, "--set", "scoreCapByExecution=on");
    expect(capped.code).toBe(0);
    expect(capped.stdout).toContain("自评分数为89分");
    expect(capped.stdout).toContain("自评等级为“良”");
  });
});

describe("ziping report --layout", () => {
  it("applies a 版式.json as check does: a 分值 column headed 分数值 is read and the draft states its total", async () => {
    const { centralRows } = await import("../helpers/tables");
    const rows = centralRows();
    rows[9][6] = "分数值"; // G10, the indicator header's 分值
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    for (const row of rows) ws.addRow(row.map((v) => (v === undefined || v === "" ? null : v)));
    const book = path.join(dir, "分数值.xlsx");
    await wb.xlsx.writeFile(book);
    const layout = path.join(dir, "版式.json");
    fs.writeFileSync(layout, '{"ziping":"layout","version":1,"indicator":{"columns":{"weight":"G"}}}');

    const without = await run(book);
    expect(without.code).toBe(2);
    expect(without.stdout).toBe("");
    expect(without.stderr).toContain("未能识别绩效自评表，未生成报告草稿。未能识别绩效自评表：缺少“分值”");
    expect(without.stderr).toContain("no self-evaluation table was recognised, so no draft was made");
    const r = await run(book, "--layout", layout);
    expect(r.code).toBe(0);
    // By hand: 95 ÷ 100 = 95% → 9.50; indicators 25 + 25 + 30 + 10, all met; 9.50 + 90 = 99.50.
    expect(r.stdout).toContain("自评分数为99.50分（其中预算执行率得分9.50分）");
  });

  it("a bad layout file stops with a message in both languages and exit 2", async () => {
    const layout = path.join(dir, "bad.json");
    fs.writeFileSync(layout, "{not json");
    const r = await run(input, "--layout", layout);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不是有效的 JSON");
    expect(r.stderr).toContain("not valid JSON");
  });
});

describe("ziping report on a workbook with no 自评表", () => {
  it("makes no draft and no .docx, exits 2 and says why", async () => {
    const docx = path.join(dir, "草稿.docx");
    const r = await run(path.join(FIXTURES, "no-table.xlsx"), "--docx", docx);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("未能识别绩效自评表，未生成报告草稿");
    expect(fs.existsSync(docx)).toBe(false);
  });
});
