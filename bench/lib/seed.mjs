/**
 * The bench data set, written with set-based SQL (INSERT … SELECT FROM
 * generate_series / unnest), never row by row. Deterministic: IDs are md5 of a
 * label, names come from fixed lists, statuses from hashtext() of the row number.
 *
 * One large ENTERPRISE account ("bench-large") with an owner, 200 internal staff,
 * 1,000 partners (the first 50 linked to the small accounts, the rest guest
 * companies, every 4th with a logo), `members` external members spread over the
 * partners (≈50% PENDING, 35% ACTIVE, 15% ARCHIVED; each a distinct user), 2,000
 * PERSON clients each with a team of two staff (one lead), 5,000 invitations
 * (4,000 USER in mixed states, one PARTNER invitation per partner). Plus 50 small
 * accounts (owner, 2 staff, 2 guest partners with 10 people each, an ACCOUNT client
 * for the large account with a team, 5 pending invitations).
 */
import { createHash, randomBytes } from "node:crypto";

export const LARGE_ACCOUNT_HANDLE = "bench-large";

const FIRST_NAMES = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Elena",
  "Felix",
  "Grace",
  "Hugo",
  "Iris",
  "Jonas",
  "Karin",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Paul",
  "Quinn",
  "Rosa",
  "Sam",
  "Tara",
  "Uma",
  "Victor",
  "Wendy",
  "Xavier",
  "Yara",
  "Zoe",
  "Aaron",
  "Bianca",
  "Carlos",
  "Dana",
  "Emil",
  "Fiona",
  "Gustav",
  "Hanna",
  "Ivan",
  "Julia",
  "Kenji",
  "Lena",
  "Marco",
  "Nora",
  "Oscar",
  "Priya",
  "Ravi",
  "Sofia",
  "Theo",
  "Ursula",
  "Vera",
  "Walter",
  "Ximena",
  "Yusuf",
];
const COMPANY_SUFFIXES = [
  "Consulting",
  "Systems",
  "Partners",
  "Labs",
  "Group",
  "Logistics",
  "Studio",
  "Services",
];

/** 1,000 distinct six-letter CVCVCV surnames from a seeded PRNG; none inside another fixed word. */
export function surnames(count = 1000) {
  let state = 0x9e3779b9;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const consonants = "bdfgklmnprstvz";
  const vowels = "aeiou";
  const fixed = [
    ...FIRST_NAMES,
    ...COMPANY_SUFFIXES,
    "partner",
    "example",
    "bench",
    "invitee",
    "client",
    "staff",
    "owner",
    "newcomer",
  ].map((w) => w.toLowerCase());
  const words = new Set();
  while (words.size < count) {
    let word = "";
    for (let i = 0; i < 3; i++)
      word +=
        consonants[Math.floor(random() * consonants.length)] +
        vowels[Math.floor(random() * vowels.length)];
    if (fixed.some((f) => f.includes(word))) continue;
    words.add(word);
  }
  return [...words];
}

export function newApiTokenSecret() {
  return `pn_${randomBytes(32).toString("base64url")}`;
}

export function sha256(text) {
  return createHash("sha256").update(text, "utf8").digest();
}

/** SQL expression: a deterministic uuid from a text label. */
const uid = (label) => `md5(${label})::uuid`;

/**
 * Seeds through one pg Client. Returns the ids the measurements need and the
 * time each step took.
 */
