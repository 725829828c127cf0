import { MemberStatus, MemberType, Role, toGlobalId } from "@pn/shared";
import { signUpAndVerify } from "../../test-support/sign-up";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;

const PASSWORD = "correct horse battery";
const UPDATE = `mutation Update($input: UpdateAccountInput!) {
  updateAccount(input: $input) { account { id name handle } userErrors { field message code } }
}`;
const AVAILABILITY = `query Availability($handle: String!) { handleAvailability(handle: $handle) { handle available reason } }`;
const TRANSFER = `mutation Transfer($input: TransferOwnershipInput!) {
  transferOwnership(input: $input) {
    account { id } previousOwner { id role } newOwner { id role } userErrors { field message code }
  }
}`;
const INVITE_BY_HANDLE = `mutation Invite($handle: String!) {
  invitePartner(input: { accountHandle: $handle }) { partner { status } userErrors { field code } }
}`;
const ROLE = `{ viewer { currentMember { id role } } }`;

type UserErrors = { field: string[] | null; message: string; code: string }[];
type UpdateData = {
  updateAccount: {
    account: { id: string; name: string; handle: string } | null;
    userErrors: UserErrors;
  };
};
type TransferData = {
  transferOwnership: {
    account: { id: string } | null;
    previousOwner: { id: string; role: string } | null;
    newOwner: { id: string; role: string } | null;
    userErrors: UserErrors;
  };
};

let counter = 0;
/** An owner with a password and a real session (the transfer asks for the password). */
async function signedUpOwner(accountName = "Owner Co") {
  counter += 1;
  const client = app.client();
  const made = await signUpAndVerify(client, db.dataSource, {
    email: `owner${counter}@example.test`,
    password: PASSWORD,
    name: `Owner ${counter}`,
    accountName,
  });
  const account = { id: made.accountId, handle: made.handle };
  const accountId = Buffer.from(account.id, "base64url").toString().split(":")[1]!;
  const [{ id: ownerMemberId }] = await db.dataSource.query(
    "SELECT id FROM members WHERE account_id = $1 AND role = 'OWNER'",
    [accountId],
  );
  return { client, accountId, handle: account.handle, ownerMemberId: ownerMemberId as string };
}

async function addMember(
  accountId: string,
  fields: { role?: Role; type?: MemberType; status?: MemberStatus } = {},
) {
  const userId = await insertUser(db.dataSource);
  const memberId = await insertMember(db.dataSource, {
    accountId,
    userId,
    role: Role.ADMINISTRATOR,
    ...fields,
  });
  return { memberId, globalId: toGlobalId("Member", memberId) };
}

