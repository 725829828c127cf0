/**
 * The floor for Q1: what the same answer costs with no framework at all. A bare
 * node:http handler checks the bearer token and runs ONE hand-written statement
 * that builds the exact JSON body of Q1 (json_agg/json_build_object) in PostgreSQL.
 *
 * Run as its own process (`node floor.mjs`, env FLOOR_DATABASE_URL, FLOOR_PORT) so it
 * does not share an event loop with the load generator, just as the real server doesn't.
 */
import { createHash } from "node:crypto";
import cluster from "node:cluster";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * $1 token sha-256, $2 status, $3 page size. Same order, fields and nulls as the GraphQL
 * answer. `status = $2` (not `= ANY($2::text[])`) so PostgreSQL walks the
 * (account_id, status, created_at DESC, id DESC) index in order and stops after $3 rows.
 */
export const FLOOR_SQL = `
WITH viewer AS (
  SELECT t.account_id FROM api_tokens t
  JOIN members o ON o.id = t.created_by_member_id AND o.status = 'ACTIVE'
  WHERE t.token_hash = $1 AND t.revoked_at IS NULL
), page AS (
  SELECT m.id, m.partner_id, m.created_at, u.name, u.email
  FROM members m JOIN users u ON u.id = m.user_id
  WHERE m.account_id = (SELECT account_id FROM viewer) AND m.status = $2
  ORDER BY m.created_at DESC, m.id DESC
  LIMIT $3
), counts AS (
  SELECT c.partner_id, count(*)::int AS pending FROM members c
  WHERE c.partner_id IN (SELECT partner_id FROM page) AND c.status = 'PENDING'
  GROUP BY c.partner_id
)
SELECT json_build_object('data', json_build_object('viewer',
  CASE WHEN EXISTS (SELECT 1 FROM viewer) THEN json_build_object('currentAccount', json_build_object('members', json_build_object('nodes',
    coalesce((
      SELECT json_agg(json_build_object(
        'name', p.name,
        'email', p.email,
        'partner', CASE WHEN pa.id IS NULL THEN NULL ELSE json_build_object(
          'companyName', pa.company_name,
          'logoUrl', CASE WHEN pa.logo_updated_at IS NULL THEN NULL ELSE
            '/api/partners/' || rtrim(translate(encode(convert_to('Partner:' || pa.id, 'UTF8'), 'base64'), '+/', '-_'), '=')
            || '/logo?v=' || floor(extract(epoch FROM pa.logo_updated_at) * 1000)::bigint END,
          'memberCounts', json_build_object('pending', coalesce(c.pending, 0))) END
      ) ORDER BY p.created_at DESC, p.id DESC)
      FROM page p
      LEFT JOIN partners pa ON pa.id = p.partner_id
      LEFT JOIN counts c ON c.partner_id = pa.id
    ), '[]'::json)))) END))::text AS body`;

export function startFloorServer({ databaseUrl, port, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", async () => {
      const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
      if (!match) {
        res
          .writeHead(401, { "content-type": "application/json" })
          .end('{"errors":[{"message":"unauthenticated"}]}');
        return;
      }
      try {
        const hash = createHash("sha256").update(match[1], "utf8").digest();
        const { rows } = await pool.query(FLOOR_SQL, [hash, "PENDING", 50]);
        res
          .writeHead(200, {
            "content-type": "application/json; charset=utf-8",
            "x-sql-statements": "1",
          })
          .end(rows[0].body);
      } catch (error) {
        res
          .writeHead(500, { "content-type": "application/json" })
          .end(JSON.stringify({ errors: [{ message: String(error.message) }] }));
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () =>
      resolve({
        close: async () => {
          await new Promise((done) => server.close(done));
          await pool.end();
        },
      }),
    );
  });
}

const FLOOR_PROCESSES = Number(process.env.FLOOR_PROCESSES ?? 1);

if (
  process.argv[1] === fileURLToPath(import.meta.url) &&
  FLOOR_PROCESSES > 1 &&
  cluster.isPrimary
) {
  // FLOOR_PROCESSES=N: N workers share the port, as the server's WEB_CONCURRENCY=N does.
  const workers = Array.from({ length: FLOOR_PROCESSES }, () => cluster.fork());
  await Promise.all(
    workers.map((worker) => new Promise((ready) => worker.once("listening", ready))),
  );
  process.stdout.write("floor ready\n");
  const stop = () => {
    for (const worker of workers) worker.kill("SIGTERM");
    Promise.all(workers.map((worker) => new Promise((gone) => worker.once("exit", gone)))).then(
      () => process.exit(0),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const floor = await startFloorServer({
    databaseUrl: process.env.FLOOR_DATABASE_URL,
    port: Number(process.env.FLOOR_PORT),
  });
  process.stdout.write("floor ready\n");
  const stop = async () => {
    await floor.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
