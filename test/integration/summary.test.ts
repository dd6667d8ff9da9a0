/**
 * `ziping check <folder> --summary 汇总.xlsx`: the reviewer's consolidated workbook, read back with exceljs.
 * A folder of golden workbooks and hostile files: every file has a row on 汇总 (unreadable ones with the
 * reason), worst first, formatted as a reviewer expects; 问题明细 lists every finding with its cell; the
 * summary never replaces a file being checked.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { main, type CliIo } from "../../src/cli/main";
import type { JsonReport } from "../../src/cli/format";
import { CATALOGUE } from "../../src/domain/catalogue";
import { SEVERITY_FILL } from "../../src/gateways/xlsx/write";
import {
  DETAIL_HEADER,
  FINDINGS_DETAIL_SHEET,
  SUMMARY_HEADER,
  SUMMARY_SHEET,
  UNREADABLE_FILL,
  summaryRows,
  type SummaryEntry,
} from "../../src/gateways/xlsx/summary";
import type { CheckResult, Finding, RuleId } from "../../src/domain/types";
import { encryptedXlsx, legacyXls, minimalDocx } from "../helpers/xlsx-hostile";
import { openWorkbook, removeDir, sha256, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");
const GOLDEN = [
  "central-clean",
  "sichuan-clean",
  "reason-missing",
  "total-mismatch",
  "weights-sum-city",
  "no-table",
  "template-text-left",
  "exec-over-budget",
];

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

let root: string;
let folder: string;
let summary: string;
let result: Run;
let json: JsonReport;
let wb: ExcelJS.Workbook;
let hashes: Map<string, string>;

function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  // Empty cells read back as holes: null, like the blanks they are.
  ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_, c) => row.getCell(c + 1).value ?? null)));
  return rows;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
}

beforeAll(async () => {
  root = tempDir("ziping-summary-");
  folder = path.join(root, "报送 材料");
  fs.mkdirSync(path.join(folder, "二级 单位"), { recursive: true });
  for (const name of GOLDEN) fs.copyFileSync(path.join(FIXTURES, `${name}.xlsx`), path.join(folder, `${name}.xlsx`));
  fs.copyFileSync(path.join(FIXTURES, "city-20-80-clean.xlsx"), path.join(folder, "二级 单位", "=SUM(A1).xlsx"));
  fs.writeFileSync(path.join(folder, "空.xlsx"), "");
  fs.writeFileSync(path.join(folder, "加密.xlsx"), encryptedXlsx());
  fs.writeFileSync(path.join(folder, "旧版.xls"), legacyXls());
  fs.writeFileSync(path.join(folder, "报告.xlsx"), minimalDocx());
  hashes = new Map(
    fs
      .readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.xlsx?$/.test(f))
      .map((f) => [f, sha256(path.join(folder, f))]),
  );

  summary = path.join(root, "审核 结果", "汇总.xlsx");
  result = await run(["check", folder, "--json", "--summary", summary]);
  json = JSON.parse(result.out) as JsonReport;
  wb = await openWorkbook(summary);
});

afterAll(() => removeDir(root));

describe("ziping check --summary", () => {
  it("writes the summary, keeps stdout one JSON document, and exits as without it", () => {
    expect(fs.existsSync(summary)).toBe(true);
    expect(result.err).toBe("");
    expect(result.status).toBe(2); // unreadable files
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([SUMMARY_SHEET, FINDINGS_DETAIL_SHEET]);
  });

  it("has one row per file, unreadable ones included, with the header first", () => {
    const rows = rowsOf(wb.getWorksheet(SUMMARY_SHEET)!);
    expect(rows[0]).toEqual([...SUMMARY_HEADER]);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(json.files.map((f) => f.file).sort());
  });

  it("sorts worst first: unreadable, then most errors, then lowest computed total", () => {
    const rows = rowsOf(wb.getWorksheet(SUMMARY_SHEET)!).slice(1);
    const unreadable = json.files.filter((f) => !f.ok).length;
    expect(rows.slice(0, unreadable).every((r) => r[9] === "否" && typeof r[10] === "string" && r[10] !== "")).toBe(
      true,
    );
    const read = rows.slice(unreadable);
    for (let i = 1; i < read.length; i++) {
      const [a, b] = [read[i - 1], read[i]];
      const errorsA = a[7] as number;
      const errorsB = b[7] as number;
      expect(errorsA).toBeGreaterThanOrEqual(errorsB);
      if (errorsA === errorsB)
        expect((a[4] as number | null) ?? -Infinity).toBeLessThanOrEqual((b[4] as number | null) ?? -Infinity);
    }
  });

  it("states each readable file's unit, project, figures and counts as the check found them", () => {
    const rows = new Map(
      rowsOf(wb.getWorksheet(SUMMARY_SHEET)!)
        .slice(1)
        .map((r) => [r[0] as string, r]),
    );
    for (const f of json.files.filter((x) => x.ok)) {
      const row = rows.get(f.file)!;
      const errors = f.findings.filter((x) => x.severity === "error").length;
      const warnings = f.findings.filter((x) => x.severity === "warning").length;
      expect(row.slice(3, 10)).toEqual([
        f.budget.rate ?? null,
        f.total.computed === null ? null : Math.round(f.total.computed * 100) / 100,
        f.total.reported === null ? null : Math.round(f.total.reported * 100) / 100,
        // A provisional total's grade says so; an impossible one has none.
        f.total.grade
          ? f.total.provisional
            ? `${f.total.grade}（暂定）`
            : f.total.grade
          : f.total.provisional && f.total.computed !== null
            ? "不评定"
            : "",
        errors,
        warnings,
        errors === 0 ? "是" : "否",
      ]);
    }
    const clean = rows.get(path.join(folder, "central-clean.xlsx"))!;
    expect(clean.slice(0, 10)).toEqual([
      path.join(folder, "central-clean.xlsx"),
      "示例区交通运输局",
      "2023年农村公路日常养护项目",
      0.95,
      94.12,
      94.12,
      "优",
      0,
      0,
      "是",
    ]);
  });

  it("gives each unreadable file the reader's reason", () => {
    const rows = new Map(
      rowsOf(wb.getWorksheet(SUMMARY_SHEET)!)
        .slice(1)
        .map((r) => [path.basename(r[0] as string), r]),
    );
    expect(rows.get("空.xlsx")![10]).toMatch(/0 字节/);
    expect(rows.get("加密.xlsx")![10]).toMatch(/加密/);
    expect(rows.get("旧版.xls")![10]).toMatch(/97-2003/);
    expect(rows.get("报告.xlsx")![10]).toMatch(/Word/);
    for (const name of ["空.xlsx", "加密.xlsx", "旧版.xls", "报告.xlsx"])
      expect(rows.get(name)!.slice(7, 10)).toEqual([null, null, "否"]);
  });

  it("keeps a file named like a formula as text", () => {
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    const named = path.join(folder, "二级 单位", "=SUM(A1).xlsx");
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === named) {
        found = true;
        expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
      }
    });
    expect(found).toBe(true);
  });

  it("is formatted for a reviewer: frozen header, filter over every row, widths, number formats, fills", () => {
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:K${json.files.length + 1}`);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    for (let c = 1; c <= SUMMARY_HEADER.length; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(8);
    expect(ws.getColumn(11).width).toBeLessThanOrEqual(60);
    ws.eachRow((row, r) => {
      if (r === 1) return;
      expect(row.getCell(4).numFmt).toBe("0.00%");
      // A provisional total says so in its cell (provisional.test.tsx has the figures).
      const file = json.files.find((f) => f.file === row.getCell(1).value);
      const provisional = !!(file?.ok && file.total.provisional && file.total.computed !== null);
      expect(row.getCell(5).numFmt).toBe(provisional ? '0.00"（暂定）"' : "0.00");
      expect(row.getCell(6).numFmt).toBe("0.00");
      expect(row.getCell(8).numFmt).toBe("0");
      expect(row.getCell(9).numFmt).toBe("0");
      const readable = row.getCell(8).value !== null;
      const errors = Number(row.getCell(8).value ?? 0);
      const expected = !readable ? UNREADABLE_FILL : errors > 0 ? SEVERITY_FILL.error : undefined;
      for (let c = 1; c <= SUMMARY_HEADER.length; c++)
        expect({ r, c, fill: fillOf(row.getCell(c)) }).toEqual({ r, c, fill: expected });
    });
  });

  it("lists every finding of every file on 问题明细, with its sheet and cell, in the 汇总 order", () => {
    const ws = wb.getWorksheet(FINDINGS_DETAIL_SHEET)!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual([...DETAIL_HEADER]);
    const listed = rows
      .slice(1)
      .map((r) => `${r[0]}|${r[1]}!${r[2]}|${String(r[4])}`)
      .sort();
    // The rule as a reviewer names it: its title, without the internal id.
    const expected = json.files
      .flatMap((f) =>
        f.findings.map((x) => `${f.file}|${x.sheet}!${x.cell}|${CATALOGUE[x.rule as RuleId].title["zh-CN"]}`),
      )
      .sort();
    expect(listed).toEqual(expected);
    for (const r of rows.slice(1)) expect(r[2]).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
    const order = rowsOf(wb.getWorksheet(SUMMARY_SHEET)!)
      .slice(1)
      .map((r) => r[0]);
    const fileOrder = rows.slice(1).map((r) => order.indexOf(r[0]));
    expect(fileOrder).toEqual([...fileOrder].sort((a, b) => a - b));
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:F${rows.length}`);
    ws.eachRow((row, r) => {
      if (r > 1)
        expect(fillOf(row.getCell(4))).toBe(
          SEVERITY_FILL[
            row.getCell(4).value === "错误" ? "error" : row.getCell(4).value === "警告" ? "warning" : "info"
          ],
        );
    });
  });

  it("modifies no input file", () => {
    for (const [name, hash] of hashes) expect({ name, hash: sha256(path.join(folder, name)) }).toEqual({ name, hash });
  });
});

describe("ziping check --summary: what it refuses", () => {
  it("refuses a summary over a file being checked, before checking, and leaves the file alone", async () => {
    const input = path.join(folder, "central-clean.xlsx");
    const before = sha256(input);
    for (const spelled of [input, path.join(folder, ".", "central-clean.xlsx")]) {
      const r = await run(["check", folder, "--summary", spelled]);
      expect(r.status).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toContain("拒绝写出汇总表");
      expect(sha256(input)).toBe(before);
    }
  });

  it("refuses a summary over a hard link to an input", async () => {
    const input = path.join(folder, "reason-missing.xlsx");
    const link = path.join(root, "链接.xlsx");
    fs.linkSync(input, link);
    const before = sha256(input);
    const r = await run(["check", input, "--summary", link, "--lang", "en-US"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("Refused to write the summary");
    expect(sha256(input)).toBe(before);
  });

  it("refuses a summary that is not .xlsx as bad usage", async () => {
    const r = await run(["check", folder, "--summary", path.join(root, "汇总.csv")]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("汇总表须为 .xlsx 文件");
    expect(r.err).toContain("the summary must be an .xlsx file");
  });

  it("says so when the summary cannot be written, after reporting the files", async () => {
    const blocker = path.join(root, "挡路");
    fs.writeFileSync(blocker, "a file, not a folder");
    const r = await run([
      "check",
      path.join(folder, "central-clean.xlsx"),
      "--summary",
      path.join(blocker, "汇总.xlsx"),
    ]);
    expect(r.status).toBe(2);
    expect(r.out).toContain("central-clean.xlsx");
    expect(r.err).toContain("未写出汇总表");
  });

  it("names the summary in the human output and speaks the chosen language in it", async () => {
    const dest = path.join(root, "en", "summary.xlsx");
    const r = await run([
      "check",
      path.join(folder, "空.xlsx"),
      path.join(folder, "reason-missing.xlsx"),
      "--summary",
      dest,
      "--lang",
      "en-US",
    ]);
    expect(r.out).toContain(`Summary workbook written: ${dest}`);
    const rows = rowsOf((await openWorkbook(dest)).getWorksheet(SUMMARY_SHEET)!);
    expect(rows[1][10]).toMatch(/^The file is empty/);
    const detail = rowsOf((await openWorkbook(dest)).getWorksheet(FINDINGS_DETAIL_SHEET)!);
    expect(detail[1][3]).toBe("Error");
  });
});

describe("--summary on the command line", () => {
  it("is parsed with a space or '=', and documented in both languages", async () => {
    expect(parseArgs(["check", "材料", "--summary", "汇总.xlsx"])).toMatchObject({
      kind: "check",
      summary: "汇总.xlsx",
    });
    expect(parseArgs(["check", "材料", "--summary=审核 结果/汇总.XLSX"])).toMatchObject({
      kind: "check",
      summary: "审核 结果/汇总.XLSX",
    });
    expect(parseArgs(["check", "材料"])).toMatchObject({ kind: "check", summary: undefined });
    expect(parseArgs(["check", "材料", "--summary"])).toMatchObject({ kind: "usage-error", reason: "missingValue" });
    const help = (await run(["--help"])).out;
    expect(help).toContain("--summary <文件.xlsx>  写出审核汇总表");
    expect(help).toContain("--summary <file.xlsx>  write the reviewer's summary workbook");
  });
});

describe("summaryRows", () => {
  const finding = (severity: Finding["severity"]): Finding => ({
    rule: "reason-missing",
    severity,
    sheet: "自评表",
    cell: "I14",
    message: { "zh-CN": "x", "en-US": "x" },
  });
  const result = (computed: number | null, ...severities: Finding["severity"][]): CheckResult => ({
    profile: "central-2020",
    budget: { planned: 100, executed: 95, rate: 0.95, score: 9.5 },
    total: { computed, reported: computed, grade: null, provisional: null },
    findings: severities.map(finding),
    figures: [],
    plan: { values: [], marks: [], findingsSheet: { name: "校验结果", header: [], rows: [] } },
  });

  it("orders unreadable, then most errors, then lowest total (none lowest), then by file; warnings do not count", () => {
    const entries: SummaryEntry[] = [
      { file: "a 好.xlsx", result: result(95) },
      { file: "b 两错.xlsx", result: result(99, "error", "error") },
      { file: "c 坏.xlsx", readError: "损坏" },
      { file: "d 一错低分.xlsx", result: result(60, "error", "warning") },
      { file: "e 一错高分.xlsx", result: result(90, "error") },
      { file: "f 一错无分.xlsx", result: result(null, "error") },
      { file: "g 警告.xlsx", result: result(95, "warning", "warning") },
      { file: "0 也坏.xlsx", readError: "加密" },
    ];
    expect(summaryRows(entries).map((r) => r.file)).toEqual([
      "0 也坏.xlsx",
      "c 坏.xlsx",
      "b 两错.xlsx",
      "f 一错无分.xlsx",
      "d 一错低分.xlsx",
      "e 一错高分.xlsx",
      "a 好.xlsx",
      "g 警告.xlsx",
    ]);
    const byFile = new Map(summaryRows(entries).map((r) => [r.file, r]));
    expect(byFile.get("g 警告.xlsx")).toMatchObject({ acceptable: true, errors: 0, warnings: 2 });
    expect(byFile.get("c 坏.xlsx")).toMatchObject({ acceptable: false, readable: false, remark: "损坏" });
  });
});
