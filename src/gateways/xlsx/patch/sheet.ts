/**
 * A worksheet part with some cells changed (ECMA-376 Part 1, §18.3): a computed value written, a fill or a number
 * format given, everything else in the part left as it was, byte for byte. A value replaces the cell's content
 * (a formula included); a fill or format gives the cell a new cell format derived from its own (./styles.ts).
 */
import { parseA1, toA1 } from "../../../domain/grid";
import type { StyleBook } from "./styles";
import {
  attribute,
  attributes,
  CannotPatch,
  element,
  elements,
  refusePrefixed,
  setAttribute,
  splice,
  xmlText,
} from "./xml";

export interface CellEdit {
  value?: number | string;
  numFmt?: string;
  /** ARGB of a solid fill. */
  fill?: string;
}

export interface SheetPatch {
  xml: string;
  /** A formula was replaced by a value: the workbook's calculation chain must go (Excel rebuilds it). */
  removedFormula: boolean;
}

/** The top-left cell of each merged area, by every address in it: a value written elsewhere would not show. */
export function mergeMasters(xml: string): (address: string) => string {
  const areas: Array<{ top: number; left: number; bottom: number; right: number; master: string }> = [];
  for (const m of elements(xml, "mergeCell")) {
    const ref = attributes(m.tag).ref ?? "";
    const [a, b = a] = ref.split(":");
    try {
      const p = parseA1(a);
      const q = parseA1(b);
      areas.push({ top: p.row, left: p.col, bottom: q.row, right: q.col, master: toA1(p.row, p.col) });
    } catch {
      throw new CannotPatch(`mergeCell ref "${ref}"`);
    }
  }
  // Areas by blocks of rows, so that finding a cell's area is not a walk over every merge of the sheet.
  const buckets = new Map<number, typeof areas>();
  let entries = 0;
  for (const a of areas)
    for (let b = Math.floor(a.top / ROW_BLOCK); b <= Math.floor(a.bottom / ROW_BLOCK); b++) {
      if (++entries > MAX_BUCKET_ENTRIES) throw new CannotPatch("too many merged rows to index");
      let list = buckets.get(b);
      if (!list) buckets.set(b, (list = []));
      list.push(a);
    }
  return (address) => {
    const { row, col } = parseA1(address);
    const area = buckets
      .get(Math.floor(row / ROW_BLOCK))
      ?.find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right);
    return area ? area.master : address;
  };
}

const ROW_BLOCK = 64;
/** Index entries past which a sheet's merges are not indexed (a million merged rows and more: a hostile file). */
const MAX_BUCKET_ENTRIES = 2_000_000;

