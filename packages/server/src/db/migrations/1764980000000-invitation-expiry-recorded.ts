import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * When an invitation's expiry was published (audit trail and webhooks). Expiry itself is
 * derived at read time; this only makes sure the event is recorded once per lifetime
 * (a resend starts a new lifetime and clears it).
 */
export class InvitationExpiryRecorded1764980000000 implements MigrationInterface {
  name = "InvitationExpiryRecorded1764980000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invitations ADD COLUMN expiry_recorded_at timestamptz`);
    await queryRunner.query(
      `CREATE INDEX invitations_expiry_unrecorded ON invitations (expires_at) WHERE status = 'PENDING' AND expiry_recorded_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX invitations_expiry_unrecorded`);
    await queryRunner.query(`ALTER TABLE invitations DROP COLUMN expiry_recorded_at`);
  }
}
