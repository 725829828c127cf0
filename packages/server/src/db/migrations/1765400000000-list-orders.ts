import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Sorted lists (docs/api.md "Sorting"): every `orderBy` of the member, invitation,
 * partner and client lists reads an index in order, so a deep page costs what the first
 * does (keyset pagination, ties broken by id).
 *
 * - `pn_list_order`: an ICU collation at strength 2: case-insensitive and accent-aware
 *   ("angel" < "Ängel" < "Bob", "Emile" next to "émile"), not byte order. It stays
 *   deterministic (strings equal to ICU are then ordered by their bytes), so equality,
 *   LIKE and b-tree deduplication behave as with the default collation.
 * - `members.list_name` / `members.list_email`: the name and email the account sees
 *   (members.type.ts MEMBER_NAME_SQL / MEMBER_EMAIL_SQL: what it typed until the person
 *   accepts). They join members and users, and an index cannot, so a trigger keeps them
 *   on the member row: computed on every insert and on changes of the columns they read,
 *   and recomputed when the person's own name, email or password state changes. The
 *   functions are SECURITY DEFINER (run as this migration's owner, which bypasses
 *   row-level security) because a person's rename must reach their memberships in every
 *   account, not only the one the request is scoped to.
 * - `partner_member_tallies`: each partner's PENDING people, kept by statement-level
 *   triggers on members (one UPDATE per statement, none when the count does not change)
 *   so PENDING_MEMBERS can be read from an index. It is a table of its own rather than a
 *   column of partners so a member change never waits for, or deadlocks with, a
 *   transaction holding the partner row (removal from the network locks the partner
 *   first and archives its people second).
 *
 * - `members.role_rank` / `status_rank`, `invitations.status_rank` / `list_email`: generated
 *   columns for the keys that are expressions (an enum's declared order, a null email as
 *   ''). A keyset condition `(key, id) > (…)` starts the index scan only when every
 *   function in it is leakproof: under row-level security anything else is evaluated
 *   after the policy, as a filter over the whole list, and a deep page would again cost
 *   what the rows before it cost. Comparisons of plain columns are leakproof.
 *
 * The sort-key expressions are written out here and in the modules' list queries
 * (`ORDER_KEYS` in members.service.ts and its siblings); list-order-plans.spec.ts fails
 * when a query no longer matches its index.
 */
const CURRENT_ACCOUNT = "(SELECT nullif(current_setting('app.account_id', true), '')::uuid)";
const NETWORK_ACCOUNTS =
  "(SELECT string_to_array(nullif(current_setting('app.network_account_ids', true), ''), ','))::uuid[]";
const TENANT_CONDITION = `account_id = ${CURRENT_ACCOUNT} OR account_id = ANY (${NETWORK_ACCOUNTS})`;

