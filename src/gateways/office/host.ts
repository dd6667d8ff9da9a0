/**
 * The one module that reads Office.context: whether we run inside Excel, which language Office shows,
 * and which ExcelApi requirement sets the host supports. Everything else asks here.
 */
/* global Excel, Office */
import type { Lang } from "../../domain/types";

export interface HostInfo {
  /** True only inside Excel with the Excel JavaScript API loaded. */
  inExcel: boolean;
  lang: Lang;
}

/** zh-CN unless Office's display language is English. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === "string" && displayLanguage.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/**
 * Waits for Office.onReady. Outside Office it resolves with host null (and `Excel` stays undefined);
 * when office.js itself failed to load there is no `Office` at all. Both mean "not in Excel".
 */
export async function detectHost(): Promise<HostInfo> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") return { inExcel: false, lang: "zh-CN" };
  const info = await office.onReady();
  const lang = langFromDisplayLanguage(office.context?.displayLanguage);
  const inExcel = String(info?.host) === "Excel" && typeof Excel !== "undefined";
  return { inExcel, lang };
}

/** Feature detection for ExcelApi requirement sets ("1.13" for merged areas, "1.18" for notes). */
export function supportsExcelApi(version: string): boolean {
  const office = officeGlobal();
  try {
    return Boolean(office?.context?.requirements?.isSetSupported("ExcelApi", version));
  } catch {
    return false;
  }
}
