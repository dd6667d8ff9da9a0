/**
 * Refusals the office gateway reports to the officer (a protected sheet, nothing to undo, a sheet that
 * vanished). They carry both languages; the pane shows the one it speaks. Bugs stay plain Errors.
 */
import type { Localized } from "../../domain/types";

export type GatewayErrorCode =
  "sheet-protected" | "sheet-missing" | "read-too-large" | "selection-invalid" | "merged-cell";

export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly localized: Localized,
  ) {
    super(localized["en-US"]);
    this.name = "GatewayError";
  }
}

export function sheetProtectedError(sheets: readonly string[]): GatewayError {
  const list = sheets.join("、");
  const en = sheets.join(", ");
  return new GatewayError("sheet-protected", {
    "zh-CN": `工作表“${list}”受保护，未写入任何内容。请先在“审阅 > 撤销工作表保护”中取消保护（如有密码请向表格提供方索取），再重试。`,
    "en-US": `The sheet "${en}" is protected, so nothing was written. Unprotect it first (Review > Unprotect Sheet; ask the table's owner for the password if there is one), then try again.`,
  });
}

export function sheetMissingError(sheet: string): GatewayError {
  return new GatewayError("sheet-missing", {
    "zh-CN": `找不到工作表“${sheet}”，它可能已被重命名或删除。请重新校验。`,
    "en-US": `The sheet "${sheet}" was not found; it may have been renamed or deleted. Run the check again.`,
  });
}

export function readTooLargeError(sheet: string): GatewayError {
  return new GatewayError("read-too-large", {
    "zh-CN": `工作表“${sheet}”的已用区域过大，Excel 无法一次读出。请删除表格以外远处的多余内容后重试。`,
    "en-US": `The used area of "${sheet}" is too large for Excel to return in one read. Delete stray content far outside the table, then try again.`,
  });
}

/** Excel has no cell range selected (a chart, a shape or several ranges at once). */
export function selectionInvalidError(): GatewayError {
  return new GatewayError("selection-invalid", {
    "zh-CN": "请先在 Excel 中选中自评表的单元格（一个连续区域，而不是图表、图形或多个区域），再重试。",
    "en-US":
      "Select cells of the table in Excel first (one block of cells, not a chart, a shape or several blocks), then try again.",
  });
}

/**
 * Excel refused a write into part of a merged area (InvalidArgument or InvalidOperation, "We can't do that to
 * a merged cell" / "无法对合并单元格执行此操作"). Below ExcelApi 1.13 the add-in cannot see merges before writing.
 */
export function isMergedCellRefusal(error: unknown): boolean {
  const e = error as { code?: string; message?: string; debugInfo?: { message?: string } } | null;
  if (e?.code !== "InvalidArgument" && e?.code !== "InvalidOperation") return false;
  return /merged (cell|area)|合并单元格|合并区域/i.test(`${e.message ?? ""} ${e.debugInfo?.message ?? ""}`);
}

/** The cell Excel named in a refusal ('Sheet'!H13 from the failing step, else the first A1 address), if any. */
function refusedCell(error: unknown): string | null {
  const e = error as { message?: string; debugInfo?: { errorLocation?: string } };
  const at = /!\$?([A-Z]{1,3})\$?(\d+)\b/.exec(e.debugInfo?.errorLocation ?? "");
  if (at) return at[1] + at[2];
  return /\b([A-Z]{1,3}\d+)\b/.exec(e.message ?? "")?.[1] ?? null;
}

/** A write Excel stopped at a merged cell: what happened, that it can be undone, and what to do. */
export function mergedCellError(error: unknown): GatewayError {
  const cell = refusedCell(error);
  return new GatewayError("merged-cell", {
    "zh-CN": `Excel 拒绝写入${cell ? `单元格 ${cell}` : "某个单元格"}：它属于合并单元格的一部分，只能写入合并区域左上角的单元格。写入已在此中止，已写入的内容可用“撤销写入”恢复。请核对表格中的合并区域后重新校验。`,
    "en-US": `Excel refused to write to ${cell ?? "a cell"}: it is part of a merged cell, and only the top-left cell of a merged area can be written. The write stopped there; whatever was written can be undone with "Undo write". Check the table's merged areas, then check the table again.`,
  });
}
