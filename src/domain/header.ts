/**
 * Header understanding: finds each block's header region (one to three rows, merged parents over children),
 * composes every column's label from its rows, and assigns roles (全年预算数, 分值, 得分 …) as the best assignment
 * over the whole header, each confirmed by the cells under it: a figure role must hold numbers, blanks or the
 * not-applicable marks in most rows, a row-label role must hold text. Label synonyms alone cannot read the next
 * province's variant; weighing the header against its data the way a person does can, and no library reads
 * 自评表 headers, so this is the domain's own code. Every choice it makes between readings is kept as evidence.
 */
import { columnLetters, toA1 } from "./grid";
import {
  BUDGET_COLUMNS,
  GOAL_COLUMNS,
  INDICATOR_COLUMNS,
  isBlockLabel,
  isTotalScoreLabel,
  roleMatches,
} from "./labels";
import { columnOf, type BlockOverride, type LayoutOverride } from "./layout-file";
import { isBlankMark, normalizeLabel, normalizeText, parseNumber } from "./parse";
import { exceeds } from "./precision";
import { roleLabel, type Confidence, type LayoutAssumption, type ReadingBlock, type RoleReading } from "./reading";
import type { SheetReader } from "./layout";

type Group = ReadingBlock;
const GROUPS = { budget: BUDGET_COLUMNS, indicator: INDICATOR_COLUMNS, goal: GOAL_COLUMNS } as const;

/** Roles whose cells must be numbers (or blanks, "—", "/", "无", "不适用"). */
const FIGURE_ROLES: Record<Group, ReadonlySet<string>> = {
  budget: new Set(["initial", "planned", "executed", "weight", "rate", "score"]),
  indicator: new Set(["weight", "score", "coefficient"]),
  goal: new Set(),
};
/** Roles whose cells are row labels: text, never figures. */
const LABEL_ROLES: Record<Group, ReadonlySet<string>> = {
  budget: new Set(),
  indicator: new Set(["level1", "level2", "name"]),
  goal: new Set(),
};
/** What a filled required role is worth in the assignment, so that a role is not left empty for a nicer label. */
const REQUIRED_BONUS: Record<Group, Readonly<Record<string, number>>> = {
  budget: { planned: 2, executed: 2 },
  indicator: { name: 2, score: 1.5, target: 1, actual: 1, weight: 1 },
  goal: { expected: 1, actual: 1 },
};

const HEADER_SCAN_ROWS = 300;
/** Header rows above the data: one, or a parent row over children (rarely three). */
const MAX_HEADER_ROWS = 3;
const SAMPLE_ROWS: Record<Group, number> = { budget: 10, indicator: 60, goal: 4 };
/** A header cell is short; longer text is an instruction or an answer. */
const MAX_HEADER_TEXT = 40;
/** Bound on the assignment search: a hostile header with every cell a synonym falls back to the greedy result. */
const MAX_SEARCH_NODES = 5_000;
/** Regions read in full for one block: a real sheet has a handful; past this a hostile sheet gets no more. */
const MAX_REGIONS = 40;

export interface ColumnHeader {
  col: number;
  /** Normalised labels, parent first. */
  parts: string[];
  /** As typed, parent first ("年度指标值 / 指标值"). */
  text: string;
  /** The header cell nearest the data. */
  cell: string;
}

interface Candidate {
  role: string;
  col: number;
  /** How plainly the header names the role (0–1), after the data under it has been weighed. */
  strength: number;
  /** Before the data was weighed. */
  named: number;
  evidence: { "zh-CN": string; "en-US": string };
}

export interface BlockHeader {
  top: number;
  bottom: number;
  cols: Record<string, number>;
  readings: RoleReading[];
  assumptions: LayoutAssumption[];
  score: number;
}

export interface HeaderReading {
  budget?: BlockHeader;
  indicator?: BlockHeader;
  goal?: BlockHeader;
}

/** A role's name as a reviewer says it ("分值"). */
export function roleName(block: Group, role: string): string {
  return roleLabel(block, role);
}

/** Each sheet's composed header regions by top × REGION_KEY + bottom: the three blocks consider the same regions. */
const composed = new WeakMap<SheetReader, Map<number, readonly ColumnHeader[]>>();
const REGION_KEY = 1 << 20;

