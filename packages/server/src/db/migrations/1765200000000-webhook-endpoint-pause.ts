import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An endpoint that keeps failing is paused on its own: its deliveries wait until
 * `paused_until` without holding a worker slot, so one tenant's broken or hanging receiver
 * never delays another tenant's webhooks (modules/webhooks/webhook-delivery.ts).
 */
export class WebhookEndpointPause1765200000000 implements MigrationInterface {
  name = "WebhookEndpointPause1765200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE webhook_endpoints
        ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0,
        ADD COLUMN paused_until timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE webhook_endpoints DROP COLUMN paused_until, DROP COLUMN consecutive_failures",
    );
  }
}
