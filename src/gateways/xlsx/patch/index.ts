/**
 * The scored copy as a patch of the submitted file: every zip entry the plan does not change is carried over with
 * its content byte for byte (charts, images, data validation, defined names, print settings, custom parts, other
 * sheets), and only the written sheets, their notes, styles.xml, the workbook's sheet list, its relationships and
 * content types, and docProps/core.xml (Ziping's mark) differ. Sheets the plan does not touch are never parsed.
 *
 * Written here because no library does it: exceljs (and SheetJS's community build) load the whole workbook into
 * their model and write back only what the model holds, dropping charts, images and parts they do not know. The
 * sheets Ziping adds (校验结果, 计算结果, the report sheet) are drafted by ../draft.ts and written straight into
 * SpreadsheetML (./new-sheet.ts), their styles added to the copy's (./styles.ts). Whatever this cannot edit with certainty (a
 * prefixed SpreadsheetML part, a shared formula's master among the written cells, a strict-OOXML file) throws
 * CannotPatch, and ../write.ts writes the copy through exceljs as before, saying so.
 */
import { strToU8 } from "fflate";
import { SEVERITY_RANK } from "../../../domain/catalogue";
import type { Severity, WritePlan } from "../../../domain/types";
import { markedKeywords, OUTPUT_AUTHOR, type OutputKind } from "../mark-words";
import { DEFAULT_LIMITS } from "../reader/limits";
import { relsPath, resolveTarget } from "../reader/parts";
import { ZipArchive, type InflateWhole } from "../reader/zip";
import { planSheetDrafts, SEVERITY_FILL, type SheetDraft } from "../draft";
import {
  addToCommentsXml,
  addToVmlXml,
  COMMENTS_CONTENT_TYPE,
  COMMENTS_TYPE,
  highestShapeId,
  newCommentsXml,
  newVmlXml,
  VML_CONTENT_TYPE,
  VML_TYPE,
} from "./notes";
import { draftSheetXml } from "./new-sheet";
import { addLegacyDrawing, mergeMasters, patchSheetCells, type CellEdit } from "./sheet";
import { StyleBook } from "./styles";
import { writeZip, type Crc32, type Deflate, type ZipItem } from "./zip-writer";
import {
  attributes,
  CannotPatch,
  element,
  elements,
  escapeXml,
  refusePrefixed,
  setAttribute,
  splice,
  unescapeXml,
} from "./xml";

export { CannotPatch } from "./xml";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const RELS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

interface Rel {
  id: string;
  type: string;
  target: string;
  /** The target resolved to a zip entry name. */
  path: string;
  external: boolean;
}

/**
 * The package's parts, their relationships and content types, edited in memory. Only the parts the copy reads
 * are inflated (through the reader's bounded zip, ../reader/zip.ts); the others are copied as stored (./zip-writer.ts).
 */
class Package {
  private readonly zip: ZipArchive;
  private readonly texts = new Map<string, string>();
  /** Parts set as bytes: written as they are. */
  private readonly data = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  readonly changed = new Set<string>();
  /** Parts added, in the order they were made. */
  private readonly created: string[] = [];

  constructor(
    bytes: Uint8Array,
    private readonly deflate?: Deflate,
    inflate?: InflateWhole,
    private readonly crc32?: Crc32,
  ) {
    try {
      this.zip = new ZipArchive(bytes, DEFAULT_LIMITS, inflate);
    } catch (e) {
      throw new CannotPatch(`not a zip this patcher reads: ${(e as Error).message}`);
    }
    if (this.zip.entries.some((e) => e.flags & 0x1)) throw new CannotPatch("an encrypted entry");
  }

  /** The name a part is stored under (part names are case-insensitive), or undefined. */
  private stored(name: string): string | undefined {
    if (this.created.includes(name)) return name;
    return this.zip.entry(name)?.name;
  }

  has(name: string): boolean {
    const stored = this.stored(name);
    return stored !== undefined && !this.removed.has(stored);
  }

  /** Every part's name, in the zip's order. */
  names(): string[] {
    return [...this.zip.entries.map((e) => e.name), ...this.created].filter((n) => !this.removed.has(n));
  }

  text(name: string): string {
    const stored = this.stored(name) ?? name;
    const t = this.texts.get(stored);
    if (t !== undefined) return t;
    const entry = this.zip.entry(stored);
    if (!entry || this.removed.has(stored)) throw new CannotPatch(`no part ${name}`);
    let s: string;
    try {
      s = this.zip.text(entry);
    } catch (e) {
      throw new CannotPatch(`${name}: ${(e as Error).message}`);
    }
    this.texts.set(stored, s);
    return s;
  }

