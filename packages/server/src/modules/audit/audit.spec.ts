import { AUDIT_ACTIONS, fromGlobalId, Plan, Role, toGlobalId, type AuditAction } from "@pn/shared";
import { open, sealKeyFrom } from "../../crypto/sealed-box";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import {
  claimTokenFor,
  SIGN_UP_MUTATION,
  signUpAndVerify,
  verificationTokenFor,
} from "../../test-support/sign-up";
import { startTestApp, type TestApp, type TestClient } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { passwords } from "../identity/password";
import { auditService } from "./audit.service";

let db: TestDatabase;
let app: TestApp;
const key = sealKeyFrom("test-secret");
const PASSWORD = "correct horse battery staple";
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

type Viewerish = Awaited<ReturnType<typeof insertViewer>>;
type Expected = { account: string; action: AuditAction; objectType: string };
type TrailRow = {
  account_id: string;
  action: string;
  object_type: string;
  object_id: string;
  actor_user_id: string | null;
  via: string;
  ip: string | null;
  details: string;
};

/** Actions some case produced, to prove the table covers the whole list. */
const exercised = new Set<string>();

/** Secrets a case handled (passwords, tokens, links): none may appear in any recorded detail. */
let secrets: string[] = [];

let failNextRecording = false;
auditService.subscribe(async () => {
  if (failNextRecording) {
    failNextRecording = false;
    throw new Error("subscriber failed on purpose");
  }
});

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { appUrl: "https://pn.example.test" });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function resetTrail() {
  await db.dataSource.query("DELETE FROM audit_events");
}

async function trail(): Promise<TrailRow[]> {
  return db.dataSource.query(
    "SELECT account_id, action, object_type, object_id, actor_user_id, via, ip, details::text AS details FROM audit_events",
  );
}

