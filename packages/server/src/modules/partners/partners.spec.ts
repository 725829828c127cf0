import { fromGlobalId, Plan, Role, toGlobalId } from "@pn/shared";
import { clock } from "../../clock";
import { open, sealKeyFrom } from "../../crypto/sealed-box";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;
const key = sealKeyFrom("test-secret");

type UserErrorShape = { field: string[] | null; code: string; message: string };
type Viewerish = Awaited<ReturnType<typeof insertViewer>>;

const INVITE_PARTNER = `mutation($input: InvitePartnerInput!) {
  invitePartner(input: $input) { partner { id status companyName allowLogin partnerAccount { name } } invitation { kind status delivery } userErrors { field code message } }
}`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { account { name } userErrors { field code message } } }`;
const PENDING = `query($partnerId: ID, $search: String) { viewer { currentAccount {
  members(first: 50, filter: { status: [PENDING], partnerId: $partnerId, search: $search }) { totalCount nodes { id name status type role canLogin partner { companyName } } }
} } }`;
const ACTIVATE = `mutation($ids: [ID!]!) { activateMembers(input: { memberIds: $ids }) { members { id status activatedAt } userErrors { field code message } } }`;
const ARCHIVE = `mutation($ids: [ID!]!) { archiveMembers(input: { memberIds: $ids }) { members { id status } userErrors { field code message } } }`;
const RESTORE = `mutation($ids: [ID!]!) { restoreMembers(input: { memberIds: $ids }) { members { id status } userErrors { field code message } } }`;
const REMOVE = `mutation($id: ID!) { removePartnerFromNetwork(input: { partnerId: $id }) { partner { status removedAt } archivedMemberCount userErrors { field code } } }`;

async function tokenOfLatestPartnerInvitation(accountId: string): Promise<string> {
  const [row] = await db.dataSource.query(
    `SELECT o.sealed_link FROM outbox o JOIN invitations i ON i.id = o.invitation_id WHERE i.account_id = $1 AND i.kind = 'PARTNER' ORDER BY o.created_at DESC LIMIT 1`,
    [accountId],
  );
  return open(row.sealed_link, key).split("/invite/")[1]!;
}

/** A and B, B with an owner plus two more active people; A invites B by handle and B's owner accepts. */
async function connect(allowLogin = true) {
  const a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
  await db.dataSource.query("UPDATE accounts SET plan = 'TEAM' WHERE id = $1", [a.accountId]);
  const b = await insertViewer(db.dataSource, Role.OWNER);
  const bPeople = [b.userId];
  for (const name of ["Bea Builder", "Bo Designer"]) {
    const userId = await insertUser(db.dataSource, { name });
    await insertMember(db.dataSource, { accountId: b.accountId, userId, role: Role.EDITOR });
    bPeople.push(userId);
  }
  const [{ handle }] = await db.dataSource.query("SELECT handle FROM accounts WHERE id = $1", [
    b.accountId,
  ]);
  app.actAs(a.viewer);
  const invited = await app.graphql<{
    invitePartner: {
      partner: { id: string; status: string; partnerAccount: unknown };
      invitation: { kind: string; delivery: string };
      userErrors: UserErrorShape[];
    };
  }>(INVITE_PARTNER, { input: { accountHandle: handle, contactName: "Bea", allowLogin } });
  expect(invited.body.data?.invitePartner.userErrors).toEqual([]);
  const partnerId = invited.body.data!.invitePartner.partner.id;
  app.actAs(b.viewer);
  const accepted = await app.graphql<{
    acceptInvitation: { account: { name: string }; userErrors: UserErrorShape[] };
  }>(ACCEPT, {
    input: {
      token: await tokenOfLatestPartnerInvitation(a.accountId),
      partnerAccountId: toGlobalId("Account", b.accountId),
    },
  });
  expect(accepted.body.data?.acceptInvitation.userErrors).toEqual([]);
  app.actAs(a.viewer);
  return {
    a,
    b,
    partnerId,
    bPeople,
    handle: handle as string,
    invited: invited.body.data!.invitePartner,
  };
}

async function pendingOf(viewer: Viewerish, partnerId?: string) {
  app.actAs(viewer.viewer);
  const response = await app.graphql<{
    viewer: {
      currentAccount: {
        members: {
          totalCount: number;
          nodes: {
            id: string;
            name: string;
            type: string;
            role: string;
            canLogin: boolean;
            partner: { companyName: string };
          }[];
        };
      };
    };
  }>(PENDING, { partnerId });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.viewer.currentAccount.members;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { appUrl: "https://pn.example.test" });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("the partner network, end to end through the API", () => {
  it("invites by handle, links on accept, and brings B's people into A as pending external members", async () => {
    const { a, b, partnerId, invited } = await connect();
    expect(invited.partner).toMatchObject({ status: "INVITED", partnerAccount: null });
    expect(invited.invitation).toMatchObject({ kind: "PARTNER", delivery: "QUEUED" });

    const partner = await app.graphql<{
      node: { status: string; partnerAccount: { id: string }; memberCounts: { pending: number } };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Partner { status partnerAccount { id } memberCounts { pending active archived } } } }`,
      { id: partnerId },
    );
    expect(partner.body.data?.node).toMatchObject({
      status: "ACTIVE",
      partnerAccount: { id: toGlobalId("Account", b.accountId) },
      memberCounts: { pending: 3 },
    });

    const pending = await pendingOf(a, partnerId);
    expect(pending.totalCount).toBe(3);
    expect(
      pending.nodes.every(
        (m) => m.type === "EXTERNAL" && m.role === "COLLABORATOR_EXTERNAL" && m.canLogin,
      ),
    ).toBe(true);

    const [client] = await db.dataSource.query(
      "SELECT type, status, client_account_id FROM clients WHERE account_id = $1",
      [b.accountId],
    );
    expect(client).toEqual({ type: "ACCOUNT", status: "ACTIVE", client_account_id: a.accountId });
  });

  it("bulk-activates all or nothing, reporting each refused ID by index, in one UPDATE", async () => {
    const { a, partnerId } = await connect();
    const pending = await pendingOf(a, partnerId);
    const [first, second] = pending.nodes;

    const refused = await app.graphql<{
      activateMembers: { members: unknown[]; userErrors: UserErrorShape[] };
    }>(ACTIVATE, {
      ids: [first!.id, "garbage", toGlobalId("Member", a.memberId)],
    });
    expect(refused.body.data?.activateMembers.members).toEqual([]);
    expect(refused.body.data?.activateMembers.userErrors.map((e) => [e.field, e.code])).toEqual([
      [["memberIds", "1"], "NOT_FOUND"],
      [["memberIds", "2"], "INVALID_STATE"],
    ]);
    expect((await pendingOf(a, partnerId)).totalCount).toBe(3);

    const activated = await app.graphql<{
      activateMembers: { members: { id: string; status: string }[]; userErrors: UserErrorShape[] };
    }>(ACTIVATE, {
      ids: [first!.id, second!.id],
    });
    expect(activated.body.data?.activateMembers.userErrors).toEqual([]);
    expect(activated.body.data?.activateMembers.members.map((m) => [m.id, m.status])).toEqual([
      [first!.id, "ACTIVE"],
      [second!.id, "ACTIVE"],
    ]);
    // One more than before the audit log: its entries for the whole batch are one INSERT.
    expect(Number(activated.headers.get("x-sql-statements"))).toBeLessThanOrEqual(7);
    expect((await pendingOf(a, partnerId)).totalCount).toBe(1);
  });

  it("lets an administrator change an external member's login and refuses internal roles for them", async () => {
    const { a, partnerId } = await connect();
    const [member] = (await pendingOf(a, partnerId)).nodes;
    const update = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { canLogin title name } userErrors { field code } } }`;
    const ok = await app.graphql<{ updateMember: { member: Record<string, unknown> } }>(update, {
      input: { memberId: member!.id, canLogin: false, title: "Consultant" },
    });
    expect(ok.body.data?.updateMember.member).toMatchObject({
      canLogin: false,
      title: "Consultant",
    });
    const refused = await app.graphql<{ updateMember: { userErrors: UserErrorShape[] } }>(update, {
      input: { memberId: member!.id, role: "ADMINISTRATOR" },
    });
    expect(refused.body.data?.updateMember.userErrors).toEqual([
      { field: ["role"], code: "INVALID" },
    ]);

    const editor = await insertViewer(db.dataSource, Role.EDITOR, a.accountId);
    app.actAs(editor.viewer);
    expect(
      (await app.graphql(update, { input: { memberId: member!.id, canLogin: true } })).body
        .errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    const title = await app.graphql<{ updateMember: { member: { title: string } } }>(update, {
      input: { memberId: member!.id, title: "Lead" },
    });
    expect(title.body.data?.updateMember.member.title).toBe("Lead");
  });

  it("brings people who join B later into A, pending", async () => {
    const { a, b, partnerId } = await connect();
    await db.dataSource.query("UPDATE accounts SET plan = 'TEAM' WHERE id = $1", [b.accountId]);
    app.actAs(b.viewer);
    await app.graphql(
      `mutation { inviteUsers(input: { invitees: [{ email: "late.joiner@example.test", role: VIEWER }] }) { userErrors { code } } }`,
    );
    const [row] = await db.dataSource.query(
      `SELECT o.sealed_link FROM outbox o WHERE o.to_address = 'late.joiner@example.test'`,
    );
    const token = open(row.sealed_link, key).split("/invite/")[1]!;
    const joined = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
        `mutation($token: String!) { acceptInvitation(input: { token: $token, name: "Late Joiner", password: "a good long password" }) { userErrors { code } } }`,
        { token },
      );
    expect(joined.body.data?.acceptInvitation.userErrors).toEqual([]);
    const pending = await pendingOf(a, partnerId);
    expect(pending.nodes.map((m) => m.name)).toContain("Late Joiner");
    expect(pending.totalCount).toBe(4);
  });

  it("removes B from the network: archives B's people in A, ends their sessions there, and ends B's client link; idempotent", async () => {
    const { a, b, partnerId, bPeople } = await connect();
    const [someone] = (await pendingOf(a, partnerId)).nodes;
    await app.graphql(ACTIVATE, { ids: [someone!.id] });
    // A session of one of B's people inside A.
    await db.dataSource.query(
      "INSERT INTO sessions (token_hash, user_id, account_id, expires_at) VALUES ('\\x01', $1, $2, now() + interval '1 day')",
      [bPeople[1], a.accountId],
    );

    const removed = await app.graphql<{
      removePartnerFromNetwork: { partner: { status: string }; archivedMemberCount: number };
    }>(REMOVE, { id: partnerId });
    expect(removed.body.data?.removePartnerFromNetwork).toMatchObject({
      partner: { status: "REMOVED" },
      archivedMemberCount: 3,
    });
    const [{ sessions }] = await db.dataSource.query(
      "SELECT count(*)::int AS sessions FROM sessions WHERE account_id = $1 AND user_id = $2",
      [a.accountId, bPeople[1]],
    );
    expect(sessions).toBe(0);
    const [client] = await db.dataSource.query("SELECT status FROM clients WHERE account_id = $1", [
      b.accountId,
    ]);
    expect(client.status).toBe("REMOVED");
    const again = await app.graphql<{
      removePartnerFromNetwork: { archivedMemberCount: number; userErrors: UserErrorShape[] };
    }>(REMOVE, { id: partnerId });
    expect(again.body.data?.removePartnerFromNetwork).toMatchObject({
      archivedMemberCount: 0,
      userErrors: [],
    });
    // One removal event on each side, written by the first call only.
    const events = await db.dataSource.query(
      "SELECT account_id, action, actor_member_id, details->>'archivedMemberCount' AS archived FROM audit_events WHERE account_id = ANY($1::uuid[]) AND action = 'partner.removed' ORDER BY account_id",
      [[a.accountId, b.accountId]],
    );
    expect(events).toHaveLength(2);
    expect(
      events.every(
        (e: { action: string; archived: string }) =>
          e.action === "partner.removed" && e.archived === "3",
      ),
    ).toBe(true);
    expect(
      events.find((e: { account_id: string }) => e.account_id === a.accountId).actor_member_id,
    ).toBe(a.memberId);
  });
});

describe("removeClientFromNetwork (the partner's side)", () => {
  it("B sees A among its clients and removing it ends the link both ways, archiving B's people in A", async () => {
    const { a, b, partnerId } = await connect();
    app.actAs(b.viewer);
    const clients = await app.graphql<{
      viewer: {
        currentAccount: {
          clients: {
            nodes: {
              id: string;
              type: string;
              status: string;
              clientAccount: { handle: string };
            }[];
          };
        };
      };
    }>(
      `{ viewer { currentAccount { clients(first: 10) { nodes { id type status clientAccount { handle } } } } } }`,
    );
    const [client] = clients.body.data!.viewer.currentAccount.clients.nodes;
    expect(client).toMatchObject({ type: "ACCOUNT", status: "ACTIVE" });

    const REMOVE_CLIENT = `mutation($id: ID!) { removeClientFromNetwork(input: { clientId: $id }) { client { status } archivedMemberCount userErrors { field code } } }`;
    app.actAs(a.viewer);
    expect(
      (
        await app.graphql<{ removeClientFromNetwork: { userErrors: UserErrorShape[] } }>(
          REMOVE_CLIENT,
          { id: client!.id },
        )
      ).body.data?.removeClientFromNetwork.userErrors[0]?.code,
    ).toBe("NOT_FOUND");

    app.actAs(b.viewer);
    const removed = await app.graphql<{
      removeClientFromNetwork: { client: { status: string }; archivedMemberCount: number };
    }>(REMOVE_CLIENT, { id: client!.id });
    expect(removed.body.data?.removeClientFromNetwork).toMatchObject({
      client: { status: "REMOVED" },
      archivedMemberCount: 3,
    });
    app.actAs(a.viewer);
    const partner = await app.graphql<{ node: { status: string } }>(
      `query($id: ID!) { node(id: $id) { ... on Partner { status } } }`,
      { id: partnerId },
    );
    expect(partner.body.data?.node.status).toBe("REMOVED");
    app.actAs(b.viewer);
    const [{ archived }] = await db.dataSource.query(
      "SELECT count(*)::int AS archived FROM members WHERE account_id = $1 AND status = 'ARCHIVED'",
      [a.accountId],
    );
    expect(archived).toBe(3);
    const again = await app.graphql<{ removeClientFromNetwork: { archivedMemberCount: number } }>(
      REMOVE_CLIENT,
      { id: client!.id },
    );
    expect(again.body.data?.removeClientFromNetwork.archivedMemberCount).toBe(0);
  });
});

describe("partners without an account, and external members added by hand", () => {
  it("creates a guest partner, keeps external IDs unique, and adds an active external member", async () => {
    const a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(a.viewer);
    const create = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id companyName guest domain externalId status } userErrors { field code } } }`;
    const made = await app.graphql<{
      createPartner: { partner: { id: string; status: string }; userErrors: UserErrorShape[] };
    }>(create, {
      input: {
        companyName: "Guest Co",
        domain: "guest.example",
        externalId: "CRM-1",
        guest: true,
        publicUrl: "https://guest.example",
      },
    });
    expect(made.body.data?.createPartner.userErrors).toEqual([]);
    const dup = await app.graphql<{ createPartner: { userErrors: UserErrorShape[] } }>(create, {
      input: { companyName: "Other", externalId: "CRM-1" },
    });
    expect(dup.body.data?.createPartner.userErrors).toEqual([
      { field: ["externalId"], code: "TAKEN" },
    ]);
    const bad = await app.graphql<{ createPartner: { userErrors: UserErrorShape[] } }>(create, {
      input: { companyName: " ", domain: "not a domain", publicUrl: "ftp://x" },
    });
    expect(bad.body.data?.createPartner.userErrors.map((e) => e.field?.[0])).toEqual([
      "companyName",
      "domain",
      "publicUrl",
    ]);

    const add = `mutation($input: AddExternalMemberInput!) { addExternalMember(input: $input) { member { status type role partner { companyName } } userErrors { field code } } }`;
    const added = await app.graphql<{
      addExternalMember: { member: Record<string, unknown>; userErrors: UserErrorShape[] };
    }>(add, {
      input: {
        partnerId: made.body.data!.createPartner.partner.id,
        name: "Gus Guest",
        email: "gus@guest.example",
      },
    });
    expect(added.body.data?.addExternalMember).toEqual({
      member: {
        status: "ACTIVE",
        type: "EXTERNAL",
        role: "COLLABORATOR_EXTERNAL",
        partner: { companyName: "Guest Co" },
      },
      userErrors: [],
    });
    const again = await app.graphql<{ addExternalMember: { userErrors: UserErrorShape[] } }>(add, {
      input: {
        partnerId: made.body.data!.createPartner.partner.id,
        name: "Gus",
        email: "GUS@guest.example",
      },
    });
    expect(again.body.data?.addExternalMember.userErrors).toEqual([
      { field: ["email"], code: "TAKEN" },
    ]);
  });

  it("archives and restores internal members, refusing the owner and a restore past the seats", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
      owner.accountId,
      Plan.FREE,
    ]);
    const one = await insertViewer(db.dataSource, Role.VIEWER, owner.accountId);
    app.actAs(owner.viewer);
    const ownerRefused = await app.graphql<{ archiveMembers: { userErrors: UserErrorShape[] } }>(
      ARCHIVE,
      { ids: [toGlobalId("Member", owner.memberId)] },
    );
    expect(ownerRefused.body.data?.archiveMembers.userErrors[0]?.code).toBe("INVALID_STATE");
    const archived = await app.graphql<{ archiveMembers: { members: { status: string }[] } }>(
      ARCHIVE,
      { ids: [toGlobalId("Member", one.memberId)] },
    );
    expect(archived.body.data?.archiveMembers.members).toEqual([
      { id: toGlobalId("Member", one.memberId), status: "ARCHIVED" },
    ]);
    // Fill the freed seat, then restoring needs one more than the plan has.
    await insertViewer(db.dataSource, Role.VIEWER, owner.accountId);
    await insertViewer(db.dataSource, Role.VIEWER, owner.accountId);
    const full = await app.graphql<{ restoreMembers: { userErrors: UserErrorShape[] } }>(RESTORE, {
      ids: [toGlobalId("Member", one.memberId)],
    });
    expect(full.body.data?.restoreMembers.userErrors[0]?.code).toBe("SEAT_LIMIT_REACHED");
  });
});

