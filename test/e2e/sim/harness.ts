/**
 * What the browser test and bench/pane.ts share: the production build (made once, reused while no input
 * changed), a static server for it on a random localhost port, Debian's Chromium through playwright-core,
 * and a page whose only way out is office.js, answered by the Excel simulation.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { SimConfig } from "./excel-sim";
import { OFFICE_JS_URL, simScript } from "./script";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where the test's production build lives: not dist/, which may hold a build made for deployment. */
export const BUILD_DIR = path.join(ROOT, "node_modules", ".cache", "ziping-e2e", "dist");
const STAMP = ".inputs-mtime";

/** Everything the bundle is made from: a change to any of these makes the cached build stale. */
const BUILD_INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"];

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function inputsMtime(): number {
  return Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/**
 * The production bundle (`webpack --mode production`) in BUILD_DIR, rebuilt only when an input is newer
 * than the last build. Built into a fresh folder and renamed into place, so a half-written build is never used.
 */
export async function ensureBuild(): Promise<{ dir: string; rebuilt: boolean; ms: number }> {
  const t0 = Date.now();
  const wanted = inputsMtime();
  const stampFile = path.join(BUILD_DIR, STAMP);
  const stamp = fs.existsSync(stampFile) ? Number(fs.readFileSync(stampFile, "utf8").trim()) : 0;
  if (stamp >= wanted && fs.existsSync(path.join(BUILD_DIR, "taskpane.html"))) {
    return { dir: BUILD_DIR, rebuilt: false, ms: Date.now() - t0 };
  }
  const tmp = `${BUILD_DIR}-${process.pid}-${Date.now()}`;
  fs.mkdirSync(path.dirname(BUILD_DIR), { recursive: true });
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  // ZIPING_URL only rewrites the copied manifest, which the test does not load; setting it keeps the build quiet.
  const env = { ...process.env, ZIPING_URL: process.env.ZIPING_URL ?? "https://ziping.example.invalid/" };
  // The pane into tmp and the offline web page into tmp/web (webpack.config.js builds both from env.outputRoot).
  await run(process.execPath, [cli, "--mode", "production", "--env", `outputRoot=${tmp}`], env);
  fs.writeFileSync(path.join(tmp, STAMP), String(wanted));
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  fs.renameSync(tmp, BUILD_DIR);
  return { dir: BUILD_DIR, rebuilt: true, ms: Date.now() - t0 };
}

/** The budget for the JavaScript the pane loads before it can be used, after gzip. */
export const FIRST_LOAD_BUDGET = 250 * 1024;

/** The scripts taskpane.html loads from the build itself (office.js comes from the CDN and is not ours). */
export function firstLoadScripts(dir: string): string[] {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  // The minified page leaves attributes unquoted: src=taskpane.1234abcd.js
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.join(dir, src.replace(/^\.?\//, "")));
}

export function gzipSize(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` over http on 127.0.0.1 and a random port; nothing outside it. */
export function serveDir(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Debian's Chromium, headless, in a fresh temporary profile (playwright makes one per launch and deletes it). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: the task pane's browser test needs it. ` +
        `Install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface PaneOptions {
  /** The simulation's configuration; null serves no office.js at all (the CDN unreachable). */
  sim: SimConfig | null;
  width: number;
  height?: number;
  /** Device pixels per CSS pixel, for screenshots. */
  scale?: number;
}

export interface OpenPane {
  page: Page;
  context: BrowserContext;
  /** Every request the page made, by URL, in order. */
  requests: string[];
  /** Requests aborted because they left the local server (other than office.js). */
  blocked: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Opens taskpane.html the way Excel would, except that office.js comes from the simulation: the CDN
 * URL is answered with the simulation script, the local server passes, and every other request is aborted.
 */
export async function openPane(browser: Browser, origin: string, options: PaneOptions): Promise<OpenPane> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 800 },
    deviceScaleFactor: options.scale ?? 1,
    locale: "zh-CN",
    serviceWorkers: "block",
  });
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  const script = options.sim ? await simScript(options.sim) : null;
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      if (script) await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: script });
      else await route.abort("internetdisconnected");
    } else if (url.startsWith(`${origin}/`)) {
      await route.continue();
    } else {
      blocked.push(url);
      await route.abort("blockedbyclient");
    }
  });
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${origin}/taskpane.html`);
  return { page, context, requests, blocked, errors, close: () => context.close() };
}
