/**
 * The 报告素材 sheet: the text a 自评报告 needs that no 自评表 holds (职责, 机构, 年度工作, 成效), written by the
 * officer in two columns 项目 | 内容. This module names the items, describes the blank sheet, and reads it back.
 * Pure: it reads grids, whichever host made them.
 */
import { type Grid } from "../domain/grid";
import type { CellSheetPlan } from "../domain/types";
import { cellText, normalizeLabel, normalizeText } from "../domain/parse";

export type ReportKind = "department" | "project";

export type MaterialItemId =
  | "year"
  | "unit"
  | "project"
  | "duties"
  | "organisation"
  | "work"
  | "overview"
  | "implementation"
  | "finance"
  | "management"
  | "conclusion"
  | "results"
  | "problems"
  | "measures";

export interface MaterialItem {
  id: MaterialItemId;
  /** The name written in column A of the 报告素材 sheet. */
  label: string;
  /** Other names an officer may have typed for it (matched after normalizeLabel). */
  aliases: readonly string[];
  /** Report kinds the item belongs to. */
  kinds: readonly ReportKind[];
  /** Required items stay a 【待填写：…】 placeholder in the draft until written. */
  required: boolean;
  /** What to write, shown in the template's third column. */
  hint: string;
}

export const MATERIAL_SHEET = "报告素材";

const BOTH: readonly ReportKind[] = ["department", "project"];

/** In the order the report uses them. */
export const MATERIAL_ITEMS: readonly MaterialItem[] = [
  {
    id: "year",
    label: "年度",
    aliases: ["报告年度", "评价年度"],
    kinds: BOTH,
    required: false,
    hint: "如 2023；自评表已写明年度时以自评表为准",
  },
  {
    id: "unit",
    label: "单位名称",
    aliases: ["部门名称", "单位", "部门"],
    kinds: BOTH,
    required: false,
    hint: "自评表已写明单位时以自评表为准",
  },
  {
    id: "project",
    label: "项目名称",
    aliases: [],
    kinds: ["project"],
    required: false,
    hint: "自评表已写明项目名称时以自评表为准",
  },
  {
    id: "duties",
    label: "部门主要职责",
    aliases: ["主要职责", "职责", "部门职责"],
    kinds: ["department"],
    required: true,
    hint: "按“三定”方案列出主要职责；可分多行，每行一段",
  },
  {
    id: "organisation",
    label: "部门机构设置",
    aliases: ["机构设置", "内设机构", "机构"],
    kinds: ["department"],
    required: true,
    hint: "内设机构、下属单位的数量和名称",
  },
  {
    id: "work",
    label: "年度总体工作和重点工作任务",
    aliases: ["年度总体工作", "重点工作任务", "年度工作", "总体工作"],
    kinds: ["department"],
    required: true,
    hint: "本年度总体工作思路和重点工作任务",
  },
  {
    id: "overview",
    label: "项目概况",
    aliases: ["项目基本情况", "项目情况"],
    kinds: ["project"],
    required: true,
    hint: "立项依据、项目主要内容、实施单位",
  },
  {
    id: "implementation",
    label: "项目组织实施情况",
    aliases: ["组织实施情况", "项目实施情况", "实施情况"],
    kinds: ["project"],
    required: true,
    hint: "项目组织管理、招投标、资金拨付和过程管理情况",
  },
  {
    id: "finance",
    label: "收支情况说明",
    aliases: ["部门整体收支情况", "项目资金收支情况", "收支情况"],
    kinds: BOTH,
    required: false,
    hint: "写在预算执行数字之前的说明；数字由自评表生成，无须在此填写",
  },
  {
    id: "management",
    label: "部门整体绩效管理情况",
    aliases: ["绩效管理情况", "整体绩效管理情况"],
    kinds: ["department"],
    required: true,
    hint: "开展项目绩效自评和重点评价的范围、个数和涉及资金",
  },
  {
    id: "conclusion",
    label: "自评结论综述",
    aliases: ["自评结论", "结论综述"],
    kinds: BOTH,
    required: false,
    hint: "写在自评分数之前的总体评价",
  },
  {
    id: "results",
    label: "主要工作成效",
    aliases: ["工作成效", "主要成效", "成效"],
    kinds: BOTH,
    required: true,
    hint: "取得的主要成效",
  },
  {
    id: "problems",
    label: "存在的主要问题",
    aliases: ["主要问题", "存在问题", "问题"],
    kinds: BOTH,
    required: false,
    hint: "自评表未反映的问题（未达标指标及其原因由自评表生成）",
  },
  {
    id: "measures",
    label: "下一步改进措施",
    aliases: ["改进措施", "整改措施"],
    kinds: BOTH,
    required: false,
    hint: "自评表未写明的改进措施",
  },
];

