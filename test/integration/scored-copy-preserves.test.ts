/**
 * A scored copy loses nothing: a 自评表 beside a sheet 数据 with an image, a chart, list validations, print settings,
 * defined names and a custom XML part (test/helpers/xlsx-rich.ts), written through the CLI's write path. Every part
 * the write has no reason to touch comes out byte for byte; what it rewrites still holds what it held; the copy is
 * scored (a fixed point), opens in exceljs and prints in LibreOffice, and the source is untouched.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { checkWorkbook, type CheckDetail, type MapGrid } from "../../src/domain";
import { FIGURES_SHEET, FINDINGS_SHEET } from "../../src/domain/plan";
import { parseA1 } from "../../src/domain/grid";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { DEFAULT_LIMITS } from "../../src/gateways/xlsx/reader/limits";
import { ZipArchive } from "../../src/gateways/xlsx/reader/zip";
import { writeScoredCopy } from "../../src/gateways/xlsx/write";
import { convertToPdf, has } from "../helpers/libreoffice";
import {
  CHART_CONTENT_TYPE,
  CHART_PATH,
  CHART_REL_TYPE,
  CHART_SERIES_REF,
  CUSTOM_XML,
  CUSTOM_XML_PROPS_PATH,
  CUSTOM_XML_REL_TYPE,
  DATA_PRINT,
  DATA_SHEET,
  DATA_VALIDATION,
  DEFINED_NAMES,
  DRAWING_REL_TYPE,
  IMAGE_REL_TYPE,
  relationships,
  richWorkbook,
  sheetPartOf,
  TABLE_SHEET,
  TABLE_VALIDATION,
  tinyPng,
} from "../helpers/xlsx-rich";
import { openWorkbook, removeDir, sha256, tempDir } from "../helpers/xlsx-workbooks";

type Entries = Record<string, Uint8Array>;

/**
 * The cells the plan fills, by hand from RICH_TABLE (centralRows' layout: budget row 4, indicators rows 11–14,
 * 总分 row 15): 执行率 95 ÷ 100 = 95%; 执行得分 0.95 × 10 = 9.5; 培训人次 520 ≥ 500, 合格率 96% ≥ 95% and
 * 满意度 93% ≥ 90% all met, so full marks 25, 25 and 10; 服务覆盖面 keeps its typed 30 (qualitative, not written);
 * 总分 9.5 + 25 + 25 + 30 + 10 = 99.5, 等级 优 (≥ 90).
 */
const FILLED: Record<string, number> = { G4: 0.95, H4: 9.5, H11: 25, H12: 25, H14: 10, H15: 99.5 };
const TOTAL = 99.5;

/** Parts a scored copy may rewrite: what the write changes, and the package's indexes and bookkeeping. */
function mayRewrite(original: Entries): (entry: string) => boolean {
  const sheet = sheetPartOf(original, TABLE_SHEET);
  const sheetRels = sheet.replace(/([^/]+)$/, "_rels/$1.rels");
  const fixed = new Set([
    sheet,
    sheetRels,
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "docProps/core.xml",
    "docProps/app.xml",
    "xl/sharedStrings.xml",
    "xl/calcChain.xml",
  ]);
  return (entry) =>
    fixed.has(entry) || /^xl\/comments[^/]*\.xml$/.test(entry) || /^xl\/drawings\/vmlDrawing[^/]*\.vml$/.test(entry);
}

/** The zip's parts, without the folder entries some writers add. */
function partsOf(file: string): Entries {
  return Object.fromEntries(Object.entries(unzipSync(fs.readFileSync(file))).filter(([name]) => !name.endsWith("/")));
}

const text = (entries: Entries, part: string) => strFromU8(entries[part]);

function unescapeXml(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The workbook's defined names, each with the sheet it is scoped to (null: the workbook). */
function definedNames(entries: Entries): Array<{ name: string; scope: string | null; ref: string }> {
  const workbook = text(entries, "xl/workbook.xml");
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  return [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map(([, attrs, ref]) => {
    const local = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
    return {
      name: unescapeXml(/\bname="([^"]*)"/.exec(attrs)![1]),
      scope: local === undefined ? null : sheets[Number(local)],
      ref: unescapeXml(ref),
    };
  });
}

/** The content type the package declares for `part` (an Override, else the Default for its extension). */
function contentType(entries: Entries, part: string): string | undefined {
  const types = text(entries, "[Content_Types].xml");
  const override = [...types.matchAll(/<Override\b[^>]*>/g)]
    .map(([tag]) => tag)
    .find((tag) => tag.includes(`PartName="/${part}"`));
  if (override) return /ContentType="([^"]*)"/.exec(override)?.[1];
  const ext = part.slice(part.lastIndexOf(".") + 1);
  const fallback = [...types.matchAll(/<Default\b[^>]*>/g)]
    .map(([tag]) => tag)
    .find((tag) => new RegExp(`Extension="${ext}"`, "i").test(tag));
  return fallback && /ContentType="([^"]*)"/.exec(fallback)?.[1];
}

