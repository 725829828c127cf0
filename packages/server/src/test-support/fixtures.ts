/** Direct inserts for test setup; the behaviour under test goes through GraphQL. */
import { MemberStatus, MemberType, Plan, Role } from "@pn/shared";
import { randomBytes, randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { queryRows } from "../db/sql";
import type { Viewer } from "../graphql/context";

const unique = () => randomBytes(4).toString("hex");

export async function insertUser(
  db: DataSource,
  fields: { email?: string; name?: string } = {},
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db.manager,
    "INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id",
    [fields.email ?? `user-${unique()}@example.test`, fields.name ?? `User ${unique()}`],
  );
  return row!.id;
}

export async function insertAccount(
  db: DataSource,
  fields: { name?: string; plan?: Plan } = {},
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db.manager,
    "INSERT INTO accounts (name, handle, plan) VALUES ($1, $2, $3) RETURNING id",
    [fields.name ?? `Account ${unique()}`, `acct-${unique()}`, fields.plan ?? Plan.FREE],
  );
  return row!.id;
}

export async function insertMember(
  db: DataSource,
  fields: {
    accountId: string;
    userId: string;
    role?: Role;
    type?: MemberType;
    status?: MemberStatus;
    createdAt?: Date;
  },
): Promise<string> {
  // Accepted, as every membership from before consent existed: fixtures set up people in their accounts.
  const [row] = await queryRows<{ id: string }>(
    db.manager,
    `INSERT INTO members (account_id, user_id, type, role, status, created_at, accepted_at)
     VALUES ($1, $2, $3, $4, $5, coalesce($6, now()), coalesce($6, now())) RETURNING id`,
    [
      fields.accountId,
      fields.userId,
      fields.type ?? MemberType.INTERNAL,
      fields.role ?? Role.VIEWER,
      fields.status ?? MemberStatus.ACTIVE,
      fields.createdAt ?? null,
    ],
  );
  return row!.id;
}

/** A user who is a member of a fresh account with the given role, as a viewer. */
export async function insertViewer(db: DataSource, role: Role = Role.OWNER, accountId?: string) {
  const account = accountId ?? (await insertAccount(db));
  const userId = await insertUser(db);
  const memberId = await insertMember(db, { accountId: account, userId, role });
  const viewer: Viewer = {
    userId,
    accountId: account,
    memberId,
    role,
    credential: { kind: "session", sessionId: randomUUID() },
  };
  return { viewer, accountId: account, userId, memberId };
}
