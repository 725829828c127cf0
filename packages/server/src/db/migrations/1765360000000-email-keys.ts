import type { MigrationInterface, QueryRunner } from "typeorm";

/** What JavaScript's String.prototype.trim removes, as a PostgreSQL escape string. */
const JS_WHITESPACE =
  "E' \\t\\n\\u000b\\f\\r\\u00a0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006" +
  "\\u2007\\u2008\\u2009\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'";

const CURRENT_USER_ID = "(SELECT nullif(current_setting('app.user_id', true), '')::uuid)";

/**
 * One identity per address (SECURITY.md "Email addresses"). Until now the unique indexes
 * compared `lower(email)`, which in the C locale folds ASCII only: "ÄNNE@x" and "änne@x",
 * or "änne" typed with a combining diaeresis, were different users and could hold two open
 * invitations.
 *
 * - `email_key(text)`: trim, NFC, Unicode case folding (ICU upper then lower, so ß → ss;
 *   final sigma ς → σ, which lower-casing would bring back), NFC again; the same key as `emailKey` in packages/shared validation.ts. It is
 *   IMMUTABLE so the unique indexes can use it; every lookup by address goes through it.
 * - Stored addresses are brought to their stored form (trimmed, NFC; the case is kept).
 * - Pending user invitations already duplicated under the new key are merged: the oldest
 *   stays open, the later ones are revoked (nobody has accepted them; the seat count
 *   counted each).
 * - Users, and open clients of one account, already duplicated under the new key are not
 *   merged: each is a person with their own password, sessions or history, and choosing
 *   one is a human decision. The migration stops, changes nothing, and lists them; the
 *   operator resolves them (docs/deploy.md "Duplicate email addresses") and restarts.
 */
export class EmailKeys1765360000000 implements MigrationInterface {
  name = "EmailKeys1765360000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION email_key(address text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN normalize(replace(lower(upper(normalize(btrim(address, ${JS_WHITESPACE}), NFC)
          COLLATE "und-x-icu") COLLATE "und-x-icu"), 'ς', 'σ'), NFC)`);

    const duplicates = await findDuplicates(queryRunner);
    if (duplicates.length > 0)
      throw new Error(
        "Email addresses that differ only in case or Unicode form belong to more than one " +
          'user or open client; resolve them (docs/deploy.md "Duplicate email addresses") ' +
          `and restart:\n${duplicates.join("\n")}`,
      );

    await queryRunner.query(`
      UPDATE invitations i SET status = 'REVOKED', revoked_at = now()
      FROM (
        SELECT id, row_number() OVER (PARTITION BY account_id, email_key(email) ORDER BY created_at, id) AS n
        FROM invitations WHERE kind = 'USER' AND status = 'PENDING'
      ) ranked
      WHERE i.id = ranked.id AND ranked.n > 1`);

    await queryRunner.query(`DROP INDEX users_email_key`);
    await queryRunner.query(`DROP INDEX invitations_open_user_email`);
    await queryRunner.query(`DROP INDEX clients_open_email`);

    for (const [table, column] of STORED_ADDRESSES)
      await queryRunner.query(
        `UPDATE ${table} SET ${column} = normalize(btrim(${column}), NFC)
         WHERE ${column} IS DISTINCT FROM normalize(btrim(${column}), NFC)`,
      );

    // The second wall: an address written past the services (a script, a bug) in another form.
    for (const [table, column] of STORED_ADDRESSES)
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_stored_form
           CHECK (${column} = normalize(btrim(${column}), NFC))`,
      );

    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (email_key(email))`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX invitations_open_user_email ON invitations (account_id, email_key(email))
        WHERE kind = 'USER' AND status = 'PENDING'`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX clients_open_email ON clients (account_id, email_key(email))
        WHERE email IS NOT NULL AND status <> 'REMOVED'`);
    // An account's open invitations of any kind by address (login invitations answered
    // from the person's session, the open-invitation check before inviting).
    await queryRunner.query(
      `CREATE INDEX invitations_open_email ON invitations (account_id, email_key(email)) WHERE status = 'PENDING'`,
    );

    await queryRunner.query(`DROP POLICY personal_mail ON outbox`);
    await queryRunner.query(`
      CREATE POLICY personal_mail ON outbox
        USING (account_id IS NULL AND email_key(to_address) = (SELECT email_key(email) FROM users WHERE id = ${CURRENT_USER_ID}))
        WITH CHECK (account_id IS NULL AND email_key(to_address) = (SELECT email_key(email) FROM users WHERE id = ${CURRENT_USER_ID}))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY personal_mail ON outbox`);
    await queryRunner.query(`
      CREATE POLICY personal_mail ON outbox
        USING (account_id IS NULL AND lower(to_address) = (SELECT lower(email) FROM users WHERE id = ${CURRENT_USER_ID}))
        WITH CHECK (account_id IS NULL AND lower(to_address) = (SELECT lower(email) FROM users WHERE id = ${CURRENT_USER_ID}))`);
    await queryRunner.query(`DROP INDEX invitations_open_email`);
    for (const [table, column] of STORED_ADDRESSES)
      await queryRunner.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_stored_form`,
      );
    await queryRunner.query(`DROP INDEX clients_open_email`);
    await queryRunner.query(`DROP INDEX invitations_open_user_email`);
    await queryRunner.query(`DROP INDEX users_email_key`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX invitations_open_user_email ON invitations (account_id, lower(email))
        WHERE kind = 'USER' AND status = 'PENDING'`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX clients_open_email ON clients (account_id, lower(email))
        WHERE email IS NOT NULL AND status <> 'REMOVED'`);
    await queryRunner.query(`DROP FUNCTION email_key(text)`);
  }
}

/** Columns holding an address someone typed, brought to the stored form (trim + NFC). */
const STORED_ADDRESSES: [table: string, column: string][] = [
  ["users", "email"],
  ["invitations", "email"],
  ["clients", "email"],
  ["partners", "contact_email"],
  ["members", "display_email"],
];

/** One line per group of users, or of one account's open clients, sharing an email key. */
export async function findDuplicates(queryRunner: Pick<QueryRunner, "query">): Promise<string[]> {
  const rows: { line: string }[] = await queryRunner.query(`
    SELECT 'users ' || string_agg(id::text || ' <' || email || '>', ', ' ORDER BY created_at, id) AS line
      FROM users GROUP BY email_key(email) HAVING count(*) > 1
    UNION ALL
    SELECT 'clients of account ' || account_id || ': '
           || string_agg(id::text || ' <' || email || '>', ', ' ORDER BY created_at, id)
      FROM clients WHERE email IS NOT NULL AND status <> 'REMOVED'
      GROUP BY account_id, email_key(email) HAVING count(*) > 1`);
  return rows.map((row) => row.line);
}
