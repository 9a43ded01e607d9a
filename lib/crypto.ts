/**
 * Secrets at rest and bearer-token hashing.
 *
 * Encrypted values look like `v1.{keyId}.{iv}.{ciphertext}.{tag}` (base64url parts). The key id is
 * the first 8 hex characters of sha256(key), so a value names the key that sealed it: after a
 * rotation (new key in TOKEN_ENCRYPTION_KEY, the previous one moved to TOKEN_ENCRYPTION_KEYS_OLD)
 * old values still open, and `reencrypt` moves them to the current key. AES-256-GCM with a random
 * 96-bit IV per value (NIST SP 800-38D's recommended IV length); the tag authenticates the whole.
 *
 * No "server-only" import: workers and scripts use this module too.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;

/** A 32-byte AES key and the id written in front of what it seals. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The current key seals; every key (current first) may open. */
export interface KeyRing {
  current: EncryptionKey;
  all: readonly EncryptionKey[];
}

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

/** Builds a key from its base64 form (as TOKEN_ENCRYPTION_KEY holds it); must decode to 32 bytes. */
export function keyFromBase64(base64: string): EncryptionKey {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) throw new Error("An encryption key must be 32 bytes, base64-encoded");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

/** Builds the key ring from the current key and a comma-separated list of old keys (either may come from env). */
export function createKeyRing(currentBase64: string, oldBase64List: string | readonly string[] = []): KeyRing {
  const current = keyFromBase64(currentBase64);
  const oldList = typeof oldBase64List === "string" ? oldBase64List.split(",") : oldBase64List;
  const old = oldList
    .map((s) => s.trim())
    .filter(Boolean)
    .map(keyFromBase64)
    .filter((k) => k.id !== current.id);
  return { current, all: [current, ...old] };
}

/** A fresh random key, base64 (for `.env` files and tests). */
export function generateKeyBase64(): string {
  return randomBytes(32).toString("base64");
}

/** Encrypts a short secret with the ring's current key. */
export function encryptSecret(plaintext: string, ring: KeyRing): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  // The key id and version are bound to the ciphertext as associated data: swapping prefixes fails.
  cipher.setAAD(Buffer.from(`${VERSION}.${ring.current.id}`));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ring.current.id, iv.toString("base64url"), body.toString("base64url"), tag.toString("base64url")].join(".");
}

function parse(sealed: string): { keyId: string; iv: Buffer; body: Buffer; tag: Buffer } {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError("Not an encrypted value of a known format");
  const [, keyId, iv, body, tag] = parts;
  return { keyId, iv: Buffer.from(iv, "base64url"), body: Buffer.from(body, "base64url"), tag: Buffer.from(tag, "base64url") };
}

/** Decrypts a value sealed by any key of the ring. Throws DecryptionError (never with the secret in the message). */
export function decryptSecret(sealed: string, ring: KeyRing): string {
  const { keyId, iv, body, tag } = parse(sealed);
  const key = ring.all.find((k) => k.id === keyId);
  if (!key) throw new DecryptionError(`No key with id ${keyId} in the key ring (was an old key dropped too early?)`);
  if (iv.length !== IV_BYTES || tag.length !== 16) throw new DecryptionError("Malformed encrypted value");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv);
    decipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("Encrypted value failed authentication");
  }
}

/** True when a value was sealed by an old key and should be re-encrypted. */
export function needsReencryption(sealed: string, ring: KeyRing): boolean {
  return parse(sealed).keyId !== ring.current.id;
}

/** Opens a value with whatever key sealed it and seals it again with the current key (key rotation). */
export function reencryptSecret(sealed: string, ring: KeyRing): string {
  return needsReencryption(sealed, ring) ? encryptSecret(decryptSecret(sealed, ring), ring) : sealed;
}

/** Compares two secrets in constant time (for application_token and similar checks). */
export function safeEqual(a: string, b: string): boolean {
  // Hash both sides first so the comparison length does not depend on the inputs.
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** sha256 hex of a bearer token: what we store for extension sessions and download links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A random URL-safe bearer token with 256 bits of entropy. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

const BYTES_VERSION = 1;

/**
 * Seals binary data (a privacy archive's chunk) with the ring's current key. Layout:
 * version byte, 8 ASCII bytes of key id, 12-byte IV, 16-byte tag, ciphertext; the version and key
 * id are bound as associated data, as in encryptSecret.
 */
export function sealBytes(plain: Uint8Array, ring: KeyRing): Buffer {
  const iv = randomBytes(IV_BYTES);
  const head = Buffer.concat([Buffer.from([BYTES_VERSION]), Buffer.from(ring.current.id, "ascii")]);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(head);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([head, iv, cipher.getAuthTag(), body]);
}

/** Opens what sealBytes sealed, with whichever key of the ring sealed it. */
export function openBytes(sealed: Uint8Array, ring: KeyRing): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < 1 + 8 + IV_BYTES + 16 || buf[0] !== BYTES_VERSION) throw new DecryptionError("Not sealed bytes of a known format");
  const head = buf.subarray(0, 9);
  const keyId = head.subarray(1).toString("ascii");
  const key = ring.all.find((k) => k.id === keyId);
  if (!key) throw new DecryptionError(`No key with id ${keyId} in the key ring (was an old key dropped too early?)`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, buf.subarray(9, 9 + IV_BYTES));
    decipher.setAAD(head);
    decipher.setAuthTag(buf.subarray(9 + IV_BYTES, 9 + IV_BYTES + 16));
    return Buffer.concat([decipher.update(buf.subarray(9 + IV_BYTES + 16)), decipher.final()]);
  } catch {
    throw new DecryptionError("Sealed bytes failed authentication");
  }
}
