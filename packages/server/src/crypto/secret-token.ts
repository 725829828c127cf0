/**
 * Secrets handed to people (session ids, API tokens, invitation links): 32 random
 * bytes, base64url. Only their SHA-256 is stored, so a database leak reveals none.
 */
import { createHash, randomBytes } from "node:crypto";

export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}