export function materialItem(id: MaterialItemId): MaterialItem {
  return MATERIAL_ITEMS.find((i) => i.id === id)!;
}

export interface MaterialTemplate {
  /** The sheet's name: "报告素材". */
  name: string;
  /** Row 1: 项目 | 内容 | 填写说明. Only the first two columns are read back. */
  header: [string, string, string];
  /** One row an item: its name in column A, column B left blank for the officer, the hint in column C. */
  rows: Array<{ item: string; hint: string; required: boolean }>;
}

/** The blank 报告素材 sheet for a report kind, for the pane and the command line to create. */
export function reportMaterialTemplate(kind: ReportKind = "department"): MaterialTemplate {
  return {
    name: MATERIAL_SHEET,
    header: ["项目", "内容", "填写说明"],
    rows: MATERIAL_ITEMS.filter((i) => i.kinds.includes(kind)).map((i) => ({
      item: i.label,
      hint: `${i.required ? "必填" : "选填"}：${i.hint}`,
      required: i.required,
    })),
  };
}

/** Column widths of the 报告素材 sheet in characters: 项目, 内容 (where the officer writes), 填写说明. */
const MATERIAL_WIDTHS = [28, 80, 50];
const HINT_COLOUR = "#808080";

/**
 * The blank 报告素材 sheet as a sheet plan, for both hosts: the header row bold and frozen, each item in column A
 * (bold when required), column B left blank, the hint in grey in column C, the cursor on B2. It is the officer's
 * once added: never replaced, left by 撤销写入, and not written at all when the workbook already has one.
 */
export function materialSheetPlan(kind: ReportKind = "department"): CellSheetPlan {
  const template = reportMaterialTemplate(kind);
  const last = template.rows.length + 1;
  return {
    name: template.name,
    owner: "officer",
    whenTaken: "skip",
    rows: [[...template.header], ...template.rows.map((r) => [r.item, "", r.hint])],
    columnWidths: [...MATERIAL_WIDTHS],
    formats: [
      { range: "A1:C1", bold: true },
      ...(last > 1
        ? [
            { range: `A2:C${last}`, wrap: true, vertical: "top" as const },
            { range: `C2:C${last}`, fontColor: HINT_COLOUR },
          ]
        : []),
      ...template.rows.flatMap((r, i) => (r.required ? [{ range: `A${i + 2}`, bold: true }] : [])),
    ],
    freezeRows: 1,
    select: "B2",
  };
}

export interface MaterialEntry {
  /** One string a paragraph (a cell's lines, then continuation rows). */
  paragraphs: string[];
  /** Where it was read, "报告素材!B3". */
  source: string;
}

export type ReportMaterial = ReadonlyMap<MaterialItemId, MaterialEntry>;

/** True for the 报告素材 sheet's name, compared after normalising spaces and full-width forms. */
export function isMaterialSheetName(name: string): boolean {
  return normalizeLabel(name) === MATERIAL_SHEET;
}

export function findMaterialSheet(sheets: readonly Grid[]): Grid | undefined {
  return sheets.find((s) => isMaterialSheetName(s.name));
}

function itemFor(label: string): MaterialItem | undefined {
  // "1.部门主要职责", "一、主要职责": numbering the officer added is not part of the name.
  const l = normalizeLabel(label).replace(/^(?:\d+[.、]|[一二三四五六七八九十]+、)/, "");
  if (!l) return undefined;
  return MATERIAL_ITEMS.find((i) => i.label === l || i.aliases.includes(l));
}

/** Text left over from a draft or a template: nothing written yet. */
function isUnwritten(text: string): boolean {
  const t = normalizeText(text);
  return t === "" || /^【待填写[:：]?[^】]*】$/.test(t) || /^(必填|选填)[:：]/.test(t);
}

/**
 * Reads the 报告素材 sheet: column A names an item, column B holds its text (line breaks start new paragraphs);
 * a row with column A blank continues the item above. Unknown names and a header row are skipped.
 */
export function readReportMaterial(sheets: readonly Grid[]): ReportMaterial {
  const out = new Map<MaterialItemId, MaterialEntry>();
  const grid = findMaterialSheet(sheets);
  if (!grid) return out;
  let current: MaterialItem | undefined;
  for (let r = 1; r <= grid.rowCount; r++) {
    const name = cellText(grid.cell(r, 1)?.value).trim();
    const content = cellText(grid.cell(r, 2)?.value);
    if (name) current = itemFor(name);
    if (!current || isUnwritten(content)) continue;
    const paragraphs = content
      .split(/\r?\n/)
      .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
      .filter((line) => line !== "");
    if (paragraphs.length === 0) continue;
    const entry = out.get(current.id);
    if (entry) entry.paragraphs.push(...paragraphs);
    else out.set(current.id, { paragraphs, source: `${grid.name}!B${r}` });
  }
  return out;
}
