import { describe, expect, it } from "vitest";
import { createKeyRing, DecryptionError, generateKeyBase64, openBytes, sealBytes } from "./crypto";

describe("sealBytes / openBytes", () => {
  const ring = createKeyRing(generateKeyBase64());

  it("round-trips binary data and never contains the plaintext", () => {
    const plain = Buffer.from("Ada Lovelace,ada@example.test\n".repeat(50), "utf8");
    const sealed = sealBytes(plain, ring);
    expect(sealed.includes(Buffer.from("Lovelace"))).toBe(false);
    expect(openBytes(sealed, ring).equals(plain)).toBe(true);
  });

  it("opens with an old key after a rotation and refuses a tampered byte or an unknown key", () => {
    const old = generateKeyBase64();
    const sealed = sealBytes(Buffer.from("archive"), createKeyRing(old));
    expect(openBytes(sealed, createKeyRing(generateKeyBase64(), [old])).toString()).toBe("archive");
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => openBytes(tampered, createKeyRing(old))).toThrow(DecryptionError);
    expect(() => openBytes(sealed, ring)).toThrow(/No key/);
  });
});
