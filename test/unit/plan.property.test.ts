/**
 * Property: whatever a central table holds, the write plan only targets computed cells (执行率 and 得分 of the
 * budget total row, indicator 得分 cells, 总分, 等级), never a cell holding a formula, and every finding names a
 * cell inside the sheet.
 */
import fc from "fast-check";
import { parseA1 } from "../../src/domain/grid";
import { centralGrid, centralRowsOf, check, type TableSpec } from "../helpers/tables";
import { seed } from "../helpers/seed";

const amount = fc.oneof(
  fc.constant(null),
  fc.double({ min: 0, max: 5000, noNaN: true }),
  fc.constantFrom("3,378.30", "９０", "见附表", "—", "#DIV/0!"),
);
const target = fc.constantFrom(
  "≥50个",
  "≤90万元",
  "=100%",
  "100%",
  "98%以上",
  "≥95.19%",
  "12个月",
  "效果明显",
  "",
  "指标值",
  43.2,
);
const actual = fc.oneof(
  fc.constantFrom(
    "52个",
    "80万元",
    "100%",
    "完成",
    "达成年度指标",
    "部分达成年度指标并具有一定效果",
    "",
    "较好",
    "11个月",
  ),
  fc.double({ min: -10, max: 200, noNaN: true }),
  fc.constant({ error: "#REF!" }),
);
const score = fc.oneof(
  fc.constant(null),
  fc.double({ min: -5, max: 60, noNaN: true }),
  fc.constant("满分"),
  fc.constant({ value: 5, formula: "G20*0.5" }),
);
const weight = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constant(null), fc.constant("十"));
const level1 = fc.constantFrom("产出指标", "", "效益指标", "满意度指标(10分)", "产出指标（50分）");
const level2 = fc.constantFrom("数量指标", "成本指标", "", "质量指标");

const indicatorRow = fc.tuple(
  level1,
  level2,
  fc.constantFrom("培训人次", "指标1", "预算执行率", "单位成本", "……"),
  target,
  actual,
  weight,
  score,
  fc.constantFrom("", "无", "进度滞后", "(100字以内)"),
);
const budgetRow = fc.tuple(
  fc.constantFrom("年度资金总额", "其中：当年财政拨款", "其他资金"),
  amount,
  amount,
  amount,
  fc.constantFrom(10, null, 20),
  fc.oneof(fc.constant(null), fc.double({ min: 0, max: 2, noNaN: true })),
  score,
);

const spec = fc.record({
  budget: fc.array(budgetRow, { minLength: 1, maxLength: 4 }),
  indicators: fc.array(indicatorRow, { minLength: 1, maxLength: 12 }),
  total: fc.tuple(fc.oneof(fc.constant(100), fc.constant(null), fc.constant(120)), score),
  grade: fc.constantFrom(undefined, "优", "良", ""),
});

describe("write plan property", () => {
  it("targets only computed cells, never formulas, and every finding names a cell in the sheet", () => {
    fc.assert(
      fc.property(spec, (raw) => {
        const s = raw as unknown as TableSpec;
        const grid = centralGrid(s);
        const rows = centralRowsOf(s);
        const result = check(grid);
        const indicatorRows = new Set(s.indicators!.map((_, i) => rows.firstIndicator + i));
        for (const v of result.plan.values) {
          const { row, col } = parseA1(v.cell);
          const totalIndex = Math.max(
            0,
            s.budget!.findIndex((b) => b[0] === "年度资金总额"),
          );
          const budgetCell = row === rows.budgetTotal + totalIndex && (col === 7 || col === 8);
          const scoreCell = col === 8 && (indicatorRows.has(row) || row === rows.total || row === rows.total + 1);
          if (!budgetCell && !scoreCell) throw new Error(`plan writes input cell ${v.cell}`);
          expect(grid.cell(row, col)?.formula).toBeUndefined();
        }
        for (const f of result.findings) {
          const { row, col } = parseA1(f.cell);
          expect(row).toBeGreaterThanOrEqual(1);
          expect(row).toBeLessThanOrEqual(Math.max(grid.rowCount, 1));
          expect(col).toBeLessThanOrEqual(Math.max(grid.colCount, 1));
          expect(f.message["zh-CN"].length).toBeGreaterThan(0);
          expect(f.message["en-US"].length).toBeGreaterThan(0);
        }
        if (result.total.computed !== null) expect(Number.isFinite(result.total.computed)).toBe(true);
      }),
      // Under Stryker (a worker id in the environment) 100 runs: the 600 cost 9 s of every mutant's run.
      { numRuns: process.env.STRYKER_MUTATOR_WORKER === undefined ? 600 : 100, seed },
    );
  });
});
