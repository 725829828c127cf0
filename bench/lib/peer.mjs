/**
 * The peer for Q1: PostGraphile 4, what a team would pick instead of writing a server,
 * on the same seeded database, measured in the same run as Q1 and the floor.
 *
 * `PEER_SCHEMA_SQL(accountId)` builds a schema `bench_peer` of views and one computed
 * column made for Q1, with smart comments so that PostGraphile's own schema has Q1's
 * field names: `viewer` (a function returning the one bench account), `currentAccount`,
 * `members` (a view over members ⋈ users, filtered by `condition` and ordered by
 * `orderBy`), `partner`, `logoUrl` (a view column) and `memberCounts { pending }` (a
 * computed column). So `PEER_Q1` answers with the very JSON of Q1, byte for byte.
 *
 * It is a reference for the cost of one nested read, not a product: the views run as
 * the database owner (no row-level security) and are filtered to the bench account
 * given when they are made; the bearer token is not checked.
 *
 * Run as its own process (`node peer.mjs`, env PEER_DATABASE_URL, PEER_PORT) like the floor.
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const PEER_SCHEMA = "bench_peer";

/** The PostGraphile query answering Q1: the same selection, in PostGraphile's arguments. */
export const PEER_Q1 = `query { viewer { currentAccount { members(first: 50, condition: {status: "PENDING"}, orderBy: [CREATED_AT_DESC, ID_DESC]) { nodes { name email partner { companyName logoUrl memberCounts { pending } } } } } } }`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The schema of views for the peer, on the bench account `accountId` (a UUID). */
export function peerSchemaSql(accountId) {
  if (!UUID.test(accountId)) throw new Error(`not a UUID: ${accountId}`);
  return `
DROP SCHEMA IF EXISTS ${PEER_SCHEMA} CASCADE;
CREATE SCHEMA ${PEER_SCHEMA};

CREATE VIEW ${PEER_SCHEMA}.accounts AS SELECT a.id FROM accounts a;
COMMENT ON VIEW ${PEER_SCHEMA}.accounts IS E'@primaryKey id';

CREATE VIEW ${PEER_SCHEMA}.viewers AS SELECT '${accountId}'::uuid AS account_id;
COMMENT ON VIEW ${PEER_SCHEMA}.viewers IS
  E'@foreignKey (account_id) references ${PEER_SCHEMA}.accounts (id)|@fieldName currentAccount|@foreignFieldName viewers';

CREATE FUNCTION ${PEER_SCHEMA}.viewer() RETURNS ${PEER_SCHEMA}.viewers
  LANGUAGE sql STABLE AS $$ SELECT * FROM ${PEER_SCHEMA}.viewers $$;

CREATE VIEW ${PEER_SCHEMA}.partners AS
SELECT pa.id, pa.company_name,
  CASE WHEN pa.logo_updated_at IS NULL THEN NULL ELSE
    '/api/partners/' || rtrim(translate(encode(convert_to('Partner:' || pa.id, 'UTF8'), 'base64'), '+/', '-_'), '=')
    || '/logo?v=' || floor(extract(epoch FROM pa.logo_updated_at) * 1000)::bigint END AS logo_url
FROM partners pa;
COMMENT ON VIEW ${PEER_SCHEMA}.partners IS E'@primaryKey id';

CREATE VIEW ${PEER_SCHEMA}.members AS
SELECT m.id, m.account_id, m.partner_id, m.status::text AS status, m.created_at, u.name, u.email
FROM members m JOIN users u ON u.id = m.user_id;
COMMENT ON VIEW ${PEER_SCHEMA}.members IS
  E'@primaryKey id\\n@foreignKey (account_id) references ${PEER_SCHEMA}.accounts (id)|@fieldName account|@foreignFieldName members\\n@foreignKey (partner_id) references ${PEER_SCHEMA}.partners (id)|@fieldName partner|@foreignFieldName members';

CREATE TYPE ${PEER_SCHEMA}.member_counts AS (pending int);

CREATE FUNCTION ${PEER_SCHEMA}.partners_member_counts(p ${PEER_SCHEMA}.partners) RETURNS ${PEER_SCHEMA}.member_counts
  LANGUAGE sql STABLE AS $$
    SELECT ROW(count(*)::int)::${PEER_SCHEMA}.member_counts FROM members c
    WHERE c.partner_id = p.id AND c.status = 'PENDING'
  $$;
COMMENT ON FUNCTION ${PEER_SCHEMA}.partners_member_counts(${PEER_SCHEMA}.partners) IS E'@notNull';
`;
}

export async function startPeerServer({ databaseUrl, port, poolSize = 10 }) {
  const { postgraphile } = await import("postgraphile");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const middleware = postgraphile(pool, PEER_SCHEMA, {
    graphqlRoute: "/graphql",
    disableDefaultMutations: true,
    disableQueryLog: true,
    // What a production deployment of PostGraphile sets.
    retryOnInitFail: false,
    ignoreRBAC: false,
    setofFunctionsContainNulls: false,
    enableQueryBatching: false,
    extendedErrors: [],
  });
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    middleware(req, res);
  });
  // PostGraphile builds its schema on the first request; do it before /healthz says ready.
  await middleware.getGraphQLSchema();
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () =>
      resolve({
        close: async () => {
          await new Promise((done) => server.close(done));
          await middleware.release?.();
          await pool.end();
        },
      }),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const peer = await startPeerServer({
    databaseUrl: process.env.PEER_DATABASE_URL,
    port: Number(process.env.PEER_PORT),
  });
  process.stdout.write("peer ready\n");
  const stop = async () => {
    await peer.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