async function gql<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) {
  const response = await app.graphql<T>(query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

/** The invitation link's token from the outbox (the link is kept sealed there). */
async function tokenOfInvitation(invitationId: string): Promise<string> {
  const [row] = await db.dataSource.query(
    "SELECT sealed_link FROM outbox WHERE invitation_id = $1 ORDER BY created_at DESC LIMIT 1",
    [invitationId],
  );
  const token = open(row.sealed_link, key).split("/invite/")[1]!;
  secrets.push(token);
  return token;
}

async function owner(plan: Plan = Plan.TEAM): Promise<Viewerish> {
  const made = await insertViewer(db.dataSource, Role.OWNER);
  await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [made.accountId, plan]);
  return made;
}

async function staff(accountId: string, count: number): Promise<{ id: string; email: string }[]> {
  const people = [];
  for (let i = 0; i < count; i += 1) {
    const email = `staff-${Math.random().toString(36).slice(2)}@example.test`;
    const userId = await insertUser(db.dataSource, { email });
    people.push({
      id: await insertMember(db.dataSource, { accountId, userId, role: Role.EDITOR }),
      email,
    });
  }
  return people;
}

async function signUp(client: TestClient, accountName = "Trail Co") {
  const email = `sign-up-${Math.random().toString(36).slice(2)}@example.test`;
  secrets.push(PASSWORD);
  const made = await signUpAndVerify(client, db.dataSource, {
    email,
    password: PASSWORD,
    name: "Sign Up",
    accountName,
  });
  return {
    email,
    accountId: fromGlobalId(made.accountId)!.id,
    userId: fromGlobalId(made.userId)!.id,
  };
}

const INVITE_USERS = `mutation($input: InviteUsersInput!) { inviteUsers(input: $input) { invitations { id } userErrors { code } } }`;
const INVITE_PARTNER = `mutation($input: InvitePartnerInput!) { invitePartner(input: $input) { partner { id } invitation { id } userErrors { code } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { account { name } userErrors { field code } } }`;
const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } userErrors { code } } }`;
const INVITE_CLIENT = `mutation($input: InviteClientInput!) { inviteClient(input: $input) { client { id } invitation { id } userErrors { code } } }`;
const TEAM_OP = (name: string) =>
  `mutation($input: ${name === "replaceTeamMember" ? "ReplaceTeamMemberInput" : "TeamMemberInput"}!) { ${name}(input: $input) { team { id } userErrors { code } } }`;

async function invitedUser(
  admin: Viewerish,
  email = `invitee-${Math.random().toString(36).slice(2)}@example.test`,
) {
  app.actAs(admin.viewer);
  const data = await gql<{ inviteUsers: { invitations: { id: string }[] } }>(INVITE_USERS, {
    input: { invitees: [{ email, role: "EDITOR" }] },
  });
  return { email, invitationId: data.inviteUsers.invitations[0]!.id };
}

/** A invites B by handle and B's owner accepts: an ACTIVE partner link; B has its owner and two more people. */
async function connected() {
  const a = await owner();
  const b = await owner();
  await staff(b.accountId, 2);
  const [{ handle }] = await db.dataSource.query("SELECT handle FROM accounts WHERE id = $1", [
    b.accountId,
  ]);
  app.actAs(a.viewer);
  const invited = await gql<{
    invitePartner: { partner: { id: string }; invitation: { id: string } };
  }>(INVITE_PARTNER, { input: { accountHandle: handle, allowLogin: true } });
  return {
    a,
    b,
    handle: handle as string,
    partnerId: invited.invitePartner.partner.id,
    invitationId: fromGlobalId(invited.invitePartner.invitation.id)!.id,
  };
}

async function acceptPartner(link: Awaited<ReturnType<typeof connected>>) {
  const token = await tokenOfInvitation(link.invitationId);
  app.actAs(link.b.viewer);
  const accepted = await gql<{ acceptInvitation: { userErrors: unknown[] } }>(ACCEPT, {
    input: { token, partnerAccountId: toGlobalId("Account", link.b.accountId) },
  });
  expect(accepted.acceptInvitation.userErrors).toEqual([]);
}

async function clientWithTeam(admin: Viewerish, teamSize = 2) {
  const people = await staff(admin.accountId, teamSize);
  app.actAs(admin.viewer);
  const made = await gql<{ inviteClient: { client: { id: string }; invitation: { id: string } } }>(
    INVITE_CLIENT,
    {
      input: {
        name: "Clara Client",
        email: `client-${Math.random().toString(36).slice(2)}@example.test`,
        teamMemberIds: people.map((p) => toGlobalId("Member", p.id)),
      },
    },
  );
  return {
    people,
    clientId: made.inviteClient.client.id,
    invitationId: fromGlobalId(made.inviteClient.invitation.id)!.id,
  };
}

/** A person with a password, owner of a fresh account, signed in on `clients` browsers (no sign-up: its flow is not under test here). */
async function signedInOwner(clients: number) {
  const made = await owner();
  const [{ email }] = await db.dataSource.query("SELECT email FROM users WHERE id = $1", [
    made.userId,
  ]);
  await db.dataSource.query("UPDATE users SET password_hash = $2 WHERE id = $1", [
    made.userId,
    await passwords.hash(PASSWORD),
  ]);
  secrets.push(PASSWORD);
  const browsers: TestClient[] = [];
  for (let i = 0; i < clients; i += 1) {
    const client = app.client();
    const response = await client.graphql<{ logIn: { userErrors: unknown[] } }>(
      `mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`,
      { input: { email, password: PASSWORD } },
    );
    expect(response.body.data?.logIn.userErrors).toEqual([]);
    browsers.push(client);
  }
  return { ...made, email: email as string, browsers };
}

const expect1 = (account: string, action: AuditAction, objectType: string): Expected => ({
  account,
  action,
  objectType,
});

/** Each family: set up, clear the trail, run the mutation, and name the entries it must have written (and no others). */
const CASES: { family: string; run: () => Promise<Expected[]> }[] = [
  {
    family:
      "acceptMembership and declineMembership (by the person, in the accounts that added them)",
    async run() {
      const person = await owner();
      await db.dataSource.query("UPDATE users SET email_verified_at = now() WHERE id = $1", [
        person.userId,
      ]);
      const [accepting, declining] = [await owner(), await owner()];
      const pendingIn = async (accountId: string) => {
        const [row] = await db.dataSource.query(
          `INSERT INTO members (account_id, user_id, type, role, status, display_name, display_email)
           VALUES ($1, $2, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'ACTIVE', 'Typed', 'typed@example.test') RETURNING id`,
          [accountId, person.userId],
        );
        return toGlobalId("Member", row.id);
      };
      const [toAccept, toDecline] = [
        await pendingIn(accepting.accountId),
        await pendingIn(declining.accountId),
      ];
      app.actAs(person.viewer);
      await resetTrail();
      for (const [mutation, memberId] of [
        ["acceptMembership", toAccept],
        ["declineMembership", toDecline],
      ] as const) {
        const data = await gql<Record<string, { userErrors: unknown[] }>>(
          `mutation($input: AnswerMembershipInput!) { ${mutation}(input: $input) { userErrors { code } } }`,
          { input: { memberId } },
        );
        expect(data[mutation]!.userErrors).toEqual([]);
      }
      return [
        expect1(accepting.accountId, "member.accepted", "Member"),
        expect1(declining.accountId, "member.declined", "Member"),
      ];
    },
  },
  {
    family: "signUp",
    async run() {
      await resetTrail();
      const email = `sign-up-${Math.random().toString(36).slice(2)}@example.test`;
      const response = await app
        .client()
        .graphql<{ signUp: { userErrors: unknown[] } }>(SIGN_UP_MUTATION, {
          input: { email, password: PASSWORD, name: "Sign Up", accountName: "Trail Co" },
        });
      expect(response.body.data?.signUp.userErrors).toEqual([]);
      const [{ account_id: accountId }] = await db.dataSource.query(
        "SELECT m.account_id FROM members m JOIN users u ON u.id = m.user_id WHERE u.email = $1",
        [email],
      );
      // No session until the email is verified.
      return [expect1(accountId, "account.created", "Account")];
    },
  },
  {
    family: "verifyEmail: the link signs the person in",
    async run() {
      const email = `verify-${Math.random().toString(36).slice(2)}@example.test`;
      await app.client().graphql(SIGN_UP_MUTATION, {
        input: { email, password: PASSWORD, name: "Verify Me", accountName: "Verified Co" },
      });
      const token = (await verificationTokenFor(db.dataSource, email))!;
      secrets.push(token);
      const [{ account_id: accountId }] = await db.dataSource.query(
        "SELECT m.account_id FROM members m JOIN users u ON u.id = m.user_id WHERE u.email = $1",
        [email],
      );
      await resetTrail();
      const verified = await app
        .client()
        .graphql<{ verifyEmail: { userErrors: unknown[] } }>(
          `mutation($token: String!) { verifyEmail(input: { token: $token }) { userErrors { code } } }`,
          { token },
        );
      expect(verified.body.data?.verifyEmail.userErrors).toEqual([]);
      return [expect1(accountId, "session.created", "Session")];
    },
  },
  {
    family: "logIn",
    async run() {
      const made = await signUp(app.client());
      await resetTrail();
      const response = await app
        .client()
        .graphql<{ logIn: { userErrors: unknown[] } }>(
          `mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`,
          { input: { email: made.email, password: PASSWORD } },
        );
      expect(response.body.data?.logIn.userErrors).toEqual([]);
      return [expect1(made.accountId, "session.created", "Session")];
    },
  },
  {
    family: "logOut",
    async run() {
      const client = app.client();
      const made = await signUp(client);
      await resetTrail();
      expect(
        (await client.graphql<{ logOut: { ok: boolean } }>("mutation { logOut { ok } }")).body.data
          ?.logOut.ok,
      ).toBe(true);
      return [expect1(made.accountId, "session.ended", "Session")];
    },
  },
  {
    family: "switchAccount",
    async run() {
      const client = app.client();
      const made = await signUp(client);
      const other = await owner();
      await insertMember(db.dataSource, {
        accountId: other.accountId,
        userId: made.userId,
        role: Role.VIEWER,
      });
      await resetTrail();
      const switched = await client.graphql<{ switchAccount: { userErrors: unknown[] } }>(
        `mutation($id: ID!) { switchAccount(input: { accountId: $id }) { userErrors { code } } }`,
        { id: toGlobalId("Account", other.accountId) },
      );
      expect(switched.body.data?.switchAccount.userErrors).toEqual([]);
      return [expect1(other.accountId, "session.account_switched", "Session")];
    },
  },
  {
    family: "changePassword",
    async run() {
      const made = await signedInOwner(2);
      await resetTrail();
      const changed = await made.browsers[0]!.graphql<{
        changePassword: { userErrors: unknown[] };
      }>(
        `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { userErrors { code } } }`,
        { input: { currentPassword: PASSWORD, newPassword: "another long passphrase" } },
      );
      secrets.push("another long passphrase");
      expect(changed.body.data?.changePassword.userErrors).toEqual([]);
      return [expect1(made.accountId, "user.password_changed", "User")];
    },
  },
  {
    family: "requestPasswordReset and resetPassword",
    async run() {
      const made = await signedInOwner(1);
      await resetTrail();
      const requested = await app.graphql<{ requestPasswordReset: { ok: boolean } }>(
        `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { ok } }`,
        { input: { email: made.email } },
      );
      expect(requested.body.data?.requestPasswordReset.ok).toBe(true);
      const [row] = await db.dataSource.query(
        "SELECT sealed_link FROM outbox WHERE to_address = $1 AND account_id IS NULL ORDER BY created_at DESC LIMIT 1",
        [made.email],
      );
      const token = open(row.sealed_link, key).split("#token=")[1]!;
      secrets.push(token);
      const reset = await app
        .client()
        .graphql<{ resetPassword: { userErrors: unknown[] } }>(
          `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { userErrors { code } } }`,
          { input: { token, newPassword: "a reset long passphrase" } },
        );
      secrets.push("a reset long passphrase");
      expect(reset.body.data?.resetPassword.userErrors).toEqual([]);
      return [
        expect1(made.accountId, "user.password_reset", "User"),
        expect1(made.accountId, "session.created", "Session"),
      ];
    },
  },
  {
    family: "endSession and endOtherSessions",
    async run() {
      const made = await signedInOwner(3);
      const [here] = made.browsers;
      const listed = await here!.graphql<{
        viewer: { sessions: { id: string; current: boolean }[] };
      }>("{ viewer { sessions { id current } } }");
      const other = listed.body.data!.viewer.sessions.find((session) => !session.current)!;
      await resetTrail();
      const ended = await here!.graphql<{ endSession: { userErrors: unknown[] } }>(
        `mutation($id: ID!) { endSession(input: { sessionId: $id }) { userErrors { code } } }`,
        { id: other.id },
      );
      expect(ended.body.data?.endSession.userErrors).toEqual([]);
      const rest = await here!.graphql<{ endOtherSessions: { endedSessionCount: number } }>(
        "mutation { endOtherSessions { endedSessionCount } }",
      );
      expect(rest.body.data?.endOtherSessions.endedSessionCount).toBe(1);
      return [
        expect1(made.accountId, "session.ended", "Session"),
        expect1(made.accountId, "user.other_sessions_ended", "User"),
      ];
    },
  },
  {
    family: "changePlan",
    async run() {
      const boss = await owner(Plan.FREE);
      app.actAs(boss.viewer);
      await resetTrail();
      await gql(`mutation { changePlan(input: { plan: BUSINESS }) { userErrors { code } } }`);
      return [expect1(boss.accountId, "account.plan_changed", "Account")];
    },
  },
  {
    family: "createApiToken and revokeApiToken",
    async run() {
      const boss = await owner();
      app.actAs(boss.viewer);
      await resetTrail();
      const created = await gql<{ createApiToken: { apiToken: { id: string }; secret: string } }>(
        `mutation { createApiToken(input: { name: "CRM", scopes: [READ, WRITE] }) { apiToken { id } secret } }`,
      );
      secrets.push(created.createApiToken.secret);
      await gql(
        `mutation($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { userErrors { code } } }`,
        { id: created.createApiToken.apiToken.id },
      );
      // Revoking again changes nothing and records nothing.
      await gql(
        `mutation($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { userErrors { code } } }`,
        { id: created.createApiToken.apiToken.id },
      );
      return [
        expect1(boss.accountId, "api_token.created", "ApiToken"),
        expect1(boss.accountId, "api_token.revoked", "ApiToken"),
      ];
    },
  },
  {
    family: "inviteUsers",
    async run() {
      const boss = await owner();
      app.actAs(boss.viewer);
      await resetTrail();
      await gql(INVITE_USERS, {
        input: {
          invitees: [
            { email: "one@invite.example", role: "VIEWER" },
            { email: "two@invite.example", role: "EDITOR" },
          ],
        },
      });
      return [
        expect1(boss.accountId, "invitation.created", "Invitation"),
        expect1(boss.accountId, "invitation.created", "Invitation"),
      ];
    },
  },
  {
    family: "importUserInvitations",
    async run() {
      const boss = await owner();
      app.actAs(boss.viewer);
      await resetTrail();
      await gql(
        `mutation($csv: String!) { importUserInvitations(input: { csv: $csv }) { created } }`,
        { csv: "email,role\nimp1@example.test,Viewer\nimp2@example.test,Editor\n" },
      );
      return [
        expect1(boss.accountId, "invitation.created", "Invitation"),
        expect1(boss.accountId, "invitation.created", "Invitation"),
      ];
    },
  },
  {
    family: "resendInvitation and revokeInvitation",
    async run() {
      const boss = await owner();
      const { invitationId } = await invitedUser(boss);
      await resetTrail();
      await gql(
        `mutation($id: ID!) { resendInvitation(input: { invitationId: $id }) { userErrors { code } } }`,
        { id: invitationId },
      );
      await gql(
        `mutation($id: ID!) { revokeInvitation(input: { invitationId: $id }) { userErrors { code } } }`,
        { id: invitationId },
      );
      return [
        expect1(boss.accountId, "invitation.resent", "Invitation"),
        expect1(boss.accountId, "invitation.revoked", "Invitation"),
      ];
    },
  },
  {
    family: "acceptInvitation (user, new person)",
    async run() {
      const boss = await owner();
      const { invitationId } = await invitedUser(boss);
      const token = await tokenOfInvitation(fromGlobalId(invitationId)!.id);
      app.actAs(null);
      await resetTrail();
      const accepted = await gql<{ acceptInvitation: { userErrors: unknown[] } }>(ACCEPT, {
        input: { token, name: "New Person", password: PASSWORD },
      });
      expect(accepted.acceptInvitation.userErrors).toEqual([]);
      return [
        expect1(boss.accountId, "invitation.accepted", "Invitation"),
        expect1(boss.accountId, "session.created", "Session"),
      ];
    },
  },
  {
    family: "acceptInvitation (user): the mailbox's owner takes over an unverified registration",
    async run() {
      const boss = await owner();
      const email = `squatted-${Math.random().toString(36).slice(2)}@example.test`;
      await app.client().graphql(SIGN_UP_MUTATION, {
        input: { email, password: "squatter password 1", name: "Squatter", accountName: "Squat" },
      });
      const { invitationId } = await invitedUser(boss, email);
      const token = await tokenOfInvitation(fromGlobalId(invitationId)!.id);
      app.actAs(null);
      await resetTrail();
      const accepted = await gql<{ acceptInvitation: { userErrors: unknown[] } }>(ACCEPT, {
        input: { token, name: "Rightful Owner", password: PASSWORD },
      });
      expect(accepted.acceptInvitation.userErrors).toEqual([]);
      return [
        expect1(boss.accountId, "user.identity_claimed", "User"),
        expect1(boss.accountId, "invitation.accepted", "Invitation"),
        expect1(boss.accountId, "session.created", "Session"),
      ];
    },
  },
  {
    family: "invitePartner",
    async run() {
      const a = await owner();
      app.actAs(a.viewer);
      await resetTrail();
      await gql(INVITE_PARTNER, {
        input: { email: "boss@partner.example", companyName: "Partner Co" },
      });
      return [
        expect1(a.accountId, "partner.invited", "Partner"),
        expect1(a.accountId, "invitation.created", "Invitation"),
      ];
    },
  },
  {
    family: "acceptInvitation (partner): connected on both sides",
    async run() {
      const link = await connected();
      await resetTrail();
      await acceptPartner(link);
      return [
        expect1(link.a.accountId, "invitation.accepted", "Invitation"),
        expect1(link.a.accountId, "partner.connected", "Partner"),
        // B's three people appear in A as pending external members.
        expect1(link.a.accountId, "member.created", "Member"),
        expect1(link.a.accountId, "member.created", "Member"),
        expect1(link.a.accountId, "member.created", "Member"),
        expect1(link.b.accountId, "partner.connected", "Partner"),
        expect1(link.b.accountId, "client.created", "Client"),
      ];
    },
  },
  {
    family: "createPartner and updatePartner",
    async run() {
      const a = await owner();
      app.actAs(a.viewer);
      await resetTrail();
      const made = await gql<{ createPartner: { partner: { id: string } } }>(CREATE_PARTNER, {
        input: { companyName: "Guest Co", guest: true },
      });
      await gql(
        `mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { userErrors { code } } }`,
        {
          input: { partnerId: made.createPartner.partner.id, domain: "guest.example" },
        },
      );
      return [
        expect1(a.accountId, "partner.created", "Partner"),
        expect1(a.accountId, "partner.updated", "Partner"),
      ];
    },
  },
  {
    family: "addExternalMember (login granted sends a login invitation)",
    async run() {
      const a = await owner();
      app.actAs(a.viewer);
      const made = await gql<{ createPartner: { partner: { id: string } } }>(CREATE_PARTNER, {
        input: { companyName: "Login Co", allowLogin: true },
      });
      await resetTrail();
      const added = await gql<{ addExternalMember: { userErrors: unknown[] } }>(
        `mutation($input: AddExternalMemberInput!) { addExternalMember(input: $input) { userErrors { code } } }`,
        {
          input: {
            partnerId: made.createPartner.partner.id,
            name: "Ext Ernal",
            email: "ext@login.example",
          },
        },
      );
      expect(added.addExternalMember.userErrors).toEqual([]);
      return [
        expect1(a.accountId, "member.created", "Member"),
        expect1(a.accountId, "invitation.created", "Invitation"),
      ];
    },
  },
  {
    family: "acceptInvitation (login): the person sets a password",
    async run() {
      const a = await owner();
      app.actAs(a.viewer);
      const made = await gql<{ createPartner: { partner: { id: string } } }>(CREATE_PARTNER, {
        input: { companyName: "Login Co", allowLogin: true },
      });
      const email = `login-${Math.random().toString(36).slice(2)}@example.test`;
      await gql(
        `mutation($input: AddExternalMemberInput!) { addExternalMember(input: $input) { userErrors { code } } }`,
        {
          input: { partnerId: made.createPartner.partner.id, name: "Log In", email },
        },
      );
      const [invitation] = await db.dataSource.query(
        "SELECT id FROM invitations WHERE kind = 'LOGIN' AND email = $1",
        [email],
      );
      const token = await tokenOfInvitation(invitation.id);
      app.actAs(null);
      await resetTrail();
      const accepted = await gql<{ acceptInvitation: { userErrors: unknown[] } }>(ACCEPT, {
        input: { token, password: PASSWORD },
      });
      expect(accepted.acceptInvitation.userErrors).toEqual([]);
      return [
        expect1(a.accountId, "invitation.accepted", "Invitation"),
        expect1(a.accountId, "session.created", "Session"),
      ];
    },
  },
  {
    family: "removePartnerFromNetwork: recorded on both sides",
    async run() {
      const link = await connected();
      await acceptPartner(link);
      app.actAs(link.a.viewer);
      await resetTrail();
      await gql(
        `mutation($id: ID!) { removePartnerFromNetwork(input: { partnerId: $id }) { userErrors { code } } }`,
        { id: link.partnerId },
      );
      return [
        expect1(link.a.accountId, "partner.removed", "Partner"),
        expect1(link.b.accountId, "partner.removed", "Partner"),
        expect1(link.b.accountId, "client.removed", "Client"),
      ];
    },
  },
  {
    family: "removeClientFromNetwork (a linked account): recorded on both sides",
    async run() {
      const link = await connected();
      await acceptPartner(link);
      const [client] = await db.dataSource.query("SELECT id FROM clients WHERE account_id = $1", [
        link.b.accountId,
      ]);
      app.actAs(link.b.viewer);
      await resetTrail();
      await gql(
        `mutation($id: ID!) { removeClientFromNetwork(input: { clientId: $id }) { userErrors { code } } }`,
        { id: toGlobalId("Client", client.id) },
      );
      return [
        expect1(link.a.accountId, "partner.removed", "Partner"),
        expect1(link.b.accountId, "partner.removed", "Partner"),
        expect1(link.b.accountId, "client.removed", "Client"),
      ];
    },
  },
  {
    family: "activateMembers, archiveMembers, restoreMembers: one entry per member",
    async run() {
      const boss = await owner();
      const [p1, p2] = await staff(boss.accountId, 2);
      await db.dataSource.query(
        "UPDATE members SET status = 'PENDING' WHERE id = ANY($1::uuid[])",
        [[p1!.id, p2!.id]],
      );
      const ids = [p1!.id, p2!.id].map((id) => toGlobalId("Member", id));
      app.actAs(boss.viewer);
      await resetTrail();
      for (const name of ["activateMembers", "archiveMembers", "restoreMembers"]) {
        const data = await gql<Record<string, { userErrors: unknown[] }>>(
          `mutation($ids: [ID!]!) { ${name}(input: { memberIds: $ids }) { userErrors { code } } }`,
          { ids },
        );
        expect(data[name]!.userErrors).toEqual([]);
      }
      return (["member.activated", "member.archived", "member.restored"] as const).flatMap(
        (action) => [
          expect1(boss.accountId, action, "Member"),
          expect1(boss.accountId, action, "Member"),
        ],
      );
    },
  },
  {
    family: "updateMember",
    async run() {
      const boss = await owner();
      const [person] = await staff(boss.accountId, 1);
      app.actAs(boss.viewer);
      await resetTrail();
      await gql(
        `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { userErrors { code } } }`,
        {
          input: { memberId: toGlobalId("Member", person!.id), role: "VIEWER", title: "Designer" },
        },
      );
      return [expect1(boss.accountId, "member.updated", "Member")];
    },
  },
  {
    family: "inviteClient",
    async run() {
      const boss = await owner();
      const people = await staff(boss.accountId, 1);
      app.actAs(boss.viewer);
      await resetTrail();
      await gql(INVITE_CLIENT, {
        input: {
          name: "Cli Ent",
          email: "cli@ent.example",
          teamMemberIds: [toGlobalId("Member", people[0]!.id)],
        },
      });
      return [
        expect1(boss.accountId, "client.created", "Client"),
        expect1(boss.accountId, "invitation.created", "Invitation"),
      ];
    },
  },
  {
    family: "createClientInviteLink and a sign-up through it",
    async run() {
      const boss = await owner();
      const people = await staff(boss.accountId, 1);
      app.actAs(boss.viewer);
      await resetTrail();
      const link = await gql<{ createClientInviteLink: { url: string } }>(
        `mutation($ids: [ID!]!) { createClientInviteLink(input: { teamMemberIds: $ids }) { url userErrors { code } } }`,
        { ids: [toGlobalId("Member", people[0]!.id)] },
      );
      const token = link.createClientInviteLink.url.split("/invite/")[1]!;
      secrets.push(token, link.createClientInviteLink.url);
      app.actAs(null);
      const accepted = await gql<{ acceptInvitation: { userErrors: unknown[] } }>(ACCEPT, {
        input: { token, email: "link@client.example", name: "Link Client", password: PASSWORD },
      });
      expect(accepted.acceptInvitation.userErrors).toEqual([]);
      const claimToken = (await claimTokenFor(db.dataSource, "link@client.example"))!;
      secrets.push(claimToken);
      const confirmed = await gql<{ acceptInvitation: { userErrors: unknown[] } }>(ACCEPT, {
        input: { token, claimToken },
      });
      expect(confirmed.acceptInvitation.userErrors).toEqual([]);
      return [
        expect1(boss.accountId, "client.invite_link_created", "Invitation"),
        expect1(boss.accountId, "invitation.accepted", "Invitation"),
        expect1(boss.accountId, "client.created", "Client"),
        expect1(boss.accountId, "session.created", "Session"),
      ];
    },
  },
  {
    family: "acceptInvitation (client by email)",
    async run() {
      const boss = await owner();
      const { invitationId } = await clientWithTeam(boss, 1);
      const token = await tokenOfInvitation(invitationId);
      app.actAs(null);
      await resetTrail();
      const accepted = await gql<{ acceptInvitation: { userErrors: unknown[] } }>(ACCEPT, {
        input: { token, name: "Clara", password: PASSWORD },
      });
      expect(accepted.acceptInvitation.userErrors).toEqual([]);
      return [
        expect1(boss.accountId, "invitation.accepted", "Invitation"),
        expect1(boss.accountId, "client.activated", "Client"),
        expect1(boss.accountId, "session.created", "Session"),
      ];
    },
  },
  {
    family: "importClients (created and updated)",
    async run() {
      const boss = await owner();
      const people = await staff(boss.accountId, 1);
      app.actAs(boss.viewer);
      const importCsv = (csv: string, updateExisting: boolean) =>
        gql(
          `mutation($csv: String!, $update: Boolean) { importClients(input: { csv: $csv, updateExisting: $update }) { created updated } }`,
          { csv, update: updateExisting },
        );
      await importCsv(
        `First Name,Last Name,Email,Phone Number,Team\nOld,Name,known@client.example,,${people[0]!.email}\n`,
        false,
      );
      await resetTrail();
      await importCsv(
        `First Name,Last Name,Email,Phone Number,Team\nNew,Name,known@client.example,,${people[0]!.email}\nFresh,One,fresh@client.example,,${people[0]!.email}\n`,
        true,
      );
      return [
        expect1(boss.accountId, "client.updated", "Client"),
        expect1(boss.accountId, "client.created", "Client"),
        expect1(boss.accountId, "invitation.created", "Invitation"),
      ];
    },
  },
  {
    family: "removeClientFromNetwork (a person)",
    async run() {
      const boss = await owner();
      const { clientId } = await clientWithTeam(boss, 1);
      app.actAs(boss.viewer);
      await resetTrail();
      await gql(
        `mutation($id: ID!) { removeClientFromNetwork(input: { clientId: $id }) { userErrors { code } } }`,
        { id: clientId },
      );
      return [expect1(boss.accountId, "client.removed", "Client")];
    },
  },
  {
    family: "team changes: add, make lead, replace, remove",
    async run() {
      const boss = await owner();
      const { people, clientId } = await clientWithTeam(boss, 2);
      const [extra, spare] = await staff(boss.accountId, 2);
      app.actAs(boss.viewer);
      await resetTrail();
      const member = (id: string) => toGlobalId("Member", id);
      for (const [name, input] of [
        ["addTeamMember", { clientId, memberId: member(extra!.id) }],
        ["makeTeamLead", { clientId, memberId: member(extra!.id) }],
        [
          "replaceTeamMember",
          { clientId, memberId: member(people[0]!.id), replacementMemberId: member(spare!.id) },
        ],
        ["removeTeamMember", { clientId, memberId: member(people[1]!.id) }],
      ] as const) {
        const data = await gql<Record<string, { userErrors: unknown[] }>>(TEAM_OP(name), { input });
        expect(data[name]!.userErrors).toEqual([]);
      }
      return Array.from({ length: 4 }, () => expect1(boss.accountId, "team.updated", "Team"));
    },
  },
  {
    family: "updateAccount, the backup export (REST) and transferOwnership",
    async run() {
      const client = app.client();
      const { accountId } = await signUp(client, "Owned Co");
      const [admin] = await staff(accountId, 1);
      await db.dataSource.query("UPDATE members SET role = 'ADMINISTRATOR' WHERE id = $1", [
        admin!.id,
      ]);
      await resetTrail();
      const renamed = await client.graphql<{ updateAccount: { userErrors: unknown[] } }>(
        `mutation { updateAccount(input: { name: "Renamed Co" }) { userErrors { code } } }`,
      );
      expect(renamed.body.data?.updateAccount.userErrors).toEqual([]);
      const backup = await fetch(`${app.url}/api/account/export`, {
        headers: { cookie: client.cookie() ?? "", "x-test-real-auth": "1" },
      });
      expect(backup.status).toBe(200);
      await backup.arrayBuffer();
      const transferred = await client.graphql<{ transferOwnership: { userErrors: unknown[] } }>(
        `mutation($input: TransferOwnershipInput!) { transferOwnership(input: $input) { userErrors { code } } }`,
        { input: { memberId: toGlobalId("Member", admin!.id), password: PASSWORD } },
      );
      expect(transferred.body.data?.transferOwnership.userErrors).toEqual([]);
      return [
        expect1(accountId, "account.updated", "Account"),
        expect1(accountId, "account.exported", "Account"),
        expect1(accountId, "account.ownership_transferred", "Account"),
      ];
    },
  },
  {
    family: "webhook endpoints and replaying a delivery",
    async run() {
      const boss = await owner();
      app.actAs(boss.viewer);
      await resetTrail();
      const created = await gql<{
        createWebhookEndpoint: { webhookEndpoint: { id: string }; secret: string };
      }>(
        `mutation { createWebhookEndpoint(input: { url: "https://93.184.216.34/hooks", eventTypes: [MEMBER_ACTIVATED] }) { webhookEndpoint { id } secret } }`,
      );
      secrets.push(created.createWebhookEndpoint.secret);
      const endpointId = created.createWebhookEndpoint.webhookEndpoint.id;
      await gql(
        `mutation($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: false }) { userErrors { code } } }`,
        { id: endpointId },
      );
      await gql(
        `mutation($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: true }) { userErrors { code } } }`,
        { id: endpointId },
      );
      const [delivery] = await db.dataSource.query(
        `INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, object_id, payload, status)
         VALUES ($1, $2, 'msg_audit', 'member.activated', 'TWVtYmVyOjE', '{}', 'FAILED') RETURNING id`,
        [boss.accountId, fromGlobalId(endpointId)!.id],
      );
      await gql(
        `mutation($id: ID!) { replayWebhookDelivery(input: { deliveryId: $id }) { userErrors { code } } }`,
        {
          id: toGlobalId("WebhookDelivery", delivery.id),
        },
      );
      await gql(
        `mutation($id: ID!) { deleteWebhookEndpoint(input: { id: $id }) { userErrors { code } } }`,
        { id: endpointId },
      );
      return [
        expect1(boss.accountId, "webhook_endpoint.created", "WebhookEndpoint"),
        expect1(boss.accountId, "webhook_endpoint.updated", "WebhookEndpoint"),
        expect1(boss.accountId, "webhook_endpoint.updated", "WebhookEndpoint"),
        expect1(boss.accountId, "webhook_delivery.replayed", "WebhookDelivery"),
        expect1(boss.accountId, "webhook_endpoint.deleted", "WebhookEndpoint"),
      ];
    },
  },
  {
    family: "partner logo upload (REST)",
    async run() {
      const boss = await owner();
      app.actAs(boss.viewer);
      const made = await gql<{ createPartner: { partner: { id: string } } }>(CREATE_PARTNER, {
        input: { companyName: "Logo Co" },
      });
      const token = await gql<{ createApiToken: { secret: string } }>(
        `mutation { createApiToken(input: { name: "logo", scopes: [READ, WRITE] }) { secret } }`,
      );
      secrets.push(token.createApiToken.secret);
      await resetTrail();
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(PNG)]), "logo.png");
      const response = await fetch(
        `${app.url}/api/partners/${made.createPartner.partner.id}/logo`,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${token.createApiToken.secret}`,
            "x-test-real-auth": "1",
            "apollo-require-preflight": "true",
          },
          body: form,
        },
      );
      expect(response.status).toBe(200);
      return [expect1(boss.accountId, "partner.logo_updated", "Partner")];
    },
  },
];

