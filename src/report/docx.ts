/**
 * The 自评报告 as a .docx in 公文 format (DOMAIN §5): A4 with the standard margins, fixed line spacing, the level
 * fonts with their fallbacks declared, page numbers "— 1 —", and the 自评表 attached on a landscape page.
 * Uses only the `docx` package (no Node APIs), so the task pane can offer the same file for download.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { CellRange } from "../domain/grid";
import {
  reportParagraphs,
  type AttachmentTable,
  type ReportModel,
  type ReportParagraph,
  type ReportRun,
} from "./model";
import { FONTS, LEVEL_STYLES, PAGE, type LevelStyle } from "./style";

const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Page-number line: its top 7 mm below the text area (GB/T 9704 7.5), so the footer ends about 23 mm up. */
const FOOTER_MM = PAGE.margins.bottom - 7 - 5;

const PAGE_SIZE = { width: mmToTwips(PAGE.widthMm), height: mmToTwips(PAGE.heightMm) };

/**
 * The document grid of GB/T 9704 5.2.2, 28 characters × 22 lines of 三号 (16 pt) on the A4 text area:
 *
 * - width: 210 mm − 28 mm − 26 mm = 156 mm; in twips 11906 − 1587 − 1474 = 8845 = 442.25 pt. 442.25 / 16 pt is
 *   27.6, which is why a page of plain 16 pt characters holds 27 a line. 28 characters need a pitch of
 *   442.25 / 28 = 15.7946 pt, 0.2054 pt under the 16 pt of the font: each 三号 run is set narrower by w:spacing,
 *   in twentieths of a point, −0.2054 × 20 = −4.1, rounded down to −5 (15.75 pt; −4 would leave 27 a line).
 * - height: 297 mm − 37 mm − 35 mm = 225 mm; in twips 16838 − 2098 − 1984 = 12756. 12756 / 22 = 579.8, rounded
 *   down to a w:linePitch of 579 twips (28.95 pt) so that 22 lines fit: the fixed line spacing of every paragraph.
 *
 * The grid is of lines (w:docGrid type "lines"), not of lines and characters: with a character grid (w:charSpace
 * −842) Word squeezes each 16 pt character into its 15.79 pt cell, but LibreOffice gives a character wider than a
 * cell two cells, and printed 14 characters a line. Narrower runs give 28 in both. Word takes the base character
 * from the document defaults, LibreOffice from the Normal style (12 pt when it has none): both are 三号 below.
 */
const TEXT_WIDTH_TWIPS = PAGE_SIZE.width - mmToTwips(PAGE.margins.left) - mmToTwips(PAGE.margins.right);
const TEXT_HEIGHT_TWIPS = PAGE_SIZE.height - mmToTwips(PAGE.margins.top) - mmToTwips(PAGE.margins.bottom);
export const GRID = {
  linePitch: Math.floor(TEXT_HEIGHT_TWIPS / PAGE.grid.linesPerPage),
  characterSpacing: Math.floor((TEXT_WIDTH_TWIPS / 20 / PAGE.grid.charsPerLine - LEVEL_STYLES.body.size) * 20),
};
/** A character's advance at a size, in points: 三号 runs carry the grid's spacing. */
const advance = (size: number) => size + (size === LEVEL_STYLES.body.size ? GRID.characterSpacing / 20 : 0);
/** One 三号 character in twips (315): a body line holds exactly 28 of them. */
const GRID_CHAR_TWIPS = advance(LEVEL_STYLES.body.size) * 20;

function font(name: string): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

function textRun(text: string, style: LevelStyle, extra: { highlight?: boolean; color?: string } = {}): TextRun {
  return new TextRun({
    text,
    font: font(style.font),
    size: halfPoints(style.size),
    characterSpacing: style.size === LEVEL_STYLES.body.size ? GRID.characterSpacing : undefined,
    bold: style.bold,
    highlight: extra.highlight ? "yellow" : undefined,
    color: extra.color,
  });
}

function runOf(run: ReportRun, style: LevelStyle): TextRun {
  return textRun(run.text, style, { highlight: run.kind === "placeholder" });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.BOTH } as const;

