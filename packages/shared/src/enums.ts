/** Enums of the public contract, shared by the server's schema and the SPA. */
export enum Role {
  OWNER = "OWNER",
  ADMINISTRATOR = "ADMINISTRATOR",
  EDITOR = "EDITOR",
  VIEWER = "VIEWER",
  COLLABORATOR_EXTERNAL = "COLLABORATOR_EXTERNAL",
  CLIENT = "CLIENT",
}

export enum Plan {
  FREE = "FREE",
  TEAM = "TEAM",
  BUSINESS = "BUSINESS",
  ENTERPRISE = "ENTERPRISE",
}

export enum MemberType {
  INTERNAL = "INTERNAL",
  EXTERNAL = "EXTERNAL",
}

export enum MemberStatus {
  PENDING = "PENDING",
  ACTIVE = "ACTIVE",
  ARCHIVED = "ARCHIVED",
}

export enum UserErrorCode {
  INVALID = "INVALID",
  NOT_FOUND = "NOT_FOUND",
  TAKEN = "TAKEN",
  SEAT_LIMIT_REACHED = "SEAT_LIMIT_REACHED",
  EXPIRED = "EXPIRED",
  ALREADY_ACCEPTED = "ALREADY_ACCEPTED",
  REVOKED = "REVOKED",
  INVALID_STATE = "INVALID_STATE",
  SIGN_IN_REQUIRED = "SIGN_IN_REQUIRED",
  EMAIL_MISMATCH = "EMAIL_MISMATCH",
  TEAM_LEAD_REQUIRED = "TEAM_LEAD_REQUIRED",
  LAST_TEAM_MEMBER = "LAST_TEAM_MEMBER",
  BAD_CREDENTIALS = "BAD_CREDENTIALS",
  /** A rate limit stopped it (log-in failures, invitation emails a day, token guesses); nothing changed. */
  RATE_LIMITED = "RATE_LIMITED",
  /** The caller may not do this to this target (the owner's login, a token minting tokens, someone else's own name); nothing changed. */
  FORBIDDEN = "FORBIDDEN",
  /** The person who issued the invitation or link can no longer invite or grant its role; nothing changed. */
  ISSUER_NOT_AUTHORIZED = "ISSUER_NOT_AUTHORIZED",
  /** The action needs the viewer's email to be verified first (accepting a membership someone else created). */
  EMAIL_NOT_VERIFIED = "EMAIL_NOT_VERIFIED",
}

/** Seats per plan; null means unlimited. */
export const PLAN_SEAT_LIMITS: Record<Plan, number | null> = {
  [Plan.FREE]: 3,
  [Plan.TEAM]: 10,
  [Plan.BUSINESS]: 50,
  [Plan.ENTERPRISE]: null,
};

export enum ApiScope {
  READ = "READ",
  WRITE = "WRITE",
}

export enum InvitationKind {
  USER = "USER",
  PARTNER = "PARTNER",
  CLIENT = "CLIENT",
  /** Login granted to someone who has never set a password: the link lets them set one. */
  LOGIN = "LOGIN",
}

export enum InvitationStatus {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
}

export enum DeliveryStatus {
  NOT_SENT = "NOT_SENT",
  QUEUED = "QUEUED",
  SENT = "SENT",
  FAILED = "FAILED",
}

/** Outcomes of a CSV import row. */
export enum ImportOutcome {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  UNCHANGED = "UNCHANGED",
  SKIPPED = "SKIPPED",
  ERROR = "ERROR",
}

export enum PartnerStatus {
  INVITED = "INVITED",
  ACTIVE = "ACTIVE",
  REMOVED = "REMOVED",
}

export enum ClientStatus {
  INVITED = "INVITED",
  ACTIVE = "ACTIVE",
  REMOVED = "REMOVED",
}

export enum ClientType {
  ACCOUNT = "ACCOUNT",
  PERSON = "PERSON",
}

/** What a node of the network map is: one of the account's partners or clients. */
export enum NetworkNodeKind {
  PARTNER = "PARTNER",
  CLIENT = "CLIENT",
}

/** Where a node of the network map stands; removed partners and clients are not on it. */
export enum NetworkNodeStatus {
  INVITED = "INVITED",
  ACTIVE = "ACTIVE",
}
