/** Partners: invited, added, edited and removed as asked; the logo upload keeps the new URL. */
import { http, HttpResponse } from "msw";
import {
  CreatePartnerDocument,
  InvitePartnerDocument,
  RemovePartnerFromNetworkDocument,
  ResendPartnerInvitationDocument,
  UpdatePartnerDocument,
} from "../../gql/graphql";
import { DIRECTORY, type MockPartner, partner } from "../fixtures/network";
import { current, type Db, graph, nowIso } from "../mock-db";
import { answer } from "../msw-server";

const DAY = 86_400_000;

export function partnerHandlers(db: Db) {
  const find = (id: string) => db.partners.find((p) => p.id === id);
  /** `fields`: a partner's, as the input names them. */
  const add = (fields: object) => {
    const given = fields as Pick<MockPartner, "companyName">;
    const created = partner(100 + db.nextId++, { accountId: current(db).id, ...given });
    db.partners.unshift(created);
    return created;
  };
  return [
    answer(InvitePartnerDocument, ({ input: { accountHandle, email, ...rest } }) => {
      const partnerAccount = DIRECTORY.find((a) => a.handle === accountHandle) ?? null;
      const companyName = rest.companyName ?? partnerAccount?.name ?? email ?? "";
      const expiresAt = nowIso(14 * DAY);
      const invitation = {
        id: `SW52aXRhdGlvbjpw${db.nextId}`,
        status: "PENDING",
        expiresAt,
      } as const;
      const created = add({
        ...rest,
        companyName,
        contactEmail: email ?? null,
        status: "INVITED",
        partnerAccount,
        invitation: { ...invitation, delivery: "QUEUED" },
      });
      return { invitePartner: { partner: created, invitation: created.invitation } };
    }),
    answer(CreatePartnerDocument, ({ input }) => ({
      createPartner: { partner: add(input) },
    })),
    answer(UpdatePartnerDocument, ({ input: { partnerId, ...changes } }) => {
      const found = find(partnerId);
      const patch = Object.entries(changes).filter(([, value]) => value !== null);
      if (found) Object.assign(found, Object.fromEntries(patch));
      return { updatePartner: { partner: found } };
    }),
    answer(RemovePartnerFromNetworkDocument, ({ input }) => {
      const found = find(input.partnerId);
      const people = current(db).members.filter(
        (m) => m.partnerId === input.partnerId && m.status !== "ARCHIVED",
      );
      for (const m of people) Object.assign(m, { status: "ARCHIVED", archivedAt: nowIso() });
      if (found) Object.assign(found, { status: "REMOVED", removedAt: nowIso() });
      const removed = found && graph(db).partnerNode(found);
      return { removePartnerFromNetwork: { archivedMemberCount: people.length, partner: removed } };
    }),
    answer(ResendPartnerInvitationDocument, ({ input }) => {
      const invitation = db.partners.find(
        (p) => p.invitation?.id === input.invitationId,
      )?.invitation;
      Object.assign(invitation ?? {}, {
        status: "PENDING",
        delivery: "QUEUED",
        expiresAt: nowIso(14 * DAY),
      });
      return { resendInvitation: { invitation } };
    }),
    http.post<{ id: string }>("*/api/partners/:id/logo", ({ params }) => {
      const found = find(decodeURIComponent(params.id));
      if (!found) return HttpResponse.json({ error: "No such partner." }, { status: 404 });
      found.logoUrl = `/api/partners/${found.id}/logo?v=${db.nextId++ + 1}`;
      return HttpResponse.json({ logoUrl: found.logoUrl });
    }),
  ];
}
