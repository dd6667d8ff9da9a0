/**
 * The officer's layout correction (版式.json): column letters, the defensive parser with each refusal in both
 * languages, the file's exact text, and the layouts the pane builds from a reading. Expected values by hand.
 */
import { checkWorkbook, gridFromRows } from "../../src/domain";
import { TWO_ROW_BUDGET_MERGES, twoRowBudgetRows } from "../helpers/tables";
import {
  columnOf,
  layoutFromReading,
  parseLayoutFile,
  stringifyLayout,
  validateLayout,
  withColumnRole,
  withIndicatorRows,
  type LayoutFileProblem,
  type LayoutOverride,
} from "../../src/domain/layout-file";
import type { ReadingBlock, RoleReading, RoleSource, TableReading } from "../../src/domain/reading";

const MAX_ROW = 1_048_576;
const MAX_LAYOUT_BYTES = 64 * 1024;

/** A problem as both languages state it. */
const p = (zh: string, en: string): LayoutFileProblem => ({ "zh-CN": zh, "en-US": en });

/** The file as an object, with the marker and version a valid file carries. */
const file = (rest: Record<string, unknown> = {}): Record<string, unknown> => ({
  ziping: "layout",
  version: 1,
  ...rest,
});

/** The problems of a file that must be refused; a refused file gives no layout at all. */
function refused(raw: unknown): LayoutFileProblem[] {
  const r = validateLayout(raw);
  expect(r.layout).toBeUndefined();
  expect(Object.keys(r)).toEqual(["problems"]);
  expect(r.problems.length).toBeGreaterThan(0);
  return r.problems;
}

/** The layout of a file that must be accepted. */
function accepted(raw: unknown): LayoutOverride {
  const r = validateLayout(raw);
  expect(r.problems).toEqual([]);
  expect(r.layout).toBeDefined();
  return r.layout as LayoutOverride;
}

describe("columnOf: column letters as a 1-based column", () => {
  it.each([
    ["A", 1],
    ["B", 2],
    ["H", 8],
    ["Z", 26],
    ["AA", 27],
    ["AZ", 52],
    ["BA", 53],
    ["ZZ", 702],
    ["AAA", 703],
    ["XFD", 16384],
  ])("%s is column %i", (letters, col) => {
    expect(columnOf(letters)).toBe(col);
  });

  it("reads lower case and ignores spaces around the letters", () => {
    expect(columnOf("h")).toBe(8);
    expect(columnOf("ab")).toBe(28);
    expect(columnOf("xFd")).toBe(16384);
    expect(columnOf(" H ")).toBe(8);
    expect(columnOf("\tab\n")).toBe(28);
  });

  it("a column past Excel's last (XFD, 16384) is not a column", () => {
    expect(columnOf("XFE")).toBeNull();
    expect(columnOf("XGA")).toBeNull();
    expect(columnOf("ZZZ")).toBeNull();
  });

  it.each(["", "   ", "ABCD", "A1", "1A", "1", "H H", "$H", "Ä", "-", "H-"])("%j is not column letters", (letters) => {
    expect(columnOf(letters)).toBeNull();
  });
});

