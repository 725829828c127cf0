import {
  ApiScope,
  DeliveryStatus,
  InvitationStatus,
  MemberStatus,
  MemberType,
  Plan,
  Role,
} from "@pn/shared";

/** Readable names for enum values shown in the UI. */
export const ROLE_LABELS: Record<Role, string> = {
  [Role.OWNER]: "Owner",
  [Role.ADMINISTRATOR]: "Administrator",
  [Role.EDITOR]: "Editor",
  [Role.VIEWER]: "Viewer",
  [Role.COLLABORATOR_EXTERNAL]: "External collaborator",
  [Role.CLIENT]: "Client",
};

export const PLAN_LABELS: Record<Plan, string> = {
  [Plan.FREE]: "Free",
  [Plan.TEAM]: "Team",
  [Plan.BUSINESS]: "Business",
  [Plan.ENTERPRISE]: "Enterprise",
};

export const MEMBER_TYPE_LABELS: Record<MemberType, string> = {
  [MemberType.INTERNAL]: "Internal",
  [MemberType.EXTERNAL]: "External",
};

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  [MemberStatus.ACTIVE]: "Active",
  [MemberStatus.PENDING]: "Pending",
  [MemberStatus.ARCHIVED]: "Archived",
};

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  [ApiScope.READ]: "Read",
  [ApiScope.WRITE]: "Write",
};

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  [InvitationStatus.PENDING]: "Pending",
  [InvitationStatus.EXPIRED]: "Expired",
  [InvitationStatus.ACCEPTED]: "Accepted",
  [InvitationStatus.REVOKED]: "Revoked",
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  [DeliveryStatus.NOT_SENT]: "Not sent",
  [DeliveryStatus.QUEUED]: "Queued",
  [DeliveryStatus.SENT]: "Sent",
  [DeliveryStatus.FAILED]: "Failed",
};

/**
 * The generated GraphQL types spell enums as string unions; @pn/shared uses TypeScript enums
 * with the same names and values. These lookups convert without casts, and fail to compile if
 * the schema gains a value @pn/shared lacks.
 */
export function toRole(role: keyof typeof Role): Role {
  return Role[role];
}

export function toPlan(plan: keyof typeof Plan): Plan {
  return Plan[plan];
}

export function toMemberType(type: keyof typeof MemberType): MemberType {
  return MemberType[type];
}

export function toMemberStatus(status: keyof typeof MemberStatus): MemberStatus {
  return MemberStatus[status];
}

export function toApiScope(scope: keyof typeof ApiScope): ApiScope {
  return ApiScope[scope];
}

export function toInvitationStatus(status: keyof typeof InvitationStatus): InvitationStatus {
  return InvitationStatus[status];
}

export function toDeliveryStatus(status: keyof typeof DeliveryStatus): DeliveryStatus {
  return DeliveryStatus[status];
}
