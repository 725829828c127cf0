import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Rate-limit state shared by every server process. Keys are global (never tenant rows):
 * "cost:session:<id>", "login-email:<email>", "invite-sends:<account id>", and so on.
 * - rate_limit_buckets: leaky buckets (the query-cost budget), refilled by time.
 * - rate_limit_windows: fixed-window counters (log-in failures, invitation sends, token guesses).
 * Each is changed by one atomic UPSERT, so concurrent requests on any process never overshoot.
 */
export class RateLimits1764900000000 implements MigrationInterface {
  name = "RateLimits1764900000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rate_limit_buckets (
        key text PRIMARY KEY,
        available double precision NOT NULL,
        updated_at timestamptz NOT NULL,
        last_granted boolean NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE rate_limit_windows (
        key text PRIMARY KEY,
        used integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        last_granted boolean NOT NULL
      )`);
    // Pruning deletes finished windows and long-idle buckets by these.
    await queryRunner.query(
      `CREATE INDEX rate_limit_windows_ends ON rate_limit_windows (window_ends_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX rate_limit_buckets_updated ON rate_limit_buckets (updated_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rate_limit_windows`);
    await queryRunner.query(`DROP TABLE rate_limit_buckets`);
  }
}
