import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The query-cost budget's two writes as functions (modules/rate-limits): one definition that
 * the system pool calls with bind parameters and a request's transaction calls inside the
 * statements it sends anyway (the charge before its BEGIN, the refund after its COMMIT), so
 * charging costs no round trip of its own. Plain SECURITY INVOKER functions: `pn_app` already holds DML on
 * `rate_limit_buckets` (1765000000000 grants it on every table; the table has no
 * account_id and no row-level security), so the function gives no one anything new.
 *
 * `pn_spend_cost` takes `cost` points from the bucket `bucket` when that many are left after
 * refilling at `restore_rate` a second since its last use (never above `capacity`), and
 * says whether it did; `pn_refund_cost` gives points back. `at` is the caller's clock, so
 * tests move time instead of waiting.
 */
export class CostBudgetFunctions1765421000000 implements MigrationInterface {
  name = "CostBudgetFunctions1765421000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const refilled = `least(capacity, b.available + restore_rate * greatest(0, extract(epoch FROM at - b.updated_at)))`;
    await queryRunner.query(`
      CREATE FUNCTION pn_spend_cost(bucket text, cost float8, capacity float8, at timestamptz, restore_rate float8,
        OUT available float8, OUT granted boolean)
      LANGUAGE sql AS $$
        INSERT INTO rate_limit_buckets AS b (key, available, updated_at, last_granted)
        VALUES (bucket, capacity - cost, at, true)
        ON CONFLICT (key) DO UPDATE SET
          available = CASE WHEN ${refilled} >= cost THEN ${refilled} - cost ELSE ${refilled} END,
          updated_at = greatest(b.updated_at, at),
          last_granted = ${refilled} >= cost
        RETURNING b.available, b.last_granted
      $$`);
    // No row: pruned meanwhile, i.e. it had refilled completely; the caller reports a full bucket.
    // It never raises: it runs after the request's COMMIT in the same round trip, where a failure
    // would read as a failed commit; a refund that did not happen only leaves the caller poorer.
    await queryRunner.query(`
      CREATE FUNCTION pn_refund_cost(bucket text, points float8, capacity float8, at timestamptz, restore_rate float8,
        OUT available float8, OUT refunded boolean)
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE rate_limit_buckets AS b
           SET available = least(capacity, b.available + points
                 + restore_rate * greatest(0, extract(epoch FROM at - b.updated_at))),
               updated_at = greatest(b.updated_at, at)
         WHERE b.key = bucket
         RETURNING b.available INTO available;
        refunded := true;
      EXCEPTION WHEN OTHERS THEN
        available := NULL;
        refunded := false;
      END $$`);
    for (const signature of SIGNATURES) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO pn_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const signature of SIGNATURES) await queryRunner.query(`DROP FUNCTION ${signature}`);
  }
}

const SIGNATURES = [
  "pn_spend_cost(text, float8, float8, timestamptz, float8)",
  "pn_refund_cost(text, float8, float8, timestamptz, float8)",
];