/** The label of each column over rows top..bottom, merged parents composed over their children (not to be edited). */
export function composeColumns(reader: SheetReader, top: number, bottom: number): readonly ColumnHeader[] {
  let regions = composed.get(reader);
  if (!regions) composed.set(reader, (regions = new Map()));
  const key = top * REGION_KEY + bottom;
  let out = regions.get(key);
  if (!out) {
    const columns: ColumnHeader[] = [];
    for (let c = 1; c <= reader.cols; c++) {
      const h = composeColumn(reader, top, bottom, c);
      if (h) columns.push(h);
    }
    regions.set(key, (out = columns));
  }
  return out;
}

/**
 * One column's header over rows top..bottom, or undefined when it has none of its own: a column whose every header
 * cell is a merge owned further left continues that column's header (one header, not two rivals).
 */
export function composeColumn(reader: SheetReader, top: number, bottom: number, c: number): ColumnHeader | undefined {
  const parts: string[] = [];
  const texts: string[] = [];
  let cell = "";
  let lastOwner = -1;
  let own = false;
  for (let r = top; r <= bottom; r++) {
    const k = reader.merges.topLeftKey(r, c);
    if (k === lastOwner) continue;
    lastOwner = k;
    const or = Math.floor(k / 16384);
    const oc = k % 16384;
    // A merge reaching down from above the region (a title) is not part of this header.
    if (or < top) continue;
    if (oc === c) own = true;
    const text = reader.rawText(or, oc).trim();
    if (!text || text.length > MAX_HEADER_TEXT) continue;
    const label = normalizeLabel(text);
    if (!label || parseNumber(text) !== null) continue;
    parts.push(label);
    texts.push(text.replace(/\s+/g, ""));
    cell = toA1(or, oc);
  }
  return parts.length && own ? { col: c, parts, text: texts.join(" / "), cell } : undefined;
}

/** True when row r can be a child row under row r-1: short texts only, below a merged parent or beside a merge from above. */
function isChildRow(reader: SheetReader, r: number): boolean {
  if (r > reader.grid.rowCount) return false;
  let own = 0;
  let underParent = 0;
  for (let c = 1; c <= reader.cols; c++) {
    const k = reader.merges.topLeftKey(r, c);
    const or = Math.floor(k / 16384);
    if (or === r && k % 16384 === c) {
      const v = reader.grid.cell(r, c)?.value;
      if (v === undefined || v === null || v === "") continue;
      if (typeof v !== "string" || v.trim().length > MAX_HEADER_TEXT || parseNumber(v) !== null) return false;
      own++;
      // The cell above belongs to a merge spanning several columns: a parent over this child.
      const above = reader.merges.topLeftKey(r - 1, c);
      const ac = above % 16384;
      if (ac !== c || reader.merges.topLeftKey(r - 1, c + 1) === above) underParent++;
    }
  }
  return own > 0 && underParent > 0;
}

/** Work shared by the regions of one sheet: how many were read in full, and the data profiles already taken. */
interface Work {
  full: number;
  profiles: Map<string, Profile>;
}

interface Profile {
  numbers: number;
  marks: number;
  texts: number;
}

/** What the cells under a header hold, over the block's first data rows. */
function dataProfile(reader: SheetReader, group: Group, col: number, from: number, before: number): Profile {
  const p: Profile = { numbers: 0, marks: 0, texts: 0 };
  const last = Math.min(reader.grid.rowCount, from + SAMPLE_ROWS[group] - 1, before - 1);
  for (let r = from; r <= last; r++) {
    if (group !== "indicator" && rowEndsBlock(reader, r)) break;
    const s = reader.slot(r, col);
    if (s.covered || !s.text) continue;
    const v = s.cell?.value;
    if (typeof v === "number") p.numbers++;
    else if (isNotApplicable(s.text)) p.marks++;
    else if (parseNumber(v, s.cell?.numFmt) !== null) p.numbers++;
    else p.texts++;
    if (group === "indicator" && isTotalScoreLabel(normalizeLabel(s.text))) break;
  }
  return p;
}

function isNotApplicable(text: string): boolean {
  return isBlankMark(text) || /^(无|不适用|不涉及)$/.test(normalizeText(text));
}

