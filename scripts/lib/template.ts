/**
 * Draws a 绩效自评表 on a worksheet the way published tables are laid out (the 财预〔2020〕10号 family and
 * its 部门整体, Sichuan and city 20/80 variants), from a plain description of what the officer typed.
 * It returns where everything landed, so fixtures can check the cells their expected findings name.
 */
import type ExcelJS from 'exceljs';

export type Layout = 'central' | 'department' | 'sichuan' | 'city-20-80';

/** A formula with the result Excel cached (what a reader without a calculation engine sees). */
export interface FormulaInput {
  formula: string;
  result: number | string;
}

/** A cell as the officer left it: a number, a text, blank, or a formula with its cached result. */
export type CellInput = number | string | null | FormulaInput;

/** One row of the budget block; the first row of a table is the 年度资金总额 (总额) row. */
export interface BudgetRow {
  label: string;
  /** 年初预算数 / 年初预算 */
  initial: CellInput;
  /** 全年预算数 / 调整后预算数 */
  adjusted: CellInput;
  /** 全年执行数 / 预算执行数 */
  executed: CellInput;
  /** 分值 / 权重; sub-rows default to "—" */
  weight?: CellInput;
  /** 执行率 as a fraction (0.95), or text; sub-rows default to blank */
  rate?: CellInput;
  /** 得分; sub-rows default to "—" */
  score?: CellInput;
  /** 原因 (Sichuan only) */
  reason?: CellInput;
  /** Number format of the 执行率 cell; "0.00%" unless given. */
  rateFormat?: string;
}

/** The goal block: one row (项目) or one row per 年度主要任务 (部门整体). */
export interface GoalRow {
  task?: string;
  expected: string;
  actual: string;
}

export interface IndicatorRow {
  /** 一级指标 */
  level1: string;
  /** 二级指标 */
  level2: string;
  /** 三级指标 */
  name: string;
  /** 指标性质 (Sichuan): =, ≥, ≤ */
  nature?: string;
  /** 度量单位 (Sichuan) */
  unit?: string;
  /** 年度指标值 */
  target: CellInput;
  /** 实际完成值 */
  actual: CellInput;
  /** 分值 */
  weight: CellInput;
  /** 得分 */
  score: CellInput;
  /** 偏差原因分析及改进措施 */
  reason?: CellInput;
  /** Number format of the 实际完成值 cell when it is a number (e.g. "0%"). */
  actualFormat?: string;
}

/** Info rows under the title: [label, value] or [label, value, label, value]. */
export type InfoRow = [string, string] | [string, string, string, string];

/** Every label the table prints; layouts supply defaults, fixtures override them with synonyms. */
export interface HeaderLabels {
  budgetBlock: string;
  initial: string;
  adjusted: string;
  executed: string;
  budgetWeight: string;
  rate: string;
  budgetScore: string;
  budgetReason: string;
  goalBlock: string;
  task: string;
  expected: string;
  actual: string;
  indicatorBlock: string;
  level1: string;
  level2: string;
  name: string;
  nature: string;
  unit: string;
  target: string;
  actualValue: string;
  weight: string;
  score: string;
  deviation: string;
  total: string;
  grade: string;
}

export interface TableSpec {
  layout: Layout;
  title: string;
  /** e.g. "（2023年度）"; omitted when undefined */
  yearLine?: string;
  info: InfoRow[];
  budget: BudgetRow[];
  goals: GoalRow[];
  indicators: IndicatorRow[];
  total: { weight: CellInput; score: CellInput };
  /** The 自评等级 row under 总分, when the table has one. */
  grade?: string;
  /** Unbordered lines under the table (填表人, 联系电话 …). */
  notes?: string[];
  headers?: Partial<HeaderLabels>;
}

/** How 一级/二级 labels repeat down the indicator rows. */
export type LevelLabels = 'merge' | 'repeat' | 'blank';

