/**
 * Invitations carry their issuer's authority: accepting one needs its issuer to still be
 * an active member with login whose role may send that kind and grant its role; an
 * administrator sees such invitations marked and re-sends them as themselves; demoting
 * or withdrawing someone revokes the shareable client links they created.
 */
import { Plan, Role, toGlobalId } from "@pn/shared";
import { randomBytes, randomUUID } from "node:crypto";
import { open, sealKeyFrom } from "../../crypto/sealed-box";
import type { Viewer } from "../../graphql/context";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;

const key = sealKeyFrom("test-secret");
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { account { name } userErrors { field code message } }
}`;
const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { userErrors { field code } } }`;
const INVITATIONS = `{ viewer { currentAccount { invitations(first: 50) { nodes { id kind email status issuerCanGrant invitedBy { id } } } } } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(input: { invitationId: $id }) { invitation { issuerCanGrant } userErrors { field code message } } }`;
const PASSWORD = "a good long password";
const ISSUER_MESSAGE =
  "The person who sent this invitation can no longer invite; ask the account to send it again.";

type UserErrorShape = { field: string[] | null; code: string; message: string };
type InvitationNode = {
  id: string;
  kind: string;
  email: string | null;
  status: string;
  issuerCanGrant: boolean;
  invitedBy: { id: string } | null;
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { appUrl: "https://pn.example.test" });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const unique = () => randomBytes(4).toString("hex");

/** An account on TEAM: its owner, and an issuer of the given role who acts now. */
async function accountWithIssuer(role: Role) {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
    owner.accountId,
    Plan.TEAM,
  ]);
  const userId = await insertUser(db.dataSource);
  const issuerId = await insertMember(db.dataSource, { accountId: owner.accountId, userId, role });
  const issuer: Viewer = {
    userId,
    accountId: owner.accountId,
    memberId: issuerId,
    role,
    credential: { kind: "session", sessionId: randomUUID() },
  };
  // Staff for client teams.
  const staffId = await insertMember(db.dataSource, {
    accountId: owner.accountId,
    userId: await insertUser(db.dataSource),
    role: Role.EDITOR,
  });
  app.actAs(issuer);
  return { owner, issuer, issuerId, staffId };
}

async function tokenFor(email: string): Promise<string> {
  const [row] = await db.dataSource.query(
    `SELECT o.sealed_link FROM outbox o JOIN invitations i ON i.id = o.invitation_id WHERE lower(i.email) = lower($1) ORDER BY o.created_at DESC LIMIT 1`,
    [email],
  );
  return open(row.sealed_link, key).split("/invite/")[1]!;
}

async function accept(input: Record<string, unknown>) {
  const visitor = app.client();
  const response = await visitor.graphql<{
    acceptInvitation: { account: { name: string } | null; userErrors: UserErrorShape[] };
  }>(ACCEPT, { input });
  return response.body.data!.acceptInvitation;
}

async function invitations(): Promise<InvitationNode[]> {
  const response = await app.graphql<{
    viewer: { currentAccount: { invitations: { nodes: InvitationNode[] } } };
  }>(INVITATIONS);
  return response.body.data!.viewer.currentAccount.invitations.nodes;
}

/** What the issuer loses, done by the owner through the API. */
const LOSSES: [string, Record<string, unknown>][] = [
  ["demoted to VIEWER", { role: "VIEWER" }],
  ["without login", { canLogin: false }],
];

const refused = {
  account: null,
  userErrors: [{ field: null, code: "ISSUER_NOT_AUTHORIZED", message: ISSUER_MESSAGE }],
};

describe("a USER invitation whose issuer lost authority", () => {
  it.each(LOSSES)(
    "is refused once the issuer is %s, changes nothing, is marked, and works again re-sent by an administrator",
    async (_loss, change) => {
      const { owner, issuerId } = await accountWithIssuer(Role.ADMINISTRATOR);
      const email = `new-${unique()}@example.test`;
      const invited = await app.graphql<{ inviteUsers: { userErrors: unknown[] } }>(
        `mutation($email: String!) { inviteUsers(input: { invitees: [{ email: $email, role: EDITOR }] }) { userErrors { code } } }`,
        { email },
      );
      expect(invited.body.data?.inviteUsers.userErrors).toEqual([]);
      const token = await tokenFor(email);
      app.actAs(owner.viewer);
      expect((await invitations()).find((i) => i.email === email)?.issuerCanGrant).toBe(true);
      await app.graphql(UPDATE_MEMBER, {
        input: { memberId: toGlobalId("Member", issuerId), ...change },
      });

      expect(await accept({ token, name: "New Person", password: PASSWORD })).toEqual(refused);
      const [{ users }] = await db.dataSource.query(
        "SELECT count(*)::int AS users FROM users WHERE lower(email) = lower($1)",
        [email],
      );
      expect(users).toBe(0);
      const marked = (await invitations()).find((i) => i.email === email)!;
      expect(marked).toMatchObject({ status: "PENDING", issuerCanGrant: false });

      const resent = await app.graphql<{
        resendInvitation: { invitation: { issuerCanGrant: boolean }; userErrors: unknown[] };
      }>(RESEND, { id: marked.id });
      expect(resent.body.data?.resendInvitation).toEqual({
        invitation: { issuerCanGrant: true },
        userErrors: [],
      });
      expect((await invitations()).find((i) => i.email === email)?.invitedBy?.id).toBe(
        toGlobalId("Member", owner.memberId),
      );
      const accepted = await accept({
        token: await tokenFor(email),
        name: "New Person",
        password: PASSWORD,
      });
      expect(accepted.userErrors).toEqual([]);
    },
  );

  it("is accepted while the issuer keeps the authority (an administrator who stays one)", async () => {
    await accountWithIssuer(Role.ADMINISTRATOR);
    const email = `kept-${unique()}@example.test`;
    await app.graphql(
      `mutation($email: String!) { inviteUsers(input: { invitees: [{ email: $email, role: VIEWER }] }) { userErrors { code } } }`,
      { email },
    );
    const accepted = await accept({ token: await tokenFor(email), name: "K", password: PASSWORD });
    expect(accepted.userErrors).toEqual([]);
  });
});