function paragraphOf(p: ReportParagraph): Paragraph {
  const style = LEVEL_STYLES[p.role];
  const notice = p.role === "notice";
  const children = [
    ...(p.marker ? [textRun(p.marker, style)] : []),
    ...p.runs.map((run) =>
      notice ? textRun(run.text, style, { highlight: true, color: "C00000" }) : runOf(run, style),
    ),
  ];
  return new Paragraph({
    children,
    alignment: ALIGN[style.align],
    spacing: { line: GRID.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    // Two characters, 2 × 315 = 630 twips (not 2 × 16 pt = 640, which would leave the first line 25 characters).
    indent: style.indent ? { firstLine: Math.floor(style.indent * GRID_CHAR_TWIPS) } : undefined,
    // A heading (and the title) is never the last line of a page: it stays with the paragraph after it.
    keepNext: (p.role !== "body" && p.role !== "notice") || undefined,
  });
}

function emptyLine(): Paragraph {
  return paragraphOf({ role: "body", runs: [] });
}

/** Page numbers outside (GB/T 9704 7.5): odd pages at the right, even pages at the left, one character in. */
interface PageFooters {
  default: Footer;
  even: Footer;
}

function pageNumberFooter(side: "right" | "left"): Footer {
  const { font: f, size, dash, insetChars } = PAGE.pageNumber;
  const run = (children: Array<string | typeof PageNumber.CURRENT>) =>
    new TextRun({ children, font: font(f.name), size: halfPoints(size) });
  const inset = insetChars * size * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "right" ? { right: inset } : { left: inset },
        children: [run([`${dash} `]), run([PageNumber.CURRENT]), run([` ${dash}`])],
      }),
    ],
  });
}

function pageFooters(): PageFooters {
  return { default: pageNumberFooter("right"), even: pageNumberFooter("left") };
}

// ── The attached 自评表 ─────────────────────────────────────────────────────────────────────────────
const TABLE_STYLE: LevelStyle = { ...LEVEL_STYLES.body, size: PAGE.attachment.size, indent: 0, align: "center" };
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/** A row that is one text across the whole width (the table's title, its year line, notes): not a table row. */
function isBannerRow(t: AttachmentTable, r: number): boolean {
  const filled = t.rows[r].map((text, c) => ({ text, c })).filter((x) => x.text !== "");
  if (filled.length !== 1) return false;
  const c = filled[0].c;
  const width = t.rows[r].length;
  const merge = t.merges.find((m) => m.top === r + 1 && m.left === c + 1);
  return (
    c === 0 &&
    (merge
      ? merge.bottom === merge.top && merge.right >= width
      : width === 1 || t.rows[r].slice(1).every((x) => x === ""))
  );
}

/** A text no longer than this (in characters) is one word of the table: a header, a target, a figure, unbroken. */
const UNBROKEN_CHARS = 8;
/** A longer text wraps, but its column is not made narrower than this, nor wider than the cap. */
const WRAP_MIN_CHARS = 6;
const WRAP_CAP_CHARS = 16;

/**
 * Column widths from the cells' texts in characters of 五号: each column at least as wide as its longest short
 * text (全年预算数, ≥25000份 stay on one line) plus the cell margins, the rest of the page shared out by how much
 * longer text each column holds. Merged cells (and banner rows) are left to the columns they span.
 */
export function attachmentColumnWidths(t: AttachmentTable, rows: number[], widthTwips: number): number[] {
  const cols = t.rows[0]?.length ?? 0;
  const spans = new Map<string, number>();
  for (const m of t.merges) if (m.right > m.left) spans.set(`${m.top - 1}:${m.left - 1}`, m.right - m.left + 1);
  const min = new Array<number>(cols).fill(2);
  const want = new Array<number>(cols).fill(2);
  const needs = (text: string) => {
    const w = Math.max(0, ...text.split("\n").map((line) => charWidth(line.trim())));
    return { min: w <= UNBROKEN_CHARS ? w : WRAP_MIN_CHARS, want: Math.min(w, WRAP_CAP_CHARS) };
  };
  const merged: Array<{ c: number; span: number; min: number; want: number }> = [];
  for (const r of rows)
    for (let c = 0; c < cols; c++) {
      const text = t.rows[r][c];
      if (!text) continue;
      const span = Math.min(spans.get(`${r}:${c}`) ?? 1, cols - c);
      if (span > 1) {
        // A cell across (nearly) the whole table is a banner: it wraps over the width it has.
        if (span < cols - 1) merged.push({ c, span, ...needs(text) });
        continue;
      }
      const n = needs(text);
      min[c] = Math.max(min[c], n.min);
      want[c] = Math.max(want[c], n.want);
    }
  // A merged cell (偏差原因分析及改进措施 across two columns, say) widens the columns it spans by what they lack.
  for (const m of merged)
    for (const [need, of] of [
      [m.min, min],
      [m.want, want],
    ] as const) {
      const has = of.slice(m.c, m.c + m.span).reduce((a, b) => a + b, 0);
      if (has < need) for (let k = 0; k < m.span; k++) of[m.c + k] += (need - has) / m.span;
    }
  for (let c = 0; c < cols; c++) want[c] = Math.max(want[c], min[c]);
  const charTwips = PAGE.attachment.size * 20;
  // The cell margins (2 × 60 twips) and a little room for the font's own spacing.
  const pad = 120 + charTwips * 0.5;
  const base = min.map((w) => w * charTwips + pad);
  const spare = widthTwips - base.reduce((a, b) => a + b, 0);
  if (spare <= 0) return base.map((w) => Math.floor((w / (widthTwips - spare)) * widthTwips));
  const extra = want.map((w, c) => w - min[c]);
  const totalExtra = extra.reduce((a, b) => a + b, 0);
  return base.map((w, c) =>
    Math.floor(w + spare * (totalExtra > 0 ? extra[c] / totalExtra : base[c] / (widthTwips - spare))),
  );
}

