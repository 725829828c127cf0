import type { MigrationInterface, QueryRunner } from "typeorm";

export class AuditEvents1764600000000 implements MigrationInterface {
  name = "AuditEvents1764600000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        actor_member_id uuid REFERENCES members (id) ON DELETE SET NULL,
        -- How the actor came in: 'session' or 'api_token', and which token.
        via text NOT NULL,
        api_token_id uuid REFERENCES api_tokens (id) ON DELETE SET NULL,
        ip text,
        action text NOT NULL,
        object_type text NOT NULL,
        object_id uuid NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_events_account_created ON audit_events (account_id, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
  }
}