describe("login for external people without a password", () => {
  it("sends a login invitation; the person sets a password, enters A and sees only their own record and partner", async () => {
    const a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(a.viewer);
    const made = await app.graphql<{ createPartner: { partner: { id: string } } }>(
      `mutation { createPartner(input: { companyName: "Login Co", allowLogin: true }) { partner { id } } }`,
    );
    const partnerId = made.body.data!.createPartner.partner.id;
    await app.graphql(
      `mutation($p: ID!) { addExternalMember(input: { partnerId: $p, name: "Lena Login", email: "lena@login.example" }) { userErrors { code } } }`,
      { p: partnerId },
    );
    const [mail] = await db.dataSource.query(
      "SELECT o.sealed_link, i.kind FROM outbox o JOIN invitations i ON i.id = o.invitation_id WHERE o.to_address = 'lena@login.example'",
    );
    expect(mail.kind).toBe("LOGIN");
    const token = open(mail.sealed_link, key).split("/invite/")[1]!;

    const lena = app.client();
    const accepted = await lena.graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
      `mutation($t: String!) { acceptInvitation(input: { token: $t, password: "lena's long password" }) { userErrors { field code } } }`,
      { t: token },
    );
    expect(accepted.body.data?.acceptInvitation.userErrors).toEqual([]);
    const seen = await lena.graphql<{
      viewer: {
        currentMember: { role: string; partner: { id: string } };
        currentAccount: { members: { nodes: { name: string }[] } };
        memberships: unknown[];
      };
    }>(
      `{ viewer { memberships { id } currentMember { role partner { id } } currentAccount { members(first: 50) { nodes { name } } } } }`,
    );
    expect(seen.body.data?.viewer.currentMember).toEqual({
      role: "COLLABORATOR_EXTERNAL",
      partner: { id: partnerId },
    });
    expect(seen.body.data?.viewer.currentAccount.members.nodes).toEqual([{ name: "Lena Login" }]);
    expect(seen.body.data?.viewer.memberships).toHaveLength(1);
    const other = await lena.graphql(`query($id: ID!) { node(id: $id) { id } }`, {
      id: toGlobalId("Member", a.memberId),
    });
    expect(other.body).toEqual({ data: { node: null } });
  });
});

