/**
 * The pane's layout: one column that wraps everything (long Chinese indicator names, unbroken arithmetic,
 * cell references) so a 320 px pane never scrolls sideways.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    overflowX: "hidden",
    overflowWrap: "anywhere",
    wordBreak: "break-word",
    fontFamily: tokens.fontFamilyBase,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", minWidth: 0 },
  wide: { width: "100%", maxWidth: "100%" },
  section: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  summary: {
    display: "grid",
    // Three columns at any width: 执行率 总分 等级 on the first row, the counts under them.
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: "8px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  stat: { display: "flex", flexDirection: "column", minWidth: 0 },
  statLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // keep-all: "优（暂定）" breaks before its bracket, if at all, never inside 暂定.
  statValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, wordBreak: "keep-all" },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  /** The findings' filter: the search box, the severity toggles and how many are shown. */
  filter: { display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  /** One part of the table under a severity (预算执行, 产出指标 …), folding away under its title. */
  block: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  blockTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  /** What to do when there is nothing to show yet: before the first check, or no 自评表 found. */
  empty: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  emptyText: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px",
    minWidth: 0,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorPaletteBlueBorderActive}` },
  findingFoot: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: "8px",
    minWidth: 0,
  },
  // Break only at the spaces around "·" (the no-break space binds "应为 0.38"); a sheet name too long for
  // the line still wraps anywhere, through the root's overflowWrap.
  where: { minWidth: 0, flexGrow: 1, flexBasis: "12em", wordBreak: "keep-all" },
  /** 定位 as wide as its word: Fluent's 64 px minimum would push the cell reference onto a second line at 320 px. */
  locate: { minWidth: "auto", flexShrink: 0 },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  change: { display: "flex", flexWrap: "wrap", gap: "4px", fontSize: tokens.fontSizeBase200 },
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke1}`,
  },
  previewList: { maxHeight: "40vh", overflowY: "auto", overflowX: "hidden" },
  report: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    minWidth: 0,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  /** A plain link in Fluent's colours (Fluent's Link component would add to the first load for one anchor). */
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
  },
  /** 识别结果's heading is its toggle: the whole line, text left, wrapping at 320 px. */
  readingToggle: {
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    justifyContent: "flex-start",
    flexWrap: "wrap",
    columnGap: "6px",
    textAlign: "left",
    paddingLeft: "4px",
    paddingRight: "4px",
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  readingSummary: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
  },
  readingBody: {
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "8px",
    minWidth: 0,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  readingBlockTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  readingRoleName: { minWidth: 0 },
  readingCorrection: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
  plainList: { margin: 0, paddingLeft: "1.2em", display: "flex", flexDirection: "column", gap: "2px" },
  notInExcel: { padding: "16px", display: "flex", flexDirection: "column", gap: "8px" },
});
