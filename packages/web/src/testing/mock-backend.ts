/**
 * A small in-memory stand-in for the GraphQL server, as msw handlers with state: who is signed
 * in, the current account, members, plans, API tokens, invitations and invitation links.
 * Mutations change the state, so a test sees the same round trips the real server gives (e.g. switchAccount, then the viewer
 * query answers with the new account).
 */
import { graphql, type GraphQLResponseBody, HttpResponse } from "msw";
import { PASSWORD_MIN_LENGTH } from "@pn/shared";
import type {
  AcceptInvitationMutation,
  AcceptInvitationMutationVariables,
  AccountSettingsQuery,
  ApiTokensQuery,
  ChangePlanMutation,
  ChangePlanMutationVariables,
  CreateApiTokenMutation,
  CreateApiTokenMutationVariables,
  InvitationLogOutMutation,
  InvitationPreviewQuery,
  InvitationPreviewQueryVariables,
  InvitationSeatsQuery,
  InvitationsListQuery,
  InvitationsListQueryVariables,
  InviteUsersMutation,
  InviteUsersMutationVariables,
  LogInMutation,
  LogInMutationVariables,
  LogOutMutation,
  MembersListQuery,
  MembersListQueryVariables,
  MembersPermissionsQuery,
  ResendInvitationMutation,
  ResendInvitationMutationVariables,
  RevokeApiTokenMutation,
  RevokeApiTokenMutationVariables,
  RevokeInvitationMutation,
  RevokeInvitationMutationVariables,
  ShellViewerQuery,
  SignUpMutation,
  SignUpMutationVariables,
  SwitchAccountMutation,
  SwitchAccountMutationVariables,
} from "../gql/graphql";
import { accountAdminHandlers } from "./account-admin-handlers";
import {
  type ApiTokenNode,
  type InvitationNode,
  type MemberNode,
  type MockAccount,
  type Plan,
  type RecordedOperation,
  type Role,
} from "./mock-types";

export type { InvitationNode, MockAccount, RecordedOperation } from "./mock-types";

type UserError = LogInMutation["logIn"]["userErrors"][number];
type InvitationPreviewNode = NonNullable<InvitationPreviewQuery["invitation"]>;

/** An invitation link as the invitee opens it: `/invite/<token>`. */
export interface MockInvitationLink extends Omit<InvitationPreviewNode, "__typename"> {
  token: string;
  /** The invited email has a Partner Network user already: they must log in to accept. */
  existingUser: boolean;
}

export interface MockBackendOptions {
  signedIn?: boolean;
  accounts?: MockAccount[];
  currentAccountId?: string;
  invitationLinks?: MockInvitationLink[];
}

export const USER = { id: "VXNlcjox", name: "Ada Lovelace", email: "ada@example.com" };
export const PASSWORD = "correct horse battery";
const SEAT_LIMITS: Record<Plan, number | null> = {
  FREE: 3,
  TEAM: 10,
  BUSINESS: 50,
  ENTERPRISE: null,
};
const ADMINS: Role[] = ["OWNER", "ADMINISTRATOR"];

export function member(index: number, overrides: Partial<MemberNode> = {}): MemberNode {
  const n = String(index).padStart(2, "0");
  return {
    __typename: "Member",
    id: `TWVtYmVyOj${n}`,
    name: `Member ${n}`,
    email: `member${n}@example.com`,
    role: "VIEWER",
    type: "INTERNAL",
    status: "ACTIVE",
    ...overrides,
  };
}

const HOUR = 3_600_000;

/** An ISO time `hours` from now (negative: in the past). */
export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * HOUR).toISOString();
}

export function invitation(index: number, overrides: Partial<InvitationNode> = {}): InvitationNode {
  const n = String(index).padStart(2, "0");
  return {
    __typename: "Invitation",
    id: `SW52aXRhdGlvbj${n}`,
    email: `invitee${n}@example.com`,
    role: "VIEWER",
    status: "PENDING",
    delivery: "SENT",
    expiresAt: hoursFromNow(47),
    lastSentAt: hoursFromNow(-1),
    sendCount: 1,
    invitedBy: { __typename: "Member", id: "TWVtYmVyOmFkYQ", name: USER.name },
    ...overrides,
  };
}

/** Acme's invitations: one of each status, and a pending one whose email bounced. */
export function acmeInvitations(): InvitationNode[] {
  return [
    invitation(1, { email: "new.hire@example.com", role: "EDITOR" }),
    invitation(2, { email: "bounced@example.com", delivery: "FAILED" }),
    invitation(3, {
      email: "late@example.com",
      status: "EXPIRED",
      expiresAt: hoursFromNow(-30),
      lastSentAt: hoursFromNow(-78),
    }),
    invitation(4, { email: "joined@example.com", role: "ADMINISTRATOR", status: "ACCEPTED" }),
    invitation(5, { email: "revoked@example.com", status: "REVOKED" }),
  ];
}