/** The drawing part of the 数据 sheet. */
function dataDrawing(entries: Entries): string | undefined {
  return relationships(entries, sheetPartOf(entries, DATA_SHEET)).find((r) => r.type === DRAWING_REL_TYPE)?.target;
}

const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 : a === b;

function cellValue(sheets: readonly MapGrid[], sheet: string, a1: string) {
  const { row, col } = parseA1(a1);
  return sheets.find((s) => s.name === sheet)?.cell(row, col)?.value;
}

let dir: string;
let src: string;
let dest: string;
let before: string;
let first: CheckDetail;
let original: Entries;
let copy: Entries;

beforeAll(async () => {
  dir = tempDir("ziping-preserves-");
  src = path.join(dir, "培训项目 自评表.xlsx");
  dest = path.join(dir, "out", "培训项目 自评表.checked.xlsx");
  fs.writeFileSync(src, await richWorkbook());
  before = sha256(src);
  first = checkWorkbook((await readWorkbookFile(src)).sheets);
  await writeScoredCopy(src, first.plan, dest);
  original = partsOf(src);
  copy = partsOf(dest);
});
afterAll(() => removeDir(dir));

describe("the rich workbook", () => {
  it("is read as a 自评表 whose blank computed cells the plan fills", () => {
    expect(first.sheet).toBe(TABLE_SHEET);
    expect(first.total.computed).toBeCloseTo(TOTAL, 9);
    expect(first.total.grade).toBe("优");
    const planned = Object.fromEntries(first.plan.values.map((v) => [`${v.sheet}!${v.cell}`, v.value]));
    expect(planned).toEqual(
      Object.fromEntries(Object.entries(FILLED).map(([a1, v]) => [`${TABLE_SHEET}!${a1}`, expect.closeTo(v, 9)])),
    );
  });

  it("holds every part the copy must keep", () => {
    expect(original[CHART_PATH]).toBeDefined();
    expect(dataDrawing(original)).toBeDefined();
    expect(definedNames(original)).toEqual(expect.arrayContaining(DEFINED_NAMES.map((n) => ({ ...n }))));
  });
});

