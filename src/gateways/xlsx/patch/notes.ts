/**
 * Notes (Excel's 批注, "comments" in the file) on a sheet of the copy: the text in the sheet's comments part
 * (ECMA-376 Part 1, §18.7) and a hidden VML shape per note that Excel and WPS draw it in (Part 4, §19: legacy
 * drawing). A note the officer already wrote is kept and Ziping's text follows it; the officer's other notes and
 * shapes are not touched.
 */
import { parseA1 } from "../../../domain/grid";
import { attributes, CannotPatch, element, elements, refusePrefixed, xmlText } from "./xml";

export const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
export const VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
export const COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
export const VML_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const AUTHOR = "Ziping";

const RUN_PROPERTIES =
  '<rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>';

function run(text: string): string {
  return `<r>${RUN_PROPERTIES}<t xml:space="preserve">${xmlText(text)}</t></r>`;
}

/** A new comments part holding `notes`. */
export function newCommentsXml(notes: ReadonlyMap<string, string>): string {
  const list = [...notes].map(
    ([ref, text]) => `<comment ref="${ref}" authorId="0"><text>${run(text)}</text></comment>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<authors><author>${AUTHOR}</author></authors><commentList>${list.join("")}</commentList></comments>`
  );
}

/**
 * An existing comments part with `notes` added: appended to a cell's note where it has one ("\n\n" between),
 * else a new note. Returns the part and the cells that got a new note (they need a shape).
 */
export function addToCommentsXml(xml: string, notes: ReadonlyMap<string, string>): { xml: string; added: string[] } {
  refusePrefixed(xml, "comments", ["comments", "comment", "commentList"]);
  const list = element(xml, "commentList");
  const authors = element(xml, "authors");
  if (!list || !authors) throw new CannotPatch("comments part without authors or commentList");
  const names = elements(xml, "author", authors.start, authors.end).map((a) => a.inner ?? "");
  let authorId = names.indexOf(AUTHOR);
  let out = xml;
  const added: string[] = [];
  const existing = new Map(
    elements(xml, "comment", list.start, list.end).map((c) => [attributes(c.tag).ref, c] as const),
  );
  // Edits from the end backwards, so that earlier offsets stay valid.
  const edits: Array<{ at: number; end: number; text: string }> = [];
  const fresh: string[] = [];
  for (const [ref, text] of notes) {
    const c = existing.get(ref);
    if (c && c.inner !== null) {
      const close = c.start + c.tag.length + c.inner.lastIndexOf("</text>");
      if (close < c.start + c.tag.length) throw new CannotPatch(`comment ${ref} without text`);
      edits.push({ at: close, end: close, text: run(`\n\n${text}`) });
    } else {
      if (authorId < 0) {
        authorId = names.length;
        edits.push({
          at: authors.end - "</authors>".length,
          end: authors.end - "</authors>".length,
          text: `<author>${AUTHOR}</author>`,
        });
      }
      fresh.push(`<comment ref="${ref}" authorId="${authorId}"><text>${run(text)}</text></comment>`);
      added.push(ref);
    }
  }
  if (list.inner === null)
    edits.push({ at: list.start, end: list.end, text: `<commentList>${fresh.join("")}</commentList>` });
  else
    edits.push({
      at: list.end - "</commentList>".length,
      end: list.end - "</commentList>".length,
      text: fresh.join(""),
    });
  edits.sort((a, b) => b.at - a.at);
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { xml: out, added };
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shape(id: number, ref: string): string {
  const { row, col } = parseA1(ref);
  // Anchor: from one column right of the cell, a row above it, five columns wide and eight rows tall.
  const anchor = [col, 15, Math.max(row - 2, 0), 10, col + 5, 15, row + 6, 4].join(", ");
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;` +
    'width:260pt;height:120pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/** The highest shape number (the n of "_x0000_sn") in any VML part, so that new shapes are unique in the workbook. */
export function highestShapeId(vmlParts: readonly string[]): number {
  let max = 1024;
  for (const xml of vmlParts) for (const m of xml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** A new VML part with a shape for each note, numbered from the block of 1024 after `highest` (its idmap). */
export function newVmlXml(refs: readonly string[], highest: number): string {
  const block = Math.floor(highest / 1024) + 1;
  const firstId = block * 1024 + 1;
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    SHAPE_TYPE +
    refs.map((ref, i) => shape(firstId + i, ref)).join("") +
    "</xml>"
  );
}

/**
 * An existing VML part (the officer's notes, or form controls) with a shape for each new note, numbered after its
 * own shapes within the blocks its idmap claims (each sheet's part owns its blocks of 1024 ids).
 */
export function addToVmlXml(xml: string, refs: readonly string[]): string {
  const end = xml.lastIndexOf("</xml>");
  if (
    end < 0 ||
    !/xmlns:v="urn:schemas-microsoft-com:vml"/.test(xml) ||
    !/xmlns:x="urn:schemas-microsoft-com:office:excel"/.test(xml) ||
    !/xmlns:o="urn:schemas-microsoft-com:office:office"/.test(xml)
  )
    throw new CannotPatch("a VML part this patcher does not know");
  const idmap = /<o:idmap\b[^>]*\bdata="([\d,\s]+)"/.exec(xml)?.[1];
  const blocks = (idmap ?? "")
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (blocks.length === 0) throw new CannotPatch("a VML part without its idmap");
  // A loop over the shapes, not Math.max(...): a part with 200,000 of them would overflow the call stack.
  let first = Math.min(...blocks) * 1024;
  for (const m of xml.matchAll(/_x0000_s(\d+)/g)) first = Math.max(first, Number(m[1]));
  first += 1;
  const ids = refs.map((_, i) => first + i);
  if (!ids.every((id) => blocks.includes(Math.floor(id / 1024))))
    throw new CannotPatch("no room for more shapes in the VML part's idmap");
  const type = xml.includes('id="_x0000_t202"') ? "" : SHAPE_TYPE;
  return xml.slice(0, end) + type + refs.map((ref, i) => shape(ids[i], ref)).join("") + xml.slice(end);
}
