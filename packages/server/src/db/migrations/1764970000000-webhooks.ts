import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Webhook endpoints, their deliveries (the outbox of events, one row per event and
 * endpoint) and each delivery attempt. The signing secret must be usable to sign,
 * so it is kept sealed with APP_SECRET rather than hashed.
 */
export class Webhooks1764970000000 implements MigrationInterface {
  name = "Webhooks1764970000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        url text NOT NULL,
        description text NOT NULL DEFAULT '',
        event_types text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        sealed_secret text NOT NULL,
        created_by_member_id uuid REFERENCES members(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        failing_since timestamptz,
        disabled_reason text
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        message_id text NOT NULL,
        event_type text NOT NULL,
        object_id text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        claimed_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`,
    );
    // Deliveries for one object go out in order: the next waits for the pending ones before it.
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_pending_per_object ON webhook_deliveries (endpoint_id, object_id, sequence) WHERE status = 'PENDING'`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        attempt int NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code int,
        duration_ms int NOT NULL,
        error text
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempted_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_attempts`);
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE webhook_endpoints`);
  }
}
