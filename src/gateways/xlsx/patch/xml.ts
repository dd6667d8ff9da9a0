/**
 * String-level XML editing for the scored copy's patcher (./index.ts). The parts it edits are SpreadsheetML written
 * by Excel, WPS, LibreOffice or a library: well-formed, with elements that do not nest in themselves (row, c, xf,
 * font, fill, comment). Editing them as text keeps every byte the copy does not change, which no XML library's
 * parse-and-serialise round trip does (attribute order, namespace declarations, whitespace, mc:Ignorable content).
 * Anything this cannot edit with certainty throws CannotPatch, and the copy is written the other way (../score.ts).
 */

/** The part cannot be edited in place with certainty; the caller writes the copy through exceljs instead. */
export class CannotPatch extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "CannotPatch";
  }
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text as XML 1.0 allows it: control characters other than tab, newline and return are dropped. */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The attributes of a start tag ("<c r="A1" s="3">"), unescaped, by their qualified names. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/**
 * A pattern built once per name and kept: the patcher asks for the same few (r, s, spans; c, row) once per cell of
 * a sheet it edits, 200,000 rows and more of them in a large table.
 */
function cached(cache: Map<string, RegExp>, key: string, make: () => RegExp): RegExp {
  let re = cache.get(key);
  if (!re) cache.set(key, (re = make()));
  return re;
}

const attributePatterns = new Map<string, RegExp>();
const attributePattern = (name: string) =>
  cached(
    attributePatterns,
    name,
    () => new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`),
  );

/**
 * One attribute of a start tag, unescaped: what attributes(tag)[name] gives, without reading the others when no
 * value is in single quotes (one could hold ` r="…"`, which only a walk over the attributes in order tells apart).
 */
export function attribute(tag: string, name: string): string | undefined {
  if (tag.indexOf("'") >= 0) return attributes(tag)[name];
  const m = attributePattern(name).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

/** A start tag with one attribute set (added at the end when absent) or removed (value undefined). */
export function setAttribute(tag: string, name: string, value: string | undefined): string {
  const re = attributePattern(name);
  // In place when present, so that the attributes keep their order.
  if (value !== undefined && re.test(tag)) return tag.replace(re, () => ` ${name}="${escapeXml(value)}"`);
  const without = tag.replace(re, "");
  if (value === undefined) return without;
  const end = without.endsWith("/>") ? without.length - 2 : without.length - 1;
  return `${without.slice(0, end).replace(/\s+$/, "")} ${name}="${escapeXml(value)}"${without.slice(end)}`;
}

/** One element found in a text: where it starts and ends, its start tag and its content (null when empty). */
export interface Found {
  start: number;
  end: number;
  tag: string;
  inner: string | null;
}

/**
 * Every `name` element of `xml` from `from` to `to`, in order. `name` must not nest in itself, and must not be the
 * prefix of a sibling's name the pattern could confuse (the tag is matched up to whitespace, "/" or ">").
 */
const openPatterns = new Map<string, RegExp>();

export function elements(xml: string, name: string, from = 0, to = xml.length): Found[] {
  const out: Found[] = [];
  // Kept per name: the walk below finishes before any other can start, so the pattern's lastIndex is its own.
  const open = cached(openPatterns, name, () => new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g"));
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const tag = m[0];
    if (tag.endsWith("/>")) {
      out.push({ start: m.index, end: m.index + tag.length, tag, inner: null });
      continue;
    }
    const close = xml.indexOf(`</${name}>`, open.lastIndex);
    if (close < 0) throw new CannotPatch(`<${name}> without its end tag`);
    out.push({ start: m.index, end: close + name.length + 3, tag, inner: xml.slice(open.lastIndex, close) });
    open.lastIndex = close + name.length + 3;
  }
  return out;
}

/** The one `name` element of `xml`, or undefined. */
export function element(xml: string, name: string): Found | undefined {
  return elements(xml, name)[0];
}

/** Replaces spans of `xml` (sorted or not, not overlapping) with new text. */
export function splice(xml: string, edits: Array<{ start: number; end: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** Refuses a part that puts SpreadsheetML elements under a prefix ("<x:row>"): this patcher writes them bare. */
export function refusePrefixed(xml: string, part: string, names: readonly string[]): void {
  for (const n of names)
    if (new RegExp(`<\\w+:${n}[\\s/>]`).test(xml)) throw new CannotPatch(`${part}: prefixed <${n}>`);
}
