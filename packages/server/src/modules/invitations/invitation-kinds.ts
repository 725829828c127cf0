/**
 * What accepting or resending an invitation does depends on its kind. USER and LOGIN
 * belong to this module; the modules that own the other kinds (clients, partners)
 * register a handler at wiring time, so this module never imports them.
 */
import type { Permission } from "@pn/shared";
import type { EntityManager } from "typeorm";
import type { Context } from "../../graphql/context";
import type { UserError } from "../../graphql/user-error";
import type { InvitationRow, ResendPlan } from "./invitation.type";

/** Everything the invitee may send with `acceptInvitation`; each kind reads what it needs. */
export type AcceptInput = {
  token: string;
  name?: string | null;
  password?: string | null;
  email?: string | null;
  partnerAccountId?: string | null;
  accountName?: string | null;
  /** `password` hashed before the accepting transaction opened; null without an acceptable password. */
  passwordHash?: string | null;
  /** A shareable client link's emailed second step: the claim the typed email confirmed. */
  claimToken?: string | null;
};

/** Refused, or (a shareable client link) waiting for the typed email to be confirmed. */
export type AcceptFailure = {
  account: null;
  member: null;
  userErrors: UserError[];
  verificationEmailSent?: boolean;
};
export type AcceptSuccess = {
  /** The account the invitation came from. */
  accountId: string;
  /** The member the invitee became there, if any (a partner's admin becomes none). */
  memberId: string | null;
  newSession: { token: string; expiresAt: Date } | null;
};

/** A kind's part of accepting and resending; the token check, rate limit and outbox stay here. */
export type InvitationKindHandler = {
  /** Sending the invitation again takes the permission that sends it the first time. */
  resendPermission: Permission;
  /** Runs in the accepting transaction, the token checked and the row locked; marks the row accepted. */
  accept(
    context: Context,
    db: EntityManager,
    row: InvitationRow,
    input: AcceptInput,
  ): Promise<AcceptFailure | AcceptSuccess>;
  resendPlan(db: EntityManager, row: InvitationRow): Promise<ResendPlan> | ResendPlan;
};

/** Runs when people join an account by invitation (a partner module, say, mirrors them elsewhere). */
export type PeopleJoinedListener = (
  context: Context,
  db: EntityManager,
  accountId: string,
  userIds: string[],
) => Promise<void>;

export type RegisteredKind = "CLIENT" | "PARTNER";

export class InvitationKindRegistry {
  private readonly handlers = new Map<RegisteredKind, InvitationKindHandler>();
  private readonly joinedListeners = new Set<PeopleJoinedListener>();

  /** Registering the same kind again replaces its handler, so wiring may run more than once. */
  register(kind: RegisteredKind, handler: InvitationKindHandler): void {
    this.handlers.set(kind, handler);
  }

  onPeopleJoined(listener: PeopleJoinedListener): void {
    this.joinedListeners.add(listener);
  }

  /** The permissions that resend some registered kind: holding none of them, a viewer may resend none of those. */
  resendPermissions(): Permission[] {
    return [...this.handlers.values()].map((handler) => handler.resendPermission);
  }

  handlerFor(kind: RegisteredKind): InvitationKindHandler {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no handler registered for ${kind} invitations`);
    return handler;
  }

  async peopleJoined(
    context: Context,
    db: EntityManager,
    accountId: string,
    userIds: string[],
  ): Promise<void> {
    for (const listener of this.joinedListeners) await listener(context, db, accountId, userIds);
  }
}

/** The registry the app is wired with (see registerClientInvitationKinds, registerPartnerInvitationKinds). */
export const invitationKinds = new InvitationKindRegistry();
