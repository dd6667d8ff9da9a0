/**
 * One worksheet part (ECMA-376 Part 1, §18.3) straight into the engine's grid: values with their number formats,
 * formulas with their cached results (shared formulas moved to each clone), merged areas and protection.
 * `rows` stops the cell parse after that many rows, for a sheet read only to see whether it holds the 自评表;
 * the merged areas, which the schema puts after the cells, are then picked out of the rest of the text by a scan
 * that never builds an element, so a 200 000-row data sheet costs one inflate and one pass of a regular expression.
 */
import { MapGrid, type Cell, type CellRange, type CellValue } from "../../../domain/grid";
import { limitExceeded, WorkbookFormatError, type ReadLimits } from "./limits";
import { StringItemText, unescapeOoxml, type WorkbookParts } from "./parts";
import { isDateFormat, moveFormula, parseIsoDate, serialToDate } from "./values";
import { textStream } from "./text";
import { parseEntry } from "./xml";
import { StopReading, type ZipArchive, type ZipEntry } from "./zip";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export interface SheetReadOptions {
  /** Read the cells of the first this many rows only (the merges are still all read, unless skipMerges). */
  rows?: number;
  /** With `rows`: leave the merged areas unread (readSampledMerges reads them later, when they can matter). */
  skipMerges?: boolean;
  /** Cells already read in this workbook, against limits.cells; updated. */
  cells: { count: number };
  /**
   * With `rows`: whether a cell holding this text could start the table (the engine's mayStartTable). When no text
   * of the sheet's first rows could, the sheet is left unparsed (its grid stays empty, and partial): firstRowsMayStart.
   */
  mayStart?: (text: string) => boolean;
}

export interface SheetRead {
  grid: MapGrid;
  /** True when the cell parse stopped at options.rows before the sheet ended. */
  partial: boolean;
  /** Formula cells the file holds no result for. */
  missing: Array<{ row: number; col: number }>;
  /** Formula cells whose cached result is 0 (no result when the workbook asks to be recalculated on opening). */
  zeros: Array<{ row: number; col: number }>;
}

/** "B12" → { row: 12, col: 2 }; undefined for anything else. */
function decodeAddress(a: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < a.length; i++) {
    const c = a.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3 || i === a.length) return undefined;
  const row = Number(a.slice(i));
  if (!Number.isInteger(row)) return undefined;
  return { row, col };
}

function decodeRange(ref: string): CellRange | undefined {
  const [from, to = from] = ref.replace(/\$/g, "").split(":");
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  if (!a || !b) return undefined;
  const range = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
  if (range.top < 1 || range.left < 1 || range.bottom > MAX_ROW || range.right > MAX_COL) return undefined;
  return range;
}

/** What one <c> element holds while it is being read. */
interface CellState {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | undefined;
  formula: string | undefined;
  shared: { si: string; master: boolean } | undefined;
}

