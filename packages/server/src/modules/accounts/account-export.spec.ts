import { Role, toGlobalId } from "@pn/shared";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Papa from "papaparse";
import yauzl from "yauzl";
import { signUpAndVerify } from "../../test-support/sign-up";
import { insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;
let workDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  workDir = await mkdtemp(path.join(tmpdir(), "pn-export-"));
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  await rm(workDir, { recursive: true, force: true });
});

/** An API token of a member with the role (tokens act with their creator's current role). */
async function tokenFor(role: Role, accountId?: string, scopes: string[] = ["READ"]) {
  const member = await insertViewer(db.dataSource, role, accountId);
  app.actAs({ ...member.viewer, role: Role.OWNER });
  const created = await app.graphql<{ createApiToken: { secret: string } }>(
    `mutation($scopes: [ApiScope!]!) { createApiToken(input: { name: "backup", scopes: $scopes }) { secret } }`,
    { scopes },
  );
  return { ...member, secret: created.body.data!.createApiToken.secret };
}

function exportAs(secret: string | null, headers: Record<string, string> = {}) {
  return fetch(`${app.url}/api/account/export`, {
    headers: {
      "x-test-real-auth": "1",
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...headers,
    },
  });
}

let downloads = 0;
async function download(response: Response): Promise<string> {
  downloads += 1;
  const file = path.join(workDir, `backup-${downloads}.zip`);
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
    createWriteStream(file),
  );
  return file;
}

/** Every entry of the ZIP as text. */
function readZip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** Newline count of one entry, streamed (the 100,000-member CSV is never held whole). */
function countLines(file: string, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          let lines = 0;
          stream.on("data", (chunk: Buffer) => {
            for (const byte of chunk) if (byte === 0x0a) lines += 1;
          });
          stream.on("end", () => {
            zip.close();
            resolve(lines);
          });
        });
      });
      zip.on("end", () => reject(new Error(`${name} not in the ZIP`)));
      zip.readEntry();
    });
  });
}

/** The tables the backup holds, one CSV each (the first test checks the list). */
const BACKUP_TABLES = [
  "audit_events",
  "clients",
  "invitations",
  "members",
  "partners",
  "team_members",
  "teams",
];

function csvRows(text: string): string[][] {
  return text
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));
}

