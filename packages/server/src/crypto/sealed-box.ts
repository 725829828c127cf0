/**
 * Authenticated encryption (AES-256-GCM) for secrets that must wait in the
 * database before use, such as the invitation link inside a queued email: the
 * row holds only ciphertext; the key lives outside the database (APP_SECRET).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export type SealKey = Buffer;

export function sealKeyFrom(secret: string): SealKey {
  return createHash("sha256").update(`partner-network:sealed-box:${secret}`).digest();
}

export function seal(plaintext: string, key: SealKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** Throws when the box was sealed with another key or altered. */
export function open(sealed: string, key: SealKey): string {
  const bytes = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}
