/**
 * layout.ts's SheetReader and its merge index: which cell owns each cell of a merged area, clipped to the rows the
 * sheet uses and the 64 columns read, large areas looked up by comparison, overlapping areas (a damaged file)
 * resolved first come first served. Every expectation below is worked out from the areas by hand.
 */
import { MapGrid, type CellRange } from "../../src/domain/grid";
import { SheetReader } from "../../src/domain/layout";

const area = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/** A grid of `rows` rows (a value in A{rows} and in column `cols` of row 1) with the merged areas given. */
function grid(merges: CellRange[], rows = 10, cols = 10): MapGrid {
  const g = new MapGrid("自评表", merges);
  g.set(1, cols, { value: "右" });
  g.set(rows, 1, { value: "下" });
  return g;
}

const owner = (reader: SheetReader, row: number, col: number) => reader.merges.topLeft(row, col);

describe("the merge index", () => {
  it("gives every cell of a small area its top-left, and a cell outside it itself", () => {
    const r = new SheetReader(grid([area(2, 2, 3, 4)]));
    // B2:D3 — six cells, all owned by B2 (row 2, col 2).
    for (const [row, col] of [
      [2, 2],
      [2, 3],
      [2, 4],
      [3, 2],
      [3, 3],
      [3, 4],
    ])
      expect(owner(r, row, col)).toEqual({ row: 2, col: 2 });
    // Just outside on each side.
    expect(owner(r, 1, 2)).toEqual({ row: 1, col: 2 });
    expect(owner(r, 4, 2)).toEqual({ row: 4, col: 2 });
    expect(owner(r, 2, 1)).toEqual({ row: 2, col: 1 });
    expect(owner(r, 2, 5)).toEqual({ row: 2, col: 5 });
  });

  it("says a cell is inherited from above only under a merge that starts on an earlier row", () => {
    const r = new SheetReader(grid([area(2, 2, 3, 4)]));
    expect(r.merges.inheritedFromAbove(3, 2)).toBe(true);
    expect(r.merges.inheritedFromAbove(3, 4)).toBe(true);
    // Same row as the top-left: covered from the left, not from above.
    expect(r.merges.inheritedFromAbove(2, 3)).toBe(false);
    expect(r.merges.inheritedFromAbove(2, 2)).toBe(false);
    expect(r.merges.inheritedFromAbove(4, 2)).toBe(false);
  });

  it("clips an area to the rows the sheet uses and to the 64 columns read", () => {
    // A5:XFD1048576 on a 10-row sheet: A5:BL10 as far as the reader is concerned.
    const r = new SheetReader(grid([area(5, 1, 1_048_576, 16_384)]));
    expect(owner(r, 10, 64)).toEqual({ row: 5, col: 1 });
    expect(owner(r, 5, 2)).toEqual({ row: 5, col: 1 });
    // Column 65 is past the columns read: itself.
    expect(owner(r, 10, 65)).toEqual({ row: 10, col: 65 });
    // Row 11 is past the rows used: itself.
    expect(owner(r, 11, 1)).toEqual({ row: 11, col: 1 });
  });

  it("skips an area that starts past the rows used or the columns read", () => {
    const r = new SheetReader(grid([area(11, 1, 20, 2), area(1, 65, 2, 70)]));
    expect(owner(r, 11, 2)).toEqual({ row: 11, col: 2 });
    expect(owner(r, 2, 66)).toEqual({ row: 2, col: 66 });
  });

  it("keeps an area of exactly 20,000 cells in the map and a larger one as a compared rectangle, both resolved", () => {
    // 400 rows × 50 columns = 20,000 cells (the map); 401 × 50 = 20,050 (compared).
    const exact = new SheetReader(grid([area(1, 1, 400, 50)], 500, 60));
    expect(owner(exact, 400, 50)).toEqual({ row: 1, col: 1 });
    expect(owner(exact, 401, 50)).toEqual({ row: 401, col: 50 });
    expect(owner(exact, 400, 51)).toEqual({ row: 400, col: 51 });
    const large = new SheetReader(grid([area(3, 2, 403, 51)], 500, 60));
    expect(owner(large, 403, 51)).toEqual({ row: 3, col: 2 });
    expect(owner(large, 3, 2)).toEqual({ row: 3, col: 2 });
    expect(owner(large, 404, 51)).toEqual({ row: 404, col: 51 });
    expect(owner(large, 403, 52)).toEqual({ row: 403, col: 52 });
    expect(owner(large, 2, 2)).toEqual({ row: 2, col: 2 });
    expect(owner(large, 3, 1)).toEqual({ row: 3, col: 1 });
    expect(large.merges.inheritedFromAbove(4, 2)).toBe(true);
    expect(large.merges.inheritedFromAbove(3, 3)).toBe(false);
  });

  it("resolves overlapping areas first come first served, large ones too", () => {
    // B2:D4 first; C3:E5 overlaps it at C3:D4. C3 is B2's; the second area stops where it meets the first.
    const r = new SheetReader(grid([area(2, 2, 4, 4), area(3, 3, 5, 5)]));
    expect(owner(r, 3, 3)).toEqual({ row: 2, col: 2 });
    expect(owner(r, 4, 4)).toEqual({ row: 2, col: 2 });
    // E3 (col 5) lies only in the second area, but its top-left C3 belongs to the first: the second is dropped.
    expect(owner(r, 3, 5)).toEqual({ row: 3, col: 5 });
    // Two areas with the same top-left: B2's top-left is no other area's cell, so both expand from it.
    const same = new SheetReader(grid([area(2, 2, 2, 3), area(2, 2, 4, 2)]));
    expect(owner(same, 2, 3)).toEqual({ row: 2, col: 2 });
    expect(owner(same, 4, 2)).toEqual({ row: 2, col: 2 });
    // A later area whose own cells come first keeps them up to the cell already claimed.
    const later = new SheetReader(grid([area(3, 2, 3, 3), area(2, 2, 4, 4)]));
    expect(owner(later, 2, 4)).toEqual({ row: 2, col: 2 });
    expect(owner(later, 3, 3)).toEqual({ row: 3, col: 2 });
    // B2:D4 met C3 (claimed by B3:C3) and stopped there: D3 and row 4 are no one's.
    expect(owner(later, 3, 4)).toEqual({ row: 3, col: 4 });
    expect(owner(later, 4, 4)).toEqual({ row: 4, col: 4 });
    expect(owner(later, 4, 2)).toEqual({ row: 4, col: 2 });
    // Two large overlapping areas (500 × 50 and 601 × 45 cells): the second is not kept.
    const big = new SheetReader(grid([area(1, 1, 500, 50), area(400, 20, 1000, 64)], 1000, 64));
    expect(owner(big, 450, 45)).toEqual({ row: 1, col: 1 });
    expect(owner(big, 900, 55)).toEqual({ row: 900, col: 55 });
    // A large area apart from the first is kept.
    const apart = new SheetReader(grid([area(1, 1, 500, 50), area(501, 1, 1000, 50)], 1000, 64));
    expect(owner(apart, 1000, 50)).toEqual({ row: 501, col: 1 });
    expect(owner(apart, 500, 50)).toEqual({ row: 1, col: 1 });
  });

  it("counts one shared row or column as overlapping, for large areas too", () => {
    // A1000:AD2000 first, then A1:AD1000: they share row 1000, so the second is not kept.
    const row = new SheetReader(grid([area(1000, 1, 2000, 30), area(1, 1, 1000, 30)], 2000, 64));
    expect(owner(row, 500, 1)).toEqual({ row: 500, col: 1 });
    expect(owner(row, 1000, 30)).toEqual({ row: 1000, col: 1 });
    // The other way round: A1:AD1000 first, then A1000:AD2000.
    const below = new SheetReader(grid([area(1, 1, 1000, 30), area(1000, 1, 2000, 30)], 2000, 64));
    expect(owner(below, 1500, 1)).toEqual({ row: 1500, col: 1 });
    // Sharing column 30: A1:AD1000, then AD1:BL1000.
    const col = new SheetReader(grid([area(1, 1, 1000, 30), area(1, 30, 1000, 64)], 1000, 64));
    expect(owner(col, 500, 40)).toEqual({ row: 500, col: 40 });
    const left = new SheetReader(grid([area(1, 30, 1000, 64), area(1, 1, 1000, 30)], 1000, 64));
    expect(owner(left, 500, 5)).toEqual({ row: 500, col: 5 });
  });

  it("keeps 64 large areas at most (a 自评表 has none)", () => {
    // 65 areas of 400 rows × 51 columns (20,400 cells each), one under the other: the 65th is not looked up.
    const areas = Array.from({ length: 65 }, (_, i) => area(i * 400 + 1, 1, i * 400 + 400, 51));
    const r = new SheetReader(grid(areas, 65 * 400, 64));
    expect(owner(r, 64 * 400, 51)).toEqual({ row: 63 * 400 + 1, col: 1 });
    expect(owner(r, 65 * 400, 51)).toEqual({ row: 65 * 400, col: 51 });
  });

  it("treats areas that only touch as apart", () => {
    // Large areas side by side (columns 1–50 and 51–64 of rows 1–2,000): neither overlaps the other.
    const r = new SheetReader(grid([area(1, 1, 2000, 50), area(1, 51, 2000, 64)], 2000, 64));
    expect(owner(r, 2000, 51)).toEqual({ row: 1, col: 51 });
    expect(owner(r, 2000, 50)).toEqual({ row: 1, col: 1 });
    // One above the other, sharing no row.
    const stacked = new SheetReader(grid([area(1, 1, 1000, 30), area(1001, 1, 2000, 30)], 2000, 64));
    expect(owner(stacked, 1001, 30)).toEqual({ row: 1001, col: 1 });
    expect(owner(stacked, 1000, 30)).toEqual({ row: 1, col: 1 });
  });
});

