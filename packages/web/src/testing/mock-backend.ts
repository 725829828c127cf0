/**
 * A small in-memory stand-in for the GraphQL server, as msw handlers with state: who is signed
 * in, the current account, members, plans and API tokens. Mutations change the state, so a
 * test sees the same round trips the real server gives (e.g. switchAccount, then the viewer
 * query answers with the new account).
 */
import { graphql, type GraphQLResponseBody, HttpResponse } from "msw";
import type {
  AccountSettingsQuery,
  ApiTokensQuery,
  ChangePlanMutation,
  ChangePlanMutationVariables,
  CreateApiTokenMutation,
  CreateApiTokenMutationVariables,
  LogInMutation,
  LogInMutationVariables,
  LogOutMutation,
  MembersListQuery,
  MembersListQueryVariables,
  RevokeApiTokenMutation,
  RevokeApiTokenMutationVariables,
  ShellViewerQuery,
  SignUpMutation,
  SignUpMutationVariables,
  SwitchAccountMutation,
  SwitchAccountMutationVariables,
} from "../gql/graphql";

type Role = NonNullable<ShellViewerQuery["viewer"]>["memberships"][number]["role"];
type Plan = NonNullable<NonNullable<AccountSettingsQuery["viewer"]>["currentAccount"]>["plan"];
type MemberNode = NonNullable<
  NonNullable<MembersListQuery["viewer"]>["currentAccount"]
>["members"]["nodes"][number];
type ApiTokenNode = NonNullable<
  NonNullable<ApiTokensQuery["viewer"]>["currentAccount"]
>["apiTokens"][number];
type UserError = LogInMutation["logIn"]["userErrors"][number];

export interface MockAccount {
  id: string;
  name: string;
  handle: string;
  plan: Plan;
  seatsUsed: number;
  /** The signed-in user's role here. */
  role: Role;
  members: MemberNode[];
  apiTokens: ApiTokenNode[];
}

export interface MockBackendOptions {
  signedIn?: boolean;
  accounts?: MockAccount[];
  currentAccountId?: string;
}

export interface RecordedOperation {
  operationName: string;
  variables: Record<string, unknown>;
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

export function acmeAccount(overrides: Partial<MockAccount> = {}): MockAccount {
  return {
    id: "QWNjb3VudDox",
    name: "Acme Corp",
    handle: "acme",
    plan: "TEAM",
    seatsUsed: 4,
    role: "OWNER",
    members: [
      member(0, {
        id: "TWVtYmVyOmFkYQ",
        name: USER.name,
        email: USER.email,
        role: "OWNER",
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
    ...overrides,
  };
}

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

export function createMockBackend(options: MockBackendOptions = {}) {
  const accounts = options.accounts ?? [acmeAccount(), globexAccount()];
  const state = {
    signedIn: options.signedIn ?? true,
    currentAccountId: options.currentAccountId ?? accounts[0]!.id,
    accounts,
    /** Every mutation and query received, in order. */
    operations: [] as RecordedOperation[],
    nextToken: 1,
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
          memberships: state.accounts.map((a) => ({
            __typename: "Member",
            id: currentMember(a).id,
            role: a.role,
            account: { __typename: "AccountSummary", id: a.id, name: a.name, handle: a.handle },
          })),
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
      let start = 0;
      let end = matching.length;
      if (variables.before) {
        end = decodeCursor(variables.before);
        start = Math.max(0, end - (variables.last ?? 50));
      } else {
        start = variables.after ? decodeCursor(variables.after) + 1 : 0;
        end = Math.min(matching.length, start + (variables.first ?? 50));
      }
      const nodes = matching.slice(start, end);
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
              pageInfo: {
                __typename: "PageInfo",
                hasNextPage: end < matching.length,
                hasPreviousPage: start > 0,
                startCursor: nodes.length ? encodeCursor(start) : null,
                endCursor: nodes.length ? encodeCursor(end - 1) : null,
              },
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
      if (variables.input.email.toLowerCase() === USER.email) {
        return ok<SignUpMutation>({
          __typename: "Mutation",
          signUp: {
            __typename: "SignUpPayload",
            user: null,
            account: null,
            userErrors: [
              userError("TAKEN", "An account with this email exists already; log in instead.", [
                "email",
              ]),
            ],
          },
        });
      }
      state.signedIn = true;
      return ok<SignUpMutation>({
        __typename: "Mutation",
        signUp: {
          __typename: "SignUpPayload",
          user: { __typename: "User", id: USER.id },
          account: { __typename: "Account", id: current().id },
          userErrors: [],
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

    graphql.mutation<SwitchAccountMutation, SwitchAccountMutationVariables>(
      "SwitchAccount",
      ({ variables }) => {
        record("SwitchAccount", variables);
        const target = state.accounts.find((a) => a.id === variables.input.accountId);
        if (!target) {
          return ok<SwitchAccountMutation>({
            __typename: "Mutation",
            switchAccount: {
              __typename: "SwitchAccountPayload",
              account: null,
              userErrors: [userError("NOT_FOUND", "No such account.", ["accountId"])],
            },
          });
        }
        state.currentAccountId = target.id;
        return ok<SwitchAccountMutation>({
          __typename: "Mutation",
          switchAccount: {
            __typename: "SwitchAccountPayload",
            account: { __typename: "Account", id: target.id, name: target.name },
            userErrors: [],
          },
        });
      },
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
  ];

  const operations = (name: string) => state.operations.filter((o) => o.operationName === name);
  return { state, handlers, operations };
}

export type MockBackend = ReturnType<typeof createMockBackend>;
