/**
 * Golden tests: every workbook in test/fixtures/workbooks (made by scripts/make-fixtures.ts) is read with the
 * xlsx gateway and checked; the conclusions a reviewer would reach are written beside it in NAME.expected.json.
 */
import fs from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/domain";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";

interface Expected {
  description?: string;
  sheet?: string;
  layout?: string | null;
  budget?: { rate?: number };
  total?: { computed?: number; grade?: string };
  findings?: Array<{ rule: string; cell: string }>;
  absent?: string[];
}

const dirs = [path.join(__dirname, "..", "fixtures", "workbooks"), path.join(__dirname, "..", "..", "examples")];
const cases = dirs.flatMap((dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".xlsx") && fs.existsSync(path.join(dir, f.replace(/\.xlsx$/, ".expected.json"))))
        .sort()
        .map((f) => [f, path.join(dir, f)] as const)
    : [],
);

describe("golden workbooks", () => {
  it("exist", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)("%s", async (_name, file) => {
    const expected: Expected = JSON.parse(fs.readFileSync(file.replace(/\.xlsx$/, ".expected.json"), "utf8"));
    const { sheets } = await readWorkbookFile(file);
    const result = checkWorkbook(sheets);
    const found = result.findings.map((f) => `${f.rule}@${f.cell}`);
    const context = `${path.basename(file)}: ${expected.description ?? ""}\nfound: ${found.join(", ")}`;

    if (expected.layout !== undefined)
      expect({ context, layout: result.layout ?? null }).toEqual({ context, layout: expected.layout });
    if (expected.sheet !== undefined && expected.layout !== null) expect(result.sheet).toBe(expected.sheet);
    if (expected.budget?.rate !== undefined) expect(result.budget.rate).toBeCloseTo(expected.budget.rate, 4);
    if (expected.total?.computed !== undefined) expect(result.total.computed).toBeCloseTo(expected.total.computed, 2);
    if (expected.total?.grade !== undefined) expect(result.total.grade).toBe(expected.total.grade);
    for (const f of expected.findings ?? [])
      expect({ context, has: found.includes(`${f.rule}@${f.cell}`), want: `${f.rule}@${f.cell}` }).toEqual({
        context,
        has: true,
        want: `${f.rule}@${f.cell}`,
      });
    for (const rule of expected.absent ?? [])
      expect({ context, rule, present: found.filter((f) => f.startsWith(`${rule}@`)) }).toEqual({
        context,
        rule,
        present: [],
      });
  });
});
