/**
 * The partner network in the mock backend: partners, clients, member details and the pending and
 * archived member queues, as msw handlers. They share the state of a `createMockBackend`
 * backend (its accounts, members, current account and operation log), so e.g. activating a
 * pending member here moves them into the Active list that mock backend serves.
 *
 * Data the core backend does not model (a member's partner, title, login, dates) lives here,
 * keyed by member id, with defaults.
 */
import {
  isValidDomain,
  isValidEmail,
  isValidPhone,
  isValidPublicUrl,
  PLAN_SEAT_LIMITS,
} from "@pn/shared";
import { graphql, type GraphQLResponseBody, http, HttpResponse } from "msw";
import type {
  AddTeamMemberMutation,
  AddTeamMemberMutationVariables,
  ClientDetailsQuery,
  ClientDetailsQueryVariables,
  CreateClientInviteLinkMutation,
  CreateClientInviteLinkMutationVariables,
  ImportClientsMutation,
  ImportClientsMutationVariables,
  InviteClientMutation,
  InviteClientMutationVariables,
  MakeTeamLeadMutation,
  MakeTeamLeadMutationVariables,
  MyClientQuery,
  RemoveTeamMemberMutation,
  RemoveTeamMemberMutationVariables,
  ReplaceTeamMemberMutation,
  ReplaceTeamMemberMutationVariables,
  TeamCandidatesQuery,
  ActivateMembersMutation,
  ActivateMembersMutationVariables,
  AddExternalMemberMutation,
  AddExternalMemberMutationVariables,
  ArchiveMembersMutation,
  ArchiveMembersMutationVariables,
  ClientsListQuery,
  ClientsListQueryVariables,
  ClientsPermissionsQuery,
  CreatePartnerMutation,
  CreatePartnerMutationVariables,
  InvitePartnerMutation,
  InvitePartnerMutationVariables,
  MemberCountsQuery,
  MemberDetailsQuery,
  MemberDetailsQueryVariables,
  MemberPartnerOptionsQuery,
  MemberQueueQuery,
  MemberQueueQueryVariables,
  PartnerDetailsQuery,
  PartnerDetailsQueryVariables,
  PartnerMembersQuery,
  PartnerMembersQueryVariables,
  PartnersListQuery,
  PartnersListQueryVariables,
  PartnersPermissionsQuery,
  RemoveClientFromNetworkMutation,
  RemoveClientFromNetworkMutationVariables,
  RemovePartnerFromNetworkMutation,
  RemovePartnerFromNetworkMutationVariables,
  ResendClientInvitationMutation,
  ResendClientInvitationMutationVariables,
  ResendPartnerInvitationMutation,
  ResendPartnerInvitationMutationVariables,
  RestoreMembersMutation,
  RestoreMembersMutationVariables,
  UpdateMemberMutation,
  UpdateMemberMutationVariables,
  UpdatePartnerMutation,
  UpdatePartnerMutationVariables,
} from "../gql/graphql";
import {
  acmeAccount,
  createMockBackend,
  globexAccount,
  member,
  type MockAccount,
  type MockBackend,
  type MockBackendOptions,
  USER,
} from "./mock-backend";
import { server } from "./msw-server";

type MemberNode = MockAccount["members"][number];
type Role = MemberNode["role"];
type MemberStatus = MemberNode["status"];
type PartnerListNode = NonNullable<
  NonNullable<PartnersListQuery["viewer"]>["currentAccount"]
>["partners"]["nodes"][number];
type PartnerStatus = PartnerListNode["status"];
type PartnerDetails = Extract<NonNullable<PartnerDetailsQuery["node"]>, { __typename: "Partner" }>;
type ClientDetails = Extract<NonNullable<ClientDetailsQuery["node"]>, { __typename: "Client" }>;
type ClientNode = NonNullable<
  NonNullable<ClientsListQuery["viewer"]>["currentAccount"]
>["clients"]["nodes"][number];
type UserError = UpdateMemberMutation["updateMember"]["userErrors"][number];
type UserErrorCode = UserError["code"];

/** A partner of one account, with every field any partner query asks for. */
export interface MockPartner {
  id: string;
  /** The account this partner belongs to (whose Partners page lists it). */
  accountId: string;
  companyName: string;
  contactName: string | null;
  contactEmail: string | null;
  status: PartnerStatus;
  allowLogin: boolean;
  guest: boolean;
  domain: string | null;
  externalId: string | null;
  publicUrl: string | null;
  logoUrl: string | null;
  partnerAccount: { id: string; name: string; handle: string } | null;
  createdAt: string;
  connectedAt: string | null;
  removedAt: string | null;
  invitation: PartnerDetails["invitation"];
}

/** A client of one account. */
export interface MockClient extends Omit<ClientNode, "__typename" | "clientAccount" | "team"> {
  accountId: string;
  clientAccount: { id: string; name: string; handle: string } | null;
  phone: string | null;
  /** The team's member ids, lead first (empty for a linked account). */
  teamMemberIds: string[];
  /** The client's own member once they accepted: what they see signed in as a CLIENT. */
  memberId: string | null;
  /** The client's latest invitation, when a test needs one (none by default). */
  invitation?: ClientDetails["invitation"];
}

/** What the core backend's members lack. */
export interface MockMemberExtra {
  title: string | null;
  canLogin: boolean;
  partnerId: string | null;
  createdAt: string;
  activatedAt: string | null;
  archivedAt: string | null;
}

export interface NetworkOptions {
  partners?: MockPartner[];
  clients?: MockClient[];
  memberExtras?: Record<string, Partial<MockMemberExtra>>;
}

const ACME_ID = acmeAccount().id;

const CREATED_AT = "2026-01-05T10:00:00.000Z";
const ADMINS: Role[] = ["OWNER", "ADMINISTRATOR"];
const EDITORS: Role[] = [...ADMINS, "EDITOR"];

/** Accounts elsewhere on Partner Network, found by their handle ("account ID"). */
export const DIRECTORY = [
  { id: "QWNjb3VudDo1", name: "Initech", handle: "initech" },
  { id: "QWNjb3VudDo2", name: "Soylent", handle: "soylent" },
];

export function partner(
  index: number,
  overrides: Partial<MockPartner> & Pick<MockPartner, "companyName">,
): MockPartner {
  return {
    id: `UGFydG5lcjo${index}`,
    accountId: ACME_ID,
    contactName: null,
    contactEmail: null,
    status: "ACTIVE",
    allowLogin: false,
    guest: false,
    domain: null,
    externalId: null,
    publicUrl: null,
    logoUrl: null,
    partnerAccount: null,
    createdAt: CREATED_AT,
    connectedAt: null,
    removedAt: null,
    invitation: null,
    ...overrides,
  };
}

export const INITECH = partner(1, {
  companyName: "Initech",
  contactName: "Peter Gibbons",
  contactEmail: "peter@initech.example",
  allowLogin: true,
  partnerAccount: DIRECTORY[0]!,
  connectedAt: "2026-01-06T09:00:00.000Z",
  logoUrl: "/api/partners/UGFydG5lcjo1/logo?v=1",
});

/** Acme's partners: one linked (Initech), one invited, one guest company, one removed. */
export function acmePartners(): MockPartner[] {
  return [
    { ...INITECH },
    partner(2, {
      companyName: "Umbrella",
      contactName: "Jill Valentine",
      contactEmail: "jill@umbrella.example",
      status: "INVITED",
      invitation: {
        __typename: "Invitation",
        id: "SW52aXRhdGlvbjpw",
        status: "PENDING",
        delivery: "SENT",
        expiresAt: "2026-12-01T10:00:00.000Z",
      },
    }),
    partner(3, { companyName: "Hooli Guests", guest: true, domain: "hooli.example" }),
    partner(4, {
      companyName: "Vandelay Industries",
      status: "REMOVED",
      removedAt: "2026-01-09T10:00:00.000Z",
    }),
  ];
}

