/**
 * Builds the task pane: src/taskpane/index.tsx -> dist/taskpane.[hash].js + taskpane.html (the report code
 * split into chunks loaded on first use), with the icons, the command, help and save pages and manifest.xml
 * copied beside it.
 *
 * - `npm run build` (production): the copied manifest's https://localhost:3000/ becomes $ZIPING_URL, the
 *   https address the files will be served from (default https://ziping.example.invalid/, a reserved name
 *   that can never resolve, so a build nobody configured fails loudly in Excel rather than half-working).
 * - `npm run dev-server`: https on localhost:3000 with certificates from scripts/dev-certs.js (no sudo);
 *   if those cannot be made, webpack-dev-server's own self-signed certificate.
 *
 * office.js is not bundled: taskpane.html loads it from Microsoft's CDN, as production add-ins must.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PUBLIC_URL = "https://ziping.example.invalid/";
const DEV_PORT = 3000;

/** The deployment URL from ZIPING_URL: https only, always ending in "/". */
function publicUrl(env = process.env) {
  const url = (env.ZIPING_URL || DEFAULT_PUBLIC_URL).trim();
  if (!/^https:\/\/[^\s/]+/.test(url)) throw new Error(`ZIPING_URL must be an https:// address, got "${url}"`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest with every dev-server address replaced by the deployment URL (and the notes for developers dropped). */
function rewriteManifest(xml, url) {
  return xml
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .split(DEV_URL)
    .join(url);
}

async function httpsServer() {
  try {
    const { devCerts } = require("./scripts/dev-certs");
    return { type: "https", options: await devCerts() };
  } catch (err) {
    console.warn(`dev-certs: ${err.message}; falling back to webpack-dev-server's self-signed certificate.`);
    return "https";
  }
}

/** TypeScript through ts-loader, as ES modules so that webpack can drop the unused parts of Fluent UI. */
function typescriptRule(production) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: !production } },
    },
  };
}

/**
 * The web page's reader worker (src/web/read-worker.ts), one self-contained script, built before the page, which
 * takes it in as source text and starts it from a blob: URL (a worker from a file:// URL is refused by browsers).
 * It is built outside dist/, where nothing would load it.
 */
function workerOutput(root, production) {
  return path.join(root, "..", ".web-worker", production ? "production" : "development");
}

function workerConfig(production, root) {
  return {
    name: "web-worker",
    target: "webworker",
    entry: { "read-worker": "./src/web/read-worker.ts" },
    output: { path: workerOutput(root, production), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"], fallback: { fs: false, zlib: false, path: false } },
    module: { rules: [typescriptRule(production)] },
    // One script: a blob: worker has no folder to load chunks from.
    optimization: { splitChunks: false },
    devtool: false,
    performance: { hints: false },
  };
}

/** The offline web page (src/web): dist/web/, self-contained, opened from a server or straight from the folder. */
function webConfig(production, root) {
  return {
    name: "web",
    dependencies: ["web-worker"],
    entry: { index: "./src/web/index.tsx" },
    output: {
      path: path.join(root, "web"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Chunks are found beside the page's own script, so the folder works over file:// and from any path.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The Node halves of shared modules (reading a file's mark from disk) are never called in the page.
      fallback: { fs: false, zlib: false, path: false },
      alias: { "ziping-read-worker$": path.join(workerOutput(root, production), "read-worker.js") },
    },
    module: {
      rules: [typescriptRule(production), { test: /[\\/]\.web-worker[\\/].*\.js$/, type: "asset/source" }],
    },
    plugins: [new HtmlWebpackPlugin({ filename: "index.html", template: "./src/web/index.html", chunks: ["index"] })],
    devtool: production ? false : "source-map",
    performance: { hints: production ? "warning" : false, maxEntrypointSize: 1024 * 1024, maxAssetSize: 1024 * 1024 },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  // env.outputRoot: where the test harness builds (the pane there, the page in its web/ folder).
  const root = path.resolve(env.outputRoot || path.join(__dirname, "dist"));
  return [await paneConfig(env, argv, production, root), workerConfig(production, root), webConfig(production, root)];
};

async function paneConfig(env, argv, production, root) {
  const url = production ? publicUrl() : DEV_URL;
  if (production && !process.env.ZIPING_URL) {
    console.warn(`ZIPING_URL is not set: dist/manifest.xml points at ${DEFAULT_PUBLIC_URL} (a placeholder).`);
  }
  return {
    entry: { taskpane: "./src/taskpane/index.tsx" },
    name: "pane",
    output: {
      path: root,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      // The web page's folder is built beside the pane by the other configuration.
      clean: { keep: /^web[\\/]/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typescriptRule(production)] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/commands.html", to: "commands.html" },
          { from: "src/taskpane/help.html", to: "help.html" },
          { from: "src/taskpane/save.html", to: "save.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? rewriteManifest(content.toString(), url) : content),
          },
        ],
      }),
    ],
    devtool: production ? false : "source-map",
    performance: { hints: production ? "warning" : false, maxEntrypointSize: 800 * 1024, maxAssetSize: 800 * 1024 },
    devServer: env.WEBPACK_SERVE
      ? {
          port: DEV_PORT,
          server: await httpsServer(),
          headers: { "Access-Control-Allow-Origin": "*" },
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
}

module.exports.publicUrl = publicUrl;
module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_PUBLIC_URL = DEFAULT_PUBLIC_URL;
