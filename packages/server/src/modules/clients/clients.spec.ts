import { Role, toGlobalId } from "@pn/shared";
import { clock } from "../../clock";
import { open, sealKeyFrom } from "../../crypto/sealed-box";
import { insertUser, insertMember, insertViewer } from "../../test-support/fixtures";
import { claimTokenFor } from "../../test-support/sign-up";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;
const key = sealKeyFrom("test-secret");

type UserErrorShape = { field: string[] | null; code: string; message: string };

const INVITE = `mutation($input: InviteClientInput!) {
  inviteClient(input: $input) { client { id status type team { lead { name } members { isLead member { name } } } } invitation { kind email status } userErrors { field code message } }
}`;
const TEAM_OP = (name: string) =>
  `mutation($clientId: ID!, $memberId: ID!) { ${name}(input: { clientId: $clientId, memberId: $memberId }) { team { lead { id } members { member { id } isLead } } userErrors { field code } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { member { role type } userErrors { field code message } } }`;
const IMPORT = `mutation($csv: String!, $update: Boolean, $dry: Boolean) {
  importClients(input: { csv: $csv, updateExisting: $update, dryRun: $dry }) { created updated rows { line email outcome errors { field code } } userErrors { field code message } }
}`;

/** An editor in an account with three more active internal people, with their emails. */
async function staffedAccount() {
  const editor = await insertViewer(db.dataSource, Role.EDITOR);
  const staff: { memberId: string; id: string; email: string; name: string }[] = [];
  for (const name of ["Lea Lead", "Sam Second", "Tia Third"]) {
    const email = `${name.split(" ")[0]!.toLowerCase()}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@staff.example`;
    const userId = await insertUser(db.dataSource, { name, email });
    const memberId = await insertMember(db.dataSource, {
      accountId: editor.accountId,
      userId,
      role: Role.VIEWER,
    });
    staff.push({ memberId, id: toGlobalId("Member", memberId), email, name });
  }
  return { editor, staff };
}

