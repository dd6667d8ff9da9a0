/**
 * The check path's reader (src/gateways/xlsx/reader) on workbooks written part by part: what each SpreadsheetML
 * construct becomes in the grid, which sheets are read only in part, and each bound refusing its hostile file.
 */
import { strToU8, zipSync } from "fflate";
import { tableChoice } from "../../src/domain";
import { readWorkbookBytes, WorkbookFormatError, type WorkbookReadOptions } from "../../src/gateways/xlsx/reader";
import { countValues } from "../../src/gateways/xlsx/reader/sheet";
import { isDateFormat, moveFormula, serialToDate } from "../../src/gateways/xlsx/reader/values";
import { nativeInflate } from "../../src/gateways/xlsx/read";
import { storedZip } from "../helpers/xlsx-hostile";

const SHEET_NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
import { rowsXml, workbookEntries, xlsxBytes, type WorkbookParts } from "../helpers/xlsx-parts";

function read(wb: WorkbookParts, options: WorkbookReadOptions = {}) {
  const contents = readWorkbookBytes(xlsxBytes(wb), options);
  if (!contents) throw new Error("no workbook");
  return contents;
}

function refusal(run: () => unknown): WorkbookFormatError {
  try {
    run();
  } catch (e) {
    if (e instanceof WorkbookFormatError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("cells", () => {
  const wb: WorkbookParts = {
    sheets: [
      {
        name: "表",
        xml:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="b"><v>1</v></c>' +
          '<c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="inlineStr"><is><r><t>全年</t></r><r><t>预算</t></r></is></c></row>' +
          '<row r="2"><c r="A2" s="1"><v>0.9893</v></c><c r="B2" s="2"><v>45306</v></c><c r="C2" t="d"><v>2024-01-15</v></c>' +
          '<c r="D2" s="3"><v>3378.3</v></c><c r="E2" t="s"><v>2</v></c><c r="F2" s="1"/></row>',
      },
    ],
    sharedStrings:
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      "<si><t>执行率</t></si>" +
      // Phonetic guides (rPh) are not part of the cell's text.
      '<si><r><t>偏差</t></r><r><t>原因</t></r><rPh sb="0" eb="2"><t>ぴんいん</t></rPh></si>' +
      "<si><t>第一行_x000D_\n第二行</t></si></sst>",
    styles: { xfs: [0, 10, 14, 200], formats: { 200: '#,##0.00"万元"' } },
  };
  const grid = read(wb).sheets[0];

  it("reads shared strings, rich runs without the phonetic guide, booleans, errors and inline rich text", () => {
    expect(grid.cell(1, 1)).toEqual({ value: "执行率" });
    expect(grid.cell(1, 2)).toEqual({ value: "偏差原因" });
    expect(grid.cell(1, 3)).toEqual({ value: true });
    expect(grid.cell(1, 4)).toEqual({ value: { error: "#DIV/0!" } });
    expect(grid.cell(1, 5)).toEqual({ value: "全年预算" });
  });

  it("keeps number formats: built-in 0.00% (id 10), custom 万元, and a serial under mm-dd-yy is a date", () => {
    expect(grid.cell(2, 1)).toEqual({ value: 0.9893, numFmt: "0.00%" });
    // 45306 days after 1899-12-30 is 2024-01-15.
    expect(grid.cell(2, 2)).toEqual({ value: new Date(Date.UTC(2024, 0, 15)), numFmt: "mm-dd-yy" });
    expect(grid.cell(2, 3)).toEqual({ value: new Date(Date.UTC(2024, 0, 15)) });
    expect(grid.cell(2, 4)).toEqual({ value: 3378.3, numFmt: '#,##0.00"万元"' });
  });

  it("turns _xHHHH_ escapes back into characters and leaves a styled empty cell out", () => {
    expect(grid.cell(2, 5)?.value).toBe("第一行\r\n第二行");
    expect(grid.cell(2, 6)).toBeUndefined();
    expect([grid.rowCount, grid.colCount]).toEqual([2, 5]);
  });

  it("reads cells and rows that carry no address, and elements under a namespace prefix", () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      "<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>" +
      '<x:row><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData>' +
      '<x:sheetProtection x:sheet="1"/><x:mergeCells><x:mergeCell ref="A3:B4"/></x:mergeCells></x:worksheet>';
    const g = read({ sheets: [{ name: "S", xml }] }).sheets[0];
    expect([g.cell(1, 1)?.value, g.cell(1, 2)?.value, g.cell(2, 3)?.value, g.cell(2, 4)?.value]).toEqual([1, 2, 3, 4]);
    expect(g.protected).toBe(true);
    expect(g.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 2 }]);
  });

  it("reads a part saved as UTF-16 (with its byte-order mark) and one with a UTF-8 byte-order mark", () => {
    const sheet = (rows: string) =>
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(sheet(rowsXml([["预算执行率", 0.95]])), "utf16le"),
    ]);
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sheet(rowsXml([["绩效目标"]])), "utf8")]);
    const contents = read({
      sheets: [
        { name: "甲", xml: "" },
        { name: "乙", xml: "" },
      ],
      parts: { "xl/worksheets/sheet1.xml": utf16, "xl/worksheets/sheet2.xml": bom8 },
    });
    expect([contents.sheets[0].cell(1, 1)?.value, contents.sheets[0].cell(1, 2)?.value]).toEqual(["预算执行率", 0.95]);
    expect(contents.sheets[1].cell(1, 1)?.value).toBe("绩效目标");
  });

  it("gives each clone of a shared formula its master's formula moved to the clone", () => {
    const xml =
      '<row r="2"><c r="D2"><f t="shared" ref="D2:D4" si="0">B2/C2</f><v>0.5</v></c></row>' +
      '<row r="3"><c r="D3"><f t="shared" si="0"/><v>0.25</v></c></row>' +
      '<row r="4"><c r="D4"><f t="shared" si="0"/></c></row>';
    const g = read({ sheets: [{ name: "S", xml }] }).sheets[0];
    expect(g.cell(2, 4)).toEqual({ value: 0.5, formula: "B2/C2" });
    const text = read({
      sheets: [{ name: "S", xml: '<row r="1"><c r="A1" t="str"><f>B1&amp;"年"</f><v>2023年</v></c></row>' }],
    });
    expect(text.sheets[0].cell(1, 1)).toEqual({ value: "2023年", formula: 'B1&"年"' });
    expect(g.cell(3, 4)).toEqual({ value: 0.25, formula: "B3/C3" });
    expect(g.cell(4, 4)).toEqual({ value: null, formula: "B4/C4" });
  });

  it("reads sheet visibility, fullCalcOnLoad zeros as missing results, and the 1904 date system", () => {
    const contents = read({
      sheets: [
        { name: "可见", xml: '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1"><f>SUM(C1:C2)</f><v>0</v></c></row>' },
        { name: "隐藏", xml: "", state: "hidden" },
        { name: "深度隐藏", xml: "", state: "veryHidden" },
      ],
      styles: { xfs: [0, 14] },
      workbookPr: '<workbookPr date1904="1"/>',
      calcPr: '<calcPr fullCalcOnLoad="1"/>',
    });
    expect(contents.sheets.map((g) => g.hidden)).toEqual([false, true, true]);
    // Serial 0 in the 1904 system is 1904-01-01.
    expect(contents.sheets[0].cell(1, 1)?.value).toEqual(new Date(Date.UTC(1904, 0, 1)));
    expect(contents.missing.get(contents.sheets[0])).toEqual([{ row: 1, col: 2 }]);
  });
});