export function invitationLink(overrides: Partial<MockInvitationLink> = {}): MockInvitationLink {
  return {
    token: "tok-new",
    kind: "USER",
    accountName: "Acme Corp",
    inviterName: USER.name,
    email: "newbie@example.com",
    role: "EDITOR",
    status: "PENDING",
    expiresAt: hoursFromNow(47),
    existingUser: false,
    ...overrides,
  };
}

/** Links for the accept page: new user, existing user (Ada), someone else, and dead ones. */
export function defaultInvitationLinks(): MockInvitationLink[] {
  return [
    invitationLink(),
    invitationLink({ token: "tok-ada", email: USER.email, existingUser: true }),
    invitationLink({ token: "tok-someone", email: "someone@example.com", existingUser: true }),
    invitationLink({ token: "tok-expired", status: "EXPIRED", expiresAt: hoursFromNow(-5) }),
    invitationLink({ token: "tok-revoked", status: "REVOKED" }),
    invitationLink({ token: "tok-used", status: "ACCEPTED" }),
    invitationLink({
      token: "tok-client",
      kind: "CLIENT",
      role: "CLIENT",
      email: "cleo@client.example",
    }),
    // A shareable client link: no email, many sign-ups, 30 days.
    invitationLink({
      token: "tok-client-link",
      kind: "CLIENT",
      role: "CLIENT",
      email: null,
      expiresAt: hoursFromNow(30 * 24),
    }),
    // Umbrella invites a company to its partner network: a newcomer, or Ada's companies.
    partnerInvitationLink({ token: "tok-partner", email: "bea@b-co.example" }),
    partnerInvitationLink({ token: "tok-partner-ada", email: USER.email, existingUser: true }),
    // Ada was added to Acme by a partner and allowed to log in: she has no password yet, or
    // (existingUser) has set one since.
    invitationLink({ token: "tok-login", kind: "LOGIN", role: null, email: USER.email }),
    invitationLink({
      token: "tok-login-set",
      kind: "LOGIN",
      role: null,
      email: USER.email,
      existingUser: true,
    }),
  ];
}

/** A PARTNER invitation from another account (Umbrella): to a company, with no role. */
export function partnerInvitationLink(
  overrides: Partial<MockInvitationLink> = {},
): MockInvitationLink {
  return invitationLink({
    kind: "PARTNER",
    accountName: PARTNER_INVITER.name,
    inviterName: "Albert Wesker",
    role: null,
    ...overrides,
  });
}

/** The account partner invitations come from: none of the viewer's. */
export const PARTNER_INVITER = { id: "QWNjb3VudDo5", name: "Umbrella Corp" };

export function acmeAccount(overrides: Partial<MockAccount> = {}): MockAccount {
  // Ada's own member row carries the same role the viewer has here, as on the server.
  const role = overrides.role ?? "OWNER";
  return {
    id: "QWNjb3VudDox",
    name: "Acme Corp",
    handle: "acme",
    plan: "TEAM",
    seatsUsed: 4,
    role,
    members: [
      member(0, {
        id: "TWVtYmVyOmFkYQ",
        name: USER.name,
        email: USER.email,
        role,
      }),
      member(1, { name: "Grace Hopper", email: "grace@example.com", role: "ADMINISTRATOR" }),
      member(2, { name: "Alan Turing", email: "alan@example.com", role: "EDITOR" }),
      member(3, {
        name: "Pat Partner",
        email: "pat@partner.example",
        type: "EXTERNAL",
        role: "COLLABORATOR_EXTERNAL",
      }),
      member(4, { name: "Pending Person", email: "pending@example.com", status: "PENDING" }),
    ],
    apiTokens: [
      {
        __typename: "ApiToken",
        id: "QXBpVG9rZW46MQ",
        name: "CRM sync",
        scopes: ["READ"],
        createdAt: "2026-01-05T10:00:00.000Z",
        lastUsedAt: null,
        revokedAt: null,
      },
    ],
    invitations: acmeInvitations(),
    ...overrides,
  };
}

