/**
 * A local certificate authority for the emulator's HTTPS listener. Real portals are HTTPS-only
 * and B24Hook builds https:// URLs (node_modules/@bitrix24/b24jssdk hook/), so the emulator
 * serves HTTPS with a server certificate for 127.0.0.1/localhost signed by this CA; test
 * processes trust the CA through NODE_EXTRA_CA_CERTS.
 */
import fs from "node:fs";
import path from "node:path";
import { generate } from "selfsigned";

export interface LocalCa {
  caCertPath: string;
  caCertPem: string;
  serverKeyPath: string;
  serverKeyPem: string;
  serverCertPath: string;
  serverCertPem: string;
}

const DAY = 24 * 3600 * 1000;

function paths(dir: string) {
  return {
    caCert: path.join(dir, "ca.pem"),
    caKey: path.join(dir, "ca-key.pem"),
    serverCert: path.join(dir, "server.pem"),
    serverKey: path.join(dir, "server-key.pem"),
  };
}

function load(dir: string): LocalCa | null {
  const p = paths(dir);
  if (![p.caCert, p.caKey, p.serverCert, p.serverKey].every((f) => fs.existsSync(f))) return null;
  return {
    caCertPath: p.caCert,
    caCertPem: fs.readFileSync(p.caCert, "utf8"),
    serverKeyPath: p.serverKey,
    serverKeyPem: fs.readFileSync(p.serverKey, "utf8"),
    serverCertPath: p.serverCert,
    serverCertPem: fs.readFileSync(p.serverCert, "utf8"),
  };
}

async function create(dir: string): Promise<void> {
  const p = paths(dir);
  const notBeforeDate = new Date(Date.now() - DAY);
  const notAfterDate = new Date(Date.now() + 3650 * DAY);
  const ca = await generate([{ name: "commonName", value: "StaffSuite Emulator Local CA" }], {
    algorithm: "sha256",
    keySize: 2048,
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: "commonName", value: "localhost" }], {
    algorithm: "sha256",
    keySize: 2048,
    notBeforeDate,
    notAfterDate: new Date(Date.now() + 825 * DAY),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  fs.writeFileSync(p.caKey, ca.private, { mode: 0o600 });
  fs.writeFileSync(p.serverKey, server.private, { mode: 0o600 });
  fs.writeFileSync(p.serverCert, server.cert);
  // ca.pem last: its presence (with the others) marks a complete set.
  fs.writeFileSync(p.caCert, ca.cert);
}

/** Loads the CA and server certificate from `dir`, creating them once if missing. */
export async function ensureLocalCa(dir: string): Promise<LocalCa> {
  fs.mkdirSync(dir, { recursive: true });
  const existing = load(dir);
  if (existing) return existing;
  // Several test processes may start at once: a lock directory (mkdir is atomic) lets one create.
  const lock = path.join(dir, ".lock");
  for (let i = 0; i < 600; i++) {
    try {
      fs.mkdirSync(lock);
      try {
        const again = load(dir);
        if (again) return again;
        await create(dir);
        return load(dir) as LocalCa;
      } finally {
        fs.rmSync(lock, { recursive: true, force: true });
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const ready = load(dir);
      if (ready) return ready;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error("ensureLocalCa: timed out waiting for another process");
}

/**
 * The file to give child processes as NODE_EXTRA_CA_CERTS: the CA, plus whatever the environment
 * already trusted that way (machines and CI images often set it to a corporate or system bundle,
 * which replacing would drop). Node reads the variable only at start, so set it before spawning.
 */
export function trustBundle(ca: LocalCa, inherited = process.env.NODE_EXTRA_CA_CERTS): string {
  const bundlePath = path.join(path.dirname(ca.caCertPath), "trust-bundle.pem");
  if (!inherited || path.resolve(inherited) === path.resolve(ca.caCertPath) || path.resolve(inherited) === bundlePath) return ca.caCertPath;
  let extra = "";
  try {
    extra = fs.readFileSync(inherited, "utf8");
  } catch {
    // A dangling setting is Node's to warn about; trust at least our CA.
  }
  fs.writeFileSync(bundlePath, `${extra.trimEnd()}\n${ca.caCertPem}`);
  return bundlePath;
}