async function tokenTo(email: string): Promise<string> {
  const [row] = await db.dataSource.query(
    "SELECT sealed_link FROM outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1",
    [email],
  );
  return open(row.sealed_link, key).split("/invite/")[1]!;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { appUrl: "https://pn.example.test" });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("inviteClient and accepting by email", () => {
  it("creates an invited client with a team led by the first member; the client accepts and sees only their own record and team", async () => {
    const { editor, staff } = await staffedAccount();
    app.actAs(editor.viewer);
    const invited = await app.graphql<{
      inviteClient: {
        client: {
          id: string;
          status: string;
          team: {
            lead: { name: string };
            members: { isLead: boolean; member: { name: string } }[];
          };
        };
        userErrors: UserErrorShape[];
      };
    }>(INVITE, {
      input: {
        name: "Cleo Client",
        email: "cleo@client.example",
        phone: "+1 555 0100",
        teamMemberIds: [staff[0]!.id, staff[1]!.id],
      },
    });
    const result = invited.body.data!.inviteClient;
    expect(result.userErrors).toEqual([]);
    expect(result.client.status).toBe("INVITED");
    expect(result.client.team.lead.name).toBe("Lea Lead");
    expect(result.client.team.members.map((m) => [m.member.name, m.isLead])).toEqual([
      ["Lea Lead", true],
      ["Sam Second", false],
    ]);

    const cleo = app.client();
    const accepted = await cleo.graphql<{
      acceptInvitation: { member: { role: string; type: string }; userErrors: UserErrorShape[] };
    }>(ACCEPT, {
      input: {
        token: await tokenTo("cleo@client.example"),
        name: "Cleo Client",
        password: "cleo's long password",
      },
    });
    expect(accepted.body.data?.acceptInvitation).toEqual({
      member: { role: "CLIENT", type: "EXTERNAL" },
      userErrors: [],
    });

    const own = await cleo.graphql<{
      viewer: {
        currentAccount: {
          clients: { nodes: { id: string; status: string; team: { lead: { name: string } } }[] };
          members: { nodes: unknown[] };
        };
      };
    }>(
      `{ viewer { currentAccount { clients(first: 10) { nodes { id status team { lead { name } } } } members(first: 10) { nodes { id } } } } }`,
    );
    expect(own.body.data?.viewer.currentAccount.clients.nodes).toEqual([
      { id: result.client.id, status: "ACTIVE", team: { lead: { name: "Lea Lead" } } },
    ]);
    expect(own.body.data?.viewer.currentAccount.members.nodes).toHaveLength(1);
  });

  it("reports bad input by field and refuses a second client with the same email", async () => {
    const { editor, staff } = await staffedAccount();
    app.actAs(editor.viewer);
    const bad = await app.graphql<{ inviteClient: { userErrors: UserErrorShape[] } }>(INVITE, {
      input: {
        name: " ",
        email: "nope",
        phone: "call me",
        teamMemberIds: [staff[0]!.id, "junk", staff[0]!.id],
      },
    });
    expect(bad.body.data?.inviteClient.userErrors.map((e) => [e.field, e.code])).toEqual([
      [["name"], "INVALID"],
      [["email"], "INVALID"],
      [["phone"], "INVALID"],
      [["teamMemberIds", "1"], "NOT_FOUND"],
      [["teamMemberIds", "2"], "INVALID"],
    ]);
    const none = await app.graphql<{ inviteClient: { userErrors: UserErrorShape[] } }>(INVITE, {
      input: { name: "N", email: "n@client.example", teamMemberIds: [] },
    });
    expect(none.body.data?.inviteClient.userErrors[0]).toMatchObject({
      field: ["teamMemberIds"],
      code: "INVALID",
    });
    await app.graphql(INVITE, {
      input: { name: "Once", email: "once@client.example", teamMemberIds: [staff[0]!.id] },
    });
    const twice = await app.graphql<{ inviteClient: { userErrors: UserErrorShape[] } }>(INVITE, {
      input: { name: "Twice", email: "ONCE@client.example", teamMemberIds: [staff[0]!.id] },
    });
    expect(twice.body.data?.inviteClient.userErrors).toEqual([
      expect.objectContaining({ field: ["email"], code: "TAKEN" }),
    ]);
  });

  it("is FORBIDDEN for a VIEWER", async () => {
    const { viewer } = await insertViewer(db.dataSource, Role.VIEWER);
    app.actAs(viewer);
    expect(
      (
        await app.graphql(INVITE, {
          input: { name: "X", email: "x@client.example", teamMemberIds: [] },
        })
      ).body.errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });
});

describe("shareable links", () => {
  it("lets several clients sign up with the link's team until it is revoked", async () => {
    const account = await staffedAccount();
    const { editor, staff } = account;
    app.actAs(editor.viewer);
    const link = await app.graphql<{
      createClientInviteLink: {
        url: string;
        invitation: { id: string; email: null; kind: string };
      };
    }>(
      `mutation($ids: [ID!]!) { createClientInviteLink(input: { teamMemberIds: $ids }) { url invitation { id email kind } userErrors { code } } }`,
      { ids: [staff[1]!.id, staff[2]!.id] },
    );
    const { url, invitation } = link.body.data!.createClientInviteLink;
    expect(url).toMatch(/^https:\/\/pn\.example\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(invitation).toMatchObject({ email: null, kind: "CLIENT" });
    const token = url.split("/invite/")[1]!;
    for (const who of ["first", "second"]) {
      const signUp = await app
        .client()
        .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
          input: {
            token,
            email: `${who}@link.example`,
            name: `${who} linked`,
            password: "a good long password",
          },
        });
      expect(signUp.body.data?.acceptInvitation.userErrors).toEqual([]);
      // Nothing exists until the typed email's confirmation link comes back.
      const claimToken = await claimTokenFor(db.dataSource, `${who}@link.example`);
      const confirmed = await app
        .client()
        .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
          input: { token, claimToken },
        });
      expect(confirmed.body.data?.acceptInvitation.userErrors).toEqual([]);
    }
    const clients = await db.dataSource.query(
      `SELECT c.email, (SELECT m.id FROM team_memberships tm JOIN members m ON m.id = tm.member_id WHERE tm.team_id = t.id AND tm.is_lead) AS lead
       FROM clients c JOIN teams t ON t.client_id = c.id WHERE c.account_id = $1 ORDER BY c.email`,
      [editor.accountId],
    );
    expect(clients).toEqual([
      { email: "first@link.example", lead: staff[1]!.memberId },
      { email: "second@link.example", lead: staff[1]!.memberId },
    ]);
    const noEmail = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: { token, name: "X", password: "a good long password" },
      });
    expect(noEmail.body.data?.acceptInvitation.userErrors[0]).toMatchObject({
      field: ["email"],
      code: "INVALID",
    });

    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR, editor.accountId);
    app.actAs(admin.viewer);
    await app.graphql(
      `mutation($id: ID!) { revokeInvitation(input: { invitationId: $id }) { userErrors { code } } }`,
      { id: invitation.id },
    );
    const late = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: {
          token,
          email: "third@link.example",
          name: "Third",
          password: "a good long password",
        },
      });
    expect(late.body.data?.acceptInvitation.userErrors[0]?.code).toBe("REVOKED");
  });
});