/** A row that opens another block (年度总体目标, 绩效指标 …) or is empty ends a budget or goal block's data. */
function rowEndsBlock(reader: SheetReader, r: number): boolean {
  let any = false;
  for (let c = 1; c <= reader.cols; c++) {
    const label = reader.label(r, c);
    if (label && isBlockLabel(label)) return true;
    if (reader.grid.cell(r, c)?.value !== undefined && reader.grid.cell(r, c)?.value !== null) any = true;
  }
  return !any;
}

function pct(n: number, of: number) {
  return { "zh-CN": `${of} 行中 ${n} 行`, "en-US": `${n} of ${of} rows` };
}

/** How far the cells under a column bear out a role, as a factor on its strength and the evidence. */
function confirm(group: Group, role: string, p: Profile): { factor: number; evidence: Candidate["evidence"] } {
  const filled = p.numbers + p.marks + p.texts;
  if (FIGURE_ROLES[group].has(role)) {
    if (filled === 0) return { factor: 0.9, evidence: { "zh-CN": "其下暂无数据", "en-US": "no data under it yet" } };
    const ok = p.numbers + p.marks;
    const share = ok / filled;
    const e = pct(ok, filled);
    const evidence = { "zh-CN": `${e["zh-CN"]}为数值`, "en-US": `${e["en-US"]} hold numbers` };
    // Text under a figure header loses the role to any column that fits it better, but keeps it when none does:
    // the evaluation then reports the text (value-not-number) instead of the table going unread.
    return { factor: share >= 0.8 ? 1 : share >= 0.5 ? 0.8 : filled < 2 ? 0.6 : REJECTED, evidence };
  }
  if (LABEL_ROLES[group].has(role)) {
    if (filled === 0) return { factor: 0.9, evidence: { "zh-CN": "其下暂无数据", "en-US": "no data under it yet" } };
    const share = p.texts / filled;
    const e = pct(p.texts, filled);
    const evidence = { "zh-CN": `${e["zh-CN"]}为文字`, "en-US": `${e["en-US"]} hold text` };
    return { factor: share >= 0.5 ? 1 : filled < 2 ? 0.6 : REJECTED, evidence };
  }
  const e = pct(filled, Math.max(filled, 0));
  return {
    factor: 1,
    evidence: filled
      ? { "zh-CN": `${e["zh-CN"]}已填写`, "en-US": `${e["en-US"]} filled` }
      : { "zh-CN": "表头名称", "en-US": "header label" },
  };
}

/** Every role a composed header could name: the child's own words first, then the parent's, then both together. */
function namedRoles(group: Group, h: ColumnHeader): Map<string, number> {
  const g = GROUPS[group] as Record<string, { exact: string[]; pattern?: RegExp }>;
  const best = new Map<string, number>();
  const put = (role: string, s: number) => {
    if (s > (best.get(role) ?? 0)) best.set(role, s);
  };
  const child = h.parts[h.parts.length - 1];
  const childRoles = roleMatches(g, child);
  for (const [role, s] of childRoles) put(role, s);
  for (let i = 0; i < h.parts.length - 1; i++) {
    // A parent over a child that names a role of its own is only context ("自评得分" over "权重占比").
    const factor = childRoles.length ? 0.4 : 0.85;
    for (const [role, s] of roleMatches(g, h.parts[i])) put(role, s * factor);
    // "年初" / "全年" under "预算数": the child completes the parent's word.
    for (const [role, s] of roleMatches(g, child + h.parts[i])) put(role, s * 0.95);
    for (const [role, s] of roleMatches(g, h.parts[i] + child)) put(role, s * 0.95);
  }
  return best;
}

