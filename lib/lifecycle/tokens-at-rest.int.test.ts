/**
 * The database never holds a token in clear (docs/architecture.md "What we keep": OAuth tokens encrypted;
 * prisma/schema.prisma: application_token AES-256-GCM). After install, sign-ins and ONAPPINSTALL,
 * every text, JSON and bytea column of every table (found in information_schema, so a table added
 * later is scanned too) is searched for every access, refresh and application token the
 * emulator ever issued for the portal.
 */
import { columnsContaining as scanColumns } from "../../test/support/columns-containing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "../crypto";
import { signInFromPost } from ".";
import { ADMIN_ID, CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";

let h: LifecycleHarness;
let portalId: string;
beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme"] });
  portalId = await h.installPortal("acme");
  await signInFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post);
  await signInFromPost(h.deps, (await h.iframePost("acme", (await h.employee("acme")).id)).post);
});
afterAll(async () => h?.close());

/** Every secret the portal handed to our app: the iframe POSTs', the event's and the refreshed pairs. */
async function issuedSecrets(): Promise<string[]> {
  const grants = await h.grants("acme");
  const application = (await h.installs("acme")).map((i) => i.applicationToken);
  return [...grants.flatMap((g) => [g.accessToken, g.refreshToken]), ...application];
}

/** "schema.table.column" of every cell that contains one of `secrets`. */
const columnsContaining = (secrets: string[]) => scanColumns(h.db.prisma, secrets);

describe("tokens at rest", () => {
  it("what we store decrypts to tokens the portal issued (so the scan looks for the right values)", async () => {
    const secrets = new Set(await issuedSecrets());
    // Three iframe POSTs, one ONAPPINSTALL, each refreshed once: at least 8 pairs plus the application_token.
    expect(secrets.size).toBeGreaterThanOrEqual(17);
    const tokens = await h.db.prisma.portalToken.findMany({ where: { portalId } });
    expect(tokens).toHaveLength(2);
    for (const row of tokens) {
      expect(secrets.has(decryptSecret(row.accessTokenEnc, h.deps.keys))).toBe(true);
      expect(secrets.has(decryptSecret(row.refreshTokenEnc, h.deps.keys))).toBe(true);
    }
    const portal = await h.db.prisma.portal.findUniqueOrThrow({ where: { id: portalId } });
    expect(decryptSecret(portal.applicationTokenEnc!, h.deps.keys)).toBe((await h.installs("acme")).find((i) => i.clientId === CLIENT_ID)!.applicationToken);
  });

  it("no text, JSON or bytea column of any table holds any of them in clear", async () => {
    expect(await columnsContaining(await issuedSecrets())).toEqual([]);
  });

  it("the scan finds a token stored in clear in a text, a JSON or a bytea column (it can fail)", async () => {
    const [leaked] = await issuedSecrets();
    const log = await h.db.prisma.operationLog.create({ data: { portalId, tool: "test", action: "leak", actorUserId: 1, details: { note: `x${leaked}x` } } });
    const archive = await h.db.prisma.privacyArchive.create({
      data: {
        portalId,
        userId: 1,
        tokenHash: "leak",
        chunks: { create: [{ seq: 0, data: Buffer.from(`zip ${leaked} zip`) }] },
        sizeBytes: 1,
        expiresAt: new Date(),
      },
    });
    const session = await h.db.prisma.extensionSession.create({ data: { portalId, userId: 1, tokenHash: "leak", label: leaked } });
    try {
      expect((await columnsContaining(await issuedSecrets())).sort()).toEqual([
        "public.ExtensionSession.label",
        "public.OperationLog.details",
        "public.PrivacyArchiveChunk.data",
      ]);
    } finally {
      await h.db.prisma.extensionSession.delete({ where: { id: session.id } });
      await h.db.prisma.operationLog.delete({ where: { id: log.id } });
      await h.db.prisma.privacyArchive.delete({ where: { id: archive.id } });
    }
  });
});
