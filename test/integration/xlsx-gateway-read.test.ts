import * as fs from "fs";
import * as path from "path";
import { isCellError, type MapGrid } from "../../src/domain/grid";
import { readWorkbookFile, WorkbookReadError, type WorkbookReadErrorCode } from "../../src/gateways/xlsx/read";
import {
  encryptedXlsx,
  legacyDoc,
  legacyXls,
  minimalDocx,
  minimalPptx,
  minimalXlsb,
  storedZip,
} from "../helpers/xlsx-hostile";
import { AWKWARD_SHEET, removeDir, tempDir, writeKitchenSink, writeWorkbook } from "../helpers/xlsx-workbooks";

let dir: string;
let sheets: MapGrid[];

beforeAll(async () => {
  dir = tempDir("ziping-read-");
  const file = path.join(dir, "kitchen.xlsx");
  await writeKitchenSink(file);
  ({ sheets } = await readWorkbookFile(file));
});

afterAll(() => removeDir(dir));

const at = (a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheets[0].cell(Number(m[2]), col);
};

describe("readWorkbookFile: cells", () => {
  it("keeps sheets in workbook order with their names, including one that needs quoting", () => {
    expect(sheets.map((s) => s.name)).toEqual([AWKWARD_SHEET, "封面"]);
  });

  it("reads text, numbers, booleans and dates", () => {
    expect(at("A1")).toEqual({ value: "项目名称" });
    expect(at("B1")).toEqual({ value: 12.5 });
    expect(at("K1")).toEqual({ value: true });
    const date = at("J1")!.value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe("2023-12-31T00:00:00.000Z");
  });

  it("gives formula cells their cached result and their formula without '='", () => {
    expect(at("C1")).toEqual({ value: 25, formula: "B1*2" });
    // L1 holds no cached result: computed from its formula as Excel would on opening (B1 12.5 + 1), and listed.
    expect(at("L1")).toEqual({ value: 13.5, formula: "B1+1" });
    expect(sheets[0].calculated).toEqual(["L1"]);
    expect(sheets[0].uncalculated).toBeUndefined();
  });

  it("translates shared-formula clones to their own formula", () => {
    expect(at("C2")).toEqual({ value: 40, formula: "B2*2" });
    expect(at("C3")).toEqual({ value: 60, formula: "B3*2" });
  });

  it("flattens rich text and hyperlinks to their text", () => {
    expect(at("D1")!.value).toBe("部门整体");
    expect(at("H1")!.value).toBe("财政局");
  });

  it("keeps error values as data, plain or as a formula's result", () => {
    expect(at("E1")!.value).toEqual({ error: "#DIV/0!" });
    expect(isCellError(at("E1")!.value)).toBe(true);
    expect(at("F1")).toEqual({ value: { error: "#DIV/0!" }, formula: "1/0" });
  });

  it("keeps text that looks like a formula as text", () => {
    expect(at("I1")).toEqual({ value: "=SUM(A1)" });
  });

  it("reads number formats", () => {
    expect(at("G1")).toEqual({ value: 0.9893, numFmt: "0.00%" });
  });

  it("reads merges and skips the covered cells and empty strings", () => {
    expect(sheets[0].merges).toEqual([{ top: 5, left: 1, bottom: 6, right: 3 }]);
    expect(at("A5")!.value).toBe("合并");
    expect(at("B5")).toBeUndefined();
    expect(at("C6")).toBeUndefined();
    expect(at("M1")).toBeUndefined();
  });

  it("reports the used extent", () => {
    expect(sheets[0].rowCount).toBe(5);
    expect(sheets[0].colCount).toBe(12);
  });

  it("reports sheet protection", () => {
    expect(sheets[0].protected).toBe(false);
    expect(sheets[1].protected).toBe(true);
  });

  it("reads a file whose path has Chinese characters and spaces", async () => {
    const sub = path.join(dir, "南沙 区", "2023 年");
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, "绩效 自评表.xlsx");
    await writeWorkbook(file, { 自评表: { A1: "项目名称", B1: 3378.3 } });
    const { sheets: read } = await readWorkbookFile(file);
    expect(read[0].cell(1, 2)).toEqual({ value: 3378.3 });
  });
});

