/**
 * The floor a reader can be measured against: a bare unzip-and-parse of a workbook, the way any .xlsx reader must
 * at least read it (central directory, inflate every part the cells live in, SAX over workbook, rels, shared
 * strings and every sheet) with handlers that keep nothing. fflate and saxes, as the reader uses. With `onlySheet`,
 * the same but of one worksheet only (found through the workbook and its relationships, which are parsed anyway):
 * the floor for a workbook whose table sits beside a large data sheet.
 */
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";

const PARTS =
  /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/i;
const WORKSHEET = /^xl\/worksheets\//i;
const INDEX = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels)$/i;

/** SAX over one part; returns the number of elements seen, telling `onOpen` of each. */
function sax(data: Uint8Array, onOpen?: (name: string, attributes: Record<string, string>) => void): number {
  let elements = 0;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => {
    elements++;
    onOpen?.(tag.name, tag.attributes as Record<string, string>);
  });
  parser.on("text", () => undefined);
  parser.write(strFromU8(data)).close();
  return elements;
}

/** Parses every part that holds cells or says where they are (of `onlySheet`'s only, when named). */
export function bareParse(bytes: Uint8Array, onlySheet?: string): number {
  if (onlySheet === undefined) {
    let elements = 0;
    for (const data of Object.values(unzipSync(bytes, { filter: (f) => PARTS.test(f.name) }))) elements += sax(data);
    return elements;
  }
  // The workbook and its relationships first, to find the sheet's part; then only that worksheet is inflated.
  const index = unzipSync(bytes, { filter: (f) => INDEX.test(f.name) });
  let id: string | undefined;
  const targets = new Map<string, string>();
  let elements = sax(index["xl/workbook.xml"], (name, a) => {
    if (name === "sheet" && a.name === onlySheet) id = a["r:id"];
  });
  elements += sax(index["xl/_rels/workbook.xml.rels"], (name, a) => {
    if (name === "Relationship") targets.set(a.Id, a.Target);
  });
  const target = id === undefined ? undefined : targets.get(id);
  const keep = target && (target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  const rest = unzipSync(bytes, {
    filter: (f) => PARTS.test(f.name) && !INDEX.test(f.name) && (!WORKSHEET.test(f.name) || f.name === keep),
  });
  for (const data of Object.values(rest)) elements += sax(data);
  return elements;
}