describe("the scored copy of the rich workbook", () => {
  it("carries every part it does not rewrite over byte for byte, under the same name", () => {
    const rewritable = mayRewrite(original);
    const kept = Object.keys(original)
      .filter((entry) => !rewritable(entry))
      .sort();
    const missing = kept.filter((entry) => copy[entry] === undefined);
    const changed = kept.filter(
      (entry) => copy[entry] !== undefined && !Buffer.from(copy[entry]).equals(original[entry]),
    );
    expect({ missing, changed }).toEqual({ missing: [], changed: [] });
  });

  it("states every entry's CRC-32 right, rewritten or not (fflate checks none, so each is compared here)", () => {
    const bytes = fs.readFileSync(dest);
    const zip = new ZipArchive(bytes, DEFAULT_LIMITS);
    expect(zip.entries.length).toBeGreaterThan(10);
    for (const e of zip.entries) {
      let data = new Uint8Array(0);
      zip.read(e, (chunk) => (data = Buffer.concat([data, chunk])));
      expect({ part: e.name, crc: e.crc }).toEqual({ part: e.name, crc: zlib.crc32(data) >>> 0 });
    }
  });

  it("adds the 校验结果 and 计算结果 sheets after the officer's sheets", async () => {
    const names = (await openWorkbook(dest)).worksheets.map((ws) => ws.name);
    expect(names.slice(0, 3)).toEqual([TABLE_SHEET, DATA_SHEET, FINDINGS_SHEET]);
    expect(names).toContain(FIGURES_SHEET);
  });

  it("keeps the chart on 数据: its part, its frame on the drawing and its content type", () => {
    const drawing = dataDrawing(copy);
    expect(drawing).toBeDefined();
    const chartRels = relationships(copy, drawing!).filter((r) => r.type === CHART_REL_TYPE);
    expect(chartRels).toHaveLength(1);
    const [chart] = chartRels;
    expect(copy[chart.target] && text(copy, chart.target)).toBe(text(original, CHART_PATH));
    expect(text(copy, chart.target)).toContain(`<c:f>${CHART_SERIES_REF}</c:f>`);
    expect(text(copy, drawing!)).toMatch(new RegExp(`<c:chart\\b[^>]*\\br:id="${chart.id}"`));
    expect(contentType(copy, chart.target)).toBe(CHART_CONTENT_TYPE);
  });

  it("keeps the image on 数据, where it was anchored", async () => {
    const drawing = dataDrawing(copy);
    expect(drawing).toBeDefined();
    const images = relationships(copy, drawing!).filter((r) => r.type === IMAGE_REL_TYPE);
    expect(images.map((r) => copy[r.target] && Buffer.from(copy[r.target]).equals(tinyPng()))).toEqual([true]);
    const data = (await openWorkbook(dest)).getWorksheet(DATA_SHEET)!;
    // Anchored on D2:F6 (0-based: columns 3 to 6, rows 1 to 6).
    expect(
      data
        .getImages()
        .map(({ range }) => [range.tl.nativeCol, range.tl.nativeRow, range.br.nativeCol, range.br.nativeRow]),
    ).toEqual([[3, 1, 6, 6]]);
  });

  it("keeps both list validations", async () => {
    const wb = await openWorkbook(dest);
    for (const v of [DATA_VALIDATION, TABLE_VALIDATION])
      expect({ at: `${v.sheet}!${v.cell}`, rule: wb.getWorksheet(v.sheet)!.getCell(v.cell).dataValidation }).toEqual({
        at: `${v.sheet}!${v.cell}`,
        rule: expect.objectContaining({ type: "list", allowBlank: true, formulae: [v.formula] }),
      });
    expect(wb.getWorksheet(DATA_SHEET)!.getCell(DATA_VALIDATION.cell).value).toBe("已核实");
  });

  it("keeps the workbook-scoped and the sheet-scoped name, each in its scope", () => {
    expect(definedNames(copy)).toEqual(expect.arrayContaining(DEFINED_NAMES.map((n) => ({ ...n }))));
  });

  it("keeps 数据's print settings", async () => {
    const setup = (await openWorkbook(dest)).getWorksheet(DATA_SHEET)!.pageSetup;
    expect(setup).toMatchObject({
      orientation: DATA_PRINT.orientation,
      paperSize: DATA_PRINT.paperSize,
      margins: DATA_PRINT.margins,
      printArea: DATA_PRINT.printArea,
    });
  });

  it("keeps the custom XML part, related from the workbook, with its properties' content type", () => {
    const items = relationships(copy, "xl/workbook.xml").filter((r) => r.type === CUSTOM_XML_REL_TYPE);
    expect(items.map((r) => copy[r.target] && text(copy, r.target))).toEqual([CUSTOM_XML]);
    const props = relationships(copy, items[0].target).map((r) => r.target);
    expect(props.map((p) => copy[p] && text(copy, p))).toEqual([text(original, CUSTOM_XML_PROPS_PATH)]);
    expect(contentType(copy, props[0])).toBe(contentType(original, CUSTOM_XML_PROPS_PATH));
  });

  it("is scored: read back, the same total and nothing left to write", async () => {
    const { sheets } = await readWorkbookFile(dest);
    const again = checkWorkbook(sheets);
    expect(again.sheet).toBe(TABLE_SHEET);
    expect(again.total.computed).toBeCloseTo(TOTAL, 9);
    expect(again.total.grade).toBe("优");
    for (const [a1, v] of Object.entries(FILLED)) expect([a1, cellValue(sheets, TABLE_SHEET, a1)]).toEqual([a1, v]);
    const left = again.plan.values
      .filter((v) => !same(cellValue(sheets, v.sheet, v.cell), v.value))
      .map((v) => `${v.sheet}!${v.cell}: holds ${JSON.stringify(cellValue(sheets, v.sheet, v.cell))}, plan ${v.value}`);
    expect(left).toEqual([]);
  });

  it("opens in exceljs, as the rich workbook itself does", async () => {
    for (const file of [src, dest]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.getWorksheet(DATA_SHEET)!.getCell("A3").value).toBe(95);
    }
  });

  it("prints in LibreOffice, as the rich workbook itself does", () => {
    if (!has("soffice")) {
      console.warn("scored-copy-preserves: soffice missing, the copy is not printed");
      return;
    }
    const outdir = path.join(dir, "pdf");
    const run = convertToPdf(dir, outdir, [src, dest]);
    const pdfs = [src, dest].map((f) => path.join(outdir, path.basename(f).replace(/\.xlsx$/, ".pdf")));
    // soffice can exit 0 having written nothing: the PDFs themselves are the evidence.
    expect({
      status: run.status,
      error: run.error,
      printed: pdfs.map((pdf) => fs.existsSync(pdf) && fs.statSync(pdf).size > 0),
    }).toEqual({
      status: 0,
      error: undefined,
      printed: [true, true],
    });
  }, 300_000);

  it("leaves the source file byte for byte unchanged", () => {
    expect(sha256(src)).toBe(before);
  });
});