describe("GET /api/account/export", () => {
  it("streams a ZIP with account.json and one CSV per table, without tokens, and records the export", async () => {
    const admin = await tokenFor(Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    await app.graphql(
      `mutation { createPartner(input: { companyName: "Backup Partner, \\"Quoted\\" Inc" }) { partner { id } } }`,
    );
    // Text a spreadsheet would run as a formula (CSV injection) reaches the backup as text.
    await app.graphql(
      `mutation { createPartner(input: { companyName: "=HYPERLINK(\\"https://evil.example\\",\\"x\\")" }) { partner { id } } }`,
    );
    const invited = await app.graphql<{ inviteUsers: { userErrors: unknown[] } }>(
      `mutation { inviteUsers(input: { invitees: [{ email: "invitee@example.test", role: VIEWER }] }) { userErrors { code } } }`,
    );
    expect(invited.body.data?.inviteUsers.userErrors).toEqual([]);

    const response = await exportAs(admin.secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const [{ handle }] = await db.dataSource.query("SELECT handle FROM accounts WHERE id = $1", [
      admin.accountId,
    ]);
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="${handle}-backup-\\d{4}-\\d\\d-\\d\\d\\.zip"$`),
    );
    const entries = await readZip(await download(response));

    expect([...entries.keys()].sort()).toEqual([
      "account.json",
      "audit_events.csv",
      "clients.csv",
      "invitations.csv",
      "members.csv",
      "partners.csv",
      "team_members.csv",
      "teams.csv",
    ]);
    const summary = JSON.parse(entries.get("account.json")!);
    const [latest] = await db.dataSource.query(
      "SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1",
    );
    expect(summary).toMatchObject({ handle, plan: "FREE", schemaVersion: latest.name });
    expect(Date.parse(summary.exportedAt)).not.toBeNaN();

    const partners = entries.get("partners.csv")!.split("\r\n");
    expect(partners[0]).toBe(
      "id,company_name,contact_name,contact_email,partner_account_id,status,allow_login,guest,domain,external_id,public_url,created_at,connected_at,removed_at",
    );
    expect(partners[1]).toContain(`,"Backup Partner, ""Quoted"" Inc",`);
    expect(partners.join("\n")).toContain(`,"'=HYPERLINK(""https://evil.example"",""x"")",`);
    expect(partners.join("\n")).not.toMatch(/,"?=HYPERLINK/);
    const members = csvRows(entries.get("members.csv")!);
    expect(members[0]).toEqual([
      "id",
      "user_id",
      "name",
      "email",
      "type",
      "role",
      "status",
      "can_login",
      "title",
      "partner_id",
      "created_at",
      "activated_at",
      "archived_at",
      "accepted_at",
    ]);
    expect(members.slice(1).map((row) => row[0])).toEqual([admin.memberId]);
    const invitations = entries.get("invitations.csv")!;
    expect(invitations.split("\r\n")[0]).not.toMatch(/token/);
    expect(invitations).toContain("invitee@example.test");
    for (const text of ["teams.csv", "team_members.csv", "clients.csv"])
      expect(entries.get(text)!.split("\r\n").filter(Boolean)).toHaveLength(1);

    const audit = await db.dataSource.query(
      "SELECT action, via, api_token_id FROM audit_events WHERE account_id = $1 AND action = 'account.exported'",
      [admin.accountId],
    );
    expect(audit).toEqual([
      { action: "account.exported", via: "api_token", api_token_id: expect.any(String) },
    ]);
    // The export is recorded before the snapshot is taken, so the backup lists itself.
    expect(entries.get("audit_events.csv")).toContain("account.exported");
  });

  it("writes no cell a spreadsheet would run as a formula, in any CSV of the backup", async () => {
    const admin = await tokenFor(Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    await app.graphql(
      `mutation { createPartner(input: { companyName: "Formula Partner" }) { partner { id } } }`,
    );
    const invited = await app.graphql<{ inviteUsers: { userErrors: unknown[] } }>(
      `mutation { inviteUsers(input: { invitees: [{ email: "formula@example.test", role: VIEWER }] }) { userErrors { code } } }`,
    );
    expect(invited.body.data?.inviteUsers.userErrors).toEqual([]);
    await app.graphql(
      `mutation($team: [ID!]!) { inviteClient(input: { name: "Formula Client", email: "formula.client@example.test", teamMemberIds: $team }) { userErrors { code } } }`,
      { team: [toGlobalId("Member", admin.memberId)] },
    );
    app.actAs(null);

    // Every text column of every table of the account, written straight to the table (as an
    // old row or a bug might have it), starting with each of the dangerous characters.
    const starts = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"];
    const columns: { table_name: string; column_name: string }[] = await db.dataSource.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying')
         AND c.table_name = ANY($1::text[])
       ORDER BY 1, 2`,
      [BACKUP_TABLES],
    );
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    const written = new Set<string>();
    for (const [index, { table_name: table, column_name: column }] of columns.entries()) {
      // Each column gets the first of the values (rotated per column) its constraints take;
      // a column that takes none (an enum, a single-line rule against tab) keeps its value.
      for (let offset = 0; offset < starts.length; offset += 1) {
        await runner.query("SAVEPOINT formula");
        try {
          const rows: unknown[] = await runner.query(
            `UPDATE ${table} SET ${column} = $2 WHERE account_id = $1 RETURNING 1`,
            [admin.accountId, starts[(index + offset) % starts.length]],
          );
          await runner.query("RELEASE SAVEPOINT formula");
          if (rows.length > 0) written.add(table);
          break;
        } catch {
          await runner.query("ROLLBACK TO SAVEPOINT formula");
        }
      }
    }
    await runner.commitTransaction();
    await runner.release();
    // Every backup table that has a text column got formula text (teams hold only ids).
    expect([...written].sort()).toEqual([...new Set(columns.map((c) => c.table_name))].sort());
    expect(written.size).toBeGreaterThanOrEqual(5);

    const entries = await readZip(await download(await exportAs(admin.secret)));
    let neutralised = 0;
    for (const [name, text] of entries) {
      if (!name.endsWith(".csv")) continue;
      const cells = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.flat();
      expect(cells.filter((value) => /^[=+\-@\t\r]/.test(value))).toEqual([]);
      neutralised += cells.filter((value) => /^'[=+\-@\t\r]/.test(value)).length;
    }
    expect(neutralised).toBeGreaterThanOrEqual(written.size);
  });

  it("works with a session cookie for the owner", async () => {
    const client = app.client();
    await signUpAndVerify(client, db.dataSource, {
      email: "backup-owner@example.test",
      password: "correct horse battery",
      name: "Bo",
      accountName: "Session Backup",
    });
    const response = await exportAs(null, { cookie: client.cookie()! });
    expect(response.status).toBe(200);
    const entries = await readZip(await download(response));
    expect(JSON.parse(entries.get("account.json")!).name).toBe("Session Backup");
  });

  it("refuses viewers and editors with 403, strangers with 401, and records nothing", async () => {
    const admin = await tokenFor(Role.ADMINISTRATOR);
    for (const role of [Role.VIEWER, Role.EDITOR]) {
      const member = await tokenFor(role, admin.accountId);
      const response = await exportAs(member.secret);
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toMatch(/json/);
    }
    // A role that cannot read the account holds no token at all (API_SCOPE_NEEDS): 401.
    const outsider = await tokenFor(Role.COLLABORATOR_EXTERNAL, admin.accountId);
    expect((await exportAs(outsider.secret)).status).toBe(401);
    expect((await exportAs(null)).status).toBe(401);
    expect((await exportAs("pn_not-a-real-token")).status).toBe(401);
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM audit_events WHERE account_id = $1 AND action = 'account.exported'",
      [admin.accountId],
    );
    expect(count).toBe(0);
  });

  it("never gives another account's data", async () => {
    const a = await tokenFor(Role.ADMINISTRATOR);
    app.actAs(a.viewer);
    await app.graphql(
      `mutation { createPartner(input: { companyName: "Secret Partner of A" }) { partner { id } } }`,
    );
    const b = await tokenFor(Role.ADMINISTRATOR);
    const entries = await readZip(await download(await exportAs(b.secret)));
    const everything = [...entries.values()].join("\n");
    expect(everything).not.toContain("Secret Partner of A");
    expect(everything).not.toContain(a.memberId);
    expect(everything).not.toContain(a.accountId);
    expect(JSON.parse(entries.get("account.json")!).handle).not.toBe(
      (await db.dataSource.query("SELECT handle FROM accounts WHERE id = $1", [a.accountId]))[0]
        .handle,
    );
  });

  it("exports 100,000 members with flat memory: 100,001 CSV lines and under 100 MB of peak growth", async () => {
    const owner = await tokenFor(Role.OWNER);
    await db.dataSource.query(
      `WITH people AS (
         INSERT INTO users (email, name) SELECT 'bulk-' || n || '@example.test', 'Bulk Person ' || n FROM generate_series(1, 99999) n RETURNING id)
       INSERT INTO members (account_id, user_id, type, role, status, accepted_at) SELECT $1, id, 'INTERNAL', 'VIEWER', 'ACTIVE', now() FROM people`,
      [owner.accountId],
    );
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const sampler = setInterval(sample, 10);
    try {
      const response = await exportAs(owner.secret);
      expect(response.status).toBe(200);
      const file = path.join(workDir, "large.zip");
      const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
      body.on("data", sample);
      await pipeline(body, createWriteStream(file));
      sample();
      expect(await countLines(file, "members.csv")).toBe(100_001);
    } finally {
      clearInterval(sampler);
    }
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  }, 180_000);
});