/** Acme's clients: an account that has Acme as its partner, a removed one and a person. */
export function acmeClients(): MockClient[] {
  return [
    {
      id: "Q2xpZW50OjE",
      accountId: ACME_ID,
      type: "ACCOUNT",
      name: "Soylent",
      email: null,
      status: "ACTIVE",
      createdAt: CREATED_AT,
      removedAt: null,
      clientAccount: DIRECTORY[1]!,
      phone: null,
      teamMemberIds: [],
      memberId: null,
    },
    {
      id: "Q2xpZW50OjI",
      accountId: ACME_ID,
      type: "ACCOUNT",
      name: "Cyberdyne",
      email: null,
      status: "REMOVED",
      createdAt: CREATED_AT,
      removedAt: "2026-01-08T10:00:00.000Z",
      clientAccount: { id: "QWNjb3VudDo3", name: "Cyberdyne", handle: "cyberdyne" },
      phone: null,
      teamMemberIds: [],
      memberId: null,
    },
    {
      id: "Q2xpZW50OjM",
      accountId: ACME_ID,
      type: "PERSON",
      name: "Paula Person",
      email: "paula@example.com",
      status: "ACTIVE",
      createdAt: CREATED_AT,
      removedAt: null,
      clientAccount: null,
      phone: "+1 555 0100",
      // Alan leads; Grace is in the team too.
      teamMemberIds: [member(2).id, member(1).id],
      memberId: null,
    },
  ];
}

/** Initech's people in Acme: Pat (active, from the core fixture) and three pending ones. */
export const PENDING_PEOPLE = [
  member(40, { name: "Milton Waddams", email: "milton@initech.example", status: "PENDING" }),
  member(41, { name: "Samir Nagheenanajar", email: "samir@initech.example", status: "PENDING" }),
  member(42, { name: "Michael Bolton", email: "michael@initech.example", status: "PENDING" }),
].map((m) => ({ ...m, type: "EXTERNAL" as const, role: "COLLABORATOR_EXTERNAL" as const }));

export const ARCHIVED_PERSON = {
  ...member(43, { name: "Bob Slydell", email: "bob@vandelay.example", status: "ARCHIVED" }),
  type: "EXTERNAL" as const,
  role: "COLLABORATOR_EXTERNAL" as const,
};

const PAT_ID = member(3).id;

export function defaultMemberExtras(): Record<string, Partial<MockMemberExtra>> {
  return {
    [PAT_ID]: { partnerId: INITECH.id, title: "Consultant" },
    ...Object.fromEntries(PENDING_PEOPLE.map((m) => [m.id, { partnerId: INITECH.id }])),
    [ARCHIVED_PERSON.id]: {
      partnerId: "UGFydG5lcjo4",
      archivedAt: "2026-01-09T10:00:00.000Z",
    },
  };
}

/** Acme with Initech's pending people and an archived external member. */
export function networkAcmeAccount(overrides: Partial<MockAccount> = {}): MockAccount {
  const base = acmeAccount(overrides);
  return {
    ...base,
    // Copies: tests change members' statuses and names in place.
    members: overrides.members ?? [
      ...base.members,
      ...PENDING_PEOPLE.map((m) => ({ ...m })),
      { ...ARCHIVED_PERSON },
    ],
  };
}

function ok<T extends Record<string, unknown>>(data: T) {
  return HttpResponse.json<GraphQLResponseBody<T>>({ data });
}

function forbidden<T extends Record<string, unknown>>() {
  return HttpResponse.json<GraphQLResponseBody<T>>({
    data: null,
    errors: [{ message: "Your role does not allow this.", extensions: { code: "FORBIDDEN" } }],
  });
}

function userError(code: UserErrorCode, message: string, field: string[] | null): UserError {
  return { __typename: "UserError", code, message, field };
}

/** The server's resend rule: an open or expired invitation gets a new lifetime; others are refused. */
function resent<
  I extends { __typename?: "Invitation"; id: string; status: string; expiresAt: string },
>(invitation: I | null, lifetimeMs: number) {
  const refuse = (code: UserErrorCode, message: string) => ({
    __typename: "InvitationPayload" as const,
    invitation: null,
    userErrors: [userError(code, message, ["invitationId"])],
  });
  if (!invitation) return refuse("NOT_FOUND", "No such invitation.");
  if (invitation.status !== "PENDING" && invitation.status !== "EXPIRED") {
    return refuse(
      "INVALID_STATE",
      `This invitation is ${invitation.status.toLowerCase()} already.`,
    );
  }
  Object.assign(invitation, {
    status: "PENDING",
    expiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
  });
  return {
    __typename: "InvitationPayload" as const,
    invitation: { ...invitation, __typename: "Invitation" as const },
    userErrors: [],
  };
}

function encodeCursor(index: number): string {
  return btoa(`cursor:${index}`);
}

function decodeCursor(cursor: string): number {
  return Number(atob(cursor).slice("cursor:".length));
}

/** One page of `items` for first/after or last/before, with Relay page info. */
function paginate<T>(
  items: readonly T[],
  variables: {
    first?: number | null;
    after?: string | null;
    last?: number | null;
    before?: string | null;
  },
) {
  let start: number;
  let end: number;
  if (variables.before) {
    end = decodeCursor(variables.before);
    start = Math.max(0, end - (variables.last ?? 50));
  } else {
    start = variables.after ? decodeCursor(variables.after) + 1 : 0;
    end = Math.min(items.length, start + (variables.first ?? 50));
  }
  const nodes = items.slice(start, end);
  return {
    totalCount: items.length,
    nodes,
    pageInfo: {
      __typename: "PageInfo" as const,
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? encodeCursor(start) : null,
      endCursor: nodes.length ? encodeCursor(end - 1) : null,
    },
  };
}

