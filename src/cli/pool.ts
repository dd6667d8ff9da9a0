/**
 * A batch checked in a small pool of child processes, so that a file which takes a worker down (out of memory,
 * past its deadline, a crash) costs that file an error message and nothing else: the worker is replaced and the
 * batch goes on, with both cores busy. Reports come back in the order the files were named, whatever order they
 * finish in. Child processes rather than worker_threads: a process's memory cap (--max-old-space-size) and
 * SIGKILL hold whatever the file does, and the reader, the engine and exceljs run there unchanged.
 */
/* global Buffer, NodeJS, __dirname, __filename, require, setTimeout, clearTimeout -- Node code: the shared lint config assumes a browser. */
import { fork, type ChildProcess } from "child_process";
import * as os from "os";
import * as nodePath from "path";
import { pathToFileURL } from "url";
import type { LayoutOverride } from "../domain";
import type { Localized } from "../domain/types";
import type { CheckRequest } from "./args";
import type { CopyPlan, FileReport } from "./check";
import { t } from "./messages";

export interface PoolOptions {
  /** Workers at most (default: the machine's cores, at most 4, never more than the files). */
  size?: number;
  /** A file taking longer than this (reading, checking and writing its copy) is given up, in ms. */
  deadlineMs?: number;
  /** Heap of each worker, in MB. */
  memoryMb?: number;
  /** The worker's module (tests: one that cannot start); default ./check-worker beside this module. */
  workerModule?: string;
}

export const DEFAULT_DEADLINE_MS = 120_000;
export const DEFAULT_MEMORY_MB = 2048;

/** What a worker is asked to do with one file. */
export interface WorkerTask {
  id: number;
  file: string;
  request: Pick<CheckRequest, "profile" | "settings" | "force" | "explain">;
  layout?: LayoutOverride;
  copy?: CopyPlan;
}

export interface WorkerReply {
  id: number;
  /** The file's report; its result carries no write plan (the worker wrote the copy, if one was asked for). */
  report: FileReport;
}

/** The worker's module and how to run it: compiled JavaScript as it is, TypeScript sources through tsx. */
function workerEntry(): { module: string; execArgv: string[] } {
  if (!__filename.endsWith(".ts")) return { module: nodePath.join(__dirname, "check-worker.js"), execArgv: [] };
  // tsx's loader, only for the sources (a build runs without tsx installed).
  const loader = pathToFileURL(
    nodePath.join(nodePath.dirname(require.resolve("tsx/package.json")), "dist", "loader.mjs"),
  );
  return { module: nodePath.join(__dirname, "check-worker.ts"), execArgv: ["--import", loader.href] };
}

function both(key: "workerTimeout" | "workerCrashed", params: Record<string, string | number>): Localized {
  return { "zh-CN": t("zh-CN", key, params), "en-US": t("en-US", key, params) };
}

/** The pool could not start a single worker (its module missing, no memory): the caller checks in-process. */
export class PoolUnavailable extends Error {
  constructor(readonly detail: string) {
    super(`no worker could be started: ${detail}`);
  }
}

/** Workers that end before they are ready, one after another, before the pool gives up starting them. */
const MAX_FAILED_STARTS = 3;

/** Files given to a worker at once: the next one waits in the worker, so no file waits for a round trip. */
const DEPTH = 2;

interface Worker {
  ready: boolean;
  child: ChildProcess;
  /** The files given to it, the one it is checking first. */
  queue: WorkerTask[];
  /** The deadline of the file it is checking. */
  timer?: NodeJS.Timeout;
  /** Standard error of the worker (an out-of-memory report names itself there). */
  stderr: string;
}

/**
 * Checks `files` in the pool; `onReport` gets each report in the files' order as soon as it and all before it
 * are done. A report is let go once given to `onReport`: only those finished ahead of their turn wait here.
 */
