import { describe, expect, it } from "vitest";
import {
  createKeyRing,
  DecryptionError,
  decryptSecret,
  encryptSecret,
  generateKeyBase64,
  generateToken,
  hashToken,
  keyFromBase64,
  needsReencryption,
  reencryptSecret,
  safeEqual,
} from "./crypto";

describe("encryptSecret / decryptSecret", () => {
  const ring = createKeyRing(generateKeyBase64());

  it("round-trips and never contains the plaintext", () => {
    const secret = "access-token-0123456789abcdef";
    const sealed = encryptSecret(secret, ring);
    expect(sealed).not.toContain(secret);
    expect(sealed.startsWith(`v1.${ring.current.id}.`)).toBe(true);
    expect(decryptSecret(sealed, ring)).toBe(secret);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", ring)).not.toBe(encryptSecret("same", ring));
  });

  it("rejects a tampered ciphertext", () => {
    const parts = encryptSecret("secret", ring).split(".");
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), ring)).toThrow(DecryptionError);
  });

  it("rejects a value sealed by an unknown key, without echoing the value", () => {
    const other = createKeyRing(generateKeyBase64());
    const sealed = encryptSecret("top-secret", other);
    expect(() => decryptSecret(sealed, ring)).toThrow(/No key with id/);
    try {
      decryptSecret(sealed, ring);
    } catch (e) {
      expect(String(e)).not.toContain("top-secret");
    }
  });

  it("rejects garbage", () => {
    expect(() => decryptSecret("plain-token", ring)).toThrow(DecryptionError);
  });
});

describe("key rotation", () => {
  it("opens values of old keys and re-encrypts them with the current one", () => {
    const oldKey = generateKeyBase64();
    const before = createKeyRing(oldKey);
    const sealed = encryptSecret("refresh-token", before);

    const after = createKeyRing(generateKeyBase64(), `${oldKey}, `);
    expect(after.all).toHaveLength(2);
    expect(needsReencryption(sealed, after)).toBe(true);
    expect(decryptSecret(sealed, after)).toBe("refresh-token");

    const moved = reencryptSecret(sealed, after);
    expect(needsReencryption(moved, after)).toBe(false);
    expect(decryptSecret(moved, createKeyRing(Buffer.from(after.current.key).toString("base64")))).toBe("refresh-token");
    expect(reencryptSecret(moved, after)).toBe(moved);
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => keyFromBase64(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});

describe("safeEqual / hashToken", () => {
  it("compares", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("", "")).toBe(true);
  });

  it("hashes to sha256 hex", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(generateToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