export interface DrawOptions {
  /** 1-based sheet row and column of the table's top-left cell (the title). Default 1, 1. */
  origin?: { row: number; col: number };
  /** Insert spaces between the characters of short labels, as 分散对齐 is often typed ("绩 效 指 标"). */
  fendui?: boolean;
  /** Break header labels before their parenthesised suffix ("全年预算数\n（A）"). */
  headerBreaks?: boolean;
  levelLabels?: LevelLabels;
  /**
   * Back numeric cells with formulas whose cached result is the value given in the spec:
   * budget totals (SUM of sub-rows), 执行率 (执行数/预算数), execution 得分, 总分 得分.
   */
  formulas?: { budgetTotals?: boolean; rate?: boolean; execScore?: boolean; total?: boolean };
}

export type BudgetField = 'label' | 'initial' | 'adjusted' | 'executed' | 'weight' | 'rate' | 'score' | 'reason';
export type GoalField = 'task' | 'expected' | 'actual';
export type IndicatorField =
  | 'level1'
  | 'level2'
  | 'name'
  | 'nature'
  | 'unit'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason';
export type TotalField = 'label' | 'weight' | 'score';

/** Where the table landed: sheet rows and A1 addresses of the cells findings refer to. */
export interface TableMap {
  sheet: string;
  titleRow: number;
  budgetHeaderRow: number;
  budgetRows: number[];
  goalHeaderRow: number;
  goalRows: number[];
  indicatorHeaderRow: number;
  indicatorRows: number[];
  totalRow: number;
  gradeRow: number | null;
  lastRow: number;
  budget(index: number, field: BudgetField): string;
  goal(index: number, field: GoalField): string;
  indicator(index: number, field: IndicatorField): string;
  total(field: TotalField): string;
  /** The 自评等级 value cell; null when the table has no 自评等级 row. */
  grade(): string | null;
  /**
   * The cells the rules compute (执行率 and 得分 of the 年度资金总额 row, each indicator's 得分, the 总分's 得分,
   * the 自评等级): the only cells a write plan may fill, in drawing order.
   */
  computedCells(): string[];
}

/** [first, last] column offsets from the table's left edge (0 = first column). */
type Span = [number, number];

interface Geometry {
  width: number;
  infoSingle: [Span, Span];
  infoPair: [Span, Span, Span, Span];
  budget: Record<Exclude<BudgetField, 'reason'>, Span> & { reason: Span | null };
  goals: { task: Span | null; expected: Span; actual: Span };
  indicators: Record<Exclude<IndicatorField, 'nature' | 'unit'>, Span> & { nature: Span | null; unit: Span | null };
  total: Record<TotalField, Span> & { rest: Span | null };
  gradeValue: Span;
  widths: number[];
}

const TEN_COLUMNS: Omit<Geometry, 'goals'> = {
  width: 10,
  infoSingle: [[0, 1], [2, 9]],
  infoPair: [[0, 1], [2, 4], [5, 6], [7, 9]],
  budget: {
    label: [1, 2],
    initial: [3, 3],
    adjusted: [4, 4],
    executed: [5, 5],
    weight: [6, 6],
    rate: [7, 7],
    score: [8, 9],
    reason: null,
  },
  indicators: {
    level1: [1, 1],
    level2: [2, 2],
    name: [3, 3],
    nature: null,
    unit: null,
    target: [4, 4],
    actual: [5, 5],
    weight: [6, 6],
    score: [7, 7],
    reason: [8, 9],
  },
  total: { label: [0, 5], weight: [6, 6], score: [7, 7], rest: [8, 9] },
  gradeValue: [6, 9],
  widths: [9, 12, 13, 24, 15, 15, 9, 11, 14, 16],
};