describe("a data sheet beside the table", () => {
  const data = Array.from({ length: 1000 }, (_, i) => [`行${i + 1}`, i + 1]);
  const wb: WorkbookParts = {
    sheets: [
      {
        name: "数据",
        xml: rowsXml(data),
        after: '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A999:B1000"/></mergeCells>',
      },
      { name: "自评表", xml: rowsXml([["项目名称", "南沙"]]) },
    ],
  };

  it("reads only the first 300 rows of a sheet not chosen, with every merged area", () => {
    const contents = read(wb, { choose: () => "自评表" });
    const [sampled, table] = contents.sheets;
    expect(contents.sampled).toEqual(["数据"]);
    expect(sampled.rowCount).toBe(300);
    expect(sampled.cell(300, 2)?.value).toBe(300);
    expect(sampled.cell(301, 1)).toBeUndefined();
    expect(sampled.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 999, left: 1, bottom: 1000, right: 2 },
    ]);
    expect(table.cell(1, 2)?.value).toBe("南沙");
  });

  // The merged areas of a sheet read only in part are found without decoding its cells, wherever they lie.
  it("finds a sampled sheet's merges when “mergeCell” is cut between two pieces, and in a UTF-16 sheet", () => {
    // A stored zip is read in pieces of 1 MiB (ZipArchive): pad the sheet so that the first "mergeCell" straddles it.
    const merges = '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A999:B1000"/></mergeCells>';
    const rows = rowsXml(data);
    const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}><sheetData>${rows}</sheetData>`;
    const at = 1024 * 1024 - 4; // "<mergeCells" … its "mergeCell" starting 1 byte after "<", 4 bytes before the cut
    const pad = at - Buffer.byteLength(head) - "<!---->".length - 1;
    const xml = `${head}<!--${"x".repeat(pad)}-->${merges}</worksheet>`;
    expect(Buffer.from(xml).indexOf("mergeCell")).toBe(1024 * 1024 - 4);
    const entries = workbookEntries({ sheets: [{ name: "数据", xml }, wb.sheets[1]] });
    const stored = storedZip(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)])));
    const cut = readWorkbookBytes(stored, { choose: () => "自评表" })!;
    expect(cut.sampled).toEqual(["数据"]);
    expect(cut.sheets[0].merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 999, left: 1, bottom: 1000, right: 2 },
    ]);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${head}${merges}</worksheet>`, "utf16le")]);
    const wide = read(
      { sheets: [{ name: "数据", xml: "" }, wb.sheets[1]], parts: { "xl/worksheets/sheet1.xml": utf16 } },
      { choose: () => "自评表" },
    );
    expect(wide.sampled).toEqual(["数据"]);
    expect(wide.sheets[0].merges).toHaveLength(2);
  });

  // Merged areas follow a sheet's cells: reading them means inflating all of it. A sheet whose first rows name no
  // role of any block (mayHoldTable false) cannot hold the table, so its merges are left unread; one that might has them.
  it("leaves a sampled sheet's merges unread when its first rows cannot hold the table, and reads them when they can", () => {
    const asked: string[] = [];
    const skipped = read(wb, {
      choose: () => "自评表",
      mayHoldTable: (g) => {
        asked.push(`${g.name} ${g.rowCount}`);
        return false;
      },
    });
    // Asked once, of the sampled sheet only, before its merges: the table sheet is whole and never asked about.
    expect(asked).toEqual(["数据 300"]);
    expect(skipped.sheets[0].merges).toEqual([]);
    expect(skipped.sheets[0].cell(300, 2)?.value).toBe(300);
    expect(skipped.sheets[1].cell(1, 2)?.value).toBe("南沙");
    const kept = read(wb, { choose: () => "自评表", mayHoldTable: () => true });
    expect(kept.sheets[0].merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 999, left: 1, bottom: 1000, right: 2 },
    ]);
  });

  it("reads the merges of a sheet chosen after sampling it, whatever mayHoldTable said of its first rows", () => {
    const contents = read(wb, { choose: () => "数据", mayHoldTable: () => false });
    expect(contents.sampled).toEqual([]);
    expect(contents.sheets[0].merges).toHaveLength(2);
  });

  it("reads in full, beside the table, the sheets `whole` names, whatever the choice", () => {
    const contents = read(wb, { ...tableChoice(), whole: (name) => name === "数据" });
    expect(contents.sampled).toEqual([]);
    expect([contents.sheets[0].rowCount, contents.sheets[0].merges.length]).toEqual([1000, 2]);
    expect(contents.sheets[1].cell(1, 2)?.value).toBe("南沙");
  });

  // The engine's pair (src/domain tableChoice), as the command line, the page and its worker pass it.
  it("with the engine's choice, reads in full the sheet an officer's layout names, else the one holding the table", () => {
    const named = read(wb, tableChoice("数据"));
    expect(named.sampled).toEqual([]);
    expect([named.sheets[0].rowCount, named.sheets[0].merges.length]).toEqual([1000, 2]);
    // 数据's first 300 rows (行1, 1 …) hold no text that could start a header: unnamed, it is not parsed at all (its
    // grid stays empty, its merges unread) and stays a sample.
    const found = read(wb, tableChoice());
    expect(found.sampled).toEqual(["数据"]);
    expect([found.sheets[0].rowCount, found.sheets[0].merges.length]).toEqual([0, 0]);
    expect(found.sheets[1].cell(1, 2)?.value).toBe("南沙");
  });

  it("tells its progress: rising by at least a hundredth at a time, below 1 until the read ends at 1", () => {
    const told: number[] = [];
    read(wb, { choose: () => "数据", onProgress: (f) => told.push(f) });
    // Small parts inflate in one piece each: the two sheets (one read twice), then the end.
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect(told[told.length - 1]).toBe(1);
    for (let i = 1; i < told.length; i++) expect(told[i] - told[i - 1]).toBeGreaterThanOrEqual(0.01 - 1e-12);
    expect(told.slice(0, -1).every((f) => f > 0 && f <= 0.99)).toBe(true);
  });

  it("reads the chosen sheet in full", () => {
    const contents = read(wb, { choose: () => "数据" });
    expect(contents.sampled).toEqual([]);
    expect(contents.sheets[0].rowCount).toBe(1000);
    expect(contents.sheets[0].cell(1000, 2)?.value).toBe(1000);
  });

  // The engine locates the table again in what is read: a choice the reader does not need is not asked for.
  it("asks for a choice only when some sheet was read in part", () => {
    const choose = jest.fn(() => "自评表");
    read(wb, { choose });
    expect(choose).toHaveBeenCalledTimes(1);
    choose.mockClear();
    const contents = read({ sheets: [wb.sheets[1]] }, { choose });
    expect(choose).not.toHaveBeenCalled();
    expect(contents.sheets[0].cell(1, 2)?.value).toBe("南沙");
    // Two sheets within the sample are both whole already.
    const small = read({ sheets: [{ name: "数据", xml: rowsXml(data.slice(0, 10)) }, wb.sheets[1]] }, { choose });
    expect(choose).not.toHaveBeenCalled();
    expect(small.sampled).toEqual([]);
    expect(small.sheets[0].rowCount).toBe(10);
  });
});

