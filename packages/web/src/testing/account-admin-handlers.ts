/**
 * The account administration part of the mock backend (mock-backend.ts): account name and
 * handle, handle availability, ownership transfer, seats for the member panel, and the backup
 * download, all on the core backend's state.
 */
import { handleProblem, normalizeHandle, PLAN_SEAT_LIMITS } from "@pn/shared";
import { graphql, type GraphQLResponseBody, http, HttpResponse } from "msw";
import type {
  HandleAvailabilityQuery,
  HandleAvailabilityQueryVariables,
  MemberSeatsQuery,
  TransferCandidatesQuery,
  TransferOwnershipMutation,
  TransferOwnershipMutationVariables,
  UpdateAccountMutation,
  UpdateAccountMutationVariables,
} from "../gql/graphql";
import type { MockAccount, RecordedOperation } from "./mock-types";

type UserError = UpdateAccountMutation["updateAccount"]["userErrors"][number];

/** What these handlers need of the core backend's state. */
export interface AccountAdminState {
  signedIn: boolean;
  currentAccountId: string;
  accounts: MockAccount[];
  operations: RecordedOperation[];
}

/** Handles of accounts elsewhere on Partner Network, besides the mock's own accounts. */
export const TAKEN_HANDLES = ["initech", "soylent"];
/** The bytes the mock backup download streams, in this many chunks. */
export const BACKUP_BYTES = 3 * 1024 * 1024;
export const BACKUP_CHUNKS = 3;
export const BACKUP_FILE_NAME = "acme-backup-2026-02-01.zip";
/** The owner's password in the mock (the same one log-in takes). */
const OWNER_PASSWORD = "correct horse battery";
const ADMINS = ["OWNER", "ADMINISTRATOR"];

function ok<T extends Record<string, unknown>>(data: T) {
  return HttpResponse.json<GraphQLResponseBody<T>>({ data });
}

function forbidden<T extends Record<string, unknown>>() {
  return HttpResponse.json<GraphQLResponseBody<T>>({
    data: null,
    errors: [{ message: "Your role does not allow this.", extensions: { code: "FORBIDDEN" } }],
  });
}

function userError(code: UserError["code"], message: string, field: string[] | null): UserError {
  return { __typename: "UserError", code, message, field };
}