describe("parseLayoutFile: the text of a 版式.json", () => {
  const text = [
    '{ "ziping": "layout", "version": 1, "sheet": "自评表",',
    '  "indicator": { "columns": { "weight": "h" } } }',
  ].join("\n");

  it("a valid file gives its layout and no problems", () => {
    expect(parseLayoutFile(text)).toStrictEqual({
      layout: { ziping: "layout", version: 1, sheet: "自评表", indicator: { columns: { weight: "H" } } },
      problems: [],
    });
  });

  it("a text that is not JSON is refused", () => {
    for (const bad of ["", "{", "ziping: layout", '{ "ziping": "layout", }'])
      expect(parseLayoutFile(bad)).toStrictEqual({
        problems: [p("版式文件不是有效的 JSON", "The layout file is not valid JSON")],
      });
  });

  it("a file of 64 KB is read; one byte more is refused as too large, before it is parsed", () => {
    // Padded with spaces to `length` UTF-8 bytes (the text's Chinese takes three bytes a character).
    const padded = (length: number) => text + " ".repeat(length - new TextEncoder().encode(text).length);
    expect(parseLayoutFile(padded(MAX_LAYOUT_BYTES)).problems).toEqual([]);
    expect(parseLayoutFile(padded(MAX_LAYOUT_BYTES)).layout?.indicator).toEqual({ columns: { weight: "H" } });
    const tooLarge = [p("版式文件过大（上限 64 KB）", "The layout file is too large (64 KB at most)")];
    expect(parseLayoutFile(padded(MAX_LAYOUT_BYTES + 1))).toStrictEqual({ problems: tooLarge });
    // Not JSON either: the size is what is reported.
    expect(parseLayoutFile("x".repeat(MAX_LAYOUT_BYTES + 1))).toStrictEqual({ problems: tooLarge });
  });

  it("counts the size in UTF-8 bytes: 30,000 characters of Chinese are 90,000 bytes, past 64 KB", () => {
    const named = (chars: number) => JSON.stringify({ ziping: "layout", version: 1, name: "表".repeat(chars) });
    expect(parseLayoutFile(named(30_000)).problems).toEqual([
      p("版式文件过大（上限 64 KB）", "The layout file is too large (64 KB at most)"),
    ]);
    // 20,000 × 3 = 60,000 bytes and the rest: within 65,536
    expect(parseLayoutFile(named(20_000)).problems).toEqual([]);
  });

  it("JSON that is not a layout file is checked as validateLayout checks it", () => {
    expect(parseLayoutFile("[1, 2]")).toStrictEqual({
      problems: [p("版式文件应为 JSON 对象", "The layout file must hold a JSON object")],
    });
    expect(parseLayoutFile('{ "version": 1 }').problems).toEqual([
      p('这不是 Ziping 版式文件（缺少 "ziping": "layout"）', 'Not a Ziping layout file ("ziping": "layout" missing)'),
    ]);
  });
});

