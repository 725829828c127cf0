import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Client } from "../clients/client.type";
import { clientsService } from "../clients/clients.service";
import { Member } from "../members/member.type";
import {
  ReplaceTeamMemberInput,
  Team,
  TeamMemberInput,
  TeamMembership,
  TeamPayload,
} from "./team.type";
import { teamsService } from "./teams.service";

@Resolver(() => Team)
export class TeamResolver {
  @FieldResolver(() => Client, { description: "The client this team serves." })
  async client(@Root() team: Team, @Ctx() context: Context): Promise<Client> {
    const client = await clientsService.clientById(context, team.clientId, {
      bypassVisibility: true,
    });
    if (!client) throw new Error(`team ${team.localId} without client`);
    return client;
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: "Null only for a linked account's team, which has no people.",
  })
  async lead(@Root() team: Team, @Ctx() context: Context): Promise<Member | null> {
    return (
      (await teamsService.membershipsOf(context, team)).find((membership) => membership.isLead)
        ?.member ?? null
    );
  }

  @FieldResolver(() => [TeamMembership], { description: "Lead first, then by when they joined." })
  members(@Root() team: Team, @Ctx() context: Context): Promise<TeamMembership[]> {
    return teamsService.membershipsOf(context, team);
  }

  @Mutation(() => TeamPayload, {
    description: "EDITOR and up: adds one of your active people to a client's team.",
  })
  addTeamMember(
    @Arg("input", () => TeamMemberInput, {
      description: "What to do; see the fields of TeamMemberInput.",
    })
    input: TeamMemberInput,
    @Ctx() context: Context,
  ): Promise<TeamPayload> {
    return teamsService.addMember(context, input);
  }

  @Mutation(() => TeamPayload, {
    description:
      "Refused for the lead (TEAM_LEAD_REQUIRED) and the last member (LAST_TEAM_MEMBER).",
  })
  removeTeamMember(
    @Arg("input", () => TeamMemberInput, {
      description: "What to do; see the fields of TeamMemberInput.",
    })
    input: TeamMemberInput,
    @Ctx() context: Context,
  ): Promise<TeamPayload> {
    return teamsService.removeMember(context, input);
  }

  @Mutation(() => TeamPayload, {
    description: "The replacement takes over the lead when the replaced person led.",
  })
  replaceTeamMember(
    @Arg("input", () => ReplaceTeamMemberInput, {
      description: "What to do; see the fields of ReplaceTeamMemberInput.",
    })
    input: ReplaceTeamMemberInput,
    @Ctx() context: Context,
  ): Promise<TeamPayload> {
    return teamsService.replaceMember(context, input);
  }

  @Mutation(() => TeamPayload, {
    description: "Makes a team member the lead; the previous lead stays in the team.",
  })
  makeTeamLead(
    @Arg("input", () => TeamMemberInput, {
      description: "What to do; see the fields of TeamMemberInput.",
    })
    input: TeamMemberInput,
    @Ctx() context: Context,
  ): Promise<TeamPayload> {
    return teamsService.makeLead(context, input);
  }
}
