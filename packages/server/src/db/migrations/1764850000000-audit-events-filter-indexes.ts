import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The audit log is read newest first per account (audit_events_account_created);
 * filtered by object, actor or a single action it reads these in order instead of
 * scanning the whole trail.
 */
export class AuditEventsFilterIndexes1764850000000 implements MigrationInterface {
  name = "AuditEventsFilterIndexes1764850000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX audit_events_account_object ON audit_events (account_id, object_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_account_actor ON audit_events (account_id, actor_user_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_account_action ON audit_events (account_id, action, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_events_account_action`);
    await queryRunner.query(`DROP INDEX audit_events_account_actor`);
    await queryRunner.query(`DROP INDEX audit_events_account_object`);
  }
}
