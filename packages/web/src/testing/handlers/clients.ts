/** Clients and their teams: invited, changed and removed as asked. */
import {
  AddTeamMemberDocument,
  CreateClientInviteLinkDocument,
  InviteClientDocument,
  MakeTeamLeadDocument,
  RemoveClientFromNetworkDocument,
  RemoveTeamMemberDocument,
  ReplaceTeamMemberDocument,
  ResendClientInvitationDocument,
  UpdateClientDocument,
} from "../../gql/graphql";
import { client } from "../fixtures/network";
import { current, type Db, graph, nowIso } from "../mock-db";
import { answer } from "../msw-server";

type TeamInput = { input: { clientId: string; memberId: string } };

export function clientHandlers(db: Db) {
  const find = (id: string) => db.clients.find((c) => c.id === id);
  /** Changes a client's team member ids (lead first) and answers with the team. */
  const team = (change: (ids: string[], input: TeamInput["input"]) => string[]) => {
    return ({ input }: TeamInput) => {
      const found = find(input.clientId);
      if (found) found.teamMemberIds = change(found.teamMemberIds, input);
      return found && graph(db).teamOf(found);
    };
  };
  const addMember = team((ids, { memberId }) => [...ids, memberId]);
  const removeMember = team((ids, { memberId }) => ids.filter((id) => id !== memberId));
  const makeLead = team((ids, { memberId }) => [memberId, ...ids.filter((id) => id !== memberId)]);
  return [
    answer(InviteClientDocument, ({ input: { teamMemberIds, ...fields } }) => {
      const created = client(`Q2xpZW50Om5ld${db.nextId++}`, {
        ...fields,
        accountId: current(db).id,
        type: "PERSON",
        status: "INVITED",
        teamMemberIds: [teamMemberIds].flat(),
      });
      db.clients.unshift(created);
      const invitation = { id: `SW52aXRhdGlvbjpj${created.id}`, delivery: "QUEUED" };
      return { inviteClient: { client: created, invitation } };
    }),
    answer(UpdateClientDocument, ({ input }) => {
      const found = find(input.clientId);
      if (found && input.title !== undefined && input.title !== null)
        found.title = input.title || null;
      return { updateClient: { client: found ?? null } };
    }),
    answer(CreateClientInviteLinkDocument, {
      createClientInviteLink: {
        url: "http://localhost/invite/link-token-2",
        invitation: { id: "SW52aXRhdGlvbjpsaW5r", expiresAt: "2026-12-24T10:00:00.000Z" },
      },
    }),
    answer(AddTeamMemberDocument, (variables) => ({
      addTeamMember: { team: addMember(variables) },
    })),
    answer(RemoveTeamMemberDocument, (variables) => ({
      removeTeamMember: { team: removeMember(variables) },
    })),
    answer(MakeTeamLeadDocument, (variables) => ({ makeTeamLead: { team: makeLead(variables) } })),
    answer(ReplaceTeamMemberDocument, ({ input }) => {
      const replace = team((ids) =>
        ids.map((id) => (id === input.memberId ? input.replacementMemberId : id)),
      );
      return { replaceTeamMember: { team: replace({ input }) } };
    }),
    answer(ResendClientInvitationDocument, ({ input }) => {
      const invitation = db.clients.find(
        (c) => c.invitation?.id === input.invitationId,
      )?.invitation;
      Object.assign(invitation ?? {}, { status: "PENDING", expiresAt: nowIso(48 * 3_600_000) });
      return { resendInvitation: { invitation } };
    }),
    answer(RemoveClientFromNetworkDocument, ({ input }) => {
      const found = find(input.clientId);
      if (found) Object.assign(found, { status: "REMOVED", removedAt: nowIso() });
      // Canned: our 2 people at a linked account are archived.
      const archivedMemberCount = found?.type === "ACCOUNT" ? 2 : 0;
      return { removeClientFromNetwork: { archivedMemberCount, client: found } };
    }),
  ];
}
