import type { MigrationInterface, QueryRunner } from "typeorm";

export class InvitationsOutbox1764300000000 implements MigrationInterface {
  name = "InvitationsOutbox1764300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('USER', 'PARTNER', 'CLIENT', 'LOGIN')),
        email text,
        role text CHECK (role IN ('OWNER', 'ADMINISTRATOR', 'EDITOR', 'VIEWER', 'COLLABORATOR_EXTERNAL', 'CLIENT')),
        token_hash bytea NOT NULL UNIQUE,
        -- EXPIRED is not stored: a PENDING invitation past expires_at is reported as EXPIRED.
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED')),
        delivery text NOT NULL DEFAULT 'NOT_SENT' CHECK (delivery IN ('NOT_SENT', 'QUEUED', 'SENT', 'FAILED')),
        expires_at timestamptz NOT NULL,
        last_sent_at timestamptz,
        send_count int NOT NULL DEFAULT 0,
        invited_by_member_id uuid REFERENCES members (id) ON DELETE SET NULL,
        accepted_member_id uuid REFERENCES members (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        revoked_at timestamptz
      )`);
    // One open user invitation per email and account; the seat count relies on it.
    await queryRunner.query(`CREATE UNIQUE INDEX invitations_open_user_email ON invitations (account_id, lower(email))
      WHERE kind = 'USER' AND status = 'PENDING'`);
    await queryRunner.query(
      `CREATE INDEX invitations_account_created ON invitations (account_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX invitations_invited_by ON invitations (invited_by_member_id) WHERE status = 'PENDING'`,
    );

    await queryRunner.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
        invitation_id uuid REFERENCES invitations (id) ON DELETE SET NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        -- The one secret link of the email, encrypted; bodies hold {{link}} until delivery.
        sealed_link text,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
        transport text,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_dev_mailbox ON outbox (created_at DESC) WHERE transport = 'dev-mailbox'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox`);
    await queryRunner.query(`DROP TABLE invitations`);
  }
}
