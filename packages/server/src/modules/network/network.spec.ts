/**
 * Account.networkSummary, the network map's one read: partners and clients that are not
 * removed, with their counts, bounded by `first` (each kind keeps half), priced by that
 * bound, in a fixed number of statements, for account readers only.
 */
import { MemberStatus, MemberType, NETWORK_NODES_MAX, Role, toGlobalId } from "@pn/shared";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { buildAppSchema } from "../../app/schema";
import { operationCost, QUERY_COST_MAX } from "../../graphql/query-cost";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { splitNodeLimit } from "./network.service";

let db: TestDatabase;
let app: TestApp;

const SUMMARY = `query($first: Int) { viewer { currentAccount { networkSummary {
  partnerCount clientCount nodes(first: $first) { kind id name status activeCount pendingCount }
} } } }`;

type Node = {
  kind: string;
  id: string;
  name: string;
  status: string;
  activeCount: number;
  pendingCount: number;
};
type SummaryBody = {
  viewer: {
    currentAccount: {
      networkSummary: { partnerCount: number; clientCount: number; nodes: Node[] } | null;
    } | null;
  };
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function insertPartner(accountId: string, name: string, status = "ACTIVE") {
  const [row] = await db.dataSource.query(
    "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, $2, $3, true) RETURNING id",
    [accountId, name, status],
  );
  return row.id as string;
}

async function insertPartnerPerson(accountId: string, partnerId: string, status: MemberStatus) {
  const memberId = await insertMember(db.dataSource, {
    accountId,
    userId: await insertUser(db.dataSource),
    role: Role.COLLABORATOR_EXTERNAL,
    type: MemberType.EXTERNAL,
    status,
  });
  await db.dataSource.query("UPDATE members SET partner_id = $2 WHERE id = $1", [
    memberId,
    partnerId,
  ]);
}

async function insertClient(accountId: string, name: string, status = "ACTIVE") {
  const [row] = await db.dataSource.query(
    "INSERT INTO clients (account_id, type, name, email, status) VALUES ($1, 'PERSON', $2, $3, $4) RETURNING id",
    [
      accountId,
      name,
      `${name.replace(/\W/g, "").toLowerCase()}.${Math.random()}@c.example`,
      status,
    ],
  );
  const [team] = await db.dataSource.query(
    "INSERT INTO teams (account_id, client_id) VALUES ($1, $2) RETURNING id",
    [accountId, row.id],
  );
  return { clientId: row.id as string, teamId: team.id as string };
}

async function addToTeam(accountId: string, teamId: string, status: MemberStatus, lead = false) {
  const memberId = await insertMember(db.dataSource, {
    accountId,
    userId: await insertUser(db.dataSource),
    status,
  });
  await db.dataSource.query(
    "INSERT INTO team_memberships (team_id, member_id, account_id, is_lead) VALUES ($1, $2, $3, $4)",
    [teamId, memberId, accountId, lead],
  );
}

async function insertClientInvitation(accountId: string, clientId: string, expiresInMs: number) {
  await db.dataSource.query(
    `INSERT INTO invitations (account_id, kind, email, role, token_hash, expires_at, client_id)
     VALUES ($1, 'CLIENT', 'x@c.example', 'CLIENT', $2, $3, $4)`,
    [accountId, `hash-${Math.random()}`, new Date(Date.now() + expiresInMs), clientId],
  );
}

async function summary(first?: number) {
  const response = await app.graphql<SummaryBody>(SUMMARY, first === undefined ? {} : { first });
  return {
    body: response.body,
    data: response.body.data?.viewer.currentAccount?.networkSummary,
    statements: Number(response.headers.get("x-sql-statements")),
  };
}

describe("Account.networkSummary", () => {
  it("lists partners then clients by name with their counts, leaving removed ones out", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const account = owner.accountId;
    const initech = await insertPartner(account, "initech");
    await insertPartnerPerson(account, initech, MemberStatus.ACTIVE);
    await insertPartnerPerson(account, initech, MemberStatus.ACTIVE);
    await insertPartnerPerson(account, initech, MemberStatus.PENDING);
    await insertPartnerPerson(account, initech, MemberStatus.ARCHIVED);
    const umbrella = await insertPartner(account, "Acme Umbrella", "INVITED");
    await insertPartner(account, "Gone Corp", "REMOVED");
    const paula = await insertClient(account, "Paula Person", "INVITED");
    await addToTeam(account, paula.teamId, MemberStatus.ACTIVE, true);
    await insertClientInvitation(account, paula.clientId, 3_600_000);
    // Run out: no longer waiting for an answer.
    await insertClientInvitation(account, paula.clientId, -3_600_000);
    const bob = await insertClient(account, "bob Buyer");
    await addToTeam(account, bob.teamId, MemberStatus.ACTIVE, true);
    await addToTeam(account, bob.teamId, MemberStatus.ACTIVE);
    await addToTeam(account, bob.teamId, MemberStatus.ARCHIVED);
    await insertClient(account, "Removed Client", "REMOVED");
    // Another account's partner never shows.
    const stranger = await insertViewer(db.dataSource, Role.OWNER);
    await insertPartner(stranger.accountId, "Not Yours");

    app.actAs(owner.viewer);
    const { data, body } = await summary();
    expect(body.errors).toBeUndefined();
    expect(data).toEqual({
      partnerCount: 2,
      clientCount: 2,
      nodes: [
        {
          kind: "PARTNER",
          id: toGlobalId("Partner", umbrella),
          name: "Acme Umbrella",
          status: "INVITED",
          activeCount: 0,
          pendingCount: 0,
        },
        {
          kind: "PARTNER",
          id: toGlobalId("Partner", initech),
          name: "initech",
          status: "ACTIVE",
          activeCount: 2,
          pendingCount: 1,
        },
        {
          kind: "CLIENT",
          id: toGlobalId("Client", bob.clientId),
          name: "bob Buyer",
          status: "ACTIVE",
          activeCount: 2,
          pendingCount: 0,
        },
        {
          kind: "CLIENT",
          id: toGlobalId("Client", paula.clientId),
          name: "Paula Person",
          status: "INVITED",
          activeCount: 1,
          pendingCount: 1,
        },
      ],
    });
  });

  it("is bounded by `first`, each kind keeping half, in the same statements for 6 nodes or 340", async () => {
    const owner = await insertViewer(db.dataSource, Role.VIEWER);
    const account = owner.accountId;
    for (let i = 0; i < 3; i += 1) await insertPartner(account, `Partner ${i}`);
    for (let i = 0; i < 3; i += 1) await insertClient(account, `Client ${i}`);
    app.actAs(owner.viewer);
    const small = await summary();
    expect(small.data?.nodes).toHaveLength(6);

    const cut = await summary(4);
    expect(cut.data?.nodes.map((node) => node.name)).toEqual([
      "Partner 0",
      "Partner 1",
      "Client 0",
      "Client 1",
    ]);
    expect(cut.data).toMatchObject({ partnerCount: 3, clientCount: 3 });

    await db.dataSource.query(
      `INSERT INTO partners (account_id, company_name, status, guest)
       SELECT $1, 'Bulk partner ' || i, 'ACTIVE', true FROM generate_series(1, 37) AS i`,
      [account],
    );
    await db.dataSource.query(
      `INSERT INTO clients (account_id, type, name, email, status)
       SELECT $1, 'PERSON', 'Bulk client ' || i, 'bulk' || i || '@c.example', 'ACTIVE' FROM generate_series(1, 297) AS i`,
      [account],
    );
    const large = await summary();
    expect(large.data?.nodes).toHaveLength(340);
    expect(large.statements).toBe(small.statements);
  });

  it("refuses `first` outside 1 to NETWORK_NODES_MAX, and its largest request stays within the cost limit", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    for (const first of [0, NETWORK_NODES_MAX + 1]) {
      const { body } = await summary(first);
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const document = parse(SUMMARY);
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    )!;
    const cost = (first: number) => operationCost(buildAppSchema(), document, operation, { first });
    // Priced by the bound, not as a short list of 10: six fields a node.
    expect(cost(NETWORK_NODES_MAX)).toBeGreaterThan(NETWORK_NODES_MAX * 6);
    expect(cost(NETWORK_NODES_MAX)).toBeLessThanOrEqual(QUERY_COST_MAX);
    expect(cost(10)).toBeLessThan(cost(NETWORK_NODES_MAX));
  });

  it("is FORBIDDEN to a partner's collaborator and to a client", async () => {
    for (const role of [Role.COLLABORATOR_EXTERNAL, Role.CLIENT]) {
      const outsider = await insertViewer(db.dataSource, role);
      app.actAs(outsider.viewer);
      const { body, data } = await summary();
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(data).toBeNull();
    }
  });
});

describe("splitNodeLimit", () => {
  it.each([
    [500, 40, 300, { partners: 40, clients: 300 }],
    [500, 450, 500, { partners: 250, clients: 250 }],
    [500, 100, 500, { partners: 100, clients: 400 }],
    [500, 500, 20, { partners: 480, clients: 20 }],
    [5, 5, 5, { partners: 2, clients: 3 }],
  ])("first %i with %i partners and %i clients: %o", (first, partners, clients, expected) => {
    expect(splitNodeLimit(first, partners, clients)).toEqual(expected);
  });
});
