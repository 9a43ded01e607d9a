/**
 * `npm run emulator -- [flags]`: starts the Bitrix24 portal emulator and prints its URLs.
 *
 *   --host 127.0.0.1          listen address
 *   --port 4000               HTTP port of the OAuth server / control API (0 = any free port)
 *   --https-port 4443         its HTTPS port (0 = any; --no-https to skip)
 *   --control                 serve the control API at /_emulator/ (off by default)
 *   --demo                    create the seeded demo portal "acme" (standard, http, en) on --demo-port
 *   --demo-port 4001          the demo portal's own port (every portal is the root of its own origin)
 *   --portal key[:plan[:protocol[:lang[:port]]]]   add a portal (repeatable; port 0 or absent = a free one)
 *   --seed 1                  seed for portals created by --demo / --portal
 *   --users 220               users per generated portal
 *   --app-client-id ID --app-client-secret S --app-handler URL [--app-install-url URL]
 *   [--app-scopes user,department,...] [--app-name N] [--install-in acme,other] [--installed-by 1]
 *   --access-ttl 3600         access-token life in seconds
 *   --tls-dir .data/tls       where the local CA lives (trust ca.pem via NODE_EXTRA_CA_CERTS)
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmulator, type AppOption } from "./server";
import type { CreatePortalOptions } from "./state/store";
import type { Plan, PortalLang } from "./state/types";

const { values } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "4000" },
    "https-port": { type: "string", default: "4443" },
    "no-https": { type: "boolean", default: false },
    control: { type: "boolean", default: false },
    demo: { type: "boolean", default: false },
    "demo-port": { type: "string", default: "4001" },
    portal: { type: "string", multiple: true, default: [] },
    seed: { type: "string", default: "1" },
    users: { type: "string" },
    "app-client-id": { type: "string" },
    "app-client-secret": { type: "string" },
    "app-handler": { type: "string" },
    "app-install-url": { type: "string" },
    "app-scopes": { type: "string", default: "user,department,task,crm,im,sonet_group,disk" },
    "app-name": { type: "string", default: "StaffSuite" },
    "install-in": { type: "string" },
    "installed-by": { type: "string", default: "1" },
    "access-ttl": { type: "string" },
    "tls-dir": { type: "string", default: ".data/tls" },
  },
});

const seed = { seed: Number(values.seed), ...(values.users ? { users: Number(values.users) } : {}) };
const portals: Array<CreatePortalOptions & { port?: number }> = [];
if (values.demo) portals.push({ key: "acme", plan: "standard", protocol: "http", lang: "en", seed, title: "Acme Demo", port: Number(values["demo-port"]) });
for (const spec of values.portal ?? []) {
  const [key, plan, protocol, lang, port] = spec.split(":");
  portals.push({
    key,
    plan: (plan || "standard") as Plan,
    protocol: (protocol || "http") as "http" | "https",
    lang: (lang || "en") as PortalLang,
    seed,
    port: Number(port || 0),
  });
}

const apps: AppOption[] = [];
if (values["app-client-id"]) {
  if (!values["app-client-secret"] || !values["app-handler"]) {
    console.error("--app-client-id needs --app-client-secret and --app-handler");
    process.exit(2);
  }
  apps.push({
    clientId: values["app-client-id"],
    clientSecret: values["app-client-secret"],
    name: values["app-name"] ?? "App",
    handlerUrl: values["app-handler"],
    installUrl: values["app-install-url"] ?? null,
    scopes: (values["app-scopes"] ?? "").split(",").filter(Boolean),
    installIn: values["install-in"] ? values["install-in"].split(",") : portals.map((p) => p.key),
    installedBy: Number(values["installed-by"]),
  });
}

const emu = await startEmulator({
  host: values.host,
  httpPort: Number(values.port),
  httpsPort: values["no-https"] ? null : Number(values["https-port"]),
  tlsDir: path.resolve(values["tls-dir"] ?? ".data/tls"),
  controlApi: values.control,
  accessTokenTtlSec: values["access-ttl"] ? Number(values["access-ttl"]) : undefined,
  portals,
  apps,
});

console.log(`Bitrix24 emulator on ${emu.httpUrl}${emu.httpsUrl ? ` and ${emu.httpsUrl}` : ""}`);
if (emu.caCertPath) console.log(`  local CA: ${emu.caCertPath} (NODE_EXTRA_CA_CERTS=${emu.caCertPath})`);
console.log(`  OAuth server: ${emu.httpUrl}/oauth/token/`);
if (values.control) console.log(`  control API: ${emu.httpUrl}/_emulator/`);
for (const p of emu.store.portals.values()) {
  const base = `${p.protocol}://${p.domain}`;
  console.log(`  portal ${p.key} (${p.plan}, ${p.protocol}): ${base}/  REST ${base}/rest/  member_id ${p.memberId}`);
  for (const i of p.installs.values()) console.log(`    app ${i.clientId}: ${i.installed ? "installed" : "awaiting installFinish"}`);
}

const stop = () => void emu.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