export async function seed(
  client,
  {
    members,
    partners = 1000,
    clients = 2000,
    userInvitations = 4000,
    smallAccounts = 50,
    staff = 200,
    apiTokenSecret,
  },
) {
  const timings = {};
  const step = async (name, sql, params = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    timings[name] = Math.round(performance.now() - started);
    return result;
  };
  const names = surnames();
  const started = performance.now();
  const base = "timestamptz '2024-01-01 00:00:00+00'";
  const large = uid("'account-large'");
  const owner = uid("'member-owner'");
  // Spread the external members' created_at over a year, with distinct microseconds.
  const stepSeconds = 31_536_000 / members;

  await client.query("SET synchronous_commit = off");
  await client.query("BEGIN");
  await step(
    "accounts",
    `INSERT INTO accounts (id, name, handle, plan, created_at)
     SELECT ${large}, 'Bench Large Inc.', '${LARGE_ACCOUNT_HANDLE}', 'ENTERPRISE', ${base} - interval '400 days'
     UNION ALL
     SELECT ${uid("'account-small-' || s")}, 'Small Company ' || s, 'bench-small-' || lpad(s::text, 2, '0'),
            (ARRAY['FREE', 'TEAM', 'BUSINESS'])[1 + s % 3], ${base} - interval '300 days' + s * interval '1 day'
     FROM generate_series(1, $1::int) s`,
    [smallAccounts],
  );
  await step(
    "users",
    `INSERT INTO users (id, email, name, created_at)
     SELECT ${uid("'user-owner'")}, 'owner@bench-large.example', 'Olivia Owner', ${base} - interval '400 days'
     UNION ALL
     SELECT ${uid("'user-staff-' || k")}, 'staff' || k || '@bench-large.example',
            ($1::text[])[1 + k % cardinality($1::text[])] || ' ' || initcap(($2::text[])[1 + (k * 7) % cardinality($2::text[])]),
            ${base} - interval '399 days'
     FROM generate_series(1, $3::int) k
     UNION ALL
     SELECT ${uid("'user-ext-' || i")},
            lower(($1::text[])[1 + f]) || '.' || ($2::text[])[1 + s] || '.' || i || '@partner-' || lpad((1 + i % $5::int)::text, 4, '0') || '.example',
            ($1::text[])[1 + f] || ' ' || initcap(($2::text[])[1 + s]),
            ${base} + i * interval '${stepSeconds} seconds'
     FROM (SELECT i, abs(hashtext('fn' || i)) % cardinality($1::text[]) AS f, abs(hashtext('sn' || i)) % cardinality($2::text[]) AS s
           FROM generate_series(1, $4::int) i) g
     UNION ALL
     SELECT ${uid("'user-small-' || s || '-' || k")}, 'person' || k || '@small-' || s || '.example',
            ($1::text[])[1 + (s + k) % cardinality($1::text[])] || ' Small' || s, ${base} - interval '300 days'
     FROM generate_series(1, $6::int) s, generate_series(0, 22) k`,
    [FIRST_NAMES, names, staff, members, partners, smallAccounts],
  );
  await step(
    "partners",
    `INSERT INTO partners (id, account_id, company_name, contact_name, contact_email, partner_account_id, status, allow_login, guest,
                           domain, external_id, public_url, logo, logo_content_type, logo_updated_at, created_at, connected_at)
     SELECT ${uid("'partner-' || p")}, ${large},
            initcap(($1::text[])[1 + (p * 13) % cardinality($1::text[])]) || ' ' || ($2::text[])[1 + p % cardinality($2::text[])],
            'Contact ' || p, 'contact@partner-' || lpad(p::text, 4, '0') || '.example',
            CASE WHEN p <= $4::int THEN ${uid("'account-small-' || p")} END,
            CASE WHEN p > $4::int AND p % 20 = 0 THEN 'INVITED' ELSE 'ACTIVE' END,
            true, p > $4::int, 'partner-' || lpad(p::text, 4, '0') || '.example', 'P-' || lpad(p::text, 5, '0'),
            'https://partner-' || lpad(p::text, 4, '0') || '.example',
            CASE WHEN p % 4 = 0 THEN decode('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201f50b4b7a0000000049454e44ae426082', 'hex') END,
            CASE WHEN p % 4 = 0 THEN 'image/png' END,
            CASE WHEN p % 4 = 0 THEN ${base} - interval '200 days' + p * interval '1 minute' END,
            ${base} - interval '350 days' + p * interval '1 minute',
            CASE WHEN p > $4::int AND p % 20 = 0 THEN NULL ELSE ${base} - interval '340 days' + p * interval '1 minute' END
     FROM generate_series(1, $3::int) p
     UNION ALL
     SELECT ${uid("'partner-small-' || s || '-' || k")}, ${uid("'account-small-' || s")}, 'Guest ' || s || '-' || k || ' Ltd',
            NULL, NULL, NULL, 'ACTIVE', false, true, NULL, NULL, NULL, NULL, NULL, NULL, ${base} - interval '290 days', ${base} - interval '290 days'
     FROM generate_series(1, $4::int) s, generate_series(1, 2) k`,
    [names, COMPANY_SUFFIXES, partners, smallAccounts],
  );
  await step(
    "members",
    `INSERT INTO members (id, account_id, user_id, type, role, status, can_login, title, partner_id, created_at, activated_at, archived_at, accepted_at)
     SELECT seeded.*, seeded.created_at FROM (
     SELECT ${owner}, ${large}, ${uid("'user-owner'")}, 'INTERNAL', 'OWNER', 'ACTIVE', true, 'CEO', NULL::uuid,
            ${base} - interval '400 days', ${base} - interval '400 days', NULL::timestamptz
     UNION ALL
     SELECT ${uid("'member-staff-' || k")}, ${large}, ${uid("'user-staff-' || k")}, 'INTERNAL',
            (ARRAY['ADMINISTRATOR', 'EDITOR', 'VIEWER'])[1 + k % 3], 'ACTIVE', true, 'Staff', NULL,
            ${base} - interval '399 days' + k * interval '1 minute', ${base} - interval '399 days' + k * interval '1 minute', NULL
     FROM generate_series(1, $1::int) k
     UNION ALL
     SELECT ${uid("'member-ext-' || i")}, ${large}, ${uid("'user-ext-' || i")}, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', st, st = 'ACTIVE',
            NULL, ${uid("'partner-' || (1 + i % $3::int)")}, created,
            CASE WHEN st <> 'PENDING' THEN created + interval '2 days' END,
            CASE WHEN st = 'ARCHIVED' THEN created + interval '30 days' END
     FROM (SELECT i, ${base} + i * interval '${stepSeconds} seconds' + i * interval '1 microsecond' AS created,
                  CASE WHEN abs(hashtext('st' || i)) % 20 < 10 THEN 'PENDING' WHEN abs(hashtext('st' || i)) % 20 < 17 THEN 'ACTIVE' ELSE 'ARCHIVED' END AS st
           FROM generate_series(1, $2::int) i) g
     UNION ALL
     SELECT ${uid("'member-small-' || s || '-' || k")}, ${uid("'account-small-' || s")}, ${uid("'user-small-' || s || '-' || k")},
            CASE WHEN k < 3 THEN 'INTERNAL' ELSE 'EXTERNAL' END,
            CASE k WHEN 0 THEN 'OWNER' WHEN 1 THEN 'ADMINISTRATOR' WHEN 2 THEN 'EDITOR' ELSE 'COLLABORATOR_EXTERNAL' END,
            'ACTIVE', true, NULL,
            CASE WHEN k >= 3 THEN ${uid("'partner-small-' || s || '-' || (1 + k % 2)")} END,
            ${base} - interval '300 days' + k * interval '1 hour', ${base} - interval '300 days' + k * interval '1 hour', NULL
     FROM generate_series(1, $4::int) s, generate_series(0, 22) k
     ) AS seeded (id, account_id, user_id, type, role, status, can_login, title, partner_id, created_at, activated_at, archived_at)`,
    [staff, members, partners, smallAccounts],
  );
  await step(
    "clients",
    `INSERT INTO clients (id, account_id, type, name, email, phone, client_account_id, partner_id, status, created_at)
     SELECT ${uid("'client-' || c")}, ${large}, 'PERSON',
            ($1::text[])[1 + c % cardinality($1::text[])] || ' ' || initcap(($2::text[])[1 + (c * 31) % cardinality($2::text[])]),
            'client-' || c || '@clients.example', '+1555' || lpad(c::text, 7, '0'), NULL::uuid, NULL::uuid,
            CASE WHEN c % 10 = 0 THEN 'INVITED' ELSE 'ACTIVE' END, ${base} - interval '100 days' + c * interval '1 hour'
     FROM generate_series(1, $3::int) c
     UNION ALL
     SELECT ${uid("'client-small-' || s")}, ${uid("'account-small-' || s")}, 'ACCOUNT', 'Bench Large Inc.', NULL, NULL,
            ${large}, ${uid("'partner-' || s")}, 'ACTIVE', ${base} - interval '340 days'
     FROM generate_series(1, $4::int) s`,
    [FIRST_NAMES, names, clients, Math.min(smallAccounts, partners)],
  );
  await step(
    "teams",
    `INSERT INTO teams (id, account_id, client_id, created_at)
     SELECT ${uid("'team-' || c")}, ${large}, ${uid("'client-' || c")}, ${base} - interval '100 days' + c * interval '1 hour'
     FROM generate_series(1, $1::int) c
     UNION ALL
     SELECT ${uid("'team-small-' || s")}, ${uid("'account-small-' || s")}, ${uid("'client-small-' || s")}, ${base} - interval '340 days'
     FROM generate_series(1, $2::int) s`,
    [clients, Math.min(smallAccounts, partners)],
  );
  await step(
    "team_memberships",
    `INSERT INTO team_memberships (team_id, member_id, account_id, is_lead, added_at)
     SELECT ${uid("'team-' || c")}, ${uid("'member-staff-' || (1 + (c + j * ($2::int / 2)) % $2::int)")}, ${large}, j = 0, ${base}
     FROM generate_series(1, $1::int) c, generate_series(0, 1) j
     UNION ALL
     SELECT ${uid("'team-small-' || s")}, ${uid("'member-small-' || s || '-0'")}, ${uid("'account-small-' || s")}, true, ${base}
     FROM generate_series(1, $3::int) s`,
    [clients, staff, Math.min(smallAccounts, partners)],
  );
  await step(
    "invitations",
    `INSERT INTO invitations (id, account_id, kind, email, role, token_hash, status, delivery, expires_at, last_sent_at, send_count,
                              invited_by_member_id, partner_id, created_at, accepted_at, revoked_at)
     SELECT ${uid("'invitation-' || i")}, ${large}, 'USER', 'invitee-' || i || '@invitees.example',
            (ARRAY['VIEWER', 'EDITOR', 'ADMINISTRATOR'])[1 + i % 3], sha256(convert_to('bench-invitation-' || i, 'UTF8')),
            st, 'SENT', CASE WHEN st = 'PENDING' AND i % 10 = 0 THEN now() - interval '1 day' ELSE now() + interval '40 hours' END,
            now() - interval '8 hours', 1, ${owner}, NULL::uuid, now() - interval '8 hours' - i * interval '1 minute',
            CASE WHEN st = 'ACCEPTED' THEN now() - interval '1 hour' END, CASE WHEN st = 'REVOKED' THEN now() - interval '1 hour' END
     FROM (SELECT i, CASE WHEN i % 20 < 12 THEN 'PENDING' WHEN i % 20 < 17 THEN 'ACCEPTED' ELSE 'REVOKED' END AS st
           FROM generate_series(1, $1::int) i) g
     UNION ALL
     SELECT ${uid("'invitation-partner-' || p")}, ${large}, 'PARTNER', 'contact@partner-' || lpad(p::text, 4, '0') || '.example', NULL,
            sha256(convert_to('bench-partner-invitation-' || p, 'UTF8')),
            CASE WHEN p > $3::int AND p % 20 = 0 THEN 'PENDING' ELSE 'ACCEPTED' END, 'SENT', now() + interval '40 hours',
            now() - interval '8 hours', 1, ${owner}, ${uid("'partner-' || p")}, ${base} - interval '350 days' + p * interval '1 minute',
            CASE WHEN p > $3::int AND p % 20 = 0 THEN NULL ELSE ${base} - interval '340 days' END, NULL
     FROM generate_series(1, $2::int) p
     UNION ALL
     SELECT ${uid("'invitation-small-' || s || '-' || k")}, ${uid("'account-small-' || s")}, 'USER', 'invitee' || k || '@small-' || s || '.example',
            'VIEWER', sha256(convert_to('bench-small-invitation-' || s || '-' || k, 'UTF8')), 'PENDING', 'SENT', now() + interval '40 hours',
            now() - interval '1 hour', 1, ${uid("'member-small-' || s || '-0'")}, NULL, now() - interval '1 hour', NULL, NULL
     FROM generate_series(1, $3::int) s, generate_series(1, 5) k`,
    [userInvitations, partners, smallAccounts],
  );
  await step(
    "api_tokens",
    `INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash) VALUES (${large}, ${owner}, 'bench', '{READ,WRITE}', $1)`,
    [sha256(apiTokenSecret)],
  );
  await client.query("COMMIT");
  await step("vacuum_analyze", "VACUUM (ANALYZE)");
  const totalMs = Math.round(performance.now() - started);

  const counts = (
    await client.query(
      `SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM members)::int AS members, (SELECT count(*) FROM partners)::int AS partners,
              (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM teams)::int AS teams,
              (SELECT count(*) FROM team_memberships)::int AS team_memberships, (SELECT count(*) FROM invitations)::int AS invitations,
              (SELECT count(*) FROM members WHERE account_id = ${large} AND type = 'EXTERNAL' AND status = 'PENDING')::int AS large_pending,
              pg_size_pretty(pg_database_size(current_database())) AS database_size`,
    )
  ).rows[0];
  const ids = (await client.query(`SELECT ${large} AS account_id, ${owner} AS owner_member_id`))
    .rows[0];
  return { ms: totalMs, steps: timings, counts, ids, surnames: names };
}