/** The best one-to-one assignment of roles to columns (branch and bound; greedy past the node bound). */
function assign(group: Group, candidates: Candidate[]): Map<string, Candidate> {
  const bonus = REQUIRED_BONUS[group];
  const byRole = new Map<string, Candidate[]>();
  for (const c of candidates) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c]);
  const value = (c: Candidate) => c.strength + (bonus[c.role] ?? 0);
  const roles = [...byRole.keys()].map((role) => {
    const list = byRole.get(role)!.sort((a, b) => value(b) - value(a) || a.col - b.col);
    return { role, list, max: value(list[0]) };
  });
  // Role ids are lower-case ASCII, so code-point order is their order; localeCompare would start ICU's collator
  // (about 15 ms of a one-file check).
  roles.sort((a, b) => b.max - a.max || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
  const rest = roles.map((_, i) => roles.slice(i).reduce((s, r) => s + r.max, 0));

  let best = new Map<string, Candidate>();
  let bestValue = -1;
  let nodes = 0;
  const used = new Set<number>();
  const current = new Map<string, Candidate>();
  const search = (i: number, sum: number) => {
    if (++nodes > MAX_SEARCH_NODES) return;
    if (i === roles.length) {
      if (exceeds(sum, bestValue)) {
        bestValue = sum;
        best = new Map(current);
      }
      return;
    }
    if (!exceeds(sum + rest[i], bestValue)) return;
    for (const c of roles[i].list) {
      if (used.has(c.col)) continue;
      used.add(c.col);
      current.set(c.role, c);
      search(i + 1, sum + value(c));
      current.delete(c.role);
      used.delete(c.col);
    }
    search(i + 1, sum);
  };
  search(0, 0);
  if (nodes > MAX_SEARCH_NODES) {
    best = new Map();
    const taken = new Set<number>();
    for (const c of [...candidates].sort((a, b) => value(b) - value(a)))
      if (!best.has(c.role) && !taken.has(c.col)) {
        best.set(c.role, c);
        taken.add(c.col);
      }
  }
  return best;
}

/** The factor on a header's strength when the cells under it contradict it. */
const REJECTED = 0.3;

const NO_EVIDENCE = { "zh-CN": "", "en-US": "" };

function accepted(group: Group, roles: Map<string, Candidate>): boolean {
  const has = (r: string) => roles.has(r);
  if (group === "indicator") {
    const core = ["target", "actual", "weight", "score"].filter(has).length;
    return has("name") && (core >= 2 || (has("score") && has("criteria")));
  }
  if (group === "budget") return has("planned") && has("executed");
  return has("expected") && has("actual") && roles.get("expected")!.col !== roles.get("actual")!.col;
}

function confidenceOf(strength: number, rival: boolean): Confidence {
  if (rival) return "unsure";
  return strength >= 0.95 ? "sure" : strength >= 0.6 ? "likely" : "unsure";
}

