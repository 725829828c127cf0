import type { MigrationInterface, QueryRunner } from "typeorm";

export class PartnersClients1764400000000 implements MigrationInterface {
  name = "PartnersClients1764400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        company_name text NOT NULL,
        contact_name text,
        contact_email text,
        partner_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'REMOVED')),
        allow_login boolean NOT NULL DEFAULT false,
        guest boolean NOT NULL DEFAULT false,
        domain text,
        external_id text,
        public_url text,
        logo bytea,
        logo_content_type text,
        logo_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        connected_at timestamptz,
        removed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX partners_external_id ON partners (account_id, external_id) WHERE external_id IS NOT NULL`,
    );
    // One live link per pair of accounts.
    await queryRunner.query(`CREATE UNIQUE INDEX partners_linked_account ON partners (account_id, partner_account_id)
      WHERE partner_account_id IS NOT NULL AND status <> 'REMOVED'`);
    await queryRunner.query(
      `CREATE INDEX partners_account_created ON partners (account_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX partners_partner_account ON partners (partner_account_id) WHERE status = 'ACTIVE'`,
    );

    await queryRunner.query(`
      CREATE TABLE clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('ACCOUNT', 'PERSON')),
        name text NOT NULL,
        email text,
        phone text,
        client_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
        -- For ACCOUNT clients: the partner row on the other side of the link.
        partner_id uuid REFERENCES partners (id) ON DELETE SET NULL,
        member_id uuid REFERENCES members (id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'REMOVED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX clients_account_created ON clients (account_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX clients_partner ON clients (partner_id) WHERE partner_id IS NOT NULL`,
    );

    await queryRunner.query(
      `ALTER TABLE members ADD CONSTRAINT members_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id) ON DELETE SET NULL`,
    );
    // The Pending tab: an account's members by status, optionally by partner, newest first.
    await queryRunner.query(
      `CREATE INDEX members_partner_status_created ON members (partner_id, status, created_at DESC, id DESC) WHERE partner_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE invitations ADD COLUMN partner_id uuid REFERENCES partners (id) ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE invitations ADD COLUMN client_id uuid REFERENCES clients (id) ON DELETE SET NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE invitations DROP COLUMN client_id, DROP COLUMN partner_id`,
    );
    await queryRunner.query(`DROP INDEX members_partner_status_created`);
    await queryRunner.query(`ALTER TABLE members DROP CONSTRAINT members_partner_fk`);
    await queryRunner.query(`DROP TABLE clients`);
    await queryRunner.query(`DROP TABLE partners`);
  }
}
