/**
 * The user a log-in names, read on the system pool in one statement that returns its
 * connection at once. Checking the password takes a third of a second; done with the
 * request's own transaction open it would hold one of the pool's few connections for all of
 * it, and a burst of log-ins would leave none for anyone else. The request's transaction
 * opens only once the password has matched (identityService.logIn).
 */
import type { EntityManager } from "typeorm";
import { normalizeEmail } from "@pn/shared";
import { queryRows } from "../../db/sql";
import type { UserRow } from "./user.type";

export type UserWithPassword = UserRow & { password_hash: string | null };

export type CredentialLookup = {
  userWithPassword(email: string): Promise<UserWithPassword | null>;
  /** A signed-in user's stored hash, to re-confirm their password (ownership transfer). */
  passwordHashOf(userId: string): Promise<string | null>;
  /** A signed-in user's email and hash, to re-confirm their password (changePassword, counted per email). */
  userWithPasswordById(userId: string): Promise<UserWithPassword | null>;
};

export function createCredentialLookup(systemDb: EntityManager): CredentialLookup {
  return {
    async userWithPassword(email) {
      const [row] = await queryRows<UserWithPassword>(
        systemDb,
        "SELECT id, email, name, email_verified_at, password_hash FROM users WHERE email_key(email) = email_key($1)",
        [normalizeEmail(email)],
      );
      return row ?? null;
    },
    async passwordHashOf(userId) {
      const [row] = await queryRows<{ password_hash: string | null }>(
        systemDb,
        "SELECT password_hash FROM users WHERE id = $1",
        [userId],
      );
      return row?.password_hash ?? null;
    },
    async userWithPasswordById(userId) {
      const [row] = await queryRows<UserWithPassword>(
        systemDb,
        "SELECT id, email, name, password_hash FROM users WHERE id = $1",
        [userId],
      );
      return row ?? null;
    },
  };
}
