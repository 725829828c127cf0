/**
 * The one way another module reaches the users table: a placeholder user (no password) for
 * an email an account adds, or the existing user of that email, who is pointed at and never
 * changed. Kept apart from identity.service, which itself uses the members module.
 */
import { normalizeEmail } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";

export const placeholderUsersService = {
  /**
   * The user of the email: created as a placeholder with the given name when none exists
   * (`created`), else the existing one untouched. The same statement runs either way.
   */
  async findOrCreate(
    db: EntityManager,
    email: string,
    name: string,
  ): Promise<{ id: string; created: boolean }> {
    // The CTE's insert is invisible to the SELECT beside it: exactly one of the two answers.
    const [user] = await queryRows<{ id: string; created: boolean }>(
      db,
      `WITH created AS (
         INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT ((email_key(email))) DO NOTHING RETURNING id)
       SELECT id, true AS created FROM created
       UNION ALL SELECT id, false AS created FROM users WHERE email_key(email) = email_key($1)`,
      [normalizeEmail(email), name],
    );
    if (!user) throw new Error("a user for the email was neither created nor found");
    return user;
  },
};