describe("validateLayout: the file's shape", () => {
  it("the smallest file, marker and version, is a layout that changes nothing", () => {
    expect(validateLayout(file())).toStrictEqual({ layout: { ziping: "layout", version: 1 }, problems: [] });
  });

  it("a full file is accepted as written, letters in upper case", () => {
    const raw = file({
      sheet: "自评表",
      name: "县级项目支出模板",
      budget: { headerRow: 3, firstRow: 4, lastRow: 6, columns: { label: "a", planned: "B", executed: " c " } },
      indicator: { headerRow: 8, firstRow: 9, lastRow: 20, columns: { level1: "A", weight: "aa", score: "AB" } },
    });
    expect(validateLayout(raw)).toStrictEqual({
      layout: {
        ziping: "layout",
        version: 1,
        sheet: "自评表",
        name: "县级项目支出模板",
        budget: { headerRow: 3, firstRow: 4, lastRow: 6, columns: { label: "A", planned: "B", executed: "C" } },
        indicator: { headerRow: 8, firstRow: 9, lastRow: 20, columns: { level1: "A", weight: "AA", score: "AB" } },
      },
      problems: [],
    });
  });

  it.each([null, [], [file()], "layout", 1, true, undefined])("%j is not a JSON object", (raw) => {
    expect(validateLayout(raw)).toStrictEqual({
      problems: [p("版式文件应为 JSON 对象", "The layout file must hold a JSON object")],
    });
  });

  it.each([{}, { version: 1 }, { ziping: "Layout", version: 1 }, { ziping: true, version: 1 }, { zipping: "layout" }])(
    "%j is refused as not a Ziping layout file, and nothing else is said",
    (raw) => {
      expect(validateLayout({ ...raw, sheet: 5, budget: 5 })).toStrictEqual({
        problems: [
          p(
            '这不是 Ziping 版式文件（缺少 "ziping": "layout"）',
            'Not a Ziping layout file ("ziping": "layout" missing)',
          ),
        ],
      });
    },
  );

  it.each([
    [2, "2"],
    [0, "0"],
    ["1", "1"],
    [null, "null"],
    [undefined, "undefined"],
  ])("version %j is not supported", (version, shown) => {
    expect(refused({ ziping: "layout", version })).toEqual([
      p(`不支持的版式文件版本：${shown}`, `Unsupported layout file version: ${shown}`),
    ]);
  });

  describe("sheet and name", () => {
    const sheetProblem = p("sheet 应为工作表名称", "sheet must be a worksheet name");

    it("a sheet name of 1 to 31 characters is kept", () => {
      expect(accepted(file({ sheet: "表" })).sheet).toBe("表");
      expect(accepted(file({ sheet: "x".repeat(31) })).sheet).toBe("x".repeat(31));
    });

    it("no sheet: the layout names none", () => {
      expect("sheet" in accepted(file())).toBe(false);
    });

    it.each([["x".repeat(32)], [""], ["   "], [5], [null], [["自评表"]], [{ name: "自评表" }]])(
      "sheet %j is refused",
      (sheet) => {
        expect(refused(file({ sheet }))).toEqual([sheetProblem]);
      },
    );

    it("a name is kept, cut to 200 characters", () => {
      expect(accepted(file({ name: "市本级模板" })).name).toBe("市本级模板");
      expect(accepted(file({ name: "名".repeat(200) })).name).toBe("名".repeat(200));
      expect(accepted(file({ name: "名".repeat(250) })).name).toBe("名".repeat(200));
      expect(accepted(file({ name: "" })).name).toBe("");
    });

    it("a name that is not text is left out without a problem (it is only for people)", () => {
      for (const name of [5, null, ["模板"], { zh: "模板" }])
        expect(validateLayout(file({ name }))).toStrictEqual({
          layout: { ziping: "layout", version: 1 },
          problems: [],
        });
    });
  });

  describe("a block (budget, indicator)", () => {
    it.each(["budget", "indicator"])("%s absent: no block", (where) => {
      expect(where in accepted(file())).toBe(false);
    });

    it.each([
      ["budget", null],
      ["budget", 5],
      ["budget", "B"],
      ["indicator", []],
      ["indicator", [{ firstRow: 7 }]],
      ["indicator", true],
    ])("%s: %j is not an object", (where, block) => {
      expect(refused(file({ [where]: block }))).toEqual([p(`“${where}”应为对象`, `"${where}" must be an object`)]);
    });

    it("an empty block is kept as an empty block", () => {
      expect(accepted(file({ budget: {}, indicator: {} }))).toStrictEqual({
        ziping: "layout",
        version: 1,
        budget: {},
        indicator: {},
      });
    });

    it.each(["headerRow", "firstRow", "lastRow"])("%s: rows 1 and 1,048,576 are the bounds", (key) => {
      expect(accepted(file({ indicator: { [key]: 1 } })).indicator).toStrictEqual({ [key]: 1 });
      expect(accepted(file({ budget: { [key]: MAX_ROW } })).budget).toStrictEqual({ [key]: MAX_ROW });
    });

    it.each([
      ["headerRow", 0],
      ["headerRow", MAX_ROW + 1],
      ["firstRow", -1],
      ["firstRow", 7.5],
      ["lastRow", 1.000001],
      ["lastRow", Infinity],
      ["headerRow", NaN],
      ["firstRow", "7"],
      ["lastRow", null],
      ["headerRow", true],
      ["firstRow", [7]],
    ])("%s %p is not a row number", (key, v) => {
      expect(refused(file({ indicator: { [key]: v } }))).toEqual([
        p(`indicator.${key} 应为 1 至 1048576 的整数行号`, `indicator.${key} must be a row number`),
      ]);
      expect(refused(file({ budget: { [key]: v } }))).toEqual([
        p(`budget.${key} 应为 1 至 1048576 的整数行号`, `budget.${key} must be a row number`),
      ]);
    });

    it("each bad row number is its own problem, in the order headerRow, firstRow, lastRow", () => {
      expect(refused(file({ budget: { lastRow: 0, firstRow: 0, headerRow: 0 } }))).toEqual([
        p("budget.headerRow 应为 1 至 1048576 的整数行号", "budget.headerRow must be a row number"),
        p("budget.firstRow 应为 1 至 1048576 的整数行号", "budget.firstRow must be a row number"),
        p("budget.lastRow 应为 1 至 1048576 的整数行号", "budget.lastRow must be a row number"),
      ]);
    });

    it("the last row may be the first row, not before it", () => {
      expect(accepted(file({ indicator: { firstRow: 9, lastRow: 9 } })).indicator).toStrictEqual({
        firstRow: 9,
        lastRow: 9,
      });
      expect(refused(file({ indicator: { firstRow: 9, lastRow: 8 } }))).toEqual([
        p("indicator.lastRow 早于 firstRow", "indicator.lastRow is before firstRow"),
      ]);
      expect(refused(file({ budget: { firstRow: 100, lastRow: 11 } }))).toEqual([
        p("budget.lastRow 早于 firstRow", "budget.lastRow is before firstRow"),
      ]);
    });

    it("a last row on its own, or beside a bad first row, is not compared", () => {
      expect(accepted(file({ indicator: { lastRow: 3 } })).indicator).toStrictEqual({ lastRow: 3 });
      expect(accepted(file({ indicator: { firstRow: 30 } })).indicator).toStrictEqual({ firstRow: 30 });
      expect(refused(file({ indicator: { firstRow: 0, lastRow: 3 } }))).toEqual([
        p("indicator.firstRow 应为 1 至 1048576 的整数行号", "indicator.firstRow must be a row number"),
      ]);
    });

    it("the header row is not compared with the data rows", () => {
      expect(accepted(file({ indicator: { headerRow: 20, firstRow: 5, lastRow: 9 } })).indicator).toStrictEqual({
        headerRow: 20,
        firstRow: 5,
        lastRow: 9,
      });
    });
  });

  describe("a block's columns", () => {
    it("an empty columns object is kept", () => {
      expect(accepted(file({ budget: { columns: {} } })).budget).toStrictEqual({ columns: {} });
    });

    it.each([null, "H", 8, ["H"], true])("columns %j is not an object", (columns) => {
      expect(refused(file({ budget: { columns } }))).toEqual([
        p("budget.columns 应为对象", "budget.columns must be an object"),
      ]);
      expect(refused(file({ indicator: { columns } }))).toEqual([
        p("indicator.columns 应为对象", "indicator.columns must be an object"),
      ]);
    });

    it("every role of the budget block is accepted there", () => {
      const columns = {
        label: "A",
        initial: "B",
        planned: "C",
        executed: "D",
        weight: "E",
        rate: "F",
        score: "G",
        reason: "H",
      };
      expect(accepted(file({ budget: { columns } })).budget).toStrictEqual({ columns });
    });

    it("every role of the indicator block is accepted there", () => {
      const columns = {
        level1: "A",
        level2: "B",
        name: "C",
        nature: "D",
        unit: "E",
        target: "F",
        actual: "G",
        weight: "H",
        coefficient: "I",
        criteria: "J",
        score: "K",
        reason: "L",
      };
      expect(accepted(file({ indicator: { columns } })).indicator).toStrictEqual({ columns });
    });

    it("a role of the other block, or no role at all, is refused by name", () => {
      expect(refused(file({ budget: { columns: { level1: "A" } } }))).toEqual([
        p("budget.columns 中的“level1”不是可识别的角色", 'budget.columns: "level1" is not a role'),
      ]);
      expect(refused(file({ indicator: { columns: { planned: "D" } } }))).toEqual([
        p("indicator.columns 中的“planned”不是可识别的角色", 'indicator.columns: "planned" is not a role'),
      ]);
      expect(refused(file({ indicator: { columns: { Score: "I" } } }))).toEqual([
        p("indicator.columns 中的“Score”不是可识别的角色", 'indicator.columns: "Score" is not a role'),
      ]);
      expect(refused(file({ indicator: { columns: { goal: "B" } } }))).toEqual([
        p("indicator.columns 中的“goal”不是可识别的角色", 'indicator.columns: "goal" is not a role'),
      ]);
    });

    it("an unknown role is reported once, whatever its letters", () => {
      expect(refused(file({ indicator: { columns: { scores: "1" } } }))).toEqual([
        p("indicator.columns 中的“scores”不是可识别的角色", 'indicator.columns: "scores" is not a role'),
      ]);
    });

    it.each([["1"], [""], ["ABCD"], ["XFE"], ["H8"], [8], [null], [["H"]], [{ col: "H" }]])(
      "letters %j are refused",
      (letters) => {
        expect(refused(file({ indicator: { columns: { weight: letters } } }))).toEqual([
          p(
            'indicator.columns.weight 应为列字母（如 "H"）',
            'indicator.columns.weight must be column letters such as "H"',
          ),
        ]);
      },
    );

    it("two roles with bad letters are two problems, not a clash between them", () => {
      expect(refused(file({ budget: { columns: { planned: "1", executed: "2" } } }))).toEqual([
        p('budget.columns.planned 应为列字母（如 "H"）', 'budget.columns.planned must be column letters such as "H"'),
        p('budget.columns.executed 应为列字母（如 "H"）', 'budget.columns.executed must be column letters such as "H"'),
      ]);
    });

    it("two roles on one column are refused, however the letters are written", () => {
      expect(refused(file({ indicator: { columns: { weight: "H", score: "h " } } }))).toEqual([
        p("H 列同时设为“weight”和“score”", 'column H is set as both "weight" and "score"'),
      ]);
      expect(refused(file({ budget: { columns: { label: "A", planned: "B", score: "a", reason: "A" } } }))).toEqual([
        p("A 列同时设为“label”和“score”", 'column A is set as both "label" and "score"'),
        p("A 列同时设为“score”和“reason”", 'column A is set as both "score" and "reason"'),
      ]);
    });

    it("the same column in the two blocks is no clash", () => {
      const layout = accepted(file({ budget: { columns: { score: "H" } }, indicator: { columns: { score: "H" } } }));
      expect(layout.budget).toStrictEqual({ columns: { score: "H" } });
      expect(layout.indicator).toStrictEqual({ columns: { score: "H" } });
    });
  });

  it("keys the file does not define are ignored", () => {
    expect(
      accepted(file({ comment: "from the county", indicator: { note: 1, columns: { weight: "H" } } })),
    ).toStrictEqual({ ziping: "layout", version: 1, indicator: { columns: { weight: "H" } } });
  });

  it("every problem of a file is reported, in the order of the file's fields", () => {
    const raw = {
      ziping: "layout",
      version: 2,
      sheet: "",
      budget: { firstRow: 12, lastRow: 10, columns: { rate: "ZZZZ" } },
      indicator: { headerRow: 0, columns: { weight: "H", score: "H", total: "J" } },
    };
    expect(validateLayout(raw)).toStrictEqual({
      problems: [
        p("不支持的版式文件版本：2", "Unsupported layout file version: 2"),
        p("sheet 应为工作表名称", "sheet must be a worksheet name"),
        p("budget.lastRow 早于 firstRow", "budget.lastRow is before firstRow"),
        p('budget.columns.rate 应为列字母（如 "H"）', 'budget.columns.rate must be column letters such as "H"'),
        p("indicator.headerRow 应为 1 至 1048576 的整数行号", "indicator.headerRow must be a row number"),
        p("H 列同时设为“weight”和“score”", 'column H is set as both "weight" and "score"'),
        p("indicator.columns 中的“total”不是可识别的角色", 'indicator.columns: "total" is not a role'),
      ],
    });
  });

  it("a problem in one block does not hide one in the other", () => {
    expect(refused(file({ budget: [], indicator: { columns: [] } }))).toEqual([
      p("“budget”应为对象", '"budget" must be an object'),
      p("indicator.columns 应为对象", "indicator.columns must be an object"),
    ]);
  });
});

