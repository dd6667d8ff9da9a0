/**
 * Development HTTPS certificates for the dev server.
 *
 * 1. When `npx office-addin-dev-certs install` has run on this computer (it puts a CA and a localhost
 *    certificate in ~/.office-addin-dev-certs and asks Windows or macOS to trust the CA), those are used as
 *    they are, so Excel on that computer trusts the dev server. They must be valid: all three files there, the
 *    localhost certificate issued by that CA, for localhost, matching its key, and good for more than a day.
 * 2. Otherwise a CA and a localhost certificate are generated without installing anything, with
 *    office-addin-dev-certs' generator, into .certs/ (git-ignored). Its `install` step needs sudo (Linux) or a
 *    trust prompt (Windows/macOS); this script never runs it. Office on Windows/macOS must trust that CA to load
 *    the pane: import .certs/ca.crt into the trusted roots by hand, or run `npx office-addin-dev-certs install`
 *    once, after which (1) applies.
 *
 *   node scripts/dev-certs.js        pick or generate, and print which certificates the dev server will use
 */
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const CERT_DIR = path.join(__dirname, "..", ".certs");
/** Where office-addin-dev-certs installs its certificates (its defaults.certificateDirectory). */
const OFFICE_CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const VALID_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/** The three files of a certificate folder, named as office-addin-dev-certs names them. */
function filesIn(dir) {
  return {
    ca: path.join(dir, "ca.crt"),
    cert: path.join(dir, "localhost.crt"),
    key: path.join(dir, "localhost.key"),
  };
}

const FILES = filesIn(CERT_DIR);

/** The certificate's notAfter date, or null when the file is missing or unreadable. */
function expiry(certFile) {
  try {
    return new Date(new crypto.X509Certificate(fs.readFileSync(certFile)).validTo);
  } catch {
    return null;
  }
}

/**
 * Why the certificates in `files` cannot serve https://localhost, or null when they can: present, the
 * localhost certificate signed by the CA, naming localhost, matching the key, valid now and for another day.
 */
function problem(files, now = Date.now()) {
  const missing = Object.values(files).filter((f) => !fs.existsSync(f));
  if (missing.length) return `missing ${missing.map((f) => path.basename(f)).join(", ")}`;
  try {
    const ca = new crypto.X509Certificate(fs.readFileSync(files.ca));
    const cert = new crypto.X509Certificate(fs.readFileSync(files.cert));
    const key = crypto.createPrivateKey(fs.readFileSync(files.key));
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return "the localhost certificate is not signed by ca.crt";
    if (!cert.checkHost("localhost")) return "the certificate is not for localhost";
    if (!cert.checkPrivateKey(key)) return "localhost.key does not match the certificate";
    if (new Date(cert.validFrom).getTime() > now) return "the certificate is not valid yet";
    if (new Date(cert.validTo).getTime() - now < DAY_MS) return "the certificate expires within a day";
    if (new Date(ca.validTo).getTime() - now < DAY_MS) return "the CA expires within a day";
    return null;
  } catch (err) {
    return `unreadable (${err.message})`;
  }
}

/**
 * The certificates to serve with: office-addin-dev-certs' installed ones when valid, else .certs/ (generated
 * when missing or no longer valid). `dirs` is for tests.
 * Returns { dir, source: "office-addin-dev-certs" | "generated", files, reason }.
 */
async function pickCerts(dirs = {}) {
  const officeDir = dirs.officeDir ?? OFFICE_CERT_DIR;
  const ownDir = dirs.ownDir ?? CERT_DIR;
  const installed = filesIn(officeDir);
  const installedProblem = problem(installed);
  if (installedProblem === null)
    return { dir: officeDir, source: "office-addin-dev-certs", files: installed, reason: null };
  const own = filesIn(ownDir);
  if (problem(own) !== null) {
    const { generateCertificates } = require("office-addin-dev-certs");
    await generateCertificates(own.ca, own.cert, own.key, VALID_DAYS);
  }
  return { dir: ownDir, source: "generated", files: own, reason: installedProblem };
}

/** { ca, cert, key } buffers for webpack-dev-server's `server.options`. */
async function devCerts(dirs) {
  const { files } = await pickCerts(dirs);
  return { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
}

module.exports = { devCerts, pickCerts, problem, CERT_DIR, OFFICE_CERT_DIR, FILES };

if (require.main === module) {
  pickCerts().then(
    ({ dir, source, files, reason }) => {
      const until = expiry(files.cert)?.toISOString();
      if (source === "office-addin-dev-certs") {
        console.log(`Using the certificates office-addin-dev-certs installed in ${dir} (valid until ${until}).`);
        return;
      }
      console.log(`Certificates in ${dir} (valid until ${until}).`);
      console.log(`Not using ${OFFICE_CERT_DIR}: ${reason}.`);
      console.log(`To trust them, import ${files.ca} as a trusted root, or run: npx office-addin-dev-certs install`);
    },
    (err) => {
      console.error(`Could not generate certificates: ${err.message}`);
      process.exitCode = 1;
    },
  );
}