/** Reads one candidate header region as a block header, or undefined when it is not one. */
function readRegion(
  reader: SheetReader,
  group: Group,
  top: number,
  bottom: number,
  forced?: BlockOverride<string>,
  mustRead = false,
  before = Infinity,
  work: Work = { full: 0, profiles: new Map() },
): BlockHeader | undefined {
  const columns = composeColumns(reader, top, bottom);
  const candidates: Candidate[] = [];
  const forcedCols = new Map<number, string>();
  for (const [role, letters] of Object.entries(forced?.columns ?? {}) as Array<[string, string]>) {
    const col = columnOf(letters);
    if (col !== null) forcedCols.set(col, role);
  }
  const forcedRoles = new Set(forcedCols.values());
  const named = columns
    .filter((h) => !forcedCols.has(h.col))
    .map((h) => ({ h, roles: namedRoles(group, h) }))
    .filter((n) => n.roles.size > 0);
  // Cheap test first: without the data, could this region be the block's header at all?
  const possible = new Map<string, Candidate>();
  for (const n of named)
    for (const [role, s] of n.roles)
      if (!forcedRoles.has(role))
        possible.set(role, { role, col: n.h.col, strength: s, named: s, evidence: NO_EVIDENCE });
  for (const [col, role] of forcedCols) possible.set(role, { role, col, strength: 1, named: 1, evidence: NO_EVIDENCE });
  if (!mustRead && !accepted(group, possible)) return undefined;
  work.full++;

  for (const n of named) {
    const key = `${group} ${n.h.col} ${bottom} ${before}`;
    let profile = work.profiles.get(key);
    if (!profile) work.profiles.set(key, (profile = dataProfile(reader, group, n.h.col, bottom + 1, before)));
    for (const [role, s] of n.roles) {
      if (forcedRoles.has(role)) continue;
      const { factor, evidence } = confirm(group, role, profile);
      candidates.push({ role, col: n.h.col, strength: s * factor, named: s, evidence });
    }
  }
  const roles = assign(
    group,
    candidates.filter((c) => c.strength >= 0.2),
  );
  const headerOf = new Map(columns.map((h) => [h.col, h]));
  for (const [col, role] of forcedCols)
    roles.set(role, {
      role,
      col,
      strength: 1,
      named: 1,
      evidence: { "zh-CN": "按更正的版式", "en-US": "as the layout correction sets it" },
    });
  if (!mustRead && !accepted(group, roles)) return undefined;
  if (!roles.size) return undefined;

  const dataFrom = bottom + 1;
  const readings: RoleReading[] = [];
  const assumptions: LayoutAssumption[] = [];
  let score = 0;
  for (const [role, c] of roles) {
    const h = headerOf.get(c.col);
    const rivals = candidates.filter(
      (o) => o.role === role && o.col !== c.col && o.strength >= c.strength - 0.05 && !forcedCols.has(c.col),
    );
    // A rival that took another role is no rival: the assignment settled it.
    const open = rivals.filter((o) => ![...roles.values()].some((t) => t.col === o.col));
    const src = forcedCols.has(c.col) ? "layout" : "header";
    readings.push({
      block: group,
      role,
      col: c.col,
      column: columnLetters(c.col),
      header: h?.text ?? "",
      headerCell: h?.cell ?? toA1(bottom, c.col),
      rows: [dataFrom, dataFrom],
      confidence: src === "layout" ? "sure" : confidenceOf(c.strength, open.length > 0),
      source: src,
      evidence: c.evidence,
    });
    score += c.strength + (REQUIRED_BONUS[group][role] ?? 0);
    for (const o of open) {
      const oh = headerOf.get(o.col);
      assumptions.push({
        cell: h?.cell ?? toA1(bottom, c.col),
        role,
        message: {
          "zh-CN": `${columnLetters(c.col)} 列“${h?.text ?? ""}”与 ${columnLetters(o.col)} 列“${oh?.text ?? ""}”均可作为“${roleName(group, role)}”，取 ${columnLetters(c.col)} 列`,
          "en-US": `columns ${columnLetters(c.col)} ("${h?.text ?? ""}") and ${columnLetters(o.col)} ("${oh?.text ?? ""}") could both be "${roleLabel(group, role, "en-US")}"; ${columnLetters(c.col)} was taken`,
        },
      });
    }
  }
  // A header that names a figure role over cells holding text was not taken: say so, the officer may disagree.
  for (const o of candidates)
    if (
      o.named >= 0.7 &&
      !exceeds(o.strength, o.named * REJECTED) &&
      ![...roles.values()].some((t) => t.col === o.col && t.role === o.role)
    ) {
      const taken = roles.get(o.role);
      const oh = headerOf.get(o.col);
      if (!oh || [...roles.values()].some((t) => t.col === o.col && LABEL_ROLES[group].has(t.role))) continue;
      assumptions.push({
        cell: oh.cell,
        role: o.role,
        message: {
          "zh-CN": `${columnLetters(o.col)} 列表头“${oh.text}”下为文字，未作为“${roleName(group, o.role)}”列${taken ? `（取 ${columnLetters(taken.col)} 列“${headerOf.get(taken.col)?.text ?? ""}”）` : ""}`,
          "en-US": `column ${columnLetters(o.col)} ("${oh.text}") holds text, so it was not read as "${roleLabel(group, o.role, "en-US")}"${taken ? ` (column ${columnLetters(taken.col)} was)` : ""}`,
        },
      });
    }
  readings.sort((a, b) => a.col - b.col);
  const cols: Record<string, number> = {};
  for (const r of readings) cols[r.role] = r.col;
  return { top, bottom, cols, readings, assumptions, score };
}

/** Labels repeat down a sheet (产出指标, 数量指标, units): whether one names a role is asked once per label. */
const namesRole = new Map<string, boolean>();

function namesSomeRole(label: string): boolean {
  let hit = namesRole.get(label);
  if (hit === undefined) {
    hit =
      roleMatches(INDICATOR_COLUMNS, label).length > 0 ||
      roleMatches(BUDGET_COLUMNS, label).length > 0 ||
      roleMatches(GOAL_COLUMNS, label).length > 0;
    if (namesRole.size > 20_000) namesRole.clear();
    namesRole.set(label, hit);
  }
  return hit;
}

