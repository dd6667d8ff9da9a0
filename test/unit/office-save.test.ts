/** @jest-environment jsdom */
/**
 * Handing the .docx to the officer: an anchor download where the web view allows it (Excel on the web, Windows),
 * the browser's save page with the file in the address's fragment where it does not (Excel for Mac).
 */
import { hostPlatform, openInBrowser } from "../../src/gateways/office/host";
import { base64url, MAX_FRAGMENT, saveFile, savePageUrl } from "../../src/gateways/office/save-file";

const TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const NAME = "2023广州市南沙区人民政府办公室自评报告.docx";

interface FakeOffice {
  platform: string;
  browserWindow: boolean;
  opened: string[];
}

function installOffice(platform: string, browserWindow: boolean): FakeOffice {
  const fake: FakeOffice = { platform, browserWindow, opened: [] };
  (globalThis as Record<string, unknown>).Office = {
    context: {
      platform,
      requirements: {
        isSetSupported: (name: string) => (name === "OpenBrowserWindowApi" ? fake.browserWindow : name === "ExcelApi"),
      },
      ui: { openBrowserWindow: (url: string) => fake.opened.push(url) },
    },
  };
  return fake;
}

function decode(data: string): Uint8Array {
  const b64 = data.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(b64 + "===".slice((b64.length + 3) % 4)), (c) => c.charCodeAt(0));
}

let clicks: HTMLAnchorElement[];
let created: number;
let revoked: string[];

beforeEach(() => {
  clicks = [];
  created = 0;
  revoked = [];
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this);
  });
  URL.createObjectURL = jest.fn(() => `blob:http://localhost/${++created}`);
  URL.revokeObjectURL = jest.fn((u: string) => void revoked.push(u));
});

afterEach(() => {
  jest.restoreAllMocks();
  delete (globalThis as Record<string, unknown>).Office;
});

const file = (bytes: number[] = [0x50, 0x4b, 3, 4, 0xff, 0xfe, 0xfb]) => {
  const blob = new Blob([new Uint8Array(bytes)], { type: TYPE });
  // jsdom's Blob has no arrayBuffer(); browsers do.
  Object.defineProperty(blob, "arrayBuffer", { value: async () => new Uint8Array(bytes).buffer });
  return blob;
};

describe("saveFile", () => {
  it("downloads through an anchor on Excel on the web and for Windows, and keeps the link for a second try", async () => {
    for (const platform of ["OfficeOnline", "PC"]) {
      installOffice(platform, true);
      const saved = await saveFile(file(), NAME);
      expect(saved.via).toBe("download");
      expect(saved.name).toBe(NAME);
      const a = clicks[clicks.length - 1];
      expect(a.download).toBe(NAME);
      expect(a.getAttribute("href")).toBe(saved.href);
      expect(a.isConnected).toBe(false); // clicked, then removed
    }
    // The second file's link replaces the first, whose blob is let go.
    expect(revoked).toEqual(["blob:http://localhost/1"]);
  });

  it("on Excel for Mac opens the save page in the browser, the file in the fragment", async () => {
    const office = installOffice("Mac", true);
    const bytes = Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const saved = await saveFile(file(bytes), NAME);
    expect(saved).toEqual({ via: "browser", href: null, name: NAME });
    expect(clicks).toEqual([]);
    expect(office.opened).toHaveLength(1);
    const url = new URL(office.opened[0]);
    expect(`${url.origin}${url.pathname}`).toBe(new URL("save.html", document.baseURI).href);
    expect(url.search).toBe("");
    const params = new URLSearchParams(url.hash.slice(1));
    expect(params.get("name")).toBe(NAME);
    expect(params.get("type")).toBe(TYPE);
    expect([...decode(params.get("data")!)]).toEqual(bytes);
  });

  it("on a Mac without OpenBrowserWindowApi says it cannot", async () => {
    const office = installOffice("Mac", false);
    expect(await saveFile(file(), NAME)).toEqual({ via: "none", href: null, name: NAME });
    expect(office.opened).toEqual([]);
    expect(clicks).toEqual([]);
  });
});

describe("the save page's address", () => {
  it("carries any bytes in base64url, which URLSearchParams leaves alone", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = base64url(all);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect([...decode(text)]).toEqual([...all]);
    const url = savePageUrl("https://addins.example.gov.cn/ziping/taskpane.html", NAME, TYPE, all)!;
    expect(url.startsWith("https://addins.example.gov.cn/ziping/save.html#")).toBe(true);
    expect([...decode(new URLSearchParams(url.split("#")[1]).get("data")!)]).toEqual([...all]);
  });

  it("is refused for a file too large for an address", () => {
    const big = new Uint8Array(Math.ceil((MAX_FRAGMENT * 3) / 4) + 10);
    expect(savePageUrl("https://a.example/", NAME, TYPE, big)).toBeNull();
  });
});

describe("the host's platform", () => {
  it("names each Office platform, and anything else as other", () => {
    const cases: Array<[string, string]> = [
      ["OfficeOnline", "web"],
      ["PC", "windows"],
      ["Mac", "mac"],
      ["iOS", "ios"],
      ["Universal", "other"],
    ];
    for (const [platform, expected] of cases) {
      installOffice(platform, false);
      expect(hostPlatform()).toBe(expected);
    }
    delete (globalThis as Record<string, unknown>).Office;
    expect(hostPlatform()).toBe("other");
    expect(openInBrowser("https://a.example/")).toBe(false);
  });
});
