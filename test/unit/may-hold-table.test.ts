/**
 * mayHoldTable (src/domain/layout.ts): whether a sheet's first rows could hold the 自评表 at all, merged areas aside.
 * The reader leaves the merges of a sampled sheet unread when it says no, so it must never say no of a sheet
 * locateTable would read: its answer is checked against locateTable on the same grid.
 */
import { describe, expect, it } from "@jest/globals";
import { gridFromRows, locateTable, mayHoldTable } from "../../src/domain";
import { centralRows } from "../helpers/tables";

const blank = (n: number) => Array.from({ length: n }, () => [] as string[]);

describe("mayHoldTable", () => {
  it.each<[string, ReturnType<typeof gridFromRows>, boolean]>([
    ["the central table", gridFromRows("自评表", centralRows()), true],
    [
      "the central table under 290 blank rows (its budget header within the first 300)",
      gridFromRows("表", [...blank(290), ...centralRows()]),
      true,
    ],
    // Numbers and text naming no role of any block: 行1 …, 1 …, 明细 … (a data sheet).
    [
      "a data sheet",
      gridFromRows(
        "数据",
        Array.from({ length: 400 }, (_, i) => [`行${i + 1}`, i + 1, "明细"]),
      ),
      false,
    ],
    ["a note", gridFromRows("说明", [["会议纪要"], ["请于 3 月底前报送"]]), false],
    // The header is looked for in the first 300 rows only (HEADER_SCAN_ROWS): one below them reads as no table.
    ["the central table under 300 blank rows", gridFromRows("表", [...blank(300), ...centralRows()]), false],
  ])("%s: %s", (_, grid, expected) => {
    expect(mayHoldTable(grid)).toBe(expected);
    // Never no where locateTable finds a table; a yes may still be no table.
    if (!expected) expect(locateTable([grid]).name).toBeNull();
    else expect(locateTable([grid]).name).toBe(grid.name);
  });

  it("says yes of a sheet whose only role name is a header cell (分值)", () => {
    expect(
      mayHoldTable(
        gridFromRows("表", [
          ["甲", "乙"],
          ["", "分值"],
        ]),
      ),
    ).toBe(true);
  });
});
