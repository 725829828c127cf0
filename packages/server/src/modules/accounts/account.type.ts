import { Plan, PLAN_SEAT_LIMITS, toGlobalId } from "@pn/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { Node, type Typed } from "../../graphql/node";

@ObjectType({
  implements: Node,
  description: "A company using Partner Network: the viewer's current account.",
})
export class Account extends Node implements Typed<"Account"> {
  __typename: "Account";
  localId: string;

  @Field(() => String, { description: "The company's display name." })
  name: string;

  @Field(() => String, {
    description: "Public, unique handle that partners use to invite this account (the account ID).",
  })
  handle: string;

  @Field(() => Plan, { description: "The current plan; it sets `seatLimit`." })
  plan: Plan;

  @Field(() => Int, { nullable: true, description: "Null means unlimited." })
  seatLimit: number | null;
}

@ObjectType({ description: "Another account seen across the network: its name and handle only." })
export class AccountSummary {
  @Field(() => ID, { description: "Global ID of the account." })
  id: string;

  @Field(() => String, { description: "The company's display name." })
  name: string;

  @Field(() => String, {
    description: "Public, unique handle (the account ID partners invite by).",
  })
  handle: string;
}

export type AccountRow = { id: string; name: string; handle: string; plan: Plan };

export function toAccount(row: AccountRow): Account {
  return {
    __typename: "Account",
    id: toGlobalId("Account", row.id),
    localId: row.id,
    name: row.name,
    handle: row.handle,
    plan: row.plan,
    seatLimit: PLAN_SEAT_LIMITS[row.plan],
  };
}

export function toAccountSummary(account: Account): AccountSummary {
  return { id: account.id, name: account.name, handle: account.handle };
}