describe("N+1 guard", () => {
  it("partners with member counts and their first members cost a fixed number of statements whatever the page size", async () => {
    const a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    for (let i = 0; i < 12; i += 1) {
      const [p] = await db.dataSource.query(
        "INSERT INTO partners (account_id, company_name, status) VALUES ($1, $2, 'ACTIVE') RETURNING id",
        [a.accountId, `P${i}`],
      );
      for (let j = 0; j < 3; j += 1) {
        const userId = await insertUser(db.dataSource);
        await db.dataSource.query(
          "INSERT INTO members (account_id, user_id, type, role, status, partner_id, accepted_at) VALUES ($1, $2, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'PENDING', $3, now())",
          [a.accountId, userId, p.id],
        );
      }
    }
    app.actAs(a.viewer);
    const statements = async (first: number) => {
      const response = await app.graphql<{
        viewer: { currentAccount: { partners: { nodes: { members: { nodes: unknown[] } }[] } } };
      }>(
        `query($first: Int) { viewer { currentAccount { partners(first: $first) { nodes { memberCounts { pending } members(first: 10) { nodes { name } } } } } } }`,
        { first },
      );
      expect(response.body.errors).toBeUndefined();
      return {
        count: Number(response.headers.get("x-sql-statements")),
        partners: response.body.data!.viewer.currentAccount.partners.nodes,
      };
    };
    const small = await statements(2);
    const large = await statements(12);
    expect(small.partners).toHaveLength(2);
    expect(large.partners).toHaveLength(12);
    expect(large.partners.every((p) => p.members.nodes.length === 3)).toBe(true);
    expect(large.count).toBe(small.count);

    const q1 = async (first: number) => {
      const response = await app.graphql(
        `query($first: Int) { viewer { currentAccount { members(first: $first, filter: { status: [PENDING] }) { nodes { name email partner { companyName logoUrl memberCounts { pending } } } } } } }`,
        { first },
      );
      expect(response.body.errors).toBeUndefined();
      return Number(response.headers.get("x-sql-statements"));
    };
    expect(await q1(50)).toBe(await q1(3));
  });
});

