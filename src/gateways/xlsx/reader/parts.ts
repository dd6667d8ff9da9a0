/**
 * The workbook-level parts of an .xlsx (ECMA-376 Part 1, §18.2 workbook, §18.4 shared strings, §18.8 styles,
 * Part 2 relationships): which sheets there are, where each lives and whether it is hidden, the shared strings,
 * and the number format of every cell style. Only what the engine reads is kept.
 */
import { limitExceeded, type ReadLimits } from "./limits";
import { parseEntry, type Attributes } from "./xml";
import type { ZipArchive } from "./zip";

export interface SheetEntry {
  name: string;
  /** The zip entry holding the worksheet, or undefined when the relationship points nowhere. */
  path: string | undefined;
  state: "visible" | "hidden" | "veryHidden";
  /** A chartsheet or dialog sheet: no cells to read. */
  notWorksheet: boolean;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  date1904: boolean;
  fullCalcOnLoad: boolean;
  sharedStrings: string[];
  /** Number format code per cell style index (cellXfs), "" for General. */
  styleFormats: string[];
}

/** A relationship target resolved against the folder of the part that holds it (OPC, Part 2 §9.3). */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

export function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Relationships of a part: id → { target (resolved), type }. */
function readRelationships(
  zip: ZipArchive,
  part: string,
  limits: ReadLimits,
): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  const entry = zip.entry(relsPath(part));
  if (!entry) return rels;
  parseEntry(zip, entry, limits, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
      rels.set(a.Id, { target: resolveTarget(part, a.Target), type: a.Type ?? "" });
    },
  });
  return rels;
}

/** The workbook part named by the package's officeDocument relationship, or xl/workbook.xml. */
function workbookPath(zip: ZipArchive, limits: ReadLimits): string | undefined {
  const root = zip.entry("_rels/.rels");
  if (root) {
    let found: string | undefined;
    parseEntry(zip, root, limits, {
      open(name, a) {
        if (name === "Relationship" && /\/officeDocument$/.test(a.Type ?? "") && a.Target && !found)
          found = resolveTarget("", a.Target);
      },
    });
    if (found && zip.entry(found)) return found;
  }
  return zip.entry("xl/workbook.xml") ? "xl/workbook.xml" : undefined;
}

/** The relationship id of a <sheet>: r:id, under whichever prefix the file gives the relationships namespace. */
function relationshipId(a: Attributes): string {
  if (a["r:id"] !== undefined) return a["r:id"];
  if (a.id !== undefined) return a.id;
  for (const key in a) if (key.endsWith(":id")) return a[key];
  return "";
}

export function readWorkbookParts(zip: ZipArchive, limits: ReadLimits): WorkbookParts | undefined {
  const path = workbookPath(zip, limits);
  if (!path) return undefined;
  const listed: Array<{ name: string; id: string; state: SheetEntry["state"] }> = [];
  let date1904 = false;
  let fullCalcOnLoad = false;
  const isTrue = (v: string | undefined) => v === "1" || v === "true";
  parseEntry(zip, zip.entry(path)!, limits, {
    open(name, a) {
      if (name === "sheet") {
        if (listed.length >= limits.sheets) throw limitExceeded("sheets", limits, path);
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        listed.push({ name: a.name ?? "", id: relationshipId(a), state });
      } else if (name === "workbookPr") date1904 = isTrue(a.date1904);
      else if (name === "calcPr") fullCalcOnLoad = isTrue(a.fullCalcOnLoad);
    },
  });
  const rels = readRelationships(zip, path, limits);
  const sheets = listed.map((s): SheetEntry => {
    const rel = rels.get(s.id);
    const notWorksheet = rel !== undefined && !/\/worksheet$/.test(rel.type);
    const target = rel && zip.entry(rel.target) ? rel.target : undefined;
    return { name: s.name, path: notWorksheet ? undefined : target, state: s.state, notWorksheet };
  });
  const typed = [...rels.values()];
  const byType = (suffix: string) => typed.find((r) => r.type.endsWith(suffix))?.target;
  const stringsPath = byType("/sharedStrings") ?? "xl/sharedStrings.xml";
  const stylesPath = byType("/styles") ?? "xl/styles.xml";
  return {
    sheets,
    date1904,
    fullCalcOnLoad,
    sharedStrings: readSharedStrings(zip, stringsPath, limits),
    styleFormats: readStyleFormats(zip, stylesPath, limits),
  };
}

/**
 * Collects the text of a string item (<si> or an inline <is>): the <t> of the item or of its runs (<r>), never
 * the phonetic guide (<rPh>), which Excel does not show in the cell.
 */
export class StringItemText {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];

  open(name: string): void {
    if (name === "rPh") this.depthInPhonetic++;
    else if (name === "t" && this.depthInPhonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === "rPh") this.depthInPhonetic--;
    else if (name === "t") this.inText = false;
  }

  text(t: string): void {
    if (this.inText) this.parts.push(t);
  }

  take(): string {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join("");
    this.parts = [];
    return s;
  }
}

function readSharedStrings(zip: ZipArchive, path: string, limits: ReadLimits): string[] {
  const entry = zip.entry(path);
  const strings: string[] = [];
  if (!entry) return strings;
  const item = new StringItemText();
  let inItem = false;
  parseEntry(zip, entry, limits, {
    open(name) {
      if (name === "si") {
        if (strings.length >= limits.sharedStrings) throw limitExceeded("sharedStrings", limits, path);
        inItem = true;
      } else if (inItem) item.open(name);
    },
    close(name) {
      if (name === "si") {
        strings.push(unescapeOoxml(item.take()));
        inItem = false;
      } else if (inItem) item.close(name);
    },
    text(t) {
      if (inItem) item.text(t);
    },
  });
  return strings;
}

/** Excel writes characters XML cannot hold as _xHHHH_ (ECMA-376 Part 1, §22.9.2.19); "_x005F_" escapes "_". */
export function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Built-in number formats (ECMA-376 Part 1, §18.8.30) with the zh-CN codes for the locale-dependent ids. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

function readStyleFormats(zip: ZipArchive, path: string, limits: ReadLimits): string[] {
  const entry = zip.entry(path);
  if (!entry) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  parseEntry(zip, entry, limits, {
    open(name, a: Attributes) {
      if (name === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        // A styles part with more cell styles than a workbook has shared strings is no workbook's.
        if (ids.length >= limits.sharedStrings) throw limitExceeded("sharedStrings", limits, path);
        ids.push(Number(a.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  // Resolved after the whole part is read: the schema puts numFmts first, not every generator does. Id 0 is
  // General, which the grid leaves unset.
  return ids.map((id) => (id === 0 ? "" : (custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "")));
}
