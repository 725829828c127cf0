import type { MigrationInterface, QueryRunner } from "typeorm";

/** Exactly one OWNER per account: at most one by this index, at least one because ownership only moves by transfer. */
export class OneOwnerPerAccount1764800000000 implements MigrationInterface {
  name = "OneOwnerPerAccount1764800000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX members_one_owner ON members (account_id) WHERE role = 'OWNER'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX members_one_owner`);
  }
}
