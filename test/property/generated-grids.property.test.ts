/**
 * Property: the engine's guarantees on grids made from nothing: 自评表 of any shape (budget rows, goals,
 * indicators, merges, odd values, several sheets), the same tables damaged, and sheets of loose labels and
 * values that only look like a table. For every case: no exception, findings name one cell inside the sheet,
 * figures finite or null, the plan writes only computed cells no input shares, and once written it is a fixed
 * point (checking the written sheets plans nothing new and moves no figure).
 *
 * Cases per run: 2,000 tables + 1,000 damaged tables + 1,600 label soups = 4,600 (with the 6,000 of
 * fixture-mutations.property.test.ts, 10,600 a run). FC_SEED=<n> replays a run.
 */
import fc from "fast-check";
import {
  checkWorkbook,
  gridFromRows,
  MapGrid,
  type Cell,
  type CellRange,
  type CellValue,
  type Grid,
} from "../../src/domain";
import { centralRows, type TableSpec } from "../helpers/tables";
import {
  caseViolations,
  ERROR_VALUES,
  INJECTED_TEXT,
  invariantViolations,
  mutateGrid,
  mutationArb,
  ODD_NUMBERS,
  toFullWidth,
} from "../helpers/mutate";
import { seed } from "../helpers/seed";

type V = CellValue | Cell | undefined;

function expectNone(what: unknown, problems: string[]): void {
  if (problems.length) throw new Error(`${JSON.stringify(what).slice(0, 4000)}:\n  ${problems.join("\n  ")}`);
}

// ── Values an officer types ─────────────────────────────────────────────────────────────────────────
const number = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 5000, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 150 }) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
);
const numberish: fc.Arbitrary<V> = fc.oneof(
  { weight: 5, arbitrary: number },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: number.map((n) => toFullWidth(n.toFixed(2))) },
  { weight: 1, arbitrary: number.map((n) => `${n.toLocaleString("en-US")}万元`) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_VALUES).map((error): V => ({ error })) },
  { weight: 1, arbitrary: fc.constantFrom("见附表", "—", "/", "无", "", "满分", "十") },
  { weight: 1, arbitrary: number.map((n): V => ({ value: n, formula: "SUM(D5:D7)" })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...ERROR_VALUES).map((error): V => ({ value: { error }, formula: "E4/D4" })),
  },
);
const rate: fc.Arbitrary<V> = fc.oneof(
  fc.constant(null),
  fc.double({ min: 0, max: 2, noNaN: true }).map((n): V => ({ value: n, numFmt: "0.00%" })),
  numberish,
);
const target = fc.constantFrom<V>(
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
  "≥０．５",
  "≤3.2万元/公里",
  "=0起",
  "2023年12月31日前完成",
);
const actual: fc.Arbitrary<V> = fc.oneof(
  fc.constantFrom(
    "52个",
    "80万元",
    "100%",
    "完成",
    "达成年度指标",
    "部分达成年度指标并具有一定效果",
    "未达成年度指标且效果较差",
    "",
    "较好",
    "11个月",
    "0起",
    "３６个",
  ),
  fc.double({ min: -10, max: 200, noNaN: true }),
  fc.constantFrom<V>({ error: "#REF!" }, { error: "#DIV/0!" }),
);
const score: fc.Arbitrary<V> = fc.oneof(numberish, fc.double({ min: -5, max: 60, noNaN: true }));
const weight: fc.Arbitrary<V> = fc.oneof(
  fc.integer({ min: -5, max: 60 }),
  fc.constant(null),
  fc.constantFrom("十", "10分", "１０", 1e308),
);
const level1 = fc.constantFrom(
  "产出指标",
  "",
  "效益指标",
  "满意度指标(10分)",
  "产出指标（50分）",
  "成本指标",
  "满意度指标",
);
const level2 = fc.constantFrom(
  "数量指标",
  "成本指标",
  "",
  "质量指标",
  "时效指标",
  "社会效益指标",
  "服务对象满意度指标",
);
const name = fc.constantFrom("培训人次", "指标1", "预算执行率", "单位成本", "……", "", "项目完成及时率", "群众满意度");
const reason = fc.constantFrom("", "无", "进度滞后", "(100字以内)", "/", "0", "受2019年疫情影响");

const indicatorRow = fc.tuple(level1, level2, name, target, actual, weight, score, reason);
const budgetLabel = fc.constantFrom(
  "年度资金总额",
  "其中：当年财政拨款",
  "上年结转资金",
  "其他资金",
  "合计",
  "基本支出",
  "",
);
const budgetRow = fc.tuple(
  budgetLabel,
  numberish,
  numberish,
  numberish,
  fc.constantFrom<V>(10, null, 20, "—"),
  rate,
  score,
);

const spec: fc.Arbitrary<TableSpec> = fc.record({
  title: fc.constantFrom(
    "项目支出绩效自评表（2023年度）",
    "部门整体支出绩效自评表",
    "绩效自评表",
    "",
    "2022年度项目自评表",
  ),
  budget: fc.array(budgetRow, { minLength: 0, maxLength: 5 }),
  goals: fc.array(
    fc.tuple(
      fc.constantFrom<V>("完成培训任务", "", "年度目标", "……"),
      fc.constantFrom<V>("已完成培训任务", "完成培训任务", "", "2019年完成"),
    ),
    { maxLength: 3 },
  ),
  indicators: fc.array(indicatorRow, { minLength: 0, maxLength: 14 }),
  total: fc.tuple(
    fc.oneof(fc.constant<V>(100), fc.constant<V>(null), fc.constant<V>(120), fc.constant<V>("自评等级")),
    score,
  ),
  grade: fc.constantFrom<V | undefined>(undefined, "优", "良", "", "A"),
}) as fc.Arbitrary<TableSpec>;

