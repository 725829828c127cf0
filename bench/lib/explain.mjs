/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements behind the measured figures, run
 * through `pg` against the bench database. The SQL mirrors what the server sends
 * (packages/server/src/graphql/connection.ts `paginate`, members.service.ts
 * `listMembers` with its MEMBER_ORDER_KEYS and `changeStatus`, partner.loader.ts, invitations.service.ts
 * `findConflicts`); when those change, update these copies. Writes are explained
 * inside a transaction that is rolled back.
 */
const MEMBER_COLUMNS = `m.id, m.account_id, m.user_id, m.partner_id, u.name, u.email, m.title, m.type, m.role,
  m.status, m.can_login, m.created_at, m.activated_at, m.archived_at`;

function memberPage({ status, statusEquality, search, partner, after, byName }) {
  const where = ["m.account_id = $1"];
  const params = [null];
  const add = (sql, value) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (status) add("m.status = ANY(?::text[])", status);
  if (statusEquality) add("m.status = ?", statusEquality);
  if (partner) add("m.partner_id = ?::uuid", partner);
  if (search) add("(u.name ILIKE ? OR u.email ILIKE ?)", `%${search}%`);
  // The key of the order: newest first, or (issue 22) the shown name ascending.
  const [key, keyType, dir, cmp] = byName
    ? ["m.list_name", "text", "ASC", ">"]
    : ["m.created_at", "timestamptz", "DESC", "<"];
  if (after) {
    params.push(after[0], after[1]);
    where.push(
      `(${key}, m.id) ${cmp} ($${params.length - 1}::${keyType}, $${params.length}::uuid)`,
    );
  }
  params.push(51);
  return {
    sql: `SELECT ${MEMBER_COLUMNS}, (${key})::text AS "__key0", (m.id)::text AS "__key1"
          FROM members m JOIN users u ON u.id = m.user_id WHERE ${where.join(" AND ")}
          ORDER BY ${key} ${dir}, m.id ${dir} LIMIT $${params.length}`,
    params,
  };
}

async function explain(client, sql, params) {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
  const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
  const planning = /Planning Time: ([\d.]+) ms/.exec(plan);
  return {
    executionMs: execution ? Number(execution[1]) : null,
    planningMs: planning ? Number(planning[1]) : null,
    plan,
  };
}

/** Runs each statement three times and keeps the last (warm cache) plan. */
export async function explainAll(
  client,
  { accountId, searchTerm, searchPartnerId, deepCursor, nameCursor, bulkIds, importEmails },
) {
  const out = {};
  const run = async (name, sql, params) => {
    for (let i = 0; i < 2; i++) await client.query(sql, params);
    out[name] = { sql: sql.replace(/\s+/g, " ").trim(), ...(await explain(client, sql, params)) };
  };
  const withAccount = (query) => ({
    sql: query.sql,
    params: [accountId, ...query.params.slice(1)],
  });

  let q = withAccount(memberPage({ status: ["PENDING"] }));
  await run("q1_members_page", q.sql, q.params);
  // The same page with `status = $2` instead of `= ANY($2::text[])`: the index gives the order.
  const eq = withAccount(memberPage({ statusEquality: "PENDING" }));
  await run("q1_members_page_status_equality", eq.sql, eq.params);
  const pagePartners = (await client.query(q.sql, q.params)).rows
    .map((row) => row.partner_id)
    .filter(Boolean);
  await run("q1_partners", `SELECT p.* FROM partners p WHERE p.id = ANY($1::uuid[])`, [
    [...new Set(pagePartners)],
  ]);
  await run(
    "q1_member_counts",
    `SELECT partner_id, status, count(*)::int AS count FROM members WHERE partner_id = ANY($1::uuid[]) GROUP BY partner_id, status`,
    [[...new Set(pagePartners)]],
  );
  // Issue 20: the statement the server sends for Q1 now, the page joined to its partners
  // and their counts once it is cut (connection.ts RowPreload, partnersService.partnerPreload).
  const page = withAccount(memberPage({ statusEquality: "PENDING" }));
  const [, pageOrder] = /ORDER BY (.*) LIMIT/s.exec(page.sql);
  const pageSql = page.sql.replace(
    " FROM members m",
    `, row_number() OVER (ORDER BY ${pageOrder}) AS "__position" FROM members m`,
  );
  await run(
    "q1_one_statement",
    `SELECT page.*, __partner.company_name, __partner.logo_updated_at,
       __partner_counts.pending, __partner_counts.active, __partner_counts.archived
     FROM (${pageSql}) page
     LEFT JOIN partners __partner ON __partner.id = page.partner_id
     LEFT JOIN LATERAL (
       SELECT count(*) FILTER (WHERE c.status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE c.status = 'ACTIVE')::int AS active,
              count(*) FILTER (WHERE c.status = 'ARCHIVED')::int AS archived
       FROM members c WHERE c.partner_id = __partner.id
     ) __partner_counts ON __partner.id IS NOT NULL
     ORDER BY page."__position"`,
    page.params,
  );
  q = withAccount(memberPage({ status: ["PENDING"], search: searchTerm }));
  await run("search", q.sql, q.params);
  q = withAccount(
    memberPage({ status: ["PENDING"], search: searchTerm, partner: searchPartnerId }),
  );
  await run("search_partner", q.sql, q.params);
  q = withAccount(memberPage({}));
  await run("first_page", q.sql, q.params);
  if (deepCursor) {
    q = withAccount(memberPage({ after: deepCursor }));
    await run("deep_page", q.sql, q.params);
  }
  q = withAccount(memberPage({ byName: true }));
  await run("name_first_page", q.sql, q.params);
  if (nameCursor) {
    q = withAccount(memberPage({ byName: true, after: nameCursor }));
    await run("name_deep_page", q.sql, q.params);
  }
  if (bulkIds?.length) {
    await client.query("BEGIN");
    try {
      out.activate_lock = {
        sql: "SELECT id, user_id, status, type, role FROM members WHERE id = ANY($1::uuid[]) AND account_id = $2 ORDER BY id FOR UPDATE",
        ...(await explain(
          client,
          "SELECT id, user_id, status, type, role FROM members WHERE id = ANY($1::uuid[]) AND account_id = $2 ORDER BY id FOR UPDATE",
          [bulkIds, accountId],
        )),
      };
      const update = `WITH m AS (UPDATE members SET status = $2, activated_at = CASE WHEN $2 = 'ACTIVE' THEN $3 ELSE activated_at END,
             archived_at = CASE WHEN $2 = 'ARCHIVED' THEN $3 ELSE NULL END WHERE id = ANY($1::uuid[]) RETURNING *)
           SELECT ${MEMBER_COLUMNS} FROM m JOIN users u ON u.id = m.user_id`;
      out.activate_update = {
        sql: update.replace(/\s+/g, " "),
        ...(await explain(client, update, [bulkIds, "ACTIVE", new Date()])),
      };
    } finally {
      await client.query("ROLLBACK");
    }
  }
  if (importEmails?.length) {
    await run(
      "import_conflicts",
      `SELECT lower(u.email) AS email, 'member' AS reason FROM members m JOIN users u ON u.id = m.user_id
         WHERE m.account_id = $1 AND m.status <> 'ARCHIVED' AND lower(u.email) = ANY($2::text[])
       UNION ALL
       SELECT lower(i.email), 'pending' FROM invitations i
         WHERE i.account_id = $1 AND i.kind = 'USER' AND i.status = 'PENDING' AND lower(i.email) = ANY($2::text[])`,
      [accountId, importEmails],
    );
  }
  return out;
}
