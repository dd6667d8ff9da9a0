/**
 * The copy's styles.xml, edited by appending (ECMA-376 Part 1, §18.8): every style index the workbook's sheets
 * already use keeps its meaning, and a cell that gets a fill or a number format gets a new cell format cloned from
 * its own. The sheets Ziping adds get cell formats made from their drafts' styles (../draft.ts), their fonts
 * derived from the workbook's default font so that they read as the rest of the file.
 */
import type { DraftStyle } from "../draft";
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

  /** A cell format with a draft's look: the default font with the draft's changes, its fill, border, alignment. */
  add(style: DraftStyle): number {
    const fontId = style.font ? this.lists.fonts.intern(this.fontXml(style.font)) : 0;
    const fillId = style.fill !== undefined ? this.lists.fills.intern(solidFillXml(style.fill)) : 0;
    const borderId = style.border ? this.lists.borders.intern(THIN_BORDER) : 0;
    const numFmtId = style.numFmt !== undefined ? this.formatId(style.numFmt) : 0;
    let tag = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) tag += ' applyNumberFormat="1"';
    if (fontId) tag += ' applyFont="1"';
    if (fillId) tag += ' applyFill="1"';
    if (borderId) tag += ' applyBorder="1"';
    const align: string[] = [];
    if (style.horizontal) align.push(`horizontal="${style.horizontal}"`);
    if (style.vertical) align.push(`vertical="${style.vertical === "middle" ? "center" : "top"}"`);
    if (style.wrap) align.push('wrapText="1"');
    const xf = align.length ? `${tag} applyAlignment="1"><alignment ${align.join(" ")}/></xf>` : `${tag}/>`;
    return this.lists.cellXfs.intern(xf);
  }

  /** The workbook's default font (its first) with a draft's changes; a named font drops the theme's scheme. */
  private fontXml(f: NonNullable<DraftStyle["font"]>): string {
    const base = this.lists.fonts.items[0];
    const child = (name: string) => new RegExp(`<${name}\\b[^>]*/>`).exec(base)?.[0];
    const parts: string[] = [];
    if (f.bold) parts.push("<b/>");
    if (f.underline) parts.push("<u/>");
    parts.push(f.size !== undefined ? `<sz val="${f.size}"/>` : (child("sz") ?? '<sz val="11"/>'));
    const color = f.color !== undefined ? `<color rgb="${escapeXml(f.color)}"/>` : child("color");
    if (color) parts.push(color);
    if (f.name !== undefined) {
      parts.push(`<name val="${escapeXml(f.name)}"/>`);
      if (f.charset !== undefined) parts.push(`<charset val="${f.charset}"/>`);
    } else {
      for (const name of ["name", "family", "charset", "scheme"]) {
        const c = child(name);
        if (c) parts.push(c);
      }
    }
    return `<font>${parts.join("")}</font>`;
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

const THIN_SIDE = (side: string) => `<${side} style="thin"><color indexed="64"/></${side}>`;
const THIN_BORDER = `<border>${["left", "right", "top", "bottom"].map(THIN_SIDE).join("")}<diagonal/></border>`;

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
