import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Single-use links that prove a mailbox (docs/api.md "Identity and verification"). Only the
 * SHA-256 of each link's secret is stored (crypto/secret-token.ts).
 *
 * - purpose 'sign_up': sent at sign-up and on resend; `user_id` is the registration it verifies.
 * - purpose 'client_link': a shareable client link was followed with a typed email; nothing
 *   exists yet. The row holds what the person typed (name, password hash) until the emailed
 *   link completes the acceptance of `invitation_id`; `user_id` stays null.
 *
 * No account_id: the rows belong to a person or a mailbox, not a tenant, and only the
 * identity module reads them (by token hash, or by user for the resend limits).
 */
export class EmailVerifications1765330000000 implements MigrationInterface {
  name = "EmailVerifications1765330000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE email_verifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose text NOT NULL CHECK (purpose IN ('sign_up', 'client_link')),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        email text NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        invitation_id uuid REFERENCES invitations (id) ON DELETE CASCADE,
        name text,
        password_hash text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((purpose = 'sign_up') = (user_id IS NOT NULL)),
        CHECK ((purpose = 'client_link') = (invitation_id IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX email_verifications_user ON email_verifications (user_id, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE email_verifications`);
  }
}