describe("readWorkbookFile: files that are not a readable .xlsx", () => {
  const cases: Array<[string, string, (file: string) => void | Promise<void>, WorkbookReadErrorCode, RegExp]> = [
    ["a 0-byte file", "空.xlsx", (f) => fs.writeFileSync(f, ""), "empty-file", /0 字节/],
    [
      "a truncated workbook",
      "半个.xlsx",
      async (f) => {
        await writeKitchenSink(f);
        const bytes = fs.readFileSync(f);
        fs.writeFileSync(f, bytes.subarray(0, bytes.length >> 1));
      },
      "corrupt",
      /损坏或不完整/,
    ],
    ["a Word document renamed .xlsx", "报告.xlsx", (f) => fs.writeFileSync(f, minimalDocx()), "not-excel", /Word/],
    ["a .docx", "报告.docx", (f) => fs.writeFileSync(f, minimalDocx()), "not-excel", /Word/],
    ["a PowerPoint file", "汇报.pptx", (f) => fs.writeFileSync(f, minimalPptx()), "not-excel", /PowerPoint/],
    ["an .xlsb", "表.xlsb", (f) => fs.writeFileSync(f, minimalXlsb()), "xlsb", /xlsb/],
    ["an encrypted .xlsx", "加密.xlsx", (f) => fs.writeFileSync(f, encryptedXlsx()), "encrypted", /加密/],
    ["an old .xls", "旧表.xls", (f) => fs.writeFileSync(f, legacyXls()), "legacy-xls", /97-2003/],
    ["an old .xls renamed .xlsx", "旧表.xlsx", (f) => fs.writeFileSync(f, legacyXls()), "legacy-xls", /另存为 \.xlsx/],
    ["an old Word .doc renamed", "报告.xls", (f) => fs.writeFileSync(f, legacyDoc()), "not-excel", /Word/],
    [
      "a text file renamed .xlsx",
      "文本.xlsx",
      (f) => fs.writeFileSync(f, "项目,预算\n办公,90\n"),
      "not-xlsx",
      /不是 \.xlsx/,
    ],
    [
      "an HTML export named .xls",
      "导出.xls",
      (f) => fs.writeFileSync(f, "<html><table></table></html>"),
      "not-xlsx",
      /另存为/,
    ],
    [
      "a zip with junk inside",
      "压缩包.xlsx",
      (f) => fs.writeFileSync(f, storedZip({ "readme.txt": "hello" })),
      "not-xlsx",
      /不是 \.xlsx/,
    ],
    [
      "a zip that is not a zip past its header",
      "坏.xlsx",
      (f) => fs.writeFileSync(f, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)])),
      "corrupt",
      /损坏/,
    ],
    ["a missing file", "没有 这个.xlsx", () => undefined, "not-found", /找不到文件/],
    ["a folder", "文件夹.xlsx", (f) => fs.mkdirSync(f), "not-a-file", /不是文件/],
  ];

  it.each(cases)("%s (%s)", async (_label, name, make, code, zh) => {
    const file = path.join(dir, "hostile 文件", name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await make(file);
    const error = await readWorkbookFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookReadError);
    const e = error as WorkbookReadError;
    expect(e.code).toBe(code);
    expect(e.file).toBe(file);
    expect(e.localized["zh-CN"]).toMatch(zh);
    expect(e.localized["zh-CN"]).toContain(file);
    expect(e.localized["en-US"]).toContain(file);
    expect(e.message).toBe(e.localized["zh-CN"]);
  });

  it("says the encrypted workbook needs to be saved without a password", async () => {
    const file = path.join(dir, "加密 2.xlsx");
    fs.writeFileSync(file, encryptedXlsx());
    await expect(readWorkbookFile(file)).rejects.toMatchObject({
      code: "encrypted",
      localized: {
        "zh-CN": `文件已加密（设置了打开密码），请另存为不加密的 .xlsx 后再检查：${file}`,
        "en-US": expect.stringMatching(/without a password/),
      },
    });
  });

  it("reports a workbook without worksheets", async () => {
    const file = path.join(dir, "无表.xlsx");
    const ExcelJS = (await import("exceljs")).default;
    await new ExcelJS.Workbook().xlsx.writeFile(file);
    await expect(readWorkbookFile(file)).rejects.toMatchObject({ code: "no-worksheets" });
  });
});