describe("stringifyLayout: the file a reviewer keeps", () => {
  const layout: LayoutOverride = {
    ziping: "layout",
    version: 1,
    sheet: "自评表",
    name: "县级项目支出模板",
    budget: { headerRow: 3, columns: { planned: "D", executed: "E" } },
    indicator: { headerRow: 6, firstRow: 7, lastRow: 10, columns: { weight: "H", score: "I" } },
  };
  const text = [
    "{",
    '  "ziping": "layout",',
    '  "version": 1,',
    '  "sheet": "自评表",',
    '  "name": "县级项目支出模板",',
    '  "budget": {',
    '    "headerRow": 3,',
    '    "columns": {',
    '      "planned": "D",',
    '      "executed": "E"',
    "    }",
    "  },",
    '  "indicator": {',
    '    "headerRow": 6,',
    '    "firstRow": 7,',
    '    "lastRow": 10,',
    '    "columns": {',
    '      "weight": "H",',
    '      "score": "I"',
    "    }",
    "  }",
    "}",
    "",
  ].join("\n");

  it("two-space indent, the layout's own key order, Chinese as written, a final newline", () => {
    expect(stringifyLayout(layout)).toBe(text);
    expect(stringifyLayout({ ziping: "layout", version: 1 })).toBe('{\n  "ziping": "layout",\n  "version": 1\n}\n');
  });

  it("parsing the text gives the layout back, and writing what was parsed gives the same text", () => {
    expect(parseLayoutFile(stringifyLayout(layout))).toStrictEqual({ layout, problems: [] });
    expect(stringifyLayout(parseLayoutFile(text).layout as LayoutOverride)).toBe(text);
  });
});

