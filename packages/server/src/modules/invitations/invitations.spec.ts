import { Plan, Role, toGlobalId } from "@pn/shared";
import { clock } from "../../clock";
import { open, sealKeyFrom } from "../../crypto/sealed-box";
import { insertUser, insertMember, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;

const INVITE = `mutation Invite($invitees: [InviteeInput!]!) {
  inviteUsers(input: { invitees: $invitees }) {
    invitations { id email role status delivery sendCount expiresAt invitedBy { name } }
    userErrors { field message code }
  }
}`;
const RESEND = `mutation Resend($id: ID!) { resendInvitation(input: { invitationId: $id }) { invitation { status sendCount expiresAt } userErrors { field code message } } }`;
const REVOKE = `mutation Revoke($id: ID!) { revokeInvitation(input: { invitationId: $id }) { invitation { status } userErrors { field code } } }`;
const PREVIEW = `query Preview($token: String!) { invitation(token: $token) { kind accountName inviterName email role status expiresAt } }`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { account { name } member { role type status email } userErrors { field code message } }
}`;
const IMPORT = `mutation Import($csv: String!, $dryRun: Boolean) {
  importUserInvitations(input: { csv: $csv, dryRun: $dryRun }) { created updated rows { line email outcome errors { field code message } } userErrors { field code message } }
}`;
const SEATS = `{ viewer { currentAccount { seatsUsed seatLimit invitations(first: 100, filter: { status: [PENDING] }) { totalCount nodes { email } } } } }`;

type UserErrorShape = { field: string[] | null; code: string; message: string };
type InviteResult = {
  inviteUsers: {
    invitations: {
      id: string;
      email: string;
      status: string;
      delivery: string;
      sendCount: number;
      expiresAt: string;
      invitedBy: { name: string };
    }[];
    userErrors: UserErrorShape[];
  };
};

const key = sealKeyFrom("test-secret");

async function tokenFor(email: string): Promise<string> {
  const [row] = await db.dataSource.query(
    `SELECT o.sealed_link FROM outbox o JOIN invitations i ON i.id = o.invitation_id WHERE lower(i.email) = lower($1) ORDER BY o.created_at DESC LIMIT 1`,
    [email],
  );
  return open(row.sealed_link, key).split("/invite/")[1]!;
}

async function adminOf(plan: Plan) {
  const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
  await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [admin.accountId, plan]);
  return admin;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { appUrl: "https://pn.example.test" });
});

afterEach(() => clock.reset());

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("inviteUsers", () => {
  it("invites a batch: pending, queued, counted against seats, with an email each and no plaintext token stored", async () => {
    const admin = await adminOf(Plan.TEAM);
    app.actAs(admin.viewer);
    const response = await app.graphql<InviteResult>(INVITE, {
      invitees: [
        { email: " Ada@Example.test ", role: "EDITOR" },
        { email: "grace@example.test", role: "VIEWER" },
      ],
    });
    const { invitations, userErrors } = response.body.data!.inviteUsers;
    expect(userErrors).toEqual([]);
    expect(invitations.map((i) => [i.email, i.status, i.delivery, i.sendCount])).toEqual([
      ["Ada@Example.test", "PENDING", "QUEUED", 1],
      ["grace@example.test", "PENDING", "QUEUED", 1],
    ]);
    const hours = (Date.parse(invitations[0]!.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);

    const seats = await app.graphql<{
      viewer: { currentAccount: { seatsUsed: number; invitations: { totalCount: number } } };
    }>(SEATS);
    expect(seats.body.data?.viewer.currentAccount.seatsUsed).toBe(3);
    expect(seats.body.data?.viewer.currentAccount.invitations.totalCount).toBe(2);

    const token = await tokenFor("grace@example.test");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [mail] = await db.dataSource.query(
      "SELECT subject, text_body, html_body FROM outbox WHERE to_address = 'grace@example.test'",
    );
    expect(mail.text_body).toContain("as Viewer");
    expect(mail.text_body).toContain("{{link}}");
    const everything =
      JSON.stringify(await db.dataSource.query("SELECT * FROM invitations")) +
      JSON.stringify(await db.dataSource.query("SELECT * FROM outbox"));
    expect(everything).not.toContain(token);
  });

  it("reports each invitee's problem at its path and invites nobody", async () => {
    const admin = await adminOf(Plan.TEAM);
    const memberUser = await insertUser(db.dataSource, { email: "member@example.test" });
    await insertMember(db.dataSource, { accountId: admin.accountId, userId: memberUser });
    app.actAs(admin.viewer);
    await app.graphql(INVITE, { invitees: [{ email: "pending@example.test", role: "VIEWER" }] });
    const response = await app.graphql<InviteResult>(INVITE, {
      invitees: [
        { email: "fine@example.test", role: "VIEWER" },
        { email: "not-an-email", role: "VIEWER" },
        { email: "FINE@example.test", role: "EDITOR" },
        { email: "owner@example.test", role: "OWNER" },
        { email: "external@example.test", role: "COLLABORATOR_EXTERNAL" },
      ],
    });
    expect(response.body.data!.inviteUsers.userErrors.map((e) => [e.field, e.code])).toEqual([
      [["invitees", "1", "email"], "INVALID"],
      [["invitees", "2", "email"], "INVALID"],
      [["invitees", "3", "role"], "INVALID"],
      [["invitees", "4", "role"], "INVALID"],
    ]);
    const taken = await app.graphql<InviteResult>(INVITE, {
      invitees: [
        { email: "new@example.test", role: "VIEWER" },
        { email: "Member@example.test", role: "VIEWER" },
        { email: "pending@example.test", role: "EDITOR" },
      ],
    });
    const errors = taken.body.data!.inviteUsers.userErrors;
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      [["invitees", "1", "email"], "TAKEN"],
      [["invitees", "2", "email"], "TAKEN"],
    ]);
    expect(errors[0]!.message).toMatch(/already a member/);
    expect(errors[1]!.message).toMatch(/resend/);
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM invitations WHERE account_id = $1",
      [admin.accountId],
    );
    expect(count).toBe(1);
  });

  it("refuses a batch past the seat limit with the numbers", async () => {
    const admin = await adminOf(Plan.FREE);
    app.actAs(admin.viewer);
    const response = await app.graphql<InviteResult>(INVITE, {
      invitees: ["a", "b", "c"].map((name) => ({ email: `${name}@seats.test`, role: "VIEWER" })),
    });
    expect(response.body.data!.inviteUsers.userErrors).toEqual([
      {
        field: ["invitees"],
        code: "SEAT_LIMIT_REACHED",
        message: expect.stringMatching(/^1 of 3 seats are used and this needs 3 more/),
      },
    ]);
    expect(response.body.data!.inviteUsers.invitations).toEqual([]);
  });

  it("never overshoots the seats under 20 concurrent invitations (5 free seats)", async () => {
    const admin = await adminOf(Plan.TEAM);
    for (let i = 0; i < 4; i += 1) await insertViewer(db.dataSource, Role.VIEWER, admin.accountId);
    app.actAs(admin.viewer);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.graphql<InviteResult>(INVITE, {
          invitees: [{ email: `race${i}@example.test`, role: "VIEWER" }],
        }),
      ),
    );
    const created = results.filter((r) => r.body.data!.inviteUsers.invitations.length === 1);
    const refused = results.filter(
      (r) => r.body.data!.inviteUsers.userErrors[0]?.code === "SEAT_LIMIT_REACHED",
    );
    expect(created).toHaveLength(5);
    expect(refused).toHaveLength(15);
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM invitations WHERE account_id = $1",
      [admin.accountId],
    );
    expect(count).toBe(5);
  });

  it.each([Role.EDITOR, Role.VIEWER])("is FORBIDDEN for %s", async (role) => {
    const { viewer } = await insertViewer(db.dataSource, role);
    app.actAs(viewer);
    const response = await app.graphql(INVITE, {
      invitees: [{ email: "x@example.test", role: "VIEWER" }],
    });
    expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("resend and revoke", () => {
  it("resend issues a new link (the old one stops working), restarts the 48 hours and counts sends, also once expired", async () => {
    const admin = await adminOf(Plan.TEAM);
    app.actAs(admin.viewer);
    const invited = await app.graphql<InviteResult>(INVITE, {
      invitees: [{ email: "resend@example.test", role: "VIEWER" }],
    });
    const { id } = invited.body.data!.inviteUsers.invitations[0]!;
    const firstToken = await tokenFor("resend@example.test");

    clock.advance(49 * 3_600_000);
    expect(
      (await app.graphql<{ invitation: { status: string } }>(PREVIEW, { token: firstToken })).body
        .data?.invitation.status,
    ).toBe("EXPIRED");
    const resent = await app.graphql<{
      resendInvitation: { invitation: { status: string; sendCount: number; expiresAt: string } };
    }>(RESEND, { id });
    expect(resent.body.data?.resendInvitation.invitation).toMatchObject({
      status: "PENDING",
      sendCount: 2,
    });
    expect(Date.parse(resent.body.data!.resendInvitation.invitation.expiresAt)).toBeGreaterThan(
      clock.now().getTime() + 47.9 * 3_600_000,
    );

    const secondToken = await tokenFor("resend@example.test");
    expect(secondToken).not.toBe(firstToken);
    expect((await app.graphql(PREVIEW, { token: firstToken })).body.data).toEqual({
      invitation: null,
    });
    expect(
      (await app.graphql<{ invitation: { status: string } }>(PREVIEW, { token: secondToken })).body
        .data?.invitation.status,
    ).toBe("PENDING");
  });

  it("revoke frees the seat at once; a revoked invitation can be neither revoked again nor resent", async () => {
    const admin = await adminOf(Plan.FREE);
    app.actAs(admin.viewer);
    const invited = await app.graphql<InviteResult>(INVITE, {
      invitees: [
        { email: "r1@example.test", role: "VIEWER" },
        { email: "r2@example.test", role: "VIEWER" },
      ],
    });
    const { id } = invited.body.data!.inviteUsers.invitations[0]!;
    const full = await app.graphql<InviteResult>(INVITE, {
      invitees: [{ email: "r3@example.test", role: "VIEWER" }],
    });
    expect(full.body.data!.inviteUsers.userErrors[0]?.code).toBe("SEAT_LIMIT_REACHED");

    const revoked = await app.graphql<{ revokeInvitation: { invitation: { status: string } } }>(
      REVOKE,
      { id },
    );
    expect(revoked.body.data?.revokeInvitation.invitation.status).toBe("REVOKED");
    const now = await app.graphql<InviteResult>(INVITE, {
      invitees: [{ email: "r3@example.test", role: "VIEWER" }],
    });
    expect(now.body.data!.inviteUsers.userErrors).toEqual([]);

    expect((await app.graphql(REVOKE, { id })).body.data).toEqual({
      revokeInvitation: {
        invitation: null,
        userErrors: [{ field: ["invitationId"], code: "REVOKED" }],
      },
    });
    expect(
      (await app.graphql<{ resendInvitation: { userErrors: UserErrorShape[] } }>(RESEND, { id }))
        .body.data?.resendInvitation.userErrors[0]?.code,
    ).toBe("REVOKED");
  });
});

describe("acceptInvitation", () => {
  async function invite(email: string, role = "EDITOR") {
    const admin = await adminOf(Plan.TEAM);
    app.actAs(admin.viewer);
    const invited = await app.graphql<InviteResult>(INVITE, { invitees: [{ email, role }] });
    expect(invited.body.data!.inviteUsers.userErrors).toEqual([]);
    return {
      admin,
      id: invited.body.data!.inviteUsers.invitations[0]!.id,
      token: await tokenFor(email),
    };
  }

  it("shows a public preview and lets a new user join with name and password", async () => {
    const { admin, token } = await invite("newbie@example.test", "EDITOR");
    const visitor = app.client();
    const preview = await visitor.graphql<{ invitation: Record<string, unknown> }>(PREVIEW, {
      token,
    });
    expect(preview.body.data?.invitation).toMatchObject({
      kind: "USER",
      email: "newbie@example.test",
      role: "EDITOR",
      status: "PENDING",
    });
    expect(preview.body.data?.invitation.inviterName).toEqual(expect.any(String));

    const missing = await visitor.graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
      ACCEPT,
      { input: { token } },
    );
    expect(missing.body.data?.acceptInvitation.userErrors.map((e) => [e.field, e.code])).toEqual([
      [["name"], "INVALID"],
      [["password"], "INVALID"],
    ]);

    const accepted = await visitor.graphql<{
      acceptInvitation: { member: Record<string, unknown>; userErrors: UserErrorShape[] };
    }>(ACCEPT, {
      input: { token, name: "New Bie", password: "a good long password" },
    });
    expect(accepted.body.data?.acceptInvitation.userErrors).toEqual([]);
    expect(accepted.body.data?.acceptInvitation.member).toEqual({
      role: "EDITOR",
      type: "INTERNAL",
      status: "ACTIVE",
      email: "newbie@example.test",
    });
    const me = await visitor.graphql<{ viewer: { currentAccount: { id: string } } }>(
      "{ viewer { currentAccount { id } } }",
    );
    expect(me.body.data?.viewer.currentAccount.id).toBe(toGlobalId("Account", admin.accountId));

    app.actAs(admin.viewer);
    const pending = await app.graphql<{
      viewer: { currentAccount: { seatsUsed: number; invitations: { totalCount: number } } };
    }>(SEATS);
    expect(pending.body.data?.viewer.currentAccount).toMatchObject({
      seatsUsed: 2,
      invitations: { totalCount: 0 },
    });
    const again = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: { token, name: "X", password: "a good long password" },
      });
    expect(again.body.data?.acceptInvitation.userErrors[0]?.code).toBe("ALREADY_ACCEPTED");
  });

  it("asks an existing user to sign in as the invited email (SIGN_IN_REQUIRED, EMAIL_MISMATCH)", async () => {
    const existing = await insertViewer(db.dataSource, Role.OWNER);
    // A verified user: an unverified registration would be the link-follower's to take over.
    const [[{ email }]] = await db.dataSource.query(
      "UPDATE users SET email_verified_at = now() WHERE id = $1 RETURNING email",
      [existing.userId],
    );
    const { token, admin } = await invite(email);

    const signedOut = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: { token },
      });
    expect(signedOut.body.data?.acceptInvitation.userErrors[0]?.code).toBe("SIGN_IN_REQUIRED");

    app.actAs(admin.viewer);
    const someoneElse = await app.graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
      ACCEPT,
      { input: { token } },
    );
    expect(someoneElse.body.data?.acceptInvitation.userErrors[0]?.code).toBe("EMAIL_MISMATCH");

    app.actAs(existing.viewer);
    const ok = await app.graphql<{
      acceptInvitation: { member: { role: string }; userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token } });
    expect(ok.body).toMatchObject({
      data: { acceptInvitation: { member: { role: "EDITOR" }, userErrors: [] } },
    });
  });

  it("refuses expired, revoked and unknown tokens", async () => {
    const expired = await invite("late@example.test");
    clock.advance(48 * 3_600_000 + 1_000);
    const late = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: { token: expired.token, name: "L", password: "a good long password" },
      });
    expect(late.body.data?.acceptInvitation.userErrors[0]?.code).toBe("EXPIRED");
    clock.reset();

    const revoked = await invite("gone@example.test");
    app.actAs(revoked.admin.viewer);
    await app.graphql(REVOKE, { id: revoked.id });
    const gone = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: { token: revoked.token, name: "G", password: "a good long password" },
      });
    expect(gone.body.data?.acceptInvitation.userErrors[0]?.code).toBe("REVOKED");

    for (const token of ["made-up-token-that-is-long-enough-xxxxxxxxxxxx", "short", ""]) {
      const unknown = await app
        .client()
        .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
          input: { token },
        });
      expect(unknown.body.data?.acceptInvitation.userErrors[0]).toMatchObject({
        code: "NOT_FOUND",
        field: ["token"],
      });
      expect((await app.client().graphql(PREVIEW, { token })).body.data).toEqual({
        invitation: null,
      });
    }
  });
});

describe("importUserInvitations", () => {
  it("reports a malformed CSV line by line and creates only the good rows", async () => {
    const admin = await adminOf(Plan.ENTERPRISE);
    app.actAs(admin.viewer);
    const csv =
      "\uFEFFEmail,ROLE\r\n" +
      "one@example.test,Viewer\r\n" +
      '"two@example.test","editor"\r\n' +
      "\r\n" +
      "three@example.test,Owner\r\n" +
      "four@example.test,administrator\r\n" +
      '"Five, Quoted <five@example.test>",Viewer\r\n' +
      "bad-email-on-line-7,Viewer\r\n" +
      "one@example.test,Editor\r\n";
    const dry = await app.graphql<{
      importUserInvitations: {
        created: number;
        rows: { line: number; outcome: string; errors: UserErrorShape[] }[];
      };
    }>(IMPORT, { csv, dryRun: true });
    const rows = dry.body.data!.importUserInvitations.rows;
    expect(rows.map((row) => [row.line, row.outcome])).toEqual([
      [1, "CREATED"],
      [2, "CREATED"],
      [4, "ERROR"],
      [5, "CREATED"],
      [6, "ERROR"],
      [7, "ERROR"],
      [8, "SKIPPED"],
    ]);
    expect(rows.find((row) => row.line === 7)?.errors[0]).toMatchObject({
      field: ["7", "email"],
      code: "INVALID",
    });
    expect(rows.find((row) => row.line === 4)?.errors[0]).toMatchObject({ field: ["4", "role"] });
    expect(dry.body.data!.importUserInvitations.created).toBe(3);
    const count = async () =>
      (
        await db.dataSource.query(
          "SELECT count(*)::int AS n FROM invitations WHERE account_id = $1",
          [admin.accountId],
        )
      )[0].n;
    expect(await count()).toBe(0);

    const real = await app.graphql<{ importUserInvitations: { created: number } }>(IMPORT, { csv });
    expect(real.body.data!.importUserInvitations.created).toBe(3);
    expect(await count()).toBe(3);
  });

  it("refuses a file without the email,role header", async () => {
    const admin = await adminOf(Plan.ENTERPRISE);
    app.actAs(admin.viewer);
    const response = await app.graphql<{
      importUserInvitations: { rows: unknown[]; userErrors: UserErrorShape[] };
    }>(IMPORT, { csv: "mail,role\na@b.test,Viewer\n" });
    expect(response.body.data!.importUserInvitations.rows).toEqual([]);
    expect(response.body.data!.importUserInvitations.userErrors[0]).toMatchObject({
      field: ["csv"],
      code: "INVALID",
      message: expect.stringContaining("email"),
    });
  });

  it("imports 10,000 rows on an ENTERPRISE account, dry run then real", async () => {
    const admin = await adminOf(Plan.ENTERPRISE);
    app.actAs(admin.viewer);
    const csv = [
      "email,role",
      ...Array.from({ length: 10_000 }, (_, i) => `bulk${i}@example.test,Viewer`),
    ].join("\n");
    const dry = await app.graphql<{ importUserInvitations: { created: number; rows: unknown[] } }>(
      IMPORT,
      { csv, dryRun: true },
    );
    expect(dry.body.data!.importUserInvitations).toMatchObject({ created: 10_000 });
    expect(dry.body.data!.importUserInvitations.rows).toHaveLength(10_000);
    const real = await app.graphql<{ importUserInvitations: { created: number } }>(IMPORT, { csv });
    expect(real.body.data!.importUserInvitations.created).toBe(10_000);
    const [{ invitations, emails }] = await db.dataSource.query(
      "SELECT (SELECT count(*)::int FROM invitations WHERE account_id = $1) AS invitations, (SELECT count(*)::int FROM outbox WHERE account_id = $1) AS emails",
      [admin.accountId],
    );
    expect({ invitations, emails }).toEqual({ invitations: 10_000, emails: 10_000 });
  }, 60_000);
});

describe("account.invitations", () => {
  it("filters by each status alone and together", async () => {
    const admin = await adminOf(Plan.TEAM);
    app.actAs(admin.viewer);
    const invited = await app.graphql<InviteResult>(INVITE, {
      invitees: [
        { email: "f1@example.test", role: "VIEWER" },
        { email: "f2@example.test", role: "VIEWER" },
      ],
    });
    await app.graphql(REVOKE, { id: invited.body.data!.inviteUsers.invitations[0]!.id });
    const LIST = `query($status: [InvitationStatus!]) { viewer { currentAccount { invitations(filter: { status: $status }) { totalCount nodes { email status } } } } }`;
    for (const [status, expected] of [
      [["REVOKED"], 1],
      [["ACCEPTED"], 0],
      [["PENDING"], 1],
      [["EXPIRED"], 0],
      [["PENDING", "REVOKED"], 2],
      [null, 2],
    ] as const) {
      const response = await app.graphql<{
        viewer: { currentAccount: { invitations: { totalCount: number } } };
      }>(LIST, { status });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.viewer.currentAccount.invitations.totalCount).toBe(expected);
    }
  });
});

describe("tenant isolation", () => {
  it("another account's invitations cannot be read, resent or revoked", async () => {
    const a = await adminOf(Plan.TEAM);
    const b = await adminOf(Plan.TEAM);
    app.actAs(b.viewer);
    const invited = await app.graphql<InviteResult>(INVITE, {
      invitees: [{ email: "b-only@example.test", role: "VIEWER" }],
    });
    const id = invited.body.data!.inviteUsers.invitations[0]!.id;
    app.actAs(a.viewer);
    expect((await app.graphql("query($id: ID!) { node(id: $id) { id } }", { id })).body).toEqual({
      data: { node: null },
    });
    expect((await app.graphql(REVOKE, { id })).body.data).toEqual({
      revokeInvitation: {
        invitation: null,
        userErrors: [{ field: ["invitationId"], code: "NOT_FOUND" }],
      },
    });
    expect(
      (await app.graphql<{ resendInvitation: { userErrors: UserErrorShape[] } }>(RESEND, { id }))
        .body.data?.resendInvitation.userErrors[0]?.code,
    ).toBe("NOT_FOUND");
    const [{ status }] = await db.dataSource.query(
      "SELECT status FROM invitations WHERE email = 'b-only@example.test'",
    );
    expect(status).toBe("PENDING");
  });
});