describe("every mutation writes its audit entries", () => {
  beforeEach(() => {
    secrets = [];
  });

  it.each(CASES)("$family", async ({ run }) => {
    const expected = await run();
    const rows = await trail();
    const summary = (entries: { account: string; action: string; objectType: string }[]) =>
      entries.map((entry) => `${entry.account} ${entry.action} ${entry.objectType}`).sort();
    expect(
      summary(
        rows.map((row) => ({
          account: row.account_id,
          action: row.action,
          objectType: row.object_type,
        })),
      ),
    ).toEqual(summary(expected));
    for (const entry of expected) exercised.add(entry.action);
    for (const row of rows) {
      // Who and from where are always known: every mutation here has a person behind it.
      expect(row.actor_user_id).not.toBeNull();
      expect(row.ip).toMatch(/127\.0\.0\.1/);
      for (const secret of secrets) expect(row.details).not.toContain(secret);
      expect(row.details).not.toMatch(/pn_[A-Za-z0-9_-]{20,}|\/invite\//);
    }
  });

  it("exercises every action of the list", () => {
    // invitation.expired comes from the expiry sweep, not a mutation; webhooks.spec.ts covers it.
    const unexercised = Object.keys(AUDIT_ACTIONS).filter(
      (action) => !exercised.has(action) && action !== "invitation.expired",
    );
    expect(unexercised).toEqual([]);
  });
});

describe("rolled-back mutations leave no entry", () => {
  it.each([
    {
      name: "inviteUsers over the seat limit",
      async act(boss: Viewerish) {
        await db.dataSource.query("UPDATE accounts SET plan = 'FREE' WHERE id = $1", [
          boss.accountId,
        ]);
        return gql<{ inviteUsers: { userErrors: unknown[] } }>(INVITE_USERS, {
          input: {
            invitees: ["a", "b", "c"].map((name) => ({
              email: `${name}@seats.example`,
              role: "VIEWER",
            })),
          },
        }).then((data) => data.inviteUsers.userErrors);
      },
    },
    {
      name: "changePlan below the seats in use",
      async act(boss: Viewerish) {
        await staff(boss.accountId, 4);
        return gql<{ changePlan: { userErrors: unknown[] } }>(
          `mutation { changePlan(input: { plan: FREE }) { userErrors { code } } }`,
        ).then((d) => d.changePlan.userErrors);
      },
    },
    {
      name: "archiveMembers including oneself",
      async act(boss: Viewerish) {
        const [person] = await staff(boss.accountId, 1);
        return gql<{ archiveMembers: { userErrors: unknown[] } }>(
          `mutation($ids: [ID!]!) { archiveMembers(input: { memberIds: $ids }) { userErrors { code } } }`,
          {
            ids: [toGlobalId("Member", person!.id), toGlobalId("Member", boss.memberId)],
          },
        ).then((d) => d.archiveMembers.userErrors);
      },
    },
    {
      name: "createApiToken without a name",
      async act() {
        return gql<{ createApiToken: { userErrors: unknown[] } }>(
          `mutation { createApiToken(input: { name: " ", scopes: [READ] }) { userErrors { code } } }`,
        ).then((d) => d.createApiToken.userErrors);
      },
    },
    {
      name: "removeTeamMember of the lead",
      async act(boss: Viewerish) {
        const { people, clientId } = await clientWithTeam(boss, 2);
        app.actAs(boss.viewer);
        await resetTrail();
        return gql<{ removeTeamMember: { userErrors: unknown[] } }>(TEAM_OP("removeTeamMember"), {
          input: { clientId, memberId: toGlobalId("Member", people[0]!.id) },
        }).then((d) => d.removeTeamMember.userErrors);
      },
    },
  ])("$name", async ({ act }) => {
    const boss = await owner();
    app.actAs(boss.viewer);
    await resetTrail();
    const userErrors = await act(boss);
    expect(userErrors.length).toBeGreaterThan(0);
    expect(await trail()).toEqual([]);
  });

  it("a dry run changes nothing and records nothing", async () => {
    const boss = await owner();
    app.actAs(boss.viewer);
    await resetTrail();
    const data = await gql<{ importUserInvitations: { created: number } }>(
      `mutation($csv: String!) { importUserInvitations(input: { csv: $csv, dryRun: true }) { created } }`,
      { csv: "email,role\ndry@example.test,Viewer\n" },
    );
    expect(data.importUserInvitations.created).toBe(1);
    expect(await trail()).toEqual([]);
  });

  it("a failure while recording rolls the change back with its entries (same transaction)", async () => {
    const boss = await owner();
    app.actAs(boss.viewer);
    await resetTrail();
    failNextRecording = true;
    const response = await app.graphql(CREATE_PARTNER, { input: { companyName: "Never Co" } });
    expect(response.body.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM partners WHERE company_name = 'Never Co'",
    );
    expect(count).toBe(0);
    expect(await trail()).toEqual([]);
  });
});

const AUDIT_PAGE = `query($first: Int, $after: String, $filter: AuditEventFilter) { viewer { currentAccount { auditEvents(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { id action objectType objectId via apiTokenName ip createdAt details actor { id name } }
} } } }`;

type AuditPage = {
  viewer: {
    currentAccount: {
      auditEvents: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: {
          id: string;
          action: string;
          objectType: string;
          objectId: string;
          via: string;
          apiTokenName: string | null;
          ip: string | null;
          details: string;
          actor: { id: string; name: string } | null;
        }[];
      };
    };
  };
};