describe("team rules", () => {
  it("keeps exactly one lead and at least one member", async () => {
    const { editor, staff } = await staffedAccount();
    app.actAs(editor.viewer);
    const invited = await app.graphql<{ inviteClient: { client: { id: string } } }>(INVITE, {
      input: { name: "Team Rules", email: "rules@client.example", teamMemberIds: [staff[0]!.id] },
    });
    const clientId = invited.body.data!.inviteClient.client.id;
    const op = async (name: string, memberId: string) =>
      (
        await app.graphql<
          Record<
            string,
            {
              team: { lead: { id: string }; members: { member: { id: string } }[] } | null;
              userErrors: UserErrorShape[];
            }
          >
        >(TEAM_OP(name), { clientId, memberId })
      ).body.data![name]!;

    expect((await op("removeTeamMember", staff[0]!.id)).userErrors[0]?.code).toBe(
      "LAST_TEAM_MEMBER",
    );
    expect((await op("addTeamMember", staff[1]!.id)).team?.members).toHaveLength(2);
    expect((await op("addTeamMember", staff[1]!.id)).userErrors[0]?.code).toBe("TAKEN");
    expect((await op("removeTeamMember", staff[0]!.id)).userErrors[0]?.code).toBe(
      "TEAM_LEAD_REQUIRED",
    );
    expect((await op("makeTeamLead", staff[1]!.id)).team?.lead.id).toBe(staff[1]!.id);
    const removed = await op("removeTeamMember", staff[0]!.id);
    expect(removed.team?.members.map((m) => m.member.id)).toEqual([staff[1]!.id]);

    const replaced = await app.graphql<{
      replaceTeamMember: { team: { lead: { id: string }; members: unknown[] } };
    }>(
      `mutation($c: ID!, $m: ID!, $r: ID!) { replaceTeamMember(input: { clientId: $c, memberId: $m, replacementMemberId: $r }) { team { lead { id } members { isLead } } userErrors { code } } }`,
      { c: clientId, m: staff[1]!.id, r: staff[2]!.id },
    );
    expect(replaced.body.data?.replaceTeamMember.team).toEqual({
      lead: { id: staff[2]!.id },
      members: [{ isLead: true }],
    });
  });
});