/** A role as the reader would report it; only block, role, column and source matter to a layout. */
function role(
  block: ReadingBlock,
  name: string,
  column: string,
  col: number,
  source: RoleSource = "header",
): RoleReading {
  return {
    block,
    role: name,
    col,
    column,
    header: name,
    headerCell: `${column}1`,
    rows: [1, 1],
    confidence: "sure",
    source,
    evidence: { "zh-CN": "", "en-US": "" },
  };
}

function reading(parts: Partial<TableReading>): TableReading {
  return { roles: [], blocks: [], weights: "column", assumptions: [], corrected: false, ...parts };
}

describe("layoutFromReading: the layout that pins a reading", () => {
  // Budget header in rows 3–4 (a two-row header), indicator header in row 7, indicators in rows 8–20.
  const read = reading({
    budgetHeaderRows: [3, 4],
    indicatorHeaderRows: [7, 7],
    goalHeaderRows: [22, 22],
    indicatorRows: [8, 20],
    roles: [
      role("budget", "label", "A", 1),
      role("budget", "planned", "C", 3),
      role("budget", "executed", "D", 4),
      // A label/value pair (资金总额 | 100) has no column to pin.
      role("budget", "weight", "F", 6, "pair"),
      role("budget", "score", "G", 7, "layout"),
      role("indicator", "name", "C", 3),
      role("indicator", "weight", "H", 8),
      role("indicator", "score", "I", 9, "heading"),
      role("indicator", "reason", "K", 11),
      role("goal", "expected", "B", 2),
    ],
  });

  it("pins every column role of each block, the child header row and the indicator rows", () => {
    expect(layoutFromReading("自评表", read)).toStrictEqual({
      ziping: "layout",
      version: 1,
      sheet: "自评表",
      budget: { columns: { label: "A", planned: "C", executed: "D", score: "G" }, headerRow: 4 },
      indicator: {
        columns: { name: "C", weight: "H", score: "I", reason: "K" },
        headerRow: 7,
        firstRow: 8,
        lastRow: 20,
      },
    });
  });

  it("a block the reader did not find is left out; indicator rows not found are not pinned", () => {
    const onlyIndicators = reading({
      indicatorHeaderRows: [5, 6],
      roles: [role("budget", "planned", "C", 3), role("indicator", "weight", "H", 8)],
    });
    expect(layoutFromReading("Sheet1", onlyIndicators)).toStrictEqual({
      ziping: "layout",
      version: 1,
      sheet: "Sheet1",
      indicator: { columns: { weight: "H" }, headerRow: 6 },
    });
    expect(layoutFromReading("Sheet1", reading({}))).toStrictEqual({ ziping: "layout", version: 1, sheet: "Sheet1" });
  });

  it("the base's name is kept; its sheet gives way to the sheet read", () => {
    const base: LayoutOverride = { ziping: "layout", version: 1, sheet: "旧表", name: "市本级模板" };
    const layout = layoutFromReading("自评表", reading({}), base);
    expect(layout).toStrictEqual({ ziping: "layout", version: 1, sheet: "自评表", name: "市本级模板" });
    expect(layoutFromReading("自评表", reading({}), { ziping: "layout", version: 1, name: "" })).toStrictEqual({
      ziping: "layout",
      version: 1,
      sheet: "自评表",
    });
  });

  it("the officer's rows stand over the rows read, one by one", () => {
    const base: LayoutOverride = {
      ziping: "layout",
      version: 1,
      budget: { headerRow: 2 },
      indicator: { firstRow: 9 },
    };
    const layout = layoutFromReading("自评表", read, base);
    expect(layout.budget).toStrictEqual({
      columns: { label: "A", planned: "C", executed: "D", score: "G" },
      headerRow: 2,
    });
    expect(layout.indicator).toStrictEqual({
      columns: { name: "C", weight: "H", score: "I", reason: "K" },
      headerRow: 7,
      firstRow: 9,
      lastRow: 20,
    });
    const all = layoutFromReading("自评表", read, {
      ziping: "layout",
      version: 1,
      indicator: { headerRow: 6, firstRow: 10, lastRow: 18 },
    });
    expect(all.indicator).toMatchObject({ headerRow: 6, firstRow: 10, lastRow: 18 });
    expect(all.budget).toStrictEqual({
      columns: { label: "A", planned: "C", executed: "D", score: "G" },
      headerRow: 4,
    });
  });

  it("a role the officer moved takes its new column, and the role that was read there gives way", () => {
    // 分值 read in H, 偏差原因 in K; the officer says K holds the 分值.
    const base: LayoutOverride = { ziping: "layout", version: 1, indicator: { columns: { weight: "K" } } };
    expect(layoutFromReading("自评表", read, base).indicator).toStrictEqual({
      columns: { name: "C", weight: "K", score: "I" },
      headerRow: 7,
      firstRow: 8,
      lastRow: 20,
    });
  });

  it("an officer's role on a column nothing was read in is added; a role confirmed where it was keeps its place", () => {
    const base: LayoutOverride = {
      ziping: "layout",
      version: 1,
      budget: { columns: { rate: "E", label: "A" } },
    };
    const budget = layoutFromReading("自评表", read, base).budget;
    expect(budget).toStrictEqual({
      columns: { label: "A", planned: "C", executed: "D", score: "G", rate: "E" },
      headerRow: 4,
    });
    expect(Object.keys(budget?.columns ?? {})).toEqual(["label", "planned", "executed", "score", "rate"]);
  });

  it("the officer's roles swap two columns", () => {
    const base: LayoutOverride = {
      ziping: "layout",
      version: 1,
      indicator: { columns: { score: "H", weight: "I" } },
    };
    expect(layoutFromReading("自评表", read, base).indicator?.columns).toStrictEqual({
      name: "C",
      reason: "K",
      score: "H",
      weight: "I",
    });
  });

  it("a block only the officer sets is made from the officer's settings", () => {
    const base: LayoutOverride = {
      ziping: "layout",
      version: 1,
      budget: { headerRow: 3, firstRow: 4, lastRow: 5, columns: { planned: "B" } },
    };
    const layout = layoutFromReading("自评表", reading({ indicatorHeaderRows: [6, 6] }), base);
    expect(layout).toStrictEqual({
      ziping: "layout",
      version: 1,
      sheet: "自评表",
      indicator: { columns: {}, headerRow: 6 },
      budget: { headerRow: 3, firstRow: 4, lastRow: 5, columns: { planned: "B" } },
    });
  });

  it("the base is not changed", () => {
    const base: LayoutOverride = { ziping: "layout", version: 1, indicator: { columns: { weight: "K" } } };
    layoutFromReading("自评表", read, base);
    expect(base).toStrictEqual({ ziping: "layout", version: 1, indicator: { columns: { weight: "K" } } });
  });

  it("from a real reading: the layout pins the reader's columns and rows, and reading with it changes nothing", () => {
    // The two-row budget header of header.test.ts: 预算执行情况 over 预算数 / 执行数 / 执行率.
    const grid = () => gridFromRows("自评表", twoRowBudgetRows(), TWO_ROW_BUDGET_MERGES);
    const first = checkWorkbook([grid()]);
    const layout = layoutFromReading("自评表", first.reading as TableReading);
    expect(layout).toStrictEqual({
      ziping: "layout",
      version: 1,
      sheet: "自评表",
      budget: {
        columns: { label: "A", planned: "B", executed: "C", rate: "D", weight: "E", score: "F" },
        headerRow: 3,
      },
      indicator: {
        columns: {
          level1: "A",
          level2: "B",
          name: "C",
          target: "D",
          actual: "E",
          weight: "F",
          score: "G",
          reason: "H",
        },
        headerRow: 6,
        firstRow: 7,
        lastRow: 9,
      },
    });
    expect(parseLayoutFile(stringifyLayout(layout))).toStrictEqual({ layout, problems: [] });
    const again = checkWorkbook([grid()], { layout });
    expect(again.reading?.corrected).toBe(true);
    expect(again.total.computed).toBeCloseTo(first.total.computed as number, 6);
    expect(again.reading?.indicatorRows).toEqual([7, 9]);
  });
});

