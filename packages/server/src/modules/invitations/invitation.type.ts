import { DeliveryStatus, InvitationKind, InvitationStatus, Role, toGlobalId } from "@pn/shared";
import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { clock } from "../../clock";
import { connectionTypes } from "../../graphql/connection";
import { OrderDirection } from "../../graphql/list-order";
import "../../graphql/enums";
import { Node, type Typed } from "../../graphql/node";
import { UserError } from "../../graphql/user-error";

@ObjectType({
  implements: Node,
  description: "An invitation into an account: of a user, a partner company or a client.",
})
export class Invitation extends Node implements Typed<"Invitation"> {
  __typename: "Invitation";
  localId: string;
  accountId: string;
  invitedByMemberId: string | null;
  partnerId: string | null;
  clientId: string | null;

  @Field(() => InvitationKind, { description: "Whom the invitation brings in." })
  kind: InvitationKind;

  @Field(() => String, { nullable: true, description: "Null for a shareable link invitation." })
  email: string | null;

  @Field(() => Role, {
    nullable: true,
    description: "The role the invitee gets (USER invitations); null otherwise.",
  })
  role: Role | null;

  @Field(() => InvitationStatus, {
    description: "PENDING, ACCEPTED, REVOKED, or EXPIRED once past `expiresAt`.",
  })
  status: InvitationStatus;

  @Field(() => DeliveryStatus, { description: "Where the invitation email is." })
  delivery: DeliveryStatus;

  @Field(() => Date, { description: "When the link stops working; a resend restarts it." })
  expiresAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the email was last sent; null if never.",
  })
  lastSentAt: Date | null;

  @Field(() => Int, {
    description: "How many times the invitation email was sent (resends included).",
  })
  sendCount: number;

  @Field(() => Date, { description: "When the invitation was created." })
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the invitation was accepted; null until then.",
  })
  acceptedAt: Date | null;
}

export const { ConnectionType: InvitationConnection } = connectionTypes(Invitation, "Invitation");

@InputType({ description: "Narrows an invitation list; all given conditions must hold." })
export class InvitationFilter {
  @Field(() => [InvitationStatus], {
    nullable: true,
    description:
      "Only invitations in one of these statuses (EXPIRED matches pending ones past their expiry).",
  })
  status?: InvitationStatus[] | null;

  @Field(() => InvitationKind, { nullable: true, description: "Only invitations of this kind." })
  kind?: InvitationKind | null;
}

export enum InvitationOrderField {
  EMAIL = "EMAIL",
  STATUS = "STATUS",
  CREATED_AT = "CREATED_AT",
  EXPIRES_AT = "EXPIRES_AT",
}

registerEnumType(InvitationOrderField, {
  name: "InvitationOrderField",
  description: "What an invitation list can be sorted by; ties are broken by the invitation's ID.",
  valuesConfig: {
    EMAIL: {
      description:
        "The invited email, case-insensitive and accent-aware; shareable links (no email) come first when ascending.",
    },
    STATUS: {
      description:
        "Open, ACCEPTED, REVOKED (in that order when ascending); open ones by expiry, so EXPIRED ones (open past `expiresAt`) come right before the PENDING ones.",
    },
    CREATED_AT: {
      description: "When the invitation was created; DESC is the default order.",
    },
    EXPIRES_AT: { description: "When the link stops working (`expiresAt`)." },
  },
});

@InputType({ description: "How to sort an invitation list: a field and a direction." })
export class InvitationOrder {
  @Field(() => InvitationOrderField, { description: "What to sort by." })
  field: InvitationOrderField;

  @Field(() => OrderDirection, { description: "ASC or DESC." })
  direction: OrderDirection;
}

@ObjectType({ description: "What an invitee sees before accepting." })
export class InvitationPreview {
  @Field(() => InvitationKind, { description: "Whom the invitation brings in." })
  kind: InvitationKind;
  @Field(() => String, { description: "The inviting account's name." }) accountName: string;
  @Field(() => String, {
    nullable: true,
    description: "Who sent the invitation; null when not known.",
  })
  inviterName: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The invited email; null for a shareable link.",
  })
  email: string | null;
  @Field(() => Role, {
    nullable: true,
    description: "The role offered (USER invitations); null otherwise.",
  })
  role: Role | null;
  @Field(() => InvitationStatus, {
    description: "Whether the invitation can still be accepted (PENDING).",
  })
  status: InvitationStatus;
  @Field(() => Date, { description: "When the link stops working." }) expiresAt: Date;
}

@ObjectType({ description: "The outcome of one CSV data line." })
export class ImportRow {
  @Field(() => Int, { description: "1-based line number in the CSV, header excluded." })
  line: number;
  @Field(() => String, { nullable: true, description: "The email on this line, when it has one." })
  email: string | null;
  @Field(() => String, { description: "CREATED, UPDATED, UNCHANGED, SKIPPED or ERROR." })
  outcome: string;
  @Field(() => [UserError], {
    description: "Why the line was refused or skipped; empty when it was applied.",
  })
  errors: UserError[];
}

export const INVITATION_COLUMNS = `i.id, i.account_id, i.kind, i.email, i.role, i.status, i.delivery, i.expires_at,
  i.last_sent_at, i.send_count, i.invited_by_member_id, i.partner_id, i.client_id, i.created_at, i.accepted_at`;

export type InvitationRow = {
  id: string;
  account_id: string;
  kind: InvitationKind;
  email: string | null;
  role: Role | null;
  status: "PENDING" | "ACCEPTED" | "REVOKED";
  delivery: DeliveryStatus;
  expires_at: Date;
  last_sent_at: Date | null;
  send_count: number;
  invited_by_member_id: string | null;
  partner_id: string | null;
  client_id: string | null;
  created_at: Date;
  accepted_at: Date | null;
};

/**
 * How an invitation of one kind goes out again, decided by the module that owns that
 * kind (it knows the lifetime, the recipients and the email); the resend itself (new
 * token, rate limit, outbox, audit) is the same for every kind.
 */
export type ResendDelivery = {
  recipients: string[];
  lifetimeMs: number;
  email: (sender: { inviterName: string; accountName: string; expiresAt: Date }) => {
    subject: string;
    text: string;
    html: string;
  };
};

/** A kind's answer to "send it again": how, or why not. */
export type ResendPlan = ResendDelivery | { refusal: UserError };

/** A stored PENDING invitation past its expiry is EXPIRED, judged by the injectable clock. */
export function effectiveStatus(row: {
  status: InvitationRow["status"];
  expires_at: Date;
}): InvitationStatus {
  if (row.status === "PENDING" && row.expires_at.getTime() <= clock.now().getTime())
    return InvitationStatus.EXPIRED;
  return row.status as InvitationStatus;
}

export function toInvitation(row: InvitationRow): Invitation {
  return {
    __typename: "Invitation",
    id: toGlobalId("Invitation", row.id),
    localId: row.id,
    accountId: row.account_id,
    invitedByMemberId: row.invited_by_member_id,
    partnerId: row.partner_id,
    clientId: row.client_id,
    kind: row.kind,
    email: row.email,
    role: row.role,
    status: effectiveStatus(row),
    delivery: row.delivery,
    expiresAt: row.expires_at,
    lastSentAt: row.last_sent_at,
    sendCount: row.send_count,
    createdAt: row.created_at,
    acceptedAt: row.accepted_at,
  };
}
