/**
 * The floor a reader can be measured against: a bare unzip-and-parse of a workbook, the way any .xlsx reader must
 * at least read it (central directory, inflate every part the cells live in, SAX over workbook, rels, shared
 * strings and every sheet) with handlers that keep nothing. fflate and saxes, as the reader uses.
 */
import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";

const PARTS =
  /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/i;

/** Parses every part that holds cells or says where they are; returns the number of elements seen. */
export function bareParse(bytes: Uint8Array): number {
  const files = unzipSync(bytes, { filter: (f) => PARTS.test(f.name) });
  let elements = 0;
  for (const data of Object.values(files)) {
    const parser = new SaxesParser({ xmlns: false, position: false });
    parser.on("opentag", () => elements++);
    parser.on("text", () => undefined);
    parser.write(strFromU8(data)).close();
  }
  return elements;
}
