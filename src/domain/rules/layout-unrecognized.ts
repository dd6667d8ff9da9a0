/**
 * layout-unrecognized: No 自评表 could be read: raised by the reader (../index.ts) with the label it looked for.
 */
import { q, type Rule } from "./rule";

export const layoutUnrecognized: Rule = {
  id: "layout-unrecognized",
  severity: "error",
  title: { "zh-CN": "未识别的表格版式", "en-US": "Layout not recognised" },
  // label: the header looked for, or the sheet asked for (what "no-such-sheet"); what: why no table was read at all
  // ("no-sheets", "no-header", "no-such-sheet"), absent when a table lacks one column.
  message: (p) => {
    const why: Record<string, { "zh-CN": string; "en-US": string }> = {
      "no-sheets": { "zh-CN": "工作簿中没有工作表", "en-US": "the workbook has no sheets" },
      "no-header": {
        "zh-CN": "各工作表均不含绩效自评表的表头",
        "en-US": "no sheet holds the header of a self-evaluation table",
      },
    };
    if (p.what === "no-such-sheet")
      return {
        "zh-CN": `未能识别绩效自评表：工作簿中没有名为“${q(p.label)}”的工作表`,
        "en-US": `Self-evaluation table not recognised: the workbook has no sheet named "${q(p.label)}"`,
      };
    const d = p.what ? why[p.what] : undefined;
    return {
      "zh-CN": `未能识别绩效自评表：缺少“${q(p.label)}”${d ? `（${d["zh-CN"]}）` : ""}`,
      "en-US": `Self-evaluation table not recognised: the label "${q(p.label)}" was expected${d ? ` (${d["en-US"]})` : ""}`,
    };
  },
};