  set(name: string, text: string): void {
    let stored = this.stored(name);
    if (stored === undefined) {
      this.created.push(name);
      stored = name;
    }
    this.texts.set(stored, text);
    this.data.delete(stored);
    this.removed.delete(stored);
    this.changed.add(stored);
  }

  /** A part given as bytes (a sheet written as UTF-8 as it was made), not kept as text. */
  setBytes(name: string, data: Uint8Array): void {
    this.set(name, "");
    this.data.set(this.stored(name)!, data);
  }

  remove(name: string): void {
    const stored = this.stored(name);
    if (stored !== undefined) this.removed.add(stored);
  }

  /** An entry name `prefix{n}suffix` not in the package, n from 1. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  rels(part: string): Rel[] {
    const path = relsPath(part);
    if (!this.has(path)) return [];
    const xml = this.text(path);
    refusePrefixed(xml, path, ["Relationships", "Relationship"]);
    return elements(xml, "Relationship").map((e) => {
      const a = attributes(e.tag);
      const external = a.TargetMode === "External";
      return {
        id: a.Id ?? "",
        type: a.Type ?? "",
        target: a.Target ?? "",
        path: external ? "" : resolveTarget(part, a.Target ?? ""),
        external,
      };
    });
  }

  /** Adds a relationship from `part` to the entry `target`; returns its id. */
  addRel(part: string, type: string, target: string): string {
    const path = relsPath(part);
    const xml = this.has(path) ? this.text(path) : `${RELS_HEAD}<Relationships xmlns="${RELS_NS}"></Relationships>`;
    const ids = new Set(elements(xml, "Relationship").map((e) => attributes(e.tag).Id));
    let n = 1;
    while (ids.has(`rIdZp${n}`)) n++;
    const id = `rIdZp${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, target))}"/>`;
    const end = xml.lastIndexOf("</Relationships>");
    const text =
      end >= 0
        ? xml.slice(0, end) + rel + xml.slice(end)
        : xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
    this.set(path, text);
    return id;
  }

  removeRel(part: string, id: string): void {
    const path = relsPath(part);
    const xml = this.text(path);
    const e = elements(xml, "Relationship").find((x) => attributes(x.tag).Id === id);
    if (e) this.set(path, splice(xml, [{ start: e.start, end: e.end, text: "" }]));
  }

