/**
 * How Ziping's sheets print (src/domain/print.ts). Figures by hand: one width unit is 7 px plus 5 px of padding a
 * column; 96 px an inch, 25.4 mm an inch; A4 is 210 × 297 mm, the data margins 13 mm a side (184 mm across in
 * portrait, 271 mm in landscape).
 */
import { describe, expect, it } from "@jest/globals";
import {
  cellSheetLayout,
  wrappedLines,
  wrappedRowHeights,
  columnsWidthMm,
  contentWidths,
  DATA_MARGINS,
  displayWidth,
  estimateRowHeight,
  findingsSheetLayout,
  fitScale,
  GONGWEN_MARGINS,
  printableWidthMm,
  printSetupFor,
  TEXT_SHEET_PRINT,
} from "../../src/domain/print";

describe("page geometry", () => {
  it("a 10-unit column is 75 px, 19.84375 mm; two of them 39.6875 mm", () => {
    expect(columnsWidthMm([10])).toBeCloseTo(19.84375, 10);
    expect(columnsWidthMm([10, 10])).toBeCloseTo(39.6875, 10);
    expect(columnsWidthMm([])).toBe(0);
  });

  it("A4 leaves 184 mm portrait and 271 mm landscape between the data margins, 156 mm between the 公文 margins", () => {
    expect(printableWidthMm("portrait", DATA_MARGINS)).toBe(184);
    expect(printableWidthMm("landscape", DATA_MARGINS)).toBe(271);
    expect(printableWidthMm("portrait", GONGWEN_MARGINS)).toBe(156);
  });
});

describe("printSetupFor", () => {
  // 184 mm is 695.43 px: a 98-unit column (691 px) fits portrait, a 99-unit one (698 px) does not.
  it("stays portrait up to the portrait page's width and turns landscape past it", () => {
    expect(printSetupFor([98], 1).orientation).toBe("portrait");
    expect(printSetupFor([99], 1).orientation).toBe("landscape");
    // 49 + 48 units: 348 + 341 = 689 px, portrait; 49 + 49: 696 px, just over.
    expect(printSetupFor([49, 48], 0).orientation).toBe("portrait");
    expect(printSetupFor([49, 49], 0).orientation).toBe("landscape");
  });

  it("is always A4, one page wide, with the rows to repeat and the margins given", () => {
    expect(printSetupFor([10], 2)).toEqual({
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      titleRows: 2,
      margins: DATA_MARGINS,
    });
    expect(printSetupFor([10], 0, GONGWEN_MARGINS).margins).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
  });

  it("scales down only as far as one page wide needs", () => {
    // 271 mm is 1024.25 px; 200 units is 1405 px → 1024.25 / 1405 = 0.72900.
    const setup = printSetupFor([200], 1);
    expect(setup.orientation).toBe("landscape");
    expect(fitScale([200], setup)).toBeCloseTo(0.729, 3);
    expect(fitScale([10], printSetupFor([10], 1))).toBe(1);
  });
});

describe("contentWidths", () => {
  it("counts a CJK character as two, a number as ten, the widest line of a cell, plus two", () => {
    expect(displayWidth("执行率")).toBe(6);
    expect(displayWidth("ab\n执行率 C7")).toBe(9);
    expect(displayWidth("（）")).toBe(4);
    expect(contentWidths([["序号", 12345.678, "a"]], { min: 0, max: 99 })).toEqual([6, 12, 3]);
  });

  it("keeps each column within its bounds, and skips blank cells", () => {
    const rows = [
      ["x".repeat(50), "", null],
      ["y", "执行率", undefined],
    ];
    expect(contentWidths(rows, { min: 8, max: 40 })).toEqual([40, 8, 8]);
    expect(contentWidths(rows, (c) => (c === 0 ? { min: 1, max: 60 } : { min: 3, max: 5 }))).toEqual([52, 5, 3]);
  });
});

describe("wrapped rows", () => {
  // 11 pt is 14.667 px a CJK character, 7.333 px another; a 10-unit column is 75 px.
  it("counts the lines a text takes in its column", () => {
    expect(wrappedLines("甲".repeat(5), 11, 10)).toBe(1); // 73.3 px
    expect(wrappedLines("甲".repeat(6), 11, 10)).toBe(2); // 88 px
    expect(wrappedLines("a".repeat(10), 11, 10)).toBe(1); // 73.3 px
    expect(wrappedLines("甲\n乙", 11, 10)).toBe(2);
    expect(wrappedLines("", 11, 10)).toBe(1);
  });

  it("gives a height only to rows of more than one line: the tallest cell's lines × 1.4 × the size, plus 4", () => {
    // Row 0: 12 CJK characters (176 px) in 75 px: 3 lines → ⌈3 × 11 × 1.4 + 4⌉ = 51. Row 1: one line each.
    const heights = wrappedRowHeights(
      [
        ["甲".repeat(12), "乙".repeat(6), 12345],
        ["短", "a", null],
      ],
      [10, 10, 10],
    );
    expect([...heights]).toEqual([[0, 51]]);
    // Excel's ceiling, 409 points.
    expect(wrappedRowHeights([["甲".repeat(5000)]], [10]).get(0)).toBe(409);
  });

  it("a sheet of cells leaves merged cells and formulas out of its row heights", () => {
    const long = "甲".repeat(12);
    const layout = cellSheetLayout({
      rows: [[long, ""], [{ formula: `"${long}"` }], ["x", long]],
      columnWidths: [10, 10],
      merges: ["A1:B1"],
    });
    expect([...layout.heights]).toEqual([[2, 51]]);
  });
});

