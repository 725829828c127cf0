import type { MigrationInterface, QueryRunner } from "typeorm";

export class IdempotencyKeys1764950000000 implements MigrationInterface {
  name = "IdempotencyKeys1764950000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        -- Whose key: the account the caller acts in and the credential ('session:<id>' / 'api_token:<id>').
        scope text NOT NULL,
        key text NOT NULL,
        account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
        -- sha-256 of the operation name, query and variables: the same key must come with the same request.
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
        response_status integer,
        -- The stored response, sealed (AES-256-GCM, key from APP_SECRET): it may hold a secret such as a new API token.
        response_body text,
        created_at timestamptz NOT NULL,
        -- An IN_PROGRESS row older than this was abandoned (its process died) and may be taken over.
        locked_until timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query(
      `CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
