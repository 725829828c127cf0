import { Plan, Role } from "@pn/shared";
import { randomBytes } from "node:crypto";
import { insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { auditService, type AuditSubscriber } from "../audit/audit.service";

let db: TestDatabase;
let app: TestApp;

const IMPORT = `mutation Import($csv: String!, $dryRun: Boolean) {
  importUserInvitations(input: { csv: $csv, dryRun: $dryRun }) { created rows { outcome } userErrors { field code message } }
}`;

type ImportData = {
  importUserInvitations: {
    created: number;
    rows: { outcome: string }[];
    userErrors: { field: string[] | null; code: string; message: string }[];
  } | null;
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function enterpriseAdmin() {
  const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
  await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
    admin.accountId,
    Plan.ENTERPRISE,
  ]);
  app.actAs(admin.viewer);
  return admin;
}

function csvOf(count: number): string {
  const tag = randomBytes(4).toString("hex");
  const roles = ["Viewer", "Editor", "Administrator"];
  return [
    "email,role",
    ...Array.from({ length: count }, (_, i) => `import-${tag}-${i}@example.test,${roles[i % 3]}`),
  ].join("\n");
}

async function runImport(csv: string, dryRun: boolean) {
  const response = await app.graphql<ImportData>(IMPORT, { csv, dryRun });
  return {
    data: response.body.data?.importUserInvitations ?? null,
    errors: response.body.errors,
    statements: Number(response.headers.get("x-sql-statements")),
  };
}

async function writtenFor(accountId: string) {
  const [row]: { invitations: number; emails: number; audited: number }[] =
    await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM invitations WHERE account_id = $1) AS invitations,
         (SELECT count(*)::int FROM outbox WHERE account_id = $1) AS emails,
         (SELECT count(*)::int FROM audit_events WHERE account_id = $1 AND action = 'invitation.created') AS audited`,
      [accountId],
    );
  return row;
}

describe("importing user invitations", () => {
  it("costs the same statements for 100 rows or 2,000, dry run or real", async () => {
    const admin = await enterpriseAdmin();
    const counts: Record<string, number[]> = { dry: [], real: [] };
    for (const size of [100, 2_000]) {
      const csv = csvOf(size);
      const dry = await runImport(csv, true);
      expect(dry.errors).toBeUndefined();
      expect(dry.data?.created).toBe(size);
      counts.dry!.push(dry.statements);
      const real = await runImport(csv, false);
      expect(real.errors).toBeUndefined();
      expect(real.data?.userErrors).toEqual([]);
      expect(real.data?.created).toBe(size);
      counts.real!.push(real.statements);
    }
    expect(await writtenFor(admin.accountId)).toEqual({
      invitations: 2_100,
      emails: 2_100,
      audited: 2_100,
    });
    // Each email carries its own invitation's role, though a batch sends each body once.
    const [bodies]: { emails: number; mismatched: number }[] = await db.dataSource.query(
      `SELECT count(*)::int AS emails,
         count(*) FILTER (WHERE o.text_body NOT LIKE '%as ' || initcap(i.role) || '.%')::int AS mismatched
       FROM outbox o JOIN invitations i ON i.id = o.invitation_id WHERE i.account_id = $1`,
      [admin.accountId],
    );
    expect(bodies).toEqual({ emails: 2_100, mismatched: 0 });
    expect(counts.dry![1]).toBe(counts.dry![0]);
    expect(counts.real![1]).toBe(counts.real![0]);
    // Savepoint, seat lock and count, conflicts, the send budget, release; the real run adds
    // the invitations, the inviter's name, their emails, the audit entries and webhooks.
    expect(counts.dry![0]).toBeLessThanOrEqual(7);
    expect(counts.real![0]).toBeLessThanOrEqual(12);
  });

  it("keeps nothing when a later step fails: no invitation, email or audit entry", async () => {
    const admin = await enterpriseAdmin();
    // The invitations and their emails are written before the audit entries' subscribers run.
    const failing: AuditSubscriber = async (_db, _origin, entries) => {
      if (entries.some((entry) => entry.action === "invitation.created"))
        throw new Error("recording failed");
    };
    auditService.subscribe(failing);
    const csv = csvOf(300);
    try {
      const result = await runImport(csv, false);
      expect(result.data).toBeNull();
      expect(result.errors?.length).toBe(1);
    } finally {
      auditService.unsubscribe(failing);
    }
    expect(await writtenFor(admin.accountId)).toEqual({ invitations: 0, emails: 0, audited: 0 });

    const retried = await runImport(csv, false);
    expect(retried.data?.created).toBe(300);
    expect(await writtenFor(admin.accountId)).toEqual({
      invitations: 300,
      emails: 300,
      audited: 300,
    });
  });
});
