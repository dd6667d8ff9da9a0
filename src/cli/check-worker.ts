/**
 * A worker of the batch pool (./pool.ts): checks one file at a time as the pool asks, and writes its copy when one
 * is planned, then replies with the file's report. Run as a child process; it keeps nothing between files.
 */
/* global process -- Node code: the shared lint config assumes a browser. */
import { checkOneFile, type FileReport } from "./check";
import type { WorkerReply, WorkerTask } from "./pool";

/**
 * The report as the pool needs it: without the write plan, a getter built on first use (the copy, if any, was
 * written here, and nothing in the batch reads the plan); cloning the report would build it for every file.
 */
function withoutPlan(report: FileReport): FileReport {
  if (!report.result) return report;
  const kept: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(report.result);
  delete kept.plan;
  return { ...report, result: Object.defineProperties({}, kept) as FileReport["result"] };
}

// The pool gives two files at a time; they are checked one after the other, in the order given.
const queue: WorkerTask[] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  while (queue.length > 0) {
    const task = queue.shift()!;
    const report = await checkOneFile(task.file, task.request, task.layout, task.copy);
    const reply: WorkerReply = { id: task.id, report: withoutPlan(report) };
    process.send?.(reply);
  }
  running = false;
}

process.on("message", (task: WorkerTask) => {
  queue.push(task);
  if (!running) void drain();
});
// The pool ends the worker when the batch is done; if the pool itself goes, so does the worker.
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
