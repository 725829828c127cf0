/**
 * Password hashing and checking, with scrypt at OWASP's recommended cost (N=2^17, r=8, p=1).
 * The stored form names its parameters so they can be raised later without
 * breaking existing hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { availableParallelism } from "node:os";
import { ServiceBusyError } from "../../service-busy";
import type { CredentialLookup } from "./credentials";

const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/**
 * Hashes run a few at a time, in front of libuv's thread pool: each takes about a third of a
 * second of one core and 128 MB, so a burst of log-ins would otherwise fill the thread pool
 * (delaying DNS and file I/O too) and the memory. Past `maxWaiting`, a hash is refused with
 * "busy, retry after" rather than queued behind seconds of others.
 */
export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** A running average of one hash's time, for an honest `retry-after`. */
  private averageMs = 300;

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        const seconds = Math.max(
          1,
          Math.ceil((this.waiting.length * this.averageMs) / this.concurrency / 1000),
        );
        throw new ServiceBusyError(seconds, "Too many sign-ins are being checked right now.");
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2;
      // The slot passes straight to the next waiter, so `running` stays as it is.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** Sized for the machine: one hash per core, up to libuv's default four threads. */
export const hashQueue = new HashQueue(Math.min(4, availableParallelism()), 32);

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return hashQueue.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
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

/**
 * Re-confirms a signed-in user's password (ownership transfer). The hash is read on the
 * system pool, so no connection of the request waits while it is checked.
 */
export async function userPasswordMatches(
  credentials: CredentialLookup,
  userId: string,
  password: string,
): Promise<boolean> {
  return passwordMatchesHash(password, await credentials.passwordHashOf(userId));
}
