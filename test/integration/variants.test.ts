/**
 * The variant corpus: every workbook in test/fixtures/variants (made by scripts/make-variants.ts) is read with the
 * xlsx gateway and checked, and compared with the hand-derived NAME.expected.json beside it: the sheet and layout,
 * the reading role by role (which column holds what, header rows, indicator rows, weights, total, 一级 blocks), the
 * figures, the findings that must be there and the rules that must not.
 */
import fs from "node:fs";
import path from "node:path";
import { BUDGET_ROLES, GOAL_ROLES, INDICATOR_ROLES, checkWorkbook, type CheckDetail } from "../../src/domain";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";

type Columns = Record<string, string>;

interface Expected {
  description: string;
  family: string;
  sheet: string;
  layout: string;
  reading: {
    budget: { headerRows: [number, number]; columns: Columns } | { pairs: Columns };
    goal?: { headerRows: [number, number]; columns: Columns };
    indicator: { headerRows: [number, number]; rows: [number, number]; columns: Columns };
    weights: "column" | "headings" | "none";
    total?: string;
    blocks: Array<{ level1: string; weight: number | null }>;
  };
  budget: { rate: number };
  total: { computed: number; grade: string };
  findings: Array<{ rule: string; cell: string; severity?: string }>;
  absent: string[];
  writes: Record<string, number | string>;
  computedCells: string[];
}

const dir = path.join(__dirname, "..", "fixtures", "variants");
const names = fs.existsSync(dir)
  ? fs
      .readdirSync(dir)
      .filter(
        (f) => f.endsWith(".expected.json") && fs.existsSync(path.join(dir, f.replace(/\.expected\.json$/, ".xlsx"))),
      )
      .map((f) => f.replace(/\.expected\.json$/, ""))
      .sort()
  : [];

const load = (name: string): Expected =>
  JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), "utf8")) as Expected;

type Block = "budget" | "indicator" | "goal";
const ORDER: Record<Block, readonly string[]> = { budget: BUDGET_ROLES, indicator: INDICATOR_ROLES, goal: GOAL_ROLES };

/** One line per role, in the role order of reading.ts, naming the fixture: a diff shows every role that differs. */
function roleLines(
  fixture: string,
  block: Block,
  map: Columns,
): Array<{ fixture: string; block: Block; role: string; at: string }> {
  const order = (role: string) => {
    const i = ORDER[block].indexOf(role);
    return i < 0 ? ORDER[block].length : i;
  };
  return Object.keys(map)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((role) => ({ fixture, block, role, at: map[role] }));
}

/** Role → column letters as read (several columns for one role are listed, comma-separated). */
function readColumns(result: CheckDetail, block: Block, cells: boolean): Columns {
  const out: Columns = {};
  for (const r of result.reading?.roles ?? []) {
    if (r.block !== block) continue;
    const at = cells ? `${r.column}${r.rows[0]}` : r.column;
    out[r.role] = out[r.role] ? `${out[r.role]},${at}` : at;
  }
  return out;
}

describe("variant corpus", () => {
  it("holds at least 16 families, each clean and defective", () => {
    const families = new Map<string, string[]>();
    for (const name of names) {
      const e = load(name);
      families.set(e.family, [...(families.get(e.family) ?? []), name]);
    }
    expect(families.size).toBeGreaterThanOrEqual(16);
    for (const [family, fixtures] of families)
      expect({ family, fixtures: fixtures.sort() }).toEqual({
        family,
        fixtures: [`${family}-clean`, `${family}-defect`],
      });
  });
});

