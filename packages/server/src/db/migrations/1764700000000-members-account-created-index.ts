import type { MigrationInterface, QueryRunner } from "typeorm";

/** Member lists without a single status (all, or several statuses) read this index in order instead of sorting. */
export class MembersAccountCreatedIndex1764700000000 implements MigrationInterface {
  name = "MembersAccountCreatedIndex1764700000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX members_account_created ON members (account_id, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX members_account_created`);
  }
}
