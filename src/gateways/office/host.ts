/**
 * The one module that reads Office.context: whether we run inside Excel, which language Office shows,
 * which platform it runs on, which requirement sets the host supports, and opening the default browser.
 * Everything else asks here.
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

/** Where Excel runs, from Office.context.platform: the pane's web view differs on each (downloads, above all). */
export type HostPlatform = "web" | "windows" | "mac" | "ios" | "android" | "other";

const PLATFORMS: Record<string, HostPlatform> = {
  OfficeOnline: "web",
  PC: "windows",
  Mac: "mac",
  iOS: "ios",
  Android: "android",
};

export function hostPlatform(): HostPlatform {
  const platform = officeGlobal()?.context?.platform;
  return PLATFORMS[String(platform)] ?? "other";
}

/**
 * Opens an http(s) address in the default browser (OpenBrowserWindowApi 1.1: Excel for Windows and Mac, not
 * the web). False when the host cannot.
 */
export function openInBrowser(url: string): boolean {
  const office = officeGlobal();
  try {
    if (!office?.context?.requirements?.isSetSupported("OpenBrowserWindowApi", "1.1")) return false;
    office.context.ui.openBrowserWindow(url);
    return true;
  } catch {
    return false;
  }
}
