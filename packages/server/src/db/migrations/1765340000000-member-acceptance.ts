import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Consent for memberships someone else created (docs/api.md "Identity ownership").
 *
 * - `accepted_at`: when the person agreed to be in the account; null while a membership an
 *   account created for them (an external member added by email, say) awaits their answer.
 *   Entering an account, and the account seeing the person's own name and email, need it.
 * - `display_name` / `display_email`: what the account typed, shown to the account instead
 *   of the person's own identity until they accept (and, for a placeholder who never set a
 *   password, the name the account keeps renaming).
 * - `declined_at`: when the person said no; the membership is archived, stays out of their
 *   pending list even if restored, and the account sees that they declined.
 * - `added_by_name`: who added them, as the account showed that person at the time; the
 *   invitee reads it in their pending list without reaching into the account's members.
 *
 * Every existing membership counts as accepted (backfilled from created_at): today's people
 * keep their access, and hiding names the accounts already know would protect nothing.
 * There is no default: each insert says whether the person acted, and the check makes an
 * unaccepted row without a display identity (which would show the real one) impossible.
 */
export class MemberAcceptance1765340000000 implements MigrationInterface {
  name = "MemberAcceptance1765340000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE members ADD COLUMN accepted_at timestamptz, ADD COLUMN display_name text,
         ADD COLUMN display_email text, ADD COLUMN declined_at timestamptz, ADD COLUMN added_by_name text`,
    );
    await queryRunner.query("UPDATE members SET accepted_at = created_at");
    await queryRunner.query(
      `ALTER TABLE members ADD CONSTRAINT members_unaccepted_display CHECK
         (accepted_at IS NOT NULL OR (display_name IS NOT NULL AND display_email IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE members DROP CONSTRAINT members_unaccepted_display");
    await queryRunner.query(
      `ALTER TABLE members DROP COLUMN accepted_at, DROP COLUMN display_name,
         DROP COLUMN display_email, DROP COLUMN declined_at, DROP COLUMN added_by_name`,
    );
  }
}
