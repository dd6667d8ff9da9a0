/**
 * The scored copy's patcher (src/gateways/xlsx/patch), part by part: the string-level XML editing (xml.ts), the
 * appended styles (styles.ts, ECMA-376 Part 1 §18.8), the written cells of a worksheet (sheet.ts, §18.3), the notes
 * and their VML shapes (notes.ts, §18.7 and Part 4 §19), and a whole copy of a small exceljs workbook (index.ts).
 * Every expected value is worked out from the OOXML rules and what each function promises: untouched bytes stay
 * as they were, added items go at the end of their lists, and what cannot be edited with certainty is refused
 * with CannotPatch.
 */
import { describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { SaxesParser } from "saxes";
import type { WritePlan } from "../../src/domain/types";
import { patchScoredCopy } from "../../src/gateways/xlsx/patch";
import {
  addToCommentsXml,
  addToVmlXml,
  highestShapeId,
  newCommentsXml,
  newVmlXml,
} from "../../src/gateways/xlsx/patch/notes";
import { addLegacyDrawing, mergeMasters, patchSheetCells, type CellEdit } from "../../src/gateways/xlsx/patch/sheet";
import { StyleBook } from "../../src/gateways/xlsx/patch/styles";
import {
  attribute,
  attributes,
  CannotPatch,
  element,
  elements,
  refusePrefixed,
  setAttribute,
  splice,
  xmlText,
} from "../../src/gateways/xlsx/patch/xml";
import { SEVERITY_FILL } from "../../src/gateways/xlsx/score";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ERROR_FILL = "FFFFC7CE";
const WARNING_FILL = "FFFFEB9C";

// ---------------------------------------------------------------------------------------------------------------
// Helpers of the test's own (not the patcher's), so that an expectation never leans on the code it checks.

/** Throws when `xml` is not well-formed, namespaces included. */
function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw error;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Attributes of an element's start tag (the element may be given whole), by qualified name. */
function attrs(element: string): Record<string, string> {
  const tag = /^<[^>]*>/.exec(element)?.[0] ?? element;
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)="([^"]*)"/g)) out[m[1]] = unescape(m[2]);
  return out;
}

/** The first `name` element: its start tag and content. */
function section(xml: string, name: string): { tag: string; inner: string } {
  const m = new RegExp(`(<${name}(?=[\\s>])[^>]*>)([\\s\\S]*?)</${name}>`).exec(xml);
  if (!m) throw new Error(`no <${name}> in ${xml}`);
  return { tag: m[1], inner: m[2] };
}

