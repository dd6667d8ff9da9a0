/**
 * Engine benchmark: time to read, validate, score and plan tables of 100, 1,000 and 10,000 indicator rows
 * (median of several runs, after a warm-up). The issue asks for linear growth and 10,000 rows under 100 ms.
 */
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/domain";
import { gridFromRows, type MapGrid } from "../src/domain/grid";
import { centralRows } from "../test/helpers/tables";

/** A central table with n indicators spread over the three blocks, weights adding up to 90. */
export function syntheticTable(n: number): MapGrid {
  const blocks: Array<[string, string, number]> = [
    ["产出指标", "数量指标", 50],
    ["效益指标", "社会效益指标", 30],
    ["满意度指标", "服务对象满意度指标", 10],
  ];
  const indicators: unknown[][] = [];
  const perBlock = [Math.ceil(n / 3), Math.ceil(n / 3), n - 2 * Math.ceil(n / 3)];
  blocks.forEach(([l1, l2, weight], b) => {
    const count = Math.max(perBlock[b], 0);
    for (let i = 0; i < count; i++) {
      const w = weight / count;
      const target = 100 + (i % 50);
      const actual = target - (i % 7);
      const score = actual >= target ? w : (w * actual) / target;
      indicators.push([
        i === 0 ? l1 : "",
        i === 0 ? l2 : "",
        `第${i + 1}项工作完成数量`,
        `≥${target}项`,
        `${actual}项`,
        w,
        Math.round(score * 100) / 100,
        actual < target ? "进度滞后，下一步加快推进" : "",
      ]);
    }
  });
  return gridFromRows("自评表", centralRows({ indicators: indicators as never, total: [100, 99] }));
}

export function benchEngine(
  sizes = [100, 1000, 10000],
  runs = 9,
): Array<{ rows: number; ms: number; perRowUs: number; withPlanMs: number }> {
  // Warm the JIT on every size first, so the first size measured is not charged for compilation.
  for (const n of sizes) checkWorkbook([syntheticTable(n)]);
  return sizes.map((n) => {
    const times: number[] = [];
    const withPlan: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh grid each run: nothing the engine learnt about the previous one may help.
      const grid = syntheticTable(n);
      const t0 = performance.now();
      const result = checkWorkbook([grid]);
      times.push(performance.now() - t0);
      void result.plan;
      withPlan.push(performance.now() - t0);
    }
    withPlan.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(runs / 2)];
    return { rows: n, ms, perRowUs: (ms * 1000) / n, withPlanMs: withPlan[Math.floor(runs / 2)] };
  });
}

if (require.main === module) {
  for (const r of benchEngine())
    console.log(
      `engine ${String(r.rows).padStart(6)} rows: ${r.ms.toFixed(2)} ms (${r.perRowUs.toFixed(2)} µs/row); with the write plan ${r.withPlanMs.toFixed(2)} ms`,
    );
}
