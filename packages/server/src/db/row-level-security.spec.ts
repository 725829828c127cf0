/**
 * The second wall: whatever a service forgets, the app role's connection sees only
 * the current tenant's rows. Queries here are deliberately unscoped.
 */
import { Role } from "@pn/shared";
import type { DataSource } from "typeorm";
import { insertAccount, insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import {
  createAppRoleDataSource,
  createTestDatabase,
  tenantTableNames,
  type TestDatabase,
} from "../test-support/test-database";
import { APP_ROLE } from "./app-role";
import { TenantTransaction, tenantScope } from "./tenant-transaction";

let db: TestDatabase;
let appRole: DataSource;
let a: Awaited<ReturnType<typeof insertViewer>>;
let b: Awaited<ReturnType<typeof insertViewer>>;

async function inTenant<T>(
  tenant: { accountId: string | null; userId: string | null },
  work: (t: TenantTransaction) => Promise<T>,
): Promise<T> {
  const transaction = new TenantTransaction(appRole, tenant);
  try {
    return await work(transaction);
  } finally {
    await transaction.finish("rollback");
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  // One connection, so "the next checkout" is the very connection the last transaction used.
  appRole = await createAppRoleDataSource(db.url, { poolSize: 1 });
  a = await insertViewer(db.dataSource, Role.OWNER);
  b = await insertViewer(db.dataSource, Role.OWNER);
  for (const account of [a.accountId, b.accountId]) {
    const user = await insertUser(db.dataSource);
    await insertMember(db.dataSource, { accountId: account, userId: user, role: Role.EDITOR });
    const [partner] = await db.dataSource.query(
      "INSERT INTO partners (account_id, company_name, status) VALUES ($1, 'Partner', 'ACTIVE') RETURNING id",
      [account],
    );
    const [client] = await db.dataSource.query(
      "INSERT INTO clients (account_id, type, name, status) VALUES ($1, 'PERSON', 'Client', 'ACTIVE') RETURNING id",
      [account],
    );
    const [team] = await db.dataSource.query(
      "INSERT INTO teams (account_id, client_id) VALUES ($1, $2) RETURNING id",
      [account, client.id],
    );
    const [member] = await db.dataSource.query(
      "SELECT id, user_id FROM members WHERE account_id = $1 LIMIT 1",
      [account],
    );
    await db.dataSource.query(
      "INSERT INTO team_memberships (team_id, member_id, account_id, is_lead) VALUES ($1, $2, $3, true)",
      [team.id, member.id, account],
    );
    await db.dataSource.query(
      "INSERT INTO invitations (account_id, kind, email, token_hash, expires_at, partner_id) VALUES ($1, 'PARTNER', 'x@example.test', sha256(random()::text::bytea), now() + interval '1 day', $2)",
      [account, partner.id],
    );
    await db.dataSource.query(
      "INSERT INTO sessions (token_hash, user_id, account_id, expires_at) VALUES (sha256(random()::text::bytea), $1, $2, now() + interval '1 day')",
      [member.user_id, account],
    );
    await db.dataSource.query(
      "INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash) VALUES ($1, $2, 'token', '{READ}', sha256(random()::text::bytea))",
      [account, member.id],
    );
    await db.dataSource.query(
      "INSERT INTO outbox (account_id, to_address, subject, text_body, html_body) VALUES ($1, 'x@example.test', 's', 't', 'h')",
      [account],
    );
    await db.dataSource.query(
      "INSERT INTO audit_events (account_id, via, action, object_type, object_id) VALUES ($1, 'session', 'test', 'Member', $2)",
      [account, member.id],
    );
    await db.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, account_id, request_hash, status, created_at, locked_until, expires_at)
       VALUES ($1, 'key', $2, 'hash', 'IN_PROGRESS', now(), now(), now() + interval '1 day')`,
      [`session:${account}`, account],
    );
    const [endpoint] = await db.dataSource.query(
      "INSERT INTO webhook_endpoints (account_id, url, event_types, sealed_secret) VALUES ($1, 'https://hooks.example.test/', '{partner.created}', 'sealed') RETURNING id",
      [account],
    );
    const [delivery] = await db.dataSource.query(
      "INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, object_id, payload) VALUES ($1, $2, 'msg', 'partner.created', 'object', '{}') RETURNING id",
      [account, endpoint.id],
    );
    await db.dataSource.query(
      "INSERT INTO webhook_attempts (account_id, delivery_id, attempt, duration_ms) VALUES ($1, $2, 1, 5)",
      [account, delivery.id],
    );
  }
});

afterAll(async () => {
  await appRole?.destroy();
  await db?.drop();
});

describe("the app role", () => {
  it("is not superuser, cannot bypass row-level security, owns no table and cannot become the owner", async () => {
    const [role] = await db.dataSource.query(
      "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolinherit FROM pg_roles WHERE rolname = $1",
      [APP_ROLE],
    );
    expect(role).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolinherit: false,
    });
    const [{ who }] = await appRole.query("SELECT current_user AS who");
    expect(who).toBe(APP_ROLE);
    const owned = await db.dataSource.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1",
      [APP_ROLE],
    );
    expect(owned).toEqual([]);
    const [{ member }] = await db.dataSource.query(
      "SELECT pg_has_role($1, (SELECT tableowner FROM pg_tables WHERE tablename = 'members'), 'MEMBER') AS member",
      [APP_ROLE],
    );
    expect(member).toBe(false);
    await expect(appRole.query("SELECT 1 FROM migrations LIMIT 1")).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe("every table with account_id", () => {
  it("has row-level security enabled and forced, with the tenant policy", async () => {
    const tables = await tenantTableNames(db.dataSource);
    expect(tables).toEqual(
      expect.arrayContaining([
        "members",
        "partners",
        "clients",
        "teams",
        "team_memberships",
        "invitations",
        "sessions",
        "api_tokens",
        "outbox",
        "audit_events",
        "idempotency_keys",
        "webhook_endpoints",
        "webhook_deliveries",
        "webhook_attempts",
      ]),
    );
    const rows: {
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      policy: string | null;
    }[] = await db.dataSource.query(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, p.qual AS policy
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname AND p.policyname = 'tenant_isolation'
       WHERE c.relname = ANY($1) ORDER BY c.relname`,
      [tables],
    );
    expect(rows.map((row) => row.relname)).toEqual(tables);
    for (const row of rows) {
      expect({
        table: row.relname,
        enabled: row.relrowsecurity,
        forced: row.relforcerowsecurity,
      }).toEqual({ table: row.relname, enabled: true, forced: true });
      expect({ table: row.relname, policy: row.policy }).toEqual({
        table: row.relname,
        policy: expect.stringContaining("app.account_id"),
      });
    }
  });

  it("shows a tenant transaction only its own rows, even to a query without WHERE", async () => {
    await inTenant({ accountId: a.accountId, userId: null }, async ({ manager }) => {
      const members: { account_id: string }[] = await manager.query("SELECT * FROM members");
      expect(members.length).toBe(2);
      expect(new Set(members.map((m) => m.account_id))).toEqual(new Set([a.accountId]));
      for (const table of await tenantTableNames(db.dataSource)) {
        const [{ mine, others }] = await manager.query(
          `SELECT count(*) FILTER (WHERE account_id = $1)::int AS mine, count(*) FILTER (WHERE account_id IS DISTINCT FROM $1)::int AS others FROM "${table}"`,
          [a.accountId],
        );
        expect({ table, others, seesOwn: mine > 0 }).toEqual({ table, others: 0, seesOwn: true });
      }
    });
  });

  it("shows nothing outside a tenant transaction, and refuses writes into another account", async () => {
    for (const table of await tenantTableNames(db.dataSource)) {
      const [{ count }] = await appRole.query(`SELECT count(*)::int AS count FROM "${table}"`);
      expect({ table, count }).toEqual({ table, count: 0 });
    }
    await inTenant({ accountId: a.accountId, userId: null }, async ({ manager }) => {
      const updated = await manager.query(
        "UPDATE partners SET company_name = 'hijacked' WHERE account_id = $1 RETURNING id",
        [b.accountId],
      );
      expect(updated[0]).toEqual([]);
      await expect(
        manager.query(
          "INSERT INTO partners (account_id, company_name, status) VALUES ($1, 'planted', 'ACTIVE')",
          [b.accountId],
        ),
      ).rejects.toThrow(/row-level security/);
    });
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM partners WHERE company_name IN ('hijacked', 'planted')",
    );
    expect(count).toBe(0);
  });

  it("lets a person see their own memberships in every account, and no one else's", async () => {
    const user = await insertUser(db.dataSource);
    const elsewhere = await insertAccount(db.dataSource);
    await insertMember(db.dataSource, { accountId: a.accountId, userId: user });
    await insertMember(db.dataSource, { accountId: elsewhere, userId: user });
    await inTenant({ accountId: null, userId: user }, async ({ manager }) => {
      const rows: { user_id: string }[] = await manager.query("SELECT user_id FROM members");
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.user_id === user)).toBe(true);
    });
  });

  it("reaches into another account only inside reachInto, and restores the scope after", async () => {
    await inTenant({ accountId: a.accountId, userId: null }, async ({ manager }) => {
      const seen = await tenantScope.reachInto(manager, [b.accountId], () =>
        manager.query("SELECT DISTINCT account_id FROM partners ORDER BY account_id"),
      );
      expect(seen.map((row: { account_id: string }) => row.account_id).sort()).toEqual(
        [a.accountId, b.accountId].sort(),
      );
      const after: { account_id: string }[] = await manager.query(
        "SELECT DISTINCT account_id FROM partners",
      );
      expect(after.map((row) => row.account_id)).toEqual([a.accountId]);
    });
  });
});