function asArray<T>(value: T | readonly T[] | null | undefined): readonly T[] | null {
  if (value === null || value === undefined) return null;
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function includesText(search: string, ...values: (string | null | undefined)[]) {
  const needle = search.toLowerCase();
  return values.some((value) => value?.toLowerCase().includes(needle));
}

export interface LogoUpload {
  partnerId: string;
  /** The CSRF header the server requires. */
  preflight: string | null;
}

/**
 * Handlers for the network operations, on the state of `core`. Install after the core's
 * handlers (msw prefers the handlers added last; these answer only operations the core does
 * not).
 */
export function createNetworkHandlers(core: MockBackend, options: NetworkOptions = {}) {
  const allPartners = options.partners ?? acmePartners();
  const network = {
    partners: allPartners,
    clients: options.clients ?? acmeClients(),
    extras: { ...defaultMemberExtras(), ...options.memberExtras } as Record<
      string,
      Partial<MockMemberExtra>
    >,
    uploads: [] as LogoUpload[],
    nextId: 1,
  };

  const record = (operationName: string, variables: Record<string, unknown>) => {
    core.state.operations.push({ operationName, variables });
  };
  const current = (): MockAccount => {
    const account = core.state.accounts.find((a) => a.id === core.state.currentAccountId);
    if (!account) throw new Error(`No mock account ${core.state.currentAccountId}`);
    return account;
  };
  const viewerMember = (account: MockAccount) => ({
    __typename: "Member" as const,
    id: account.members.find((m) => m.email === USER.email)?.id ?? `self-${account.id}`,
    role: account.role,
  });
  const extraOf = (m: MemberNode): MockMemberExtra => ({
    title: null,
    canLogin: m.type === "INTERNAL",
    partnerId: null,
    createdAt: CREATED_AT,
    activatedAt: m.status === "ACTIVE" ? CREATED_AT : null,
    archivedAt: null,
    ...network.extras[m.id],
  });
  const setExtra = (memberId: string, patch: Partial<MockMemberExtra>) => {
    network.extras[memberId] = { ...network.extras[memberId], ...patch };
  };
  const partnersOf = (account: MockAccount) =>
    network.partners.filter((p) => p.accountId === account.id);
  const findPartner = (account: MockAccount, id: string) =>
    partnersOf(account).find((p) => p.id === id) ?? null;
  const partnerRef = (partnerId: string | null, account: MockAccount) => {
    const found = partnerId ? findPartner(account, partnerId) : null;
    return found
      ? { __typename: "Partner" as const, id: found.id, companyName: found.companyName }
      : null;
  };
  const peopleOf = (account: MockAccount, p: MockPartner) =>
    account.members.filter((m) => extraOf(m).partnerId === p.id);
  const memberCounts = (account: MockAccount, p: MockPartner) => {
    const people = peopleOf(account, p);
    const count = (status: MemberStatus) => people.filter((m) => m.status === status).length;
    return {
      __typename: "MemberCounts" as const,
      pending: count("PENDING"),
      active: count("ACTIVE"),
      archived: count("ARCHIVED"),
    };
  };
  const accountSummary = (summary: MockPartner["partnerAccount"]) =>
    summary ? { __typename: "AccountSummary" as const, ...summary } : null;
  const partnerDetails = (account: MockAccount, p: MockPartner): PartnerDetails => ({
    __typename: "Partner",
    id: p.id,
    companyName: p.companyName,
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    status: p.status,
    allowLogin: p.allowLogin,
    guest: p.guest,
    domain: p.domain,
    externalId: p.externalId,
    publicUrl: p.publicUrl,
    logoUrl: p.logoUrl,
    createdAt: p.createdAt,
    connectedAt: p.connectedAt,
    removedAt: p.removedAt,
    partnerAccount: accountSummary(p.partnerAccount),
    memberCounts: memberCounts(account, p),
    invitation: p.invitation,
  });

  /** The server's rules for activate/archive/restore: all listed members change, or none. */
  const changeStatus = (
    memberIds: readonly string[],
    from: readonly MemberStatus[],
    to: MemberStatus,
    verb: string,
  ) => {
    const account = current();
    const errors: UserError[] = [];
    const found = memberIds.map((id, index) => {
      const m = account.members.find((candidate) => candidate.id === id);
      const field = ["memberIds", String(index)];
      if (!m) errors.push(userError("NOT_FOUND", "No such member.", field));
      else if (!from.includes(m.status)) {
        errors.push(
          userError(
            "INVALID_STATE",
            `This member cannot be ${verb}: they are ${m.status.toLowerCase()}.`,
            field,
          ),
        );
      } else if (to === "ARCHIVED" && m.role === "OWNER") {
        errors.push(userError("INVALID_STATE", "The owner cannot be archived.", field));
      }
      return m;
    });
    // Seats as on the server: active internal members use one each.
    const usesSeat = (m: MemberNode) => m.type === "INTERNAL" && m.status === "ACTIVE";
    const candidates = found.flatMap((m) => (m ? [m] : []));
    const seatDelta = candidates.reduce(
      (delta, m) =>
        delta + (m.type === "INTERNAL" ? (to === "ACTIVE" ? 1 : 0) - (usesSeat(m) ? 1 : 0) : 0),
      0,
    );
    const seatLimit = PLAN_SEAT_LIMITS[account.plan];
    if (
      !errors.length &&
      seatDelta > 0 &&
      seatLimit !== null &&
      account.seatsUsed + seatDelta > seatLimit
    ) {
      errors.push(
        userError(
          "SEAT_LIMIT_REACHED",
          `${account.seatsUsed} of ${seatLimit} seats are used and this needs ${seatDelta} more.`,
          ["memberIds"],
        ),
      );
    }
    if (errors.length) return { members: [], userErrors: errors };
    account.seatsUsed += seatDelta;
    const at = new Date().toISOString();
    const changed = candidates;
    for (const m of changed) {
      m.status = to;
      setExtra(
        m.id,
        to === "ARCHIVED" ? { archivedAt: at } : { activatedAt: at, archivedAt: null },
      );
    }
    return {
      members: changed.map((m) => ({
        __typename: "Member" as const,
        id: m.id,
        status: m.status,
        activatedAt: extraOf(m).activatedAt,
        archivedAt: extraOf(m).archivedAt,
      })),
      userErrors: [],
    };
  };

  const partnerFieldErrors = (
    fields: {
      companyName?: string | null;
      domain?: string | null;
      publicUrl?: string | null;
      externalId?: string | null;
    },
    account: MockAccount,
    exceptId: string | null,
    requireName: boolean,
  ) => {
    const errors: UserError[] = [];
    const name = fields.companyName?.trim();
    if (
      (requireName && !name) ||
      (fields.companyName !== undefined && fields.companyName !== null && !name)
    ) {
      errors.push(userError("INVALID", "Company name is required.", ["companyName"]));
    }
    const domain = fields.domain?.trim();
    if (domain && !isValidDomain(domain.toLowerCase())) {
      errors.push(userError("INVALID", "Enter a domain such as example.com.", ["domain"]));
    }
    const url = fields.publicUrl?.trim();
    if (url && !isValidPublicUrl(url)) {
      errors.push(userError("INVALID", "Enter a full http(s) URL.", ["publicUrl"]));
    }
    const externalId = fields.externalId?.trim();
    if (
      externalId &&
      partnersOf(account).some((p) => p.externalId === externalId && p.id !== exceptId)
    ) {
      errors.push(userError("TAKEN", "Another partner has this external ID.", ["externalId"]));
    }
    return errors;
  };
  const text = (value: string | null | undefined) =>
    value === undefined || value === null ? undefined : value.trim() || null;

  const teamIdOf = (c: MockClient) => `VGVhbTo${c.id}`;
  const personOf = (account: MockAccount, memberId: string) =>
    account.members.find((m) => m.id === memberId) ?? null;
  const leadOf = (account: MockAccount, c: MockClient) => {
    const lead = c.teamMemberIds[0] ? personOf(account, c.teamMemberIds[0]) : null;
    return lead
      ? { __typename: "Member" as const, id: lead.id, name: lead.name, email: lead.email }
      : null;
  };
  const teamOf = (account: MockAccount, c: MockClient) => ({
    __typename: "Team" as const,
    id: teamIdOf(c),
    lead: leadOf(account, c),
    members: c.teamMemberIds.flatMap((id, index) => {
      const m = personOf(account, id);
      return m
        ? [
            {
              __typename: "TeamMembership" as const,
              isLead: index === 0,
              addedAt: CREATED_AT,
              member: {
                __typename: "Member" as const,
                id: m.id,
                name: m.name,
                email: m.email,
                title: extraOf(m).title,
                status: m.status,
              },
            },
          ]
        : [];
    }),
  });
  /** Active internal people: who may serve in a team. */
  const staffOf = (account: MockAccount) =>
    account.members.filter((m) => m.type === "INTERNAL" && m.status === "ACTIVE");
  const findClient = (account: MockAccount, id: string) =>
    network.clients.find((c) => c.id === id && c.accountId === account.id) ?? null;
  /** The server's checks on a list of team member ids: at least one, known, active, no repeats. */
  const teamErrors = (account: MockAccount, ids: readonly string[]) => {
    if (ids.length === 0) {
      return [userError("INVALID", "Choose at least one team member.", ["teamMemberIds"])];
    }
    const staff = staffOf(account);
    return ids.flatMap((id, index) =>
      !staff.some((m) => m.id === id)
        ? [
            userError("NOT_FOUND", "Not an active person of your account.", [
              "teamMemberIds",
              String(index),
            ]),
          ]
        : ids.indexOf(id) !== index
          ? [userError("INVALID", "Listed twice.", ["teamMemberIds", String(index)])]
          : [],
    );
  };
  const openClientWithEmail = (account: MockAccount, email: string) =>
    network.clients.find(
      (c) =>
        c.accountId === account.id &&
        c.status !== "REMOVED" &&
        c.email?.toLowerCase() === email.toLowerCase(),
    ) ?? null;
  const newClient = (
    account: MockAccount,
    fields: { name: string; email: string; phone: string | null; teamMemberIds: string[] },
  ): MockClient => {
    network.nextId += 1;
    const c: MockClient = {
      id: `Q2xpZW50Om5ld${network.nextId}`,
      accountId: account.id,
      type: "PERSON",
      status: "INVITED",
      createdAt: new Date().toISOString(),
      removedAt: null,
      clientAccount: null,
      memberId: null,
      ...fields,
    };
    network.clients.unshift(c);
    return c;
  };
  /** A team mutation's answer: the team, or userErrors and nothing changed. */
  const teamPayload = (account: MockAccount, c: MockClient | null, errors: UserError[]) => ({
    __typename: "TeamPayload" as const,
    team: errors.length || !c ? null : teamOf(account, c),
    userErrors: errors,
  });
  /** Finds the client and the member in its team, or the server's NOT_FOUND. */
  const teamTarget = (account: MockAccount, clientId: string, memberId: string) => {
    const c = findClient(account, clientId);
    if (!c) return { c: null, errors: [userError("NOT_FOUND", "No such client.", ["clientId"])] };
    if (!c.teamMemberIds.includes(memberId)) {
      return { c, errors: [userError("NOT_FOUND", "Not in this team.", ["memberId"])] };
    }
    return { c, errors: [] as UserError[] };
  };

  const handlers = [
    graphql.query<MemberCountsQuery>("MemberCounts", () => {
      record("MemberCounts", {});
      const account = current();
      const count = (status: MemberStatus) => ({
        __typename: "MemberConnection" as const,
        totalCount: account.members.filter((m) => m.status === status).length,
      });
      return ok<MemberCountsQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            active: count("ACTIVE"),
            pending: count("PENDING"),
            archived: count("ARCHIVED"),
          },
        },
      });
    }),

    graphql.query<MemberQueueQuery, MemberQueueQueryVariables>("MemberQueue", ({ variables }) => {
      record("MemberQueue", variables);
      const account = current();
      const statuses = asArray(variables.filter?.status);
      const search = variables.filter?.search ?? "";
      const partnerId = variables.filter?.partnerId ?? null;
      const matching = account.members.filter(
        (m) =>
          (!statuses || statuses.includes(m.status)) &&
          (!partnerId || extraOf(m).partnerId === partnerId) &&
          (!search || includesText(search, m.name, m.email)),
      );
      const page = paginate(matching, variables);
      return ok<MemberQueueQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            members: {
              __typename: "MemberConnection",
              ...page,
              nodes: page.nodes.map((m) => ({
                ...m,
                createdAt: extraOf(m).createdAt,
                archivedAt: extraOf(m).archivedAt,
                partner: partnerRef(extraOf(m).partnerId, account),
              })),
            },
          },
        },
      });
    }),

    graphql.query<MemberDetailsQuery, MemberDetailsQueryVariables>(
      "MemberDetails",
      ({ variables }) => {
        record("MemberDetails", variables);
        const account = current();
        const m = account.members.find((candidate) => candidate.id === variables.id);
        if (!m) return ok<MemberDetailsQuery>({ __typename: "Query", node: null });
        const extra = extraOf(m);
        return ok<MemberDetailsQuery>({
          __typename: "Query",
          node: {
            ...m,
            title: extra.title,
            canLogin: extra.canLogin,
            createdAt: extra.createdAt,
            activatedAt: extra.activatedAt,
            archivedAt: extra.archivedAt,
            partner: partnerRef(extra.partnerId, account),
          },
        });
      },
    ),

    graphql.query<MemberPartnerOptionsQuery>("MemberPartnerOptions", () => {
      record("MemberPartnerOptions", {});
      const account = current();
      return ok<MemberPartnerOptionsQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            partners: {
              __typename: "PartnerConnection",
              nodes: partnersOf(account).map((p) => ({
                __typename: "Partner",
                id: p.id,
                companyName: p.companyName,
                status: p.status,
              })),
            },
          },
        },
      });
    }),

    graphql.mutation<ActivateMembersMutation, ActivateMembersMutationVariables>(
      "ActivateMembers",
      ({ variables }) => {
        record("ActivateMembers", variables);
        if (!ADMINS.includes(current().role)) return forbidden<ActivateMembersMutation>();
        const ids = asArray(variables.input.memberIds) ?? [];
        return ok<ActivateMembersMutation>({
          __typename: "Mutation",
          activateMembers: {
            __typename: "MembersPayload",
            ...changeStatus(ids, ["PENDING"], "ACTIVE", "activated"),
          },
        });
      },
    ),

    graphql.mutation<ArchiveMembersMutation, ArchiveMembersMutationVariables>(
      "ArchiveMembers",
      ({ variables }) => {
        record("ArchiveMembers", variables);
        if (!ADMINS.includes(current().role)) return forbidden<ArchiveMembersMutation>();
        const ids = asArray(variables.input.memberIds) ?? [];
        return ok<ArchiveMembersMutation>({
          __typename: "Mutation",
          archiveMembers: {
            __typename: "MembersPayload",
            ...changeStatus(ids, ["PENDING", "ACTIVE"], "ARCHIVED", "archived"),
          },
        });
      },
    ),

    graphql.mutation<RestoreMembersMutation, RestoreMembersMutationVariables>(
      "RestoreMembers",
      ({ variables }) => {
        record("RestoreMembers", variables);
        if (!ADMINS.includes(current().role)) return forbidden<RestoreMembersMutation>();
        const ids = asArray(variables.input.memberIds) ?? [];
        return ok<RestoreMembersMutation>({
          __typename: "Mutation",
          restoreMembers: {
            __typename: "MembersPayload",
            ...changeStatus(ids, ["ARCHIVED"], "ACTIVE", "restored"),
          },
        });
      },
    ),

    graphql.mutation<UpdateMemberMutation, UpdateMemberMutationVariables>(
      "UpdateMember",
      ({ variables }) => {
        record("UpdateMember", variables);
        const account = current();
        const { memberId, role, canLogin, name, title } = variables.input;
        const managing = role != null || canLogin != null;
        if (!(managing ? ADMINS : EDITORS).includes(account.role)) {
          return forbidden<UpdateMemberMutation>();
        }
        const fail = (...userErrors: UserError[]) =>
          ok<UpdateMemberMutation>({
            __typename: "Mutation",
            updateMember: { __typename: "MemberPayload", member: null, userErrors },
          });
        const m = account.members.find((candidate) => candidate.id === memberId);
        if (!m) return fail(userError("NOT_FOUND", "No such member.", ["memberId"]));
        const errors: UserError[] = [];
        if (role != null) {
          if (m.role === "OWNER") {
            errors.push(
              userError(
                "INVALID_STATE",
                "The owner's role changes only by transferring ownership.",
                ["role"],
              ),
            );
          } else if (m.type === "EXTERNAL") {
            errors.push(
              userError("INVALID", "External members are always collaborators.", ["role"]),
            );
          } else if (!["ADMINISTRATOR", "EDITOR", "VIEWER"].includes(role)) {
            errors.push(userError("INVALID", "Choose Administrator, Editor or Viewer.", ["role"]));
          }
        }
        if (canLogin === false && m.email === USER.email) {
          errors.push(
            userError("INVALID_STATE", "You cannot turn off your own login.", ["canLogin"]),
          );
        }
        if (name != null && !name.trim()) {
          errors.push(userError("INVALID", "Name cannot be empty.", ["name"]));
        }
        if (errors.length) return fail(...errors);
        if (role != null) m.role = role;
        if (name != null) m.name = name.trim();
        if (canLogin != null) setExtra(m.id, { canLogin });
        if (title != null) setExtra(m.id, { title: title.trim() || null });
        const extra = extraOf(m);
        return ok<UpdateMemberMutation>({
          __typename: "Mutation",
          updateMember: {
            __typename: "MemberPayload",
            member: {
              __typename: "Member",
              id: m.id,
              name: m.name,
              title: extra.title,
              role: m.role,
              canLogin: extra.canLogin,
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.query<PartnersPermissionsQuery>("PartnersPermissions", () => {
      record("PartnersPermissions", {});
      const account = current();
      return ok<PartnersPermissionsQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: { __typename: "Account", id: account.id },
          currentMember: viewerMember(account),
        },
      });
    }),

    graphql.query<PartnersListQuery, PartnersListQueryVariables>(
      "PartnersList",
      ({ variables }) => {
        record("PartnersList", variables);
        const account = current();
        const statuses = asArray(variables.filter?.status);
        const search = variables.filter?.search ?? "";
        const matching = partnersOf(account).filter(
          (p) =>
            (!statuses || statuses.includes(p.status)) &&
            (!search ||
              includesText(search, p.companyName, p.contactName, p.contactEmail, p.domain)),
        );
        const page = paginate(matching, variables);
        return ok<PartnersListQuery>({
          __typename: "Query",
          viewer: {
            __typename: "Viewer",
            currentAccount: {
              __typename: "Account",
              id: account.id,
              partners: {
                __typename: "PartnerConnection",
                ...page,
                nodes: page.nodes.map((p) => ({
                  __typename: "Partner",
                  id: p.id,
                  companyName: p.companyName,
                  contactName: p.contactName,
                  contactEmail: p.contactEmail,
                  status: p.status,
                  guest: p.guest,
                  logoUrl: p.logoUrl,
                  partnerAccount: accountSummary(p.partnerAccount),
                  memberCounts: memberCounts(account, p),
                })),
              },
            },
          },
        });
      },
    ),

    graphql.query<PartnerDetailsQuery, PartnerDetailsQueryVariables>(
      "PartnerDetails",
      ({ variables }) => {
        record("PartnerDetails", variables);
        const account = current();
        const p = findPartner(account, variables.id);
        return ok<PartnerDetailsQuery>({
          __typename: "Query",
          viewer: { __typename: "Viewer", currentMember: viewerMember(account) },
          node: p ? partnerDetails(account, p) : null,
        });
      },
    ),

    graphql.query<PartnerMembersQuery, PartnerMembersQueryVariables>(
      "PartnerMembers",
      ({ variables }) => {
        record("PartnerMembers", variables);
        const account = current();
        const p = findPartner(account, variables.id);
        if (!p) return ok<PartnerMembersQuery>({ __typename: "Query", node: null });
        const page = paginate(peopleOf(account, p), variables);
        return ok<PartnerMembersQuery>({
          __typename: "Query",
          node: {
            __typename: "Partner",
            id: p.id,
            members: {
              __typename: "MemberConnection",
              ...page,
              nodes: page.nodes.map((m) => ({
                __typename: "Member",
                id: m.id,
                name: m.name,
                email: m.email,
                status: m.status,
                title: extraOf(m).title,
                canLogin: extraOf(m).canLogin,
              })),
            },
          },
        });
      },
    ),

    graphql.mutation<InvitePartnerMutation, InvitePartnerMutationVariables>(
      "InvitePartner",
      ({ variables }) => {
        record("InvitePartner", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<InvitePartnerMutation>();
        const fail = (...userErrors: UserError[]) =>
          ok<InvitePartnerMutation>({
            __typename: "Mutation",
            invitePartner: {
              __typename: "PartnerPayload",
              partner: null,
              invitation: null,
              userErrors,
            },
          });
        const email = variables.input.email?.trim().toLowerCase() || null;
        const handle = variables.input.accountHandle?.trim().toLowerCase() || null;
        if ((email === null) === (handle === null)) {
          return fail(
            userError("INVALID", "Give either the partner's email or their account ID, not both.", [
              email ? "accountHandle" : "email",
            ]),
          );
        }
        if (email && !isValidEmail(email)) {
          return fail(userError("INVALID", "Enter a valid email address.", ["email"]));
        }
        let target: MockPartner["partnerAccount"] = null;
        if (handle) {
          const others = [
            ...core.state.accounts.map(({ id, name, handle: h }) => ({ id, name, handle: h })),
            ...DIRECTORY,
          ];
          target = others.find((a) => a.handle === handle) ?? null;
          if (!target) {
            return fail(
              userError("NOT_FOUND", `No account has the ID "${handle}".`, ["accountHandle"]),
            );
          }
          if (target.id === account.id) {
            return fail(
              userError("INVALID", "An account cannot be its own partner.", ["accountHandle"]),
            );
          }
          const linked = target.id;
          if (
            partnersOf(account).some(
              (p) => p.partnerAccount?.id === linked && p.status !== "REMOVED",
            )
          ) {
            return fail(
              userError("TAKEN", `${target.name} is already your partner.`, ["accountHandle"]),
            );
          }
        }
        const created = partner(100 + network.nextId++, {
          accountId: account.id,
          companyName:
            variables.input.companyName?.trim() || target?.name || email?.split("@")[1] || "",
          contactName: variables.input.contactName?.trim() || null,
          contactEmail: email,
          status: "INVITED",
          allowLogin: variables.input.allowLogin ?? false,
          partnerAccount: target,
          invitation: {
            __typename: "Invitation",
            id: `SW52aXRhdGlvbjpw${network.nextId}`,
            status: "PENDING",
            delivery: "QUEUED",
            expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
          },
        });
        network.partners.unshift(created);
        return ok<InvitePartnerMutation>({
          __typename: "Mutation",
          invitePartner: {
            __typename: "PartnerPayload",
            partner: {
              __typename: "Partner",
              id: created.id,
              companyName: created.companyName,
              status: created.status,
            },
            invitation: {
              __typename: "Invitation",
              id: created.invitation!.id,
              status: "PENDING",
              delivery: "QUEUED",
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<CreatePartnerMutation, CreatePartnerMutationVariables>(
      "CreatePartner",
      ({ variables }) => {
        record("CreatePartner", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<CreatePartnerMutation>();
        const { input } = variables;
        const errors = partnerFieldErrors(input, account, null, true);
        if (errors.length) {
          return ok<CreatePartnerMutation>({
            __typename: "Mutation",
            createPartner: { __typename: "PartnerPayload", partner: null, userErrors: errors },
          });
        }
        const created = partner(100 + network.nextId++, {
          accountId: account.id,
          companyName: input.companyName.trim(),
          domain: text(input.domain) ?? null,
          externalId: text(input.externalId) ?? null,
          publicUrl: text(input.publicUrl) ?? null,
          guest: input.guest ?? false,
          allowLogin: input.allowLogin ?? false,
        });
        network.partners.unshift(created);
        return ok<CreatePartnerMutation>({
          __typename: "Mutation",
          createPartner: {
            __typename: "PartnerPayload",
            partner: {
              __typename: "Partner",
              id: created.id,
              companyName: created.companyName,
              status: created.status,
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<UpdatePartnerMutation, UpdatePartnerMutationVariables>(
      "UpdatePartner",
      ({ variables }) => {
        record("UpdatePartner", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<UpdatePartnerMutation>();
        const { input } = variables;
        const fail = (...userErrors: UserError[]) =>
          ok<UpdatePartnerMutation>({
            __typename: "Mutation",
            updatePartner: { __typename: "PartnerPayload", partner: null, userErrors },
          });
        const p = findPartner(account, input.partnerId);
        if (!p) return fail(userError("NOT_FOUND", "No such partner.", ["partnerId"]));
        const errors = partnerFieldErrors(input, account, p.id, false);
        if (errors.length) return fail(...errors);
        p.companyName = text(input.companyName) ?? p.companyName;
        if (input.domain != null) p.domain = text(input.domain) ?? null;
        if (input.externalId != null) p.externalId = text(input.externalId) ?? null;
        if (input.publicUrl != null) p.publicUrl = text(input.publicUrl) ?? null;
        if (input.guest != null) p.guest = input.guest;
        if (input.allowLogin != null) p.allowLogin = input.allowLogin;
        return ok<UpdatePartnerMutation>({
          __typename: "Mutation",
          updatePartner: {
            __typename: "PartnerPayload",
            partner: {
              __typename: "Partner",
              id: p.id,
              companyName: p.companyName,
              domain: p.domain,
              externalId: p.externalId,
              publicUrl: p.publicUrl,
              guest: p.guest,
              allowLogin: p.allowLogin,
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<AddExternalMemberMutation, AddExternalMemberMutationVariables>(
      "AddExternalMember",
      ({ variables }) => {
        record("AddExternalMember", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<AddExternalMemberMutation>();
        const fail = (...userErrors: UserError[]) =>
          ok<AddExternalMemberMutation>({
            __typename: "Mutation",
            addExternalMember: { __typename: "MemberPayload", member: null, userErrors },
          });
        const { partnerId, name, email } = variables.input;
        const p = findPartner(account, partnerId);
        if (!p || p.status === "REMOVED") {
          return fail(userError("NOT_FOUND", "No such partner.", ["partnerId"]));
        }
        const errors: UserError[] = [];
        if (!name.trim()) errors.push(userError("INVALID", "Name is required.", ["name"]));
        const address = email.trim().toLowerCase();
        if (!isValidEmail(address)) {
          errors.push(userError("INVALID", "Enter a valid email address.", ["email"]));
        }
        if (errors.length) return fail(...errors);
        if (account.members.some((m) => m.email.toLowerCase() === address)) {
          return fail(
            userError("TAKEN", `${address} is already a member of this account.`, ["email"]),
          );
        }
        const added: MemberNode = {
          ...member(60 + network.nextId++, { name: name.trim(), email: address }),
          type: "EXTERNAL",
          role: "COLLABORATOR_EXTERNAL",
        };
        account.members.push(added);
        setExtra(added.id, { partnerId: p.id, canLogin: p.allowLogin });
        return ok<AddExternalMemberMutation>({
          __typename: "Mutation",
          addExternalMember: {
            __typename: "MemberPayload",
            member: {
              __typename: "Member",
              id: added.id,
              name: added.name,
              email: added.email,
              status: added.status,
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<RemovePartnerFromNetworkMutation, RemovePartnerFromNetworkMutationVariables>(
      "RemovePartnerFromNetwork",
      ({ variables }) => {
        record("RemovePartnerFromNetwork", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<RemovePartnerFromNetworkMutation>();
        const p = findPartner(account, variables.input.partnerId);
        if (!p) {
          return ok<RemovePartnerFromNetworkMutation>({
            __typename: "Mutation",
            removePartnerFromNetwork: {
              __typename: "RemovePartnerFromNetworkPayload",
              archivedMemberCount: 0,
              partner: null,
              userErrors: [userError("NOT_FOUND", "No such partner.", ["partnerId"])],
            },
          });
        }
        let archived = 0;
        if (p.status !== "REMOVED") {
          const at = new Date().toISOString();
          for (const m of peopleOf(account, p)) {
            if (m.status === "ARCHIVED") continue;
            m.status = "ARCHIVED";
            setExtra(m.id, { archivedAt: at });
            archived += 1;
          }
          p.status = "REMOVED";
          p.removedAt = at;
        }
        return ok<RemovePartnerFromNetworkMutation>({
          __typename: "Mutation",
          removePartnerFromNetwork: {
            __typename: "RemovePartnerFromNetworkPayload",
            archivedMemberCount: archived,
            partner: {
              __typename: "Partner",
              id: p.id,
              status: p.status,
              removedAt: p.removedAt,
              memberCounts: memberCounts(account, p),
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.query<ClientsPermissionsQuery>("ClientsPermissions", () => {
      record("ClientsPermissions", {});
      const account = current();
      return ok<ClientsPermissionsQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: { __typename: "Account", id: account.id },
          currentMember: viewerMember(account),
        },
      });
    }),

    graphql.query<ClientsListQuery, ClientsListQueryVariables>("ClientsList", ({ variables }) => {
      record("ClientsList", variables);
      const account = current();
      const statuses = asArray(variables.filter?.status);
      const search = variables.filter?.search ?? "";
      const matching = network.clients.filter(
        (c) =>
          c.accountId === account.id &&
          (!statuses || statuses.includes(c.status)) &&
          (!search || includesText(search, c.name, c.email)),
      );
      const page = paginate(matching, variables);
      return ok<ClientsListQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            clients: {
              __typename: "ClientConnection",
              ...page,
              nodes: page.nodes.map((c) => ({
                __typename: "Client",
                id: c.id,
                type: c.type,
                name: c.name,
                email: c.email,
                status: c.status,
                createdAt: c.createdAt,
                removedAt: c.removedAt,
                team: { __typename: "Team", id: teamIdOf(c), lead: leadOf(account, c) },
                clientAccount: accountSummary(c.clientAccount),
              })),
            },
          },
        },
      });
    }),

    graphql.mutation<RemoveClientFromNetworkMutation, RemoveClientFromNetworkMutationVariables>(
      "RemoveClientFromNetwork",
      ({ variables }) => {
        record("RemoveClientFromNetwork", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<RemoveClientFromNetworkMutation>();
        const c = network.clients.find(
          (candidate) =>
            candidate.id === variables.input.clientId && candidate.accountId === account.id,
        );
        const fail = (error: UserError) =>
          ok<RemoveClientFromNetworkMutation>({
            __typename: "Mutation",
            removeClientFromNetwork: {
              __typename: "RemoveClientFromNetworkPayload",
              archivedMemberCount: 0,
              client: null,
              userErrors: [error],
            },
          });
        if (!c) return fail(userError("NOT_FOUND", "No such client.", ["clientId"]));
        // A linked account: our 2 people there are archived; a person: their own member.
        const archivedMemberCount =
          c.status === "REMOVED" ? 0 : c.type === "ACCOUNT" ? 2 : c.memberId ? 1 : 0;
        c.status = "REMOVED";
        c.removedAt = c.removedAt ?? new Date().toISOString();
        return ok<RemoveClientFromNetworkMutation>({
          __typename: "Mutation",
          removeClientFromNetwork: {
            __typename: "RemoveClientFromNetworkPayload",
            archivedMemberCount,
            client: { __typename: "Client", id: c.id, status: c.status, removedAt: c.removedAt },
            userErrors: [],
          },
        });
      },
    ),

    graphql.query<TeamCandidatesQuery>("TeamCandidates", ({ variables }) => {
      record("TeamCandidates", variables);
      const account = current();
      const staff = staffOf(account);
      return ok<TeamCandidatesQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            members: {
              __typename: "MemberConnection",
              totalCount: staff.length,
              nodes: staff.map((m) => ({
                __typename: "Member",
                id: m.id,
                name: m.name,
                email: m.email,
              })),
            },
          },
        },
      });
    }),

    graphql.query<ClientDetailsQuery, ClientDetailsQueryVariables>(
      "ClientDetails",
      ({ variables }) => {
        record("ClientDetails", variables);
        const account = current();
        const c = findClient(account, variables.id);
        return ok<ClientDetailsQuery>({
          __typename: "Query",
          viewer: { __typename: "Viewer", currentMember: viewerMember(account) },
          node: c
            ? {
                __typename: "Client",
                id: c.id,
                type: c.type,
                name: c.name,
                email: c.email,
                phone: c.phone,
                status: c.status,
                createdAt: c.createdAt,
                removedAt: c.removedAt,
                clientAccount: accountSummary(c.clientAccount),
                invitation: c.invitation ?? null,
                team: teamOf(account, c),
              }
            : null,
        });
      },
    ),

    graphql.query<MyClientQuery>("MyClient", () => {
      record("MyClient", {});
      const account = current();
      const self = viewerMember(account).id;
      // The server scopes a CLIENT's list to their own record.
      const own = network.clients.filter((c) => c.accountId === account.id && c.memberId === self);
      return ok<MyClientQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            name: account.name,
            clients: {
              __typename: "ClientConnection",
              nodes: own.slice(0, 1).map((c) => {
                const team = teamOf(account, c);
                return {
                  __typename: "Client" as const,
                  id: c.id,
                  name: c.name,
                  email: c.email,
                  phone: c.phone,
                  status: c.status,
                  team: {
                    __typename: "Team" as const,
                    id: team.id,
                    members: team.members.map(({ isLead, member: m }) => ({
                      __typename: "TeamMembership" as const,
                      isLead,
                      member: {
                        __typename: "Member" as const,
                        id: m.id,
                        name: m.name,
                        email: m.email,
                        title: m.title,
                      },
                    })),
                  },
                };
              }),
            },
          },
        },
      });
    }),

    graphql.mutation<InviteClientMutation, InviteClientMutationVariables>(
      "InviteClient",
      ({ variables }) => {
        record("InviteClient", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<InviteClientMutation>();
        const { name, email, phone, teamMemberIds } = variables.input;
        const errors: UserError[] = [];
        if (!name.trim()) errors.push(userError("INVALID", "Name is required.", ["name"]));
        if (!isValidEmail(email.trim())) {
          errors.push(userError("INVALID", "Enter a valid email address.", ["email"]));
        } else if (openClientWithEmail(account, email.trim())) {
          errors.push(userError("TAKEN", "This email is a client already.", ["email"]));
        }
        if (phone?.trim() && !isValidPhone(phone)) {
          errors.push(userError("INVALID", "Enter a valid phone number.", ["phone"]));
        }
        errors.push(...teamErrors(account, asArray(teamMemberIds) ?? []));
        if (errors.length) {
          return ok<InviteClientMutation>({
            __typename: "Mutation",
            inviteClient: {
              __typename: "ClientPayload",
              client: null,
              invitation: null,
              userErrors: errors,
            },
          });
        }
        const c = newClient(account, {
          name: name.trim(),
          email: email.trim(),
          phone: phone?.trim() || null,
          teamMemberIds: [...(asArray(teamMemberIds) ?? [])],
        });
        return ok<InviteClientMutation>({
          __typename: "Mutation",
          inviteClient: {
            __typename: "ClientPayload",
            client: {
              __typename: "Client",
              id: c.id,
              name: c.name,
              email: c.email,
              status: c.status,
            },
            invitation: {
              __typename: "Invitation",
              id: `SW52aXRhdGlvbjpj${c.id}`,
              delivery: "QUEUED",
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<CreateClientInviteLinkMutation, CreateClientInviteLinkMutationVariables>(
      "CreateClientInviteLink",
      ({ variables }) => {
        record("CreateClientInviteLink", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<CreateClientInviteLinkMutation>();
        const errors = teamErrors(account, asArray(variables.input.teamMemberIds) ?? []);
        network.nextId += 1;
        return ok<CreateClientInviteLinkMutation>({
          __typename: "Mutation",
          createClientInviteLink: {
            __typename: "ClientInviteLinkPayload",
            url: errors.length ? null : `http://localhost/invite/link-token-${network.nextId}`,
            invitation: errors.length
              ? null
              : {
                  __typename: "Invitation",
                  id: `SW52aXRhdGlvbjpsaW5r${network.nextId}`,
                  expiresAt: "2026-12-24T10:00:00.000Z",
                },
            userErrors: errors,
          },
        });
      },
    ),

    graphql.mutation<ImportClientsMutation, ImportClientsMutationVariables>(
      "ImportClients",
      ({ variables }) => {
        record("ImportClients", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<ImportClientsMutation>();
        const { csv, dryRun, updateExisting } = variables.input;
        const answer = (
          rows: ImportClientsMutation["importClients"]["rows"],
          userErrors: UserError[],
        ) =>
          ok<ImportClientsMutation>({
            __typename: "Mutation",
            importClients: {
              __typename: "ImportPayload",
              created: rows.filter((r) => r.outcome === "CREATED").length,
              updated: rows.filter((r) => r.outcome === "UPDATED").length,
              rows,
              userErrors,
            },
          });
        // A plain split is enough for the fixtures: no quoted commas.
        const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
        const header = (lines[0] ?? "").split(",").map((cell) => cell.trim().toLowerCase());
        if (header.join(",") !== "first name,last name,email,phone number,team") {
          return answer(
            [],
            [
              userError(
                "INVALID",
                "The first line must be the header First Name,Last Name,Email,Phone Number,Team.",
                ["csv"],
              ),
            ],
          );
        }
        const staff = staffOf(account);
        const seen = new Set<string>();
        const rows: ImportClientsMutation["importClients"]["rows"] = [];
        const toCreate: Parameters<typeof newClient>[1][] = [];
        const toUpdate: { c: MockClient; name: string; phone: string | null }[] = [];
        lines.slice(1).forEach((text, index) => {
          if (!text.trim()) return;
          const line = index + 1;
          const [first = "", last = "", email = "", phone = "", team = ""] = text
            .split(",")
            .map((cell) => cell.trim());
          const errors: UserError[] = [];
          const name = `${first} ${last}`.trim();
          if (!name)
            errors.push(
              userError("INVALID", `Line ${line}: a name is required.`, [
                String(line),
                "firstName",
              ]),
            );
          if (!isValidEmail(email)) {
            errors.push(
              userError("INVALID", `Line ${line}: enter a valid email.`, [String(line), "email"]),
            );
          }
          const teamEmails = team
            .split(";")
            .map((e) => e.trim())
            .filter(Boolean);
          if (teamEmails.length === 0) {
            errors.push(
              userError("INVALID", `Line ${line}: a team is required.`, [String(line), "team"]),
            );
          }
          const teamIds = teamEmails.map((teamEmail) => {
            const found = staff.find((m) => m.email.toLowerCase() === teamEmail.toLowerCase());
            if (!found) {
              errors.push(
                userError(
                  "NOT_FOUND",
                  `Line ${line}: ${teamEmail} is not an active person of your account.`,
                  [String(line), "team"],
                ),
              );
            }
            return found?.id ?? "";
          });
          const existing = errors.length ? null : openClientWithEmail(account, email);
          const key = email.toLowerCase();
          const push = (outcome: string, rowErrors: UserError[] = []) =>
            rows.push({
              __typename: "ImportRow",
              line,
              email: email || null,
              outcome,
              errors: rowErrors,
            });
          if (errors.length) push("ERROR", errors);
          else if (seen.has(key)) {
            push("SKIPPED", [
              userError("TAKEN", `Line ${line}: ${email} appears earlier in the file.`, [
                String(line),
                "email",
              ]),
            ]);
          } else if (existing && !updateExisting) {
            push("SKIPPED", [
              userError("TAKEN", `Line ${line}: ${email} is a client already.`, [
                String(line),
                "email",
              ]),
            ]);
          } else if (existing) {
            push("UPDATED");
            toUpdate.push({ c: existing, name, phone: phone || null });
          } else {
            push("CREATED");
            toCreate.push({ name, email, phone: phone || null, teamMemberIds: teamIds });
          }
          seen.add(key);
        });
        if (!dryRun) {
          for (const fields of toCreate) newClient(account, fields);
          for (const { c, name, phone } of toUpdate) Object.assign(c, { name, phone });
        }
        return answer(rows, []);
      },
    ),

    graphql.mutation<AddTeamMemberMutation, AddTeamMemberMutationVariables>(
      "AddTeamMember",
      ({ variables }) => {
        record("AddTeamMember", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<AddTeamMemberMutation>();
        const { clientId, memberId } = variables.input;
        const c = findClient(account, clientId);
        const errors = !c
          ? [userError("NOT_FOUND", "No such client.", ["clientId"])]
          : !staffOf(account).some((m) => m.id === memberId)
            ? [userError("NOT_FOUND", "Not an active person of your account.", ["memberId"])]
            : c.teamMemberIds.includes(memberId)
              ? [userError("TAKEN", "Already in this team.", ["memberId"])]
              : [];
        if (c && !errors.length) c.teamMemberIds.push(memberId);
        return ok<AddTeamMemberMutation>({
          __typename: "Mutation",
          addTeamMember: teamPayload(account, c, errors),
        });
      },
    ),

    graphql.mutation<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>(
      "RemoveTeamMember",
      ({ variables }) => {
        record("RemoveTeamMember", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<RemoveTeamMemberMutation>();
        const { clientId, memberId } = variables.input;
        const { c, errors } = teamTarget(account, clientId, memberId);
        if (c && !errors.length) {
          if (c.teamMemberIds.length === 1) {
            errors.push(
              userError("LAST_TEAM_MEMBER", "A team needs at least one member.", ["memberId"]),
            );
          } else if (c.teamMemberIds[0] === memberId) {
            errors.push(
              userError(
                "TEAM_LEAD_REQUIRED",
                "Make another member the lead before removing this one.",
                ["memberId"],
              ),
            );
          } else c.teamMemberIds = c.teamMemberIds.filter((id) => id !== memberId);
        }
        return ok<RemoveTeamMemberMutation>({
          __typename: "Mutation",
          removeTeamMember: teamPayload(account, c, errors),
        });
      },
    ),

    graphql.mutation<ReplaceTeamMemberMutation, ReplaceTeamMemberMutationVariables>(
      "ReplaceTeamMember",
      ({ variables }) => {
        record("ReplaceTeamMember", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<ReplaceTeamMemberMutation>();
        const { clientId, memberId, replacementMemberId } = variables.input;
        const { c, errors } = teamTarget(account, clientId, memberId);
        if (c && !errors.length) {
          if (!staffOf(account).some((m) => m.id === replacementMemberId)) {
            errors.push(
              userError("NOT_FOUND", "Not an active person of your account.", [
                "replacementMemberId",
              ]),
            );
          } else if (c.teamMemberIds.includes(replacementMemberId)) {
            errors.push(userError("TAKEN", "Already in this team.", ["replacementMemberId"]));
          } else {
            // The replacement takes the replaced person's place, the lead included.
            c.teamMemberIds = c.teamMemberIds.map((id) =>
              id === memberId ? replacementMemberId : id,
            );
          }
        }
        return ok<ReplaceTeamMemberMutation>({
          __typename: "Mutation",
          replaceTeamMember: teamPayload(account, c, errors),
        });
      },
    ),

    graphql.mutation<MakeTeamLeadMutation, MakeTeamLeadMutationVariables>(
      "MakeTeamLead",
      ({ variables }) => {
        record("MakeTeamLead", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<MakeTeamLeadMutation>();
        const { clientId, memberId } = variables.input;
        const { c, errors } = teamTarget(account, clientId, memberId);
        if (c && !errors.length) {
          c.teamMemberIds = [memberId, ...c.teamMemberIds.filter((id) => id !== memberId)];
        }
        return ok<MakeTeamLeadMutation>({
          __typename: "Mutation",
          makeTeamLead: teamPayload(account, c, errors),
        });
      },
    ),

    graphql.mutation<ResendClientInvitationMutation, ResendClientInvitationMutationVariables>(
      "ResendClientInvitation",
      ({ variables }) => {
        record("ResendClientInvitation", variables);
        const account = current();
        if (!EDITORS.includes(account.role)) return forbidden<ResendClientInvitationMutation>();
        const { invitationId } = variables.input;
        const invitation = network.clients.find(
          (c) => c.accountId === account.id && c.invitation?.id === invitationId,
        )?.invitation;
        return ok<ResendClientInvitationMutation>({
          __typename: "Mutation",
          resendInvitation: resent(invitation ?? null, 48 * 3_600_000),
        });
      },
    ),

    graphql.mutation<ResendPartnerInvitationMutation, ResendPartnerInvitationMutationVariables>(
      "ResendPartnerInvitation",
      ({ variables }) => {
        record("ResendPartnerInvitation", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<ResendPartnerInvitationMutation>();
        const { invitationId } = variables.input;
        const invitation = partnersOf(account).find(
          (p) => p.invitation?.id === invitationId,
        )?.invitation;
        const payload = resent(invitation ?? null, 14 * 86_400_000);
        return ok<ResendPartnerInvitationMutation>({
          __typename: "Mutation",
          resendInvitation: {
            ...payload,
            invitation: payload.invitation && { ...payload.invitation, delivery: "QUEUED" },
          },
        });
      },
    ),

    http.post<{ id: string }>("*/api/partners/:id/logo", ({ params, request }) => {
      const partnerId = decodeURIComponent(params.id);
      record("UploadPartnerLogo", { partnerId });
      network.uploads.push({
        partnerId,
        preflight: request.headers.get("apollo-require-preflight"),
      });
      const p = findPartner(current(), partnerId);
      if (!p) return HttpResponse.json({ error: "No such partner." }, { status: 404 });
      p.logoUrl = `/api/partners/${p.id}/logo?v=${network.uploads.length + 1}`;
      return HttpResponse.json({ logoUrl: p.logoUrl });
    }),
  ];

  return { network, handlers };
}

export type NetworkHandlers = ReturnType<typeof createNetworkHandlers>;

/** Adds the network handlers on top of an installed core backend (see setup-tests). */
export function installNetworkHandlers(core: MockBackend, options: NetworkOptions = {}) {
  const created = createNetworkHandlers(core, options);
  server.use(...created.handlers);
  return created;
}

/**
 * A fresh core backend (by default Acme with Initech's pending people, and Globex) plus the
 * network handlers on its state. `operations(name)` lists both kinds of operations.
 */
export function installNetworkBackend(options: MockBackendOptions & NetworkOptions = {}) {
  const core = createMockBackend({
    ...options,
    accounts: options.accounts ?? [networkAcmeAccount(), globexAccount()],
  });
  server.use(...core.handlers);
  const { network } = installNetworkHandlers(core, options);
  return { ...core, network };
}