describe.each(names)("%s", (name) => {
  const expected = load(name);
  let result: CheckDetail;
  let found: Array<{ rule: string; cell: string; severity: string }>;

  beforeAll(async () => {
    const { sheets } = await readWorkbookFile(path.join(dir, `${name}.xlsx`));
    result = checkWorkbook(sheets);
    found = result.findings.map((f) => ({ rule: f.rule, cell: f.cell, severity: f.severity }));
  });

  it("finds the sheet and the layout", () => {
    expect({ fixture: name, sheet: result.sheet ?? null, layout: result.layout ?? null }).toEqual({
      fixture: name,
      sheet: expected.sheet,
      layout: expected.layout,
    });
  });

  it("reads the budget block role by role", () => {
    const budget = expected.reading.budget;
    if ("pairs" in budget) {
      expect(roleLines(name, "budget", readColumns(result, "budget", true))).toEqual(
        roleLines(name, "budget", budget.pairs),
      );
      return;
    }
    expect({ fixture: name, budgetHeaderRows: result.reading?.budgetHeaderRows ?? null }).toEqual({
      fixture: name,
      budgetHeaderRows: budget.headerRows,
    });
    expect(roleLines(name, "budget", readColumns(result, "budget", false))).toEqual(
      roleLines(name, "budget", budget.columns),
    );
  });

  it("reads the goal block role by role", () => {
    const goal = expected.reading.goal;
    if (!goal) return;
    expect({ fixture: name, goalHeaderRows: result.reading?.goalHeaderRows ?? null }).toEqual({
      fixture: name,
      goalHeaderRows: goal.headerRows,
    });
    expect(roleLines(name, "goal", readColumns(result, "goal", false))).toEqual(roleLines(name, "goal", goal.columns));
  });

  it("reads the indicator block role by role", () => {
    const indicator = expected.reading.indicator;
    expect({
      fixture: name,
      indicatorHeaderRows: result.reading?.indicatorHeaderRows ?? null,
      indicatorRows: result.reading?.indicatorRows ?? null,
    }).toEqual({ fixture: name, indicatorHeaderRows: indicator.headerRows, indicatorRows: indicator.rows });
    expect(roleLines(name, "indicator", readColumns(result, "indicator", false))).toEqual(
      roleLines(name, "indicator", indicator.columns),
    );
  });

  it("reads where the weights and the total are, and the 一级 blocks", () => {
    const reading = result.reading;
    expect({
      fixture: name,
      weights: reading?.weights ?? null,
      total: reading?.total?.cell ?? null,
      blocks: (reading?.blocks ?? []).map((b) => ({ level1: b.level1, weight: b.weight })),
    }).toEqual({
      fixture: name,
      weights: expected.reading.weights,
      total: expected.reading.total ?? null,
      blocks: expected.reading.blocks,
    });
  });

  it("computes 执行率, 总分 and 等级", () => {
    expect(result.budget.rate).not.toBeNull();
    expect(result.budget.rate!).toBeCloseTo(expected.budget.rate, 4);
    expect(result.total.computed).not.toBeNull();
    expect(result.total.computed!).toBeCloseTo(expected.total.computed, 2);
    expect({ fixture: name, grade: result.total.grade }).toEqual({ fixture: name, grade: expected.total.grade });
  });

  it("reports the expected findings", () => {
    const missing = expected.findings
      .filter(
        (e) => !found.some((f) => f.rule === e.rule && f.cell === e.cell && (!e.severity || f.severity === e.severity)),
      )
      .map((e) => `${e.rule}@${e.cell}${e.severity ? ` (${e.severity})` : ""}`);
    expect({ fixture: name, missing, found: found.map((f) => `${f.rule}@${f.cell}`) }).toEqual({
      fixture: name,
      missing: [],
      found: found.map((f) => `${f.rule}@${f.cell}`),
    });
  });

  it("reports none of the absent rules", () => {
    const present = found.filter((f) => expected.absent.includes(f.rule)).map((f) => `${f.rule}@${f.cell}`);
    expect({ fixture: name, present }).toEqual({ fixture: name, present: [] });
  });

  it("plans exactly the values worked out by hand, and nothing else", () => {
    const planned: Record<string, number | string> = {};
    for (const v of result.plan.values) planned[v.sheet === expected.sheet ? v.cell : `${v.sheet}!${v.cell}`] = v.value;
    const cells = [...new Set([...Object.keys(planned), ...Object.keys(expected.writes)])].sort();
    const close = (a: unknown, b: unknown) =>
      typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 : a === b;
    expect(
      cells.map((cell) => ({
        fixture: name,
        cell,
        value:
          cell in planned
            ? close(planned[cell], expected.writes[cell])
              ? expected.writes[cell]
              : planned[cell]
            : "(not planned)",
      })),
    ).toEqual(
      cells.map((cell) => ({
        fixture: name,
        cell,
        value: cell in expected.writes ? expected.writes[cell] : "(not in writes)",
      })),
    );
  });

  it("writes only the cells the drawing made computed", () => {
    const outside = result.plan.values
      .filter((v) => v.sheet !== expected.sheet || !expected.computedCells.includes(v.cell))
      .map((v) => `${v.figure} → ${v.sheet}!${v.cell}`);
    expect({ fixture: name, outside }).toEqual({ fixture: name, outside: [] });
  });
});