describe("withColumnRole: the pane's 设为“分值”列", () => {
  it("with no layout yet: a layout of that one role", () => {
    expect(withColumnRole(undefined, "indicator", "weight", "H")).toStrictEqual({
      ziping: "layout",
      version: 1,
      indicator: { columns: { weight: "H" } },
    });
    expect(withColumnRole(undefined, "budget", "planned", "d")).toStrictEqual({
      ziping: "layout",
      version: 1,
      budget: { columns: { planned: "D" } },
    });
  });

  it("the role moves; another role on that column gives way; the rest of the layout stays", () => {
    const layout: LayoutOverride = {
      ziping: "layout",
      version: 1,
      sheet: "自评表",
      name: "模板",
      budget: { headerRow: 3, columns: { weight: "H" } },
      indicator: { headerRow: 6, firstRow: 7, lastRow: 20, columns: { weight: "H", score: "I", reason: "K" } },
    };
    expect(withColumnRole(layout, "indicator", "weight", "K")).toStrictEqual({
      ziping: "layout",
      version: 1,
      sheet: "自评表",
      name: "模板",
      budget: { headerRow: 3, columns: { weight: "H" } },
      indicator: { headerRow: 6, firstRow: 7, lastRow: 20, columns: { score: "I", weight: "K" } },
    });
    expect(withColumnRole(layout, "indicator", "criteria", "J").indicator?.columns).toStrictEqual({
      weight: "H",
      score: "I",
      reason: "K",
      criteria: "J",
    });
  });

  it("a letter typed in lower case or with spaces takes the column from the role that had it", () => {
    const layout: LayoutOverride = { ziping: "layout", version: 1, indicator: { columns: { weight: "H" } } };
    // "h" is column H: 分值 gives way, as it would to "H" (two roles on one column is a layout validateLayout refuses)
    expect(withColumnRole(layout, "indicator", "score", " h ")).toStrictEqual({
      ziping: "layout",
      version: 1,
      indicator: { columns: { score: "H" } },
    });
  });

  it("a block without columns gets them; the other block is untouched", () => {
    const layout: LayoutOverride = { ziping: "layout", version: 1, budget: { headerRow: 3 } };
    expect(withColumnRole(layout, "budget", "score", "G")).toStrictEqual({
      ziping: "layout",
      version: 1,
      budget: { headerRow: 3, columns: { score: "G" } },
    });
  });

  it("the layout given is not changed", () => {
    const layout: LayoutOverride = { ziping: "layout", version: 1, indicator: { columns: { weight: "H" } } };
    const next = withColumnRole(layout, "indicator", "score", "H");
    expect(next.indicator?.columns).toStrictEqual({ score: "H" });
    expect(layout).toStrictEqual({ ziping: "layout", version: 1, indicator: { columns: { weight: "H" } } });
    const bare: LayoutOverride = { ziping: "layout", version: 1 };
    withColumnRole(bare, "budget", "score", "G");
    expect(bare).toStrictEqual({ ziping: "layout", version: 1 });
  });
});

