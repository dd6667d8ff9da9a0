/**
 * The offline manifest check (`npm run validate` posts to Microsoft and needs the network): well-formed
 * XML, a GUID id, https everywhere, the Workbook host, the requirement set, element order, every resid
 * defined, strings in both languages, and icons that exist at the sizes the manifest claims.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { child, descendants, parseXml, pngSize, type XmlElement } from "../helpers/office-manifest";

const ROOT = join(__dirname, "..", "..");
const SOURCE = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(SOURCE);
const all = descendants(manifest);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  rewriteManifest(xml: string, url: string): string;
  publicUrl(env: Record<string, string | undefined>): string;
  DEV_URL: string;
  DEFAULT_PUBLIC_URL: string;
};

function named(name: string): XmlElement[] {
  return all.filter((e) => e.name === name);
}

function only(name: string): XmlElement {
  const found = named(name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** Resource ids by kind, from <Resources>. */
function resources(kind: "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings"): Map<string, XmlElement> {
  const section = only(kind);
  return new Map(section.children.map((e) => [e.attrs.id, e]));
}

/** The asset file behind a dev-server URL. */
function assetFile(url: string): string {
  expect(url.startsWith("https://localhost:3000/")).toBe(true);
  return join(ROOT, url.slice("https://localhost:3000/".length));
}

