/**
 * Demo data for an empty database: an account with one member of each role (all
 * with the demo password) and
 * a second account in which the demo owner is also a member, so the account
 * selector has something to show. Runs once: a database with any account is left alone.
 */
import { MemberStatus, MemberType, Plan, Role } from "@pn/shared";
import type { DataSource } from "typeorm";
import { hashPassword } from "../modules/identity/password";
import { execute, queryRows } from "./sql";

export const DEMO_PASSWORD = "partner-network-demo";
export const DEMO_OWNER_EMAIL = "owner@acme.example";

const PEOPLE = [
  {
    email: DEMO_OWNER_EMAIL,
    name: "Olivia Owner",
    role: Role.OWNER,
    type: MemberType.INTERNAL,
    title: "CEO",
  },
  {
    email: "admin@acme.example",
    name: "Adam Administrator",
    role: Role.ADMINISTRATOR,
    type: MemberType.INTERNAL,
    title: "Operations",
  },
  {
    email: "editor@acme.example",
    name: "Edith Editor",
    role: Role.EDITOR,
    type: MemberType.INTERNAL,
    title: "Account manager",
  },
  {
    email: "viewer@acme.example",
    name: "Victor Viewer",
    role: Role.VIEWER,
    type: MemberType.INTERNAL,
    title: "Analyst",
  },
  // External people use no seat; they get their partner once the partner network exists.
  {
    email: "collaborator@partner.example",
    name: "Cora Collaborator",
    role: Role.COLLABORATOR_EXTERNAL,
    type: MemberType.EXTERNAL,
    title: "Consultant",
  },
  {
    email: "client@client.example",
    name: "Carl Client",
    role: Role.CLIENT,
    type: MemberType.EXTERNAL,
    title: null,
  },
];
const SECOND_ACCOUNT_OWNER = { email: "owner@globex.example", name: "Grace Globex" };

export type SeedResult = { seeded: boolean };

/** The demo users' shared hash (scrypt, about a second of CPU): main starts it early on a fresh database. */
export function demoPasswordHash(): Promise<string> {
  return hashPassword(DEMO_PASSWORD);
}

export async function seedDemoData(
  dataSource: DataSource,
  precomputedHash?: Promise<string>,
): Promise<SeedResult> {
  return dataSource.transaction(async (db) => {
    // Serialises concurrent first starts of several processes on one database.
    await execute(db, "SELECT pg_advisory_xact_lock(hashtext('partner-network-seed'))");
    const [accounts] = await queryRows<{ count: number }>(
      db,
      "SELECT count(*)::int AS count FROM accounts",
    );
    if (accounts!.count > 0) return { seeded: false };

    // One hash shared by the demo users keeps the first start fast; real users each get their own salt.
    const passwordHash = await (precomputedHash ?? demoPasswordHash());
    const insertUser = async (email: string, name: string): Promise<string> => {
      const [row] = await queryRows<{ id: string }>(
        db,
        "INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id",
        [email, name, passwordHash],
      );
      return row!.id;
    };
    const insertAccount = async (name: string, handle: string, plan: Plan): Promise<string> => {
      const [row] = await queryRows<{ id: string }>(
        db,
        "INSERT INTO accounts (name, handle, plan) VALUES ($1, $2, $3) RETURNING id",
        [name, handle, plan],
      );
      return row!.id;
    };
    const insertMember = (
      accountId: string,
      userId: string,
      role: Role,
      title: string | null,
      type = MemberType.INTERNAL,
    ) =>
      execute(
        db,
        `INSERT INTO members (account_id, user_id, type, role, status, can_login, title, activated_at, accepted_at)
         VALUES ($1, $2, $3, $4, $5, true, $6, now(), now())`,
        [accountId, userId, type, role, MemberStatus.ACTIVE, title],
      );

    const acme = await insertAccount("Acme Demo", "acme-demo", Plan.TEAM);
    const userIds: string[] = [];
    for (const person of PEOPLE) {
      const userId = await insertUser(person.email, person.name);
      userIds.push(userId);
      await insertMember(acme, userId, person.role, person.title, person.type);
    }
    const globex = await insertAccount("Globex Partners", "globex", Plan.FREE);
    const globexOwner = await insertUser(SECOND_ACCOUNT_OWNER.email, SECOND_ACCOUNT_OWNER.name);
    await insertMember(globex, globexOwner, Role.OWNER, "Founder");
    await insertMember(globex, userIds[0]!, Role.ADMINISTRATOR, "Advisor");
    // Same transaction, same now(): make the demo owner's Acme membership the older one, so log-in lands in Acme.
    await execute(
      db,
      "UPDATE members SET created_at = created_at + interval '1 second' WHERE account_id = $1",
      [globex],
    );
    return { seeded: true };
  });
}
