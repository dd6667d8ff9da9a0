import {
  columnLetters,
  gridFromRows,
  isCellError,
  MapGrid,
  parseA1,
  parseRange,
  rangeToA1,
  toA1,
} from "../../src/domain/grid";

describe("A1 addressing", () => {
  it.each([
    [1, 1, "A1"],
    [14, 9, "I14"],
    [3, 26, "Z3"],
    [3, 27, "AA3"],
    [1, 16384, "XFD1"],
  ])("row %i col %i is %s and back", (row, col, a1) => {
    expect(toA1(row, col)).toBe(a1);
    expect(parseA1(a1)).toEqual({ row, col });
  });

  it("reads absolute addresses and rejects junk", () => {
    expect(parseA1("$C$7")).toEqual({ row: 7, col: 3 });
    expect(() => parseA1("7C")).toThrow(/A1/);
    expect(columnLetters(702)).toBe("ZZ");
  });

  it("normalises ranges written backwards", () => {
    expect(parseRange("C5:A1")).toEqual({ top: 1, left: 1, bottom: 5, right: 3 });
  });
});

describe("gridFromRows", () => {
  it("places values 1-based, skips blanks and keeps formula cells", () => {
    const g = gridFromRows(
      "表",
      [
        ["a", "", 3],
        [null, { value: 6, formula: "C1*2" }],
      ],
      ["A1:B1"],
    );
    expect(g.cell(1, 1)?.value).toBe("a");
    expect(g.cell(1, 2)).toBeUndefined();
    expect(g.cell(2, 2)).toEqual({ value: 6, formula: "C1*2" });
    expect(g.rowCount).toBe(2);
    expect(g.colCount).toBe(3);
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });
});

describe("column letters past the cached range", () => {
  it.each([
    [52, "AZ"],
    [53, "BA"],
    [703, "AAA"],
    [1024, "AMJ"],
    [2000, "BXX"],
  ])("column %i is %s, read and written", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(toA1(9, col)).toBe(`${letters}9`);
    expect(parseA1(`${letters}9`)).toEqual({ row: 9, col });
  });

  it("column 0 has no letters", () => {
    expect(columnLetters(0)).toBe("");
  });
});

describe("parseA1", () => {
  it("reads lower case, surrounding spaces and a $ on either part", () => {
    expect(parseA1("c7")).toEqual({ row: 7, col: 3 });
    expect(parseA1(" B2 ")).toEqual({ row: 2, col: 2 });
    expect(parseA1("A$12")).toEqual({ row: 12, col: 1 });
    expect(parseA1("$xfd1048576")).toEqual({ row: 1048576, col: 16384 });
  });

  it.each(["ABCD1", "A", "12", "A1B", "A-1", "", "A1:B2"])("refuses %p as an address, naming it", (junk) => {
    expect(() => parseA1(junk)).toThrow(`Not an A1 address: ${junk}`);
  });
});

describe("ranges", () => {
  it("a one-cell range is written as its cell, a larger one as corners", () => {
    expect(rangeToA1({ top: 3, left: 2, bottom: 3, right: 2 })).toBe("B3");
    expect(rangeToA1({ top: 2, left: 1, bottom: 5, right: 3 })).toBe("A2:C5");
  });

  it("a single address is a one-cell range", () => {
    expect(parseRange("B3")).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseRange("A5:C1")).toEqual({ top: 1, left: 1, bottom: 5, right: 3 });
  });
});

describe("cell errors", () => {
  it("only an { error } object is a cell error", () => {
    expect(isCellError({ error: "#REF!" })).toBe(true);
    expect(isCellError(null)).toBe(false);
    expect(isCellError(undefined)).toBe(false);
    expect(isCellError("#REF!")).toBe(false);
    expect(isCellError(0)).toBe(false);
    expect(isCellError(false)).toBe(false);
    expect(isCellError(new Date(Date.UTC(2023, 11, 31)))).toBe(false);
  });
});

