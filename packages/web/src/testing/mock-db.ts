/**
 * The mock backend's data, and the read side over it: one query root that every query document
 * is answered from (mock-backend.ts). Reads page and filter as the schema's arguments say; they
 * know no permission or state rule (tests that need the server's refusal answer it themselves).
 */
import { PLAN_SEAT_LIMITS } from "@pn/shared";
import {
  acmeAccount,
  CREATED_AT,
  globexAccount,
  type MockAccount,
  type MockMember,
  USER,
} from "./fixtures/accounts";
import { defaultInvitationLinks, type MockInvitationLink } from "./fixtures/invitations";
import { acmeClients, acmePartners, type MockClient, type MockPartner } from "./fixtures/network";
import { operations } from "./msw-server";

export interface MockBackendOptions {
  signedIn?: boolean;
  /** Whether the signed-in user confirmed their email (the banner shows until then). */
  emailVerified?: boolean;
  accounts?: MockAccount[];
  currentAccountId?: string;
  invitationLinks?: MockInvitationLink[];
  partners?: MockPartner[];
  clients?: MockClient[];
}

export function createDb(options: MockBackendOptions = {}) {
  const accounts = options.accounts ?? [acmeAccount(), globexAccount()];
  return {
    signedIn: options.signedIn ?? true,
    emailVerified: options.emailVerified ?? true,
    currentAccountId: options.currentAccountId ?? accounts[0]!.id,
    accounts,
    invitationLinks: options.invitationLinks ?? defaultInvitationLinks(),
    partners: options.partners ?? acmePartners(),
    clients: options.clients ?? acmeClients(),
    /** Every operation received in this test, in order. */
    operations,
    nextId: 1,
  };
}

export type Db = ReturnType<typeof createDb>;
type Args = Record<string, unknown> & {
  filter?: Record<string, unknown> | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
};

export function current(db: Db): MockAccount {
  const account = db.accounts.find((a) => a.id === db.currentAccountId);
  if (!account) throw new Error(`No mock account ${db.currentAccountId}`);
  return account;
}

export const nowIso = (plusMs = 0) => new Date(Date.now() + plusMs).toISOString();

/** Whether `item` passes a list filter: each given field equals (one of) its values; `search` is text. */
function matches(filter: Args["filter"], item: object, ...texts: (string | null)[]) {
  return Object.entries(filter ?? {}).every(([key, wanted]) => {
    if (wanted === null || wanted === undefined) return true;
    if (key === "search") {
      const needle = String(wanted).toLowerCase();
      return texts.some((text) => text?.toLowerCase().includes(needle));
    }
    const value = (item as Record<string, unknown>)[key];
    return value === undefined || ([wanted].flat() as unknown[]).includes(value);
  });
}

type OrderArg = { field: string; direction: "ASC" | "DESC" } | null | undefined;

/** `COMPANY_NAME` → `companyName`: the node field an order field names. */
const fieldOf = (orderField: string) =>
  orderField.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** `items` as `orderBy` asks (fixture order without it: the server's newest first). */
function ordered<T extends object>(
  items: T[],
  orderBy: OrderArg,
  value: (item: T, field: string) => unknown = (item, field) =>
    (item as Record<string, unknown>)[fieldOf(field)],
): T[] {
  if (!orderBy) return items;
  const sign = orderBy.direction === "DESC" ? -1 : 1;
  return [...items].sort((x, y) => {
    const a = value(x, orderBy.field);
    const b = value(y, orderBy.field);
    const order =
      typeof a === "number" && typeof b === "number"
        ? a - b
        : String(a ?? "").localeCompare(String(b ?? ""), "en", { sensitivity: "base" });
    return sign * order;
  });
}

const cursor = (index: number) => btoa(`cursor:${index}`);
const indexOf = (value: string) => Number(atob(value).slice("cursor:".length));

/** One Relay page of `items` for first/after or last/before. */
export function page<T>(items: readonly T[], args: Args) {
  const before = args.before ? indexOf(args.before) : null;
  const start =
    before !== null
      ? Math.max(0, before - (args.last ?? 50))
      : args.after
        ? indexOf(args.after) + 1
        : 0;
  const end = before ?? Math.min(items.length, start + (args.first ?? 50));
  const nodes = items.slice(start, end);
  return {
    totalCount: items.length,
    nodes,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? cursor(start) : null,
      endCursor: nodes.length ? cursor(end - 1) : null,
    },
  };
}

/** The viewer's own member in `account`. */
export function self(account: MockAccount) {
  const id = account.members.find((m) => m.email === USER.email)?.id ?? `self-${account.id}`;
  return { id, role: account.role };
}

