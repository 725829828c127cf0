/** Registers the shared enums with TypeGraphQL once, under their contract names. */
import { ApiScope, MemberStatus, MemberType, Plan, Role, UserErrorCode } from "@pn/shared";
import { registerEnumType } from "type-graphql";

registerEnumType(Role, { name: "Role", description: "What a member may do in an account." });
registerEnumType(Plan, { name: "Plan", description: "An account's plan; it sets the number of seats." });
registerEnumType(MemberType, { name: "MemberType", description: "INTERNAL: the account's own people; EXTERNAL: people of a partner company." });
registerEnumType(MemberStatus, { name: "MemberStatus", description: "Lifecycle of a member inside an account." });
registerEnumType(UserErrorCode, { name: "UserErrorCode", description: "Machine-readable reason of a UserError." });
registerEnumType(ApiScope, { name: "ApiScope", description: "What an API token may do." });
