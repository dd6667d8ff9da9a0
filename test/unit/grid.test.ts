import { columnLetters, gridFromRows, parseA1, parseRange, toA1 } from "../../src/domain/grid";

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
    const g = gridFromRows("表", [["a", "", 3], [null, { value: 6, formula: "C1*2" }]], ["A1:B1"]);
    expect(g.cell(1, 1)?.value).toBe("a");
    expect(g.cell(1, 2)).toBeUndefined();
    expect(g.cell(2, 2)).toEqual({ value: 6, formula: "C1*2" });
    expect(g.rowCount).toBe(2);
    expect(g.colCount).toBe(3);
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });
});
