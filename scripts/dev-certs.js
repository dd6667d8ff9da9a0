/**
 * Development HTTPS certificates for the dev server, generated without installing anything: a local CA
 * and a localhost certificate from office-addin-dev-certs' generator, written to .certs/ (git-ignored).
 * Its `install` step needs sudo (Linux) or a trust prompt (Windows/macOS); this script never runs it.
 * Office on Windows/macOS must trust the CA to load the pane: run `npx office-addin-dev-certs install`
 * there once, or import .certs/ca.crt into the system's trusted roots by hand.
 *
 *   node scripts/dev-certs.js        generate (when missing or expiring within a day) and print the paths
 */
const fs = require("fs");
const path = require("path");

const CERT_DIR = path.join(__dirname, "..", ".certs");
const FILES = {
  ca: path.join(CERT_DIR, "ca.crt"),
  cert: path.join(CERT_DIR, "localhost.crt"),
  key: path.join(CERT_DIR, "localhost.key"),
};
const VALID_DAYS = 30;

/** The certificate's notAfter date, or null when the file is missing or unreadable. */
function expiry(certFile) {
  try {
    const { X509Certificate } = require("crypto");
    return new Date(new X509Certificate(fs.readFileSync(certFile)).validTo);
  } catch {
    return null;
  }
}

function usable() {
  if (!Object.values(FILES).every((f) => fs.existsSync(f))) return false;
  const until = expiry(FILES.cert);
  return until !== null && until.getTime() - Date.now() > 24 * 3600 * 1000;
}

/** { ca, cert, key } buffers for webpack-dev-server's `server.options`; generates them when needed. */
async function devCerts() {
  if (!usable()) {
    const { generateCertificates } = require("office-addin-dev-certs");
    await generateCertificates(FILES.ca, FILES.cert, FILES.key, VALID_DAYS);
  }
  return { ca: fs.readFileSync(FILES.ca), cert: fs.readFileSync(FILES.cert), key: fs.readFileSync(FILES.key) };
}

module.exports = { devCerts, CERT_DIR, FILES };

if (require.main === module) {
  devCerts().then(
    () => {
      console.log(`Certificates in ${CERT_DIR} (valid until ${expiry(FILES.cert)?.toISOString()}).`);
      console.log(`To trust them, import ${FILES.ca} as a trusted root, or run: npx office-addin-dev-certs install`);
    },
    (err) => {
      console.error(`Could not generate certificates: ${err.message}`);
      process.exitCode = 1;
    },
  );
}
