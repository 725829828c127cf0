/**
 * The one token module. Secrets handed to people (session ids, API tokens, invitation
 * links, later email-verification and password-reset links): 32 random bytes,
 * base64url. Only their SHA-256 is stored, so a database leak reveals none. Nothing
 * here knows what a token is for: the owner of each purpose stores the hash, the
 * expiry and whether it was used.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

/** A fresh single-use token: the secret for the link, the hash to store, and when it stops working. */
export type MintedToken = { secret: string; hash: Buffer; expiresAt: Date };

export function mintToken(lifetimeMs: number, now: Date): MintedToken {
  const secret = newSecret();
  return { secret, hash: hashSecret(secret), expiresAt: new Date(now.getTime() + lifetimeMs) };
}

/** Whether a typed secret could be one of ours at all; anything else is refused before any lookup. */
export function isWellFormedSecret(secret: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(secret);
}

/** An index found the row by hash; comparing again in constant time keeps timing independent of the secret. */
export function secretMatchesHash(secret: string, storedHash: Buffer): boolean {
  const hash = hashSecret(secret);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}

/** Single use and a lifetime: a token works until it is used or expires, judged at `now`. */
export function isTokenUsable(token: { expiresAt: Date; usedAt: Date | null }, now: Date): boolean {
  return token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}
