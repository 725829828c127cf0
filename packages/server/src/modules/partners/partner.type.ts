import { PartnerStatus, toGlobalId } from "@pn/shared";
import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { connectionTypes } from "../../graphql/connection";
import { OrderDirection } from "../../graphql/list-order";
import "../../graphql/enums";
import { Node, type Typed } from "../../graphql/node";

@ObjectType({
  implements: Node,
  description:
    "In this account, a company it works with, and the link to that company's own account.",
})
export class Partner extends Node implements Typed<"Partner"> {
  __typename: "Partner";
  localId: string;
  accountId: string;
  partnerAccountId: string | null;

  @Field(() => String, { description: "The company's name." }) companyName: string;
  @Field(() => String, { nullable: true, description: "The person you deal with at the company." })
  contactName: string | null;
  @Field(() => String, {
    nullable: true,
    description: "That person's email (where a partner invitation by email went).",
  })
  contactEmail: string | null;
  @Field(() => PartnerStatus, { description: "INVITED, ACTIVE or REMOVED." }) status: PartnerStatus;
  @Field(() => Boolean, {
    description: "Whether the partner's people may log in to this account once active.",
  })
  allowLogin: boolean;
  @Field(() => Boolean, {
    description: "A company without an account here, managed by this account.",
  })
  guest: boolean;
  @Field(() => String, { nullable: true, description: "The company's web domain." }) domain:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: "Your own reference for the partner; unique in the account.",
  })
  externalId: string | null;
  @Field(() => String, { nullable: true, description: "The company's public website URL." })
  publicUrl: string | null;
  @Field(() => String, {
    nullable: true,
    description: "URL of the uploaded logo; it changes when the logo does.",
  })
  logoUrl: string | null;
  @Field(() => Date, { description: "When the partner was created (invited or recorded)." })
  createdAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: "When the partner accepted and was linked; null until then.",
  })
  connectedAt: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: "When the partner was removed from the network; null otherwise.",
  })
  removedAt: Date | null;
}

export const { ConnectionType: PartnerConnection } = connectionTypes(Partner, "Partner");

@ObjectType({ description: "How many of a partner's people are in each status." })
export class MemberCounts {
  @Field(() => Int, { description: "People waiting to be activated." }) pending: number;
  @Field(() => Int, { description: "Active people." }) active: number;
  @Field(() => Int, { description: "Archived people." }) archived: number;
}

@InputType({ description: "Narrows a partner list; all given conditions must hold." })
export class PartnerFilter {
  @Field(() => [PartnerStatus], {
    nullable: true,
    description: "Only partners in one of these statuses.",
  })
  status?: PartnerStatus[] | null;
  @Field(() => String, {
    nullable: true,
    description: "Case-insensitive match on company, contact or domain.",
  })
  search?: string | null;
}

export enum PartnerOrderField {
  COMPANY_NAME = "COMPANY_NAME",
  CREATED_AT = "CREATED_AT",
  PENDING_MEMBERS = "PENDING_MEMBERS",
}

registerEnumType(PartnerOrderField, {
  name: "PartnerOrderField",
  description: "What a partner list can be sorted by; ties are broken by the partner's ID.",
  valuesConfig: {
    COMPANY_NAME: { description: "The company's name, case-insensitive and accent-aware." },
    CREATED_AT: { description: "When the partner was created; DESC is the default order." },
    PENDING_MEMBERS: {
      description: "How many of the partner's people are PENDING (`memberCounts.pending`).",
    },
  },
});

@InputType({ description: "How to sort a partner list: a field and a direction." })
export class PartnerOrder {
  @Field(() => PartnerOrderField, { description: "What to sort by." })
  field: PartnerOrderField;

  @Field(() => OrderDirection, { description: "ASC or DESC." })
  direction: OrderDirection;
}

/** The columns of a PartnerRow, in the order the statements select them. */
export const PARTNER_COLUMN_NAMES = [
  "id",
  "account_id",
  "company_name",
  "contact_name",
  "contact_email",
  "partner_account_id",
  "status",
  "allow_login",
  "guest",
  "domain",
  "external_id",
  "public_url",
  "logo_updated_at",
  "created_at",
  "connected_at",
  "removed_at",
] as const satisfies readonly (keyof PartnerRow)[];

export const PARTNER_COLUMNS = PARTNER_COLUMN_NAMES.map((name) => `p.${name}`).join(", ");

export type PartnerRow = {
  id: string;
  account_id: string;
  company_name: string;
  contact_name: string | null;
  contact_email: string | null;
  partner_account_id: string | null;
  status: PartnerStatus;
  allow_login: boolean;
  guest: boolean;
  domain: string | null;
  external_id: string | null;
  public_url: string | null;
  logo_updated_at: Date | null;
  created_at: Date;
  connected_at: Date | null;
  removed_at: Date | null;
};

export function toPartner(row: PartnerRow): Partner {
  const id = toGlobalId("Partner", row.id);
  // An instance, as toMember makes: TypeGraphQL then hands it to @Root() without a copy.
  return Object.assign(new Partner(), {
    __typename: "Partner",
    id,
    localId: row.id,
    accountId: row.account_id,
    partnerAccountId: row.partner_account_id,
    companyName: row.company_name,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    status: row.status,
    allowLogin: row.allow_login,
    guest: row.guest,
    domain: row.domain,
    externalId: row.external_id,
    publicUrl: row.public_url,
    logoUrl: row.logo_updated_at
      ? `/api/partners/${id}/logo?v=${row.logo_updated_at.getTime()}`
      : null,
    createdAt: row.created_at,
    connectedAt: row.connected_at,
    removedAt: row.removed_at,
  });
}
