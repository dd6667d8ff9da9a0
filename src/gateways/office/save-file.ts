/**
 * Handing a file made in the pane (the 自评报告 .docx) to the officer. The pane's web view decides what works:
 * - Excel on the web and for Windows (Edge WebView2): an anchor with `download` on a blob: URL starts the
 *   browser's download; the same link stays in the pane for a second try, until the next file.
 * - Excel for Mac and iPad (WKWebView) ignore downloads, silently (WebKit bug 174076, office-js#2700). There
 *   the default browser opens the add-in's own save page (save.html) through Office.context.ui.openBrowserWindow,
 *   which takes only http(s) addresses, so the file travels in the address's fragment: the part a browser never
 *   sends to a server. The page decodes it, offers the download and removes the fragment from its history.
 */
/* global Blob, URL, URLSearchParams, btoa, document */
import { hostPlatform, openInBrowser } from "./host";
import type { SavedFile } from "./types";

/** The save page, beside taskpane.html in the build. */
export const SAVE_PAGE = "save.html";
/** Longest fragment handed to the browser: Chromium takes 2 MB addresses; a 自评报告 is some tens of KB. */
export const MAX_FRAGMENT = 1_500_000;

let lastUrl: string | null = null;

/** Base64url (RFC 4648 §5: "-" and "_", no padding), which survives URLSearchParams unchanged. */
export function base64url(bytes: Uint8Array): string {
  let binary = "";
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP) binary += String.fromCharCode(...bytes.subarray(i, i + STEP));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The save page's address with the file in its fragment, or null when the file is too large for an address. */
export function savePageUrl(base: string, name: string, type: string, bytes: Uint8Array): string | null {
  if (Math.ceil(bytes.length / 3) * 4 > MAX_FRAGMENT) return null;
  const fragment = new URLSearchParams({ name, type, data: base64url(bytes) }).toString();
  if (fragment.length > MAX_FRAGMENT) return null;
  return `${new URL(SAVE_PAGE, base).href}#${fragment}`;
}

/** Clicks a hidden anchor with `download`: the way a page starts a download of a file it made. */
function clickDownload(href: string, name: string): void {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Gives the officer `file` under `name`, the way this host allows (see the module's comment). */
export async function saveFile(file: Blob, name: string): Promise<SavedFile> {
  const platform = hostPlatform();
  if (platform === "mac" || platform === "ios") {
    const url = savePageUrl(document.baseURI, name, file.type, new Uint8Array(await file.arrayBuffer()));
    if (url && openInBrowser(url)) return { via: "browser", href: null, name };
    return { via: "none", href: null, name };
  }
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(file);
  clickDownload(lastUrl, name);
  return { via: "download", href: lastUrl, name };
}
