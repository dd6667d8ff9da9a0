/**
 * What a batch keeps of each file (check.ts forBatch): small enough that ten thousand files do not fill memory nor
 * a worker's reply, and still everything the batch prints, writes and summarises.
 */
import * as path from "path";
import { forBatch } from "../../src/cli/check";
import { formatHumanReport, toJsonReport } from "../../src/cli/format";
import { checkWorkbook } from "../../src/domain";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");

describe("forBatch", () => {
  let detail: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    detail = checkWorkbook((await readWorkbookFile(SAMPLE)).sheets, {});
  });

  it("drops the table, the scoring facts and (without --explain) the reading", () => {
    const kept = forBatch(detail, false) as unknown as Record<string, unknown>;
    expect(kept.table).toBeUndefined();
    expect(kept.facts).toBeUndefined();
    expect(kept.reading).toBeUndefined();
    expect((forBatch(detail, true) as unknown as Record<string, unknown>).reading).toBe(detail.reading);
  });

  it("keeps only the figures a batch shows, the first among them", () => {
    const keys = forBatch(detail, false).figures.map((f) => f.key);
    expect(detail.figures.length).toBeGreaterThan(10);
    expect(keys[0]).toBe(detail.figures[0].key);
    expect(new Set(keys.slice(1))).toEqual(
      new Set(["budget.rate", "budget.score", "total.score", "total.grade"].filter((k) => k !== keys[0])),
    );
  });

  it("prints, writes as JSON and plans the copy exactly as the whole result does", () => {
    const kept = forBatch(detail, false);
    for (const lang of ["zh-CN", "en-US"] as const) {
      expect(formatHumanReport({ file: "a.xlsx", result: kept }, lang)).toBe(
        formatHumanReport({ file: "a.xlsx", result: detail }, lang),
      );
      expect(toJsonReport([{ file: "a.xlsx", result: kept }], lang)).toEqual(
        toJsonReport([{ file: "a.xlsx", result: detail }], lang),
      );
    }
    // The write plan is built from every figure, not the few kept.
    expect(kept.plan).toEqual(detail.plan);
    expect(kept.plan.values.length).toBeGreaterThan(kept.figures.length);
  });
});