export function readSheet(
  zip: ZipArchive,
  entry: ZipEntry,
  parts: WorkbookParts,
  name: string,
  limits: ReadLimits,
  options: SheetReadOptions,
): SheetRead {
  const merges: CellRange[] = [];
  const grid = new MapGrid(name, merges);
  grid.protected = false; // a file always says whether its sheet is protected (<sheetProtection>)
  const missing: SheetRead["missing"] = [];
  const zeros: SheetRead["zeros"] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const stopAfter = options.rows ?? Infinity;
  let partial = false;

  let row = 0;
  let col = 0;
  let cell: CellState | undefined;
  /** Which text the parser is in: a value (<v>), a formula (<f>), an inline string (<is>). */
  let into: "v" | "f" | "is" | undefined;
  let text = "";
  const inline = new StringItemText();

  const addMerge = (ref: string | undefined) => pushMerge(merges, ref, limits, entry.name);

  const finishCell = (c: CellState) => {
    let formula = c.formula;
    if (c.shared) {
      if (c.shared.master && formula !== undefined) masters.set(c.shared.si, { formula, row: c.row, col: c.col });
      else if (formula === undefined || formula === "") {
        const m = masters.get(c.shared.si);
        if (m) formula = moveFormula(m.formula, c.row - m.row, c.col - m.col);
      }
    }
    const numFmt = parts.styleFormats[c.style] ?? "";
    const value = cellValue(c, parts, numFmt);
    if (formula === undefined && (value === null || value === "")) return;
    if (++options.cells.count > limits.cells) throw limitExceeded("cells", limits, entry.name);
    const out: Cell = formula === undefined ? { value } : { value, formula };
    if (numFmt) out.numFmt = numFmt;
    grid.set(c.row, c.col, out);
    if (formula !== undefined) {
      if (value === null) missing.push({ row: c.row, col: c.col });
      else if (value === 0) zeros.push({ row: c.row, col: c.col });
    }
  };

  parseEntry(
    zip,
    entry,
    limits,
    {
      open(tag, a) {
        if (cell) {
          if (tag === "v") {
            into = "v";
            text = "";
          } else if (tag === "f") {
            into = "f";
            text = "";
            if (a.t === "shared" && a.si !== undefined) cell.shared = { si: a.si, master: a.ref !== undefined };
          } else if (tag === "is") into = "is";
          else if (into === "is") inline.open(tag);
          return;
        }
        switch (tag) {
          case "row": {
            const r = a.r !== undefined ? Number(a.r) : row + 1;
            if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) throw new WorkbookFormatError("corrupt", entry.name);
            if (r > stopAfter) {
              partial = true;
              throw new StopReading();
            }
            row = r;
            col = 0;
            break;
          }
          case "c": {
            const at = a.r !== undefined ? decodeAddress(a.r) : { row: row || 1, col: col + 1 };
            if (!at || at.row < 1 || at.row > MAX_ROW || at.col < 1 || at.col > MAX_COL)
              throw new WorkbookFormatError("corrupt", entry.name);
            if (at.row > stopAfter) {
              partial = true;
              throw new StopReading();
            }
            row = at.row;
            col = at.col;
            const style = a.s !== undefined ? Number(a.s) : 0;
            cell = { row, col, type: a.t ?? "n", style, value: undefined, formula: undefined, shared: undefined };
            break;
          }
          case "mergeCell":
            addMerge(a.ref);
            break;
          case "sheetProtection":
            grid.protected = a.sheet === "1" || a.sheet === "true";
            break;
        }
      },
      close(tag) {
        if (!cell) return;
        if (tag === "c") {
          finishCell(cell);
          cell = undefined;
          into = undefined;
        } else if (tag === "v" && into === "v") {
          cell.value = text;
          into = undefined;
        } else if (tag === "f" && into === "f") {
          cell.formula = text;
          into = undefined;
        } else if (tag === "is") {
          cell.value = unescapeOoxml(inline.take());
          into = undefined;
        } else if (into === "is") inline.close(tag);
      },
      text(t) {
        if (into === "v" || into === "f") text += t;
        else if (into === "is") inline.text(t);
      },
    },
    {
      // A sheet sampled for its first rows stops early: the rest of its cells are never inflated.
      inPieces: options.rows !== undefined,
      // And is not parsed at all when none of those rows' texts could start the table.
      preview:
        options.rows !== undefined && options.mayStart
          ? (text, final) => {
              const answer = firstRowsMayStart(text, stopAfter, parts.sharedStrings, options.mayStart!, final);
              if (answer === false) partial = true;
              return answer;
            }
          : undefined,
      // A sheet read in full has its values counted in the bytes before they are parsed: one past the cell bound is
      // refused when its part has inflated (at once in Node), not after two million cells were built.
      onBytes: options.rows === undefined ? valuesWithin(options.cells.count, limits, entry.name) : undefined,
    },
  );
  if (partial && !options.skipMerges) scanMerges(zip, entry, addMerge);
  return { grid, partial, missing, zeros };
}

