/** User invitations and accepting links: canned successes (refusals are per-test answers). */
import {
  AcceptInvitationDocument,
  InviteUsersDocument,
  ResendInvitationDocument,
  RevokeInvitationDocument,
} from "../../gql/graphql";
import { acmeAccount, hoursFromNow, invitation, member, USER } from "../fixtures/accounts";
import { PARTNER_INVITER } from "../fixtures/invitations";
import { current, type Db } from "../mock-db";
import { answer } from "../msw-server";

export function invitationHandlers(db: Db) {
  const find = (id: string) => current(db).invitations.find((i) => i.id === id);
  /** A new account Ada owns, as accepting a partner invitation may create. */
  const createAccount = (name: string) => {
    const id = btoa(`Account:${100 + db.accounts.length}`);
    const ada = member(0, { id: btoa(`Member:${id}`), name: USER.name, email: USER.email });
    const handle = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    db.accounts.push(acmeAccount({ id, name, handle, plan: "FREE", seatsUsed: 1, members: [ada] }));
    return id;
  };
  return [
    answer(InviteUsersDocument, ({ input }) => {
      const created = [input.invitees].flat().map(({ email, role }) =>
        invitation(100 + db.nextId++, {
          email,
          role,
          delivery: "QUEUED",
          lastSentAt: hoursFromNow(0),
        }),
      );
      current(db).invitations.unshift(...created);
      return { inviteUsers: { invitations: created } };
    }),
    answer(ResendInvitationDocument, ({ input }) => {
      const found = find(input.invitationId);
      if (found) {
        const sendCount = found.sendCount + 1;
        const sent = {
          status: "PENDING",
          delivery: "QUEUED",
          lastSentAt: hoursFromNow(0),
        } as const;
        // Re-issued as the caller (Ada): her authority is what an accept checks now.
        const invitedBy = { __typename: "Member", id: "TWVtYmVyOmFkYQ", name: USER.name } as const;
        Object.assign(found, {
          ...sent,
          expiresAt: hoursFromNow(48),
          sendCount,
          issuerCanGrant: true,
          invitedBy,
        });
      }
      return { resendInvitation: { invitation: found } };
    }),
    answer(RevokeInvitationDocument, ({ input }) => {
      const found = find(input.invitationId);
      if (found) found.status = "REVOKED";
      return { revokeInvitation: { invitation: found } };
    }),
    answer(AcceptInvitationDocument, ({ input }) => {
      const link = db.invitationLinks.find((l) => l.token === input.token);
      // A shareable link's first step signed out: nothing yet, a confirmation email to the typed address.
      if (link?.kind === "CLIENT" && link.email === null && !input.claimToken && !db.signedIn)
        return { acceptInvitation: { account: null, member: null, verificationEmailSent: true } };
      if (input.accountName) {
        // A partner invitation may create the company's account; a newcomer acts in it.
        const id = createAccount(input.accountName);
        if (!db.signedIn) db.currentAccountId = id;
      }
      db.signedIn = true;
      const account = current(db);
      if (link?.kind === "CLIENT") account.role = "CLIENT";
      const joined = link?.kind === "PARTNER" ? PARTNER_INVITER : account;
      const role = link?.kind === "PARTNER" || link?.kind === "LOGIN" ? null : link?.role;
      return {
        acceptInvitation: {
          account: { ...joined, name: link?.accountName ?? joined.name },
          member: role ? { id: "TWVtYmVyOm5ldw", role } : null,
          verificationEmailSent: false,
        },
      };
    }),
  ];
}
