import type { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_USER_ID = "(SELECT nullif(current_setting('app.user_id', true), '')::uuid)";

/**
 * Passwords and sessions (docs/api.md "Passwords and sessions"):
 *
 * - `password_reset_tokens`: the emailed reset links, stored hashed, single-use, one hour.
 *   They belong to a person, not an account, so the table has no account_id and no tenant
 *   policy; the app role's DML on it comes from the default privileges of the row-level
 *   security migration.
 * - `sessions.user_agent` and `sessions.ip`, recorded when a session starts, so the person
 *   can tell their sessions apart in the list they sign out of.
 * - `personal_mail` on the outbox: an email that belongs to no account (a reset link) may be
 *   written and read back by a request only once it knows who the person is, and only when
 *   it goes to that person's own sign-in address. Without it, tenant isolation refuses every
 *   row whose account_id is null.
 */
export class PasswordResetsSessionDetails1765320000000 implements MigrationInterface {
  name = "PasswordResetsSessionDetails1765320000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX password_reset_tokens_user ON password_reset_tokens (user_id)`,
    );
    await queryRunner.query(`ALTER TABLE sessions ADD COLUMN user_agent text, ADD COLUMN ip text`);
    await queryRunner.query(`
      CREATE POLICY personal_mail ON outbox
        USING (account_id IS NULL AND lower(to_address) = (SELECT lower(email) FROM users WHERE id = ${CURRENT_USER_ID}))
        WITH CHECK (account_id IS NULL AND lower(to_address) = (SELECT lower(email) FROM users WHERE id = ${CURRENT_USER_ID}))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY personal_mail ON outbox`);
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN ip, DROP COLUMN user_agent`);
    await queryRunner.query(`DROP TABLE password_reset_tokens`);
  }
}