export function globexAccount(overrides: Partial<MockAccount> = {}): MockAccount {
  return {
    id: "QWNjb3VudDoy",
    name: "Globex",
    handle: "globex",
    plan: "FREE",
    seatsUsed: 2,
    role: "VIEWER",
    members: [
      member(10, { id: "TWVtYmVyOmFkYTI", name: USER.name, email: USER.email, role: "VIEWER" }),
      member(11, { name: "Hank Scorpio", email: "hank@globex.example", role: "OWNER" }),
    ],
    apiTokens: [],
    invitations: [],
    ...overrides,
  };
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
  let start = 0;
  let end = items.length;
  if (variables.before) {
    end = decodeCursor(variables.before);
    start = Math.max(0, end - (variables.last ?? 50));
  } else {
    start = variables.after ? decodeCursor(variables.after) + 1 : 0;
    end = Math.min(items.length, start + (variables.first ?? 50));
  }
  const nodes = items.slice(start, end);
  return {
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

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function encodeCursor(index: number): string {
  return btoa(`cursor:${index}`);
}

function decodeCursor(cursor: string): number {
  return Number(atob(cursor).slice("cursor:".length));
}

function ok<T extends Record<string, unknown>>(data: T) {
  return HttpResponse.json<GraphQLResponseBody<T>>({ data });
}

/** The top-level error the server gives a role that may not do something. */
function forbidden<T extends Record<string, unknown>>() {
  return HttpResponse.json<GraphQLResponseBody<T>>({
    data: null,
    errors: [{ message: "Your role does not allow this.", extensions: { code: "FORBIDDEN" } }],
  });
}

/** acceptInvitation's answer when it changed nothing. */
function acceptRefused(...userErrors: UserError[]) {
  return ok<AcceptInvitationMutation>({
    __typename: "Mutation",
    acceptInvitation: {
      __typename: "AcceptInvitationPayload",
      account: null,
      member: null,
      userErrors,
    },
  });
}

/** Refuses every acceptInvitation with this user error: for `server.use` in a test. */
export function refuseAcceptInvitation(
  code: UserError["code"],
  message: string,
  field: string[] | null,
) {
  return graphql.mutation<AcceptInvitationMutation, AcceptInvitationMutationVariables>(
    "AcceptInvitation",
    () => acceptRefused({ __typename: "UserError", code, message, field }),
  );
}

export function createMockBackend(options: MockBackendOptions = {}) {
  const accounts = options.accounts ?? [acmeAccount(), globexAccount()];
  const state = {
    signedIn: options.signedIn ?? true,
    currentAccountId: options.currentAccountId ?? accounts[0]!.id,
    accounts,
    /** Every mutation and query received, in order. */
    operations: [] as RecordedOperation[],
    nextToken: 1,
    nextInvitation: 1,
    invitationLinks: options.invitationLinks ?? defaultInvitationLinks(),
  };

  const current = (): MockAccount => {
    const account = state.accounts.find((a) => a.id === state.currentAccountId);
    if (!account) throw new Error(`No mock account ${state.currentAccountId}`);
    return account;
  };
  const record = (operationName: string, variables: Record<string, unknown>) => {
    state.operations.push({ operationName, variables });
  };
  const currentMember = (account: MockAccount) => {
    const self = account.members.find((m) => m.email === USER.email);
    return {
      __typename: "Member" as const,
      id: self?.id ?? `self-${account.id}`,
      role: account.role,
    };
  };
  const accountFields = (account: MockAccount) => ({
    __typename: "Account" as const,
    id: account.id,
    name: account.name,
    handle: account.handle,
    plan: account.plan,
    seatLimit: SEAT_LIMITS[account.plan],
    seatsUsed: account.seatsUsed,
  });
  const userError = (
    code: UserError["code"],
    message: string,
    field: string[] | null,
  ): UserError => ({ __typename: "UserError", code, message, field });
  const memberships = () =>
    state.accounts.map((a) => ({
      __typename: "Member" as const,
      id: currentMember(a).id,
      role: a.role,
      account: { __typename: "AccountSummary" as const, id: a.id, name: a.name, handle: a.handle },
    }));
  /** A new account Ada owns, as sign-up and accepting a partner invitation create. */
  const createAccount = (name: string): MockAccount => {
    const n = 100 + state.accounts.length;
    const account = acmeAccount({
      id: btoa(`Account:${n}`),
      name,
      handle: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      plan: "FREE",
      seatsUsed: 1,
      // Ada alone, with a member id of this account's own (the cache keys members by id).
      members: [
        member(0, { name: USER.name, email: USER.email, id: btoa(`Member:${n}`), role: "OWNER" }),
      ],
      apiTokens: [],
      invitations: [],
    });
    state.accounts.push(account);
    return account;
  };
  /** Sign-up: the new person acts in their new account. */
  const signUp = (input: SignUpMutationVariables["input"]) => {
    if (input.email.toLowerCase() === USER.email) {
      const taken = "An account with this email exists already; log in instead.";
      return { account: null, userErrors: [userError("TAKEN", taken, ["email"])] };
    }
    const account = createAccount(input.accountName);
    state.signedIn = true;
    state.currentAccountId = account.id;
    return { account, userErrors: [] };
  };
  /** An administrator of B accepts a partner invitation: links an account of theirs or creates one. */
  const acceptPartnerInvitation = (
    link: MockInvitationLink,
    input: AcceptInvitationMutationVariables["input"],
  ): UserError[] => {
    if (!state.signedIn) {
      // A newcomer (no login for the invited email): login, account and link in one go.
      if (!link.existingUser && link.email && input.name && input.password) {
        const name = input.accountName?.trim();
        if (!name) return [userError("INVALID", "Name your company's account.", ["accountName"])];
        const account = createAccount(name);
        state.signedIn = true;
        state.currentAccountId = account.id;
        link.status = "ACCEPTED";
        return [];
      }
      const message = link.existingUser
        ? `Log in as ${link.email} to accept this invitation.`
        : "Log in (or sign up) as an administrator of your company to accept.";
      return [userError("SIGN_IN_REQUIRED", message, null)];
    }
    if (input.partnerAccountId) {
      const account = state.accounts.find((a) => a.id === input.partnerAccountId);
      if (!account || !ADMINS.includes(account.role)) {
        return [userError("NOT_FOUND", "Choose an account you administer.", ["partnerAccountId"])];
      }
    } else if (input.accountName?.trim()) {
      createAccount(input.accountName.trim());
    } else {
      const message = "Choose one of your accounts to link, or name a new one.";
      return [userError("INVALID", message, ["partnerAccountId"])];
    }
    link.status = "ACCEPTED";
    return [];
  };

  const handlers = [
    graphql.query<ShellViewerQuery>("ShellViewer", () => {
      record("ShellViewer", {});
      if (!state.signedIn) return ok<ShellViewerQuery>({ __typename: "Query", viewer: null });
      const account = current();
      return ok<ShellViewerQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          user: { __typename: "User", ...USER },
          memberships: memberships(),
          currentAccount: {
            __typename: "Account",
            id: account.id,
            name: account.name,
            handle: account.handle,
          },
          currentMember: currentMember(account),
        },
      });
    }),

    graphql.query<MembersListQuery, MembersListQueryVariables>("MembersList", ({ variables }) => {
      record("MembersList", variables);
      if (!state.signedIn) return ok<MembersListQuery>({ __typename: "Query", viewer: null });
      const account = current();
      const search = variables.filter?.search?.toLowerCase() ?? "";
      const statuses = variables.filter?.status ?? null;
      const matching = account.members.filter(
        (m) =>
          (!statuses || statuses.includes(m.status)) &&
          (!search ||
            m.name.toLowerCase().includes(search) ||
            m.email.toLowerCase().includes(search)),
      );
      const { nodes, pageInfo } = paginate(matching, variables);
      return ok<MembersListQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            members: {
              __typename: "MemberConnection",
              totalCount: matching.length,
              nodes,
              pageInfo,
            },
          },
        },
      });
    }),

    graphql.query<AccountSettingsQuery>("AccountSettings", () => {
      record("AccountSettings", {});
      if (!state.signedIn) return ok<AccountSettingsQuery>({ __typename: "Query", viewer: null });
      const account = current();
      return ok<AccountSettingsQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentMember: currentMember(account),
          currentAccount: accountFields(account),
        },
      });
    }),

    graphql.query<ApiTokensQuery>("ApiTokens", () => {
      record("ApiTokens", {});
      const account = current();
      if (!state.signedIn || !ADMINS.includes(account.role)) return forbidden<ApiTokensQuery>();
      return ok<ApiTokensQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            apiTokens: [...account.apiTokens],
          },
        },
      });
    }),

    graphql.mutation<LogInMutation, LogInMutationVariables>("LogIn", ({ variables }) => {
      record("LogIn", variables);
      const { email, password } = variables.input;
      const fail = (error: UserError) =>
        ok<LogInMutation>({
          __typename: "Mutation",
          logIn: { __typename: "LogInPayload", user: null, userErrors: [error] },
        });
      if (!email.includes("@"))
        return fail(userError("INVALID", "Enter a valid email address.", ["email"]));
      if (email.toLowerCase() !== USER.email || password !== PASSWORD) {
        return fail(userError("BAD_CREDENTIALS", "Wrong email or password.", null));
      }
      state.signedIn = true;
      return ok<LogInMutation>({
        __typename: "Mutation",
        logIn: {
          __typename: "LogInPayload",
          user: { __typename: "User", id: USER.id },
          userErrors: [],
        },
      });
    }),

    graphql.mutation<SignUpMutation, SignUpMutationVariables>("SignUp", ({ variables }) => {
      record("SignUp", variables);
      const { account, userErrors } = signUp(variables.input);
      return ok<SignUpMutation>({
        __typename: "Mutation",
        signUp: {
          __typename: "SignUpPayload",
          user: account && { __typename: "User", id: USER.id },
          account: account && { __typename: "Account", id: account.id },
          userErrors,
        },
      });
    }),

    graphql.mutation<LogOutMutation>("LogOut", () => {
      record("LogOut", {});
      const wasSignedIn = state.signedIn;
      state.signedIn = false;
      return ok<LogOutMutation>({
        __typename: "Mutation",
        logOut: { __typename: "LogOutPayload", ok: wasSignedIn },
      });
    }),

    // The account menu's and the invitation page's (the same fields).
    ...(["SwitchAccount", "InvitationSwitchAccount"] as const).map((operationName) =>
      graphql.mutation<SwitchAccountMutation, SwitchAccountMutationVariables>(
        operationName,
        ({ variables }) => {
          record(operationName, variables);
          const target = state.accounts.find((a) => a.id === variables.input.accountId);
          if (target) state.currentAccountId = target.id;
          return ok<SwitchAccountMutation>({
            __typename: "Mutation",
            switchAccount: {
              __typename: "SwitchAccountPayload",
              account: target ? { __typename: "Account", id: target.id, name: target.name } : null,
              userErrors: target ? [] : [userError("NOT_FOUND", "No such account.", ["accountId"])],
            },
          });
        },
      ),
    ),

    graphql.mutation<ChangePlanMutation, ChangePlanMutationVariables>(
      "ChangePlan",
      ({ variables }) => {
        record("ChangePlan", variables);
        const account = current();
        if (account.role !== "OWNER") return forbidden<ChangePlanMutation>();
        const plan = variables.input.plan;
        const limit = SEAT_LIMITS[plan];
        if (limit !== null && account.seatsUsed > limit) {
          return ok<ChangePlanMutation>({
            __typename: "Mutation",
            changePlan: {
              __typename: "ChangePlanPayload",
              account: null,
              userErrors: [
                userError(
                  "INVALID_STATE",
                  `${account.seatsUsed} seats are in use; the ${plan} plan has ${limit}. Free seats first.`,
                  ["plan"],
                ),
              ],
            },
          });
        }
        account.plan = plan;
        const { __typename, id, plan: newPlan, seatLimit, seatsUsed } = accountFields(account);
        return ok<ChangePlanMutation>({
          __typename: "Mutation",
          changePlan: {
            __typename: "ChangePlanPayload",
            account: { __typename, id, plan: newPlan, seatLimit, seatsUsed },
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<CreateApiTokenMutation, CreateApiTokenMutationVariables>(
      "CreateApiToken",
      ({ variables }) => {
        record("CreateApiToken", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<CreateApiTokenMutation>();
        const name = variables.input.name.trim();
        const scopes = Array.isArray(variables.input.scopes)
          ? variables.input.scopes
          : [variables.input.scopes];
        const errors: UserError[] = [];
        if (!name) errors.push(userError("INVALID", "Give the token a name.", ["name"]));
        if (account.apiTokens.some((t) => t.name === name)) {
          errors.push(userError("TAKEN", "A token with this name exists already.", ["name"]));
        }
        if (scopes.length === 0)
          errors.push(userError("INVALID", "Choose at least one scope.", ["scopes"]));
        if (errors.length) {
          return ok<CreateApiTokenMutation>({
            __typename: "Mutation",
            createApiToken: {
              __typename: "CreateApiTokenPayload",
              apiToken: null,
              secret: null,
              userErrors: errors,
            },
          });
        }
        const n = state.nextToken++;
        const token: ApiTokenNode = {
          __typename: "ApiToken",
          id: `QXBpVG9rZW46bmV3${n}`,
          name,
          scopes,
          createdAt: "2026-02-01T09:30:00.000Z",
          lastUsedAt: null,
          revokedAt: null,
        };
        account.apiTokens = [token, ...account.apiTokens];
        return ok<CreateApiTokenMutation>({
          __typename: "Mutation",
          createApiToken: {
            __typename: "CreateApiTokenPayload",
            apiToken: token,
            secret: `pn_secret_${n}_AbCdEfGhIjKlMnOpQrStUvWxYz`,
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>(
      "RevokeApiToken",
      ({ variables }) => {
        record("RevokeApiToken", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<RevokeApiTokenMutation>();
        const token = account.apiTokens.find((t) => t.id === variables.input.apiTokenId);
        if (!token) {
          return ok<RevokeApiTokenMutation>({
            __typename: "Mutation",
            revokeApiToken: {
              __typename: "RevokeApiTokenPayload",
              apiToken: null,
              userErrors: [userError("NOT_FOUND", "No such API token.", ["apiTokenId"])],
            },
          });
        }
        token.revokedAt ??= "2026-02-02T12:00:00.000Z";
        return ok<RevokeApiTokenMutation>({
          __typename: "Mutation",
          revokeApiToken: {
            __typename: "RevokeApiTokenPayload",
            apiToken: { __typename: "ApiToken", id: token.id, revokedAt: token.revokedAt },
            userErrors: [],
          },
        });
      },
    ),

    graphql.query<MembersPermissionsQuery>("MembersPermissions", () => {
      record("MembersPermissions", {});
      if (!state.signedIn)
        return ok<MembersPermissionsQuery>({ __typename: "Query", viewer: null });
      return ok<MembersPermissionsQuery>({
        __typename: "Query",
        viewer: { __typename: "Viewer", currentMember: currentMember(current()) },
      });
    }),

    graphql.query<InvitationSeatsQuery>("InvitationSeats", () => {
      record("InvitationSeats", {});
      if (!state.signedIn) return ok<InvitationSeatsQuery>({ __typename: "Query", viewer: null });
      const account = current();
      const { __typename, id, name, seatLimit, seatsUsed } = accountFields(account);
      return ok<InvitationSeatsQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentMember: currentMember(account),
          currentAccount: { __typename, id, name, seatLimit, seatsUsed },
        },
      });
    }),

    graphql.query<InvitationsListQuery, InvitationsListQueryVariables>(
      "InvitationsList",
      ({ variables }) => {
        record("InvitationsList", variables);
        if (!state.signedIn) return ok<InvitationsListQuery>({ __typename: "Query", viewer: null });
        const account = current();
        const statusFilter = variables.filter?.status;
        const statuses = statusFilter
          ? Array.isArray(statusFilter)
            ? statusFilter
            : [statusFilter]
          : null;
        const matching = account.invitations.filter(
          (i) => !statuses || statuses.includes(i.status),
        );
        const { nodes, pageInfo } = paginate(matching, variables);
        return ok<InvitationsListQuery>({
          __typename: "Query",
          viewer: {
            __typename: "Viewer",
            currentAccount: {
              __typename: "Account",
              id: account.id,
              invitations: {
                __typename: "InvitationConnection",
                totalCount: matching.length,
                nodes,
                pageInfo,
              },
            },
          },
        });
      },
    ),

    graphql.mutation<InviteUsersMutation, InviteUsersMutationVariables>(
      "InviteUsers",
      ({ variables }) => {
        record("InviteUsers", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<InviteUsersMutation>();
        const invitees = Array.isArray(variables.input.invitees)
          ? variables.input.invitees
          : [variables.input.invitees];
        const fail = (userErrors: UserError[]) =>
          ok<InviteUsersMutation>({
            __typename: "Mutation",
            inviteUsers: { __typename: "InviteUsersPayload", invitations: [], userErrors },
          });
        const errors: UserError[] = [];
        const seen = new Set<string>();
        invitees.forEach(({ email }, index) => {
          const key = email.trim().toLowerCase();
          const field = ["invitees", String(index), "email"];
          if (!EMAIL_PATTERN.test(key)) {
            errors.push(userError("INVALID", `"${email}" is not a valid email address.`, field));
          } else if (seen.has(key)) {
            errors.push(
              userError("INVALID", `${email} appears more than once in this invitation.`, field),
            );
          } else if (
            account.members.some((m) => m.email.toLowerCase() === key && m.status !== "ARCHIVED")
          ) {
            errors.push(userError("TAKEN", `${email} is already a member of this account.`, field));
          } else if (
            account.invitations.some(
              (i) => i.email?.toLowerCase() === key && i.status === "PENDING",
            )
          ) {
            errors.push(
              userError(
                "TAKEN",
                `${email} already has an open invitation; resend it instead.`,
                field,
              ),
            );
          }
          seen.add(key);
        });
        if (errors.length) return fail(errors);
        const limit = SEAT_LIMITS[account.plan];
        if (limit !== null && account.seatsUsed + invitees.length > limit) {
          return fail([
            userError(
              "SEAT_LIMIT_REACHED",
              `${account.seatsUsed} of ${limit} seats are used and this needs ${invitees.length} more; change the plan or free seats first.`,
              ["invitees"],
            ),
          ]);
        }
        const created = invitees.map(({ email, role }) =>
          invitation(100 + state.nextInvitation++, {
            email: email.trim(),
            role,
            delivery: "QUEUED",
            lastSentAt: hoursFromNow(0),
          }),
        );
        account.invitations = [...created, ...account.invitations];
        account.seatsUsed += created.length;
        return ok<InviteUsersMutation>({
          __typename: "Mutation",
          inviteUsers: {
            __typename: "InviteUsersPayload",
            invitations: created.map(({ invitedBy: _invitedBy, ...rest }) => rest),
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<ResendInvitationMutation, ResendInvitationMutationVariables>(
      "ResendInvitation",
      ({ variables }) => {
        record("ResendInvitation", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<ResendInvitationMutation>();
        const found = account.invitations.find((i) => i.id === variables.input.invitationId);
        const fail = (error: UserError) =>
          ok<ResendInvitationMutation>({
            __typename: "Mutation",
            resendInvitation: {
              __typename: "InvitationPayload",
              invitation: null,
              userErrors: [error],
            },
          });
        if (!found) return fail(userError("NOT_FOUND", "No such invitation.", ["invitationId"]));
        if (found.status === "ACCEPTED" || found.status === "REVOKED") {
          return fail(
            userError("INVALID_STATE", "This invitation cannot be sent again.", ["invitationId"]),
          );
        }
        if (found.status === "EXPIRED") account.seatsUsed += 1;
        Object.assign(found, {
          status: "PENDING",
          delivery: "QUEUED",
          expiresAt: hoursFromNow(48),
          lastSentAt: hoursFromNow(0),
          sendCount: found.sendCount + 1,
        });
        const { __typename, id, status, delivery, expiresAt, lastSentAt, sendCount } = found;
        return ok<ResendInvitationMutation>({
          __typename: "Mutation",
          resendInvitation: {
            __typename: "InvitationPayload",
            invitation: { __typename, id, status, delivery, expiresAt, lastSentAt, sendCount },
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<RevokeInvitationMutation, RevokeInvitationMutationVariables>(
      "RevokeInvitation",
      ({ variables }) => {
        record("RevokeInvitation", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<RevokeInvitationMutation>();
        const found = account.invitations.find((i) => i.id === variables.input.invitationId);
        if (!found || (found.status !== "PENDING" && found.status !== "EXPIRED")) {
          return ok<RevokeInvitationMutation>({
            __typename: "Mutation",
            revokeInvitation: {
              __typename: "InvitationPayload",
              invitation: null,
              userErrors: [
                found
                  ? userError(
                      "INVALID_STATE",
                      `This invitation is ${found.status.toLowerCase()} already.`,
                      ["invitationId"],
                    )
                  : userError("NOT_FOUND", "No such invitation.", ["invitationId"]),
              ],
            },
          });
        }
        if (found.status === "PENDING") account.seatsUsed -= 1;
        found.status = "REVOKED";
        return ok<RevokeInvitationMutation>({
          __typename: "Mutation",
          revokeInvitation: {
            __typename: "InvitationPayload",
            invitation: { __typename: "Invitation", id: found.id, status: found.status },
            userErrors: [],
          },
        });
      },
    ),

    graphql.query<InvitationPreviewQuery, InvitationPreviewQueryVariables>(
      "InvitationPreview",
      ({ variables }) => {
        record("InvitationPreview", variables);
        const link = state.invitationLinks.find((l) => l.token === variables.token);
        const preview: InvitationPreviewNode | null = link
          ? {
              __typename: "InvitationPreview",
              kind: link.kind,
              accountName: link.accountName,
              inviterName: link.inviterName,
              email: link.email,
              role: link.role,
              status: link.status,
              expiresAt: link.expiresAt,
            }
          : null;
        return ok<InvitationPreviewQuery>({
          __typename: "Query",
          invitation: preview,
          viewer: state.signedIn
            ? {
                __typename: "Viewer",
                user: { __typename: "User", ...USER },
                memberships: memberships(),
                currentAccount: { __typename: "Account", id: current().id },
              }
            : null,
        });
      },
    ),

    graphql.mutation<AcceptInvitationMutation, AcceptInvitationMutationVariables>(
      "AcceptInvitation",
      ({ variables }) => {
        record("AcceptInvitation", variables);
        const { token, name, password, email } = variables.input;
        // A client's shareable link carries no email: the new client gives theirs; it is reusable.
        const found = state.invitationLinks.find((l) => l.token === token);
        const isShareableLink = found?.kind === "CLIENT" && found.email === null;
        const fail = acceptRefused;
        const link = state.invitationLinks.find((l) => l.token === token);
        if (!link)
          return fail(userError("NOT_FOUND", "This invitation link is not valid.", ["token"]));
        if (link.status === "REVOKED")
          return fail(userError("REVOKED", "This invitation was cancelled.", ["token"]));
        if (link.status === "ACCEPTED")
          return fail(
            userError("ALREADY_ACCEPTED", "This invitation was used already.", ["token"]),
          );
        if (link.status === "EXPIRED") {
          return fail(
            userError("EXPIRED", "This invitation has expired; ask for a new one.", ["token"]),
          );
        }
        if (link.kind === "PARTNER") {
          const errors = acceptPartnerInvitation(link, variables.input);
          if (errors.length) return fail(...errors);
          // The inviting account; the session stays where it was.
          return ok<AcceptInvitationMutation>({
            __typename: "Mutation",
            acceptInvitation: {
              __typename: "AcceptInvitationPayload",
              account: { __typename: "AccountSummary", ...PARTNER_INVITER },
              member: null,
              userErrors: [],
            },
          });
        }
        if (link.kind === "LOGIN") {
          if (link.existingUser && !state.signedIn) {
            return fail(
              userError("SIGN_IN_REQUIRED", `Log in as ${link.email} to continue.`, null),
            );
          }
          if (!link.existingUser && (password ?? "").length < PASSWORD_MIN_LENGTH) {
            const short = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
            return fail(userError("INVALID", short, ["password"]));
          }
          link.status = "ACCEPTED";
          state.signedIn = true;
          const { id, name: accountName } = current();
          return ok<AcceptInvitationMutation>({
            __typename: "Mutation",
            acceptInvitation: {
              __typename: "AcceptInvitationPayload",
              account: { __typename: "AccountSummary", id, name: accountName },
              member: null,
              userErrors: [],
            },
          });
        }
        if (link.existingUser) {
          if (!state.signedIn) {
            return fail(
              userError(
                "SIGN_IN_REQUIRED",
                `Log in as ${link.email} to accept this invitation.`,
                null,
              ),
            );
          }
          if (link.email?.toLowerCase() !== USER.email) {
            return fail(
              userError(
                "EMAIL_MISMATCH",
                `This invitation is for ${link.email}; log in with that email.`,
                null,
              ),
            );
          }
        } else {
          if (state.signedIn) {
            return fail(
              userError(
                "EMAIL_MISMATCH",
                `This invitation is for ${link.email}; log out and open the link again.`,
                null,
              ),
            );
          }
          const errors: UserError[] = [];
          if (isShareableLink && !EMAIL_PATTERN.test(email?.trim() ?? "")) {
            errors.push(userError("INVALID", "Enter your email address.", ["email"]));
          }
          if (!name?.trim()) errors.push(userError("INVALID", "Your name is required.", ["name"]));
          if ((password ?? "").length < 10) {
            errors.push(userError("INVALID", "Use at least 10 characters.", ["password"]));
          }
          if (errors.length) return fail(...errors);
        }
        if (!isShareableLink) link.status = "ACCEPTED";
        state.signedIn = true;
        const account = current();
        // Accepting a client invitation makes the user a CLIENT of the account.
        if (link.kind === "CLIENT") account.role = "CLIENT";
        return ok<AcceptInvitationMutation>({
          __typename: "Mutation",
          acceptInvitation: {
            __typename: "AcceptInvitationPayload",
            account: { __typename: "AccountSummary", id: account.id, name: link.accountName },
            member: {
              __typename: "Member",
              id: "TWVtYmVyOm5ldw",
              role: link.kind === "CLIENT" ? "CLIENT" : (link.role ?? "VIEWER"),
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.mutation<InvitationLogOutMutation>("InvitationLogOut", () => {
      record("InvitationLogOut", {});
      const wasSignedIn = state.signedIn;
      state.signedIn = false;
      return ok<InvitationLogOutMutation>({
        __typename: "Mutation",
        logOut: { __typename: "LogOutPayload", ok: wasSignedIn },
      });
    }),

    ...accountAdminHandlers(state),
  ];

  const operations = (name: string) => state.operations.filter((o) => o.operationName === name);
  return { state, handlers, operations };
}

export type MockBackend = ReturnType<typeof createMockBackend>;