/** The header row of the indicators (一级指标 二级指标 三级指标 …), and the row it ends on when it is two rows deep. */
function indicatorHeader(t: AttachmentTable, rows: number[]): { first: number; last: number } | null {
  const first = rows.find((r) => t.rows[r].some((x) => /^(?:一级指标|二级指标|三级指标)$/.test(x.replace(/\s/g, ""))));
  if (first === undefined) return null;
  let last = first;
  for (const m of t.merges)
    if (m.top - 1 === first && m.bottom > m.top && m.bottom - m.top < 3) last = Math.max(last, m.bottom - 1);
  return { first, last };
}

interface TableOptions {
  columnWidths: number[];
  widthTwips: number;
  /** Rows repeated at the top of each page the table runs onto. */
  headerRows: number;
  /** A table the next one continues: no bottom rule, the next table's top rule closes it. */
  continued: boolean;
}

function attachmentTable(t: AttachmentTable, rows: number[], options: TableOptions): Table {
  const { columnWidths, widthTwips, headerRows, continued } = options;
  const cols = t.rows[0]?.length ?? 0;
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Merges clipped to the rows shown, so a span never reaches into a banner row.
  const merges: CellRange[] = t.merges
    .filter((m) => m.bottom - 1 >= first && m.top - 1 <= last)
    .map((m) => ({
      top: Math.max(m.top - 1, first),
      bottom: Math.min(m.bottom - 1, last),
      left: m.left - 1,
      right: Math.min(m.right, cols) - 1,
    }));
  const covered = new Set<string>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);

  const tableRows = rows.map((r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < cols; c++) {
      // Cells under a vertical merge are inserted by docx itself (vMerge continue); the rest of a span is gridSpan.
      if (covered.has(`${r}:${c}`)) continue;
      const m = merges.find((x) => x.top === r && x.left === c);
      const text = t.rows[r][c];
      const long = text.length > 16;
      cells.push(
        new TableCell({
          children: text.split("\n").map(
            (line) =>
              new Paragraph({
                alignment: long ? AlignmentType.LEFT : AlignmentType.CENTER,
                children: line ? [textRun(line, TABLE_STYLE)] : [],
              }),
          ),
          columnSpan: m ? m.right - m.left + 1 : undefined,
          rowSpan: m ? m.bottom - m.top + 1 : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { top: 30, bottom: 30, left: 60, right: 60 },
        }),
      );
    }
    return new TableRow({ children: cells, cantSplit: true, tableHeader: r - first < headerRows || undefined });
  });
  return new Table({
    rows: tableRows,
    columnWidths,
    width: { size: widthTwips, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: CELL_BORDER,
      bottom: continued ? { style: BorderStyle.NONE, size: 0, color: "auto" } : CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
  });
}

