/**
 * Consent for memberships someone else created (docs/api.md "Identity ownership"): an
 * account that adds an email learns nothing about who uses it, sees only what it typed
 * until the person accepts, and never renames the person; the person answers from their
 * own session once their email is verified.
 */
import { Role, toGlobalId } from "@pn/shared";
import { randomUUID } from "node:crypto";
import { open, sealKeyFrom } from "../../crypto/sealed-box";
import { hashSecret } from "../../crypto/secret-token";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { SESSION_COOKIE } from "../identity/sessions.service";
import { memberExportTable } from "./members.service";

let db: TestDatabase;
let app: TestApp;

const ADD = `mutation($input: AddExternalMemberInput!) { addExternalMember(input: $input) {
  member { name email status type role canLogin acceptedAt declinedAt nameEditable title user { name email } }
  userErrors { field code message } } }`;
const UPDATE = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) {
  member { name nameEditable } userErrors { field code message } } }`;
const MEMBERS = `query($search: String) { viewer { currentAccount {
  members(first: 50, filter: { search: $search }) { totalCount nodes { id name email acceptedAt declinedAt status user { name } } } } } }`;
const PENDING = `{ viewer { pendingMemberships { emailVerified hiddenReason memberships { memberId accountName addedByName } } } }`;
const ACCEPT = `mutation($input: AnswerMembershipInput!) { acceptMembership(input: $input) {
  member { name acceptedAt } account { name } userErrors { code field } } }`;
const DECLINE = `mutation($input: AnswerMembershipInput!) { declineMembership(input: $input) {
  member { status declinedAt } userErrors { code field } } }`;
const ACCOUNTS = `{ viewer { memberships { account { id } } } }`;
const INVITATIONS = `{ viewer { currentAccount { invitations(first: 20) { nodes { kind email status } } } } }`;

type Member = {
  id: string;
  name: string;
  email: string;
  acceptedAt: string | null;
  declinedAt: string | null;
  status: string;
  user: { name: string };
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

/** A real person elsewhere: a password, a verified email in mixed case, their own account. */
async function existingPerson(fields: { verified?: boolean } = {}) {
  const person = await insertViewer(db.dataSource, Role.OWNER);
  const email = `Real.Person.${randomUUID().slice(0, 8)}@Example.test`;
  await db.dataSource.query(
    "UPDATE users SET email = $2, name = 'Rita Realname', password_hash = 'x', email_verified_at = $3 WHERE id = $1",
    [person.userId, email, fields.verified === false ? null : new Date()],
  );
  return { ...person, email };
}

/** An account with a guest partner (login allowed or not), its editor acting. */
async function accountA(allowLogin = true) {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  await db.dataSource.query("UPDATE accounts SET name = 'Alpha Co' WHERE id = $1", [
    owner.accountId,
  ]);
  const editorUser = await insertUser(db.dataSource, { name: "Eddie Editor" });
  const editorId = await insertMember(db.dataSource, {
    accountId: owner.accountId,
    userId: editorUser,
    role: Role.EDITOR,
  });
  const [partner] = await db.dataSource.query(
    "INSERT INTO partners (account_id, company_name, status, guest, allow_login) VALUES ($1, 'Guests', 'ACTIVE', true, $2) RETURNING id",
    [owner.accountId, allowLogin],
  );
  const editor = { ...owner.viewer, userId: editorUser, memberId: editorId, role: Role.EDITOR };
  return { owner, editor, partnerId: toGlobalId("Partner", partner.id) };
}

async function add(a: Awaited<ReturnType<typeof accountA>>, email: string, name = "Typed Name") {
  app.actAs(a.editor);
  const response = await app.graphql<{
    addExternalMember: { member: Record<string, unknown> | null; userErrors: unknown[] };
  }>(ADD, { input: { partnerId: a.partnerId, name, email } });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.addExternalMember;
}

async function membersOf(viewer: Parameters<TestApp["actAs"]>[0], search?: string) {
  app.actAs(viewer);
  const response = await app.graphql<{
    viewer: { currentAccount: { members: { totalCount: number; nodes: Member[] } } };
  }>(MEMBERS, { search });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.viewer.currentAccount.members;
}

/** The person signed in for real (a cookie session), as answering a membership requires. */
async function signedIn(userId: string, accountId: string) {
  const token = `consent-session-${randomUUID()}`;
  await db.dataSource.query(
    "INSERT INTO sessions (token_hash, user_id, account_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')",
    [hashSecret(token), userId, accountId],
  );
  return {
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-test-real-auth": "1",
          cookie: `${SESSION_COOKIE}=${token}`,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: T; errors?: unknown[] };
    },
  };
}

describe("addExternalMember answers the same for a known and an unknown email", () => {
  it("shows the typed name and email, awaiting acceptance, either way", async () => {
    const a = await accountA();
    const person = await existingPerson();
    const known = await add(a, person.email.toUpperCase());
    const unknownEmail = `Nobody.${randomUUID().slice(0, 8)}@Example.test`;
    const unknown = await add(a, unknownEmail);
    const expected = (email: string) => ({
      member: {
        name: "Typed Name",
        email: email.toLowerCase(),
        status: "ACTIVE",
        type: "EXTERNAL",
        role: "COLLABORATOR_EXTERNAL",
        canLogin: true,
        acceptedAt: null,
        declinedAt: null,
        nameEditable: true,
        title: null,
        user: { name: "Typed Name", email: email.toLowerCase() },
      },
      userErrors: [],
    });
    expect(known).toEqual(expected(person.email));
    expect(unknown).toEqual(expected(unknownEmail));
    // Both got the same kind of invitation, addressed as typed; the account sees nothing else.
    app.actAs(a.owner.viewer);
    const invitations = await app.graphql<{
      viewer: { currentAccount: { invitations: { nodes: { kind: string; email: string }[] } } };
    }>(INVITATIONS);
    expect(
      invitations.body
        .data!.viewer.currentAccount.invitations.nodes.map((i) => `${i.kind} ${i.email}`)
        .sort(),
    ).toEqual(
      [`LOGIN ${person.email.toLowerCase()}`, `LOGIN ${unknownEmail.toLowerCase()}`].sort(),
    );
    // The known person's own name and email are untouched, and A is not among their accounts.
    const [user] = await db.dataSource.query("SELECT name, email FROM users WHERE id = $1", [
      person.userId,
    ]);
    expect(user).toEqual({ name: "Rita Realname", email: person.email });
    const session = await signedIn(person.userId, person.accountId);
    const accounts = await session.graphql<{
      viewer: { memberships: { account: { id: string } }[] };
    }>(ACCOUNTS);
    expect(accounts.data!.viewer.memberships).toEqual([
      { account: { id: toGlobalId("Account", person.accountId) } },
    ]);
  });

  it("tells an existing person by email, without a login link when the partner has no login", async () => {
    const a = await accountA(false);
    const person = await existingPerson();
    await add(a, person.email);
    const [mail] = await db.dataSource.query(
      "SELECT subject, text_body, sealed_link FROM outbox WHERE lower(to_address) = lower($1)",
      [person.email],
    );
    expect(mail.subject).toBe("Alpha Co added you as a collaborator on Partner Network");
    expect(mail.text_body).toContain("/invitations-to-join");
    expect(mail.sealed_link).toBeNull();
  });
});

describe("what the account reads about an unaccepted member", () => {
  it("lists, searches and exports the typed name only", async () => {
    const a = await accountA();
    const person = await existingPerson();
    await add(a, person.email, "Typed Name");
    const all = await membersOf(a.owner.viewer);
    expect(JSON.stringify(all)).not.toContain("Rita");
    expect(JSON.stringify(all)).not.toContain(person.email);
    // Searching the real name finds nobody (else search would be an oracle); the typed one finds them.
    expect((await membersOf(a.owner.viewer, "Realname")).totalCount).toBe(0);
    expect((await membersOf(a.owner.viewer, "Typed Na")).totalCount).toBe(1);
    const rows: { name: string; email: string }[] = await db.dataSource.query(
      memberExportTable.sql,
      [a.owner.accountId],
    );
    expect(rows.map((row) => row.name)).not.toContain("Rita Realname");
    expect(rows.map((row) => row.name)).toContain("Typed Name");
  });
});

describe("renaming", () => {
  it("updateMember(name) writes the account's display name, never the person's own", async () => {
    const a = await accountA();
    const person = await existingPerson();
    await add(a, person.email);
    const [{ id }] = await db.dataSource.query(
      "SELECT id FROM members WHERE account_id = $1 AND user_id = $2",
      [a.owner.accountId, person.userId],
    );
    app.actAs(a.editor);
    const renamed = await app.graphql<{ updateMember: { member: { name: string } } }>(UPDATE, {
      input: { memberId: toGlobalId("Member", id), name: "Another Name" },
    });
    expect(renamed.body.data!.updateMember.member.name).toBe("Another Name");
    const [user] = await db.dataSource.query("SELECT name FROM users WHERE id = $1", [
      person.userId,
    ]);
    expect(user.name).toBe("Rita Realname");
  });

  it("refuses once the person accepted and set a password: only they rename themselves", async () => {
    const a = await accountA();
    const personUser = await insertUser(db.dataSource, { name: "Pat Own" });
    await db.dataSource.query("UPDATE users SET password_hash = 'x' WHERE id = $1", [personUser]);
    const memberId = await insertMember(db.dataSource, {
      accountId: a.owner.accountId,
      userId: personUser,
    });
    app.actAs(a.editor);
    const refused = await app.graphql<{
      updateMember: {
        member: null;
        userErrors: { field: string[]; code: string; message: string }[];
      };
    }>(UPDATE, { input: { memberId: toGlobalId("Member", memberId), name: "Renamed" } });
    expect(refused.body.data!.updateMember).toEqual({
      member: null,
      userErrors: [
        {
          field: ["name"],
          code: "FORBIDDEN",
          message: "Only Pat Own can change their own name: they accepted this membership.",
        },
      ],
    });
    // The person renames themselves, and the account sees it.
    app.actAs({
      userId: personUser,
      accountId: a.owner.accountId,
      memberId,
      role: Role.VIEWER,
      credential: { kind: "session", sessionId: randomUUID() },
    });
    const own = await app.graphql<{ updateProfile: { user: { name: string }; userErrors: [] } }>(
      "mutation($name: String) { updateProfile(input: { name: $name }) { user { name } userErrors { code } } }",
      { name: " Pat Newname " },
    );
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.updateProfile).toEqual({ user: { name: "Pat Newname" }, userErrors: [] });
    const members = await membersOf(a.owner.viewer);
    expect(members.nodes.map((m) => m.name)).toContain("Pat Newname");
  });

  it("lets the account rename a placeholder it created until they claim it", async () => {
    const a = await accountA();
    const email = `placeholder-${randomUUID().slice(0, 8)}@example.test`;
    await add(a, email, "First Name");
    const [{ id, user_id }] = await db.dataSource.query(
      "SELECT m.id, m.user_id FROM members m JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 AND lower(u.email) = $2",
      [a.owner.accountId, email],
    );
    // Even accepted (today's placeholders were backfilled so), no password means not yet claimed.
    await db.dataSource.query("UPDATE members SET accepted_at = now() WHERE id = $1", [id]);
    app.actAs(a.editor);
    const renamed = await app.graphql<{
      updateMember: { member: { name: string; nameEditable: boolean } };
    }>(UPDATE, { input: { memberId: toGlobalId("Member", id), name: "Second Name" } });
    expect(renamed.body.data!.updateMember.member).toEqual({
      name: "Second Name",
      nameEditable: true,
    });
    const [user] = await db.dataSource.query("SELECT name FROM users WHERE id = $1", [user_id]);
    expect(user.name).toBe("First Name");
  });
});

describe("the person answers", () => {
  async function pendingSetup(verified = true) {
    const a = await accountA();
    const person = await existingPerson({ verified });
    await add(a, person.email);
    const session = await signedIn(person.userId, person.accountId);
    return { a, person, session };
  }

  it("an unverified person sees no pending memberships, with the reason, and cannot accept", async () => {
    const { a, person, session } = await pendingSetup(false);
    const pending = await session.graphql<{ viewer: { pendingMemberships: unknown } }>(PENDING);
    expect(pending.data!.viewer.pendingMemberships).toEqual({
      emailVerified: false,
      hiddenReason: expect.stringContaining("Verify your email"),
      memberships: [],
    });
    const [{ id }] = await db.dataSource.query(
      "SELECT id FROM members WHERE account_id = $1 AND user_id = $2",
      [a.owner.accountId, person.userId],
    );
    const accepted = await session.graphql<{
      acceptMembership: { userErrors: { code: string }[] };
    }>(ACCEPT, { input: { memberId: toGlobalId("Member", id) } });
    expect(accepted.data!.acceptMembership.userErrors).toEqual([
      { code: "EMAIL_NOT_VERIFIED", field: null },
    ]);
  });

  it("accepting makes the account enterable and shows the person's own name to it", async () => {
    const { a, person, session } = await pendingSetup();
    const pending = await session.graphql<{
      viewer: {
        pendingMemberships: {
          memberships: { memberId: string; accountName: string; addedByName: string }[];
        };
      };
    }>(PENDING);
    const [only] = pending.data!.viewer.pendingMemberships.memberships;
    expect(only).toMatchObject({ accountName: "Alpha Co", addedByName: "Eddie Editor" });
    const accepted = await session.graphql<{
      acceptMembership: {
        member: { name: string; acceptedAt: string | null };
        account: { name: string };
      };
    }>(ACCEPT, { input: { memberId: only!.memberId } });
    expect(accepted.data!.acceptMembership).toMatchObject({
      member: { name: "Rita Realname", acceptedAt: expect.any(String) },
      account: { name: "Alpha Co" },
    });
    const accounts = await session.graphql<{
      viewer: { memberships: { account: { id: string } }[] };
    }>(ACCOUNTS);
    expect(accounts.data!.viewer.memberships.map((m) => m.account.id).sort()).toEqual(
      [toGlobalId("Account", person.accountId), toGlobalId("Account", a.owner.accountId)].sort(),
    );
    const members = await membersOf(a.owner.viewer);
    expect(members.nodes.find((m) => m.name === "Rita Realname")).toMatchObject({
      email: person.email,
      user: { name: "Rita Realname" },
    });
    // Accepted in session: the LOGIN invitation is answered too.
    app.actAs(a.owner.viewer);
    const invitations = await app.graphql<{
      viewer: { currentAccount: { invitations: { nodes: { status: string }[] } } };
    }>(INVITATIONS);
    expect(invitations.body.data!.viewer.currentAccount.invitations.nodes).toEqual([
      { kind: "LOGIN", email: person.email.toLowerCase(), status: "ACCEPTED" },
    ]);
  });

  it("declining archives the membership; the account sees it declined and it is never pending again", async () => {
    const { a, session } = await pendingSetup();
    const pending = await session.graphql<{
      viewer: { pendingMemberships: { memberships: { memberId: string }[] } };
    }>(PENDING);
    const memberId = pending.data!.viewer.pendingMemberships.memberships[0]!.memberId;
    const declined = await session.graphql<{ declineMembership: unknown }>(DECLINE, {
      input: { memberId },
    });
    expect(declined.data!.declineMembership).toEqual({
      member: { status: "ARCHIVED", declinedAt: expect.any(String) },
      userErrors: [],
    });
    const members = await membersOf(a.owner.viewer);
    expect(members.nodes.find((m) => m.id === memberId)).toMatchObject({
      status: "ARCHIVED",
      declinedAt: expect.any(String),
      acceptedAt: null,
    });
    const again = await session.graphql<{ viewer: { pendingMemberships: { memberships: [] } } }>(
      PENDING,
    );
    expect(again.data!.viewer.pendingMemberships.memberships).toEqual([]);
  });

  it("the account cannot answer for the person", async () => {
    const { a, person } = await pendingSetup();
    const [{ id }] = await db.dataSource.query(
      "SELECT id FROM members WHERE account_id = $1 AND user_id = $2",
      [a.owner.accountId, person.userId],
    );
    app.actAs(a.owner.viewer);
    const response = await app.graphql<{ acceptMembership: { userErrors: { code: string }[] } }>(
      ACCEPT,
      { input: { memberId: toGlobalId("Member", id) } },
    );
    expect(response.body.data!.acceptMembership.userErrors).toEqual([
      { code: "NOT_FOUND", field: ["memberId"] },
    ]);
    const [row] = await db.dataSource.query("SELECT accepted_at FROM members WHERE id = $1", [id]);
    expect(row.accepted_at).toBeNull();
  });

  it("a placeholder accepts by following the emailed set-password link", async () => {
    const a = await accountA();
    const email = `newcomer-${randomUUID().slice(0, 8)}@example.test`;
    await add(a, email, "New Comer");
    const [mail] = await db.dataSource.query(
      "SELECT sealed_link FROM outbox WHERE lower(to_address) = $1",
      [email],
    );
    const token = open(mail.sealed_link, sealKeyFrom("test-secret")).split("/invite/")[1]!;
    app.actAs(null);
    const accepted = await app.graphql<{ acceptInvitation: { userErrors: [] } }>(
      `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userErrors { code } } }`,
      { input: { token, password: "A-good-passw0rd-here" } },
    );
    expect(accepted.body.data!.acceptInvitation.userErrors).toEqual([]);
    const [row] = await db.dataSource.query(
      "SELECT m.accepted_at FROM members m JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 AND lower(u.email) = $2",
      [a.owner.accountId, email],
    );
    expect(row.accepted_at).not.toBeNull();
  });
});
