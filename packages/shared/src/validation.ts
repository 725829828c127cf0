/** Input rules both the SPA (inline feedback) and the server (authoritative) apply. */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 200;

// Pragmatic, not RFC 5322: one @, no spaces, a dot in the domain, sane lengths.
const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * The stored form of an address: trimmed and in Unicode NFC, so "a\u0308nne@…" (a + combining
 * diaeresis, as some keyboards and macOS file names send it) and "änne@…" are the same text.
 * The typed case is kept: mail goes to the address as the person wrote it.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFC");
}

/**
 * The identity of an address: its stored form with full Unicode case folding, so "ÄNNE@x"
 * and "änne@x" (and "STRASSE@x" / "straße@x") are one login, one invitation, one client.
 * Upper- then lower-casing applies the full mappings (ß → SS → ss, ﬁ → FI → fi, final
 * sigma → Σ → σ) that plain toLowerCase leaves out. PostgreSQL computes the same key with
 * its `email_key(text)` function (migration 1765360000000), which the unique indexes use;
 * JavaScript uses this one for comparisons within a request (duplicates in one import).
 */
export function emailKey(email: string): string {
  // toLowerCase writes a word-final sigma as ς; folding makes every sigma σ.
  return normalizeEmail(email).toUpperCase().toLowerCase().replace(/ς/g, "σ").normalize("NFC");
}

export function isValidEmail(email: string): boolean {
  const value = normalizeEmail(email);
  return value.length <= 254 && value.split("@")[0]!.length <= 64 && EMAIL.test(value);
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return null;
}

/** Handles: 3–40 lowercase letters, digits and inner hyphens, e.g. "acme-demo". */
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

export function isValidHandle(handle: string): boolean {
  return HANDLE_PATTERN.test(handle) && !handle.includes("--");
}

/** How a typed handle is compared and stored: trimmed, lowercase. */
export function normalizeHandle(handle: string): string {
  return handle.trim().toLowerCase();
}

/** Why a (normalized) handle cannot be used, or null when its form is fine; availability is the server's to say. */
export function handleProblem(handle: string): string | null {
  if (handle.length < 3 || handle.length > 40) return "Use 3 to 40 characters.";
  if (!/^[a-z0-9-]+$/.test(handle)) return "Use only lowercase letters, digits and hyphens.";
  if (!isValidHandle(handle))
    return "Start and end with a letter or digit, and do not use two hyphens in a row.";
  return null;
}

/** A handle suggestion from a company name: "Acme Corp." -> "acme-corp". */
export function handleFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
  return slug.length >= 3 ? slug : `${slug || "account"}-co`.replace(/^-/, "");
}

/** A bare domain such as "acme.com" (no scheme, no path). */
export function isValidDomain(domain: string): boolean {
  return /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(
    domain.trim(),
  );
}

export function isValidPublicUrl(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return (
      (parsed.protocol === "https:" || parsed.protocol === "http:") && parsed.hostname.includes(".")
    );
  } catch {
    return false;
  }
}
