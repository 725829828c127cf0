import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * API tokens may carry an expiry chosen at creation (null: until revoked). Tokens whose
 * creator is already archived or without login are revoked now: from this release a
 * token is revoked the moment its creator loses access, and one left unrevoked would
 * otherwise come back to life if that member were restored.
 */
export class ApiTokenExpiry1765310000000 implements MigrationInterface {
  name = "ApiTokenExpiry1765310000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`);
    await queryRunner.query(`
      UPDATE api_tokens t SET revoked_at = now()
      FROM members m
      WHERE m.id = t.created_by_member_id AND t.revoked_at IS NULL
        AND (m.status <> 'ACTIVE' OR NOT m.can_login)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE api_tokens DROP COLUMN expires_at`);
  }
}