  /** [Content_Types].xml with an Override for `part` (or a Default for its extension). */
  addContentType(part: string, type: string, byExtension = false): void {
    const name = "[Content_Types].xml";
    const xml = this.text(name);
    refusePrefixed(xml, name, ["Types", "Override", "Default"]);
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const overrides = elements(xml, "Override").map((e) => attributes(e.tag));
    const defaults = elements(xml, "Default").map((e) => attributes(e.tag));
    if (overrides.some((o) => (o.PartName ?? "").toLowerCase() === `/${part}`.toLowerCase())) return;
    if (byExtension && defaults.some((d) => (d.Extension ?? "").toLowerCase() === ext)) return;
    const entry = byExtension
      ? `<Default Extension="${ext}" ContentType="${type}"/>`
      : `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
    const end = xml.lastIndexOf("</Types>");
    if (end < 0) throw new CannotPatch("[Content_Types].xml without its end tag");
    this.set(name, xml.slice(0, end) + entry + xml.slice(end));
  }

  removeContentType(part: string): void {
    const name = "[Content_Types].xml";
    const xml = this.text(name);
    const e = elements(xml, "Override").find(
      (x) => (attributes(x.tag).PartName ?? "").toLowerCase() === `/${part}`.toLowerCase(),
    );
    if (e) this.set(name, splice(xml, [{ start: e.start, end: e.end, text: "" }]));
  }

  /** The zip: every entry in its original order, unchanged ones as stored, changed ones deflated, new ones last. */
  bytes(): Uint8Array {
    const items: ZipItem[] = [];
    for (const e of this.zip.entries) {
      if (this.removed.has(e.name)) continue;
      if (this.changed.has(e.name)) items.push({ name: e.name, data: this.content(e.name) });
      else
        items.push({
          name: e.name,
          stored: {
            data: this.zip.compressedData(e),
            method: e.method,
            crc: e.crc,
            size: e.size,
            utf8: (e.flags & 0x800) !== 0,
          },
        });
    }
    for (const name of this.created) if (!this.removed.has(name)) items.push({ name, data: this.content(name) });
    return writeZip(items, this.deflate, this.crc32);
  }

  private content(name: string): Uint8Array {
    return this.data.get(name) ?? strToU8(this.texts.get(name)!);
  }
}

/** A target for a relationship of `from` to the entry `to`: relative to `from`'s folder. */
function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const dest = to.split("/");
  let i = 0;
  while (i < base.length && i < dest.length - 1 && base[i] === dest[i]) i++;
  return [...base.slice(i).map(() => ".."), ...dest.slice(i)].join("/");
}

interface SheetRef {
  name: string;
  path: string;
  tag: string;
}

function workbookPart(pkg: Package): string {
  const main = pkg.rels("").find((r) => /\/officeDocument$/.test(r.type));
  if (main?.type.startsWith("http://purl.oclc.org/ooxml/")) throw new CannotPatch("a strict OOXML workbook");
  const path = main?.path ?? "xl/workbook.xml";
  if (!pkg.has(path)) throw new CannotPatch("no workbook part");
  return path;
}

function sheetsOf(pkg: Package, wbPath: string, wbXml: string, relPrefix: string): SheetRef[] {
  const rels = new Map(pkg.rels(wbPath).map((r) => [r.id, r]));
  const list = element(wbXml, "sheets");
  if (!list) throw new CannotPatch("workbook without sheets");
  return elements(wbXml, "sheet", list.start, list.end).map((e) => {
    const a = attributes(e.tag);
    const rel = rels.get(a[`${relPrefix}:id`] ?? "");
    return { name: a.name ?? "", path: rel && !rel.external ? rel.path : "", tag: e.tag };
  });
}

/** Per cell of one sheet: what to write there and the note text to add. */
interface PlannedCell {
  edit: CellEdit;
  valueNotes: string[];
  severity?: Severity;
  markNotes: string[];
}

function plannedCells(
  plan: Pick<WritePlan, "values" | "marks">,
  sheet: string,
  master: (a: string) => string,
): Map<string, PlannedCell> {
  const cells = new Map<string, PlannedCell>();
  const at = (address: string) => {
    const a = master(address);
    let c = cells.get(a);
    if (!c) cells.set(a, (c = { edit: {}, valueNotes: [], markNotes: [] }));
    return c;
  };
  for (const v of plan.values) {
    if (v.sheet !== sheet) continue;
    const c = at(v.cell);
    c.edit.value = v.value;
    if (v.numFmt) c.edit.numFmt = v.numFmt;
    if (v.note) c.valueNotes.push(v.note);
  }
  for (const m of plan.marks) {
    if (m.sheet !== sheet) continue;
    const c = at(m.cell);
    if (!c.severity || SEVERITY_RANK[m.severity] > SEVERITY_RANK[c.severity]) c.severity = m.severity;
    if (!c.markNotes.includes(m.note)) c.markNotes.push(m.note);
  }
  for (const c of cells.values()) if (c.severity) c.edit.fill = SEVERITY_FILL[c.severity];
  return cells;
}

function noteText(c: PlannedCell): string {
  const marks = c.markNotes.filter((n) => n.trim() !== "").join("\n");
  return [...c.valueNotes, marks].filter((n) => n !== "").join("\n\n");
}

function patchNotes(
  pkg: Package,
  sheetPath: string,
  sheetXml: string,
  notes: Map<string, string>,
  relPrefix: string,
): string {
  if (notes.size === 0) return sheetXml;
  const rels = pkg.rels(sheetPath);
  const comments = rels.find((r) => r.type === COMMENTS_TYPE && !r.external);
  const legacy = /<legacyDrawing\b[^>]*>/.exec(sheetXml);
  const legacyRel = legacy ? rels.find((r) => r.id === attributes(legacy[0])[`${relPrefix}:id`]) : undefined;
  if (legacy && (!legacyRel || legacyRel.external || !pkg.has(legacyRel.path)))
    throw new CannotPatch(`${sheetPath}: a legacyDrawing that points nowhere`);

  let fresh: string[];
  if (comments && pkg.has(comments.path)) {
    const r = addToCommentsXml(pkg.text(comments.path), notes);
    pkg.set(comments.path, r.xml);
    fresh = r.added;
  } else {
    const path = pkg.freeName("xl/comments", ".xml");
    pkg.set(path, newCommentsXml(notes));
    pkg.addRel(sheetPath, COMMENTS_TYPE, path);
    pkg.addContentType(path, COMMENTS_CONTENT_TYPE);
    fresh = [...notes.keys()];
  }
  if (fresh.length === 0) return sheetXml;
  const vmlParts = pkg.names().filter((n) => /\.vml$/i.test(n));
  const highest = highestShapeId(vmlParts.map((n) => pkg.text(n)));
  if (legacyRel) {
    pkg.set(legacyRel.path, addToVmlXml(pkg.text(legacyRel.path), fresh));
    return sheetXml;
  }
  const path = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
  pkg.set(path, newVmlXml(fresh, highest));
  pkg.addContentType(path, VML_CONTENT_TYPE, true);
  const id = pkg.addRel(sheetPath, VML_TYPE, path);
  return addLegacyDrawing(sheetXml, relPrefix, id);
}

/** The relationships namespace's prefix in a part ("r" almost always), declaring it on the root when absent. */
function relPrefixOf(xml: string): string | undefined {
  return new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(xml)?.[1];
}

function withRelPrefix(xml: string, root: string): { xml: string; prefix: string } {
  const prefix = relPrefixOf(xml);
  if (prefix) return { xml, prefix };
  const m = new RegExp(`<${root}\\b[^>]*>`).exec(xml);
  if (!m) throw new CannotPatch(`no <${root}>`);
  const tag = setAttribute(m[0], "xmlns:r", REL_NS);
  return { xml: xml.slice(0, m.index) + tag + xml.slice(m.index + m[0].length), prefix: "r" };
}

/** Ziping's mark in docProps/core.xml (./../marker.ts): the officer's keywords kept, Ziping as last author. */
function markCore(pkg: Package, kind: OutputKind): void {
  const core = pkg.rels("").find((r) => /\/metadata\/core-properties$/.test(r.type));
  const path = core?.path ?? "docProps/core.xml";
  if (!pkg.has(path)) {
    pkg.set(
      path,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties ' +
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/"></cp:coreProperties>',
    );
    pkg.addRel("", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", path);
    pkg.addContentType(path, "application/vnd.openxmlformats-package.core-properties+xml");
  }
  let xml = pkg.text(path);
  const root = /<(\w+):coreProperties\b[^>]*>/.exec(xml);
  if (!root) throw new CannotPatch("core.xml without coreProperties");
  const cp = root[1];
  const put = (tag: string, value: (old: string | undefined) => string) => {
    const re = new RegExp(`<${cp}:${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${cp}:${tag}>)`);
    const m = re.exec(xml);
    const text = `<${cp}:${tag}>${escapeXml(value(m?.[1] === undefined ? undefined : unescapeXml(m[1])))}</${cp}:${tag}>`;
    if (m) xml = xml.slice(0, m.index) + text + xml.slice(m.index + m[0].length);
    else {
      const at = root.index + root[0].length;
      xml = xml.slice(0, at) + text + xml.slice(at);
    }
  };
  put("keywords", (old) => markedKeywords(old, kind));
  put("lastModifiedBy", () => OUTPUT_AUTHOR);
  pkg.set(path, xml);
}

/** Adds the drafted sheets after the workbook's own, with their print titles as sheet-level defined names. */
function addSheets(
  pkg: Package,
  wbPath: string,
  sheets: readonly SheetRef[],
  drafts: readonly SheetDraft[],
  styles: StyleBook,
  relPrefix: string,
): string[] {
  if (drafts.length === 0) return [];
  let wbXml = pkg.text(wbPath);
  const list = element(wbXml, "sheets")!;
  const ids = elements(wbXml, "sheet", list.start, list.end).map((e) => Number(attributes(e.tag).sheetId) || 0);
  let nextId = Math.max(0, ...ids) + 1;
  let added = "";
  const newNames: string[] = [];
  drafts.forEach((draft, i) => {
    const path = pkg.freeName("xl/worksheets/sheet", ".xml");
    pkg.setBytes(path, draftSheetXml(draft, styles));
    pkg.addContentType(path, WORKSHEET_CONTENT_TYPE);
    const id = pkg.addRel(wbPath, WORKSHEET_TYPE, path);
    added += `<sheet name="${escapeXml(draft.name)}" sheetId="${nextId++}" ${relPrefix}:id="${id}"/>`;
    // The header rows printed on every page: a name local to the sheet, by its index in the workbook's list.
    if (draft.print.titleRows > 0) {
      const quoted = `'${draft.name.replace(/'/g, "''")}'`;
      newNames.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${sheets.length + i}">${escapeXml(`${quoted}!$1:$${draft.print.titleRows}`)}</definedName>`,
      );
    }
  });
  wbXml = splice(wbXml, [{ start: list.end - "</sheets>".length, end: list.end - "</sheets>".length, text: added }]);
  if (newNames.length) {
    const own = element(wbXml, "definedNames");
    if (own && own.inner !== null) {
      const at = own.end - "</definedNames>".length;
      wbXml = splice(wbXml, [{ start: at, end: at, text: newNames.join("") }]);
    } else if (own) {
      wbXml = splice(wbXml, [
        { start: own.start, end: own.end, text: `<definedNames>${newNames.join("")}</definedNames>` },
      ]);
    } else {
      // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook, §18.2.27).
      const after =
        element(wbXml, "externalReferences") ?? element(wbXml, "functionGroups") ?? element(wbXml, "sheets")!;
      wbXml = splice(wbXml, [
        { start: after.end, end: after.end, text: `<definedNames>${newNames.join("")}</definedNames>` },
      ]);
    }
  }
  pkg.set(wbPath, wbXml);
  return drafts.map((d) => d.name);
}

