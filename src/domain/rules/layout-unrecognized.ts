/**
 * layout-unrecognized: No 自评表 could be read: raised by the reader (../index.ts) with the label it looked for.
 */
import { q, type Rule } from "./rule";

export const layoutUnrecognized: Rule = {
  id: "layout-unrecognized",
  severity: "error",
  title: { "zh-CN": "未识别的表格版式", "en-US": "Layout not recognised" },
  message: (p) => ({
    "zh-CN": `未能识别绩效自评表：缺少“${q(p.label)}”${p.detail ? `（${p.detail}）` : ""}`,
    "en-US": `Self-evaluation table not recognised: the label "${q(p.label)}" was expected${p.detail ? ` (${p.detail})` : ""}`,
  }),
};
