/**
 * Every sheet the command line writes prints on A4, one page wide, its header rows repeated: read back from the
 * files themselves, through exceljs and from the sheet XML (pageSetup, pageSetUpPr fitToPage, the
 * _xlnm.Print_Titles name). The orientation of each sheet is derived by hand from its columns in the comments.
 * The officer's own 自评表 keeps the page setup it came with.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main, type CliIo } from "../../src/cli/main";
import { openWorkbook, removeDir, tempDir } from "../helpers/xlsx-workbooks";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "examples", "nansha-2023.xlsx");
const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");

async function run(argv: string[]): Promise<number> {
  const io: CliIo = { stdout: { write: () => undefined }, stderr: { write: () => undefined, isTTY: false } };
  return main(argv, io);
}

/** The XML of each sheet of a file, by sheet name, and the workbook's defined names. */
async function sheetXml(file: string): Promise<{ sheets: Map<string, string>; names: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const part = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, "xl/");
    sheets.set(m[1], await zip.file(part)!.async("string"));
  }
  return { sheets, names: /<definedNames>[\s\S]*<\/definedNames>/.exec(workbook)?.[0] ?? "" };
}

let dir: string;
let scored: string;
let reportCopy: string;
let summary: string;

beforeAll(async () => {
  dir = tempDir("ziping-print-");
  const folder = path.join(dir, "收到");
  fs.mkdirSync(folder);
  for (const name of ["central-clean", "reason-missing", "sichuan-clean"])
    fs.copyFileSync(path.join(FIXTURES, `${name}.xlsx`), path.join(folder, `${name}.xlsx`));
  expect(await run(["check", SAMPLE, "--write", path.join(dir, "scored")])).toBe(0);
  scored = path.join(dir, "scored", fs.readdirSync(path.join(dir, "scored"))[0]);
  expect(await run(["report", SAMPLE, "--sheet", path.join(dir, "report")])).toBe(0);
  reportCopy = path.join(dir, "report", fs.readdirSync(path.join(dir, "report"))[0]);
  summary = path.join(dir, "汇总.xlsx");
  expect(await run(["check", folder, "--summary", summary])).toBe(1);
}, 120_000);

afterAll(() => removeDir(dir));

function expectA4OneWide(ws: ExcelJS.Worksheet, orientation: "portrait" | "landscape", titles?: string): void {
  expect({ sheet: ws.name, ...ws.pageSetup }).toMatchObject({
    sheet: ws.name,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  });
  if (titles) expect(ws.pageSetup.printTitlesRow).toBe(titles);
}

describe("the scored copy", () => {
  it("校验结果 prints landscape, one page wide, its header row on every page", async () => {
    const wb = await openWorkbook(scored);
    // 说明 and 计算过程 reach their 36 units on the sample (messages of more than 18 characters): with the other
    // seven columns of at least 6 units, 2 × 257 + 7 × 47 = 843 px = 223 mm, past the 184 mm of a portrait page.
    expectA4OneWide(wb.getWorksheet("校验结果")!, "landscape", "1:1");
    const { sheets, names } = await sheetXml(scored);
    const xml = sheets.get("校验结果")!;
    expect(xml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(names).toMatch(
      // The apostrophes that quote the sheet name, escaped or not (both are the same XML).
      /<definedName name="_xlnm.Print_Titles" localSheetId="\d+">(?:'|&apos;)校验结果(?:'|&apos;)!\$1:\$1<\/definedName>/,
    );
  });

  it("wraps every cell of 校验结果 and keeps every column between 5 and 36 units", async () => {
    const ws = (await openWorkbook(scored)).getWorksheet("校验结果")!;
    for (let c = 1; c <= 9; c++) {
      expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(5);
      expect(ws.getColumn(c).width).toBeLessThanOrEqual(36);
    }
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.alignment?.wrapText).toBe(true)));
  });

  it("leaves the officer's 自评表 page setup as it was", async () => {
    const [before, after] = await Promise.all([openWorkbook(SAMPLE), openWorkbook(scored)]);
    const table = before.worksheets[0].name;
    // What decides the printout; exceljs itself spells out firstPageNumber="1" on saving, which changes nothing.
    const printed = (ws: ExcelJS.Worksheet) => {
      const { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, scale, margins, printTitlesRow } =
        ws.pageSetup;
      return { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, scale, margins, printTitlesRow };
    };
    expect(printed(after.getWorksheet(table)!)).toEqual(printed(before.getWorksheet(table)!));
  });
});

describe("the report copy", () => {
  it("自评报告 prints as the 公文 page: A4 portrait, margins 37/35/28/26 mm, nothing repeated", async () => {
    const ws = (await openWorkbook(reportCopy)).getWorksheet("自评报告")!;
    expectA4OneWide(ws, "portrait");
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    const m = ws.pageSetup.margins!;
    // 37 mm = 1.457 in, 35 mm = 1.378 in, 28 mm = 1.102 in, 26 mm = 1.024 in.
    expect([m.top, m.bottom, m.left, m.right]).toEqual([1.457, 1.378, 1.102, 1.024]);
  });

  it("报告素材 prints A4 one page wide with its frozen header rows repeated", async () => {
    const ws = (await openWorkbook(reportCopy)).getWorksheet("报告素材")!;
    const frozen = (ws.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0;
    expect(frozen).toBeGreaterThan(0);
    expectA4OneWide(ws, ws.pageSetup.orientation === "landscape" ? "landscape" : "portrait", `1:${frozen}`);
  });
});

describe("the 汇总 workbook", () => {
  it("汇总 and 问题明细 print landscape, one page wide, header row repeated", async () => {
    const wb = await openWorkbook(summary);
    // 汇总: eleven columns of at least 8 units: 11 × 61 px = 671 px already; the file paths (over 40 units,
    // capped at 40) and 说明 take it past 695 px, the portrait page. 问题明细: 文件 and 说明 at 40 units each
    // (285 px) and four more of at least 8 (61 px): 814 px.
    expectA4OneWide(wb.getWorksheet("汇总")!, "landscape", "1:1");
    expectA4OneWide(wb.getWorksheet("问题明细")!, "landscape", "1:1");
    const { names } = await sheetXml(summary);
    expect(names).toContain("&apos;汇总&apos;!$1:$1");
    expect(names).toContain("&apos;问题明细&apos;!$1:$1");
  });

  it("wraps the long cells and caps columns at 40 units", async () => {
    const wb = await openWorkbook(summary);
    for (const ws of wb.worksheets)
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width).toBeLessThanOrEqual(40);
    const detail = wb.getWorksheet("问题明细")!;
    detail.eachRow((row, r) => {
      if (r > 1) expect(row.getCell(6).alignment?.wrapText).toBe(true);
    });
  });
});