/** Merges over the table region: vertical label merges like the templates', and random ones. */
function merges(rows: number): fc.Arbitrary<CellRange[]> {
  const range = fc
    .tuple(
      fc.integer({ min: 1, max: Math.max(rows, 1) }),
      fc.integer({ min: 1, max: 10 }),
      fc.nat({ max: 4 }),
      fc.nat({ max: 2 }),
    )
    .filter(([, , down, right]) => down + right > 0)
    .map(([top, left, down, right]) => ({ top, left, bottom: top + down, right: left + right }));
  return fc.array(range, { maxLength: 4 }).map((list) => {
    // Excel never overlaps merged areas: keep the first of any overlapping pair.
    const kept: CellRange[] = [];
    for (const m of list)
      if (!kept.some((k) => k.left <= m.right && m.left <= k.right && k.top <= m.bottom && m.top <= k.bottom))
        kept.push(m);
    return kept;
  });
}

const sheetName = fc.constantFrom("自评表", "自评表 (2023)'s", "Sheet1", "附表1", "部门整体支出绩效自评表");

const table = spec.chain((s) => {
  const rows = centralRows(s);
  return fc.record({
    spec: fc.constant(s),
    name: sheetName,
    merges: merges(rows.length),
    blankSheets: fc.nat({ max: 2 }),
  });
});

function buildTable(t: { spec: TableSpec; name: string; merges: CellRange[] }): MapGrid {
  const rows = centralRows(t.spec);
  const grid = gridFromRows(t.name, rows, t.merges);
  // What a reader gives for a merged area: only its top-left cell holds a value.
  const kept = new MapGrid(grid.name, grid.merges);
  for (const { row, col, cell } of grid.entries()) {
    const covered = grid.merges.some(
      (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left),
    );
    if (!covered) kept.set(row, col, cell);
  }
  return kept;
}

function withBlankSheets(grid: MapGrid, n: number): Grid[] {
  const blanks = Array.from({ length: n }, (_, i) => new MapGrid(`空白${i + 1}`));
  return n === 1 ? [blanks[0], grid] : [grid, ...blanks];
}

// ── Label soup: header words, numbers and texts scattered over a small sheet ─────────────────────
const HEADER_WORDS = [
  "项目名称",
  "主管部门",
  "实施单位",
  "项目资金（万元）",
  "年初预算数",
  "全年预算数",
  "全年执行数",
  "分值",
  "执行率",
  "得分",
  "年度资金总额",
  "其中：当年财政拨款",
  "年度总体目标",
  "预期目标",
  "实际完成情况",
  "绩效指标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标性质",
  "度量单位",
  "年度指标值",
  "实际完成值",
  "权重",
  "得分系数",
  "偏差原因分析及改进措施",
  "总分",
  "自评等级",
  "合计",
  "产出指标",
  "效益指标",
  "满意度指标（10分）",
  "得分(20分*执行率)",
  "执行数",
  "原因",
];
const soupCell: fc.Arbitrary<V> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 3, arbitrary: number },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTED_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_VALUES).map((error): V => ({ error })) },
  { weight: 1, arbitrary: fc.constantFrom<V>(true, false, new Date(Date.UTC(2023, 11, 31))) },
  { weight: 4, arbitrary: fc.constant(undefined) },
);
const soup = fc.record({
  name: sheetName,
  rows: fc.array(fc.array(soupCell, { maxLength: 12 }), { maxLength: 40 }),
  merges: merges(40),
});

describe("generated 自评表", () => {
  it("tables of any shape: the engine's guarantees hold", () => {
    fc.assert(
      fc.property(table, (t) => {
        const sheets = withBlankSheets(buildTable(t), t.blankSheets);
        expectNone(t, caseViolations(sheets));
      }),
      { numRuns: 2000, seed },
    );
  });

  it("the same tables damaged: the engine's guarantees hold", () => {
    fc.assert(
      fc.property(table, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (t, muts) => {
        const sheets = [mutateGrid(buildTable(t), muts)];
        expectNone({ table: t, mutations: muts }, caseViolations(sheets));
      }),
      { numRuns: 1000, seed },
    );
  });

  it("sheets of loose labels and values: the engine's guarantees hold", () => {
    fc.assert(
      fc.property(soup, fc.array(soup, { maxLength: 2 }), (first, more) => {
        const sheets = [first, ...more].map((s, i) =>
          gridFromRows(i === 0 ? s.name : `${s.name}${i}`, s.rows, s.merges),
        );
        expectNone([first, ...more], caseViolations(sheets));
      }),
      { numRuns: 1600, seed },
    );
  });

  it("no sheets, and one empty sheet, give layout-unrecognized at A1", () => {
    for (const sheets of [[], [new MapGrid("Sheet1")]]) {
      const detail = checkWorkbook(sheets);
      expect(detail.findings.map((f) => `${f.rule}@${f.cell}`)).toContain("layout-unrecognized@A1");
      expect(invariantViolations(sheets, detail)).toEqual([]);
      expect(detail.plan.values).toEqual([]);
    }
  });
});