function attachmentSection(t: AttachmentTable, footers: PageFooters): ISectionOptions {
  const m = PAGE.attachment.margins;
  const widthTwips = mmToTwips(PAGE.heightMm - m.left - m.right);
  let top = 0;
  while (top < t.rows.length && isBannerRow(t, top)) top++;
  let bottom = t.rows.length - 1;
  while (bottom >= top && isBannerRow(t, bottom)) bottom--;
  const banner = (r: number, role: "title" | "body") =>
    new Paragraph({
      alignment: role === "title" || r === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [textRun(t.rows[r][0], r === 0 ? { ...LEVEL_STYLES.title, size: 18 } : { ...TABLE_STYLE, size: 12 })],
      spacing: { after: 120 },
    });
  const label = new Paragraph({
    children: [textRun("附件", { ...LEVEL_STYLES.heading1, indent: 0 })],
    spacing: { after: 240 },
  });
  const body: Array<Paragraph | Table> = [label];
  for (let r = 0; r < top; r++) body.push(banner(r, r === 0 ? "title" : "body"));
  const rows = Array.from({ length: Math.max(0, bottom - top + 1) }, (_, i) => top + i);
  if (rows.length) {
    const columnWidths = attachmentColumnWidths(t, rows, widthTwips);
    const header = indicatorHeader(t, rows);
    const table = (shown: number[], headerRows: number, continued: boolean) =>
      attachmentTable(t, shown, { columnWidths, widthTwips, headerRows, continued });
    if (header && header.first > rows[0]) {
      // Two tables, so that the indicators' header is repeated on each page they run onto (Word repeats only a
      // table's first rows), joined by a paragraph too small to see: adjacent tables would merge into one.
      body.push(
        table(
          rows.filter((r) => r < header.first),
          0,
          true,
        ),
      );
      body.push(
        new Paragraph({
          spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [new TextRun({ text: "", size: 2 })],
        }),
      );
      body.push(
        table(
          rows.filter((r) => r >= header.first),
          header.last - header.first + 1,
          false,
        ),
      );
    } else body.push(table(rows, header ? header.last - header.first + 1 : 1, false));
  }
  for (let r = bottom + 1; r < t.rows.length; r++)
    body.push(
      new Paragraph({ children: [textRun(t.rows[r][0], { ...TABLE_STYLE, align: "left" })], spacing: { before: 120 } }),
    );
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { ...PAGE_SIZE, orientation: PageOrientation.LANDSCAPE },
        margin: {
          top: mmToTwips(m.top),
          bottom: mmToTwips(m.bottom),
          left: mmToTwips(m.left),
          right: mmToTwips(m.right),
          footer: mmToTwips(10),
        },
      },
    },
    footers,
    children: body,
  };
}

// ── Fonts ──────────────────────────────────────────────────────────────────────────────────────────
/**
 * word/fontTable.xml naming each font with its fallback as w:altName, which Word uses when the font is not
 * installed. The docx package writes this part only for embedded fonts, so it is given as an override.
 */
export function fontTableXml(): string {
  const fonts = [FONTS.title, FONTS.heiti, FONTS.kaiti, FONTS.fangsong, FONTS.songti];
  const entry = (name: string, alt: string, pitch: string) =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="${pitch}"/></w:font>`;
  const entries = new Map<string, string>();
  for (const f of fonts) entries.set(f.name, entry(f.name, f.fallback, f === FONTS.title ? "variable" : "fixed"));
  // The fallbacks themselves, with their English names, so that whichever is installed resolves.
  for (const f of fonts)
    if (!entries.has(f.fallback) && f.fallback !== f.latin)
      entries.set(f.fallback, entry(f.fallback, f.latin, "fixed"));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${[...entries.values()].join("")}</w:fonts>`
  );
}

// ── The title ──────────────────────────────────────────────────────────────────────────────────────
/** Where a title line may break: after a place or an office, before the words of the report's name. */
const BREAK_AFTER = /(?:年度|自治区|开发区|新区|街道|局|委员会|办公室|政府|厅|院|中心|站|所|队|项目)$/;
const BREAK_AFTER_PLACE = /(?:省|市|州|盟|区|县|旗|镇|乡)$/;
const BREAK_BEFORE = /^(?:部门整体|项目支出|支出绩效|绩效自评|自评报告)/;
/** The shortest last line: never one short word like 报告 alone. */
const MIN_LAST_CHARS = 4;

/** The width of a text in characters of its size: CJK full, ASCII half. */
function charWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return w;
}

interface TitlePiece {
  text: string;
  run: ReportRun;
}

/** Breaks one title line into lines of at most `capacity` characters at a word boundary, never orphaning a word. */
function breakTitleLine(pieces: TitlePiece[], capacity: number): TitlePiece[][] {
  const text = pieces.map((p) => p.text).join("");
  if (charWidth(text) <= capacity) return [pieces];
  // Offsets where a break may fall, with how good a break each is (lower is better): between runs, or inside a
  // text run (a placeholder stays whole) after an office or before the report's name, less well after a place
  // (市 may begin 市场), and anywhere else only when nothing else fits.
  const offsets: Array<{ at: number; cost: number }> = [];
  let at = 0;
  for (const p of pieces) {
    if (at > 0) offsets.push({ at, cost: 0 });
    if (p.run.kind !== "placeholder")
      for (let i = 1; i < p.text.length; i++) {
        const before = text.slice(0, at + i);
        const after = text.slice(at + i);
        const cost =
          BREAK_AFTER.test(before) || BREAK_BEFORE.test(after) ? 0 : BREAK_AFTER_PLACE.test(before) ? 3 : 100;
        offsets.push({ at: at + i, cost });
      }
    at += p.text.length;
  }
  const fits = (o: number) =>
    charWidth(text.slice(0, o)) <= capacity && charWidth(text.slice(o)) >= MIN_LAST_CHARS && o >= MIN_LAST_CHARS;
  const score = ({ at: o, cost }: { at: number; cost: number }) =>
    cost + Math.abs(charWidth(text.slice(0, o)) - charWidth(text.slice(o)));
  const best = offsets.filter((o) => fits(o.at)).sort((a, b) => score(a) - score(b))[0];
  // Nothing fits (a placeholder wider than the line): the middle.
  const cut = best?.at ?? Math.ceil(text.length / 2);
  const [head, tail] = splitPieces(pieces, cut);
  return [head, ...breakTitleLine(tail, capacity)];
}