/** The `child` elements of the first `container`, as written. */
function children(xml: string, container: string, child: string): string[] {
  const { inner } = section(xml, container);
  return inner.match(new RegExp(`<${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g")) ?? [];
}

/** The text of a <text>/<is> rich string: its <t>s, unescaped, run after run. */
function richText(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1])).join("");
}

/** The fill colour (fgColor rgb) of the cell format `s` of a styles.xml. */
function fillColourOf(styles: string, s: number): string | undefined {
  const xf = children(styles, "cellXfs", "xf")[s];
  const fill = children(styles, "fills", "fill")[Number(attrs(xf).fillId ?? 0)];
  return /<fgColor rgb="([0-9A-F]{8})"/.exec(fill)?.[1];
}

function numFmtIdOf(styles: string, s: number): number {
  return Number(attrs(children(styles, "cellXfs", "xf")[s]).numFmtId ?? 0);
}

/** A CannotPatch thrown by `run`, or a failure when it throws something else or nothing. */
function refusal(run: () => unknown): CannotPatch {
  try {
    run();
  } catch (e) {
    if (e instanceof CannotPatch) return e;
    throw e;
  }
  throw new Error("not refused");
}

// ---------------------------------------------------------------------------------------------------------------

describe("xml.ts", () => {
  describe("attributes", () => {
    it("reads double- and single-quoted values by their qualified names", () => {
      expect(attributes(`<c r="A1" s='3' t="inlineStr">`)).toEqual({ r: "A1", s: "3", t: "inlineStr" });
      expect(attributes('<legacyDrawing r:id="rId2"/>')).toEqual({ "r:id": "rId2" });
      expect(attributes('<t xml:space="preserve">')).toEqual({ "xml:space": "preserve" });
      expect(attributes('<row r = "2" >')).toEqual({ r: "2" });
      expect(attributes("<sheetData>")).toEqual({});
    });

    it("unescapes entities and character references, and keeps the other quote inside a value", () => {
      expect(
        attributes('<numFmt formatCode="#,##0.00&quot;&#x4E07;&#20803;&quot;;[Red]&lt;0&gt; &amp; &apos;"/>'),
      ).toEqual({ formatCode: '#,##0.00"万元";[Red]<0> & \'' });
      expect(attributes(`<a x="it's" y='say "hi"'/>`)).toEqual({ x: "it's", y: 'say "hi"' });
    });
  });

  describe("attribute", () => {
    it("gives what attributes(tag)[name] gives, one name at a time", () => {
      const tags = [
        `<c r="A1" s='3' t="inlineStr">`,
        '<legacyDrawing r:id="rId2"/>',
        '<row r = "2" >',
        '<c xr:r="B9" r="A1">',
        '<numFmt formatCode="#,##0.00&quot;&#x4E07;&quot;"/>',
        // A single-quoted value holding what looks like another attribute: the walk in order tells them apart.
        `<c t='x r="B5"' r="A1">`,
        "<sheetData>",
      ];
      for (const tag of tags)
        for (const name of ["r", "s", "t", "r:id", "formatCode", "id"])
          expect({ tag, name, value: attribute(tag, name) }).toEqual({ tag, name, value: attributes(tag)[name] });
      expect(attribute(`<c t='x r="B5"' r="A1">`, "r")).toBe("A1");
    });
  });

  describe("setAttribute", () => {
    it("adds an absent attribute at the end, in a start tag and in a self-closing tag", () => {
      expect(setAttribute('<c r="A1">', "s", "3")).toBe('<c r="A1" s="3">');
      expect(setAttribute('<c r="A1"/>', "s", "3")).toBe('<c r="A1" s="3"/>');
      expect(setAttribute('<c r="A1" />', "s", "3")).toBe('<c r="A1" s="3"/>');
    });

    it("replaces a present attribute where it stands, whatever its quotes", () => {
      expect(setAttribute('<c r="A1" s="3" t="n">', "s", "7")).toBe('<c r="A1" s="7" t="n">');
      expect(setAttribute("<c r='A1' s='3'/>", "s", "7")).toBe(`<c r='A1' s="7"/>`);
      expect(setAttribute('<legacyDrawing r:id="rId1"/>', "r:id", "rId9")).toBe('<legacyDrawing r:id="rId9"/>');
    });

    it("removes an attribute (value undefined), and leaves a tag without it as it is", () => {
      expect(setAttribute('<row r="2" spans="1:3" ht="20">', "spans", undefined)).toBe('<row r="2" ht="20">');
      expect(setAttribute('<c r="A1" s="3"/>', "s", undefined)).toBe('<c r="A1"/>');
      expect(setAttribute('<c r="A1"/>', "s", undefined)).toBe('<c r="A1"/>');
    });

    it("does not take an attribute whose name only starts or ends the same for the one named", () => {
      expect(setAttribute('<c r="A1" sx="1">', "s", "2")).toBe('<c r="A1" sx="1" s="2">');
      expect(setAttribute('<xf fontId="0" xfId="0">', "Id", "5")).toBe('<xf fontId="0" xfId="0" Id="5">');
      expect(setAttribute('<row r="2" x14ac:dyDescent="0.25">', "dyDescent", undefined)).toBe(
        '<row r="2" x14ac:dyDescent="0.25">',
      );
    });

    it("writes a value as it is, $ and all (no replacement pattern)", () => {
      expect(setAttribute('<c r="A1" s="3">', "s", "$1$&")).toBe('<c r="A1" s="$1$&amp;">');
    });

    it("escapes the value", () => {
      expect(setAttribute("<a>", "v", 'x"<&>')).toBe('<a v="x&quot;&lt;&amp;&gt;">');
    });
  });

  describe("elements", () => {
    const xml =
      '<worksheet><cols><col min="1" max="2" width="9"/></cols><sheetData>' +
      '<row r="1"><c r="A1"/><c r="B1" s="2"><v>5</v></c></row>' +
      '<row r="2"><c><v>7</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>' +
      '</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks><conditionalFormatting sqref="A1"/></worksheet>';

    it("finds self-closing elements and elements with content, in order, and never <col> for <c>", () => {
      const cells = elements(xml, "c");
      expect(cells.map((c) => c.tag)).toEqual(['<c r="A1"/>', '<c r="B1" s="2">', "<c>", '<c r="B2" t="inlineStr">']);
      expect(cells.map((c) => c.inner)).toEqual([null, "<v>5</v>", "<v>7</v>", "<is><t>x</t></is>"]);
      expect(cells.map((c) => xml.slice(c.start, c.end))).toEqual([
        '<c r="A1"/>',
        '<c r="B1" s="2"><v>5</v></c>',
        "<c><v>7</v></c>",
        '<c r="B2" t="inlineStr"><is><t>x</t></is></c>',
      ]);
      expect(elements(xml, "row")).toHaveLength(2);
      expect(elements(xml, "col").map((c) => c.tag)).toEqual(['<col min="1" max="2" width="9"/>']);
    });

    it("keeps to the range it is given", () => {
      const second = elements(xml, "row")[1];
      const inside = elements(xml, "c", second.start, second.end);
      expect(inside.map((c) => attributes(c.tag).r)).toEqual([undefined, "B2"]);
      expect(elements(xml, "c", 0, xml.indexOf('<row r="2"'))).toHaveLength(2);
      expect(elements(xml, "c", xml.indexOf("</sheetData>"))).toEqual([]);
    });

    it("gives the first element, or undefined", () => {
      expect(element(xml, "row")?.tag).toBe('<row r="1">');
      expect(element(xml, "mergeCells")).toBeUndefined();
    });

    it("refuses an element without its end tag", () => {
      refusal(() => elements('<sheetData><c r="A1"><v>1</v></sheetData>', "c"));
    });
  });

  describe("splice", () => {
    it("replaces spans given in any order, insertions included", () => {
      const edits = [
        { start: 4, end: 5, text: "E" },
        { start: 0, end: 1, text: "AA" },
        { start: 2, end: 2, text: "+" },
      ];
      expect(splice("abcdef", edits)).toBe("AAb+cdEf");
      expect(splice("abcdef", [])).toBe("abcdef");
      expect(splice("abc", [{ start: 3, end: 3, text: "d" }])).toBe("abcd");
    });
  });

  describe("xmlText", () => {
    it("drops the characters XML 1.0 does not allow, keeping tab, newline and return", () => {
      expect(xmlText("a\u0000b\u0001\u0008\u000b\u000c\u000e\u001f\ufffe\uffffc")).toBe("abc");
      expect(xmlText("a\tb\nc\rd")).toBe("a\tb\nc\rd");
      expect(xmlText("执行率 98.93%")).toBe("执行率 98.93%");
    });

    it("escapes markup characters, an entity's ampersand too", () => {
      expect(xmlText('1<2 & "3">')).toBe("1&lt;2 &amp; &quot;3&quot;&gt;");
      expect(xmlText("&amp;")).toBe("&amp;amp;");
    });
  });

  describe("refusePrefixed", () => {
    it("refuses a prefixed element of the names given, and only those", () => {
      refusal(() => refusePrefixed('<x:worksheet><x:sheetData><x:row r="1"/>', "sheet1.xml", ["row"]));
      expect(() => refusePrefixed('<row r="1"/><x14:rowBreaks/><mc:AlternateContent/>', "p", ["row"])).not.toThrow();
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

const FILL_NONE = '<fill><patternFill patternType="none"/></fill>';
const FILL_GRAY = '<fill><patternFill patternType="gray125"/></fill>';
const XF0 = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
const XF1 =
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf>';
/** Two cell formats; a differential format (dxf) that holds a <fill> of its own, which is no item of <fills>. */
const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  `<fills count="2">${FILL_NONE}${FILL_GRAY}</fills>` +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="2">${XF0}${XF1}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf></dxfs>' +
  "</styleSheet>";

describe("styles.ts: StyleBook", () => {
  it("derives a filled format from a base: one fill and one cell format appended, everything else as it was", () => {
    const book = new StyleBook(STYLES);
    expect(book.cellFormatCount).toBe(2);
    expect(book.derive(1, { fill: ERROR_FILL })).toBe(2);
    expect(book.cellFormatCount).toBe(3);
    const out = book.toString();
    expect(() => wellFormed(out)).not.toThrow();

    const fills = children(out, "fills", "fill");
    expect(fills).toHaveLength(3);
    expect(fills.slice(0, 2)).toEqual([FILL_NONE, FILL_GRAY]);
    // A solid pattern fill shows its foreground colour (§18.8.32).
    expect(fills[2]).toMatch(new RegExp(`^<fill><patternFill patternType="solid"><fgColor rgb="${ERROR_FILL}"/>`));

    const xfs = children(out, "cellXfs", "xf");
    expect(xfs.slice(0, 2)).toEqual([XF0, XF1]);
    // The base's attributes in their order, fillId changed in place, applyFill added; its alignment kept.
    expect(xfs[2]).toBe(
      '<xf numFmtId="4" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1">' +
        '<alignment horizontal="center"/></xf>',
    );

    const expected = STYLES.replace(`<fills count="2">${FILL_NONE}${FILL_GRAY}</fills>`, () => {
      return `<fills count="3">${FILL_NONE}${FILL_GRAY}${fills[2]}</fills>`;
    }).replace(`<cellXfs count="2">${XF0}${XF1}</cellXfs>`, `<cellXfs count="3">${XF0}${XF1}${xfs[2]}</cellXfs>`);
    expect(out).toBe(expected);
  });

  it("interns: the same derivation twice is one format, and one fill serves every format that uses it", () => {
    const book = new StyleBook(STYLES);
    expect(book.derive(1, { fill: ERROR_FILL })).toBe(2);
    expect(book.derive(1, { fill: ERROR_FILL })).toBe(2);
    expect(book.derive(0, { fill: ERROR_FILL })).toBe(3);
    expect(book.derive(1, { fill: WARNING_FILL })).toBe(4);
    expect(book.derive(0, { fill: ERROR_FILL })).toBe(3);
    const out = book.toString();
    expect(section(out, "fills").tag).toBe('<fills count="4">');
    expect(section(out, "cellXfs").tag).toBe('<cellXfs count="5">');
    const xfs = children(out, "cellXfs", "xf");
    expect(xfs.map((x) => attrs(x).fillId)).toEqual(["0", "0", "2", "2", "3"]);
    expect(fillColourOf(out, 3)).toBe(ERROR_FILL);
    expect(fillColourOf(out, 4)).toBe(WARNING_FILL);
  });

  it("a base index the file does not have derives from the default format (0)", () => {
    const book = new StyleBook(STYLES);
    const s = book.derive(99, { fill: ERROR_FILL });
    expect(s).toBe(book.derive(0, { fill: ERROR_FILL }));
    expect(attrs(children(book.toString(), "cellXfs", "xf")[s]).numFmtId).toBe("0");
  });

  it("without a change, a derivation is the base format itself", () => {
    const book = new StyleBook(STYLES);
    expect(book.derive(1, {})).toBe(1);
    expect(book.toString()).toBe(STYLES);
  });

  it("uses Excel's built-in id for a built-in format and adds no numFmt", () => {
    const book = new StyleBook(STYLES);
    const s = book.derive(0, { numFmt: "0.00%" });
    expect(s).toBe(2);
    const t = book.derive(1, { fill: WARNING_FILL, numFmt: "0.00%" });
    const out = book.toString();
    expect(out).not.toContain("<numFmts");
    expect(attrs(children(out, "cellXfs", "xf")[s])).toEqual({
      numFmtId: "10",
      fontId: "0",
      fillId: "0",
      borderId: "0",
      xfId: "0",
      applyNumberFormat: "1",
    });
    expect(numFmtIdOf(out, t)).toBe(10);
    expect(fillColourOf(out, t)).toBe(WARNING_FILL);
    expect(book.formatId("0")).toBe(1);
    expect(book.formatId("#,##0.00")).toBe(4);
    expect(book.formatId("@")).toBe(49);
  });

  it("adds a custom format as numFmt 164 in a new <numFmts>, the first child of styleSheet (§18.8.39)", () => {
    const book = new StyleBook(STYLES);
    const s = book.derive(0, { numFmt: '#,##0.00"万元"' });
    const t = book.derive(0, { numFmt: "0.0%" });
    expect(book.derive(1, { numFmt: '#,##0.00"万元"' })).toBe(4);
    const out = book.toString();
    expect(() => wellFormed(out)).not.toThrow();
    expect(numFmtIdOf(out, s)).toBe(164);
    expect(numFmtIdOf(out, t)).toBe(165);
    expect(numFmtIdOf(out, 4)).toBe(164);
    const root = `<styleSheet xmlns="${MAIN}">`;
    expect(out).toContain(
      root +
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00&quot;万元&quot;"/>' +
        '<numFmt numFmtId="165" formatCode="0.0%"/></numFmts><fonts count="1">',
    );
  });

  it("reuses a format the file defines and numbers a new one above the file's highest id", () => {
    const styles = STYLES.replace(
      "<fonts",
      '<numFmts count="2"><numFmt numFmtId="176" formatCode="0.0"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><fonts',
    );
    const book = new StyleBook(styles);
    expect(book.formatId("0.0")).toBe(176);
    expect(book.formatId('yyyy"年"m"月"')).toBe(165);
    expect(book.toString()).toBe(styles);
    const s = book.derive(0, { numFmt: "0.000" });
    const out = book.toString();
    expect(numFmtIdOf(out, s)).toBe(177);
    expect(children(out, "numFmts", "numFmt")).toEqual([
      '<numFmt numFmtId="176" formatCode="0.0"/>',
      '<numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>',
      '<numFmt numFmtId="177" formatCode="0.000"/>',
    ]);
    expect(section(out, "numFmts").tag).toBe('<numFmts count="3">');
    expect(out.match(/<numFmts/g)).toHaveLength(1);
  });

  it("fills an empty <numFmts/> it finds rather than adding a second one", () => {
    const styles = STYLES.replace("<fonts", '<numFmts count="0"/><fonts');
    const book = new StyleBook(styles);
    const s = book.derive(0, { numFmt: "0.0" });
    const out = book.toString();
    expect(() => wellFormed(out)).not.toThrow();
    expect(out.match(/<numFmts/g)).toHaveLength(1);
    expect(out).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts');
    expect(numFmtIdOf(out, s)).toBe(164);
  });

  describe("add (a cell format from a sheet draft's style)", () => {
    const TARGET =
      XML_HEAD +
      `<styleSheet xmlns="${MAIN}">` +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>' +
      '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><i/><sz val="11"/><name val="宋体"/></font></fonts>' +
      `<fills count="3">${FILL_NONE}${FILL_GRAY}<fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/><bgColor indexed="64"/></patternFill></fill></fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"/><right/><top/><bottom/><diagonal/></border></borders>' +
      `<cellXfs count="1">${XF0}</cellXfs></styleSheet>`;
    const THIN = (side: string) => `<${side} style="thin"><color indexed="64"/></${side}>`;

    it("adds the default font made bold, a solid fill, a custom format and the alignment, in one new format", () => {
      const to = new StyleBook(TARGET);
      expect(to.add({ font: { bold: true }, fill: "FFF2F2F2", vertical: "top", wrap: true, numFmt: "0.0%" })).toBe(1);
      const out = to.toString();
      expect(() => wellFormed(out)).not.toThrow();
      expect(children(out, "cellXfs", "xf")[1]).toBe(
        '<xf numFmtId="165" fontId="2" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1">' +
          '<alignment vertical="top" wrapText="1"/></xf>',
      );
      expect(children(out, "fonts", "font")[2]).toBe('<font><b/><sz val="11"/><name val="宋体"/></font>');
      expect(fillColourOf(out, 1)).toBe("FFF2F2F2");
      expect(children(out, "numFmts", "numFmt")[1]).toBe('<numFmt numFmtId="165" formatCode="0.0%"/>');
      expect(section(out, "fonts").tag).toBe('<fonts count="3">');
      expect(section(out, "fills").tag).toBe('<fills count="4">');
      expect(section(out, "cellXfs").tag).toBe('<cellXfs count="2">');
      // No border was asked for: the borders are untouched, count and all.
      expect(section(out, "borders").tag).toBe('<borders count="2">');
    });

    it("gives one format to the same look twice, thin lines on four sides, a centred cell and a built-in format", () => {
      const to = new StyleBook(TARGET);
      const look = { border: true, horizontal: "center" as const, vertical: "middle" as const, numFmt: "@" };
      expect(to.add(look)).toBe(1);
      expect(to.add({ ...look })).toBe(1);
      expect(to.cellFormatCount).toBe(2);
      const out = to.toString();
      expect(children(out, "borders", "border")[2]).toBe(
        `<border>${THIN("left")}${THIN("right")}${THIN("top")}${THIN("bottom")}<diagonal/></border>`,
      );
      expect(children(out, "cellXfs", "xf")[1]).toBe(
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="2" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1">' +
          '<alignment horizontal="center" vertical="center"/></xf>',
      );
      // Nothing else was added.
      expect(section(out, "fonts").tag).toBe('<fonts count="2">');
      expect(out.match(/<numFmt /g)).toHaveLength(1);
    });

    it("keeps the default font's size, colour and theme scheme unless the draft names a font, which drops the scheme", () => {
      const themed = TARGET.replace(
        '<font><sz val="11"/><name val="宋体"/></font><font>',
        '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font>',
      );
      const to = new StyleBook(themed);
      to.add({ font: { underline: true, color: "FF0563C1" } });
      to.add({ font: { name: "仿宋_GB2312", size: 16, charset: 134 } });
      to.add({ font: { name: "黑体" } });
      expect(children(to.toString(), "fonts", "font").slice(2)).toEqual([
        '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
        '<font><sz val="16"/><color theme="1"/><name val="仿宋_GB2312"/><charset val="134"/></font>',
        '<font><sz val="11"/><color theme="1"/><name val="黑体"/></font>',
      ]);
    });
  });

  describe("refuses a styles part it cannot extend with certainty", () => {
    it("without cellXfs, or with an empty one", () => {
      refusal(() => new StyleBook(STYLES.replace(`<cellXfs count="2">${XF0}${XF1}</cellXfs>`, "")));
      refusal(() => new StyleBook(STYLES.replace(`<cellXfs count="2">${XF0}${XF1}</cellXfs>`, '<cellXfs count="0"/>')));
    });

    it("without fonts, fills or borders", () => {
      refusal(() => new StyleBook(STYLES.replace(/<fonts[\s\S]*<\/fonts>/, "")));
      refusal(() => new StyleBook(STYLES.replace(/<fills[\s\S]*<\/fills>/, "")));
      refusal(() => new StyleBook(STYLES.replace(/<borders[\s\S]*<\/borders>/, "")));
    });

    it("with a prefixed <x:cellXfs> (it writes bare names)", () => {
      const prefixed = STYLES.replace(`<styleSheet xmlns="${MAIN}">`, `<styleSheet xmlns="${MAIN}" xmlns:x="${MAIN}">`)
        .replace("<cellXfs", "<x:cellXfs")
        .replace("</cellXfs>", "</x:cellXfs>");
      expect(() => wellFormed(prefixed)).not.toThrow();
      refusal(() => new StyleBook(prefixed));
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

const SHEET_HEAD =
  XML_HEAD +
  `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A2:C4"/>` +
  '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
  '<cols><col min="1" max="3" width="12" customWidth="1"/></cols>';
const ROW2 = '<row r="2" spans="1:3"><c r="A2" t="s"><v>0</v></c><c r="C2" s="1"><v>5</v></c></row>';
const ROW4 = '<row r="4" spans="2:2" ht="20" customHeight="1"><c r="B4" s="1"><f>C2*2</f><v>10</v></c></row>';
const SHEET_TAIL =
  '<mergeCells count="2"><mergeCell ref="D6:E7"/><mergeCell ref="A9"/></mergeCells>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
const sheetWith = (data: string) => `${SHEET_HEAD}${data}${SHEET_TAIL}`;
const SHEET = sheetWith(`<sheetData>${ROW2}${ROW4}</sheetData>`);

function patch(edits: Record<string, CellEdit>, xml = SHEET, styles = new StyleBook(STYLES)) {
  const out = patchSheetCells(xml, "xl/worksheets/sheet1.xml", new Map(Object.entries(edits)), styles);
  expect(() => wellFormed(out.xml)).not.toThrow();
  return { ...out, styles: styles.toString() };
}

describe("sheet.ts: patchSheetCells", () => {
  it("writes a number into an existing cell, its style kept, the row's spans dropped, all else byte for byte", () => {
    const out = patch({ C2: { value: 7.5 } });
    expect(out.xml).toBe(
      sheetWith(
        `<sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" s="1"><v>7.5</v></c></row>${ROW4}</sheetData>`,
      ),
    );
    expect(out.removedFormula).toBe(false);
    expect(out.styles).toBe(STYLES);
  });

  it("inserts a missing cell of an existing row in column order (AA after D, not before C)", () => {
    const out = patch({ B2: { value: 1 }, AA2: { value: 27 }, D2: { value: 4 } });
    expect(out.xml).toBe(
      sheetWith(
        '<sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>1</v></c><c r="C2" s="1"><v>5</v></c>' +
          `<c r="D2"><v>4</v></c><c r="AA2"><v>27</v></c></row>${ROW4}</sheetData>`,
      ),
    );
  });

  it("inserts missing rows in row order: before the first, between two, after the last", () => {
    const out = patch({
      A100: { value: 100 },
      A3: { value: 3 },
      B10: { value: 10 },
      A1: { value: 1 },
      A9: { value: 9 },
    });
    expect(out.xml).toBe(
      sheetWith(
        `<sheetData><row r="1"><c r="A1"><v>1</v></c></row>${ROW2}<row r="3"><c r="A3"><v>3</v></c></row>${ROW4}` +
          '<row r="9"><c r="A9"><v>9</v></c></row><row r="10"><c r="B10"><v>10</v></c></row>' +
          '<row r="100"><c r="A100"><v>100</v></c></row></sheetData>',
      ),
    );
  });

  it("writes into an empty <sheetData/> and <sheetData></sheetData>", () => {
    const expected = sheetWith(
      '<sheetData><row r="3"><c r="B3"><v>2</v></c><c r="C3"><v>-0.5</v></c></row></sheetData>',
    );
    expect(patch({ C3: { value: -0.5 }, B3: { value: 2 } }, sheetWith("<sheetData/>")).xml).toBe(expected);
    expect(patch({ C3: { value: -0.5 }, B3: { value: 2 } }, sheetWith("<sheetData></sheetData>")).xml).toBe(expected);
  });

  it("writes into a self-closing row", () => {
    const out = patch(
      { B5: { value: 1 } },
      sheetWith(`<sheetData>${ROW2}<row r="5" spans="1:1" ht="30"/></sheetData>`),
    );
    expect(out.xml).toBe(sheetWith(`<sheetData>${ROW2}<row r="5" ht="30"><c r="B5"><v>1</v></c></row></sheetData>`));
  });

  it("writes a string as an inline string with xml:space preserve, escaped, control characters dropped", () => {
    const out = patch({ A2: { value: ' 预算 <a> & "b"\u0001 ' }, C2: { value: "完成" } });
    expect(out.xml).toBe(
      sheetWith(
        '<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> 预算 &lt;a&gt; &amp; &quot;b&quot; </t></is></c>' +
          `<c r="C2" s="1" t="inlineStr"><is><t xml:space="preserve">完成</t></is></c></row>${ROW4}</sheetData>`,
      ),
    );
  });

  it("a mark (a fill) keeps the cell's content and changes only its style index", () => {
    const c2 = patch({ C2: { fill: ERROR_FILL } });
    expect(c2.xml).toBe(
      sheetWith(
        `<sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" s="2"><v>5</v></c></row>${ROW4}</sheetData>`,
      ),
    );
    expect(fillColourOf(c2.styles, 2)).toBe(ERROR_FILL);
    expect(numFmtIdOf(c2.styles, 2)).toBe(4); // derived from C2's own format 1
    expect(c2.removedFormula).toBe(false);

    const a2 = patch({ A2: { fill: WARNING_FILL } });
    expect(a2.xml).toContain('<c r="A2" t="s" s="2"><v>0</v></c>');
    expect(fillColourOf(a2.styles, 2)).toBe(WARNING_FILL);
    expect(numFmtIdOf(a2.styles, 2)).toBe(0);

    // A formula cell keeps its formula and cached value under a mark.
    const b4 = patch({ B4: { fill: ERROR_FILL } });
    expect(b4.xml).toContain('<c r="B4" s="2"><f>C2*2</f><v>10</v></c>');
    expect(b4.removedFormula).toBe(false);

    // A cell the part does not hold yet becomes an empty styled cell.
    const b2 = patch({ B2: { fill: ERROR_FILL } });
    expect(b2.xml).toContain('<c r="A2" t="s"><v>0</v></c><c r="B2" s="2"/><c r="C2" s="1"><v>5</v></c>');
    const self = patch(
      { C2: { fill: ERROR_FILL } },
      sheetWith('<sheetData><row r="2"><c r="C2" s="1"/></row></sheetData>'),
    );
    expect(self.xml).toContain('<row r="2"><c r="C2" s="2"/></row>');
  });

  it("a value with a number format gets a format derived from the cell's own", () => {
    const out = patch({ C2: { value: 0.9893, numFmt: "0.00%" } });
    expect(out.xml).toContain('<c r="C2" s="2"><v>0.9893</v></c>');
    expect(numFmtIdOf(out.styles, 2)).toBe(10);
    expect(attrs(children(out.styles, "cellXfs", "xf")[2]).applyNumberFormat).toBe("1");
    expect(children(out.styles, "cellXfs", "xf")[2]).toContain('<alignment horizontal="center"/>');
  });

  it("replacing a plain formula says so (removedFormula), and writes the value without <f>", () => {
    const out = patch({ B4: { value: 3 } });
    expect(out.removedFormula).toBe(true);
    expect(out.xml).toBe(
      sheetWith(`<sheetData>${ROW2}<row r="4" ht="20" customHeight="1"><c r="B4" s="1"><v>3</v></c></row></sheetData>`),
    );
  });

  it("refuses to overwrite a shared formula's master or an array formula, and takes a shared clone", () => {
    const master = '<row r="4"><c r="B4"><f t="shared" ref="B4:B5" si="0">C2*2</f><v>10</v></c></row>';
    const clone = '<row r="5"><c r="B5"><f t="shared" si="0"/><v>12</v></c></row>';
    const shared = sheetWith(`<sheetData>${ROW2}${master}${clone}</sheetData>`);
    refusal(() => patch({ B4: { value: 3 } }, shared));
    const array = '<row r="4"><c r="B4"><f t="array" ref="B4:B4">SUM(C2:C3*2)</f><v>10</v></c></row>';
    refusal(() => patch({ B4: { value: 3 } }, sheetWith(`<sheetData>${ROW2}${array}</sheetData>`)));

    const out = patch({ B5: { value: 4 } }, shared);
    expect(out.removedFormula).toBe(true);
    expect(out.xml).toContain(`${master}<row r="5"><c r="B5"><v>4</v></c></row>`);
    // A mark on the master changes no formula.
    const marked = patch({ B4: { fill: ERROR_FILL } }, shared);
    expect(marked.xml).toContain('<c r="B4" s="2"><f t="shared" ref="B4:B5" si="0">C2*2</f><v>10</v></c>');
    expect(marked.removedFormula).toBe(false);
  });

  it("counts rows and cells without r (it is optional) from the one before", () => {
    const data =
      '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row spans="1:1"><c><v>3</v></c></row></sheetData>';
    const out = patch({ B1: { value: 9 }, C2: { value: 5 } }, sheetWith(data));
    expect(out.xml).toBe(
      sheetWith(
        '<sheetData><row r="1"><c><v>1</v></c><c r="B1"><v>9</v></c></row>' +
          '<row r="2"><c><v>3</v></c><c r="C2"><v>5</v></c></row></sheetData>',
      ),
    );
  });

  it("refuses what it cannot place: prefixed elements, no sheetData, rows or cells out of order, a non-finite number", () => {
    refusal(() => patch({ A1: { value: 1 } }, SHEET.replace(/<(\/?)row/g, "<$1x:row")));
    refusal(() => patch({ A1: { value: 1 } }, sheetWith("")));
    refusal(() => patch({ A3: { value: 1 } }, sheetWith(`<sheetData>${ROW4}${ROW2}</sheetData>`)));
    refusal(() =>
      patch({ B2: { value: 1 } }, sheetWith('<sheetData><row r="2"><c r="C2"/><c r="A2"/></row></sheetData>')),
    );
    refusal(() => patch({ C2: { value: Number.NaN } }));
    refusal(() => patch({ C2: { value: Number.POSITIVE_INFINITY } }));
  });
});

describe("sheet.ts: mergeMasters", () => {
  it("maps every address of a merged area to its top-left cell, and others to themselves", () => {
    const master = mergeMasters(SHEET);
    expect(["D6", "E6", "D7", "E7"].map(master)).toEqual(["D6", "D6", "D6", "D6"]);
    expect(["C6", "F7", "D8", "D5", "A9", "B2"].map(master)).toEqual(["C6", "F7", "D8", "D5", "A9", "B2"]);
    expect(mergeMasters(sheetWith("<sheetData/>").replace(/<mergeCells[\s\S]*<\/mergeCells>/, ""))("E7")).toBe("E7");
  });

  it("refuses a merge whose ref is no range", () => {
    refusal(() => mergeMasters('<mergeCells count="1"><mergeCell ref="D6:"/></mergeCells>'));
  });
});

describe("sheet.ts: addLegacyDrawing", () => {
  const head = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const tag = '<legacyDrawing r:id="rIdZp1"/>';

  it("goes before <tableParts> (and so before <extLst>), after <drawing>", () => {
    const xml = `${head}<drawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst><ext uri="{X}"/></extLst></worksheet>`;
    expect(addLegacyDrawing(xml, "r", "rIdZp1")).toBe(
      `${head}<drawing r:id="rId1"/>${tag}<tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst><ext uri="{X}"/></extLst></worksheet>`,
    );
  });

  it("goes before <extLst> when it is the only later element, and before </worksheet> when none is", () => {
    expect(addLegacyDrawing(`${head}<extLst><ext uri="{X}"/></extLst></worksheet>`, "r", "rIdZp1")).toBe(
      `${head}${tag}<extLst><ext uri="{X}"/></extLst></worksheet>`,
    );
    expect(addLegacyDrawing(`${head}</worksheet>`, "r", "rIdZp1")).toBe(`${head}${tag}</worksheet>`);
    expect(addLegacyDrawing(`${head}<legacyDrawingHF r:id="rId4"/></worksheet>`, "r", "rIdZp1")).toBe(
      `${head}${tag}<legacyDrawingHF r:id="rId4"/></worksheet>`,
    );
    expect(addLegacyDrawing(`${head}</worksheet>`, "rel", "rIdZp2")).toBe(
      `${head}<legacyDrawing rel:id="rIdZp2"/></worksheet>`,
    );
  });

  it("steps over the cells to their end tag, and walks them when a comment or CDATA there could hide one", () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;extLst&gt;</t></is></c></row>';
    const margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    const open = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`;
    for (const inside of [rows, `${rows}<!-- </sheetData><extLst/> -->`, `<![CDATA[</sheetData>]]>${rows}`]) {
      const xml = `${open}<sheetData>${inside}</sheetData>${margins}<extLst><ext uri="{X}"/></extLst></worksheet>`;
      expect(addLegacyDrawing(xml, "r", "rIdZp1")).toBe(
        `${open}<sheetData>${inside}</sheetData>${margins}${tag}<extLst><ext uri="{X}"/></extLst></worksheet>`,
      );
    }
  });

  it("is placed among the worksheet's children, not inside a conditional format's own <extLst>", () => {
    // Excel 2010+ writes a data bar's x14 link as an <extLst> inside <cfRule> (CT_CfRule has an extLst of its own);
    // legacyDrawing is a child of <worksheet> (CT_Worksheet, §18.3.1.99), after pageMargins here.
    const cf =
      '<conditionalFormatting sqref="B2:B9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/>' +
      '<color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" ' +
      'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{00000000-0001-0000-0000-000000000000}</x14:id>' +
      "</ext></extLst></cfRule></conditionalFormatting>";
    const margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    const xml = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/>${cf}${margins}</worksheet>`;
    expect(addLegacyDrawing(xml, "r", "rIdZp1")).toBe(
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/>${cf}${margins}${tag}</worksheet>`,
    );
  });

  it("refuses a worksheet without its end tag", () => {
    refusal(() => addLegacyDrawing(`${head}`, "r", "rIdZp1"));
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("notes.ts", () => {
  it("newCommentsXml: one comment a ref, by the one author Ziping", () => {
    const xml = newCommentsXml(
      new Map([
        ["B3", "执行率偏低"],
        ["C4", 'a<b & "c"\n第二行'],
      ]),
    );
    expect(() => wellFormed(xml)).not.toThrow();
    expect(xml).toContain(`<comments xmlns="${MAIN}">`);
    expect(children(xml, "authors", "author")).toEqual(["<author>Ziping</author>"]);
    const comments = children(xml, "commentList", "comment");
    expect(comments.map((c) => attrs(c))).toEqual([
      { ref: "B3", authorId: "0" },
      { ref: "C4", authorId: "0" },
    ]);
    expect(comments.map(richText)).toEqual(["执行率偏低", 'a<b & "c"\n第二行']);
  });

  describe("addToCommentsXml", () => {
    const officer =
      '<comment ref="A3" authorId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>张三:</t></r>' +
      '<r><rPr><sz val="9"/></rPr><t xml:space="preserve">\n请核对</t></r></text></comment>';
    const EXISTING =
      XML_HEAD +
      `<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList>${officer}</commentList></comments>`;

    it("appends to the officer's note after a blank line, and adds new notes by Ziping, added once as author", () => {
      const { xml, added } = addToCommentsXml(
        EXISTING,
        new Map([
          ["A3", "执行率偏低"],
          ["B5", "新批注"],
          ["C6", "另一条 <3"],
        ]),
      );
      expect(() => wellFormed(xml)).not.toThrow();
      expect(added).toEqual(["B5", "C6"]);
      expect(children(xml, "authors", "author")).toEqual(["<author>张三</author>", "<author>Ziping</author>"]);
      const comments = children(xml, "commentList", "comment");
      expect(comments.map((c) => attrs(c))).toEqual([
        { ref: "A3", authorId: "0" },
        { ref: "B5", authorId: "1" },
        { ref: "C6", authorId: "1" },
      ]);
      // The officer's runs are kept byte for byte; Ziping's text follows as a run of its own.
      expect(comments[0].startsWith(officer.slice(0, officer.indexOf("</text>")))).toBe(true);
      expect(comments[0]).toMatch(/<\/t><\/r><r>[\s\S]*<\/r><\/text><\/comment>$/);
      expect(richText(comments[0])).toBe("张三:\n请核对\n\n执行率偏低");
      expect(comments.slice(1).map(richText)).toEqual(["新批注", "另一条 <3"]);
    });

    it("adds no author when every note goes to a cell that has one, and reuses Ziping when already an author", () => {
      const onlyExisting = addToCommentsXml(EXISTING, new Map([["A3", "补充"]]));
      expect(onlyExisting.added).toEqual([]);
      expect(children(onlyExisting.xml, "authors", "author")).toEqual(["<author>张三</author>"]);
      expect(richText(children(onlyExisting.xml, "commentList", "comment")[0])).toBe("张三:\n请核对\n\n补充");

      const withZiping = EXISTING.replace(
        "<authors><author>张三</author>",
        "<authors><author>Ziping</author><author>张三</author>",
      );
      const r = addToCommentsXml(withZiping, new Map([["D1", "x"]]));
      expect(children(r.xml, "authors", "author")).toEqual(["<author>Ziping</author>", "<author>张三</author>"]);
      expect(attrs(children(r.xml, "commentList", "comment")[1])).toEqual({ ref: "D1", authorId: "0" });
    });

    it("fills an empty <commentList/>", () => {
      const empty =
        XML_HEAD + `<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList/></comments>`;
      const { xml, added } = addToCommentsXml(empty, new Map([["A1", "甲"]]));
      expect(() => wellFormed(xml)).not.toThrow();
      expect(added).toEqual(["A1"]);
      expect(children(xml, "commentList", "comment").map((c) => attrs(c))).toEqual([{ ref: "A1", authorId: "1" }]);
    });

    it("refuses a part without authors or commentList, or with prefixed elements", () => {
      refusal(() => addToCommentsXml(`<comments xmlns="${MAIN}"><commentList/></comments>`, new Map([["A1", "x"]])));
      refusal(() =>
        addToCommentsXml(
          `<x:comments xmlns:x="${MAIN}"><x:authors/><x:commentList/></x:comments>`,
          new Map([["A1", "x"]]),
        ),
      );
    });
  });

  describe("VML", () => {
    const shapeIds = (xml: string) => [...xml.matchAll(/<v:shape id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
    const anchors = (xml: string) =>
      [...xml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => [Number(m[1]), Number(m[2])]);

    it("highestShapeId: the highest shape number of any part, 1024 when there is none", () => {
      expect(highestShapeId([])).toBe(1024);
      expect(
        highestShapeId(['<v:shape id="_x0000_s1025"/><v:shape id="_x0000_s1030"/>', '<v:shape id="_x0000_s2049"/>']),
      ).toBe(2049);
    });

    it("newVmlXml: an idmap block above the highest shape, ids in it, zero-based x:Row and x:Column", () => {
      const xml = newVmlXml(["B3", "AA10"], 1024);
      expect(() => wellFormed(xml)).not.toThrow();
      expect(xml).toContain('<o:idmap v:ext="edit" data="2"/>');
      expect(shapeIds(xml)).toEqual([2049, 2050]);
      expect(anchors(xml)).toEqual([
        [2, 1],
        [9, 26],
      ]);
      expect(xml.match(/<v:shapetype id="_x0000_t202"/g)).toHaveLength(1);
      expect(xml.match(/type="#_x0000_t202"/g)).toHaveLength(2);
      expect(xml.match(/<x:ClientData ObjectType="Note">/g)).toHaveLength(2);

      for (const highest of [1025, 2048, 2049, 3072, 5000]) {
        const v = newVmlXml(["A1", "B2"], highest);
        const block = Number(/<o:idmap v:ext="edit" data="(\d+)"\/>/.exec(v)![1]);
        const ids = shapeIds(v);
        // Shape n belongs to the idmap block floor((n - 1) / 1024) (Excel's convention: data="1" is 1025–2048).
        expect(ids.every((n) => n > highest && Math.floor((n - 1) / 1024) === block)).toBe(true);
        expect(ids[1]).toBe(ids[0] + 1);
      }
    });

    it("addToVmlXml: shapes added at the end of an existing part, its shape type reused", () => {
      const existing =
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
        'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/>' +
        '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202">' +
        '<x:ClientData ObjectType="Note"><x:Row>2</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>';
      const xml = addToVmlXml(existing, ["C5"]);
      expect(() => wellFormed(xml)).not.toThrow();
      expect(xml.startsWith(existing.slice(0, -"</xml>".length))).toBe(true);
      expect(xml.endsWith("</xml>")).toBe(true);
      expect(shapeIds(xml)).toEqual([1025, 1026]);
      expect(anchors(xml)).toEqual([
        [2, 0],
        [4, 2],
      ]);
      expect(xml.match(/<v:shapetype id="_x0000_t202"/g)).toHaveLength(1);

      // A part of form controls only has no note shape type yet: it gets one.
      const controls = existing
        .replace(/<v:shapetype[\s\S]*<\/v:shapetype>/, "")
        .replace(/type="#_x0000_t202"/, 'type="#_x0000_t201"');
      const withType = addToVmlXml(controls, ["A1"]);
      expect(() => wellFormed(withType)).not.toThrow();
      expect(withType.match(/<v:shapetype id="_x0000_t202"/g)).toHaveLength(1);
    });

    it("addToVmlXml refuses a part without the v, o and x namespaces or its end tag", () => {
      const v = 'xmlns:v="urn:schemas-microsoft-com:vml"';
      const o = 'xmlns:o="urn:schemas-microsoft-com:office:office"';
      const x = 'xmlns:x="urn:schemas-microsoft-com:office:excel"';
      refusal(() => addToVmlXml(`<xml ${v}><v:shape/></xml>`, ["A1"]));
      refusal(() => addToVmlXml(`<xml ${v} ${o}><v:shape/></xml>`, ["A1"]));
      refusal(() => addToVmlXml(`<xml ${v} ${x}><v:shape/></xml>`, ["A1"]));
      refusal(() => addToVmlXml(`<xml ${o} ${x}><v:shape/></xml>`, ["A1"]));
      refusal(() => addToVmlXml(`<xml ${v} ${o} ${x}><v:shape/>`, ["A1"]));
      // Without an idmap there is no block to number the new shapes in.
      refusal(() => addToVmlXml(`<xml ${v} ${o} ${x}></xml>`, ["A1"]));
      const map = (data: string) =>
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>`;
      expect(() => addToVmlXml(`<xml ${v} ${o} ${x}>${map("1")}</xml>`, ["A1"])).not.toThrow();
    });

    // Each sheet's VML part owns the blocks of 1024 shape ids its idmap names: sheet 2's part, block 2, ids 2049….
    it("addToVmlXml numbers new shapes after the part's own, inside its own block", () => {
      const v = 'xmlns:v="urn:schemas-microsoft-com:vml"';
      const o = 'xmlns:o="urn:schemas-microsoft-com:office:office"';
      const x = 'xmlns:x="urn:schemas-microsoft-com:office:excel"';
      const part = (data: string, ids: number[]) =>
        `<xml ${v} ${o} ${x}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${data}"/></o:shapelayout>` +
        ids.map((id) => `<v:shape id="_x0000_s${id}"/>`).join("") +
        "</xml>";
      expect(shapeIds(addToVmlXml(part("2", [2049, 2050]), ["A1", "B2"]))).toEqual([2049, 2050, 2051, 2052]);
      // An empty part starts at its block's first id.
      expect(shapeIds(addToVmlXml(part("3", []), ["A1"]))).toEqual([3073]);
      // A full block (ids up to 2047) is no room: refused, not numbered into the next sheet's block.
      refusal(() => addToVmlXml(part("1", [2047]), ["A1"]));
      // A part claiming two blocks may go on into the second.
      expect(shapeIds(addToVmlXml(part("1,2", [2047]), ["A1"]))).toEqual([2047, 2048]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

type Entries = Record<string, Uint8Array>;

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsOf(entries: Entries, part: string): Array<{ id: string; type: string; path: string }> {
  const i = part.lastIndexOf("/");
  const name = `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
  if (!entries[name]) return [];
  return [...strFromU8(entries[name]).matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return { id: a.Id, type: a.Type, path: resolve(part, a.Target) };
  });
}

function sheetsOf(entries: Entries): Array<{ name: string; sheetId: string; path: string; tag: string }> {
  const wb = strFromU8(entries["xl/workbook.xml"]);
  const rels = relsOf(entries, "xl/workbook.xml");
  return [...section(wb, "sheets").inner.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return { name: a.name, sheetId: a.sheetId, path: rels.find((r) => r.id === a["r:id"])?.path ?? "", tag: m[0] };
  });
}

const partOf = (entries: Entries, sheet: string) => sheetsOf(entries).find((s) => s.name === sheet)!.path;
const text = (entries: Entries, name: string) => strFromU8(entries[name]);

function overrides(entries: Entries): Map<string, string> {
  const xml = text(entries, "[Content_Types].xml");
  return new Map([...xml.matchAll(/<Override\b[^>]*>/g)].map((m) => [attrs(m[0]).PartName, attrs(m[0]).ContentType]));
}

/** The comments of a sheet by ref, as plain text. */
function commentsOf(entries: Entries, sheetPart: string): Map<string, string> {
  const rel = relsOf(entries, sheetPart).find((r) => r.type === `${REL}/comments`);
  if (!rel) return new Map();
  const xml = text(entries, rel.path);
  return new Map(children(xml, "commentList", "comment").map((c) => [attrs(c).ref, richText(c)]));
}

function cellTag(sheetXml: string, ref: string): string | undefined {
  return new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml)?.[0];
}

function exceljsNote(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note === undefined || typeof note === "string") return note ?? "";
  return (note.texts ?? []).map((t) => t.text).join("");
}

const TABLE = "自评表";
const OTHER_SHEET = "说明";

async function sourceWorkbook(withFormula = true): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "张三";
  wb.keywords = "预算; 2023";
  const ws = wb.addWorksheet(TABLE);
  ws.getCell("A1").value = "项目";
  ws.getCell("B2").value = 100;
  if (withFormula) ws.getCell("C2").value = { formula: "B2*2", result: 200 } as ExcelJS.CellFormulaValue;
  ws.getCell("A3").value = "备注";
  ws.getCell("A3").note = "请核对";
  ws.getCell("B3").value = 5;
  ws.mergeCells("D5:E6");
  ws.getCell("D5").value = "合并";
  const other = wb.addWorksheet(OTHER_SHEET);
  other.getCell("A1").value = "其他内容";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const FINDINGS: WritePlan["findingsSheet"] = {
  name: "校验结果",
  header: ["级别", "位置", "说明"],
  rows: [{ cells: ["错误", "B3", "总分不符"], link: { sheet: TABLE, cell: "B3" }, severity: "error" }],
};

const PLAN: WritePlan = {
  values: [
    { sheet: TABLE, cell: "B4", value: 0.9893, numFmt: "0.00%", figure: "执行率", note: "执行率 = 98.93 ÷ 100" },
    { sheet: TABLE, cell: "B2", value: 120, figure: "预算数" },
  ],
  marks: [
    { sheet: TABLE, cell: "A3", severity: "warning", note: "偏差原因未填写" },
    { sheet: TABLE, cell: "B3", severity: "warning", note: "得分超过权重" },
    { sheet: TABLE, cell: "B3", severity: "error", note: "总分不符" },
    { sheet: TABLE, cell: "E6", severity: "warning", note: "合并区域" },
  ],
  findingsSheet: FINDINGS,
};

/** Parts a scored copy of sourceWorkbook() under PLAN may rewrite; every other one must come out byte for byte. */
const REWRITTEN = new Set([
  "xl/worksheets/sheet1.xml",
  "xl/comments1.xml",
  "xl/drawings/vmlDrawing1.vml",
  "xl/styles.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "docProps/core.xml",
]);

describe("index.ts: patchScoredCopy", () => {
  let source: Entries;
  let copy: Entries;
  let copyBytes: Uint8Array;

  beforeAll(async () => {
    const bytes = await sourceWorkbook();
    source = unzipSync(bytes);
    copyBytes = await patchScoredCopy(bytes, PLAN);
    copy = unzipSync(copyBytes);
  });

  it("the source is what the test means it to be (exceljs's part names)", () => {
    expect(partOf(source, TABLE)).toBe("xl/worksheets/sheet1.xml");
    expect(partOf(source, OTHER_SHEET)).toBe("xl/worksheets/sheet2.xml");
    expect(
      relsOf(source, "xl/worksheets/sheet1.xml")
        .map((r) => r.path)
        .sort(),
    ).toEqual(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]);
  });

  it("keeps every part it has no reason to change byte for byte, the other sheet included, in the same order", () => {
    const kept = Object.keys(source).filter((n) => !REWRITTEN.has(n));
    expect(kept).toContain("xl/worksheets/sheet2.xml");
    for (const name of kept) expect([name, copy[name]]).toEqual([name, source[name]]);
    expect(Object.keys(copy).slice(0, Object.keys(source).length)).toEqual(Object.keys(source));
    const added = Object.keys(copy).filter((n) => !(n in source));
    expect(added).toEqual([partOf(copy, FINDINGS.name)]);
  });

  it("every part it rewrites is well-formed XML", () => {
    const names = [...REWRITTEN, ...Object.keys(copy).filter((n) => !(n in source))];
    const broken = names.filter((name) => {
      try {
        wellFormed(text(copy, name));
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
  });

  it("writes the values: a number over a number, a new cell in a new row with its percentage format", () => {
    const sheet = text(copy, "xl/worksheets/sheet1.xml");
    const styles = text(copy, "xl/styles.xml");
    expect(cellTag(sheet, "B2")).toMatch(/^<c r="B2"(?: s="\d+")?><v>120<\/v><\/c>$/);
    const b4 = cellTag(sheet, "B4")!;
    expect(b4).toMatch(/^<c r="B4" s="\d+"><v>0\.9893<\/v><\/c>$/);
    expect(numFmtIdOf(styles, Number(attrs(b4).s))).toBe(10);
    // The formula cell the plan does not write keeps its formula.
    expect(cellTag(sheet, "C2")).toContain("<f>B2*2</f>");
  });

  it("leaves the rows it does not write and everything around sheetData as they were", () => {
    const before = text(source, "xl/worksheets/sheet1.xml");
    const after = text(copy, "xl/worksheets/sheet1.xml");
    const row1 = /<row r="1"[\s\S]*?<\/row>/.exec(before)![0];
    expect(after).toContain(row1);
    expect(after.slice(0, after.indexOf("<sheetData>"))).toBe(before.slice(0, before.indexOf("<sheetData>")));
    // The sheet already had its notes' legacyDrawing: nothing after sheetData changes.
    expect(after.slice(after.indexOf("</sheetData>"))).toBe(before.slice(before.indexOf("</sheetData>")));
  });

  it("marks cells with the most severe finding's fill: error red, warning yellow, a merged area on its master", () => {
    const sheet = text(copy, "xl/worksheets/sheet1.xml");
    const styles = text(copy, "xl/styles.xml");
    const fillOf = (ref: string) => fillColourOf(styles, Number(attrs(cellTag(sheet, ref)!).s ?? 0));
    expect(SEVERITY_FILL.error).toBe(ERROR_FILL);
    expect(SEVERITY_FILL.warning).toBe(WARNING_FILL);
    expect(fillOf("B3")).toBe(ERROR_FILL);
    expect(fillOf("A3")).toBe(WARNING_FILL);
    expect(fillOf("D5")).toBe(WARNING_FILL);
    const e6 = cellTag(sheet, "E6");
    expect(e6 === undefined || fillColourOf(styles, Number(attrs(e6).s ?? 0)) !== WARNING_FILL).toBe(true);
    // The marked cells keep their content.
    expect(cellTag(sheet, "B3")).toMatch(/<v>5<\/v><\/c>$/);
    // The styles the workbook had keep their indexes: the old cellXfs are a prefix of the new.
    const oldXfs = children(text(source, "xl/styles.xml"), "cellXfs", "xf");
    expect(children(styles, "cellXfs", "xf").slice(0, oldXfs.length)).toEqual(oldXfs);
  });

  it("keeps the officer's note and follows it with the plan's, and notes every other planned cell once", () => {
    const notes = commentsOf(copy, "xl/worksheets/sheet1.xml");
    expect(notes.get("A3")).toBe("请核对\n\n偏差原因未填写");
    expect(notes.get("B3")).toBe("得分超过权重\n总分不符");
    expect(notes.get("B4")).toBe("执行率 = 98.93 ÷ 100");
    expect(notes.get("D5")).toBe("合并区域");
    expect([...notes.keys()].sort()).toEqual(["A3", "B3", "B4", "D5"]);
    const xml = text(copy, "xl/comments1.xml");
    expect(children(xml, "commentList", "comment")).toHaveLength(4);

    // Each note has one shape, numbered apart from the officer's and anchored on its cell (zero-based).
    const vml = text(copy, "xl/drawings/vmlDrawing1.vml");
    const ids = [...vml.matchAll(/<v:shape id="_x0000_s(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(4);
    const anchored = [...vml.matchAll(/<x:Row>(\d+)<\/x:Row>\s*<x:Column>(\d+)<\/x:Column>/g)].map(
      (m) => `${m[1]},${m[2]}`,
    );
    expect(anchored.sort()).toEqual(["2,0", "2,1", "3,1", "4,3"]);
  });

  it("adds the findings sheet after the existing sheets, with a unique sheetId, a relationship and a content type", () => {
    const sheets = sheetsOf(copy);
    expect(sheets.map((s) => s.name)).toEqual([TABLE, OTHER_SHEET, FINDINGS.name]);
    const ids = sheets.map((s) => s.sheetId);
    expect(new Set(ids).size).toBe(3);
    expect(sheets.slice(0, 2).map((s) => s.tag)).toEqual(sheetsOf(source).map((s) => s.tag));
    const added = sheets[2];
    const rel = relsOf(copy, "xl/workbook.xml").find((r) => r.path === added.path)!;
    expect(rel.type).toBe(`${REL}/worksheet`);
    expect(added.path in copy).toBe(true);
    expect(added.path in source).toBe(false);
    expect(overrides(copy).get(`/${added.path}`)).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    );
    // The workbook's own relationships are all still there, with their ids.
    for (const r of relsOf(source, "xl/workbook.xml")) expect(relsOf(copy, "xl/workbook.xml")).toContainEqual(r);
    // One selected sheet at most: two would open grouped.
    expect(text(copy, added.path)).not.toMatch(/tabSelected="(1|true)"/);
  });

  it("marks docProps/core.xml as Ziping's scored copy, keeping the officer's keywords and the creator", () => {
    const core = text(copy, "docProps/core.xml");
    expect(unescape(section(core, "cp:keywords").inner)).toBe("预算; 2023; ziping:output=scored-copy");
    expect(section(core, "cp:lastModifiedBy").inner).toBe("Ziping");
    expect(section(core, "dc:creator").inner).toBe("张三");
  });

  it("opens in exceljs with the values, the notes, the fills and the new sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(copyBytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([TABLE, OTHER_SHEET, FINDINGS.name]);
    const ws = wb.getWorksheet(TABLE)!;
    expect(ws.getCell("B2").value).toBe(120);
    expect(ws.getCell("B4").value).toBe(0.9893);
    expect(ws.getCell("B4").numFmt).toBe("0.00%");
    expect(ws.getCell("C2").formula).toBe("B2*2");
    expect(exceljsNote(ws.getCell("A3"))).toBe("请核对\n\n偏差原因未填写");
    expect(exceljsNote(ws.getCell("B3"))).toBe("得分超过权重\n总分不符");
    expect(exceljsNote(ws.getCell("B4"))).toBe("执行率 = 98.93 ÷ 100");
    const fill = (ref: string) => (ws.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill("B3")).toBe(ERROR_FILL);
    expect(fill("A3")).toBe(WARNING_FILL);
    expect(fill("D5")).toBe(WARNING_FILL);
    expect(ws.getCell("B3").value).toBe(5);
    expect(ws.getCell("A3").value).toBe("备注");
    expect(wb.getWorksheet(OTHER_SHEET)!.getCell("A1").value).toBe("其他内容");

    const findings = wb.getWorksheet(FINDINGS.name)!;
    expect(findings.getCell("A1").value).toBe("级别");
    expect(findings.getCell("A1").font?.bold).toBe(true);
    expect((findings.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF2F2F2");
    expect(findings.getCell("C2").value).toBe("总分不符");
    expect((findings.getCell("C2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(ERROR_FILL);
    expect(wb.keywords).toBe("预算; 2023; ziping:output=scored-copy");
    expect(wb.lastModifiedBy).toBe("Ziping");
  });

  it("gives a sheet without notes a comments part, a VML part in a block of its own and a legacyDrawing", async () => {
    const bytes = await sourceWorkbook();
    const plan: WritePlan = {
      values: [],
      marks: [{ sheet: OTHER_SHEET, cell: "A1", severity: "error", note: "说明不完整" }],
      findingsSheet: { name: "校验结果", header: [], rows: [] },
    };
    const out = unzipSync(await patchScoredCopy(bytes, plan));
    const part = partOf(out, OTHER_SHEET);
    const rels = relsOf(out, part);
    const comments = rels.find((r) => r.type === `${REL}/comments`)!;
    const vml = rels.find((r) => r.type === `${REL}/vmlDrawing`)!;
    expect(comments.path in source).toBe(false);
    expect(vml.path in source).toBe(false);
    expect(commentsOf(out, part)).toEqual(new Map([["A1", "说明不完整"]]));
    expect(overrides(out).get(`/${comments.path}`)).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
    );
    expect(text(out, "[Content_Types].xml")).toMatch(
      /<Default Extension="vml" ContentType="application\/vnd.openxmlformats-officedocument.vmlDrawing"\/>/,
    );

    const sheet = text(out, part);
    expect(() => wellFormed(sheet)).not.toThrow();
    expect(sheet).toContain(`<legacyDrawing r:id="${vml.id}"/></worksheet>`);
    const blockOf = (xml: string) => /<o:idmap v:ext="edit" data="(\d+)"\/>/.exec(xml)![1];
    expect(blockOf(text(out, vml.path))).not.toBe(blockOf(text(out, "xl/drawings/vmlDrawing1.vml")));
    const allIds = Object.keys(out)
      .filter((n) => n.endsWith(".vml"))
      .flatMap((n) => [...text(out, n).matchAll(/_x0000_s(\d+)/g)].map((m) => m[1]));
    expect(new Set(allIds).size).toBe(allIds.length);

    // No sheet to add: the workbook part and its relationships are untouched, and so is the table's sheet.
    expect(out["xl/workbook.xml"]).toEqual(source["xl/workbook.xml"]);
    expect(out["xl/_rels/workbook.xml.rels"]).toEqual(source["xl/_rels/workbook.xml.rels"]);
    expect(out["xl/worksheets/sheet1.xml"]).toEqual(source["xl/worksheets/sheet1.xml"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(zipSync(out)) as unknown as ExcelJS.Buffer);
    expect(exceljsNote(wb.getWorksheet(OTHER_SHEET)!.getCell("A1"))).toBe("说明不完整");
    expect(exceljsNote(wb.getWorksheet(TABLE)!.getCell("A3"))).toBe("请核对");
  });

  it("adds text sheets after the findings sheet, each with its own sheetId, part and styles", async () => {
    const row = { font: "仿宋_GB2312", fallbackFont: "仿宋", size: 16, bold: true, align: "left" as const, indent: 2 };
    const plan: WritePlan = {
      ...PLAN,
      sheets: [
        {
          name: "自评报告",
          columnWidth: 80,
          rows: [
            { ...row, text: "一、基本情况", highlight: false },
            { ...row, text: "【待填写：绩效目标】", bold: false, size: 12, highlight: true },
          ],
        },
      ],
    };
    const bytes = await patchScoredCopy(await sourceWorkbook(), plan);
    const out = unzipSync(bytes);
    const sheets = sheetsOf(out);
    expect(sheets.map((s) => s.name)).toEqual([TABLE, OTHER_SHEET, FINDINGS.name, "自评报告"]);
    expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(4);
    expect(new Set(sheets.map((s) => s.path)).size).toBe(4);
    for (const s of sheets.slice(2)) expect(overrides(out).has(`/${s.path}`)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const report = wb.getWorksheet("自评报告")!;
    expect(report.getCell("A1").value).toBe("一、基本情况");
    expect(report.getCell("A1").font).toMatchObject({ name: "仿宋_GB2312", size: 16, bold: true });
    expect(report.getCell("A1").numFmt).toBe("@");
    expect((report.getCell("A2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
    expect(report.getCell("A2").font).toMatchObject({ name: "仿宋_GB2312", size: 12 });
    expect(report.getColumn(1).width).toBe(80);
  });

  it("puts a new legacyDrawing among the sheet's children when a data bar carries an <extLst> of its own", async () => {
    // Excel 2010+ writes a data bar's x14 link as an <extLst> inside <cfRule>; legacyDrawing belongs to <worksheet>
    // after pageMargins/pageSetup (CT_Worksheet, §18.3.1.99), never inside the conditional format.
    const files = unzipSync(await sourceWorkbook());
    const part = "xl/worksheets/sheet2.xml";
    const cf =
      '<conditionalFormatting sqref="A1:A3"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/>' +
      '<color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" ' +
      'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{00000000-0001-0000-0000-000000000000}</x14:id>' +
      "</ext></extLst></cfRule></conditionalFormatting>";
    files[part] = strToU8(text(files, part).replace("<pageMargins", `${cf}<pageMargins`));
    const plan: WritePlan = {
      values: [],
      marks: [{ sheet: OTHER_SHEET, cell: "A1", severity: "warning", note: "x" }],
      findingsSheet: { name: "校验结果", header: [], rows: [] },
    };
    const sheet = text(unzipSync(await patchScoredCopy(zipSync(files), plan)), part);
    expect(sheet).toContain(cf);
    expect(sheet.indexOf("<legacyDrawing")).toBeGreaterThan(sheet.indexOf("<pageSetup"));
    expect(sheet).toMatch(/<legacyDrawing r:id="[^"]+"\/><\/worksheet>$/);
  });

  describe("the calculation chain", () => {
    const CHAIN = "xl/calcChain.xml";
    const CHAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml";

    /** sourceWorkbook() with the calcChain Excel would have written for its one formula (C2). */
    async function withChain(): Promise<Uint8Array> {
      const files = unzipSync(await sourceWorkbook());
      files[CHAIN] = strToU8(`${XML_HEAD}<calcChain xmlns="${MAIN}"><c r="C2" i="1"/></calcChain>`);
      const rels = text(files, "xl/_rels/workbook.xml.rels");
      files["xl/_rels/workbook.xml.rels"] = strToU8(
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rId99" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
        ),
      );
      const types = text(files, "[Content_Types].xml");
      files["[Content_Types].xml"] = strToU8(
        types.replace("</Types>", `<Override PartName="/${CHAIN}" ContentType="${CHAIN_TYPE}"/></Types>`),
      );
      return zipSync(files);
    }

    it("goes, with its relationship and content type, when a written cell held a formula", async () => {
      const plan: WritePlan = { ...PLAN, values: [{ sheet: TABLE, cell: "C2", value: 300, figure: "x" }] };
      const out = unzipSync(await patchScoredCopy(await withChain(), plan));
      expect(CHAIN in out).toBe(false);
      expect(relsOf(out, "xl/workbook.xml").some((r) => r.type === `${REL}/calcChain`)).toBe(false);
      expect(overrides(out).has(`/${CHAIN}`)).toBe(false);
      expect(cellTag(text(out, "xl/worksheets/sheet1.xml"), "C2")).toMatch(/^<c r="C2"(?: s="\d+")?><v>300<\/v><\/c>$/);
      for (const name of ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"])
        expect(() => wellFormed(text(out, name))).not.toThrow();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(zipSync(out)) as unknown as ExcelJS.Buffer);
      expect(wb.getWorksheet(TABLE)!.getCell("C2").value).toBe(300);
    });

    it("stays, byte for byte, when no written cell held a formula", async () => {
      const bytes = await withChain();
      const out = unzipSync(await patchScoredCopy(bytes, PLAN));
      expect(out[CHAIN]).toEqual(unzipSync(bytes)[CHAIN]);
      expect(relsOf(out, "xl/workbook.xml").find((r) => r.type === `${REL}/calcChain`)?.path).toBe(CHAIN);
      expect(overrides(out).get(`/${CHAIN}`)).toBe(CHAIN_TYPE);
    });
  });

  it("throws an Error, not CannotPatch, for a plan naming a sheet the workbook does not have", async () => {
    const bytes = await sourceWorkbook(false);
    const plan: WritePlan = { ...PLAN, values: [{ sheet: "不存在", cell: "A1", value: 1, figure: "x" }], marks: [] };
    const error = await patchScoredCopy(bytes, plan).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(CannotPatch);
    expect((error as Error).message).toContain("不存在");
  });

  it("refuses bytes that are no zip with CannotPatch", async () => {
    await expect(patchScoredCopy(strToU8("not a workbook"), PLAN)).rejects.toBeInstanceOf(CannotPatch);
  });
});