export function checkInPool(
  files: readonly string[],
  request: CheckRequest,
  layout: LayoutOverride | undefined,
  copies: readonly CopyPlan[],
  onReport: (report: FileReport, index: number) => void,
  options: PoolOptions = {},
): Promise<void> {
  const size = Math.max(1, Math.min(options.size ?? Math.min(os.cpus().length, 4), files.length));
  const deadline = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const memory = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const entry = workerEntry();
  if (options.workerModule) entry.module = options.workerModule;
  /** Reports finished before their turn to be given to `onReport`. */
  const waiting = new Map<number, FileReport>();
  /** Whether each file has its report (given to `onReport` or waiting). */
  const settled = new Uint8Array(files.length);
  const workers = new Set<Worker>();
  /** Files not yet given to a worker (a file waiting in a worker that died goes back here). */
  const pending = files.map((_, i) => i);
  let emitted = 0;
  let everReady = false;
  let failedStarts = 0;

  return new Promise<void>((resolve, reject) => {
    const settle = (index: number, report: FileReport) => {
      if (settled[index]) return;
      settled[index] = 1;
      waiting.set(index, report);
      for (let next = waiting.get(emitted); next; next = waiting.get(emitted)) {
        waiting.delete(emitted);
        onReport(next, emitted++);
      }
      if (emitted === files.length) {
        for (const w of workers) w.child.kill();
        resolve();
      }
    };

    /** Starts the deadline of the file the worker checks now (the head of its queue). */
    const arm = (worker: Worker) => {
      clearTimeout(worker.timer);
      const head = worker.queue[0];
      if (!head) return;
      worker.timer = setTimeout(() => {
        settle(head.id, {
          file: head.file,
          readError: both("workerTimeout", { file: head.file, seconds: deadline / 1000 }),
        });
        // Its exit gives back the files waiting behind this one and starts a fresh worker (this one stays settled).
        worker.child.kill("SIGKILL");
      }, deadline);
    };

    const give = (worker: Worker) => {
      while (worker.queue.length < DEPTH && pending.length > 0) {
        const id = pending.shift()!;
        const task: WorkerTask = {
          id,
          file: files[id],
          request: {
            profile: request.profile,
            settings: request.settings,
            force: request.force,
            explain: request.explain,
          },
          layout,
          copy: copies[id],
        };
        worker.queue.push(task);
        worker.child.send(task);
        if (worker.queue.length === 1) arm(worker);
      }
      if (worker.queue.length === 0) worker.child.kill();
    };

    const start = (): Worker => {
      const child = fork(entry.module, [], {
        execArgv: [...entry.execArgv, `--max-old-space-size=${memory}`],
        serialization: "advanced", // structured clone: dates in the results survive the trip
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      const worker: Worker = { ready: false, child, queue: [], stderr: "" };
      workers.add(worker);
      child.stderr?.on("data", (d: Buffer) => {
        if (worker.stderr.length < 64 * 1024) worker.stderr += d.toString();
      });
      child.on("message", (reply: WorkerReply | { ready: true }) => {
        // A worker is given files once it has loaded, so that its start-up is not counted in a deadline.
        if ("ready" in reply) {
          worker.ready = everReady = true;
          failedStarts = 0;
          return give(worker);
        }
        if (worker.queue[0]?.id !== reply.id) return;
        worker.queue.shift();
        arm(worker);
        worker.stderr = "";
        settle(reply.id, reply.report);
        give(worker);
      });
      child.on("exit", (code, signal) => {
        workers.delete(worker);
        clearTimeout(worker.timer);
        const [head, ...waiting] = worker.queue;
        worker.queue = [];
        if (head) {
          const outOfMemory = /heap out of memory|Allocation failed/i.test(worker.stderr);
          settle(head.id, {
            file: head.file,
            readError: both("workerCrashed", {
              file: head.file,
              reason: outOfMemory ? `out of memory (${memory} MB)` : `${signal ?? `exit ${code}`}`,
            }),
          });
        }
        // The files that were only waiting in it are not its fault: they go to another worker.
        pending.unshift(...waiting.map((t) => t.id));
        if (!worker.ready && ++failedStarts >= MAX_FAILED_STARTS) {
          const why = worker.stderr.trim().split("\n").slice(-3).join(" ") || `${signal ?? `exit ${code}`}`;
          if (!everReady) {
            for (const w of workers) w.child.kill();
            reject(new PoolUnavailable(why));
            return;
          }
          // Workers ran before and no longer start: the files not yet checked are reported, not waited for.
          for (const id of pending.splice(0))
            settle(id, { file: files[id], readError: both("workerCrashed", { file: files[id], reason: why }) });
          return;
        }
        if (pending.length > 0) start();
      });
      return worker;
    };

    for (let i = 0; i < size; i++) start();
  });
}
