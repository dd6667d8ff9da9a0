/**
 * The officer's correction of a reading (版式): which column holds which role, and where the indicator rows start
 * and end. Made in the pane, saved in the workbook, exported as a small JSON file (版式.json) that
 * `ziping check --layout` applies to every workbook of the same template. Parsed defensively: it is user input.
 */
/* global TextEncoder -- in every browser and in Node */
import { columnLetters, parseA1 } from "./grid";
import { BUDGET_ROLES, INDICATOR_ROLES, type BudgetRole, type IndicatorRole, type TableReading } from "./reading";

export interface BlockOverride<R extends string> {
  /** The header row nearest the data (the child row of a two-row header). */
  headerRow?: number;
  /** First and last data row (indicator rows; budget rows). */
  firstRow?: number;
  lastRow?: number;
  /** Role → column letters ("H"). A role set here wins over anything the reader would assign. */
  columns?: Partial<Record<R, string>>;
}

export interface LayoutOverride {
  /** Marks the file for what it is, so that a stray JSON file is refused with a clear message. */
  ziping: "layout";
  version: 1;
  /** The sheet to read; absent: the one the reader picks. */
  sheet?: string;
  /** A description for people (the template's name). */
  name?: string;
  budget?: BlockOverride<BudgetRole>;
  indicator?: BlockOverride<IndicatorRole>;
}

export interface LayoutFileProblem {
  "zh-CN": string;
  "en-US": string;
}

const MAX_ROW = 1_048_576;
const MAX_LAYOUT_BYTES = 64 * 1024;

function problem(zh: string, en: string): LayoutFileProblem {
  return { "zh-CN": zh, "en-US": en };
}

function readBlock<R extends string>(
  raw: unknown,
  where: "budget" | "indicator",
  roles: readonly R[],
  problems: LayoutFileProblem[],
): BlockOverride<R> | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push(problem(`“${where}”应为对象`, `"${where}" must be an object`));
    return undefined;
  }
  const o = raw as Record<string, unknown>;
  const block: BlockOverride<R> = {};
  for (const key of ["headerRow", "firstRow", "lastRow"] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > MAX_ROW)
      problems.push(problem(`${where}.${key} 应为 1 至 ${MAX_ROW} 的整数行号`, `${where}.${key} must be a row number`));
    else block[key] = v;
  }
  if (block.firstRow !== undefined && block.lastRow !== undefined && block.lastRow < block.firstRow)
    problems.push(problem(`${where}.lastRow 早于 firstRow`, `${where}.lastRow is before firstRow`));
  if (o.columns !== undefined) {
    if (typeof o.columns !== "object" || o.columns === null || Array.isArray(o.columns))
      problems.push(problem(`${where}.columns 应为对象`, `${where}.columns must be an object`));
    else {
      const columns: Partial<Record<R, string>> = {};
      const used = new Map<string, string>();
      for (const [role, letters] of Object.entries(o.columns as Record<string, unknown>)) {
        if (!(roles as readonly string[]).includes(role)) {
          problems.push(
            problem(`${where}.columns 中的“${role}”不是可识别的角色`, `${where}.columns: "${role}" is not a role`),
          );
          continue;
        }
        const col = typeof letters === "string" ? columnOf(letters) : null;
        if (col === null) {
          problems.push(
            problem(
              `${where}.columns.${role} 应为列字母（如 "H"）`,
              `${where}.columns.${role} must be column letters such as "H"`,
            ),
          );
          continue;
        }
        const letter = columnLetters(col);
        const other = used.get(letter);
        if (other)
          problems.push(
            problem(
              `${letter} 列同时设为“${other}”和“${role}”`,
              `column ${letter} is set as both "${other}" and "${role}"`,
            ),
          );
        used.set(letter, role);
        columns[role as R] = letter;
      }
      block.columns = columns;
    }
  }
  return block;
}

/** Column letters ("H", "ab") as a 1-based column, or null when they are not column letters. */
export function columnOf(letters: string): number | null {
  const t = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return null;
  const col = parseA1(`${t}1`).col;
  return col <= 16384 ? col : null;
}

/** Parses a 版式.json text; problems say, in both languages, what is wrong with it. */
export function parseLayoutFile(text: string): { layout?: LayoutOverride; problems: LayoutFileProblem[] } {
  // In UTF-8 bytes, as the message says (a character of Chinese is three): counted only when it could matter.
  if (text.length > MAX_LAYOUT_BYTES / 3 && new TextEncoder().encode(text).length > MAX_LAYOUT_BYTES)
    return { problems: [problem("版式文件过大（上限 64 KB）", "The layout file is too large (64 KB at most)")] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problems: [problem("版式文件不是有效的 JSON", "The layout file is not valid JSON")] };
  }
  return validateLayout(raw);
}