describe("tenant isolation", () => {
  it("another account's partners and members can be neither read nor changed", async () => {
    const { partnerId, a } = await connect();
    const pendingIds = (await pendingOf(a, partnerId)).nodes.map((m) => m.id);
    const stranger = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(stranger.viewer);
    expect(
      (await app.graphql("query($id: ID!) { node(id: $id) { id } }", { id: partnerId })).body,
    ).toEqual({ data: { node: null } });
    expect(
      (
        await app.graphql<{ activateMembers: { userErrors: UserErrorShape[] } }>(ACTIVATE, {
          ids: pendingIds,
        })
      ).body.data?.activateMembers.userErrors.every((e) => e.code === "NOT_FOUND"),
    ).toBe(true);
    expect(
      (
        await app.graphql<{ removePartnerFromNetwork: { userErrors: UserErrorShape[] } }>(REMOVE, {
          id: partnerId,
        })
      ).body.data?.removePartnerFromNetwork.userErrors[0]?.code,
    ).toBe("NOT_FOUND");
    expect((await pendingOf(stranger, partnerId)).totalCount).toBe(0);
    expect((await pendingOf(a, partnerId)).totalCount).toBe(3);
  });
});

describe("resendInvitation for partners", () => {
  const INVITE = `mutation($input: InvitePartnerInput!) { invitePartner(input: $input) { partner { id } invitation { id } userErrors { field code } } }`;
  const RESEND = `mutation($id: ID!) { resendInvitation(input: { invitationId: $id }) { invitation { kind status sendCount expiresAt } userErrors { field code message } } }`;
  type ResendResult = {
    resendInvitation: {
      invitation: { kind: string; status: string; sendCount: number; expiresAt: string } | null;
      userErrors: UserErrorShape[];
    };
  };
  const DAY = 24 * 3_600_000;

  async function invitePartner(a: Viewerish, input: { email?: string; accountHandle?: string }) {
    app.actAs(a.viewer);
    const invited = await app.graphql<{
      invitePartner: {
        partner: { id: string };
        invitation: { id: string };
        userErrors: UserErrorShape[];
      };
    }>(INVITE, { input });
    expect(invited.body.data?.invitePartner.userErrors).toEqual([]);
    return invited.body.data!.invitePartner;
  }

  async function emailsOf(invitationGlobalId: string) {
    return db.dataSource.query<{ to_address: string; subject: string; sealed_link: string }[]>(
      "SELECT to_address, subject, sealed_link FROM outbox WHERE invitation_id = $1 ORDER BY created_at, to_address",
      [fromGlobalId(invitationGlobalId)!.id],
    );
  }

  afterEach(() => clock.reset());

  it("by email: sends the partner email again to that address with a new 14-day link; the old link stops working; audited", async () => {
    const a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    const { invitation } = await invitePartner(a, { email: "lost@partner.example" });
    const [first] = await emailsOf(invitation.id);
    const firstToken = open(first!.sealed_link, key).split("/invite/")[1]!;
    clock.advance(15 * DAY);

    const resent = await app.graphql<ResendResult>(RESEND, { id: invitation.id });
    expect(resent.body.data?.resendInvitation.userErrors).toEqual([]);
    expect(resent.body.data?.resendInvitation.invitation).toMatchObject({
      kind: "PARTNER",
      status: "PENDING",
      sendCount: 2,
    });
    expect(Date.parse(resent.body.data!.resendInvitation.invitation!.expiresAt)).toBeGreaterThan(
      clock.now().getTime() + 13.9 * DAY,
    );
    const emails = await emailsOf(invitation.id);
    expect(emails.map((e) => e.to_address)).toEqual([
      "lost@partner.example",
      "lost@partner.example",
    ]);
    expect(emails[1]!.subject).toMatch(/invites partner\.example to its partner network$/);
    const [audit] = await db.dataSource.query(
      "SELECT details FROM audit_events WHERE account_id = $1 AND action = 'invitation.resent'",
      [a.accountId],
    );
    expect(audit.details).toMatchObject({
      kind: "PARTNER",
      email: "lost@partner.example",
      recipientCount: 1,
      sendCount: 2,
      wasExpired: true,
    });

    const newToken = open(emails[1]!.sealed_link, key).split("/invite/")[1]!;
    const PREVIEW = `query($token: String!) { invitation(token: $token) { status } }`;
    expect((await app.client().graphql(PREVIEW, { token: firstToken })).body.data).toEqual({
      invitation: null,
    });
    expect((await app.client().graphql(PREVIEW, { token: newToken })).body.data).toEqual({
      invitation: { status: "PENDING" },
    });
  });

  it("by handle: sends it to the other account's owners and administrators as they are now; accepting the new link connects", async () => {
    const a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    await db.dataSource.query("UPDATE accounts SET plan = 'TEAM' WHERE id = $1", [a.accountId]);
    const b = await insertViewer(db.dataSource, Role.OWNER);
    const [{ handle }] = await db.dataSource.query("SELECT handle FROM accounts WHERE id = $1", [
      b.accountId,
    ]);
    const { partner, invitation } = await invitePartner(a, { accountHandle: handle });
    const laterAdmin = await insertViewer(db.dataSource, Role.ADMINISTRATOR, b.accountId);
    const addresses = await db.dataSource.query<{ email: string }[]>(
      "SELECT email FROM users WHERE id = ANY($1::uuid[]) ORDER BY email",
      [[b.userId, laterAdmin.userId]],
    );

    app.actAs(a.viewer);
    const resent = await app.graphql<ResendResult>(RESEND, { id: invitation.id });
    expect(resent.body.data?.resendInvitation.invitation).toMatchObject({
      status: "PENDING",
      sendCount: 2,
    });
    const emails = await emailsOf(invitation.id);
    expect(
      emails
        .slice(1)
        .map((e) => e.to_address)
        .sort(),
    ).toEqual(addresses.map((row) => row.email));
    expect(emails.every((e) => /to its partner network$/.test(e.subject))).toBe(true);

    app.actAs(laterAdmin.viewer);
    const accepted = await app.graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
      ACCEPT,
      {
        input: {
          token: open(emails[emails.length - 1]!.sealed_link, key).split("/invite/")[1]!,
          partnerAccountId: toGlobalId("Account", b.accountId),
        },
      },
    );
    expect(accepted.body.data?.acceptInvitation.userErrors).toEqual([]);
    const [{ status }] = await db.dataSource.query("SELECT status FROM partners WHERE id = $1", [
      fromGlobalId(partner.id)!.id,
    ]);
    expect(status).toBe("ACTIVE");

    app.actAs(a.viewer);
    expect(
      (
        await app.graphql<ResendResult>(RESEND, { id: invitation.id })
      ).body.data?.resendInvitation.userErrors.map((e) => e.code),
    ).toEqual(["ALREADY_ACCEPTED"]);
  });

  it("is FORBIDDEN for an editor and NOT_FOUND for another account", async () => {
    const a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    const { invitation } = await invitePartner(a, { email: "guarded@partner.example" });
    const editor = await insertViewer(db.dataSource, Role.EDITOR, a.accountId);
    app.actAs(editor.viewer);
    expect(
      (await app.graphql(RESEND, { id: invitation.id })).body.errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    const stranger = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(stranger.viewer);
    expect(
      (
        await app.graphql<ResendResult>(RESEND, { id: invitation.id })
      ).body.data?.resendInvitation.userErrors.map((e) => e.code),
    ).toEqual(["NOT_FOUND"]);
    expect(await emailsOf(invitation.id)).toHaveLength(1);
  });
});

