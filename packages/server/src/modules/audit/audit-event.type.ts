import { toGlobalId } from "@pn/shared";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { connectionTypes } from "../../graphql/connection";
import { Node, type Typed } from "../../graphql/node";

export enum AuditVia {
  SESSION = "SESSION",
  API_TOKEN = "API_TOKEN",
  SYSTEM = "SYSTEM",
}

registerEnumType(AuditVia, {
  name: "AuditVia",
  description: "How the actor came in: a browser session or an API token.",
  valuesConfig: {
    SESSION: {
      description: "Signed in, e.g. in the SPA (also sign-up, log-in and accepting an invitation).",
    },
    API_TOKEN: { description: "A partner system with an API token." },
    SYSTEM: {
      description:
        "The server itself, on its own schedule (e.g. an invitation expiring); no actor.",
    },
  },
});

@ObjectType({
  implements: Node,
  description: "One entry of the audit log: who did what to which object, when and from where.",
})
export class AuditEvent extends Node implements Typed<"AuditEvent"> {
  __typename: "AuditEvent";
  localId: string;
  actorUserId: string | null;

  @Field(() => String, {
    description: "`object.verb`, e.g. `member.archived`; the same names are webhook event types.",
  })
  action: string;

  @Field(() => String, {
    description: "The type of the object acted on, e.g. Member, Partner, Invitation.",
  })
  objectType: string;

  @Field(() => ID, {
    description:
      "Global ID of the object acted on (it may no longer exist, or be another account's).",
  })
  objectId: string;

  @Field(() => AuditVia, { description: "How the actor was signed in." })
  via: AuditVia;

  @Field(() => String, {
    nullable: true,
    description: "The API token's name when `via` is API_TOKEN.",
  })
  apiTokenName: string | null;

  @Field(() => String, { nullable: true, description: "The caller's IP address." })
  ip: string | null;

  @Field(() => Date, { description: "When the change was committed." })
  createdAt: Date;

  @Field(() => String, { description: "Facts about the change as a JSON object (never secrets)." })
  details: string;
}

export const { ConnectionType: AuditEventConnection } = connectionTypes(AuditEvent, "AuditEvent");

@InputType({ description: "Narrows the audit log; all given conditions must hold." })
export class AuditEventFilter {
  @Field(() => [String], { nullable: true, description: "Any of these actions." })
  action?: string[] | null;

  @Field(() => ID, { nullable: true, description: "Events about this object (global ID)." })
  objectId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Events by this person: a User's or a Member's global ID.",
  })
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: "At or after this time." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Before this time." })
  to?: Date | null;
}

export type AuditEventRow = {
  id: string;
  actor_user_id: string | null;
  via: string;
  api_token_name: string | null;
  ip: string | null;
  action: string;
  object_type: string;
  object_id: string;
  details: Record<string, unknown>;
  created_at: Date;
};

export const AUDIT_EVENT_COLUMNS =
  "e.id, e.actor_user_id, e.via, t.name AS api_token_name, e.ip, e.action, e.object_type, e.object_id, e.details, e.created_at";
/** The token's name comes with the row, so a page is one statement. */
export const AUDIT_EVENT_FROM = "audit_events e LEFT JOIN api_tokens t ON t.id = e.api_token_id";

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    __typename: "AuditEvent",
    id: toGlobalId("AuditEvent", row.id),
    localId: row.id,
    actorUserId: row.actor_user_id,
    action: row.action,
    objectType: row.object_type,
    objectId: toGlobalId(row.object_type, row.object_id),
    via:
      row.via === "api_token"
        ? AuditVia.API_TOKEN
        : row.via === "system"
          ? AuditVia.SYSTEM
          : AuditVia.SESSION,
    apiTokenName: row.api_token_name,
    ip: row.ip,
    createdAt: row.created_at,
    details: JSON.stringify(row.details),
  };
}