describe("the sheets Ziping writes", () => {
  it("校验结果: 序号 5–6 wide, 说明 and 计算过程 up to 36, the rest up to 18; header row repeated", () => {
    const long = "甲".repeat(30);
    const layout = findingsSheetLayout({
      name: "校验结果",
      header: ["序号", "严重程度", "规则", "工作表", "单元格", "说明", "应为", "实为", "计算过程"],
      rows: [{ cells: [1, "错误", long, "自评表", "I14", long, "8.62", "9", long] }],
    });
    // 序号: 4 + 2 = 6; 严重程度: 10; 规则: 60 + 2 capped at 18; 工作表: 8; 单元格 (6 vs "I14" 3): 8;
    // 说明 and 计算过程 capped at 36; 应为 "8.62" / header 4: 6, 实为 6.
    expect(layout.widths).toEqual([6, 10, 18, 8, 8, 36, 6, 6, 36]);
    // 134 units and 9 paddings: 983 px = 260.1 mm > 184 mm: landscape, and it fits 271 mm unscaled.
    expect(layout.print).toMatchObject({ orientation: "landscape", titleRows: 1 });
    expect(fitScale(layout.widths, layout.print)).toBe(1);
  });

  it("a sheet of cells repeats its frozen header rows; the 自评报告 sheet is the 公文 page", () => {
    expect(cellSheetLayout({ rows: [], columnWidths: [20, 20], freezeRows: 3 }).print).toMatchObject({
      orientation: "portrait",
      titleRows: 3,
    });
    expect(cellSheetLayout({ rows: [] }).print).toMatchObject({ orientation: "portrait", titleRows: 0 });
    expect(TEXT_SHEET_PRINT).toEqual({
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      titleRows: 0,
      margins: { top: 37, bottom: 35, left: 28, right: 26 },
    });
  });
});

describe("displayWidth at the edges of the wide ranges", () => {
  // Each wide range's first and last code point count 2; the code points just outside count 1.
  it.each([
    [0x1100, 0x115f],
    [0x2e80, 0xa4cf],
    [0xac00, 0xd7a3],
    [0xf900, 0xfaff],
    [0xfe30, 0xfe4f],
    [0xff00, 0xff60],
    [0xffe0, 0xffe6],
  ])("U+%s … U+%s wide, its neighbours narrow", (first, last) => {
    expect(displayWidth(String.fromCharCode(first))).toBe(2);
    expect(displayWidth(String.fromCharCode(last))).toBe(2);
    expect(displayWidth(String.fromCharCode(first - 1))).toBe(1);
    expect(displayWidth(String.fromCharCode(last + 1))).toBe(1);
  });

  it("counts a surrogate pair once, as two, and measures the widest line", () => {
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("a😀b")).toBe(4);
    // U+D7FF (just below the surrogates) is narrow; a lone low surrogate is one narrow unit.
    expect(displayWidth("\ud7ff")).toBe(1);
    expect(displayWidth("\udc00")).toBe(1);
    expect(displayWidth("\udbff\udfff")).toBe(2);
    expect(displayWidth("自评\nabc")).toBe(4);
    expect(displayWidth("ab\n自评表")).toBe(6);
    expect(displayWidth("")).toBe(0);
  });
});

describe("row heights", () => {
  // 11 pt: a CJK character 11 × 96 ÷ 72 = 14.67 px; a column of 10 units is 75 px: 5 characters a line.
  it("wraps at the column's width: CJK full, Latin half, each line at least one", () => {
    expect(wrappedLines("一二三四五", 11, 10)).toBe(1); // 73.3 px
    expect(wrappedLines("一二三四五六", 11, 10)).toBe(2); // 88 px
    expect(wrappedLines("abcdefghij", 11, 10)).toBe(1); // 10 × 7.33 = 73.3 px
    expect(wrappedLines("\n", 11, 10)).toBe(2);
    // U+2E80 is counted full width, U+2E7F half.
    expect(wrappedLines("\u2e80".repeat(6), 11, 10)).toBe(2);
    expect(wrappedLines("\u2e7f".repeat(6), 11, 10)).toBe(1);
  });

  it("gives 1.4 × the font size a line, plus 4 points, up to Excel's 409", () => {
    // Two lines at 11 pt: ceil(2 × 11 × 1.4 + 4) = ceil(34.8) = 35.
    expect(estimateRowHeight("一二三四五六", 11, 10)).toBe(35);
    expect(estimateRowHeight("一", 11, 10)).toBe(Math.ceil(11 * 1.4 + 4));
    expect(estimateRowHeight("一".repeat(1000), 11, 10)).toBe(409);
  });
});