const GEOMETRY: Record<Layout, Geometry> = {
  central: { ...TEN_COLUMNS, goals: { task: null, expected: [1, 4], actual: [5, 9] } },
  'city-20-80': { ...TEN_COLUMNS, goals: { task: null, expected: [1, 4], actual: [5, 9] } },
  department: { ...TEN_COLUMNS, goals: { task: [1, 2], expected: [3, 5], actual: [6, 9] } },
  sichuan: {
    width: 11,
    infoSingle: [[0, 1], [2, 10]],
    infoPair: [[0, 1], [2, 5], [6, 7], [8, 10]],
    budget: {
      label: [1, 2],
      initial: [3, 3],
      adjusted: [4, 4],
      executed: [5, 5],
      rate: [6, 6],
      weight: [7, 7],
      score: [8, 8],
      reason: [9, 10],
    },
    goals: { task: null, expected: [1, 5], actual: [6, 10] },
    indicators: {
      level1: [1, 1],
      level2: [2, 2],
      name: [3, 3],
      nature: [4, 4],
      unit: [5, 5],
      target: [6, 6],
      actual: [7, 7],
      weight: [8, 8],
      score: [9, 9],
      reason: [10, 10],
    },
    total: { label: [0, 7], weight: [8, 8], score: [9, 9], rest: [10, 10] },
    gradeValue: [8, 10],
    widths: [9, 12, 13, 22, 7, 7, 11, 11, 9, 9, 18],
  },
};

const COMMON_LABELS: HeaderLabels = {
  budgetBlock: '项目资金（万元）',
  initial: '年初预算数',
  adjusted: '全年预算数',
  executed: '全年执行数',
  budgetWeight: '分值',
  rate: '执行率',
  budgetScore: '得分',
  budgetReason: '原因',
  goalBlock: '年度总体目标',
  task: '年度主要任务',
  expected: '预期目标',
  actual: '实际完成情况',
  indicatorBlock: '绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  nature: '指标性质',
  unit: '度量单位',
  target: '年度指标值',
  actualValue: '实际完成值',
  weight: '分值',
  score: '得分',
  deviation: '偏差原因分析及改进措施',
  total: '总分',
  grade: '自评等级',
};

/** Default labels of each layout, as the published templates print them. */
export const DEFAULT_LABELS: Record<Layout, HeaderLabels> = {
  central: COMMON_LABELS,
  department: { ...COMMON_LABELS, budgetBlock: '预算执行情况（万元）' },
  sichuan: {
    ...COMMON_LABELS,
    initial: '年初预算',
    adjusted: '调整后预算数',
    executed: '预算执行数',
    rate: '预算执行率',
    budgetWeight: '权重',
  },
  'city-20-80': {
    ...COMMON_LABELS,
    adjusted: '全年预算数（A）',
    executed: '全年执行数（B）',
    rate: '执行率（B/A）',
    budgetScore: '得分(20分*执行率)',
    target: '年初目标值(A)',
    actualValue: '实际完成值(B)',
    deviation: '未完成原因分析',
  },
};

export const FORMATS = { amount: '#,##0.00', rate: '0.00%', score: '0.00' } as const;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const HEAD_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10, bold: true };

interface Look {
  font?: Partial<ExcelJS.Font>;
  numFmt?: string;
  horizontal?: ExcelJS.Alignment['horizontal'];
  border?: boolean;
}