describe("manifest.xml", () => {
  it("is a task pane add-in with a fixed GUID", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id")?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, "Version")?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("keeps the schema's element order (Hosts < Requirements < DefaultSettings < Permissions < VersionOverrides)", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const present = manifest.children.map((c) => c.name);
    expect(present.every((n) => order.includes(n))).toBe(true);
    const positions = present.map((n) => order.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
    ]) {
      expect(present).toContain(required);
    }
  });

  it("targets Excel workbooks, ExcelApi 1.7 and read/write access", () => {
    expect(child(manifest, "Hosts")!.children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    const sets = named("Set");
    expect(sets).toHaveLength(1);
    expect(sets[0].attrs).toEqual({ Name: "ExcelApi", MinVersion: "1.7" });
    expect(child(manifest, "Permissions")?.text).toBe("ReadWriteDocument");
    expect(
      named("Host")
        .filter((h) => h.attrs["xsi:type"])
        .map((h) => h.attrs["xsi:type"]),
    ).toEqual(["Workbook"]);
  });

  it("opens https://localhost:3000/taskpane.html in development", () => {
    expect(child(child(manifest, "DefaultSettings")!, "SourceLocation")?.attrs.DefaultValue).toBe(
      "https://localhost:3000/taskpane.html",
    );
    expect(resources("bt:Urls").get("Taskpane.Url")?.attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
  });

  it("uses https for every URL", () => {
    const urls = all
      .flatMap((e) => Object.values(e.attrs))
      .filter((v) => /^[a-z]+:\/\//i.test(v) && !v.includes("schemas.microsoft.com") && !v.includes("www.w3.org"));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("speaks zh-CN by default with en-US overrides", () => {
    expect(child(manifest, "DefaultLocale")?.text).toBe("zh-CN");
    for (const name of ["DisplayName", "Description"]) {
      const el = child(manifest, name)!;
      expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(el.children.map((o) => o.attrs.Locale)).toEqual(["en-US"]);
    }
    for (const kind of ["bt:ShortStrings", "bt:LongStrings"] as const) {
      for (const s of resources(kind).values()) {
        expect(s.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
        const en = s.children.find((o) => o.name === "bt:Override" && o.attrs.Locale === "en-US");
        expect(en?.attrs.Value).toBeTruthy();
        const limit = kind === "bt:ShortStrings" ? 125 : 250;
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
        expect(en!.attrs.Value.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  it("resolves every resid to a resource of the right kind, and defines each id once", () => {
    const kinds = {
      image: resources("bt:Images"),
      url: resources("bt:Urls"),
      short: resources("bt:ShortStrings"),
      long: resources("bt:LongStrings"),
    };
    const ids = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"].flatMap((k) =>
      only(k).children.map((c) => c.attrs.id),
    );
    expect(new Set(ids).size).toBe(ids.length);

    const used = all.filter((e) => e.attrs.resid !== undefined);
    expect(used.length).toBeGreaterThan(10);
    for (const e of used) {
      const resid = e.attrs.resid;
      expect(resid.length).toBeLessThanOrEqual(32);
      const kind =
        e.name === "bt:Image"
          ? kinds.image
          : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(e.name)
            ? kinds.url
            : e.name === "Description"
              ? kinds.long
              : kinds.short;
      if (!kind.has(resid))
        throw new Error(`<${e.name} resid="${resid}"> is not defined in the right <Resources> section`);
    }
  });

  it("puts a 绩效自评 group on the Home tab whose button shows the task pane", () => {
    const tab = only("OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = child(tab, "Group")!;
    const label = (el: XmlElement) =>
      resources("bt:ShortStrings").get(child(el, "Label")!.attrs.resid)!.attrs.DefaultValue;
    expect(label(group)).toBe("绩效自评");
    const button = child(group, "Control")!;
    expect(button.attrs["xsi:type"]).toBe("Button");
    expect(label(button)).toBe("绩效自评");
    const action = child(button, "Action")!;
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(resources("bt:Urls").get(child(action, "SourceLocation")!.attrs.resid)?.attrs.DefaultValue).toBe(
      "https://localhost:3000/taskpane.html",
    );
  });

  it("points at icons that exist at the sizes it claims", () => {
    const expectSize = (url: string, size: number) => {
      const file = assetFile(url);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
    };
    expectSize(child(manifest, "IconUrl")!.attrs.DefaultValue, 32);
    expectSize(child(manifest, "HighResolutionIconUrl")!.attrs.DefaultValue, 64);
    const images = resources("bt:Images");
    for (const ref of named("bt:Image").filter((e) => e.attrs.resid)) {
      expectSize(images.get(ref.attrs.resid)!.attrs.DefaultValue, Number(ref.attrs.size));
    }
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(readFileSync(join(ROOT, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it("serves only pages the build produces", () => {
    const pages = [
      ...new Set(
        all
          .flatMap((e) => Object.values(e.attrs))
          .filter((v) => v.startsWith("https://localhost:3000/") && v.endsWith(".html")),
      ),
    ];
    expect(pages.sort()).toEqual([
      "https://localhost:3000/commands.html",
      "https://localhost:3000/help.html",
      "https://localhost:3000/taskpane.html",
    ]);
    for (const page of pages)
      expect(existsSync(join(ROOT, "src", "taskpane", page.slice("https://localhost:3000/".length)))).toBe(true);
  });
});

describe("the production manifest", () => {
  it("points every dev-server URL at ZIPING_URL", () => {
    const url = webpackConfig.publicUrl({ ZIPING_URL: "https://addins.example.gov.cn/ziping" });
    expect(url).toBe("https://addins.example.gov.cn/ziping/");
    const rewritten = webpackConfig.rewriteManifest(SOURCE, url);
    expect(rewritten).not.toContain("localhost");
    expect(rewritten).not.toContain("<!--");
    expect(rewritten).toContain('<SourceLocation DefaultValue="https://addins.example.gov.cn/ziping/taskpane.html"/>');
    expect(() => parseXml(rewritten)).not.toThrow();
  });

  it("defaults to a placeholder that can never resolve, and refuses plain http", () => {
    expect(webpackConfig.publicUrl({})).toBe(webpackConfig.DEFAULT_PUBLIC_URL);
    expect(webpackConfig.DEFAULT_PUBLIC_URL).toMatch(/^https:\/\/[^/]+\.invalid\/$/);
    expect(() => webpackConfig.publicUrl({ ZIPING_URL: "http://intranet/ziping/" })).toThrow(/https/);
  });
});

describe("the XML reader", () => {
  it("rejects mismatched tags", () => {
    expect(() => parseXml("<a><b></a>")).toThrow();
    expect(() => parseXml("<a>")).toThrow();
    expect(parseXml('<a x="&amp;"><b/>t</a>')).toEqual({
      name: "a",
      attrs: { x: "&" },
      children: [{ name: "b", attrs: {}, children: [], text: "" }],
      text: "t",
    });
  });
});
