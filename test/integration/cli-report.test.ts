/** `ziping report` through the main command: the draft on stdout, the .docx written, the input untouched. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { main } from "../../src/cli/main";

const sample = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");
const hash = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    out,
    err,
  };
}

describe("ziping report", () => {
  it("prints the draft with the table's figures", async () => {
    const { io, out } = capture();
    expect(await main(["report", sample], io)).toBe(0);
    expect(out.join("")).toContain("全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%");
    expect(out.join("")).toContain("自评分数为99分");
  });

  it("writes the .docx and never touches the workbook", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-report-"));
    const before = hash(sample);
    const { io } = capture();
    const docx = path.join(dir, "报告 2023.docx");
    expect(await main(["report", sample, "--docx", docx], io)).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
    expect(hash(sample)).toBe(before);
    const refused = capture();
    expect(await main(["report", sample, "--docx", sample], refused.io)).toBe(2);
    expect(hash(sample)).toBe(before);
  });
});