/** The current account's data as schema objects (fields with arguments are functions of them). */
export function graph(db: Db) {
  const account = current(db);
  const findMember = (id: string) => account.members.find((m) => m.id === id);
  const partnerNode = (p: MockPartner) => {
    const people = account.members.filter((m) => m.partnerId === p.id);
    const count = (status: string) => people.filter((m) => m.status === status).length;
    return {
      ...p,
      memberCounts: {
        pending: count("PENDING"),
        active: count("ACTIVE"),
        archived: count("ARCHIVED"),
      },
      members: (args: Args) =>
        page(ordered(people, args.orderBy as OrderArg).map(memberNode), args),
    };
  };
  const memberNode = (m: MockMember) => ({
    ...m,
    partner: () => db.partners.find((p) => p.id === m.partnerId) ?? null,
  });
  const teamOf = (c: MockClient) => {
    const people = c.teamMemberIds.flatMap((id) => findMember(id) ?? []);
    return {
      id: `VGVhbTo${c.id}`,
      lead: people[0] ?? null,
      members: people.map((m, index) => ({ isLead: index === 0, addedAt: CREATED_AT, member: m })),
    };
  };
  const clientNode = (c: MockClient) => ({
    ...c,
    invitation: c.invitation ?? null,
    team: teamOf(c),
  });
  const accountNode = (a: MockAccount) => ({
    ...a,
    seatLimit: PLAN_SEAT_LIMITS[a.plan],
    members: (args: Args) =>
      page(
        ordered(
          a.members.filter((m) => matches(args.filter, m, m.name, m.email)),
          args.orderBy as OrderArg,
        ).map(memberNode),
        args,
      ),
    invitations: (args: Args) =>
      page(
        ordered(
          a.invitations.filter((i) => matches(args.filter, i)),
          args.orderBy as OrderArg,
        ),
        args,
      ),
    partners: (args: Args) =>
      page(
        ordered(
          db.partners
            .filter((p) => p.accountId === a.id)
            .filter((p) =>
              matches(args.filter, p, p.companyName, p.contactName, p.contactEmail, p.domain),
            )
            .map(partnerNode),
          args.orderBy as OrderArg,
          (p, field) =>
            field === "PENDING_MEMBERS"
              ? p.memberCounts.pending
              : (p as Record<string, unknown>)[fieldOf(field)],
        ),
        args,
      ),
    clients: (args: Args) =>
      page(
        ordered(
          db.clients
            .filter((c) => c.accountId === a.id && matches(args.filter, c, c.name, c.email))
            .map(clientNode),
          args.orderBy as OrderArg,
        ),
        args,
      ),
    networkSummary: networkSummaryOf(a),
  });
  /** Partners then clients (not removed), by name, as Account.networkSummary lists them. */
  const networkSummaryOf = (a: MockAccount) => {
    const byName = <T extends { name: string }>(list: T[]) =>
      [...list].sort((x, y) => x.name.localeCompare(y.name));
    const partners = byName(
      db.partners
        .filter((p) => p.accountId === a.id && p.status !== "REMOVED")
        .map((p) => {
          const people = a.members.filter((m) => m.partnerId === p.id);
          return {
            kind: "PARTNER",
            id: p.id,
            name: p.companyName,
            status: p.status,
            activeCount: people.filter((m) => m.status === "ACTIVE").length,
            pendingCount: people.filter((m) => m.status === "PENDING").length,
          };
        }),
    );
    const clients = byName(
      db.clients
        .filter((c) => c.accountId === a.id && c.status !== "REMOVED")
        .map((c) => ({
          kind: "CLIENT",
          id: c.id,
          name: c.name,
          status: c.status,
          activeCount: c.teamMemberIds.length,
          pendingCount: c.invitation?.status === "PENDING" ? 1 : 0,
        })),
    );
    return {
      partnerCount: partners.length,
      clientCount: clients.length,
      nodes: ({ first }: { first: number }) => [...partners, ...clients].slice(0, first),
    };
  };
  const node = (id: string) => {
    const m = findMember(id);
    if (m) return { __typename: "Member", ...memberNode(m) };
    const p = db.partners.find(
      (candidate) => candidate.id === id && candidate.accountId === account.id,
    );
    if (p) return { __typename: "Partner", ...partnerNode(p) };
    const c = db.clients.find(
      (candidate) => candidate.id === id && candidate.accountId === account.id,
    );
    return c ? { __typename: "Client", ...clientNode(c) } : null;
  };
  const viewer = {
    user: { ...USER, emailVerified: db.emailVerified },
    memberships: db.accounts.map((a) => ({ ...self(a), account: a })),
    pendingMemberships: { emailVerified: true, hiddenReason: null, memberships: [] },
    currentAccount: accountNode(account),
    currentMember: self(account),
  };
  /** The query root every query document is answered from. */
  const root = {
    viewer: db.signedIn ? viewer : null,
    node: ({ id }: { id: string }) => node(id),
    invitation: ({ token }: { token: string }) =>
      db.invitationLinks.find((link) => link.token === token) ?? null,
    handleAvailability: ({ handle }: { handle: string }) => ({ handle, available: true }),
  };
  return { account, root, node, accountNode, memberNode, partnerNode, clientNode, teamOf };
}
