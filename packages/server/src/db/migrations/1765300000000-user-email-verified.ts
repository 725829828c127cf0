import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * When the person proved they read the mailbox of their sign-in email (a verification link,
 * or an invitation's emailed link). Until then, memberships someone else created for that
 * email stay out of their reach (docs/api.md "Identity").
 *
 * Users who already set a password count as verified: before this migration every sign-in
 * email had either registered itself or arrived through an emailed invitation link, and
 * locking today's users out of their accounts would be the larger harm.
 */
export class UserEmailVerified1765300000000 implements MigrationInterface {
  name = "UserEmailVerified1765300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE users ADD COLUMN email_verified_at timestamptz");
    await queryRunner.query(
      "UPDATE users SET email_verified_at = created_at WHERE password_hash IS NOT NULL",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE users DROP COLUMN email_verified_at");
  }
}
