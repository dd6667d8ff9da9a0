/**
 * A worker of the batch pool (./pool.ts): checks one file at a time as the pool asks, and writes its copy when one
 * is planned, then replies with the file's report. Run as a child process; it keeps nothing between files.
 */
/* global process -- Node code: the shared lint config assumes a browser. */
import { checkOneFile } from "./check";
import type { WorkerReply, WorkerTask } from "./pool";

process.on("message", (task: WorkerTask) => {
  void checkOneFile(task.file, task.request, task.layout, task.copy).then((report) => {
    const reply: WorkerReply = { id: task.id, report };
    process.send?.(reply);
  });
});
// The pool ends the worker when the batch is done; if the pool itself goes, so does the worker.
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
