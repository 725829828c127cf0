import { ClientStatus, ClientType, toGlobalId } from "@pn/shared";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { connectionTypes } from "../../graphql/connection";
import { OrderDirection } from "../../graphql/list-order";
import "../../graphql/enums";
import { Node, type Typed } from "../../graphql/node";
import { UserError } from "../../graphql/user-error";

@ObjectType({
  implements: Node,
  description: "Someone this account works for: an account that has it as a partner, or a person.",
})
export class Client extends Node implements Typed<"Client"> {
  __typename: "Client";
  localId: string;
  accountId: string;
  clientAccountId: string | null;
  partnerId: string | null;

  @Field(() => ClientType, { description: "ACCOUNT (a linked account) or PERSON." })
  type: ClientType;
  @Field(() => String, { description: "The person's or company's name." }) name: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The client\'s title or role at their company ("Head of purchasing"); null when none.',
  })
  title: string | null;
  @Field(() => String, { nullable: true, description: "Contact email; null for a linked account." })
  email: string | null;
  @Field(() => String, { nullable: true, description: "Contact phone, as given." }) phone:
    string | null;
  @Field(() => ClientStatus, { description: "Where the client link stands." }) status: ClientStatus;
  @Field(() => Date, { description: "When the client was created (invited or signed up)." })
  createdAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: "When the client was removed from the network; null otherwise.",
  })
  removedAt: Date | null;
}

export const { ConnectionType: ClientConnection } = connectionTypes(Client, "Client");

@InputType({ description: "Narrows a client list; all given conditions must hold." })
export class ClientFilter {
  @Field(() => [ClientStatus], {
    nullable: true,
    description: "Only clients in one of these statuses.",
  })
  status?: ClientStatus[] | null;
  @Field(() => String, { nullable: true, description: "Case-insensitive match on name or email." })
  search?: string | null;
}

export enum ClientOrderField {
  NAME = "NAME",
  CREATED_AT = "CREATED_AT",
}

registerEnumType(ClientOrderField, {
  name: "ClientOrderField",
  description: "What a client list can be sorted by; ties are broken by the client's ID.",
  valuesConfig: {
    NAME: { description: "The person's or company's name, case-insensitive and accent-aware." },
    CREATED_AT: { description: "When the client was created; DESC is the default order." },
  },
});

@InputType({ description: "How to sort a client list: a field and a direction." })
export class ClientOrder {
  @Field(() => ClientOrderField, { description: "What to sort by." })
  field: ClientOrderField;

  @Field(() => OrderDirection, { description: "ASC or DESC." })
  direction: OrderDirection;
}

@InputType({ description: "Input of removeClientFromNetwork." })
export class RemoveClientFromNetworkInput {
  @Field(() => ID, { description: "Global ID of the client to remove." }) clientId: string;
}

@ObjectType({ description: "Result of removeClientFromNetwork." })
export class RemoveClientFromNetworkPayload {
  @Field(() => Client, {
    nullable: true,
    description: "The client, now REMOVED; null when refused.",
  })
  client: Client | null;
  @Field(() => Int, {
    description: "Members archived by this call (your people in the other account).",
  })
  archivedMemberCount: number;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

export const CLIENT_COLUMNS =
  "c.id, c.account_id, c.type, c.name, c.title, c.email, c.phone, c.client_account_id, c.partner_id, c.member_id, c.status, c.created_at, c.removed_at";

export type ClientRow = {
  id: string;
  account_id: string;
  type: ClientType;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  client_account_id: string | null;
  partner_id: string | null;
  member_id: string | null;
  status: ClientStatus;
  created_at: Date;
  removed_at: Date | null;
};

export function toClient(row: ClientRow): Client {
  return {
    __typename: "Client",
    id: toGlobalId("Client", row.id),
    localId: row.id,
    accountId: row.account_id,
    clientAccountId: row.client_account_id,
    partnerId: row.partner_id,
    type: row.type,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    status: row.status,
    createdAt: row.created_at,
    removedAt: row.removed_at,
  };
}
