import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every process keeps the sessions and API tokens it looked up in memory for a few seconds
 * (modules/identity/credential-cache.ts); these triggers tell all of them, on channel
 * `pn_credentials`, the moment a write changes what such a lookup would answer, so a
 * revocation is never served from memory. The payload names what to drop, never a secret:
 * `token:<id>,…`, `session:<id>,…`, `user:<id>,…` (a user's sessions and the tokens their
 * memberships created) or `all:` (a TRUNCATE), at most 200 ids per notification (the payload limit is 8,000 bytes).
 *
 * In a trigger, so no code path can forget it: revoke, expiry changes, log-out, ending other
 * sessions, the account switch, password changes and resets (they end sessions), role,
 * login, status and acceptance changes, archive and removal (cascades included), claims.
 * Statement-level, with transition tables: a bulk change of 1,000 members sends five
 * notifications, not a thousand; NOTIFY is sent at COMMIT, and a rollback sends nothing.
 * Writes that change nothing a lookup reads (`last_used_at`, a session's `last_seen_at`
 * alone) send nothing.
 */
export class CredentialNotifications1765420000000 implements MigrationInterface {
  name = "CredentialNotifications1765420000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pn_notify_credentials(kind text, ids uuid[]) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        distinct_ids uuid[] := ARRAY(SELECT DISTINCT unnest(ids) AS id ORDER BY id);
        chunk int := 200;
        total int := coalesce(cardinality(distinct_ids), 0);
      BEGIN
        FOR start IN 1..total BY chunk LOOP
          PERFORM pg_notify('pn_credentials',
            kind || ':' || array_to_string(distinct_ids[start:start + chunk - 1], ','));
        END LOOP;
      END $$`);

    await queryRunner.query(`
      CREATE FUNCTION pn_api_tokens_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pn_notify_credentials('token', ARRAY(SELECT id FROM old_rows));
        ELSE
          PERFORM pn_notify_credentials('token', ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.revoked_at, n.expires_at, n.scopes, n.created_by_member_id, n.account_id, n.token_hash)
              IS DISTINCT FROM (o.revoked_at, o.expires_at, o.scopes, o.created_by_member_id, o.account_id, o.token_hash)));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION pn_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pn_notify_credentials('session', ARRAY(SELECT id FROM old_rows));
        ELSE
          -- An extension moves expires_at later: nothing cached becomes wrong by it.
          PERFORM pn_notify_credentials('session', ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.user_id, n.account_id, n.token_hash) IS DISTINCT FROM (o.user_id, o.account_id, o.token_hash)
               OR n.expires_at < o.expires_at));
        END IF;
        RETURN NULL;
      END $$`);
    // A membership decides a session's account and role and whether its creator's tokens work.
    await queryRunner.query(`
      CREATE FUNCTION pn_members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pn_notify_credentials('user', ARRAY(SELECT user_id FROM old_rows));
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM pn_notify_credentials('user', ARRAY(SELECT user_id FROM new_rows));
        ELSE
          PERFORM pn_notify_credentials('user', ARRAY(
            SELECT u.user_id FROM new_rows n JOIN old_rows o ON o.id = n.id,
              LATERAL (VALUES (n.user_id), (o.user_id)) AS u (user_id)
            WHERE (n.role, n.can_login, n.status, n.accepted_at, n.user_id, n.account_id)
              IS DISTINCT FROM (o.role, o.can_login, o.status, o.accepted_at, o.user_id, o.account_id)));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION pn_users_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pn_notify_credentials('user', ARRAY(SELECT id FROM old_rows));
        ELSE
          PERFORM pn_notify_credentials('user', ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.password_hash IS DISTINCT FROM o.password_hash));
        END IF;
        RETURN NULL;
      END $$`);

    for (const [table, fn] of TRIGGERED) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_credentials_update AFTER UPDATE ON ${table}
           REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
           FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_credentials_delete AFTER DELETE ON ${table}
           REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }
    // TRUNCATE has no rows to name: every process drops everything.
    await queryRunner.query(`
      CREATE FUNCTION pn_credentials_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pn_credentials', 'all:');
        RETURN NULL;
      END $$`);
    for (const [table] of TRIGGERED)
      await queryRunner.query(
        `CREATE TRIGGER ${table}_credentials_truncate AFTER TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION pn_credentials_truncated()`,
      );
    await queryRunner.query(
      `CREATE TRIGGER members_credentials_insert AFTER INSERT ON members
         REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pn_members_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TRIGGER members_credentials_insert ON members");
    for (const [table, fn] of TRIGGERED) {
      await queryRunner.query(`DROP TRIGGER ${table}_credentials_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_credentials_delete ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_credentials_update ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query("DROP FUNCTION pn_credentials_truncated()");
    await queryRunner.query("DROP FUNCTION pn_notify_credentials(text, uuid[])");
  }
}

const TRIGGERED = [
  ["api_tokens", "pn_api_tokens_changed"],
  ["sessions", "pn_sessions_changed"],
  ["members", "pn_members_changed"],
  ["users", "pn_users_changed"],
] as const;
