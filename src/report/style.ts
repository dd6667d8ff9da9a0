/**
 * The 公文 format of the report (GB/T 9704-2012 as practised, DOMAIN §5): fonts, sizes and indents of each
 * paragraph level, and the page. One table for both renderers, so the sheet and the .docx cannot drift apart.
 */
import type { ParagraphRole } from "./model";

export interface LevelStyle {
  /** The font the format names, as Word knows it. */
  font: string;
  /** The font to use where it is not installed (offices often lack the GB2312 fonts). */
  fallbackFont: string;
  /** Size in points: 二号 = 22, 三号 = 16. */
  size: number;
  bold: boolean;
  align: "left" | "center" | "justify";
  /** First-line indent in characters. */
  indent: number;
}

export const FONTS = {
  title: { name: "方正小标宋简体", fallback: "宋体", latin: "SimSun" },
  heiti: { name: "黑体", fallback: "SimHei", latin: "SimHei" },
  kaiti: { name: "楷体_GB2312", fallback: "楷体", latin: "KaiTi" },
  fangsong: { name: "仿宋_GB2312", fallback: "仿宋", latin: "FangSong" },
  songti: { name: "宋体", fallback: "SimSun", latin: "SimSun" },
} as const;

const body = (bold = false): LevelStyle => ({
  font: FONTS.fangsong.name,
  fallbackFont: FONTS.fangsong.fallback,
  size: 16,
  bold,
  align: "justify",
  indent: 2,
});

/** Bold on the 楷体 and 1. levels is local practice (DOMAIN §5): off here. */
export const LEVEL_STYLES: Record<ParagraphRole, LevelStyle> = {
  title: {
    font: FONTS.title.name,
    fallbackFont: FONTS.title.fallback,
    size: 22,
    bold: false,
    align: "center",
    indent: 0,
  },
  notice: body(true),
  heading1: {
    font: FONTS.heiti.name,
    fallbackFont: FONTS.heiti.fallback,
    size: 16,
    bold: false,
    align: "justify",
    indent: 2,
  },
  heading2: {
    font: FONTS.kaiti.name,
    fallbackFont: FONTS.kaiti.fallback,
    size: 16,
    bold: false,
    align: "justify",
    indent: 2,
  },
  heading3: body(),
  body: body(),
};

/** The page of a 公文: A4, margins in millimetres, fixed line spacing, page numbers "— 1 —" in 四号 宋体. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  /** 22 lines on the 225 mm text height. */
  lineSpacingPt: 28.95,
  /** The document grid of GB/T 9704 (5.2.2): 28 characters a line, 22 lines a page, of the body's 三号. */
  grid: { charsPerLine: 28, linesPerPage: 22 },
  /** GB/T 9704 7.5: 4号半角宋体, odd pages right and even pages left, one character in from the edge. */
  pageNumber: { font: FONTS.songti, size: 14, dash: "—", insetChars: 1 },
  /** The attached 自评表: a landscape page, 仿宋 五号. */
  attachment: { size: 10.5, margins: { top: 25, bottom: 25, left: 28, right: 26 } },
} as const;

/** The first-line indent of a cell: full-width spaces, which survive copying into Word. */
export const FULL_WIDTH_SPACE = "\u3000";
