import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Row-level security as a second wall behind the services' `account_id = $n` filters.
 *
 * Every table with an `account_id` column gets RLS enabled and forced and the policy
 * `tenant_isolation`: a row is visible and writable only while the transaction's
 * `app.account_id` names its account (or `app.network_account_ids` lists it, which only
 * the named cross-tenant flows set; see SECURITY.md). Two user-scoped policies let a
 * signed-in person see their own memberships in every account (log-in, account
 * selector) and manage their own sessions. The settings are read through scalar
 * subqueries so PostgreSQL evaluates them once per statement, not once per row.
 *
 * The app's requests connect as `pn_app` (created here when missing; roles are
 * cluster-wide, so creation tolerates a concurrent creator). The owner running this
 * migration must be a superuser or BYPASSRLS: it keeps running migrations, the seed,
 * pg-boss, authentication and the mail worker.
 */
const CURRENT_ACCOUNT = "(SELECT nullif(current_setting('app.account_id', true), '')::uuid)";
// Cast outside the subquery: `= ANY ((SELECT …))` would compare with each row of a subquery instead.
const NETWORK_ACCOUNTS =
  "(SELECT string_to_array(nullif(current_setting('app.network_account_ids', true), ''), ','))::uuid[]";
const CURRENT_USER_ID = "(SELECT nullif(current_setting('app.user_id', true), '')::uuid)";
export const TENANT_CONDITION = `account_id = ${CURRENT_ACCOUNT} OR account_id = ANY (${NETWORK_ACCOUNTS})`;

export class RowLevelSecurity1765000000000 implements MigrationInterface {
  name = "RowLevelSecurity1765000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pn_app') THEN
          CREATE ROLE pn_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
        END IF;
      EXCEPTION
        -- Another database on this cluster created it at the same moment.
        WHEN duplicate_object OR unique_violation THEN NULL;
      END
      $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO pn_app`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO pn_app`,
    );
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO pn_app`);
    await queryRunner.query(`REVOKE ALL ON migrations FROM pn_app`);
    // Tables of later migrations (run by the same owner) are usable by the app at once; the
    // schema test then fails until a table with account_id also gets its policy.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pn_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO pn_app`,
    );

    const tables: { table_name: string }[] = await queryRunner.query(
      `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND c.column_name = 'account_id' AND t.table_type = 'BASE TABLE'
       ORDER BY c.table_name`,
    );
    for (const { table_name: table } of tables) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY tenant_isolation ON "${table}" USING (${TENANT_CONDITION}) WITH CHECK (${TENANT_CONDITION})`,
      );
    }
    // A person's own memberships in every account: log-in picks an account, the selector lists them.
    await queryRunner.query(
      `CREATE POLICY own_memberships ON members FOR SELECT USING (user_id = ${CURRENT_USER_ID})`,
    );
    // Sessions belong to a person (account_id may be null); ending other people's goes through tenant_isolation.
    await queryRunner.query(
      `CREATE POLICY own_sessions ON sessions USING (user_id = ${CURRENT_USER_ID}) WITH CHECK (user_id = ${CURRENT_USER_ID})`,
    );

    // Before anyone has signed in, an invitation link names its account only through its
    // secret token: this function answers exactly that and nothing else.
    await queryRunner.query(`
      CREATE FUNCTION invitation_account_by_token_hash(hash bytea) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT account_id FROM invitations WHERE token_hash = hash $$`);
    await queryRunner.query(
      `REVOKE ALL ON FUNCTION invitation_account_by_token_hash(bytea) FROM PUBLIC`,
    );
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION invitation_account_by_token_hash(bytea) TO pn_app`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION invitation_account_by_token_hash(bytea)`);
    await queryRunner.query(`DROP POLICY own_sessions ON sessions`);
    await queryRunner.query(`DROP POLICY own_memberships ON members`);
    const tables: { tablename: string }[] = await queryRunner.query(
      `SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation'`,
    );
    for (const { tablename: table } of tables) {
      await queryRunner.query(`DROP POLICY tenant_isolation ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM pn_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM pn_app`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM pn_app`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM pn_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM pn_app`);
  }
}
