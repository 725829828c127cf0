/**
 * `GET /api/export/<list>.csv`: the lists' filters and orders, as the GraphQL lists have
 * them, as CSV downloads; spreadsheet-safe cells; only for roles that read the whole
 * list, and only the caller's account; bad parameters 400 naming the parameter; long
 * lists streamed page after page to the last row.
 */
import { fromGlobalId, MemberStatus, MemberType, Role, toGlobalId } from "@pn/shared";
import Papa from "papaparse";
import { hashSecret } from "../crypto/secret-token";
import { insertAccount, insertUser, insertViewer } from "../test-support/fixtures";
import { signUpAndVerify } from "../test-support/sign-up";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { EXPORT_PAGE_SIZE } from "./list-export";

let db: TestDatabase;
let app: TestApp;
let owner: Awaited<ReturnType<typeof tokenFor>>;
let alpha: string;
let beta: string;

const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

/** An API token of a member with the role (tokens act with their creator's current role). */
async function tokenFor(role: Role, accountId?: string) {
  const member = await insertViewer(db.dataSource, role, accountId);
  app.actAs({ ...member.viewer, role: Role.OWNER });
  const created = await app.graphql<{ createApiToken: { secret: string } }>(
    `mutation { createApiToken(input: { name: "export", scopes: [READ] }) { secret } }`,
  );
  return { ...member, secret: created.body.data!.createApiToken.secret };
}

