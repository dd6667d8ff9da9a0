/**
 * ISO date cells (t="d") stay dates: read as a Date, kept in the patched scored copy as submitted, and written by the
 * exceljs path (a copy rebuilt) as the date (serial 45306 for 2024-01-15, counted by hand: 2024-01-15 is 45,306 days after Excel's day 0, 1899-12-30), not as the number 2024
 * exceljs would make of "2024-01-15". The file is the central-clean fixture with one cell rewritten in its XML.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { main, type CliIo } from "../../src/cli/main";
import { parseIsoDate } from "../../src/gateways/xlsx/exceljs-dates";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { editWorkbookCopy } from "../../src/gateways/xlsx/write";
import { openWorkbook, removeDir, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURE = path.join(__dirname, "..", "fixtures", "workbooks", "central-clean.xlsx");
let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir("ziping-dates-");
  file = path.join(dir, "date.xlsx");
  const zip = await JSZip.loadAsync(fs.readFileSync(FIXTURE));
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  const dated = xml.replace(/<c r="A24"[^>]*>.*?<\/c>/, '<c r="A24" t="d"><v>2024-01-15T00:00:00</v></c>');
  expect(dated).not.toBe(xml);
  zip.file(part, dated);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
});
afterAll(() => removeDir(dir));

describe("ISO date cells", () => {
  it("are read as the date, not as 2024", async () => {
    const { sheets } = await readWorkbookFile(file);
    const value = sheets[0].cell(24, 1)?.value;
    expect(value).toBeInstanceOf(Date);
    expect((value as Date).toISOString()).toBe("2024-01-15T00:00:00.000Z");
  });

  it("stay the date in the scored copy: the cell as submitted, read back as the date", async () => {
    const io: CliIo = { stdout: { write: () => undefined }, stderr: { write: () => undefined, isTTY: false } };
    expect(await main(["check", file, "--write", path.join(dir, "out")], io)).toBe(0);
    const copy = path.join(dir, "out", "date.checked.xlsx");
    const xml = await (await JSZip.loadAsync(fs.readFileSync(copy))).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(/<c r="A24"[^>]*>.*?<\/c>/.exec(xml)?.[0]).toBe('<c r="A24" t="d"><v>2024-01-15T00:00:00</v></c>');
    const value = (await readWorkbookFile(copy)).sheets[0].cell(24, 1)?.value;
    expect((value as Date).toISOString()).toBe("2024-01-15T00:00:00.000Z");
  });

  it("stay the date in a copy rebuilt through exceljs: serial 45306 under a date format", async () => {
    const copy = path.join(dir, "rebuilt.xlsx");
    await editWorkbookCopy(file, copy, () => undefined);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(copy))).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(/<c r="A24"[^>]*><v>([^<]*)<\/v>/.exec(xml)?.[1]).toBe("45306");
    const cell = (await openWorkbook(copy)).getWorksheet("自评表")!.getCell("A24");
    expect(cell.value).toBeInstanceOf(Date);
    expect(cell.numFmt).toMatch(/[dy]/);
  });

  it.each([
    ["2024-01-15", "2024-01-15T00:00:00.000Z"],
    ["2024-01-15T08:30:00", "2024-01-15T08:30:00.000Z"],
    ["2024-01-15T08:30:00.250", "2024-01-15T08:30:00.000Z"],
    ["2024-01-15T08:30:00+08:00", "2024-01-15T00:30:00.000Z"],
    ["2024-01-15T08:30:00Z", "2024-01-15T08:30:00.000Z"],
  ])("parseIsoDate(%s)", (text, iso) => {
    expect(parseIsoDate(text)?.toISOString()).toBe(iso);
  });

  it.each(["2024", "15/01/2024", "2024-13-45", "2023-02-29", "2024-01-15x", ""])(
    "parseIsoDate(%s) is no date",
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    },
  );
});
