/**
 * scripts/dev-certs.js: the dev server uses the certificates `office-addin-dev-certs install` put in
 * ~/.office-addin-dev-certs (which Windows or macOS trusts) when they are valid, else its own in .certs/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCertificates } from "office-addin-dev-certs";

// A plain CommonJS script, as webpack.config.js requires it.
const { pickCerts, problem, devCerts } = require("../../scripts/dev-certs") as {
  pickCerts(dirs: {
    officeDir: string;
    ownDir: string;
  }): Promise<{ dir: string; source: string; reason: string | null }>;
  problem(files: { ca: string; cert: string; key: string }): string | null;
  devCerts(dirs: { officeDir: string; ownDir: string }): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }>;
};

let tmp: string;
let valid: string;
beforeAll(async () => {
  jest.spyOn(console, "log").mockImplementation(() => undefined); // the generator says "generated" each time
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-certs-"));
  valid = path.join(tmp, "valid");
  await generateCertificates(...files(valid), 30);
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function files(dir: string): [string, string, string] {
  return [path.join(dir, "ca.crt"), path.join(dir, "localhost.crt"), path.join(dir, "localhost.key")];
}

function copy(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

describe("dev-certs", () => {
  it("uses the certificates office-addin-dev-certs installed when they are valid, generating nothing", async () => {
    const ownDir = path.join(tmp, "own-unused");
    const picked = await pickCerts({ officeDir: valid, ownDir });
    expect(picked).toMatchObject({ dir: valid, source: "office-addin-dev-certs", reason: null });
    expect(fs.existsSync(ownDir)).toBe(false);
    const served = await devCerts({ officeDir: valid, ownDir });
    expect(served.cert.equals(fs.readFileSync(files(valid)[1]))).toBe(true);
  });

  it("generates its own in .certs/ when there are none installed, and reuses them the next time", async () => {
    const ownDir = path.join(tmp, "own");
    const first = await pickCerts({ officeDir: path.join(tmp, "nowhere"), ownDir });
    expect(first).toMatchObject({ dir: ownDir, source: "generated" });
    expect(first.reason).toMatch(/^missing ca\.crt, localhost\.crt, localhost\.key$/);
    const [ca, cert, key] = files(ownDir);
    expect(problem({ ca, cert, key })).toBeNull();
    const before = fs.readFileSync(cert);
    await pickCerts({ officeDir: path.join(tmp, "nowhere"), ownDir });
    expect(fs.readFileSync(cert).equals(before)).toBe(true);
  }, 60_000);

  it("does not use installed certificates whose key, issuer or dates are wrong", async () => {
    const other = path.join(tmp, "other");
    await generateCertificates(...files(other), 30);
    const mixedKey = copy(valid, path.join(tmp, "mixed-key"));
    fs.copyFileSync(files(other)[2], files(mixedKey)[2]);
    const mixedCa = copy(valid, path.join(tmp, "mixed-ca"));
    fs.copyFileSync(files(other)[0], files(mixedCa)[0]);
    const expiring = path.join(tmp, "expiring");
    await generateCertificates(...files(expiring), 0);
    const damaged = copy(valid, path.join(tmp, "damaged"));
    fs.writeFileSync(files(damaged)[1], "not a certificate");

    const reason = (dir: string) => {
      const [ca, cert, key] = files(dir);
      return problem({ ca, cert, key });
    };
    expect(reason(mixedKey)).toBe("localhost.key does not match the certificate");
    expect(reason(mixedCa)).toBe("the localhost certificate is not signed by ca.crt");
    expect(reason(expiring)).toMatch(/expires within a day/);
    expect(reason(damaged)).toMatch(/^unreadable/);
    const picked = await pickCerts({ officeDir: mixedKey, ownDir: valid });
    expect(picked).toMatchObject({ dir: valid, source: "generated" });
  }, 120_000);
});
