/**
 * Password hashing and checking, with scrypt at OWASP's recommended cost (N=2^17, r=8, p=1).
 * The stored form names its parameters so they can be raised later without
 * breaking existing hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";

const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Member access (not bare functions) so tests can observe that every log-in path verifies a hash. */
export const passwords = { hash: hashPassword, verify: verifyPassword };

/** Longer input is cut here before hashing, so a huge password cannot buy a slow scrypt. */
const PASSWORD_CHECK_MAX_LENGTH = 1024;

let dummyHash: Promise<string> | undefined;
/** Unknown emails are checked against this so they take as long as a wrong password. */
function hashForUnknownUser(): Promise<string> {
  dummyHash ??= passwords.hash("not-a-real-password-for-timing");
  return dummyHash;
}

/**
 * Whether `password` matches a user's stored hash. A missing user or a user without a
 * password never matches, but a hash is verified all the same so timing tells nothing.
 */
export async function passwordMatchesHash(
  password: string,
  storedHash: string | null | undefined,
): Promise<boolean> {
  const matches = await passwords.verify(
    password.slice(0, PASSWORD_CHECK_MAX_LENGTH),
    storedHash ?? (await hashForUnknownUser()),
  );
  return Boolean(storedHash) && matches;
}

/** Re-confirms a signed-in user's password (ownership transfer); a user without a password never matches. */
export async function userPasswordMatches(
  db: EntityManager,
  userId: string,
  password: string,
): Promise<boolean> {
  const [row] = await queryRows<{ password_hash: string | null }>(
    db,
    "SELECT password_hash FROM users WHERE id = $1",
    [userId],
  );
  return passwordMatchesHash(password, row?.password_hash);
}