describe("bounds", () => {
  it("refuses an entry that inflates past entryBytes, before inflating the rest", () => {
    // 12 MB of spaces inside the sheet deflate to about 12 KB.
    const padding = " ".repeat(12 * 1024 * 1024);
    const e = refusal(() =>
      read(
        { sheets: [{ name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>${padding}` }] },
        { limits: { entryBytes: 4 * 1024 * 1024 } },
      ),
    );
    expect([e.reason, e.kind, e.part]).toEqual(["limit", "entryBytes", "xl/worksheets/sheet1.xml"]);
  });

  it("refuses more cells than the cells bound, and more merged areas than the merges bound", () => {
    const rows = rowsXml(Array.from({ length: 50 }, () => [1, 2]));
    expect(refusal(() => read({ sheets: [{ name: "S", xml: rows }] }, { limits: { cells: 99 } })).kind).toBe("cells");
    expect(read({ sheets: [{ name: "S", xml: rows }] }, { limits: { cells: 100 } }).sheets[0].size).toBe(100);
    const merges = `<mergeCells>${Array.from({ length: 11 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("")}</mergeCells>`;
    expect(
      refusal(() => read({ sheets: [{ name: "S", xml: "", after: merges }] }, { limits: { merges: 10 } })).kind,
    ).toBe("merges");
  });

  it("counts the values in a sheet's bytes before parsing them: a sheet past the cells bound is refused unread", () => {
    // 100 values after a broken tag: parsed first, the sheet would be "corrupt"; counted first, it is past 99 cells.
    const rows = `<row r="1"><c r="A1"><v>0</v></c><<broken/></row>${rowsXml(
      Array.from({ length: 99 }, (_, i) => [i + 1]),
      2,
    )}`;
    const sheet = { sheets: [{ name: "S", xml: rows }] };
    expect(refusal(() => read(sheet, { inflate: nativeInflate, limits: { cells: 99 } })).kind).toBe("cells");
    // Within the bound the parse runs and finds the broken tag.
    expect(refusal(() => read(sheet, { inflate: nativeInflate, limits: { cells: 100 } })).reason).toBe("corrupt");
  });

  it.each<[string, string, number]>([
    ["plain values", '<c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c>', 2],
    ["an empty <v></v> and a <v/> hold nothing", '<c r="A1"><v></v></c><c r="B1"><v/></c>', 0],
    ["an inline string", '<c r="A1" t="inlineStr"><is><t>说明</t></is></c>', 1],
    ["under a prefix", '<x:c r="A1"><x:v>1</x:v></x:c><x:c r="A2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>', 2],
    ["a formula without its value is no value", '<c r="A1"><f>SUM(B1:B2)</f></c>', 0],
    ["other elements that start with v or is", '<c r="A1"><vm>1</vm></c><isx>1</isx><dimension ref="A1"/>', 0],
  ])("countValues: %s", (_, xml, n) => {
    expect(countValues(new TextEncoder().encode(xml))).toBe(n);
  });

  it("refuses a DTD (an entity expansion bomb never expands) and XML nested past xmlDepth", () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    expect(refusal(() => read({ sheets: [{ name: "S", xml: bomb }] })).reason).toBe("dtd");
    const deep = `<row r="1"><c r="A1" t="inlineStr"><is>${"<r>".repeat(70)}${"</r>".repeat(70)}</is></c></row>`;
    expect(refusal(() => read({ sheets: [{ name: "S", xml: deep }] })).kind).toBe("xmlDepth");
  });

  it("refuses more zip entries than the entries bound, an encrypted entry and a damaged deflate stream", () => {
    const entries = workbookEntries({ sheets: [{ name: "S", xml: rowsXml([[1]]) }] });
    const many = { ...entries, ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x/${i}`, strToU8("x")])) };
    expect(refusal(() => readWorkbookBytes(zipSync(many), { limits: { entries: 20 } })).kind).toBe("entries");

    const stored = Buffer.from(
      storedZip(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]))),
    );
    // Set the encryption flag (bit 0) of every central-directory record.
    for (
      let p = stored.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      p >= 0;
      p = stored.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)
    )
      stored[p + 8] |= 1;
    expect(refusal(() => readWorkbookBytes(stored)).reason).toBe("encrypted-entry");

    const broken = zipSync({ ...entries, "xl/worksheets/sheet1.xml": [strToU8(rowsXml([[1]])), { level: 0 }] });
    const damaged = Buffer.from(broken);
    const at = damaged.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + "xl/worksheets/sheet1.xml".length;
    damaged[at] = 0xff; // a stored block's header byte of the first entry holding the sheet becomes garbage
    expect(() => readWorkbookBytes(damaged)).toThrow(WorkbookFormatError);
  });
});