describe("importClients", () => {
  it("applies valid rows, reports bad ones by line, honours updateExisting, and a dry run writes nothing", async () => {
    const { editor, staff } = await staffedAccount();
    app.actAs(editor.viewer);
    const csv =
      "\uFEFFfirst name,LAST NAME,Email,Phone Number,team\r\n" +
      `Ada,Lovelace,ada@import.example,+44 1,${staff[0]!.email};${staff[1]!.email}\r\n` +
      `"Grace, Rear Admiral",Hopper,grace@import.example,,${staff[1]!.email}\r\n` +
      "\r\n" +
      `Bad,Team,bad@import.example,,nobody@nowhere.example\r\n` +
      `No,Email,,,${staff[0]!.email}\r\n`;
    const count = async () =>
      (
        await db.dataSource.query("SELECT count(*)::int AS n FROM clients WHERE account_id = $1", [
          editor.accountId,
        ])
      )[0].n;
    const dry = await app.graphql<{
      importClients: {
        created: number;
        rows: { line: number; outcome: string; errors: UserErrorShape[] }[];
      };
    }>(IMPORT, { csv, dry: true });
    expect(dry.body.data?.importClients.rows.map((r) => [r.line, r.outcome])).toEqual([
      [1, "CREATED"],
      [2, "CREATED"],
      [4, "ERROR"],
      [5, "ERROR"],
    ]);
    expect(dry.body.data?.importClients.rows[2]?.errors[0]).toMatchObject({
      field: ["4", "team"],
      code: "NOT_FOUND",
    });
    expect(dry.body.data?.importClients.rows[3]?.errors[0]).toMatchObject({
      field: ["5", "email"],
    });
    expect(await count()).toBe(0);

    const real = await app.graphql<{ importClients: { created: number } }>(IMPORT, { csv });
    expect(real.body.data?.importClients.created).toBe(2);
    expect(await count()).toBe(2);

    const again = `First Name,Last Name,Email,Phone Number,Team\nAda,King,ada@import.example,+44 2,${staff[0]!.email}\nGrace,Hopper,grace@import.example,,${staff[1]!.email}\n`;
    const skipped = await app.graphql<{ importClients: { rows: { outcome: string }[] } }>(IMPORT, {
      csv: again,
    });
    expect(skipped.body.data?.importClients.rows.map((r) => r.outcome)).toEqual([
      "SKIPPED",
      "SKIPPED",
    ]);
    const updated = await app.graphql<{
      importClients: { updated: number; rows: { outcome: string }[] };
    }>(IMPORT, { csv: again, update: true });
    expect(updated.body.data?.importClients.rows.map((r) => r.outcome)).toEqual([
      "UPDATED",
      "UPDATED",
    ]);
    const [ada] = await db.dataSource.query(
      "SELECT name, phone FROM clients WHERE email = 'ada@import.example'",
    );
    expect(ada).toEqual({ name: "Ada King", phone: "+44 2" });
    const unchanged = await app.graphql<{ importClients: { rows: { outcome: string }[] } }>(
      IMPORT,
      { csv: again, update: true },
    );
    expect(unchanged.body.data?.importClients.rows.map((r) => r.outcome)).toEqual([
      "UNCHANGED",
      "UNCHANGED",
    ]);
  });

  it("imports 10,000 rows", async () => {
    const { editor, staff } = await staffedAccount();
    app.actAs(editor.viewer);
    const csv = [
      "First Name,Last Name,Email,Phone Number,Team",
      ...Array.from({ length: 10_000 }, (_, i) => `C,${i},c${i}@bulk.example,,${staff[0]!.email}`),
    ].join("\n");
    const result = await app.graphql<{ importClients: { created: number } }>(IMPORT, { csv });
    expect(result.body.data?.importClients.created).toBe(10_000);
    const [{ n }] = await db.dataSource.query(
      "SELECT count(*)::int AS n FROM team_memberships WHERE account_id = $1",
      [editor.accountId],
    );
    expect(n).toBe(10_000);
  }, 60_000);
});

