/**
 * What a batch keeps of each file (check.ts forBatch): small enough that ten thousand files do not fill memory nor
 * a worker's reply, and still everything the batch prints, writes and summarises.
 */
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import { forBatch } from "../../src/cli/check";
import { formatHumanReport, toJsonReport } from "../../src/cli/format";
import { checkWorkbook } from "../../src/domain";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";

/** ES2021's WeakRef, which Node has and the project's TypeScript lib (ES2020) does not declare. */
declare class WeakRef<T extends object> {
  constructor(target: T);
  deref(): T | undefined;
}

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

  // A copy is written (check.ts writeCopy) from what the batch kept: what it does not keep must be free to go, or a
  // 200,000-row table's model and facts stay in memory beside the patcher's work. Collected for certain only by a
  // full collection, which V8 runs on demand when asked to expose it.
  it("lets the table and the scoring facts go, and every figure once the plan is built", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const collected = async (refs: Array<WeakRef<object>>) => {
      // A turn of the event loop first: a WeakRef's target is kept alive until the job that made it ends.
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
      return refs.map((r) => r.deref() === undefined);
    };
    const made = async () => {
      const whole = checkWorkbook((await readWorkbookFile(SAMPLE)).sheets, {});
      const refs = [new WeakRef(whole.table!), new WeakRef(whole.facts!), new WeakRef(whole.figures)];
      return { kept: forBatch(whole, false), refs };
    };
    // Every figure is kept until the plan, which is built from them, has been.
    const before = await made();
    expect(await collected(before.refs)).toEqual([true, true, false]);
    const after = await made();
    expect(after.kept.plan.values.length).toBeGreaterThan(0);
    expect(await collected(after.refs)).toEqual([true, true, true]);
    expect(before.kept.plan.values.length).toBe(after.kept.plan.values.length);
  });
});
