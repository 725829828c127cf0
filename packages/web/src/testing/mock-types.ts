/** Types shared by the mock backend and the handler files it composes (no runtime code, so no import circle). */
import type {
  AccountSettingsQuery,
  ApiTokensQuery,
  InvitationsListQuery,
  MembersListQuery,
  ShellViewerQuery,
} from "../gql/graphql";

export type Role = NonNullable<ShellViewerQuery["viewer"]>["memberships"][number]["role"];
export type Plan = NonNullable<
  NonNullable<AccountSettingsQuery["viewer"]>["currentAccount"]
>["plan"];
export type MemberNode = NonNullable<
  NonNullable<MembersListQuery["viewer"]>["currentAccount"]
>["members"]["nodes"][number];
export type ApiTokenNode = NonNullable<
  NonNullable<ApiTokensQuery["viewer"]>["currentAccount"]
>["apiTokens"][number];
export type InvitationNode = NonNullable<
  NonNullable<InvitationsListQuery["viewer"]>["currentAccount"]
>["invitations"]["nodes"][number];
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
  /** User invitations, newest first. */
  invitations: InvitationNode[];
}

export interface RecordedOperation {
  operationName: string;
  variables: Record<string, unknown>;
}
