/**
 * Opaque, type-tagged global IDs (Relay). The encoding is base64url of
 * "Type:localId" so an ID of one type can never be mistaken for another's.
 */
export type GlobalIdParts = { type: string; id: string };

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;

export function toGlobalId(type: string, id: string): string {
  if (!TYPE_NAME.test(type)) throw new Error(`Invalid type name for a global ID: ${type}`);
  return base64UrlEncode(`${type}:${id}`);
}

/** Returns null for anything that is not a well-formed global ID; never throws. */
export function fromGlobalId(globalId: string): GlobalIdParts | null {
  if (typeof globalId !== "string" || globalId.length === 0 || globalId.length > 200) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = base64UrlDecode(globalId);
  if (decoded === null) return null;
  const separator = decoded.indexOf(":");
  if (separator <= 0) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!TYPE_NAME.test(type) || id.length === 0) return null;
  // Re-encoding must give back the same string, so non-canonical spellings are rejected.
  if (base64UrlEncode(decoded) !== globalId) return null;
  return { type, id };
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64UrlDecode(encoded: string): string | null {
  try {
    const base64 = encoded.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
