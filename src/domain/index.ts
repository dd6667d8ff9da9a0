/**
 * The engine's entry point: pick the 自评表 among a workbook's sheets, read it, validate, score and plan the write-back.
 * (Stub during the foundation commit; the real pipeline lands with the layout and rule modules.)
 */
import type { Grid } from "./grid";
import type { CheckResult, ProfileId } from "./types";

export interface CheckOptions {
  /** A profile id, or "auto" (the default): the profile the detected layout implies. */
  profile?: ProfileId | "auto";
  /** Read this sheet instead of searching for the 自评表. */
  sheet?: string;
}

export function checkWorkbook(sheets: readonly Grid[], options: CheckOptions = {}): CheckResult {
  const first = sheets[0]?.name ?? "";
  return {
    profile: options.profile && options.profile !== "auto" ? options.profile : "central-2020",
    budget: { planned: null, executed: null, rate: null, score: null },
    total: { computed: null, reported: null, grade: null },
    findings: [
      {
        rule: "layout-unrecognized",
        severity: "error",
        sheet: first,
        cell: "A1",
        message: { "zh-CN": "未找到绩效自评表", "en-US": "No self-evaluation table found" },
      },
    ],
    figures: [],
    plan: { values: [], marks: [], findingsSheet: { name: "校验结果", header: [], rows: [] } },
  };
}

export * from "./grid";
export * from "./types";
