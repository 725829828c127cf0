import { MemberStatus, MemberType, Role, toGlobalId } from "@pn/shared";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import "../../graphql/enums";
import { connectionTypes } from "../../graphql/connection";
import { OrderDirection } from "../../graphql/list-order";
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

  @Field(() => String, {
    description:
      "The person's name: their own once they accepted the membership; until then (or while they never set a password) the name this account gave them.",
  })
  name: string;

  @Field(() => String, {
    description:
      "The person's email: their sign-in email once they accepted; until then the email this account typed.",
  })
  email: string;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the person accepted this membership; null while it awaits them (someone else added them). Entering the account needs it.",
  })
  acceptedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the person declined this membership (it is archived then); null otherwise.",
  })
  declinedAt: Date | null;

  @Field(() => Boolean, {
    description:
      "Whether this account may still rename the person: until they accept, or while they never set a password. Afterwards only they change their name.",
  })
  nameEditable: boolean;

  /** Whether the account sees the person's own identity (name, email, user) rather than what it typed. */
  identityShown: boolean;

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

export enum MemberOrderField {
  NAME = "NAME",
  EMAIL = "EMAIL",
  ROLE = "ROLE",
  STATUS = "STATUS",
  CREATED_AT = "CREATED_AT",
}

registerEnumType(MemberOrderField, {
  name: "MemberOrderField",
  description: "What a member list can be sorted by; ties are broken by the member's ID.",
  valuesConfig: {
    NAME: {
      description:
        "The name shown (`Member.name`), case-insensitive and accent-aware: angel, Ängel, Bob.",
    },
    EMAIL: { description: "The email shown (`Member.email`), case-insensitive." },
    ROLE: {
      description:
        "The role in the `Role` enum's order (OWNER first when ascending), then by name.",
    },
    STATUS: {
      description: "PENDING, ACTIVE, ARCHIVED (in that order when ascending), then by name.",
    },
    CREATED_AT: {
      description: "When the member record was created; DESC is the default order.",
    },
  },
});

@InputType({ description: "How to sort a member list (as GitHub's API: a field and a direction)." })
export class MemberOrder {
  @Field(() => MemberOrderField, { description: "What to sort by." })
  field: MemberOrderField;

  @Field(() => OrderDirection, { description: "ASC or DESC." })
  direction: OrderDirection;
}

/**
 * The name an account sees for a member: what it typed until the person accepts, and for a
 * placeholder who never set a password (whom the account may keep renaming); the person's
 * own name once they accepted and claimed it. Reads and searches use the same expressions,
 * so a search can never match the real name of someone who has not accepted (an oracle).
 */
export const MEMBER_NAME_SQL = `(CASE WHEN m.accepted_at IS NULL THEN m.display_name
  WHEN u.password_hash IS NULL THEN coalesce(m.display_name, u.name) ELSE u.name END)`;
/** The email an account sees: what it typed until the person accepts, then their sign-in email. */
export const MEMBER_EMAIL_SQL = `(CASE WHEN m.accepted_at IS NULL THEN m.display_email ELSE u.email END)`;

/** Columns every member read selects: the member joined with the name and email the account may see. */
export const MEMBER_COLUMNS = `m.id, m.account_id, m.user_id, m.partner_id, ${MEMBER_NAME_SQL} AS name,
  ${MEMBER_EMAIL_SQL} AS email, m.title, m.type, m.role, m.status, m.can_login, m.created_at,
  m.activated_at, m.archived_at, m.accepted_at, m.declined_at, (u.password_hash IS NULL) AS placeholder`;
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
  accepted_at: Date | null;
  declined_at: Date | null;
  placeholder: boolean;
};

export function toMember(row: MemberRow): Member {
  // An instance of the class, so TypeGraphQL passes it to @Root() as it is instead of
  // copying it into one for every field resolver (convertToType; issue 20's profile).
  return Object.assign(new Member(), {
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
    acceptedAt: row.accepted_at,
    declinedAt: row.declined_at,
    nameEditable: row.accepted_at === null || row.placeholder,
    identityShown: row.accepted_at !== null && !row.placeholder,
  });
}