describe("withIndicatorRows: the pane's 标记指标起止行", () => {
  it("with no layout yet: a layout of those rows", () => {
    expect(withIndicatorRows(undefined, 7, 20)).toStrictEqual({
      ziping: "layout",
      version: 1,
      indicator: { firstRow: 7, lastRow: 20 },
    });
  });

  it("rows marked bottom to top are put in order; a single row is first and last", () => {
    expect(withIndicatorRows(undefined, 20, 7).indicator).toStrictEqual({ firstRow: 7, lastRow: 20 });
    expect(withIndicatorRows(undefined, 9, 9).indicator).toStrictEqual({ firstRow: 9, lastRow: 9 });
  });

  it("the rows replace the ones set; the columns, header row and budget block stay", () => {
    const layout: LayoutOverride = {
      ziping: "layout",
      version: 1,
      sheet: "自评表",
      budget: { headerRow: 3, firstRow: 4, lastRow: 5 },
      indicator: { headerRow: 6, firstRow: 7, lastRow: 20, columns: { weight: "H" } },
    };
    expect(withIndicatorRows(layout, 12, 8)).toStrictEqual({
      ziping: "layout",
      version: 1,
      sheet: "自评表",
      budget: { headerRow: 3, firstRow: 4, lastRow: 5 },
      indicator: { headerRow: 6, firstRow: 8, lastRow: 12, columns: { weight: "H" } },
    });
    expect(layout.indicator).toStrictEqual({ headerRow: 6, firstRow: 7, lastRow: 20, columns: { weight: "H" } });
  });

  it("the result is a file the parser accepts as it is", () => {
    const next = withIndicatorRows(withColumnRole(undefined, "indicator", "score", "i"), 30, 8);
    expect(parseLayoutFile(stringifyLayout(next))).toStrictEqual({ layout: next, problems: [] });
  });
});
