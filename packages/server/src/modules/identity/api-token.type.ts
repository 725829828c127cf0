import { ApiScope, toGlobalId } from "@pn/shared";
import { Field, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { Node, type Typed } from "../../graphql/node";

@ObjectType({
  implements: Node,
  description: "A credential for partner systems: `Authorization: Bearer <secret>`.",
})
export class ApiToken extends Node implements Typed<"ApiToken"> {
  __typename: "ApiToken";
  localId: string;
  accountId: string;

  @Field(() => String, {
    description: "A name to recognise the token by (e.g. the integration using it).",
  })
  name: string;

  @Field(() => [ApiScope], { description: "READ allows queries; WRITE also allows mutations." })
  scopes: ApiScope[];

  @Field(() => Date, { description: "When the token was created." })
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When a request last used the token; null if never.",
  })
  lastUsedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the token was revoked; null while it works.",
  })
  revokedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the token stops working, chosen at creation; null: until revoked. A token also stops (and is revoked) when its creator loses login, is archived or removed, or no longer holds the role its scopes need.",
  })
  expiresAt: Date | null;
}

export type ApiTokenRow = {
  id: string;
  account_id: string;
  name: string;
  scopes: ApiScope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
};

export const API_TOKEN_COLUMNS =
  "id, account_id, name, scopes, created_at, last_used_at, revoked_at, expires_at";

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    __typename: "ApiToken",
    id: toGlobalId("ApiToken", row.id),
    localId: row.id,
    accountId: row.account_id,
    name: row.name,
    scopes: row.scopes,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}
