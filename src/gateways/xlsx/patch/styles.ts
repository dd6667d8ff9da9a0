/**
 * The copy's styles.xml, edited by appending (ECMA-376 Part 1, §18.8): every style index the workbook's sheets
 * already use keeps its meaning, and a cell that gets a fill or a number format gets a new cell format cloned from
 * its own. Styles of the sheets Ziping adds (built by exceljs in a workbook of their own) are imported the same
 * way, index by index.
 */
import { attributes, CannotPatch, element, elements, escapeXml, refusePrefixed, setAttribute, type Found } from "./xml";

/** The lists of styles.xml this patcher reads or extends: container and child element names. */
const LISTS = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
} as const;
type ListName = keyof typeof LISTS;

/** First custom number format id (ids below are Excel's built-in formats, §18.8.30). */
const FIRST_CUSTOM_FORMAT = 164;

class StyleList {
  readonly items: string[];
  readonly added: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    readonly container: Found | undefined,
    readonly items0: string[],
  ) {
    this.items = [...items0];
    this.items.forEach((x, i) => this.index.has(x) || this.index.set(x, i));
  }

  /** The index of an item with exactly this XML, appended when there is none. */
  intern(xml: string): number {
    const known = this.index.get(xml);
    if (known !== undefined) return known;
    this.items.push(xml);
    this.added.push(xml);
    this.index.set(xml, this.items.length - 1);
    return this.items.length - 1;
  }
}

function readLists(xml: string): Record<ListName, StyleList> {
  const out = {} as Record<ListName, StyleList>;
  for (const [name, child] of Object.entries(LISTS) as Array<[ListName, string]>) {
    const container = element(xml, name);
    const items =
      container && container.inner !== null
        ? elements(xml, child, container.start + container.tag.length, container.end).map((e) =>
            xml.slice(e.start, e.end),
          )
        : [];
    out[name] = new StyleList(container, items);
  }
  return out;
}

export class StyleBook {
  private readonly lists: Record<ListName, StyleList>;
  /** Number format code → id, for the formats the file defines. */
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = FIRST_CUSTOM_FORMAT;

  constructor(private readonly xml: string) {
    refusePrefixed(xml, "styles.xml", ["styleSheet", "cellXfs", "fonts", "fills"]);
    this.lists = readLists(xml);
    for (const name of ["fonts", "fills", "borders", "cellXfs"] as const)
      if (!this.lists[name].container || this.lists[name].items.length === 0)
        throw new CannotPatch(`styles.xml has no ${name}`);
    for (const f of this.lists.numFmts.items) {
      const a = attributes(f);
      const id = Number(a.numFmtId);
      if (a.formatCode !== undefined && !this.formatIds.has(a.formatCode)) this.formatIds.set(a.formatCode, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
  }

  get cellFormatCount(): number {
    return this.lists.cellXfs.items.length;
  }

  /** The id of a number format code, added to numFmts when the file has none with that code. */
  formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.lists.numFmts.intern(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    this.formatIds.set(code, id);
    return id;
  }

  /** A cell format like `base` (a cellXfs index) with a solid fill and/or a number format. */
  derive(base: number, change: { fill?: string; numFmt?: string }): number {
    const xfs = this.lists.cellXfs.items;
    let xf = xfs[base] ?? xfs[0];
    const start = /^<xf\b[^>]*>/.exec(xf)![0];
    let tag = start;
    if (change.fill !== undefined) {
      const fill = this.lists.fills.intern(solidFillXml(change.fill));
      tag = setAttribute(setAttribute(tag, "fillId", String(fill)), "applyFill", "1");
    }
    if (change.numFmt !== undefined) {
      tag = setAttribute(setAttribute(tag, "numFmtId", String(this.formatId(change.numFmt))), "applyNumberFormat", "1");
    }
    xf = tag + xf.slice(start.length);
    return this.lists.cellXfs.intern(xf);
  }

  /** The index here of cell format `index` of another styles.xml (exceljs's, for the sheets Ziping adds). */
  importFrom(other: StyleBook, index: number): number {
    const xf = other.lists.cellXfs.items[index] ?? other.lists.cellXfs.items[0];
    const start = /^<xf\b[^>]*>/.exec(xf)![0];
    const a = attributes(start);
    let tag = start;
    const take = (list: "fonts" | "fills" | "borders", attr: string) => {
      const i = Number(a[attr] ?? 0);
      const item = other.lists[list].items[i] ?? other.lists[list].items[0];
      tag = setAttribute(tag, attr, String(this.lists[list].intern(item)));
    };
    take("fonts", "fontId");
    take("fills", "fillId");
    take("borders", "borderId");
    const numFmtId = Number(a.numFmtId ?? 0);
    if (numFmtId >= FIRST_CUSTOM_FORMAT) {
      const code = other.formatCode(numFmtId);
      tag = setAttribute(tag, "numFmtId", String(code === undefined ? 0 : this.formatId(code)));
    }
    tag = setAttribute(tag, "xfId", "0");
    return this.lists.cellXfs.intern(tag + xf.slice(start.length));
  }

  formatCode(id: number): string | undefined {
    for (const [code, known] of this.formatIds) if (known === id) return code;
    return undefined;
  }

  /** styles.xml with what was added: appended to each list, counts updated, numFmts created first when absent. */
  toString(): string {
    const edits: Array<{ at: number; end: number; text: string }> = [];
    for (const name of Object.keys(LISTS) as ListName[]) {
      const list = this.lists[name];
      if (list.added.length === 0) continue;
      const count = list.items.length;
      const c = list.container;
      if (!c) {
        // Only numFmts can be missing here; it is the first child of styleSheet (§18.8.39).
        const root = /<styleSheet\b[^>]*>/.exec(this.xml);
        if (!root) throw new CannotPatch("styles.xml has no styleSheet");
        const at = root.index + root[0].length;
        edits.push({ at, end: at, text: `<${name} count="${count}">${list.added.join("")}</${name}>` });
        continue;
      }
      const tag = setAttribute(c.tag.replace(/\/>$/, ">"), "count", String(count));
      const inner = c.inner ?? "";
      edits.push({ at: c.start, end: c.end, text: `${tag}${inner}${list.added.join("")}</${name}>` });
    }
    edits.sort((x, y) => x.at - y.at);
    let out = "";
    let pos = 0;
    for (const e of edits) {
      out += this.xml.slice(pos, e.at) + e.text;
      pos = e.end;
    }
    return out + this.xml.slice(pos);
  }
}

function solidFillXml(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor rgb="${argb}"/></patternFill></fill>`;
}

/** Excel's built-in number formats that Ziping's plans use (§18.8.30), which need no numFmt of their own. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};