function exportAs(secret: string | null, path: string, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${path}`, {
    headers: {
      "x-test-real-auth": "1",
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...headers,
    },
  });
}

/** The CSV's rows as objects by header, after checking it came as a CSV download. */
async function download(path: string, secret = owner.secret): Promise<Record<string, string>[]> {
  const response = await exportAs(secret, path);
  const text = await response.text();
  expect({ status: response.status, body: response.status === 200 ? "" : text }).toEqual({
    status: 200,
    body: "",
  });
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(text.endsWith("\r\n")).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function person(
  name: string,
  fields: { status?: MemberStatus; partnerId?: string; email?: string } = {},
) {
  const userId = await insertUser(db.dataSource, {
    name,
    email:
      fields.email ??
      `${name.replace(/\W+/g, ".").toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@example.test`,
  });
  await sql("UPDATE users SET password_hash = 'x' WHERE id = $1", [userId]);
  const external = fields.partnerId !== undefined;
  const [{ id }] = await sql(
    `INSERT INTO members (account_id, user_id, type, role, status, partner_id, accepted_at)
     VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [
      owner.accountId,
      userId,
      external ? MemberType.EXTERNAL : MemberType.INTERNAL,
      external ? Role.COLLABORATOR_EXTERNAL : Role.VIEWER,
      fields.status ?? MemberStatus.ACTIVE,
      fields.partnerId ?? null,
    ],
  );
  return id as string;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  owner = await tokenFor(Role.OWNER);
  const partner = async (companyName: string, status: string) =>
    (
      await sql(
        `INSERT INTO partners (account_id, company_name, contact_name, status, guest) VALUES ($1, $2, $3, $4, true) RETURNING id`,
        [owner.accountId, companyName, `Contact of ${companyName}`, status],
      )
    )[0].id as string;
  alpha = await partner("Alpha Works", "ACTIVE");
  beta = await partner("=Beta Build", "INVITED");
  await person("Bob Brandt", { partnerId: alpha, status: MemberStatus.PENDING });
  await person("Ängel Brandt", { partnerId: alpha, status: MemberStatus.ACTIVE });
  await person("angel Adams", { partnerId: beta, status: MemberStatus.PENDING });
  await person("Cleo Archived", { status: MemberStatus.ARCHIVED });
  // Text a spreadsheet would run: each cell must come back as text.
  await person('=HYPERLINK("http://evil.example")', { email: "formula@example.test" });
  await person("+1 Plus", { email: "-minus@example.test" });
  await person("@SUM(A1)");

  const client = async (name: string, status: string) =>
    sql(
      "INSERT INTO clients (account_id, type, name, email, status) VALUES ($1, 'PERSON', $2, $3, $4)",
      [owner.accountId, name, `${name.split(" ")[0]!.toLowerCase()}@clients.example`, status],
    );
  await client("Émile Client", "ACTIVE");
  await client("emile Other", "INVITED");
  await client("Zed Client", "REMOVED");

  const invitation = async (email: string | null, kind: string, status: string, days: number) =>
    sql(
      `INSERT INTO invitations (account_id, kind, email, role, status, token_hash, expires_at, invited_by_member_id)
       VALUES ($1, $2, $3, $4, $5, $6, now() + $7 * interval '1 day', $8)`,
      [
        owner.accountId,
        kind,
        email,
        kind === "USER" ? Role.VIEWER : null,
        status,
        hashSecret(`export-${Math.random()}`),
        days,
        owner.memberId,
      ],
    );
  await invitation("open@example.test", "USER", "PENDING", 3);
  await invitation("late@example.test", "USER", "PENDING", -1); // EXPIRED
  await invitation("done@example.test", "USER", "ACCEPTED", 3);
  await invitation(null, "CLIENT", "PENDING", 10);

  // Another account's people, partner and client: never in this account's exports.
  const other = await insertViewer(db.dataSource, Role.OWNER);
  const otherUser = await insertUser(db.dataSource, { name: "Other Brandt" });
  await sql(
    "INSERT INTO members (account_id, user_id, type, role, status, accepted_at) VALUES ($1, $2, 'INTERNAL', 'VIEWER', 'ACTIVE', now())",
    [other.accountId, otherUser],
  );
  await sql(
    "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'Other Partner', 'ACTIVE', true)",
    [other.accountId],
  );
  await sql(
    "INSERT INTO clients (account_id, type, name, status) VALUES ($1, 'PERSON', 'Other Client', 'ACTIVE')",
    [other.accountId],
  );
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("GET /api/export/members.csv", () => {
  it("downloads the member list with the page's columns, newest first, as an attachment", async () => {
    const response = await exportAs(owner.secret, "/api/export/members.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="members-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe(
      "id,name,email,role,type,status,partner,accepted_at,created_at",
    );
    const rows = await download("/api/export/members.csv");
    expect(rows).toHaveLength(8);
    const bob = rows.find((row) => row.name === "Bob Brandt")!;
    expect(bob).toMatchObject({
      role: "COLLABORATOR_EXTERNAL",
      type: "EXTERNAL",
      status: "PENDING",
      partner: "Alpha Works",
    });
    const createdAt = rows.map((row) => row.created_at);
    expect(createdAt).toEqual([...createdAt].sort().reverse());
  });

  it("honours status (repeated or comma-separated), type, partnerId and q", async () => {
    const names = async (query: string) =>
      (await download(`/api/export/members.csv?${query}`)).map((row) => row.name).sort();
    expect(await names("status=PENDING")).toEqual(["Bob Brandt", "angel Adams"].sort());
    expect(await names("status=PENDING,ARCHIVED")).toEqual(
      ["Bob Brandt", "angel Adams", "Cleo Archived"].sort(),
    );
    expect(await names("status=PENDING&status=ARCHIVED")).toEqual(
      await names("status=PENDING,ARCHIVED"),
    );
    expect(await names("type=EXTERNAL")).toEqual(
      ["Bob Brandt", "Ängel Brandt", "angel Adams"].sort(),
    );
    expect(await names(`partnerId=${toGlobalId("Partner", alpha)}`)).toEqual(
      ["Bob Brandt", "Ängel Brandt"].sort(),
    );
    expect(await names("q=brandt&status=ACTIVE")).toEqual(["Ängel Brandt"]);
    // An empty parameter is no filter, as an empty form field would send it.
    expect(await names("q=&status=")).toHaveLength(8);
  });

  it("honours orderBy and direction, in the GraphQL list's order", async () => {
    const rows = await download("/api/export/members.csv?orderBy=NAME&direction=ASC&type=EXTERNAL");
    expect(rows.map((row) => row.name)).toEqual(["angel Adams", "Ängel Brandt", "Bob Brandt"]);
    const descending = await download("/api/export/members.csv?orderBy=NAME&direction=DESC");
    app.actAs(owner.viewer);
    const listed = await app.graphql<{
      viewer: { currentAccount: { members: { nodes: { id: string }[] } } };
    }>(
      `{ viewer { currentAccount { members(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { id } } } } }`,
    );
    expect(descending.map((row) => row.id)).toEqual(
      listed.body.data!.viewer.currentAccount.members.nodes.map((node) => node.id),
    );
    // orderBy alone sorts ascending.
    expect(
      (await download("/api/export/members.csv?orderBy=NAME&type=EXTERNAL")).map((r) => r.name),
    ).toEqual(rows.map((row) => row.name));
  });

  it("writes cells a spreadsheet would run as formulas as text", async () => {
    const response = await exportAs(owner.secret, "/api/export/members.csv?orderBy=EMAIL");
    const text = await response.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain("'+1 Plus,'-minus@example.test");
    expect(text).toContain("'@SUM(A1)");
    const rows = await download("/api/export/members.csv");
    for (const row of rows)
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("works with the session cookie of a signed-in owner, for their own account only", async () => {
    const client = app.client();
    await signUpAndVerify(client, db.dataSource, {
      email: "export-owner@example.test",
      password: "correct horse battery",
      name: "Essie Export",
      accountName: "Session Export",
    });
    const response = await exportAs(null, "/api/export/members.csv", { cookie: client.cookie()! });
    expect(response.status).toBe(200);
    const rows = Papa.parse<Record<string, string>>(await response.text(), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((row) => row.name)).toEqual(["Essie Export"]);
  });
});

describe("the other lists", () => {
  it("invitations.csv honours status (EXPIRED included) and kind, with the inviter's name", async () => {
    const rows = await download(
      "/api/export/invitations.csv?status=PENDING,EXPIRED&kind=USER&orderBy=EMAIL",
    );
    expect(rows.map((row) => [row.email, row.status])).toEqual([
      ["late@example.test", "EXPIRED"],
      ["open@example.test", "PENDING"],
    ]);
    expect(rows[0]).toMatchObject({ kind: "USER", role: "VIEWER", invited_by: expect.any(String) });
    expect(rows[0]!.invited_by).not.toBe("");
    const all = await download("/api/export/invitations.csv?orderBy=EMAIL&direction=ASC");
    // The shareable link has no email: it sorts first.
    expect(all.map((row) => row.email)).toEqual([
      "",
      "done@example.test",
      "late@example.test",
      "open@example.test",
    ]);
  });

  it("partners.csv honours status, q and the pending order, with the people counts", async () => {
    await person("Dora Pending", { partnerId: beta, status: MemberStatus.PENDING });
    const rows = await download("/api/export/partners.csv?orderBy=PENDING_MEMBERS&direction=DESC");
    expect(rows.map((row) => row.company_name)).toEqual(["'=Beta Build", "Alpha Works"]);
    expect(rows[1]).toMatchObject({ pending_members: "1", active_members: "1", guest: "true" });
    expect(
      (await download("/api/export/partners.csv?status=ACTIVE")).map((r) => r.company_name),
    ).toEqual(["Alpha Works"]);
    expect((await download("/api/export/partners.csv?q=beta")).map((r) => r.company_name)).toEqual([
      "'=Beta Build",
    ]);
  });

  it("clients.csv honours status, q and the name order", async () => {
    const rows = await download("/api/export/clients.csv?orderBy=NAME&direction=ASC");
    // Case and accents weigh only between otherwise equal names: "Émile C…" before "emile O…".
    expect(rows.map((row) => row.name)).toEqual(["Émile Client", "emile Other", "Zed Client"]);
    expect(rows[1]).toMatchObject({ type: "PERSON", status: "INVITED", team_lead: "" });
    // "emile Other" matches by its email (emile@clients.example), but is INVITED.
    expect(
      (await download("/api/export/clients.csv?status=ACTIVE,REMOVED&q=CLIENT&orderBy=NAME")).map(
        (r) => r.name,
      ),
    ).toEqual(["Émile Client", "Zed Client"]);
  });

  it("never shows another account's rows, even for a partner ID of another account", async () => {
    for (const list of ["members", "partners", "clients"]) {
      const text = await (await exportAs(owner.secret, `/api/export/${list}.csv`)).text();
      expect({ list, leaks: /Other (Brandt|Partner|Client)/.test(text) }).toEqual({
        list,
        leaks: false,
      });
    }
    const [{ id: foreign }] = await sql(
      "SELECT id FROM partners WHERE company_name = 'Other Partner'",
    );
    expect(
      await download(`/api/export/members.csv?partnerId=${toGlobalId("Partner", foreign)}`),
    ).toEqual([]);
  });
});

describe("refusals", () => {
  it("refuses roles that may not read the whole list with 403, and strangers with 401", async () => {
    // Such roles hold no API token (READ needs readAccount): they sign in with a session.
    const client = app.client();
    const signedUp = await signUpAndVerify(client, db.dataSource, {
      email: "export-outsider@example.test",
      password: "correct horse battery",
      name: "Olli Outsider",
      accountName: "Outsider Co",
    });
    for (const role of [Role.COLLABORATOR_EXTERNAL, Role.CLIENT]) {
      await sql("UPDATE members SET type = 'EXTERNAL', role = $2 WHERE user_id = $1", [
        fromGlobalId(signedUp.userId)!.id,
        role,
      ]);
      for (const list of ["members", "invitations", "partners", "clients"]) {
        const response = await exportAs(null, `/api/export/${list}.csv`, {
          cookie: client.cookie()!,
        });
        expect({ role, list, status: response.status }).toEqual({ role, list, status: 403 });
        expect(((await response.json()) as { error: string }).error).toMatch(/may not read/);
      }
    }
    const viewer = await tokenFor(Role.VIEWER, owner.accountId);
    expect((await exportAs(viewer.secret, "/api/export/invitations.csv")).status).toBe(200);
    expect((await exportAs(null, "/api/export/members.csv")).status).toBe(401);
    expect((await exportAs("pn_not-a-token", "/api/export/members.csv")).status).toBe(401);
    expect((await exportAs(owner.secret, "/api/export/audit.csv")).status).toBe(404);
  });

  it.each([
    ["members", "status=LOST", "status", /PENDING, ACTIVE, ARCHIVED/],
    ["members", "type=ROBOT", "type", /INTERNAL, EXTERNAL/],
    ["members", "orderBy=AGE", "orderBy", /NAME, EMAIL, ROLE, STATUS, CREATED_AT/],
    ["members", "orderBy=NAME&direction=UP", "direction", /ASC, DESC/],
    ["members", "direction=DESC", "direction", /needs `orderBy`/],
    ["members", "partnerId=not-an-id", "partnerId", /not the ID of a Partner/],
    [
      "members",
      `partnerId=${toGlobalId("Member", "00000000-0000-0000-0000-000000000000")}`,
      "partnerId",
      /Partner/,
    ],
    ["members", "q=a&q=b", "q", /given 2 times/],
    ["members", `q=${"x".repeat(201)}`, "q", /at most 200/],
    ["members", "q=line%0Abreak", "q", /single line/],
    ["members", "sort=NAME", "sort", /not a parameter of the member list export/],
    ["members", "status[a]=1", "status[a]", /not a parameter/],
    ["invitations", "q=open", "q", /status, kind, orderBy, direction/],
    ["invitations", "orderBy=NAME", "orderBy", /EMAIL, STATUS, CREATED_AT, EXPIRES_AT/],
    ["partners", "type=GUEST", "type", /not a parameter/],
    ["clients", "orderBy=PENDING_MEMBERS", "orderBy", /NAME, CREATED_AT/],
  ])("%s.csv?%s → 400 naming %s", async (list, query, parameter, message) => {
    const response = await exportAs(owner.secret, `/api/export/${list}.csv?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe(parameter);
    expect(body.error).toMatch(message);
  });
});

describe("a long list", () => {
  it("streams every row once, across many pages, in order", async () => {
    const big = await tokenFor(Role.ADMINISTRATOR, await insertAccount(db.dataSource));
    const people = EXPORT_PAGE_SIZE * 12 + 37;
    // Few distinct names: the order is full of ties across page boundaries.
    await sql(
      `WITH u AS (
         INSERT INTO users (email, name, password_hash)
         SELECT 'bulk-' || i || '@example.test', 'Bulk ' || (i % 7), 'x' FROM generate_series(1, $2) AS i
         RETURNING id)
       INSERT INTO members (account_id, user_id, type, role, status, accepted_at)
       SELECT $1, u.id, 'INTERNAL', 'VIEWER', 'ACTIVE', now() FROM u`,
      [big.accountId, people],
    );
    const rows = await download("/api/export/members.csv?orderBy=NAME&direction=DESC", big.secret);
    expect(rows).toHaveLength(people + 1);
    expect(new Set(rows.map((row) => row.id)).size).toBe(people + 1);
    // The administrator ("User …") sorts after every "Bulk …" name, so first in DESC.
    const names = rows.slice(1).map((row) => row.name);
    expect(names.slice(0, 3)).toEqual(["Bulk 6", "Bulk 6", "Bulk 6"]);
    expect(names.at(-1)).toBe("Bulk 0");
    expect(names.filter((name) => name === "Bulk 0")).toHaveLength(Math.floor(people / 7));
  });
});
