#!/usr/bin/env node
/**
 * `npm run web`: serves the offline web page (dist/web, built by `npm run build`) on http://localhost:8080/ for a
 * try on this machine. Any static server does the same on an intranet (or open dist/web/index.html straight from
 * the folder): the page needs nothing from a server but its own files.
 */
/* eslint-disable no-undef */
const http = require("http");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..", "dist", "web");
const port = Number(process.env.PORT || 8080);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

if (!fs.existsSync(path.join(root, "index.html"))) {
  console.error("dist/web/index.html 不存在，请先运行 npm run build / dist/web is missing: run npm run build first");
  process.exit(2);
}

http
  .createServer((req, res) => {
    const url = decodeURIComponent((req.url || "/").split("?")[0]);
    const file = path.join(root, path.normalize(url === "/" ? "/index.html" : url));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  })
  .listen(port, "127.0.0.1", () => console.log(`绩效自评助手（网页版）: http://localhost:${port}/`));