describe("values", () => {
  it("moves relative references of a shared formula and leaves absolute parts, text and function names", () => {
    expect(moveFormula("SUM(B2:B4)", 1, 0)).toBe("SUM(B3:B5)");
    expect(moveFormula("$B$2+B$2+$B2+B2", 2, 1)).toBe("$B$2+C$2+$B4+C4");
    expect(moveFormula('"A1"&A1', 1, 0)).toBe('"A1"&A2');
    expect(moveFormula("LOG10(A1)+'年度 数据'!A1+数据!B2", 1, 1)).toBe("LOG10(B2)+'年度 数据'!B2+数据!C3");
    expect(moveFormula("A1", -1, 0)).toBe("#REF!");
  });

  it("tells date formats from number formats", () => {
    for (const f of ["mm-dd-yy", 'yyyy"年"m"月"d"日"', "[h]:mm:ss", "YYYY/MM/DD", "[$-804]yyyy年m月"])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ["General", "0.00%", '#,##0.00"万元"', "[Red]0.00", "0.00E+00", "#,##0.00_);(#,##0.00)", "@"])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  it("counts date serials from 1899-12-30 (1900 system) or 1904-01-01", () => {
    expect(serialToDate(25569, false)).toEqual(new Date(Date.UTC(1970, 0, 1)));
    expect(serialToDate(1.5, false)).toEqual(new Date(Date.UTC(1899, 11, 31, 12)));
    expect(serialToDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });
});
