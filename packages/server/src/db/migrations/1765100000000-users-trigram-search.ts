import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Member search (`name ILIKE '%term%' OR email ILIKE '%term%'`) can use no b-tree: without
 * these it scans every user. pg_trgm is a trusted extension (PostgreSQL 13+), so a database
 * owner may create it without being superuser; where even that is not allowed, or the
 * server lacks the contrib files, the migration still succeeds and search keeps scanning
 * (correct, slower). `membersService.listMembers` uses the indexes through a bounded user
 * lookup (README, "Decisions").
 */
export class UsersTrigramSearch1765100000000 implements MigrationInterface {
  name = "UsersTrigramSearch1765100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    // The exception block is a subtransaction: a refusal leaves the migration's transaction usable.
    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available (%): member search will scan users', SQLERRM;
      END $$`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          CREATE INDEX IF NOT EXISTS users_name_trgm ON users USING gin (name gin_trgm_ops);
          CREATE INDEX IF NOT EXISTS users_email_trgm ON users USING gin (email gin_trgm_ops);
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS users_email_trgm`);
    await queryRunner.query(`DROP INDEX IF EXISTS users_name_trgm`);
    // The extension stays: other objects of the database may use it by now.
  }
}
