/** Wiring: PARTNER invitations are accepted and resent by the partner network. */
import { passwordProblem, UserErrorCode } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { tenantScope } from "../../db/tenant-transaction";
import type { Context } from "../../graphql/context";
import { userError, type UserError } from "../../graphql/user-error";
import { auditService } from "../audit/audit.service";
import { identityService } from "../identity/identity.service";
import { membersService } from "../members/members.service";
import type {
  AcceptFailure,
  AcceptSuccess,
  InvitationKindRegistry,
} from "../invitations/invitation-kinds";
import type { InvitationRow } from "../invitations/invitation.type";
import { partnerNetwork } from "./partners.service";

/**
 * A PARTNER invitation. Signed in, the partner network links or creates the account. Signed out,
 * someone whose invited email has no login yet may create the login, their company's account and
 * the link in this one transaction (name, password, accountName), and is signed in there; anyone
 * else is asked to log in first.
 */
async function acceptPartner(
  context: Context,
  db: EntityManager,
  row: InvitationRow,
  input: {
    name?: string | null;
    password?: string | null;
    passwordHash?: string | null;
    accountName?: string | null;
    partnerAccountId?: string | null;
  },
): Promise<AcceptFailure | AcceptSuccess> {
  const refused = (userErrors: UserError[]): AcceptFailure => ({
    account: null,
    member: null,
    userErrors,
  });
  let newcomer: { userId: string } | null = null;
  const signingUp =
    !context.viewer && row.email !== null && (input.name != null || input.password != null);
  if (signingUp) {
    if (await identityService.findUserByEmail(db, row.email!)) {
      return refused([
        userError(
          UserErrorCode.SIGN_IN_REQUIRED,
          `Log in as ${row.email} to accept this invitation.`,
          null,
        ),
      ]);
    }
    const errors: UserError[] = [];
    if (!input.name?.trim())
      errors.push(userError(UserErrorCode.INVALID, "Your name is required.", ["name"]));
    const weak = passwordProblem(input.password ?? "");
    if (weak) errors.push(userError(UserErrorCode.INVALID, weak, ["password"]));
    if (!input.accountName?.trim())
      errors.push(
        userError(UserErrorCode.INVALID, "Name your company's account.", ["accountName"]),
      );
    if (errors.length) return refused(errors);
    newcomer = {
      userId: await identityService.createUser(db, {
        email: row.email!,
        name: input.name!.trim(),
        passwordHash: input.passwordHash!,
      }),
    };
    await tenantScope.identifyUser(db, newcomer.userId);
  }
  const accepted = await partnerNetwork.acceptInvitation(context, db, row, input, newcomer);
  if ("userErrors" in accepted) return refused(accepted.userErrors);
  if (!newcomer) return { accountId: accepted.accountId, memberId: null, newSession: null };
  // The newcomer owns the account they just created: they act in it from now on.
  await tenantScope.enterAccount(db, accepted.linkedAccountId);
  const newSession = await identityService.startSession(
    db,
    newcomer.userId,
    accepted.linkedAccountId,
    context,
  );
  const ownerMemberId = await membersService.memberIdOf(
    db,
    accepted.linkedAccountId,
    newcomer.userId,
  );
  await auditService.record(db, context, [
    {
      accountId: accepted.linkedAccountId,
      action: "session.created",
      objectType: "Session",
      objectId: newSession.id,
      details: { method: "invitation" },
      actor: { userId: newcomer.userId, memberId: ownerMemberId },
    },
  ]);
  return { accountId: accepted.accountId, memberId: null, newSession };
}

export function registerPartnerInvitationKinds(registry: InvitationKindRegistry): void {
  registry.register("PARTNER", {
    resendPermission: "managePartners",
    accept: acceptPartner,
    resendPlan: (db, row) => partnerNetwork.resendPlan(db, row),
  });
  // People who join a partner account later appear in every account it is an active partner of.
  registry.onPeopleJoined((context, db, accountId, userIds) =>
    partnerNetwork.addPeopleWhoJoined(context, db, accountId, userIds),
  );
}
