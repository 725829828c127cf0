import type { MigrationInterface, QueryRunner } from "typeorm";

export class IdentityAccountsMembers1764100000000 implements MigrationInterface {
  name = "IdentityAccountsMembers1764100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = btrim(email) AND email <> ''),
        name text NOT NULL,
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        handle text NOT NULL CHECK (handle ~ '^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$'),
        plan text NOT NULL DEFAULT 'FREE' CHECK (plan IN ('FREE', 'TEAM', 'BUSINESS', 'ENTERPRISE')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX accounts_handle_key ON accounts (handle)`);

    await queryRunner.query(`
      CREATE TABLE members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('INTERNAL', 'EXTERNAL')),
        role text NOT NULL CHECK (role IN ('OWNER', 'ADMINISTRATOR', 'EDITOR', 'VIEWER', 'COLLABORATOR_EXTERNAL', 'CLIENT')),
        status text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'ARCHIVED')),
        can_login boolean NOT NULL DEFAULT true,
        title text,
        partner_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        archived_at timestamptz,
        UNIQUE (account_id, user_id)
      )`);
    // Keyset pagination of an account's members by status, newest first.
    await queryRunner.query(
      `CREATE INDEX members_account_status_created ON members (account_id, status, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX members_user ON members (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE members`);
    await queryRunner.query(`DROP TABLE accounts`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
