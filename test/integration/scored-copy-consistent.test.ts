/**
 * The scored copy agrees with itself (issue 10, item 2): after `ziping check --write`, either the 得分 cells add up
 * to the 总分 written, or the cell that differs says in its own note what the 总分 counts instead. The case is the
 * qualitative-out-of-tier fixture: 养护任务完成时限 rated 部分达成年度指标并具有一定效果 (6 分（含）至 8 分 of 10) typed 9.
 */
import * as fs from "fs";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { noteText, openWorkbook, removeDir, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURE = path.join(__dirname, "..", "fixtures", "workbooks", "qualitative-out-of-tier.xlsx");
const io: CliIo = { stdout: { write: () => undefined }, stderr: { write: () => undefined, isTTY: false } };

let dir: string;
beforeAll(() => {
  dir = tempDir("ziping-consistent-");
});
afterAll(() => removeDir(dir));

describe("the scored copy of a table with a score out of its tier", () => {
  it("writes the 总分 the counted scores add up to, and the typed score's note says what is counted", async () => {
    await main(["check", FIXTURE, "--write", dir], io);
    const copy = await openWorkbook(path.join(dir, fs.readdirSync(dir)[0]));
    const sheet = copy.getWorksheet("自评表")!;
    const value = (a1: string) => Number(sheet.getCell(a1).value);
    // By hand (make-fixtures.ts): execution 9.5 (I6), the indicators in H13:H21 as they stand in the copy,
    // 8.62 + 10 + 10 + 9 + 10 + 10 + 10 + 9 + 10 = 86.62, so the cells add up to 96.12; the typed 9 in H16 counts as
    // its tier's ceiling less 0.01, 7.99, and the 总分 is 96.12 − 9 + 7.99 = 95.11.
    const cells = ["H13", "H14", "H15", "H16", "H17", "H18", "H19", "H20", "H21"].map(value);
    expect(value("I6")).toBe(9.5);
    expect(value("H16")).toBe(9); // the officer's score is never overwritten
    expect(Math.round((value("I6") + cells.reduce((a, b) => a + b, 0)) * 100) / 100).toBe(96.12);
    expect(value("H22")).toBe(95.11);
    const note = noteText(sheet.getCell("H16"));
    expect(note).toContain("部分达成年度指标并具有一定效果");
    expect(note).toContain("6 分（含）至 8 分");
    expect(note).toMatch(/总分按 7\.99 计/);
  });
});