export class ListOrders1765400000000 implements MigrationInterface {
  name = "ListOrders1765400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE COLLATION IF NOT EXISTS pn_list_order (provider = icu, locale = 'und-u-ks-level2')`,
    );

    // Members: the shown name and email, kept on the row.
    await queryRunner.query(
      `ALTER TABLE members ADD COLUMN list_name text COLLATE pn_list_order NOT NULL DEFAULT '',
         ADD COLUMN list_email text COLLATE pn_list_order NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(`
      CREATE FUNCTION members_list_identity() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        person record;
      BEGIN
        SELECT name, email, password_hash IS NULL AS placeholder INTO person FROM users WHERE id = NEW.user_id;
        NEW.list_name := coalesce(CASE WHEN NEW.accepted_at IS NULL THEN NEW.display_name
          WHEN person.placeholder THEN coalesce(NEW.display_name, person.name) ELSE person.name END, '');
        NEW.list_email := coalesce(CASE WHEN NEW.accepted_at IS NULL THEN NEW.display_email ELSE person.email END, '');
        RETURN NEW;
      END $$`);
    // list_name and list_email are among the columns: a write to them is recomputed, never kept.
    await queryRunner.query(`
      CREATE TRIGGER members_list_identity
      BEFORE INSERT OR UPDATE OF user_id, accepted_at, display_name, display_email, list_name, list_email ON members
      FOR EACH ROW EXECUTE FUNCTION members_list_identity()`);
    await queryRunner.query(`
      CREATE FUNCTION users_member_list_identity() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        -- Touching list_name fires members_list_identity, which recomputes both columns.
        UPDATE members SET list_name = '' WHERE user_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_member_list_identity
      AFTER UPDATE OF name, email, password_hash ON users
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email
        OR (OLD.password_hash IS NULL) <> (NEW.password_hash IS NULL))
      EXECUTE FUNCTION users_member_list_identity()`);
    await queryRunner.query(`UPDATE members SET list_name = ''`);

    await queryRunner.query(
      `CREATE INDEX members_account_list_name ON members (account_id, list_name, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX members_account_list_email ON members (account_id, list_email, id)`,
    );
    // NOT NULL: a role or status added later without a rank here fails its insert loudly.
    await queryRunner.query(
      `ALTER TABLE members
         ADD COLUMN role_rank int NOT NULL GENERATED ALWAYS AS
           (array_position('{OWNER,ADMINISTRATOR,EDITOR,VIEWER,COLLABORATOR_EXTERNAL,CLIENT}'::text[], role)) STORED,
         ADD COLUMN status_rank int NOT NULL GENERATED ALWAYS AS
           (array_position('{PENDING,ACTIVE,ARCHIVED}'::text[], status)) STORED`,
    );
    await queryRunner.query(
      `CREATE INDEX members_account_role_name ON members (account_id, role_rank, list_name, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX members_account_status_name ON members (account_id, status_rank, list_name, id)`,
    );
    // A partner's people by name (the partner page): without it the account's whole list is walked.
    await queryRunner.query(
      `CREATE INDEX members_partner_list_name ON members (partner_id, list_name, id) WHERE partner_id IS NOT NULL`,
    );

    // Invitations: email (links have none and sort first), status (as stored: EXPIRED is PENDING past its expiry), expiry.
    await queryRunner.query(
      `ALTER TABLE invitations
         ADD COLUMN list_email text COLLATE pn_list_order NOT NULL GENERATED ALWAYS AS (coalesce(email, '')) STORED,
         ADD COLUMN status_rank int NOT NULL GENERATED ALWAYS AS
           (array_position('{PENDING,ACCEPTED,REVOKED}'::text[], status)) STORED`,
    );
    await queryRunner.query(
      `CREATE INDEX invitations_account_email ON invitations (account_id, list_email, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX invitations_account_status_expiry ON invitations (account_id, status_rank, expires_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX invitations_account_expiry ON invitations (account_id, expires_at, id)`,
    );

    // Partners and clients by name.
    await queryRunner.query(
      `CREATE INDEX partners_account_company_name ON partners (account_id, (company_name COLLATE pn_list_order), id)`,
    );
    await queryRunner.query(
      `CREATE INDEX clients_account_name ON clients (account_id, (name COLLATE pn_list_order), id)`,
    );

    // Partners by their pending people.
    await queryRunner.query(`
      CREATE TABLE partner_member_tallies (
        partner_id uuid PRIMARY KEY REFERENCES partners (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        pending int NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(
      `CREATE INDEX partner_member_tallies_account_pending ON partner_member_tallies (account_id, pending, partner_id)`,
    );
    await queryRunner.query(`ALTER TABLE partner_member_tallies ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE partner_member_tallies FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY tenant_isolation ON partner_member_tallies USING (${TENANT_CONDITION}) WITH CHECK (${TENANT_CONDITION})`,
    );
    await queryRunner.query(
      `INSERT INTO partner_member_tallies (partner_id, account_id, pending)
       SELECT p.id, p.account_id, (SELECT count(*) FROM members m WHERE m.partner_id = p.id AND m.status = 'PENDING')
       FROM partners p`,
    );
    await queryRunner.query(`
      CREATE FUNCTION partners_member_tally() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO partner_member_tallies (partner_id, account_id) VALUES (NEW.id, NEW.account_id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER partners_member_tally AFTER INSERT ON partners
      FOR EACH ROW EXECUTE FUNCTION partners_member_tally()`);
    // One function for the three statement triggers; each branch names only the transition
    // tables its event has (PL/pgSQL plans a statement when it first runs it).
    await queryRunner.query(`
      CREATE FUNCTION members_partner_tally() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE partner_member_tallies t SET pending = t.pending + d.delta
          FROM (SELECT partner_id, count(*) AS delta FROM new_rows
                WHERE status = 'PENDING' AND partner_id IS NOT NULL GROUP BY partner_id) d
          WHERE t.partner_id = d.partner_id;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE partner_member_tallies t SET pending = t.pending - d.delta
          FROM (SELECT partner_id, count(*) AS delta FROM old_rows
                WHERE status = 'PENDING' AND partner_id IS NOT NULL GROUP BY partner_id) d
          WHERE t.partner_id = d.partner_id;
        ELSE
          UPDATE partner_member_tallies t SET pending = t.pending + d.delta
          FROM (SELECT partner_id, sum(delta) AS delta FROM (
                  SELECT partner_id, -1 AS delta FROM old_rows WHERE status = 'PENDING' AND partner_id IS NOT NULL
                  UNION ALL
                  SELECT partner_id, 1 FROM new_rows WHERE status = 'PENDING' AND partner_id IS NOT NULL) c
                GROUP BY partner_id HAVING sum(delta) <> 0) d
          WHERE t.partner_id = d.partner_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER members_partner_tally_insert AFTER INSERT ON members
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION members_partner_tally()`);
    await queryRunner.query(`
      CREATE TRIGGER members_partner_tally_update AFTER UPDATE ON members
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION members_partner_tally()`);
    await queryRunner.query(`
      CREATE TRIGGER members_partner_tally_delete AFTER DELETE ON members
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION members_partner_tally()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER members_partner_tally_delete ON members`);
    await queryRunner.query(`DROP TRIGGER members_partner_tally_update ON members`);
    await queryRunner.query(`DROP TRIGGER members_partner_tally_insert ON members`);
    await queryRunner.query(`DROP FUNCTION members_partner_tally()`);
    await queryRunner.query(`DROP TRIGGER partners_member_tally ON partners`);
    await queryRunner.query(`DROP FUNCTION partners_member_tally()`);
    await queryRunner.query(`DROP TABLE partner_member_tallies`);
    await queryRunner.query(`DROP INDEX clients_account_name`);
    await queryRunner.query(`DROP INDEX partners_account_company_name`);
    await queryRunner.query(`DROP INDEX invitations_account_expiry`);
    // Dropping the columns drops their indexes.
    await queryRunner.query(
      `ALTER TABLE invitations DROP COLUMN status_rank, DROP COLUMN list_email`,
    );
    await queryRunner.query(`DROP TRIGGER users_member_list_identity ON users`);
    await queryRunner.query(`DROP FUNCTION users_member_list_identity()`);
    await queryRunner.query(`DROP TRIGGER members_list_identity ON members`);
    await queryRunner.query(`DROP FUNCTION members_list_identity()`);
    // Dropping the columns drops their indexes.
    await queryRunner.query(
      `ALTER TABLE members DROP COLUMN status_rank, DROP COLUMN role_rank, DROP COLUMN list_email, DROP COLUMN list_name`,
    );
    await queryRunner.query(`DROP COLLATION IF EXISTS pn_list_order`);
  }
}