/** What the quick look of firstRowsMayStart cannot be sure of: a prefixed element, a comment, CDATA, a PI. */
const UNSURE = /<[A-Za-z_][\w.-]*:|<!|<\?/;
/** A tag's attributes, quotes respected (a value may hold a '>'). */
const TAG_ATTRIBUTES = `((?:[^>"']|"[^"]*"|'[^']*')*)`;
const ROW_OR_END = new RegExp(`<row\\b${TAG_ATTRIBUTES}>|<\\/sheetData\\s*>`, "g");
const ROW_NUMBER = /(?:^|\s)r\s*=\s*["']\s*([0-9]+)\s*["']/;
const CELL_TAG = new RegExp(`<c\\b${TAG_ATTRIBUTES}>`, "g");
const CELL_TYPE = /(?:^|\s)t\s*=\s*["']([^"']*)["']/;
const SHARED_VALUE = /^\s*<v>\s*([0-9]+)\s*<\/v>\s*$/;
/** A formula's text result (its formula first, if any): `<f>…</f><v>text</v>`. */
const TEXT_VALUE = /^\s*(?:<f\b[^>"']*\/>|<f\b[^>"']*>[^<]*<\/f>)?\s*<v>([^<&\r]*)<\/v>\s*$/;
/** An inline string of one run: `<is><t>text</t></is>`. */
const INLINE_VALUE = /^\s*<is>\s*<t(?:\s[^>"']*(?:"[^"]*"[^>"']*|'[^']*'[^>"']*)*)?>([^<&\r]*)<\/t>\s*<\/is>\s*$/;

/**
 * Whether a worksheet sampled for its first `rows` rows is to be parsed, judged from the part's text before it is:
 * false when the sheet goes on past those rows and none of their cells holds a text that `mayStart` accepts;
 * undefined while the text seen so far (not `final`) ends before those rows do. A sheet left unparsed could not hold
 * the table (none of its texts could start a header: mayHoldTable would say no), and a 200,000-row data sheet costs
 * the inflate of its first rows and a few regular expressions instead of 300 rows of XML parsing. A sheet that ends
 * within its sample is parsed (true): it is short, and its grid is then all of it, as that of a sheet read in full.
 *
 * Only ever errs towards true: anything the look cannot be sure of (a prefixed element, a comment or CDATA, a row
 * without its number, a date or a type it does not know, a value of another shape than the plain ones below, a text
 * with a reference or a CR in it) answers true, and the sheet is parsed as any other. The texts are those cellValue
 * would give the grid: a shared string by its index, a formula's text result, an inline string of one run.
 */
export function firstRowsMayStart(
  text: string,
  rows: number,
  strings: readonly string[],
  mayStart: (text: string) => boolean,
  final: boolean,
): boolean | undefined {
  const start = text.indexOf("<sheetData");
  if (start < 0) return final || text.includes(":sheetData") ? true : undefined;
  // The rows' end: the first row numbered past `rows`. A sheet whose data ends before is short: it is parsed (whole,
  // so that its grid is all of it, as ever).
  let end = -1;
  ROW_OR_END.lastIndex = start;
  for (let m = ROW_OR_END.exec(text); m; m = ROW_OR_END.exec(text)) {
    if (m[1] === undefined) return true;
    const r = ROW_NUMBER.exec(m[1]);
    if (!r) return true;
    if (Number(r[1]) > rows) {
      end = m.index;
      break;
    }
  }
  if (end < 0) return final ? true : undefined;
  const region = text.slice(start, end);
  if (UNSURE.test(region)) return true;
  CELL_TAG.lastIndex = 0;
  for (let m = CELL_TAG.exec(region); m; m = CELL_TAG.exec(region)) {
    const attributes = m[1];
    if (attributes.endsWith("/")) continue; // <c …/>: no value
    const type = CELL_TYPE.exec(attributes)?.[1];
    // No type, a number, a boolean or an error: cellValue never makes a text of these.
    if (type === undefined || type === "n" || type === "b" || type === "e") continue;
    const close = region.indexOf("</c>", CELL_TAG.lastIndex);
    if (close < 0) return true;
    const body = region.slice(CELL_TAG.lastIndex, close);
    // The text cellValue would make of the cell: a shared string by index, a formula's text, an inline string.
    let cellText: string | undefined;
    if (type === "s") {
      const value = SHARED_VALUE.exec(body);
      if (!value) return true;
      cellText = strings[Number(value[1])];
    } else if (type === "str" || type === "inlineStr") {
      const value = (type === "str" ? TEXT_VALUE : INLINE_VALUE).exec(body);
      if (!value) return true;
      cellText = unescapeOoxml(value[1]);
    } else return true;
    if (cellText !== undefined && mayStart(cellText)) return true;
    CELL_TAG.lastIndex = close + 4;
  }
  return false;
}

/** The merged areas of a sheet sampled with skipMerges, added to its grid (the bound on merges applies). */
export function readSampledMerges(zip: ZipArchive, entry: ZipEntry, grid: MapGrid, limits: ReadLimits): void {
  scanMerges(zip, entry, (ref) => pushMerge(grid.merges, ref, limits, entry.name));
}

/** A <mergeCell ref> added to a sheet's merged areas, within the bound on merges. */
function pushMerge(merges: CellRange[], ref: string | undefined, limits: ReadLimits, part: string): void {
  const range = ref ? decodeRange(ref) : undefined;
  if (!range) return;
  if (merges.length >= limits.merges) throw limitExceeded("merges", limits, part);
  merges.push(range);
}

/**
 * A counter of the values in a sheet's bytes, piece by piece, that throws the cells bound once `before` (cells read
 * already) and those counted pass it. A value is a non-empty <v> or an inline string <is>, under any prefix: each
 * becomes a cell of the grid (bar a shared-string index past the table's end).
 */
function valuesWithin(before: number, limits: ReadLimits, part: string): (chunk: Uint8Array) => void {
  let counted = before;
  return (chunk) => {
    counted += countValues(chunk);
    if (counted > limits.cells) throw limitExceeded("cells", limits, part);
  };
}

const LT = 0x3c;
const GT = 0x3e;
const COLON = 0x3a;

/** Non-empty <v>…</v> and <is> elements, prefixed or not, in a piece of SpreadsheetML (one cut in two is missed). */
export function countValues(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LT); i >= 0; i = bytes.indexOf(LT, i + 1)) {
    let j = i + 1;
    // A prefix ("x:") of up to 8 letters.
    for (let k = j; k < j + 9 && k < bytes.length; k++) {
      const b = bytes[k];
      if (b === COLON) {
        j = k + 1;
        break;
      }
      if (!((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39))) break;
    }
    if (bytes[j] === 0x76 && bytes[j + 1] === GT && bytes[j + 2] !== LT && j + 2 < bytes.length) n++;
    else if (bytes[j] === 0x69 && bytes[j + 1] === 0x73 && bytes[j + 2] === GT) n++;
  }
  return n;
}

/** The merged areas of a sheet whose cells were not all parsed: <mergeCell ref="…"> picked out of the end of its text. */
function scanMerges(zip: ZipArchive, entry: ZipEntry, add: (ref: string) => void): void {
  const pattern = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g;
  let tail = "";
  const stream = textStream((text) => {
    const s = tail + text;
    let last = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(s); m; m = pattern.exec(s)) {
      add(m[1]);
      last = pattern.lastIndex;
    }
    // Keep the end of this piece, in case an element starts in it and ends in the next one.
    tail = s.slice(Math.max(last, s.length - 512));
  });
  // Only from the first "mergeCell" on is anything decoded: the cells before it, nearly all of a data sheet, are
  // searched as bytes, so a 90 MB data sheet costs no 90-million-character string. That first one is <mergeCells>
  // itself, so a <mergeCell> is never cut off: when the container's name is split between two pieces, its first
  // element lies in the second piece and is found there.
  let found = false;
  let first = true;
  zip.read(
    entry,
    (chunk) => {
      // A UTF-16 part (its byte-order mark first) is searched as text, all of it.
      if (first && chunk[0] === 0xff && chunk[1] === 0xfe) found = true;
      first = false;
      if (found) return stream.push(chunk);
      const at = indexOfBytes(chunk, MERGE_CELL);
      if (at < 0) return;
      found = true;
      // From a few bytes before, for the "<x:" of a prefixed element (a character cut in two there is harmless).
      stream.push(chunk.subarray(Math.max(0, at - 16)));
    },
    { inPieces: true },
  );
  stream.end();
}

const MERGE_CELL = new Uint8Array([...("mergeCell" as string)].map((c) => c.charCodeAt(0)));

/** Where `needle` first occurs in `haystack`, or -1 (each candidate found by the typed array's own indexOf). */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(needle[0]); i >= 0 && i <= last; i = haystack.indexOf(needle[0], i + 1)) {
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function cellValue(c: CellState, parts: WorkbookParts, numFmt: string): CellValue {
  const raw = c.value;
  if (raw === undefined) return null;
  switch (c.type) {
    case "s": {
      const s = parts.sharedStrings[Number(raw)];
      return s === undefined ? null : s;
    }
    case "inlineStr":
      return raw;
    case "str":
      return unescapeOoxml(raw);
    case "b":
      return raw === "1" || raw === "true";
    case "e":
      return { error: raw };
    case "d":
      return parseIsoDate(raw) ?? raw;
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return null;
      return numFmt && isDateFormat(numFmt) ? serialToDate(n, parts.date1904) : n;
    }
  }
}
