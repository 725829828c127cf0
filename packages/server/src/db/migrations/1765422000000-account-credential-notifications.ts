import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A credential's lookup also reads its account's row (name, handle, plan), so
 * `viewer.currentAccount` costs no statement (issue 20); the processes that keep that
 * viewer in memory (modules/identity/credential-cache.ts) drop it when the row changes:
 * `account:<id>,…` on channel `pn_credentials`, through migration 1765420000000's
 * `pn_notify_credentials`. Statement-level, sent at COMMIT, nothing on a rollback.
 */
export class AccountCredentialNotifications1765422000000 implements MigrationInterface {
  name = "AccountCredentialNotifications1765422000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pn_accounts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pn_notify_credentials('account', ARRAY(SELECT id FROM old_rows));
        ELSE
          PERFORM pn_notify_credentials('account', ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.name, n.handle, n.plan) IS DISTINCT FROM (o.name, o.handle, o.plan)));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER accounts_credentials_update AFTER UPDATE ON accounts
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION pn_accounts_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER accounts_credentials_delete AFTER DELETE ON accounts
         REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pn_accounts_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TRIGGER accounts_credentials_delete ON accounts");
    await queryRunner.query("DROP TRIGGER accounts_credentials_update ON accounts");
    await queryRunner.query("DROP FUNCTION pn_accounts_changed()");
  }
}