export function patchSheetCells(
  xml: string,
  part: string,
  edits: Map<string, CellEdit>,
  styles: StyleBook,
): SheetPatch {
  refusePrefixed(xml, part, ["worksheet", "sheetData", "row", "c"]);
  const data = element(xml, "sheetData");
  if (!data) throw new CannotPatch(`${part}: no sheetData`);
  let removedFormula = false;

  const byRow = new Map<number, Map<number, CellEdit>>();
  for (const [address, edit] of edits) {
    const { row, col } = parseA1(address);
    if (!byRow.has(row)) byRow.set(row, new Map());
    byRow.get(row)!.set(col, edit);
  }

  const cellXml = (row: number, col: number, existing: string | null, edit: CellEdit): string => {
    const start = existing ? /^<c\b[^>]*>/.exec(existing)![0] : `<c r="${toA1(row, col)}">`;
    const styleAttribute = attribute(start, "s");
    const style = Number(styleAttribute ?? 0);
    const s =
      edit.fill !== undefined || edit.numFmt !== undefined
        ? styles.derive(style, { fill: edit.fill, numFmt: edit.numFmt })
        : style;
    if (edit.value === undefined) {
      // A mark: the cell keeps its content, with its new format.
      const tag = setAttribute(start, "s", s === 0 && styleAttribute === undefined ? undefined : String(s));
      return existing ? tag + existing.slice(start.length) : tag.replace(/>$/, "/>");
    }
    if (existing) {
      const f = /<f\b[^>]*>/.exec(existing);
      if (f) {
        const fa = attributes(f[0]);
        if ((fa.t === "shared" && fa.ref !== undefined) || fa.t === "array" || fa.t === "dataTable")
          throw new CannotPatch(`${part}!${toA1(row, col)}: a shared or array formula`);
        removedFormula = true;
      }
    }
    const sAttr = s === 0 ? "" : ` s="${s}"`;
    const r = toA1(row, col);
    if (typeof edit.value === "number") {
      if (!Number.isFinite(edit.value)) throw new CannotPatch(`${part}!${r}: ${edit.value}`);
      return `<c r="${r}"${sAttr}><v>${String(edit.value)}</v></c>`;
    }
    return `<c r="${r}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xmlText(edit.value)}</t></is></c>`;
  };

  const rowEdit = (row: number, found: { tag: string; inner: string | null; at: number } | null): string => {
    const wanted = byRow.get(row)!;
    const cells = found?.inner ? elements(found.inner, "c") : [];
    const pieces: Array<{ col: number; xml: string }> = [];
    const seen = new Set<number>();
    let previousCol = 0;
    for (const c of cells) {
      // r is optional on <c> too: a cell without it follows the one before (§18.3.1.4).
      const ref = attribute(c.tag, "r");
      const col = ref === undefined ? previousCol + 1 : parseA1(ref).col;
      if (col <= previousCol) throw new CannotPatch(`${part}: cells of row ${row} out of order`);
      previousCol = col;
      const original = found!.inner!.slice(c.start, c.end);
      const edit = wanted.get(col);
      pieces.push({ col, xml: edit ? cellXml(row, col, original, edit) : original });
      seen.add(col);
    }
    const inner = found?.inner ?? "";
    // Keep whatever lies between cells (whitespace, extLst) by rebuilding only the cells' span.
    const first = cells.length ? cells[0].start : inner.length;
    const last = cells.length ? cells[cells.length - 1].end : inner.length;
    for (const [col, edit] of wanted) if (!seen.has(col)) pieces.push({ col, xml: cellXml(row, col, null, edit) });
    pieces.sort((x, y) => x.col - y.col);
    // spans is a hint of the row's first and last column (§18.3.1.73): dropped, as a new cell may lie outside it.
    const tag = found
      ? setAttribute(setAttribute(found.tag.replace(/\s*\/>$/, ">"), "spans", undefined), "r", String(row))
      : `<row r="${row}">`;
    return `${tag}${inner.slice(0, first)}${pieces.map((p) => p.xml).join("")}${inner.slice(last)}</row>`;
  };

  const inner = data.inner ?? "";
  const base = data.start + data.tag.length;
  const rows = data.inner === null ? [] : elements(xml, "row", base, base + inner.length);
  const rowEdits: Array<{ start: number; end: number; text: string }> = [];
  // The rows to write, in order, walked once beside the part's rows (linear in both).
  const wanted = [...byRow.keys()].sort((a, b) => a - b);
  let next = 0;
  let previous = -1;
  for (const r of rows) {
    // r is optional on <row>: a row without it follows the one before (§18.3.1.73).
    const r0 = attribute(r.tag, "r");
    const n = r0 === undefined ? Math.max(previous, 0) + 1 : Number(r0);
    if (!Number.isInteger(n) || n <= previous) throw new CannotPatch(`${part}: rows out of order`);
    // Rows not in the part yet go before the first row after them.
    const before: number[] = [];
    while (next < wanted.length && wanted[next] < n) before.push(wanted[next++]);
    if (before.length)
      rowEdits.push({ start: r.start, end: r.start, text: before.map((k) => rowEdit(k, null)).join("") });
    if (next < wanted.length && wanted[next] === n) {
      rowEdits.push({ start: r.start, end: r.end, text: rowEdit(n, { tag: r.tag, inner: r.inner, at: r.start }) });
      next++;
    }
    previous = n;
  }
  const after = wanted.slice(next);
  let out: string;
  if (data.inner === null) {
    out = splice(xml, [
      {
        start: data.start,
        end: data.end,
        text: `<sheetData>${after.map((k) => rowEdit(k, null)).join("")}</sheetData>`,
      },
    ]);
  } else {
    const end = data.end - "</sheetData>".length;
    if (after.length) rowEdits.push({ start: end, end, text: after.map((k) => rowEdit(k, null)).join("") });
    out = splice(xml, rowEdits);
  }
  return { xml: out, removedFormula };
}

/** Elements that follow legacyDrawing in a worksheet (CT_Worksheet's sequence, §18.3.1.99). */
const AFTER_LEGACY_DRAWING = [
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The sheet with a <legacyDrawing> (the notes' shapes) where the schema puts it: before the first of the
 * worksheet's own children that follow it (an <extLst> inside a data bar's <cfRule> is not one of them). */
export function addLegacyDrawing(xml: string, relPrefix: string, id: string): string {
  const tag = `<legacyDrawing ${relPrefix}:id="${id}"/>`;
  const at = firstTopLevel(xml, AFTER_LEGACY_DRAWING) ?? xml.lastIndexOf("</worksheet>");
  if (at < 0) throw new CannotPatch("worksheet without its end tag");
  return xml.slice(0, at) + tag + xml.slice(at);
}

/**
 * Where the first child of the root element named one of `names` starts, walking the tags with their depth. The
 * cells (<sheetData>, most of a large sheet's bytes) are stepped over to their end tag, which is the first one
 * after them when they hold no comment, CDATA or processing instruction (else they are walked like the rest).
 */
function firstTopLevel(xml: string, names: readonly string[]): number | undefined {
  const wanted = new Set(names);
  let depth = 0;
  const tags =
    /<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const name = m[2];
    if (name === undefined) continue;
    if (m[1] === "/") depth--;
    else {
      if (depth === 1 && wanted.has(name)) return m.index;
      if (m[3] !== "/") depth++;
      if (depth === 2 && name === "sheetData" && m[3] !== "/") {
        const end = xml.indexOf("</sheetData>", tags.lastIndex);
        const plain = (marker: string) => {
          const at = xml.indexOf(marker, tags.lastIndex);
          return at < 0 || at > end;
        };
        if (end >= 0 && plain("<!--") && plain("<![CDATA[") && plain("<?")) {
          tags.lastIndex = end + "</sheetData>".length;
          depth--;
        }
      }
    }
  }
  return undefined;
}