export function accountAdminHandlers(state: AccountAdminState) {
  const record = (operationName: string, variables: Record<string, unknown>) => {
    state.operations.push({ operationName, variables });
  };
  const current = (): MockAccount => {
    const account = state.accounts.find((a) => a.id === state.currentAccountId);
    if (!account) throw new Error(`No mock account ${state.currentAccountId}`);
    return account;
  };
  /** Why `typed` cannot be the current account's handle, or null. */
  const handleRefusal = (typed: string): { code: UserError["code"]; reason: string } | null => {
    const handle = normalizeHandle(typed);
    const problem = handleProblem(handle);
    if (problem) return { code: "INVALID", reason: problem };
    const others = state.accounts.filter((a) => a.id !== state.currentAccountId);
    if (TAKEN_HANDLES.includes(handle) || others.some((a) => a.handle === handle)) {
      return { code: "TAKEN", reason: "Another account uses this account ID." };
    }
    return null;
  };

  return [
    graphql.query<HandleAvailabilityQuery, HandleAvailabilityQueryVariables>(
      "HandleAvailability",
      ({ variables }) => {
        record("HandleAvailability", variables);
        if (!ADMINS.includes(current().role)) return forbidden<HandleAvailabilityQuery>();
        const refusal = handleRefusal(variables.handle);
        return ok<HandleAvailabilityQuery>({
          __typename: "Query",
          handleAvailability: {
            __typename: "HandleAvailability",
            handle: normalizeHandle(variables.handle),
            available: refusal === null,
            reason: refusal?.reason ?? null,
          },
        });
      },
    ),

    graphql.mutation<UpdateAccountMutation, UpdateAccountMutationVariables>(
      "UpdateAccount",
      ({ variables }) => {
        record("UpdateAccount", variables);
        const account = current();
        if (!ADMINS.includes(account.role)) return forbidden<UpdateAccountMutation>();
        const { name, handle } = variables.input;
        const errors: UserError[] = [];
        if (name != null && !name.trim()) {
          errors.push(userError("INVALID", "The company name is required.", ["name"]));
        }
        const refusal = handle != null ? handleRefusal(handle) : null;
        if (refusal) errors.push(userError(refusal.code, refusal.reason, ["handle"]));
        if (errors.length) {
          return ok<UpdateAccountMutation>({
            __typename: "Mutation",
            updateAccount: {
              __typename: "UpdateAccountPayload",
              account: null,
              userErrors: errors,
            },
          });
        }
        if (name != null) account.name = name.trim();
        if (handle != null) account.handle = normalizeHandle(handle);
        return ok<UpdateAccountMutation>({
          __typename: "Mutation",
          updateAccount: {
            __typename: "UpdateAccountPayload",
            account: {
              __typename: "Account",
              id: account.id,
              name: account.name,
              handle: account.handle,
            },
            userErrors: [],
          },
        });
      },
    ),

    graphql.query<TransferCandidatesQuery>("TransferCandidates", () => {
      record("TransferCandidates", {});
      const account = current();
      const nodes = account.members
        .filter((m) => m.status === "ACTIVE" && m.type === "INTERNAL")
        .map(({ id, name, email, role }) => ({
          __typename: "Member" as const,
          id,
          name,
          email,
          role,
        }));
      return ok<TransferCandidatesQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            members: { __typename: "MemberConnection", nodes },
          },
        },
      });
    }),

    graphql.mutation<TransferOwnershipMutation, TransferOwnershipMutationVariables>(
      "TransferOwnership",
      ({ variables }) => {
        record("TransferOwnership", variables);
        const account = current();
        if (account.role !== "OWNER") return forbidden<TransferOwnershipMutation>();
        const fail = (error: UserError) =>
          ok<TransferOwnershipMutation>({
            __typename: "Mutation",
            transferOwnership: {
              __typename: "TransferOwnershipPayload",
              previousOwner: null,
              newOwner: null,
              userErrors: [error],
            },
          });
        if (variables.input.password !== OWNER_PASSWORD) {
          return fail(userError("BAD_CREDENTIALS", "That password is not right.", ["password"]));
        }
        const target = account.members.find((m) => m.id === variables.input.memberId);
        if (!target) return fail(userError("NOT_FOUND", "No such member.", ["memberId"]));
        if (
          target.status !== "ACTIVE" ||
          target.type !== "INTERNAL" ||
          target.role !== "ADMINISTRATOR"
        ) {
          return fail(
            userError(
              "INVALID_STATE",
              "Ownership can go only to an active internal administrator.",
              ["memberId"],
            ),
          );
        }
        const self = account.members.find((m) => m.role === "OWNER");
        if (self) self.role = "ADMINISTRATOR";
        account.role = "ADMINISTRATOR";
        target.role = "OWNER";
        return ok<TransferOwnershipMutation>({
          __typename: "Mutation",
          transferOwnership: {
            __typename: "TransferOwnershipPayload",
            previousOwner: self ? { __typename: "Member", id: self.id, role: self.role } : null,
            newOwner: { __typename: "Member", id: target.id, name: target.name, role: target.role },
            userErrors: [],
          },
        });
      },
    ),

    graphql.query<MemberSeatsQuery>("MemberSeats", () => {
      record("MemberSeats", {});
      if (!state.signedIn) return ok<MemberSeatsQuery>({ __typename: "Query", viewer: null });
      const account = current();
      return ok<MemberSeatsQuery>({
        __typename: "Query",
        viewer: {
          __typename: "Viewer",
          currentAccount: {
            __typename: "Account",
            id: account.id,
            seatsUsed: account.seatsUsed,
            seatLimit: PLAN_SEAT_LIMITS[account.plan],
          },
        },
      });
    }),

    http.get("/api/account/export", () => {
      record("AccountExport", {});
      if (!ADMINS.includes(current().role)) {
        return HttpResponse.json(
          { error: "Only owners and administrators may download the backup." },
          { status: 403 },
        );
      }
      const chunk = BACKUP_BYTES / BACKUP_CHUNKS;
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === BACKUP_CHUNKS) return controller.close();
          sent += 1;
          controller.enqueue(new Uint8Array(chunk));
        },
      });
      return new HttpResponse(body, {
        headers: {
          "content-type": "application/zip",
          "content-disposition": `attachment; filename="${BACKUP_FILE_NAME}"`,
        },
      });
    }),
  ];
}