async function roles(accountId: string): Promise<Record<string, string>> {
  const rows: { id: string; role: string }[] = await db.dataSource.query(
    "SELECT id, role FROM members WHERE account_id = $1",
    [accountId],
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.role]));
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("updateAccount", () => {
  it("renames the account and changes its handle (normalized); the old handle stops working for partner invitations at once", async () => {
    const owner = await signedUpOwner("Rename Me");
    const result = await owner.client.graphql<UpdateData>(UPDATE, {
      input: { name: "  Renamed Ltd ", handle: " Renamed-LTD " },
    });
    expect(result.body.data?.updateAccount).toEqual({
      account: {
        id: toGlobalId("Account", owner.accountId),
        name: "Renamed Ltd",
        handle: "renamed-ltd",
      },
      userErrors: [],
    });
    const [event] = await db.dataSource.query(
      "SELECT action, details FROM audit_events WHERE account_id = $1 AND action = 'account.updated'",
      [owner.accountId],
    );
    expect(event.details).toEqual({
      name: { from: "Rename Me", to: "Renamed Ltd" },
      handle: { from: owner.handle, to: "renamed-ltd" },
    });

    const inviter = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(inviter.viewer);
    const byOld = await app.graphql<{
      invitePartner: { partner: unknown; userErrors: UserErrors };
    }>(INVITE_BY_HANDLE, { handle: owner.handle });
    expect(byOld.body.data?.invitePartner.userErrors).toEqual([
      { field: ["accountHandle"], code: "NOT_FOUND" },
    ]);
    const byNew = await app.graphql<{
      invitePartner: { partner: { status: string }; userErrors: UserErrors };
    }>(INVITE_BY_HANDLE, { handle: "renamed-ltd" });
    expect(byNew.body.data?.invitePartner).toEqual({
      partner: { status: "INVITED" },
      userErrors: [],
    });
  });

  it("refuses a taken or malformed handle and an empty name, changing nothing", async () => {
    const owner = await signedUpOwner("Keep Me");
    const other = await signedUpOwner("Taken Handle");
    const taken = await owner.client.graphql<UpdateData>(UPDATE, {
      input: { name: "New Name", handle: other.handle.toUpperCase() },
    });
    expect(taken.body.data?.updateAccount).toEqual({
      account: null,
      userErrors: [
        { field: ["handle"], code: "TAKEN", message: "Another account uses this account ID." },
      ],
    });
    const malformed = await owner.client.graphql<UpdateData>(UPDATE, {
      input: { name: " ", handle: "a--b" },
    });
    expect(
      malformed.body.data?.updateAccount.userErrors.map((error) => [error.field, error.code]),
    ).toEqual([
      [["name"], "INVALID"],
      [["handle"], "INVALID"],
    ]);
    const [row] = await db.dataSource.query("SELECT name, handle FROM accounts WHERE id = $1", [
      owner.accountId,
    ]);
    expect(row).toEqual({ name: "Keep Me", handle: owner.handle });
  });

  it("lets an administrator change it and refuses editors and viewers with FORBIDDEN", async () => {
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    const done = await app.graphql<UpdateData>(UPDATE, { input: { name: "By Admin" } });
    expect(done.body.data?.updateAccount.account?.name).toBe("By Admin");
    for (const role of [Role.EDITOR, Role.VIEWER, Role.COLLABORATOR_EXTERNAL]) {
      const member = await insertViewer(db.dataSource, role, admin.accountId);
      app.actAs(member.viewer);
      const refused = await app.graphql<UpdateData>(UPDATE, { input: { name: "Nope" } });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const availability = await app.graphql(AVAILABILITY, { handle: "anything-here" });
      expect(availability.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const [row] = await db.dataSource.query("SELECT name FROM accounts WHERE id = $1", [
      admin.accountId,
    ]);
    expect(row.name).toBe("By Admin");
  });

  it("only ever changes the caller's own account", async () => {
    const a = await signedUpOwner("Account A");
    const b = await signedUpOwner("Account B");
    const result = await b.client.graphql<UpdateData>(UPDATE, { input: { name: "B Renamed" } });
    expect(result.body.data?.updateAccount.account?.id).toBe(toGlobalId("Account", b.accountId));
    const [row] = await db.dataSource.query("SELECT name FROM accounts WHERE id = $1", [
      a.accountId,
    ]);
    expect(row.name).toBe("Account A");
  });
});

describe("handleAvailability", () => {
  it("says whether a handle is free, taken, malformed or already the account's own", async () => {
    const owner = await signedUpOwner("Availability Co");
    const other = await signedUpOwner("Someone Else");
    const ask = async (handle: string) =>
      (
        await owner.client.graphql<{
          handleAvailability: { handle: string; available: boolean; reason: string | null };
        }>(AVAILABILITY, { handle })
      ).body.data?.handleAvailability;
    expect(await ask(" Fresh-Handle-42 ")).toEqual({
      handle: "fresh-handle-42",
      available: true,
      reason: null,
    });
    expect(await ask(other.handle)).toEqual({
      handle: other.handle,
      available: false,
      reason: "Another account uses this account ID.",
    });
    expect(await ask("x")).toEqual({
      handle: "x",
      available: false,
      reason: "Use 3 to 40 characters.",
    });
    expect(await ask(owner.handle)).toEqual({
      handle: owner.handle,
      available: true,
      reason: null,
    });
  });
});

describe("transferOwnership", () => {
  it("makes an active internal administrator the owner and the owner an administrator, with the password", async () => {
    const owner = await signedUpOwner();
    const admin = await addMember(owner.accountId);
    const result = await owner.client.graphql<TransferData>(TRANSFER, {
      input: { memberId: admin.globalId, password: PASSWORD },
    });
    expect(result.body.data?.transferOwnership).toEqual({
      account: { id: toGlobalId("Account", owner.accountId) },
      previousOwner: { id: toGlobalId("Member", owner.ownerMemberId), role: "ADMINISTRATOR" },
      newOwner: { id: admin.globalId, role: "OWNER" },
      userErrors: [],
    });
    expect(await roles(owner.accountId)).toEqual({
      [owner.ownerMemberId]: "ADMINISTRATOR",
      [admin.memberId]: "OWNER",
    });
    // The former owner's session goes on, as an administrator, who may not transfer again.
    const role = await owner.client.graphql<{ viewer: { currentMember: { role: string } } }>(ROLE);
    expect(role.body.data?.viewer.currentMember.role).toBe("ADMINISTRATOR");
    const again = await owner.client.graphql<TransferData>(TRANSFER, {
      input: { memberId: admin.globalId, password: PASSWORD },
    });
    expect(again.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [audit] = await db.dataSource.query(
      "SELECT details FROM audit_events WHERE account_id = $1 AND action = 'account.ownership_transferred'",
      [owner.accountId],
    );
    expect(audit.details).toEqual({
      fromMemberId: owner.ownerMemberId,
      toMemberId: admin.memberId,
    });
  });

  it("refuses a wrong password with BAD_CREDENTIALS and changes nothing", async () => {
    const owner = await signedUpOwner();
    const admin = await addMember(owner.accountId);
    const before = await roles(owner.accountId);
    const result = await owner.client.graphql<TransferData>(TRANSFER, {
      input: { memberId: admin.globalId, password: "not the password" },
    });
    expect(result.body.data?.transferOwnership).toMatchObject({
      newOwner: null,
      userErrors: [{ field: ["password"], code: "BAD_CREDENTIALS" }],
    });
    expect(await roles(owner.accountId)).toEqual(before);
  });

  it.each([
    ["an editor", { role: Role.EDITOR }],
    ["a viewer", { role: Role.VIEWER }],
    ["an archived administrator", { status: MemberStatus.ARCHIVED }],
    ["a pending administrator", { status: MemberStatus.PENDING }],
    ["an external member", { role: Role.COLLABORATOR_EXTERNAL, type: MemberType.EXTERNAL }],
  ])("refuses %s with INVALID_STATE", async (_label, fields) => {
    const owner = await signedUpOwner();
    const target = await addMember(owner.accountId, fields);
    const before = await roles(owner.accountId);
    const result = await owner.client.graphql<TransferData>(TRANSFER, {
      input: { memberId: target.globalId, password: PASSWORD },
    });
    expect(result.body.data?.transferOwnership.userErrors).toEqual([
      {
        field: ["memberId"],
        code: "INVALID_STATE",
        message: "Ownership can go only to an active internal administrator.",
      },
    ]);
    expect(await roles(owner.accountId)).toEqual(before);
  });

  it("treats another account's administrator as nonexistent, and refuses administrators with FORBIDDEN", async () => {
    const owner = await signedUpOwner();
    const elsewhere = await signedUpOwner("Elsewhere");
    const foreignAdmin = await addMember(elsewhere.accountId);
    const result = await owner.client.graphql<TransferData>(TRANSFER, {
      input: { memberId: foreignAdmin.globalId, password: PASSWORD },
    });
    expect(result.body.data?.transferOwnership.userErrors).toEqual([
      { field: ["memberId"], code: "NOT_FOUND", message: "No such member." },
    ]);
    expect(await roles(elsewhere.accountId)).toEqual({
      [elsewhere.ownerMemberId]: "OWNER",
      [foreignAdmin.memberId]: "ADMINISTRATOR",
    });

    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR, owner.accountId);
    app.actAs(admin.viewer);
    const forbidden = await app.graphql<TransferData>(TRANSFER, {
      input: { memberId: toGlobalId("Member", admin.memberId), password: PASSWORD },
    });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("keeps exactly one owner: the database refuses a second one", async () => {
    const owner = await signedUpOwner();
    const admin = await addMember(owner.accountId);
    await expect(
      db.dataSource.query("UPDATE members SET role = 'OWNER' WHERE id = $1", [admin.memberId]),
    ).rejects.toThrow(/members_one_owner/);
  });

  it("lets only one of two concurrent transfers win", async () => {
    const owner = await signedUpOwner();
    const first = await addMember(owner.accountId);
    const second = await addMember(owner.accountId);
    const results = await Promise.all(
      [first, second].map((target) =>
        owner.client.graphql<TransferData>(TRANSFER, {
          input: { memberId: target.globalId, password: PASSWORD },
        }),
      ),
    );
    const owners = Object.values(await roles(owner.accountId)).filter((role) => role === "OWNER");
    expect(owners).toHaveLength(1);
    // The loser either lost the OWNER role before its turn (FORBIDDEN) or found the target no longer eligible.
    const succeeded = results.filter(
      (result) => result.body.data?.transferOwnership?.userErrors.length === 0,
    );
    expect(succeeded).toHaveLength(1);
  });
});