describe("pooled connections", () => {
  it("come back with no tenant set, after a commit, a rollback and a failed statement", async () => {
    const tenantOfNextCheckout = async () => {
      const [row] = await appRole.query(
        "SELECT coalesce(current_setting('app.account_id', true), '') AS account, coalesce(current_setting('app.user_id', true), '') AS person, coalesce(current_setting('app.network_account_ids', true), '') AS network",
      );
      return row;
    };
    const none = { account: "", person: "", network: "" };

    const committed = new TenantTransaction(appRole, { accountId: a.accountId, userId: a.userId });
    await committed.manager.query("SELECT set_config('app.network_account_ids', $1, true)", [
      b.accountId,
    ]);
    await committed.finish("commit");
    expect(await tenantOfNextCheckout()).toEqual(none);

    const rolledBack = new TenantTransaction(appRole, { accountId: a.accountId, userId: a.userId });
    await rolledBack.manager.query("SELECT 1 FROM members");
    await rolledBack.finish("rollback");
    expect(await tenantOfNextCheckout()).toEqual(none);

    const failed = new TenantTransaction(appRole, { accountId: a.accountId, userId: a.userId });
    await expect(failed.manager.query("SELECT 1/0")).rejects.toThrow();
    await failed.finish("commit");
    expect(await tenantOfNextCheckout()).toEqual(none);
  });
});

