/**
 * A person's own sessions: the list they see under Security, and signing out one of them or
 * every other one. Only the person does this, and only from a session: an API token acts for
 * an account and never reaches its creator's sign-ins.
 */
import { UserErrorCode } from "@pn/shared";
import type { Context, Viewer } from "../../graphql/context";
import { ForbiddenError } from "../../graphql/errors";
import { isUuid, localIdOf } from "../../graphql/global-id";
import type { NodeSource } from "../../graphql/node";
import { requireViewer } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { auditService } from "../audit/audit.service";
import { toSession, type Session } from "./session.type";
import { sessionsService } from "./sessions.service";

type SessionViewer = Viewer & { credential: { kind: "session"; sessionId: string } };

function sessionViewer(viewer: Viewer): SessionViewer | null {
  return viewer.credential.kind === "session" ? (viewer as SessionViewer) : null;
}

const TOKEN_REFUSED = "An API token cannot manage sessions; sign in to manage yours.";

export const ownSessionsService = {
  async list(context: Context): Promise<Session[]> {
    const viewer = sessionViewer(requireViewer(context));
    if (!viewer) throw new ForbiddenError(TOKEN_REFUSED);
    const rows = await sessionsService.listForUser(context.db, viewer.userId);
    return rows.map((row) => toSession(row, viewer.credential.sessionId));
  },

  /** Ends one of the viewer's sessions; another person's (or an unknown) id is NOT_FOUND and changes nothing. */
  async endSession(
    context: Context,
    sessionGlobalId: string,
  ): Promise<{ endedSessionId: string | null; userErrors: UserError[] }> {
    const viewer = sessionViewer(requireViewer(context));
    if (!viewer) {
      return {
        endedSessionId: null,
        userErrors: [userError(UserErrorCode.INVALID_STATE, TOKEN_REFUSED)],
      };
    }
    const notFound = {
      endedSessionId: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, "No such session.", ["sessionId"])],
    };
    const sessionId = localIdOf(sessionGlobalId, "Session");
    if (!sessionId) return notFound;
    const ended = await context.db.transaction(async (db) => {
      if (!(await sessionsService.endOwn(db, viewer.userId, sessionId))) return false;
      if (viewer.accountId) {
        await auditService.record(db, context, [
          {
            accountId: viewer.accountId,
            action: "session.ended",
            objectType: "Session",
            objectId: sessionId,
            details: { method: "session_list" },
          },
        ]);
      }
      return true;
    });
    if (!ended) return notFound;
    // Signing this very session out from the list is a log-out.
    if (sessionId === viewer.credential.sessionId) context.sessionCookie.clear();
    return { endedSessionId: sessionGlobalId, userErrors: [] };
  },

  /** "Sign out everywhere else": every session of the viewer but the current one, in every account. */
  async endOtherSessions(
    context: Context,
  ): Promise<{ endedSessionCount: number; userErrors: UserError[] }> {
    const viewer = sessionViewer(requireViewer(context));
    if (!viewer) {
      return {
        endedSessionCount: 0,
        userErrors: [userError(UserErrorCode.INVALID_STATE, TOKEN_REFUSED)],
      };
    }
    const count = await context.db.transaction(async (db) => {
      const ended = await sessionsService.endAllOfUser(
        db,
        viewer.userId,
        viewer.credential.sessionId,
      );
      if (viewer.accountId && ended > 0) {
        await auditService.record(db, context, [
          {
            accountId: viewer.accountId,
            action: "user.other_sessions_ended",
            objectType: "User",
            objectId: viewer.userId,
            details: { sessionsEnded: ended },
          },
        ]);
      }
      return ended;
    });
    return { endedSessionCount: count, userErrors: [] };
  },
};

/** A session is refetchable by its own person, from a session; to anyone else it is null. */
export const sessionNodeSource: NodeSource = {
  typeName: "Session",
  async load(context, ids) {
    const viewer = context.viewer ? sessionViewer(context.viewer) : null;
    const wanted = ids.filter(isUuid);
    if (!viewer || wanted.length === 0) return ids.map(() => null);
    const rows = await sessionsService.ownByIds(context.db, viewer.userId, wanted);
    const byId = new Map(rows.map((row) => [row.id, toSession(row, viewer.credential.sessionId)]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};