/** Checks a layout already parsed (from a file or the workbook's settings). */
export function validateLayout(raw: unknown): { layout?: LayoutOverride; problems: LayoutFileProblem[] } {
  const problems: LayoutFileProblem[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { problems: [problem("版式文件应为 JSON 对象", "The layout file must hold a JSON object")] };
  const o = raw as Record<string, unknown>;
  if (o.ziping !== "layout")
    return {
      problems: [
        problem(
          '这不是 Ziping 版式文件（缺少 "ziping": "layout"）',
          'Not a Ziping layout file ("ziping": "layout" missing)',
        ),
      ],
    };
  if (o.version !== 1)
    problems.push(
      problem(`不支持的版式文件版本：${String(o.version)}`, `Unsupported layout file version: ${String(o.version)}`),
    );
  const layout: LayoutOverride = { ziping: "layout", version: 1 };
  if (o.sheet !== undefined) {
    if (typeof o.sheet === "string" && o.sheet.trim() && o.sheet.length <= 31) layout.sheet = o.sheet;
    else problems.push(problem("sheet 应为工作表名称", "sheet must be a worksheet name"));
  }
  if (typeof o.name === "string") layout.name = o.name.slice(0, 200);
  const budget = readBlock(o.budget, "budget", BUDGET_ROLES, problems);
  const indicator = readBlock(o.indicator, "indicator", INDICATOR_ROLES, problems);
  if (budget) layout.budget = budget;
  if (indicator) layout.indicator = indicator;
  return problems.length ? { problems } : { layout, problems };
}

/** The JSON a reviewer keeps for a template: stable key order, two-space indent. */
export function stringifyLayout(layout: LayoutOverride): string {
  return `${JSON.stringify(layout, null, 2)}\n`;
}

/**
 * A layout file that pins the reading as it is now (every role's column, the header rows and indicator rows),
 * with the officer's corrections on top: what the pane exports after a correction.
 */
export function layoutFromReading(sheet: string, reading: TableReading, base?: LayoutOverride): LayoutOverride {
  const layout: LayoutOverride = { ziping: "layout", version: 1, sheet };
  if (base?.name) layout.name = base.name;
  const pick = <R extends string>(
    block: "budget" | "indicator",
    headerRows?: [number, number],
    rows?: [number, number],
  ) => {
    const columns: Partial<Record<R, string>> = {};
    for (const r of reading.roles) if (r.block === block && r.source !== "pair") columns[r.role as R] = r.column;
    const out: BlockOverride<R> = { columns };
    if (headerRows) out.headerRow = headerRows[1];
    if (rows) {
      out.firstRow = rows[0];
      out.lastRow = rows[1];
    }
    return out;
  };
  if (reading.budgetHeaderRows) layout.budget = pick<BudgetRole>("budget", reading.budgetHeaderRows);
  if (reading.indicatorHeaderRows)
    layout.indicator = pick<IndicatorRole>("indicator", reading.indicatorHeaderRows, reading.indicatorRows);
  // The officer's own settings stand over what was read.
  for (const key of ["budget", "indicator"] as const) {
    const mine = base?.[key];
    if (!mine) continue;
    const into = (layout[key] ??= {}) as BlockOverride<string>;
    if (mine.headerRow !== undefined) into.headerRow = mine.headerRow;
    if (mine.firstRow !== undefined) into.firstRow = mine.firstRow;
    if (mine.lastRow !== undefined) into.lastRow = mine.lastRow;
    const cols = { ...(into.columns ?? {}) } as Record<string, string>;
    for (const [role, letter] of Object.entries(mine.columns ?? {}) as Array<[string, string]>) {
      for (const [other, l] of Object.entries(cols)) if (l === letter && other !== role) delete cols[other];
      cols[role] = letter;
    }
    into.columns = cols;
  }
  return layout;
}

/** Sets one role's column (the pane's 设为“分值”列): any other role on that column gives way. */
export function withColumnRole(
  layout: LayoutOverride | undefined,
  block: "budget" | "indicator",
  role: string,
  letter: string,
): LayoutOverride {
  const next: LayoutOverride = structuredCloneLayout(layout);
  const b = (next[block] ??= {}) as BlockOverride<string>;
  const cols = { ...(b.columns ?? {}) } as Record<string, string>;
  // Letters compared as stored (upper case, trimmed): "h" takes column H from the role that had it.
  const column = letter.trim().toUpperCase();
  for (const [other, l] of Object.entries(cols)) if (l.trim().toUpperCase() === column) delete cols[other];
  cols[role] = column;
  b.columns = cols;
  return next;
}

/** Sets where the indicator rows start and end (the pane's 标记指标起止行). */
export function withIndicatorRows(
  layout: LayoutOverride | undefined,
  firstRow: number,
  lastRow: number,
): LayoutOverride {
  const next = structuredCloneLayout(layout);
  const b = (next.indicator ??= {});
  b.firstRow = Math.min(firstRow, lastRow);
  b.lastRow = Math.max(firstRow, lastRow);
  return next;
}

function structuredCloneLayout(layout: LayoutOverride | undefined): LayoutOverride {
  return layout ? (JSON.parse(JSON.stringify(layout)) as LayoutOverride) : { ziping: "layout", version: 1 };
}
