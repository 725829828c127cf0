import type { MigrationInterface, QueryRunner } from "typeorm";

export class Teams1764500000000 implements MigrationInterface {
  name = "Teams1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        client_id uuid NOT NULL UNIQUE REFERENCES clients (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE team_memberships (
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        is_lead boolean NOT NULL DEFAULT false,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, member_id)
      )`);
    // Exactly one lead per team: at most one by this index, at least one by the service.
    await queryRunner.query(
      `CREATE UNIQUE INDEX team_memberships_one_lead ON team_memberships (team_id) WHERE is_lead`,
    );
    await queryRunner.query(`CREATE INDEX team_memberships_member ON team_memberships (member_id)`);
    // A shareable client link remembers the team each sign-up through it gets.
    await queryRunner.query(`ALTER TABLE invitations ADD COLUMN team_member_ids uuid[]`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX clients_open_email ON clients (account_id, lower(email)) WHERE email IS NOT NULL AND status <> 'REMOVED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX clients_open_email`);
    await queryRunner.query(`ALTER TABLE invitations DROP COLUMN team_member_ids`);
    await queryRunner.query(`DROP TABLE team_memberships`);
    await queryRunner.query(`DROP TABLE teams`);
  }
}