describe("removeClientFromNetwork for a person, and isolation", () => {
  it("archives the client's member and ends their sessions; another account's client is NOT_FOUND", async () => {
    const { editor, staff } = await staffedAccount();
    app.actAs(editor.viewer);
    const invited = await app.graphql<{ inviteClient: { client: { id: string } } }>(INVITE, {
      input: { name: "Gone Soon", email: "gone@client.example", teamMemberIds: [staff[0]!.id] },
    });
    const clientId = invited.body.data!.inviteClient.client.id;
    const gone = app.client();
    await gone.graphql(ACCEPT, {
      input: {
        token: await tokenTo("gone@client.example"),
        name: "Gone Soon",
        password: "a good long password",
      },
    });
    expect(
      (await gone.graphql<{ viewer: unknown }>("{ viewer { user { name } } }")).body.data?.viewer,
    ).not.toBeNull();

    const REMOVE = `mutation($id: ID!) { removeClientFromNetwork(input: { clientId: $id }) { client { status } archivedMemberCount userErrors { code } } }`;
    const stranger = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(stranger.viewer);
    expect(
      (
        await app.graphql<{ removeClientFromNetwork: { userErrors: UserErrorShape[] } }>(REMOVE, {
          id: clientId,
        })
      ).body.data?.removeClientFromNetwork.userErrors[0]?.code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await app.graphql<Record<string, { userErrors: UserErrorShape[] }>>(
          TEAM_OP("addTeamMember"),
          { clientId, memberId: staff[1]!.id },
        )
      ).body.data?.addTeamMember?.userErrors[0]?.code,
    ).toBe("NOT_FOUND");
    expect(
      (await app.graphql("query($id: ID!) { node(id: $id) { id } }", { id: clientId })).body,
    ).toEqual({ data: { node: null } });

    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR, editor.accountId);
    app.actAs(admin.viewer);
    const removed = await app.graphql<{
      removeClientFromNetwork: { client: { status: string }; archivedMemberCount: number };
    }>(REMOVE, { id: clientId });
    expect(removed.body.data?.removeClientFromNetwork).toMatchObject({
      client: { status: "REMOVED" },
      archivedMemberCount: 1,
    });
    // Their session in this account ended: the next request is signed out.
    const after = await gone.graphql<{ viewer: unknown }>("{ viewer { currentAccount { id } } }");
    expect(after.body.data?.viewer).toBeNull();
  });
});