describe("the reader's slots and labels", () => {
  const g = new MapGrid("自评表", [area(2, 2, 3, 3)]);
  g.set(2, 2, { value: "  一级指标  " });
  g.set(3, 2, { value: "藏在合并区域下" });
  g.set(5, 1, { value: 12.5 });
  g.set(6, 1, { value: "一级指标（50分）" });
  const r = new SheetReader(g);

  it("gives a covered cell on the top-left's row an empty slot, and one below it the top-left's content", () => {
    // C2: covered from the left — no content of its own, marked covered.
    expect(r.slot(2, 3)).toEqual({ row: 2, col: 3, a1: "C2", cell: undefined, text: "", covered: true });
    // B3: under B2 in the same column — B2's slot, covered.
    expect(r.slot(3, 2)).toMatchObject({ row: 2, col: 2, a1: "B2", text: "一级指标", covered: true });
    // B2 itself: not covered, text trimmed.
    const own = r.slot(2, 2);
    expect(own).toMatchObject({ row: 2, col: 2, a1: "B2", text: "一级指标" });
    expect(own.covered).toBeUndefined();
    expect(r.slot(5, 1)).toMatchObject({ a1: "A5", text: "12.5" });
  });

  it("reads a cell's own label, normalised, and none for a number", () => {
    expect(r.label(3, 2)).toBe("藏在合并区域下");
    expect(r.label(5, 1)).toBe("");
    expect(r.label(6, 1)).toBe("一级指标");
    // Asked twice, the same answer (cached).
    expect(r.label(6, 1)).toBe("一级指标");
    expect(r.rawText(2, 2)).toBe("  一级指标  ");
  });

  it("reads at most 64 columns", () => {
    const wide = new MapGrid("宽");
    wide.set(1, 100, { value: "x" });
    expect(new SheetReader(wide).cols).toBe(64);
    const narrow = new MapGrid("窄");
    narrow.set(1, 7, { value: "x" });
    expect(new SheetReader(narrow).cols).toBe(7);
  });
});
