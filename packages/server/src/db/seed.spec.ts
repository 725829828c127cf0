import { Role } from "@pn/shared";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { seedDemoData } from "./seed";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe("demo seed", () => {
  it("creates one member per role and a second account for the account selector, once", async () => {
    expect(await seedDemoData(db.dataSource)).toEqual({ seeded: true });
    const roles: { role: Role }[] = await db.dataSource.query(
      "SELECT m.role FROM members m JOIN accounts a ON a.id = m.account_id WHERE a.handle = 'acme-demo' ORDER BY m.role",
    );
    expect(roles.map((row) => row.role).sort()).toEqual(Object.values(Role).sort());
    const [{ memberships }] = await db.dataSource.query(
      "SELECT count(*)::int AS memberships FROM members m JOIN users u ON u.id = m.user_id WHERE u.email = 'owner@acme.example'",
    );
    expect(memberships).toBe(2);
    // Log-in starts in the oldest membership: the demo owner lands in Acme, not Globex.
    const [first] = await db.dataSource.query(
      `SELECT a.handle FROM members m JOIN users u ON u.id = m.user_id JOIN accounts a ON a.id = m.account_id
       WHERE u.email = 'owner@acme.example' ORDER BY m.created_at, m.id LIMIT 1`,
    );
    expect(first.handle).toBe("acme-demo");

    const [{ before }] = await db.dataSource.query("SELECT count(*)::int AS before FROM members");
    expect(await seedDemoData(db.dataSource)).toEqual({ seeded: false });
    const [{ after }] = await db.dataSource.query("SELECT count(*)::int AS after FROM members");
    expect(after).toBe(before);
  });
});