/**
 * Whether any of a sheet's first HEADER_SCAN_ROWS rows can start a header: a cell naming a role of some block. A
 * header is only ever looked for from such a row, found by its cells' own text (merged areas play no part in it),
 * so a sheet with none holds no 自评表 whatever its merges: a reader sampling it may leave them unread.
 */
export function mayHoldHeader(reader: SheetReader): boolean {
  return headerLikeRows(reader, Math.min(reader.grid.rowCount, HEADER_SCAN_ROWS)).some(Boolean);
}

/**
 * Whether a cell holding `text` can start a header (headerLikeRows asks it of each text cell of a sheet's first
 * rows): a reader may ask it of a sheet's texts before it builds the sheet's grid, and leave unparsed a sheet none of
 * whose first rows' texts can. `labelOf` gives the text's normalised label (a SheetReader's, which it caches).
 */
export function mayStartHeader(text: string, labelOf: (text: string) => string = normalizeLabel): boolean {
  if (text.length > MAX_HEADER_TEXT) return false;
  const label = labelOf(text);
  return label !== "" && namesSomeRole(label);
}

/** Rows that can start a header: any of their cells holds a text that mayStartHeader accepts. */
function headerLikeRows(reader: SheetReader, last: number): boolean[] {
  const like: boolean[] = [];
  for (let r = 1; r <= last; r++) {
    let hit = false;
    for (let c = 1; c <= reader.cols && !hit; c++) {
      const v = reader.grid.cell(r, c)?.value;
      if (typeof v === "string") hit = mayStartHeader(v, () => reader.label(r, c));
    }
    like[r] = hit;
  }
  return like;
}

function overlaps(a: BlockHeader | undefined, top: number, bottom: number): boolean {
  return a !== undefined && top <= a.bottom && bottom >= a.top;
}

/**
 * The header of each block: the region (and its role assignment) that reads best, the indicator block first, then
 * the budget and goal blocks in rows the indicator header does not use. An officer's layout can pin a block's header
 * row and any role's column.
 */
export function readHeaders(reader: SheetReader, layout?: LayoutOverride): HeaderReading {
  const last = Math.min(reader.grid.rowCount, HEADER_SCAN_ROWS);
  const like = headerLikeRows(reader, last);
  const out: HeaderReading = {};
  const profiles = new Map<string, Profile>();
  for (const group of ["indicator", "budget", "goal"] as const) {
    const forced = group === "goal" ? undefined : (layout?.[group] as BlockOverride<string> | undefined);
    let best: BlockHeader | undefined;
    // A block's data ends where the next block's header begins.
    const nextTop = (bottom: number) => Math.min(...Object.values(out).map((b) => (b.top > bottom ? b.top : Infinity)));
    const budget: Work = { full: 0, profiles };
    const consider = (top: number, bottom: number) => {
      if (budget.full >= MAX_REGIONS) return;
      if ((["indicator", "budget", "goal"] as const).some((g) => g !== group && overlaps(out[g], top, bottom))) return;
      const h = readRegion(reader, group, top, bottom, forced, false, nextTop(bottom), budget);
      // On a tie the fewer rows win: a block title over the header ("年度绩效目标(80分)") adds no role.
      if (
        h &&
        (!best ||
          exceeds(h.score, best.score) ||
          (!exceeds(best.score, h.score) && h.bottom - h.top < best.bottom - best.top))
      )
        best = h;
    };
    if (forced?.headerRow !== undefined) {
      // The officer named the header row (the one nearest the data): its parents above, if any, belong to it.
      const b = forced.headerRow;
      for (let top = Math.max(1, b - MAX_HEADER_ROWS + 1); top <= b; top++) {
        let ok = true;
        for (let r = top + 1; r <= b; r++) ok &&= isChildRow(reader, r);
        if (ok) consider(top, b);
      }
      if (!best) {
        const h = readRegion(reader, group, b, b, forced, true, nextTop(b));
        if (h) best = h;
      }
    } else
      for (let top = 1; top <= last; top++) {
        if (!like[top]) continue;
        consider(top, top);
        for (let bottom = top + 1; bottom < top + MAX_HEADER_ROWS && bottom <= reader.grid.rowCount; bottom++) {
          if (!isChildRow(reader, bottom)) break;
          consider(top, bottom);
        }
      }
    if (best) out[group] = best;
  }
  return out;
}
