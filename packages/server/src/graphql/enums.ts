/** Registers the shared enums with TypeGraphQL once, under their contract names. */
import {
  ApiScope,
  ClientStatus,
  ClientType,
  DeliveryStatus,
  InvitationKind,
  InvitationStatus,
  MemberStatus,
  MemberType,
  PartnerStatus,
  Plan,
  Role,
  UserErrorCode,
} from "@pn/shared";
import { registerEnumType } from "type-graphql";

registerEnumType(Role, { name: "Role", description: "What a member may do in an account." });
registerEnumType(Plan, { name: "Plan", description: "An account's plan; it sets the number of seats." });
registerEnumType(MemberType, { name: "MemberType", description: "INTERNAL: the account's own people; EXTERNAL: people of a partner company." });
registerEnumType(MemberStatus, { name: "MemberStatus", description: "Lifecycle of a member inside an account." });
registerEnumType(UserErrorCode, { name: "UserErrorCode", description: "Machine-readable reason of a UserError." });
registerEnumType(ApiScope, { name: "ApiScope", description: "What an API token may do." });
registerEnumType(InvitationKind, { name: "InvitationKind", description: "Whom an invitation brings in: a user, a partner company or a client." });
registerEnumType(InvitationStatus, { name: "InvitationStatus", description: "EXPIRED is a PENDING invitation past its expiry time." });
registerEnumType(DeliveryStatus, { name: "DeliveryStatus", description: "Where the invitation email is: queued, sent or failed after retries." });
registerEnumType(PartnerStatus, { name: "PartnerStatus", description: "INVITED until the partner accepts; REMOVED once taken off the network." });
registerEnumType(ClientStatus, { name: "ClientStatus", description: "Lifecycle of a client link." });
registerEnumType(ClientType, { name: "ClientType", description: "ACCOUNT: an account that has us as its partner; PERSON: an individual client." });
