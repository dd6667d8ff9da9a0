/**
 * A file the patcher cannot edit with certainty still gets its scored copy: rebuilt through exceljs, and the
 * command line says so, in both languages and on the 汇总 row. The trigger here is a sheet whose rows are out of order
 * (16 before 15, where the plan writes H15).
 */
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { main, type CliIo } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { writeScoredCopy } from "../../src/gateways/xlsx/write";
import { checkWorkbook } from "../../src/domain";
import { openWorkbook, removeDir, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURE = path.join(__dirname, "..", "fixtures", "workbooks", "central-clean.xlsx");
let dir: string;
let file: string;

function capture(): { io: CliIo; out: () => string } {
  let text = "";
  const sink = { write: (s: string) => ((text += s), true) };
  return { io: { stdout: sink, stderr: { ...sink, isTTY: false } } as CliIo, out: () => text };
}

beforeAll(async () => {
  dir = tempDir("ziping-fallback-");
  file = path.join(dir, "shared.xlsx");
  const zip = await JSZip.loadAsync(fs.readFileSync(FIXTURE));
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  // Row 16 written before row 15: Excel writes rows in order, a generator need not, and the patcher does not
  // reorder rows.
  const row = (n: number) => new RegExp(`<row r="${n}"[\\s\\S]*?</row>`).exec(xml)![0];
  const shared = xml.replace(row(15) + row(16), row(16) + row(15));
  expect(shared).not.toBe(xml);
  zip.file(part, shared);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
});
afterAll(() => removeDir(dir));

describe("a scored copy the patcher cannot make", () => {
  it("is rebuilt, and the writer says why", async () => {
    const { sheets } = await readWorkbookFile(file);
    const how = await writeScoredCopy(file, checkWorkbook(sheets).plan, path.join(dir, "direct.xlsx"));
    expect(how.patched).toBe(false);
    expect(how.reason).toContain("rows out of order");
    // The rebuilt copy holds the plan's value: 10 of 10 (the fixture's own figure, unchanged).
    const ws = (await openWorkbook(path.join(dir, "direct.xlsx"))).getWorksheet("自评表")!;
    expect(ws.getCell("H15").value).toBe(10);
  });

  it("is named on the command line as rebuilt, in Chinese and in English", async () => {
    for (const [lang, words] of [
      ["zh-CN", "副本经重新生成，原文件中的图表、图片等对象可能未保留"],
      ["en-US", "the copy was rebuilt, and charts, images and other objects of the original may be missing"],
    ] as const) {
      const c = capture();
      const out = path.join(dir, `out-${lang}`);
      expect(await main(["check", file, "--write", out, "--lang", lang], c.io)).toBe(0);
      expect(c.out()).toContain(words);
      expect(fs.existsSync(path.join(out, "shared.checked.xlsx"))).toBe(true);
    }
  });

  it("and says so on its 汇总 row", async () => {
    const summary = path.join(dir, "汇总.xlsx");
    expect(
      await main(["check", file, "--write", path.join(dir, "out-summary"), "--summary", summary], capture().io),
    ).toBe(0);
    const ws = (await openWorkbook(summary)).getWorksheet("汇总")!;
    expect(String(ws.getCell("K2").value)).toContain("副本经重新生成");
  });

  // exceljs cannot load such a file at all ("Invalid row number in model"); the patcher counts the rows.
  it("but a sheet whose rows leave out their numbers (r is optional) is patched", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(FIXTURE));
    const part = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.replace(/<row r="\d+"/g, "<row"));
    const bare = path.join(dir, "bare.xlsx");
    fs.writeFileSync(bare, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const { sheets } = await readWorkbookFile(bare);
    const copy = path.join(dir, "bare.checked.xlsx");
    expect(await writeScoredCopy(bare, checkWorkbook(sheets).plan, copy)).toEqual({ patched: true });
    const out = await (await JSZip.loadAsync(fs.readFileSync(copy))).file(part)!.async("string");
    // The row the plan writes in (H15) now says its number; the others are as they were.
    expect(out).toMatch(/<row [^>]*r="15"[^>]*>.*?<c r="H15"/);
    // central-clean.expected.json writes H13, H14, H15, H17, H19, H21 and G23: seven rows.
    expect(out.match(/<row [^>]*\br="\d+"/g)).toHaveLength(7);
    expect((await readWorkbookFile(copy)).sheets[0].cell(15, 8)?.value).toBe(10);
  });

  it("while a patched copy says nothing of the kind", async () => {
    const c = capture();
    expect(await main(["check", FIXTURE, "--write", path.join(dir, "out-clean")], c.io)).toBe(0);
    expect(c.out()).toContain("已写出带标注的副本");
    expect(c.out()).not.toContain("重新生成");
  });
});
