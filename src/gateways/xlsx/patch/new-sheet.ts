/**
 * A sheet draft (../draft.ts) written straight into SpreadsheetML for the patched copy: the worksheet part
 * (ECMA-376 Part 1, §18.3.1.99, its children in the schema's order), encoded to UTF-8 as it is written, so that a
 * 200,000-row 计算结果 costs its bytes once and no object per cell. Its styles are added to the copy's styles.xml
 * (./styles.ts), one cell format per draft style.
 *
 * Written here because exceljs, the library that writes sheets, builds a model of every cell and the whole XML
 * as one string before zipping it (about 4 GB for that sheet), and writes a workbook, not a part to put in one.
 */
/* global TextEncoder -- in Node and in the browser alike. */
import { columnLetters } from "../../../domain/grid";
import { A4_PAPER_SIZE, HEADER_FOOTER_MARGIN_INCH, marginInches } from "../../../domain/print";
import type { DraftCell, DraftStyle, DraftValue, SheetDraft } from "../draft";
import type { StyleBook } from "./styles";
import { escapeXml, xmlText } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Strings gathered into chunks of about this many UTF-16 units before they are encoded. */
const CHUNK = 1 << 16;

/** UTF-8 bytes written piece by piece: short strings are joined, then encoded a chunk at a time. */
class ByteSink {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private size = 0;

  write(s: string): void {
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pendingLength >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = this.encoder.encode(this.pending.join(""));
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.pending = [];
    this.pendingLength = 0;
  }

  bytes(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function cellXml(ref: string, style: number | undefined, value: DraftValue | undefined): string {
  const s = style === undefined || style === 0 ? "" : ` s="${style}"`;
  if (value === undefined || value === "") return `<c r="${ref}"${s}/>`;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
    value = String(value);
  }
  if (typeof value === "string")
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
  const f = `<f>${xmlText(value.formula)}</f>`;
  const r = value.result;
  if (r === undefined || r === "") return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof r === "number" && Number.isFinite(r)) return `<c r="${ref}"${s}>${f}<v>${String(r)}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${xmlText(String(r))}</v></c>`;
}

/** The worksheet part of `draft`, its cell formats added to `styles`. */
export function draftSheetXml(draft: SheetDraft, styles: StyleBook): Uint8Array {
  const out = new ByteSink();
  // Drafted cells share their style objects: one cell format per object.
  const styleIds = new Map<DraftStyle, number>();
  const styleOf = (c: DraftCell) => {
    if (!c.style) return undefined;
    let id = styleIds.get(c.style);
    if (id === undefined) styleIds.set(c.style, (id = styles.add(c.style)));
    return id;
  };
  // A loop, not Math.max(...rows): 200,000 arguments overflow a worker's stack.
  let columns = Math.max(1, draft.widths.length);
  for (const r of draft.rows) if (r.length > columns) columns = r.length;
  const lastRow = Math.max(1, draft.rows.length);
  const letters = Array.from({ length: columns }, (_, i) => columnLetters(i + 1));

  out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  out.write(`<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  out.write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.write(`<dimension ref="A1:${letters[columns - 1]}${lastRow}"/>`);
  const grid = draft.showGridLines ? "" : ' showGridLines="0"';
  if (draft.frozenRows > 0)
    out.write(
      `<sheetViews><sheetView${grid} workbookViewId="0"><pane ySplit="${draft.frozenRows}" topLeftCell="A${draft.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`,
    );
  else out.write(`<sheetViews><sheetView${grid} workbookViewId="0"/></sheetViews>`);
  out.write('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = draft.widths
    .map((w, i) => (w === undefined ? "" : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`))
    .join("");
  if (cols) out.write(`<cols>${cols}</cols>`);

  out.write("<sheetData>");
  for (let r = 0; r < draft.rows.length; r++) {
    const row = draft.rows[r];
    const n = r + 1;
    const height = draft.heights.get(n);
    out.write(height === undefined ? `<row r="${n}">` : `<row r="${n}" ht="${height}" customHeight="1">`);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || (cell.value === undefined && !cell.style)) continue;
      out.write(cellXml(`${letters[c] ?? columnLetters(c + 1)}${n}`, styleOf(cell), cell.value));
    }
    out.write("</row>");
  }
  // Heights of rows past the drafted cells (none are planned today, but a draft may set them).
  for (const [n, height] of [...draft.heights].filter(([n]) => n > draft.rows.length).sort((a, b) => a[0] - b[0]))
    out.write(`<row r="${n}" ht="${height}" customHeight="1"/>`);
  out.write("</sheetData>");

  if (draft.autoFilter) out.write(`<autoFilter ref="${escapeXml(draft.autoFilter)}"/>`);
  if (draft.merges.length)
    out.write(
      `<mergeCells count="${draft.merges.length}">${draft.merges.map((m) => `<mergeCell ref="${escapeXml(m)}"/>`).join("")}</mergeCells>`,
    );
  const p = draft.print;
  if (p.orientation === "landscape") out.write('<printOptions horizontalCentered="1"/>');
  const m = marginInches(p.margins);
  const hf = HEADER_FOOTER_MARGIN_INCH;
  out.write(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${hf}" footer="${hf}"/>`,
  );
  out.write(`<pageSetup paperSize="${A4_PAPER_SIZE}" orientation="${p.orientation}" fitToWidth="1" fitToHeight="0"/>`);
  if (draft.footer) out.write(`<headerFooter><oddFooter>${xmlText(draft.footer)}</oddFooter></headerFooter>`);
  out.write("</worksheet>");
  return out.bytes();
}