describe("MapGrid", () => {
  it("grows its used range to the furthest row and column set, never shrinks it", () => {
    const g = new MapGrid("表").set(5, 2, { value: 1 }).set(3, 7, { value: 2 }).set(1, 1, { value: 3 });
    expect(g.rowCount).toBe(5);
    expect(g.colCount).toBe(7);
    expect(g.cell(3, 7)).toEqual({ value: 2 });
    expect(g.cell(7, 3)).toBeUndefined();
    expect(g.merges).toEqual([]);
    expect(g.name).toBe("表");
  });

  it("lists its cells row by row, left to right", () => {
    const g = new MapGrid("表").set(2, 3, { value: "c" }).set(1, 5, { value: "a" }).set(2, 1, { value: "b" });
    expect([...g.entries()]).toEqual([
      { row: 1, col: 5, cell: { value: "a" } },
      { row: 2, col: 1, cell: { value: "b" } },
      { row: 2, col: 3, cell: { value: "c" } },
    ]);
  });

  it("counts a cell set twice once, and keeps the last", () => {
    const g = new MapGrid("表").set(1, 1, { value: 1 }).set(1, 1, { value: 2 }).set(1, 2, { value: 3 });
    expect(g.size).toBe(2);
    expect(g.cell(1, 1)).toEqual({ value: 2 });
  });

  it("holds the sheet's far corners and rows past 65,535 apart, and lists a sparse sheet by its cells", () => {
    // Row × 16,384 + column is past a small integer from row 65,536 on: no two cells may meet there.
    const g = new MapGrid("表")
      .set(1_048_576, 16_384, { value: "XFD1048576" })
      .set(200_000, 1, { value: "A200000" })
      .set(199_999, 16_385 - 1, { value: "XFD199999" })
      .set(1, 1, { value: "A1" })
      .set(1, 16_384, { value: "XFD1" });
    expect(g.size).toBe(5);
    expect(g.cell(200_000, 1)?.value).toBe("A200000");
    expect(g.cell(199_999, 16_384)?.value).toBe("XFD199999");
    expect(g.cell(200_000, 0)).toBeUndefined();
    expect(g.cell(199_999, 16_385)).toBeUndefined();
    expect([...g.entries()].map((e) => e.cell.value)).toEqual(["A1", "XFD1", "XFD199999", "A200000", "XFD1048576"]);
    expect([g.rowCount, g.colCount]).toEqual([1_048_576, 16_384]);
  });

  it("survives a structured clone as plain data, its cells read once its prototype is back", () => {
    const g = new MapGrid("表", [{ top: 1, left: 1, bottom: 1, right: 2 }]).set(3, 2, { value: 7, numFmt: "0.00" });
    const copy = Object.setPrototypeOf(structuredClone(g), MapGrid.prototype) as MapGrid;
    expect(copy.cell(3, 2)).toEqual({ value: 7, numFmt: "0.00" });
    expect([copy.size, copy.rowCount, copy.merges]).toEqual([1, 3, g.merges]);
  });
});

describe("gridFromRows keeps every value that is not blank", () => {
  it("keeps 0, false and dates, and takes merges given as ranges", () => {
    const date = new Date(Date.UTC(2023, 11, 31));
    const g = gridFromRows("表", [[0, false, date]], [{ top: 1, left: 1, bottom: 2, right: 1 }]);
    expect(g.cell(1, 1)).toEqual({ value: 0 });
    expect(g.cell(1, 2)).toEqual({ value: false });
    expect(g.cell(1, 3)).toEqual({ value: date });
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
  });

  it("leaves holes of a sparse row empty", () => {
    const g = gridFromRows("表", [[undefined, "b"]]);
    expect(g.cell(1, 1)).toBeUndefined();
    expect(g.cell(1, 2)).toEqual({ value: "b" });
  });

  it("keeps a cell error as a value and a { value, numFmt } cell as given", () => {
    const g = gridFromRows("表", [[{ error: "#DIV/0!" }, { value: 0.862, numFmt: "0%" }]]);
    expect(g.cell(1, 1)).toEqual({ value: { error: "#DIV/0!" } });
    expect(g.cell(1, 2)).toEqual({ value: 0.862, numFmt: "0%" });
  });
});