describe("a CLIENT invitation by email whose issuer lost authority", () => {
  it.each(LOSSES)("is refused once the issuer is %s", async (_loss, change) => {
    const { owner, issuerId, staffId } = await accountWithIssuer(Role.EDITOR);
    const email = `client-${unique()}@example.test`;
    const invited = await app.graphql<{ inviteClient: { userErrors: unknown[] } }>(
      `mutation($input: InviteClientInput!) { inviteClient(input: $input) { userErrors { code } } }`,
      { input: { name: "Cli Ent", email, teamMemberIds: [toGlobalId("Member", staffId)] } },
    );
    expect(invited.body.data?.inviteClient.userErrors).toEqual([]);
    app.actAs(owner.viewer);
    await app.graphql(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", issuerId), ...change },
    });
    expect(await accept({ token: await tokenFor(email), name: "C", password: PASSWORD })).toEqual(
      refused,
    );
    const [client] = await db.dataSource.query(
      "SELECT status, member_id FROM clients WHERE email = $1",
      [email],
    );
    expect(client).toEqual({ status: "INVITED", member_id: null });
  });
});

describe("a PARTNER invitation whose issuer lost authority", () => {
  it("is refused once the issuer is an editor (who may not invite partners)", async () => {
    const { owner, issuerId } = await accountWithIssuer(Role.ADMINISTRATOR);
    const email = `partner-${unique()}@example.test`;
    const invited = await app.graphql<{ invitePartner: { userErrors: unknown[] } }>(
      `mutation($input: InvitePartnerInput!) { invitePartner(input: $input) { userErrors { code } } }`,
      { input: { email, companyName: "Partner Co" } },
    );
    expect(invited.body.data?.invitePartner.userErrors).toEqual([]);
    app.actAs(owner.viewer);
    await app.graphql(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", issuerId), role: "EDITOR" },
    });
    expect(
      await accept({
        token: await tokenFor(email),
        name: "P",
        password: PASSWORD,
        accountName: "Partner Co Ltd",
      }),
    ).toEqual(refused);
    const [{ accounts }] = await db.dataSource.query(
      "SELECT count(*)::int AS accounts FROM accounts WHERE name = 'Partner Co Ltd'",
    );
    expect(accounts).toBe(0);
    const marked = (await invitations()).find((i) => i.email === email);
    expect(marked?.issuerCanGrant).toBe(false);
  });
});

describe("a shareable client link", () => {
  async function createLink(staffId: string) {
    const created = await app.graphql<{
      createClientInviteLink: { invitation: { id: string }; url: string };
    }>(
      `mutation($ids: [ID!]!) { createClientInviteLink(input: { teamMemberIds: $ids }) { invitation { id } url } }`,
      { ids: [toGlobalId("Member", staffId)] },
    );
    const { invitation, url } = created.body.data!.createClientInviteLink;
    return { invitationId: invitation.id, token: url.split("/invite/")[1]! };
  }

  it.each(LOSSES)(
    "is revoked, with an audit entry, when its creator is %s",
    async (_loss, change) => {
      const { owner, issuerId, staffId } = await accountWithIssuer(Role.EDITOR);
      const { invitationId, token } = await createLink(staffId);
      app.actAs(owner.viewer);
      await app.graphql(UPDATE_MEMBER, {
        input: { memberId: toGlobalId("Member", issuerId), ...change },
      });
      expect((await invitations()).find((i) => i.id === invitationId)?.status).toBe("REVOKED");
      const audit = await db.dataSource.query(
        "SELECT details FROM audit_events WHERE account_id = $1 AND action = 'invitation.revoked'",
        [owner.accountId],
      );
      expect(audit).toEqual([
        { details: expect.objectContaining({ kind: "CLIENT", shareableLink: true }) },
      ]);
      const refusedLink = await accept({
        token,
        email: `via-link-${unique()}@example.test`,
        name: "L",
        password: PASSWORD,
      });
      expect(refusedLink.userErrors.map((e) => e.code)).toEqual(["REVOKED"]);
    },
  );

  it("stays usable when its creator moves to a role that may still invite clients", async () => {
    const { owner, issuerId, staffId } = await accountWithIssuer(Role.ADMINISTRATOR);
    const { token } = await createLink(staffId);
    app.actAs(owner.viewer);
    await app.graphql(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", issuerId), role: "EDITOR" },
    });
    const accepted = await accept({
      token,
      email: `ok-link-${unique()}@example.test`,
      name: "L",
      password: PASSWORD,
    });
    expect(accepted.userErrors).toEqual([]);
  });

  it("is refused by the issuer check where the creator lost authority without a revocation", async () => {
    const { issuerId, staffId } = await accountWithIssuer(Role.EDITOR);
    const { token } = await createLink(staffId);
    await db.dataSource.query("UPDATE members SET role = 'VIEWER' WHERE id = $1", [issuerId]);
    const email = `denied-${unique()}@example.test`;
    expect(await accept({ token, email, name: "L", password: PASSWORD })).toEqual(refused);
    const [{ users }] = await db.dataSource.query(
      "SELECT count(*)::int AS users FROM users WHERE email = $1",
      [email],
    );
    expect(users).toBe(0);
  });
});