describe("a connection lost mid-request", () => {
  it("makes the commit fail and is closed instead of pooled; the next checkout works with no tenant", async () => {
    const lost = new TenantTransaction(appRole, { accountId: a.accountId, userId: a.userId });
    const [{ pid }] = await lost.manager.query("SELECT pg_backend_pid() AS pid");
    await db.dataSource.query("SELECT pg_terminate_backend($1)", [pid]);
    await expect(lost.finish("commit")).rejects.toThrow();
    const [row] = await appRole.query(
      "SELECT pg_backend_pid() AS pid, coalesce(current_setting('app.account_id', true), '') AS account",
    );
    expect(row.pid).not.toBe(pid);
    expect(row.account).toBe("");
  });
});

describe("requests", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(db.dataSource);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("return every connection to the pool, whether they succeed, fail validation or throw", async () => {
    app.actAs(a.viewer);
    const ok = await app.graphql(
      "{ viewer { currentAccount { members(first: 5) { totalCount } } } }",
    );
    expect(ok.body.errors).toBeUndefined();
    const invalid = await app.graphql("{ viewer { noSuchField } }");
    expect(invalid.status).toBe(400);
    const unparsable = await app.graphql("{ viewer {");
    expect(unparsable.status).toBe(400);
    app.actAs(null);
    const refused = await app.graphql(
      "mutation { changePlan(input: { plan: TEAM }) { userErrors { code } } }",
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    app.actAs(a.viewer);
    await Promise.all(
      Array.from({ length: 12 }, () =>
        app.graphql("{ viewer { currentAccount { members(first: 5) { totalCount } } } }"),
      ),
    );
    const pool = (
      app.appDataSource.driver as unknown as {
        master: { totalCount: number; idleCount: number; waitingCount: number };
      }
    ).master;
    // The last response is sent after its COMMIT; the connection goes back a moment later.
    for (let attempt = 0; pool.idleCount !== pool.totalCount && attempt < 100; attempt += 1)
      await new Promise(setImmediate);
    expect({ idle: pool.idleCount, waiting: pool.waitingCount }).toEqual({
      idle: pool.totalCount,
      waiting: 0,
    });
  });
});