/** What a copy changes: cells (values, and marks with their notes), the sheets drafted to add, and the mark. */
export interface WorkbookChange {
  cells?: Pick<WritePlan, "values" | "marks">;
  /** The sheets to add, drafted apart from the workbook's own sheet names (../draft.ts). */
  addSheets?: (existing: readonly string[]) => SheetDraft[];
  kind: OutputKind;
  /** A native raw deflate (Node's zlib) for the parts rewritten; fflate's otherwise. */
  deflate?: Deflate;
  /** A native whole-entry inflate (Node's zlib) for the parts read; fflate's otherwise. */
  inflate?: InflateWhole;
  /** A native CRC-32 (Node's zlib) for the parts rewritten; a table-driven one in JavaScript otherwise. */
  crc32?: Crc32;
}

/** The scored copy of `bytes` under `plan`, or CannotPatch when the file is one this patcher does not edit. */
export async function patchScoredCopy(bytes: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const change = {
    cells: plan,
    addSheets: (existing: readonly string[]) => planSheetDrafts(plan, existing),
    kind: "scored-copy" as const,
  };
  return (await patchWorkbook(bytes, change)).bytes;
}

/** A copy of `bytes` with `change` made; the names of the sheets added, as they were named apart from the file's own. */
export async function patchWorkbook(
  bytes: Uint8Array,
  change: WorkbookChange,
): Promise<{ bytes: Uint8Array; added: string[] }> {
  const plan = change.cells ?? { values: [], marks: [] };
  const pkg = new Package(bytes, change.deflate, change.inflate, change.crc32);
  const wbPath = workbookPart(pkg);
  refusePrefixed(pkg.text(wbPath), wbPath, ["workbook", "sheets", "sheet", "definedNames"]);
  const { xml: wbXml, prefix: relPrefix } = withRelPrefix(pkg.text(wbPath), "workbook");
  if (wbXml !== pkg.text(wbPath)) pkg.set(wbPath, wbXml);
  const sheets = sheetsOf(pkg, wbPath, wbXml, relPrefix);
  const wbRels = pkg.rels(wbPath);
  const stylesRel = wbRels.find((r) => /\/styles$/.test(r.type));
  if (!stylesRel || !pkg.has(stylesRel.path)) throw new CannotPatch("no styles part");
  const styles = new StyleBook(pkg.text(stylesRel.path));

  let removedFormula = false;
  const touched = new Set([...plan.values.map((v) => v.sheet), ...plan.marks.map((m) => m.sheet)]);
  for (const name of touched) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet || !sheet.path || !pkg.has(sheet.path))
      throw new Error(`Write plan names a sheet the workbook does not have: ${name}`);
    let xml = pkg.text(sheet.path);
    const cells = plannedCells(plan, name, mergeMasters(xml));
    const patched = patchSheetCells(xml, sheet.path, new Map([...cells].map(([a, c]) => [a, c.edit])), styles);
    removedFormula ||= patched.removedFormula;
    const notes = new Map([...cells].map(([a, c]) => [a, noteText(c)] as const).filter(([, t]) => t !== ""));
    const own = withRelPrefix(patched.xml, "worksheet");
    xml = patchNotes(pkg, sheet.path, own.xml, notes, own.prefix);
    pkg.set(sheet.path, xml);
  }

  const drafts = change.addSheets?.(sheets.map((s) => s.name)) ?? [];
  const added = addSheets(pkg, wbPath, sheets, drafts, styles, relPrefix);
  pkg.set(stylesRel.path, styles.toString());

  if (removedFormula) {
    // The calculation chain lists formula cells; one that lists a cell now holding a value makes Excel repair the file.
    const chain = wbRels.find((r) => /\/calcChain$/.test(r.type));
    if (chain) {
      pkg.remove(chain.path);
      pkg.removeRel(wbPath, chain.id);
      pkg.removeContentType(chain.path);
    }
  }
  markCore(pkg, change.kind);
  return { bytes: pkg.bytes(), added };
}
