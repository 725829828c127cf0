import { MemberStatus, MemberType, Role, toGlobalId } from "@pn/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { connectionTypes } from "../../graphql/connection";
import { Node, type Typed } from "../../graphql/node";

@ObjectType({
  implements: Node,
  description: "A person inside one account: internal staff or a partner's external member.",
})
export class Member extends Node implements Typed<"Member"> {
  __typename: "Member";
  localId: string;
  accountId: string;
  userId: string;
  partnerId: string | null;

  @Field(() => String, { description: "The person's display name." })
  name: string;

  @Field(() => String, { description: "The person's email." })
  email: string;

  @Field(() => String, { nullable: true, description: "Job title in this account." })
  title: string | null;

  @Field(() => MemberType, { description: "INTERNAL or EXTERNAL (a partner's person)." })
  type: MemberType;

  @Field(() => Role, { description: "What the member may do in the account." })
  role: Role;

  @Field(() => MemberStatus, { description: "PENDING, ACTIVE or ARCHIVED." })
  status: MemberStatus;

  @Field(() => Boolean, { description: "Whether this member may sign in to the account." })
  canLogin: boolean;

  @Field(() => Date, { description: "When the member record was created." })
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the member was last activated; null if never.",
  })
  activatedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the member was archived; null unless ARCHIVED.",
  })
  archivedAt: Date | null;
}

export const { ConnectionType: MemberConnection, EdgeType: MemberEdge } = connectionTypes(
  Member,
  "Member",
);

@InputType({ description: "Narrows a member list; all given conditions must hold." })
export class MemberFilter {
  @Field(() => [MemberStatus], {
    nullable: true,
    description: "Only members in one of these statuses.",
  })
  status?: MemberStatus[] | null;

  @Field(() => MemberType, {
    nullable: true,
    description: "Only INTERNAL or only EXTERNAL members.",
  })
  type?: MemberType | null;

  @Field(() => ID, { nullable: true, description: "Only external members of this partner." })
  partnerId?: string | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive match on name or email." })
  search?: string | null;
}

/** Columns every member read selects: the member joined with its user's name and email. */
export const MEMBER_COLUMNS = `m.id, m.account_id, m.user_id, m.partner_id, u.name, u.email, m.title, m.type, m.role,
  m.status, m.can_login, m.created_at, m.activated_at, m.archived_at`;
export const MEMBER_FROM = "members m JOIN users u ON u.id = m.user_id";

export type MemberRow = {
  id: string;
  account_id: string;
  user_id: string;
  partner_id: string | null;
  name: string;
  email: string;
  title: string | null;
  type: MemberType;
  role: Role;
  status: MemberStatus;
  can_login: boolean;
  created_at: Date;
  activated_at: Date | null;
  archived_at: Date | null;
};

export function toMember(row: MemberRow): Member {
  return {
    __typename: "Member",
    id: toGlobalId("Member", row.id),
    localId: row.id,
    accountId: row.account_id,
    userId: row.user_id,
    partnerId: row.partner_id,
    name: row.name,
    email: row.email,
    title: row.title,
    type: row.type,
    role: row.role,
    status: row.status,
    canLogin: row.can_login,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    archivedAt: row.archived_at,
  };
}
