/**
 * What only the person changes or answers: their own name, and the memberships other
 * accounts created for them (docs/api.md "Identity ownership"). Everything here acts on
 * the viewer's own user; no account role reaches it.
 */
import { NAME_MAX_LENGTH, toGlobalId, UserErrorCode } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { execute, queryRows } from "../../db/sql";
import type { Context } from "../../graphql/context";
import { localIdOf } from "../../graphql/global-id";
import { requireViewer } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { accountsService } from "../accounts/accounts.service";
import type { AccountSummary } from "../accounts/account.type";
import type { Member } from "../members/member.type";
import { membersService } from "../members/members.service";
import type { PendingMemberships } from "../members/pending-membership.type";
import type { User } from "./user.type";

const UNVERIFIED_REASON =
  "Verify your email first: memberships others created for this address are shown only to whoever proves they read its mailbox.";

async function emailVerified(db: EntityManager, userId: string): Promise<boolean> {
  const [row] = await queryRows<{ verified: boolean }>(
    db,
    "SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1",
    [userId],
  );
  return row?.verified ?? false;
}

type AnswerResult = {
  member: Member | null;
  account: AccountSummary | null;
  userErrors: UserError[];
};

export const profileService = {
  /** The person renames themselves; every account they accepted shows the new name. */
  async updateProfile(
    context: Context,
    input: { name?: string | null },
  ): Promise<{ user: User | null; userErrors: UserError[] }> {
    const viewer = requireViewer(context);
    if (input.name != null) {
      const name = input.name.trim();
      if (!name)
        return {
          user: null,
          userErrors: [userError(UserErrorCode.INVALID, "Your name is required.", ["name"])],
        };
      if (name.length > NAME_MAX_LENGTH)
        return {
          user: null,
          userErrors: [
            userError(
              UserErrorCode.INVALID,
              `Your name must be at most ${NAME_MAX_LENGTH} characters.`,
              ["name"],
            ),
          ],
        };
      await execute(context.db, "UPDATE users SET name = $2 WHERE id = $1", [viewer.userId, name]);
      context.loaders.userById.clear(viewer.userId);
    }
    const user = await context.loaders.userById.load(viewer.userId);
    return { user, userErrors: [] };
  },

  /** Memberships awaiting the viewer's answer; none until their email is verified. */
  async pendingMemberships(context: Context): Promise<PendingMemberships> {
    const viewer = requireViewer(context);
    if (!(await emailVerified(context.db, viewer.userId)))
      return { emailVerified: false, hiddenReason: UNVERIFIED_REASON, memberships: [] };
    const rows = await membersService.pendingFor(context.db, viewer.userId);
    const memberships = await Promise.all(
      rows.map(async (row) => ({
        memberId: toGlobalId("Member", row.id),
        accountName: (await accountsService.summaryById(context, row.account_id)).name,
        addedByName: row.added_by_name,
        createdAt: row.created_at,
      })),
    );
    return { emailVerified: true, hiddenReason: null, memberships };
  },

  /**
   * Accept or decline a pending membership: the person, from their own signed-in session,
   * with a verified email (else an unverified registrant of the address could take or
   * refuse what was meant for the mailbox's owner).
   */
  async answerMembership(
    context: Context,
    memberGlobalId: string,
    answer: "accept" | "decline",
  ): Promise<AnswerResult> {
    const viewer = requireViewer(context);
    const refuse = (code: UserErrorCode, message: string, field: string[] | null) => ({
      member: null,
      account: null,
      userErrors: [userError(code, message, field)],
    });
    if (viewer.credential.kind !== "session")
      return refuse(
        UserErrorCode.INVALID_STATE,
        "Answer memberships from your own signed-in session, not with an API token.",
        null,
      );
    const memberId = localIdOf(memberGlobalId, "Member");
    const pending = await membersService.pendingFor(context.db, viewer.userId);
    const notFound = () =>
      refuse(UserErrorCode.NOT_FOUND, "No such membership is waiting for you.", ["memberId"]);
    // Only the person's own pending memberships exist for them; anything else is not found.
    if (!memberId || !pending.some((row) => row.id === memberId)) return notFound();
    if (!(await emailVerified(context.db, viewer.userId)))
      return refuse(UserErrorCode.EMAIL_NOT_VERIFIED, UNVERIFIED_REASON, null);
    const answered = await context.db.transaction((db) =>
      membersService.answerPending(context, db, viewer.userId, memberGlobalId, answer),
    );
    if (!answered) return notFound();
    return {
      member: await context.loaders.memberById.load(answered.memberId),
      account: await accountsService.summaryById(context, answered.accountId),
      userErrors: [],
    };
  },
};
