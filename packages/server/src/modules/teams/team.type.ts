import { toGlobalId } from "@pn/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Node, type Typed } from "../../graphql/node";
import { UserError } from "../../graphql/user-error";
import { Member } from "../members/member.type";

@ObjectType({ description: "One of the account's people in a client's team." })
export class TeamMembership {
  memberId: string;
  @Field(() => Member) member: Member;
  @Field(() => Boolean) isLead: boolean;
  @Field(() => Date) addedAt: Date;
}

@ObjectType({ implements: Node, description: "The account's people serving one client; exactly one of them leads." })
export class Team extends Node implements Typed<"Team"> {
  __typename: "Team";
  localId: string;
  accountId: string;
  clientId: string;
}

@InputType()
export class TeamMemberInput {
  @Field(() => ID) clientId: string;
  @Field(() => ID) memberId: string;
}

@InputType()
export class ReplaceTeamMemberInput {
  @Field(() => ID) clientId: string;
  @Field(() => ID) memberId: string;
  @Field(() => ID) replacementMemberId: string;
}

@ObjectType()
export class TeamPayload {
  @Field(() => Team, { nullable: true }) team: Team | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

export type TeamRow = { id: string; account_id: string; client_id: string };

export function toTeam(row: TeamRow): Team {
  return { __typename: "Team", id: toGlobalId("Team", row.id), localId: row.id, accountId: row.account_id, clientId: row.client_id };
}