describe("Account.auditEvents", () => {
  let a: Viewerish;
  let b: Viewerish;
  let partnerOfB: string;

  beforeAll(async () => {
    a = await owner();
    b = await owner();
    app.actAs(a.viewer);
    await gql(CREATE_PARTNER, { input: { companyName: "First" } });
    await gql(CREATE_PARTNER, { input: { companyName: "Second" } });
    // Other people of A act too, so a page has several actors to load.
    for (const role of [Role.ADMINISTRATOR, Role.ADMINISTRATOR]) {
      const colleague = await insertViewer(db.dataSource, role, a.accountId);
      app.actAs(colleague.viewer);
      await gql(CREATE_PARTNER, { input: { companyName: `By ${colleague.userId.slice(0, 4)}` } });
    }
    app.actAs(a.viewer);
    const token = await gql<{ createApiToken: { secret: string } }>(
      `mutation { createApiToken(input: { name: "Sync bot", scopes: [READ, WRITE] }) { secret } }`,
    );
    const bot = app.client();
    bot.setBearer(token.createApiToken.secret);
    expect(
      (await bot.graphql(CREATE_PARTNER, { input: { companyName: "By token" } })).body.errors,
    ).toBeUndefined();
    app.actAs(b.viewer);
    partnerOfB = (
      await gql<{ createPartner: { partner: { id: string } } }>(CREATE_PARTNER, {
        input: { companyName: "B's own" },
      })
    ).createPartner.partner.id;
  });

  it("lists the account's events newest first with actor, channel and token name, paging by keyset", async () => {
    app.actAs(a.viewer);
    const first = await gql<AuditPage>(AUDIT_PAGE, { first: 2 });
    const page = first.viewer.currentAccount.auditEvents;
    expect(page.totalCount).toBe(6);
    expect(page.nodes.map((n) => n.action)).toEqual(["partner.created", "api_token.created"]);
    expect(page.nodes[0]).toMatchObject({
      objectType: "Partner",
      via: "API_TOKEN",
      apiTokenName: "Sync bot",
      actor: { id: toGlobalId("User", a.userId) },
    });
    expect(fromGlobalId(page.nodes[0]!.objectId)?.type).toBe("Partner");
    expect(JSON.parse(page.nodes[0]!.details)).toMatchObject({ companyName: "By token" });
    expect(page.nodes[1]).toMatchObject({ via: "SESSION", apiTokenName: null });
    const rest = await gql<AuditPage>(AUDIT_PAGE, { first: 10, after: page.pageInfo.endCursor });
    const names = rest.viewer.currentAccount.auditEvents.nodes.map(
      (n) => JSON.parse(n.details).companyName,
    );
    expect(names.slice(2)).toEqual(["Second", "First"]);
    expect(rest.viewer.currentAccount.auditEvents.pageInfo.hasNextPage).toBe(false);
  });

  it("filters by action, object, actor and time", async () => {
    app.actAs(a.viewer);
    const all = (await gql<AuditPage>(AUDIT_PAGE, { first: 50 })).viewer.currentAccount.auditEvents
      .nodes;
    const byAction = await gql<AuditPage>(AUDIT_PAGE, {
      filter: { action: ["api_token.created"] },
    });
    expect(byAction.viewer.currentAccount.auditEvents.nodes.map((n) => n.action)).toEqual([
      "api_token.created",
    ]);
    const target = all.find((n) => n.objectType === "Partner")!;
    const byObject = await gql<AuditPage>(AUDIT_PAGE, { filter: { objectId: target.objectId } });
    expect(byObject.viewer.currentAccount.auditEvents.nodes.map((n) => n.id)).toEqual([target.id]);
    const byActor = await gql<AuditPage>(AUDIT_PAGE, {
      filter: { actorId: toGlobalId("User", a.userId) },
    });
    expect(byActor.viewer.currentAccount.auditEvents.totalCount).toBe(4);
    const future = await gql<AuditPage>(AUDIT_PAGE, {
      filter: { from: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(future.viewer.currentAccount.auditEvents.nodes).toEqual([]);
    const past = await gql<AuditPage>(AUDIT_PAGE, {
      filter: {
        to: new Date(Date.now() + 60_000).toISOString(),
        from: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    expect(past.viewer.currentAccount.auditEvents.totalCount).toBe(6);
    const junk = await gql<AuditPage>(AUDIT_PAGE, {
      filter: { objectId: "junk", actorId: "junk" },
    });
    expect(junk.viewer.currentAccount.auditEvents.nodes).toEqual([]);
  });

  it("never shows another account's events, by list, filter or node", async () => {
    app.actAs(a.viewer);
    const byB = await gql<AuditPage>(AUDIT_PAGE, { filter: { objectId: partnerOfB } });
    expect(byB.viewer.currentAccount.auditEvents.totalCount).toBe(0);
    const [bEvent] = await db.dataSource.query(
      "SELECT id FROM audit_events WHERE account_id = $1",
      [b.accountId],
    );
    const node = await gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, {
      id: toGlobalId("AuditEvent", bEvent.id),
    });
    expect(node.node).toBeNull();
    const mine = (await gql<AuditPage>(AUDIT_PAGE, { first: 1 })).viewer.currentAccount.auditEvents
      .nodes[0]!;
    const own = await gql<{ node: { action: string } }>(
      `query($id: ID!) { node(id: $id) { ... on AuditEvent { action } } }`,
      { id: mine.id },
    );
    expect(own.node.action).toBe(mine.action);
    app.actAs(b.viewer);
    const bList = (await gql<AuditPage>(AUDIT_PAGE, { first: 50 })).viewer.currentAccount
      .auditEvents.nodes;
    expect(bList.map((n) => JSON.parse(n.details).companyName)).toEqual(["B's own"]);
  });

  it.each([Role.EDITOR, Role.VIEWER, Role.COLLABORATOR_EXTERNAL, Role.CLIENT])(
    "is FORBIDDEN for %s",
    async (role) => {
      const member = await insertViewer(db.dataSource, role, a.accountId);
      app.actAs(member.viewer);
      const response = await app.graphql(AUDIT_PAGE, { first: 5 });
      expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    },
  );

  it("runs the same number of statements whatever the page size", async () => {
    app.actAs(a.viewer);
    const statements = async (first: number) => {
      const response = await app.graphql<AuditPage>(AUDIT_PAGE, { first });
      expect(response.body.errors).toBeUndefined();
      return {
        count: Number(response.headers.get("x-sql-statements")),
        actors: new Set(
          response.body.data!.viewer.currentAccount.auditEvents.nodes.map((n) => n.actor?.id),
        ).size,
      };
    };
    const one = await statements(1);
    const many = await statements(50);
    expect(many.actors).toBeGreaterThanOrEqual(3);
    expect(many.count).toBe(one.count);
  });
});
