import { toGlobalId } from "@pn/shared";
import { Field, ObjectType } from "type-graphql";
import { Node, type Typed } from "../../graphql/node";
import type { SessionRow } from "./sessions.service";

@ObjectType({
  implements: Node,
  description:
    "One of the signed-in person's browser sessions (a sign-in on a device), listed so they can end it; visible to that person only.",
})
export class Session extends Node implements Typed<"Session"> {
  __typename: "Session";
  localId: string;

  @Field(() => Date, { description: "When the person signed in." })
  createdAt: Date;

  @Field(() => Date, {
    description: "When a request last used the session, to within an hour.",
  })
  lastSeenAt: Date;

  @Field(() => Date, { description: "When it ends unless used again (30 days after last use)." })
  expiresAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "The browser's User-Agent when it signed in; null when it sent none.",
  })
  userAgent: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The IP address it signed in from; null when unknown.",
  })
  ip: string | null;

  @Field(() => Boolean, { description: "True for the session making this request." })
  current: boolean;
}

export function toSession(row: SessionRow, currentSessionId: string | null): Session {
  return {
    __typename: "Session",
    localId: row.id,
    id: toGlobalId("Session", row.id),
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    userAgent: row.user_agent,
    ip: row.ip,
    current: row.id === currentSessionId,
  };
}