export function columnLetter(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

function isFormula(value: CellInput | undefined): value is FormulaInput {
  return typeof value === 'object' && value !== null;
}

/** "绩效指标" → "绩 效 指 标"; only the head before a line break or parenthesis, only when short. */
export function fendui(label: string): string {
  const cut = label.search(/[\n（(]/);
  const head = cut < 0 ? label : label.slice(0, cut);
  const tail = cut < 0 ? '' : label.slice(cut);
  const chars = Array.from(head);
  if (chars.length < 2 || chars.length > 4 || !chars.every((c) => /[\u4e00-\u9fff]/.test(c))) return label;
  return chars.join(' ') + tail;
}

/** "全年预算数（A）" → "全年预算数\n（A）"; the long 偏差原因 header breaks before 及改进措施. */
export function breakLabel(label: string): string {
  if (label.includes('\n')) return label;
  const paren = label.search(/[（(]/);
  if (paren > 0) return `${label.slice(0, paren)}\n${label.slice(paren)}`;
  return label === '偏差原因分析及改进措施' ? '偏差原因分析\n及改进措施' : label;
}

export function drawTable(ws: ExcelJS.Worksheet, spec: TableSpec, options: DrawOptions = {}): TableMap {
  const geo = GEOMETRY[spec.layout];
  const origin = options.origin ?? { row: 1, col: 1 };
  const levelLabels = options.levelLabels ?? 'merge';
  const formulas = options.formulas ?? {};
  const labels: HeaderLabels = { ...DEFAULT_LABELS[spec.layout], ...spec.headers };
  const col = (span: Span): number => origin.col + span[0];
  const colLast = (span: Span): number => origin.col + span[1];
  const at = (row: number, span: Span): string => address(row, col(span));

  /** Header text as the options print it. */
  const head = (label: string): string => {
    let text = options.headerBreaks ? breakLabel(label) : label;
    if (options.fendui) text = fendui(text);
    return text;
  };

  const put = (row: number, span: Span, value: CellInput | undefined, look: Look = {}, rows = 1): void => {
    const first = col(span);
    const last = colLast(span);
    const bottom = row + rows - 1;
    if (last > first || bottom > row) ws.mergeCells(row, first, bottom, last);
    const cell = ws.getCell(row, first);
    cell.value = value === undefined || value === null ? null : value;
    const numeric = typeof value === 'number' || (isFormula(value) && typeof value.result === 'number');
    for (let r = row; r <= bottom; r++) {
      for (let c = first; c <= last; c++) {
        const target = ws.getCell(r, c);
        target.font = look.font ?? BODY_FONT;
        target.alignment = {
          vertical: 'middle',
          horizontal: look.horizontal ?? (numeric ? 'right' : 'center'),
          wrapText: true,
        };
        if (look.border !== false) target.border = BORDER;
        if (look.numFmt && numeric) target.numFmt = look.numFmt;
      }
    }
  };
  const header = (row: number, span: Span, label: string, rows = 1): void =>
    put(row, span, head(label), { font: HEAD_FONT, horizontal: options.fendui && fendui(label) !== label ? 'distributed' : 'center' }, rows);

  geo.widths.forEach((width, i) => {
    ws.getColumn(origin.col + i).width = width;
  });
  const full: Span = [0, geo.width - 1];
  let row = origin.row;

  // Title and year line.
  const titleRow = row;
  put(row, full, spec.title, { font: { name: '宋体', size: 16, bold: true }, border: false });
  ws.getRow(row).height = 30;
  row++;
  if (spec.yearLine !== undefined) {
    put(row, full, spec.yearLine, { font: { name: '宋体', size: 11 }, border: false });
    row++;
  }

  // Info rows (项目名称, 主管部门/实施单位, 部门名称 …).
  for (const info of spec.info) {
    if (info.length === 2) {
      header(row, geo.infoSingle[0], info[0]);
      put(row, geo.infoSingle[1], info[1], { horizontal: 'left' });
    } else {
      header(row, geo.infoPair[0], info[0]);
      put(row, geo.infoPair[1], info[1], { horizontal: 'left' });
      header(row, geo.infoPair[2], info[2]);
      put(row, geo.infoPair[3], info[3], { horizontal: 'left' });
    }
    row++;
  }

  // Budget block: header row, then the total row and its sub-rows.
  const budgetHeaderRow = row;
  const budgetRows = spec.budget.map((_, i) => budgetHeaderRow + 1 + i);
  header(row, [0, 0], labels.budgetBlock, spec.budget.length + 1);
  put(row, geo.budget.label, null, { font: HEAD_FONT });
  header(row, geo.budget.initial, labels.initial);
  header(row, geo.budget.adjusted, labels.adjusted);
  header(row, geo.budget.executed, labels.executed);
  header(row, geo.budget.weight, labels.budgetWeight);
  header(row, geo.budget.rate, labels.rate);
  header(row, geo.budget.score, labels.budgetScore);
  if (geo.budget.reason) header(row, geo.budget.reason, labels.budgetReason);
  ws.getRow(row).height = options.headerBreaks ? 36 : 24;
  row++;
  const totalBudgetRow = budgetRows[0];
  const subRows = budgetRows.slice(1);
  spec.budget.forEach((line, i) => {
    const isTotal = i === 0;
    const amount = (field: 'initial' | 'adjusted' | 'executed'): CellInput => {
      const value = line[field];
      if (!isTotal || !formulas.budgetTotals || typeof value !== 'number' || subRows.length === 0) return value;
      const letter = columnLetter(col(geo.budget[field]));
      return { formula: `SUM(${letter}${subRows[0]}:${letter}${subRows[subRows.length - 1]})`, result: value };
    };
    put(row, geo.budget.label, line.label, { horizontal: 'left' });
    put(row, geo.budget.initial, amount('initial'), { numFmt: FORMATS.amount });
    put(row, geo.budget.adjusted, amount('adjusted'), { numFmt: FORMATS.amount });
    put(row, geo.budget.executed, amount('executed'), { numFmt: FORMATS.amount });
    put(row, geo.budget.weight, line.weight ?? (isTotal ? null : '—'));
    let rate: CellInput = line.rate ?? null;
    if (isTotal && formulas.rate && typeof rate === 'number') {
      rate = { formula: `${at(row, geo.budget.executed)}/${at(row, geo.budget.adjusted)}`, result: rate };
    }
    put(row, geo.budget.rate, rate, { numFmt: line.rateFormat ?? FORMATS.rate });
    let score: CellInput = line.score ?? (isTotal ? null : '—');
    if (isTotal && formulas.execScore && typeof score === 'number') {
      const rateCell = at(row, geo.budget.rate);
      score = { formula: `ROUND(MIN(${rateCell},1)*${at(row, geo.budget.weight)},2)`, result: score };
    }
    put(row, geo.budget.score, score, { numFmt: FORMATS.score });
    if (geo.budget.reason) put(row, geo.budget.reason, line.reason ?? null, { horizontal: 'left' });
    row++;
  });

  // Goal block: header row, then one text row (项目) or one row per 年度主要任务.
  const goalHeaderRow = row;
  const goalRows = spec.goals.map((_, i) => goalHeaderRow + 1 + i);
  header(row, [0, 0], labels.goalBlock, spec.goals.length + 1);
  if (geo.goals.task) header(row, geo.goals.task, labels.task);
  header(row, geo.goals.expected, labels.expected);
  header(row, geo.goals.actual, labels.actual);
  row++;
  for (const goal of spec.goals) {
    if (geo.goals.task) put(row, geo.goals.task, goal.task ?? null, { horizontal: 'left' });
    put(row, geo.goals.expected, goal.expected, { horizontal: 'left' });
    put(row, geo.goals.actual, goal.actual, { horizontal: 'left' });
    ws.getRow(row).height = 96;
    row++;
  }

  // Indicator block: header row, indicator rows with 一级/二级 labels merged, repeated or left blank.
  const indicatorHeaderRow = row;
  const indicatorRows = spec.indicators.map((_, i) => indicatorHeaderRow + 1 + i);
  header(row, [0, 0], labels.indicatorBlock, spec.indicators.length + 1);
  header(row, geo.indicators.level1, labels.level1);
  header(row, geo.indicators.level2, labels.level2);
  header(row, geo.indicators.name, labels.name);
  if (geo.indicators.nature) header(row, geo.indicators.nature, labels.nature);
  if (geo.indicators.unit) header(row, geo.indicators.unit, labels.unit);
  header(row, geo.indicators.target, labels.target);
  header(row, geo.indicators.actual, labels.actualValue);
  header(row, geo.indicators.weight, labels.weight);
  header(row, geo.indicators.score, labels.score);
  header(row, geo.indicators.reason, labels.deviation);
  ws.getRow(row).height = options.headerBreaks ? 36 : 24;
  row++;
  const runLength = (i: number, same: (a: IndicatorRow, b: IndicatorRow) => boolean): number => {
    let n = 1;
    while (i + n < spec.indicators.length && same(spec.indicators[i], spec.indicators[i + n])) n++;
    return n;
  };
  const sameLevel1 = (a: IndicatorRow, b: IndicatorRow): boolean => a.level1 === b.level1;
  const sameLevel2 = (a: IndicatorRow, b: IndicatorRow): boolean => a.level1 === b.level1 && a.level2 === b.level2;
  spec.indicators.forEach((line, i) => {
    const previous = i > 0 ? spec.indicators[i - 1] : null;
    for (const [field, same] of [
      ['level1', sameLevel1],
      ['level2', sameLevel2],
    ] as const) {
      const span = geo.indicators[field];
      const startsRun = previous === null || !same(previous, line);
      if (levelLabels === 'repeat') put(row, span, line[field]);
      else if (!startsRun) continue; // covered by the merge above, or left blank
      else if (levelLabels === 'merge') put(row, span, line[field], {}, runLength(i, same));
      else {
        put(row, span, line[field]);
        for (let k = 1; k < runLength(i, same); k++) put(row + k, span, null);
      }
    }
    put(row, geo.indicators.name, line.name, { horizontal: 'left' });
    if (geo.indicators.nature) put(row, geo.indicators.nature, line.nature ?? null);
    if (geo.indicators.unit) put(row, geo.indicators.unit, line.unit ?? null);
    put(row, geo.indicators.target, line.target, { numFmt: 'General' });
    put(row, geo.indicators.actual, line.actual, { numFmt: line.actualFormat ?? 'General' });
    put(row, geo.indicators.weight, line.weight, { horizontal: 'center' });
    put(row, geo.indicators.score, line.score, { numFmt: FORMATS.score });
    put(row, geo.indicators.reason, line.reason ?? null, { horizontal: 'left' });
    ws.getRow(row).height = 30;
    row++;
  });

  // 总分 row, then the optional 自评等级 row.
  const totalRow = row;
  header(row, geo.total.label, labels.total);
  put(row, geo.total.weight, spec.total.weight, { horizontal: 'center' });
  let totalScore: CellInput = spec.total.score;
  if (formulas.total && typeof totalScore === 'number' && indicatorRows.length > 0) {
    const letter = columnLetter(col(geo.indicators.score));
    totalScore = {
      formula: `${at(totalBudgetRow, geo.budget.score)}+SUM(${letter}${indicatorRows[0]}:${letter}${indicatorRows[indicatorRows.length - 1]})`,
      result: totalScore,
    };
  }
  put(row, geo.total.score, totalScore, { numFmt: FORMATS.score });
  if (geo.total.rest) put(row, geo.total.rest, null);
  row++;
  let gradeRow: number | null = null;
  if (spec.grade !== undefined) {
    gradeRow = row;
    header(row, geo.total.label, labels.grade);
    put(row, geo.gradeValue, spec.grade);
    row++;
  }
  for (const note of spec.notes ?? []) {
    put(row, full, note, { horizontal: 'left', border: false });
    row++;
  }

  const budgetSpan = (field: BudgetField): Span => {
    const span = geo.budget[field];
    if (!span) throw new Error(`layout ${spec.layout} has no budget ${field} column`);
    return span;
  };
  const goalSpan = (field: GoalField): Span => {
    const span = geo.goals[field];
    if (!span) throw new Error(`layout ${spec.layout} has no goal ${field} column`);
    return span;
  };
  const indicatorSpan = (field: IndicatorField): Span => {
    const span = geo.indicators[field];
    if (!span) throw new Error(`layout ${spec.layout} has no indicator ${field} column`);
    return span;
  };
  return {
    sheet: ws.name,
    titleRow,
    budgetHeaderRow,
    budgetRows,
    goalHeaderRow,
    goalRows,
    indicatorHeaderRow,
    indicatorRows,
    totalRow,
    gradeRow,
    lastRow: row - 1,
    budget: (index, field) => at(budgetRows[index], budgetSpan(field)),
    goal: (index, field) => at(goalRows[index], goalSpan(field)),
    indicator: (index, field) => at(indicatorRows[index], indicatorSpan(field)),
    total: (field) => at(totalRow, geo.total[field]),
    grade: () => (gradeRow === null ? null : at(gradeRow, geo.gradeValue)),
    computedCells: () => [
      at(totalBudgetRow, geo.budget.rate),
      at(totalBudgetRow, geo.budget.score),
      ...indicatorRows.map((r) => at(r, geo.indicators.score)),
      at(totalRow, geo.total.score),
      ...(gradeRow === null ? [] : [at(gradeRow, geo.gradeValue)]),
    ],
  };
}
