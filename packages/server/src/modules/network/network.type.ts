import { NetworkNodeKind, NetworkNodeStatus } from "@pn/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import "../../graphql/enums";

@ObjectType({
  description:
    "One partner or client on the network map, with its people's counts: a dedicated, bounded read for drawing the whole network at once.",
})
export class NetworkNode {
  @Field(() => NetworkNodeKind, { description: "PARTNER or CLIENT." }) kind: NetworkNodeKind;
  @Field(() => ID, {
    description: "Global ID of the Partner or Client (fetch more with `node`).",
  })
  id: string;
  @Field(() => String, { description: "The partner's company name or the client's name." })
  name: string;
  @Field(() => NetworkNodeStatus, { description: "INVITED or ACTIVE (removed ones are left out)." })
  status: NetworkNodeStatus;
  @Field(() => Int, {
    description:
      "A partner: its active people here. A client: the active people of this account in its team.",
  })
  activeCount: number;
  @Field(() => Int, {
    description:
      "A partner: its people waiting to be activated. A client: its invitations still waiting for an answer.",
  })
  pendingCount: number;
}

/** The root of Account.networkSummary: the account whose network it is. */
@ObjectType({
  description:
    "The account's network at a glance: its partners and clients (not removed), for the network map.",
})
export class NetworkSummary {
  accountId: string;
}
