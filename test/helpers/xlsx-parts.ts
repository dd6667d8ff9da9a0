/**
 * Workbooks written part by part, for reading what no spreadsheet program writes on its own: prefixed elements,
 * cells without addresses, phonetic guides, shared formulas, a DTD, a zip bomb. Deflated with fflate (level 9)
 * unless a part is given as stored.
 */
import { zipSync, strToU8 } from "fflate";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface SheetPart {
  name: string;
  /** The <sheetData> content (rows), or a whole worksheet document when it starts with "<?xml" or "<worksheet". */
  xml: string;
  /** Elements after <sheetData> (sheetProtection, mergeCells). */
  after?: string;
  state?: "hidden" | "veryHidden";
}

export interface WorkbookParts {
  sheets: SheetPart[];
  sharedStrings?: string[] | string;
  /** cellXfs numFmtIds, and custom formats by id. */
  styles?: { xfs: number[]; formats?: Record<number, string> };
  workbookPr?: string;
  calcPr?: string;
  /** Extra or replacement parts by path. */
  parts?: Record<string, string | Uint8Array>;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function workbookEntries(wb: WorkbookParts): Record<string, Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  files["[Content_Types].xml"] =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  files["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const sheets = wb.sheets
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`,
    )
    .join("");
  files["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${R_NS}>${wb.workbookPr ?? ""}<sheets>${sheets}</sheets>${wb.calcPr ?? ""}</workbook>`;
  const rels = wb.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const n = wb.sheets.length;
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/>`);
  files["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
  wb.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = /^(<\?xml|<worksheet|<x:worksheet)/.test(s.xml)
      ? s.xml
      : `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${R_NS}><sheetData>${s.xml}</sheetData>${s.after ?? ""}</worksheet>`;
  });
  const ss = wb.sharedStrings ?? [];
  files["xl/sharedStrings.xml"] =
    typeof ss === "string"
      ? ss
      : `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${ss.length}" uniqueCount="${ss.length}">${ss
          .map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`)
          .join("")}</sst>`;
  const styles = wb.styles ?? { xfs: [0] };
  const formats = Object.entries(styles.formats ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code).replace(/"/g, "&quot;")}"/>`)
    .join("");
  files["xl/styles.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${formats ? `<numFmts>${formats}</numFmts>` : ""}` +
    `<cellXfs count="${styles.xfs.length}">${styles.xfs.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join("")}</cellXfs></styleSheet>`;
  Object.assign(files, wb.parts ?? {});
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) out[k] = typeof v === "string" ? strToU8(v) : v;
  return out;
}

/** The workbook as .xlsx bytes (every part deflated). */
export function xlsxBytes(wb: WorkbookParts): Uint8Array {
  return zipSync(workbookEntries(wb), { level: 9 });
}

/** Rows of plain values as <row> elements: numbers inline, strings inline (t="inlineStr"). */
export function rowsXml(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, from = 1): string {
  return rows
    .map((row, i) => {
      const r = from + i;
      const cells = row
        .map((v, c) => {
          if (v === null) return "";
          const ref = `${String.fromCharCode(65 + c)}${r}`;
          return typeof v === "number"
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r}">${cells}</row>`;
    })
    .join("");
}