describe("resendInvitation for clients", () => {
  const RESEND = `mutation($id: ID!) { resendInvitation(input: { invitationId: $id }) { invitation { kind status sendCount expiresAt } userErrors { field code message } } }`;
  type ResendResult = {
    resendInvitation: {
      invitation: { kind: string; status: string; sendCount: number; expiresAt: string } | null;
      userErrors: UserErrorShape[];
    };
  };

  async function invitedClient(
    email: string,
    account?: Awaited<ReturnType<typeof staffedAccount>>,
  ) {
    const { editor, staff } = account ?? (await staffedAccount());
    app.actAs(editor.viewer);
    const invited = await app.graphql<{ inviteClient: { invitation: { id: string } } }>(
      `mutation($input: InviteClientInput!) { inviteClient(input: $input) { invitation { id } } }`,
      { input: { name: "Rhea Resend", email, teamMemberIds: [staff[0]!.id] } },
    );
    return { editor, invitationId: invited.body.data!.inviteClient.invitation.id };
  }

  afterEach(() => clock.reset());

  it("an editor resends an expired email invitation: a new 48-hour link in the client email, the old link stops working, audited", async () => {
    const { editor, invitationId } = await invitedClient("rhea@client.example");
    const firstToken = await tokenTo("rhea@client.example");
    clock.advance(49 * 3_600_000);

    const resent = await app.graphql<ResendResult>(RESEND, { id: invitationId });
    expect(resent.body.data?.resendInvitation.userErrors).toEqual([]);
    expect(resent.body.data?.resendInvitation.invitation).toMatchObject({
      kind: "CLIENT",
      status: "PENDING",
      sendCount: 2,
    });
    expect(Date.parse(resent.body.data!.resendInvitation.invitation!.expiresAt)).toBeGreaterThan(
      clock.now().getTime() + 47.9 * 3_600_000,
    );
    const emails = await db.dataSource.query(
      "SELECT subject FROM outbox WHERE to_address = $1 ORDER BY created_at",
      ["rhea@client.example"],
    );
    expect(emails).toHaveLength(2);
    expect(emails[1].subject).toMatch(/invites you to its client portal$/);
    const [audit] = await db.dataSource.query(
      "SELECT actor_member_id, details FROM audit_events WHERE account_id = $1 AND action = 'invitation.resent'",
      [editor.accountId],
    );
    expect(audit).toMatchObject({
      actor_member_id: editor.memberId,
      details: { kind: "CLIENT", email: "rhea@client.example", sendCount: 2, wasExpired: true },
    });

    const secondToken = await tokenTo("rhea@client.example");
    expect(secondToken).not.toBe(firstToken);
    const stale = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: { token: firstToken, name: "Rhea Resend", password: "rhea's long password" },
      });
    expect(stale.body.data?.acceptInvitation.userErrors[0]?.code).toBe("NOT_FOUND");
    const accepted = await app
      .client()
      .graphql<{ acceptInvitation: { member: { role: string }; userErrors: UserErrorShape[] } }>(
        ACCEPT,
        {
          input: { token: secondToken, name: "Rhea Resend", password: "rhea's long password" },
        },
      );
    expect(accepted.body.data?.acceptInvitation).toEqual({
      member: { role: "CLIENT", type: "EXTERNAL" },
      userErrors: [],
    });

    app.actAs(editor.viewer);
    expect(
      (await app.graphql<ResendResult>(RESEND, { id: invitationId })).body.data?.resendInvitation,
    ).toMatchObject({
      invitation: null,
      userErrors: [{ field: ["invitationId"], code: "ALREADY_ACCEPTED" }],
    });
  });

  it("refuses a shareable link and a revoked invitation, sending nothing", async () => {
    const account = await staffedAccount();
    const { editor, staff } = account;
    app.actAs(editor.viewer);
    const link = await app.graphql<{ createClientInviteLink: { invitation: { id: string } } }>(
      `mutation($ids: [ID!]!) { createClientInviteLink(input: { teamMemberIds: $ids }) { invitation { id } } }`,
      { ids: [staff[0]!.id] },
    );
    const refused = await app.graphql<ResendResult>(RESEND, {
      id: link.body.data!.createClientInviteLink.invitation.id,
    });
    expect(refused.body.data?.resendInvitation.invitation).toBeNull();
    expect(refused.body.data?.resendInvitation.userErrors).toEqual([
      {
        field: ["invitationId"],
        code: "INVALID_STATE",
        message: expect.stringMatching(/share the link you copied again, or create a new one/),
      },
    ]);

    const { invitationId } = await invitedClient("revoked@client.example", account);
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR, editor.accountId);
    app.actAs(admin.viewer);
    await app.graphql(
      `mutation($id: ID!) { revokeInvitation(input: { invitationId: $id }) { userErrors { code } } }`,
      { id: invitationId },
    );
    const revoked = await app.graphql<ResendResult>(RESEND, { id: invitationId });
    expect(revoked.body.data?.resendInvitation.userErrors.map((e) => e.code)).toEqual(["REVOKED"]);
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM outbox WHERE to_address = 'revoked@client.example'",
    );
    expect(count).toBe(1);
  });

  it("another account's client invitation is NOT_FOUND; a VIEWER may not resend", async () => {
    const { editor, invitationId } = await invitedClient("isolated@client.example");
    const stranger = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(stranger.viewer);
    expect(
      (
        await app.graphql<ResendResult>(RESEND, { id: invitationId })
      ).body.data?.resendInvitation.userErrors.map((e) => e.code),
    ).toEqual(["NOT_FOUND"]);
    const viewer = await insertViewer(db.dataSource, Role.VIEWER, editor.accountId);
    app.actAs(viewer.viewer);
    expect(
      (await app.graphql(RESEND, { id: invitationId })).body.errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    const [row] = await db.dataSource.query(
      "SELECT send_count FROM invitations WHERE email = 'isolated@client.example'",
    );
    expect(row.send_count).toBe(1);
  });
});