describe("a newcomer accepts a partner invitation sent to their email", () => {
  const INVITE = `mutation($input: InvitePartnerInput!) { invitePartner(input: $input) { partner { id } userErrors { field code } } }`;
  const WHERE_AM_I = `{ viewer { user { email name } currentAccount { name clients(first: 5) { nodes { name type } } } } }`;
  type WhereAmI = {
    viewer: {
      user: { email: string; name: string };
      currentAccount: { name: string; clients: { nodes: { name: string; type: string }[] } };
    } | null;
  };

  async function invitedByEmail(email: string) {
    const a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(a.viewer);
    const invited = await app.graphql<{
      invitePartner: { partner: { id: string }; userErrors: UserErrorShape[] };
    }>(INVITE, { input: { email, companyName: "Newco" } });
    expect(invited.body.data?.invitePartner.userErrors).toEqual([]);
    return {
      a,
      partnerId: invited.body.data!.invitePartner.partner.id,
      token: await tokenOfLatestPartnerInvitation(a.accountId),
    };
  }

  async function counts(email: string, accountName: string) {
    const [row] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM users WHERE email = $1) AS users,
              (SELECT count(*)::int FROM accounts WHERE name = $2) AS accounts`,
      [email, accountName],
    );
    return row as { users: number; accounts: number };
  }

  it("creates the login, the company's account and the link in one request, and signs in there", async () => {
    const email = "nina@newco.example";
    const { a, partnerId, token } = await invitedByEmail(email);
    const newcomer = app.client();
    const accepted = await newcomer.graphql<{
      acceptInvitation: { account: { name: string }; userErrors: UserErrorShape[] };
    }>(ACCEPT, {
      input: {
        token,
        name: "Nina Newco",
        password: "a good long password",
        accountName: "Newco Ltd",
      },
    });
    expect(accepted.body.data?.acceptInvitation.userErrors).toEqual([]);
    expect(newcomer.cookie()).toMatch(/pn_session=/);

    // Signed in, acting in the new account, which lists A as its client.
    const [{ name: aName }] = await db.dataSource.query("SELECT name FROM accounts WHERE id = $1", [
      a.accountId,
    ]);
    expect(accepted.body.data?.acceptInvitation.account.name).toBe(aName);
    const here = await newcomer.graphql<WhereAmI>(WHERE_AM_I);
    expect(here.body.data?.viewer).toMatchObject({
      user: { email, name: "Nina Newco" },
      currentAccount: { name: "Newco Ltd", clients: { nodes: [{ name: aName, type: "ACCOUNT" }] } },
    });
    const [partner] = await db.dataSource.query(
      "SELECT status, partner_account_id FROM partners WHERE id = $1",
      [fromGlobalId(partnerId)!.id],
    );
    const [newco] = await db.dataSource.query("SELECT id FROM accounts WHERE name = 'Newco Ltd'");
    expect(partner).toEqual({ status: "ACTIVE", partner_account_id: newco.id });
    const actions = await db.dataSource.query(
      "SELECT action FROM audit_events WHERE account_id = $1 ORDER BY action",
      [newco.id],
    );
    expect(actions.map((row: { action: string }) => row.action)).toEqual([
      "account.created",
      "client.created",
      "partner.connected",
      "session.created",
    ]);
  });

  it("refuses missing fields on their inputs and writes nothing", async () => {
    const email = "omar@newco.example";
    const { token } = await invitedByEmail(email);
    const refused = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: { token, name: " ", password: "short", accountName: "Omar Ltd" },
      });
    expect(refused.body.data?.acceptInvitation.userErrors.map((e) => [e.field, e.code])).toEqual([
      [["name"], "INVALID"],
      [["password"], "INVALID"],
    ]);
    const unnamed = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: { token, name: "Omar", password: "a good long password" },
      });
    expect(unnamed.body.data?.acceptInvitation.userErrors.map((e) => [e.field, e.code])).toEqual([
      [["accountName"], "INVALID"],
    ]);
    expect(await counts(email, "Omar Ltd")).toEqual({ users: 0, accounts: 0 });
    const [{ status }] = await db.dataSource.query(
      "SELECT status FROM invitations WHERE account_id = (SELECT account_id FROM invitations WHERE email = $1)",
      [email],
    );
    expect(status).toBe("PENDING");
  });

  it("asks someone whose email has a login to log in first", async () => {
    const email = "existing@newco.example";
    await insertUser(db.dataSource, { email, name: "Existing" });
    const { token } = await invitedByEmail(email);
    const refused = await app
      .client()
      .graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(ACCEPT, {
        input: {
          token,
          name: "Someone",
          password: "a good long password",
          accountName: "Existing Ltd",
        },
      });
    expect(refused.body.data?.acceptInvitation.userErrors).toEqual([
      {
        field: null,
        code: "SIGN_IN_REQUIRED",
        message: `Log in as ${email} to accept this invitation.`,
      },
    ]);
    expect(await counts(email, "Existing Ltd")).toEqual({ users: 1, accounts: 0 });
  });
});
