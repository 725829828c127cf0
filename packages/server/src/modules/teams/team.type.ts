import { toGlobalId } from "@pn/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Node, type Typed } from "../../graphql/node";
import { UserError } from "../../graphql/user-error";
import { Member } from "../members/member.type";

@ObjectType({ description: "One of the account's people in a client's team." })
export class TeamMembership {
  memberId: string;
  @Field(() => Member, { description: "The account's person in the team." }) member: Member;
  @Field(() => Boolean, { description: "Whether this person leads the team (exactly one does)." })
  isLead: boolean;
  @Field(() => Date, { description: "When the person joined the team." }) addedAt: Date;
}

@ObjectType({
  implements: Node,
  description: "The account's people serving one client; exactly one of them leads.",
})
export class Team extends Node implements Typed<"Team"> {
  __typename: "Team";
  localId: string;
  accountId: string;
  clientId: string;
}

@InputType({ description: "Input of addTeamMember, removeTeamMember and makeTeamLead." })
export class TeamMemberInput {
  @Field(() => ID, { description: "Global ID of the client whose team changes." }) clientId: string;
  @Field(() => ID, { description: "Global ID of an active internal member of the account." })
  memberId: string;
}

@InputType({
  description:
    "Input of replaceTeamMember: one person takes another's place (and lead, if they led).",
})
export class ReplaceTeamMemberInput {
  @Field(() => ID, { description: "Global ID of the client whose team changes." }) clientId: string;
  @Field(() => ID, { description: "Global ID of the member leaving the team." }) memberId: string;
  @Field(() => ID, { description: "Global ID of the active internal member taking their place." })
  replacementMemberId: string;
}

@ObjectType({ description: "Result of a team mutation." })
export class TeamPayload {
  @Field(() => Team, {
    nullable: true,
    description: "The team after the change; null when refused.",
  })
  team: Team | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

export type TeamRow = { id: string; account_id: string; client_id: string };

export function toTeam(row: TeamRow): Team {
  return {
    __typename: "Team",
    id: toGlobalId("Team", row.id),
    localId: row.id,
    accountId: row.account_id,
    clientId: row.client_id,
  };
}