function splitPieces(pieces: TitlePiece[], offset: number): [TitlePiece[], TitlePiece[]] {
  const head: TitlePiece[] = [];
  const tail: TitlePiece[] = [];
  let at = 0;
  for (const p of pieces) {
    const end = at + p.text.length;
    if (end <= offset) head.push(p);
    else if (at >= offset) tail.push(p);
    else {
      head.push({ text: p.text.slice(0, offset - at), run: p.run });
      tail.push({ text: p.text.slice(offset - at), run: p.run });
    }
    at = end;
  }
  return [head, tail];
}

/**
 * The title as laid out: the year once (a project named "2023年…" under "2023年度…" loses its year), and each line
 * that does not fit the 二号 line broken at a word boundary, its last line never one short word.
 */
export function titleLines(model: ReportModel): ReportParagraph[] {
  const style = LEVEL_STYLES.title;
  const capacity = Math.floor(TEXT_WIDTH_TWIPS / 20 / advance(style.size));
  const text = (p: ReportParagraph) => p.runs.map((r) => r.text).join("");
  const yearOf = (t: string) => /(?:19|20)\d{2}(?=年)/.exec(t)?.[0];
  let year: string | undefined;
  const lines: ReportParagraph[] = [];
  for (const p of model.title) {
    let pieces: TitlePiece[] = p.runs.map((run) => ({ text: run.text, run }));
    const own = yearOf(text(p));
    if (year && own === year) {
      const repeated = new RegExp(`^${year}年度?`).exec(text(p));
      if (repeated) pieces = splitPieces(pieces, repeated[0].length)[1];
    }
    year ??= own;
    for (const line of breakTitleLine(pieces, capacity))
      lines.push({ ...p, runs: line.filter((x) => x.text).map((x) => ({ ...x.run, text: x.text })) });
  }
  return lines;
}

// ── The document ───────────────────────────────────────────────────────────────────────────────────
export function reportDocument(model: ReportModel): Document {
  const footers = pageFooters();
  const m = PAGE.margins;
  const children: Paragraph[] = [];
  const title = titleLines(model);
  const paragraphs = [...title, ...reportParagraphs(model).filter((p) => p.role !== "title")];
  paragraphs.forEach((p, i) => {
    children.push(paragraphOf(p));
    if (p.role === "title" && paragraphs[i + 1]?.role !== "title") children.push(emptyLine());
  });
  const bodySize = LEVEL_STYLES.body.size;
  const sections: ISectionOptions[] = [
    {
      properties: {
        page: {
          size: { ...PAGE_SIZE, orientation: PageOrientation.PORTRAIT },
          margin: {
            top: mmToTwips(m.top),
            bottom: mmToTwips(m.bottom),
            left: mmToTwips(m.left),
            right: mmToTwips(m.right),
            footer: mmToTwips(FOOTER_MM),
          },
        },
        grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitch },
      },
      footers,
      children,
    },
  ];
  if (model.attachment) sections.push(attachmentSection(model.attachment, footers));
  const bodyRun = { font: font(FONTS.fangsong.name), size: halfPoints(bodySize) };
  return new Document({
    creator: "Ziping 绩效自评助手",
    title: title.map((p) => p.runs.map((r) => r.text).join("")).join(""),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: bodyRun } },
      paragraphStyles: [{ id: "Normal", name: "Normal", quickFormat: true, run: bodyRun }],
    },
    sections,
  });
}

/** The .docx file's bytes. */
export async function renderDocx(model: ReportModel): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(reportDocument(model), false, [
    { path: "word/fontTable.xml", data: fontTableXml() },
  ]);
  return new Uint8Array(buffer);
}
