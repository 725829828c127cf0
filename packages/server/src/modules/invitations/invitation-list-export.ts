/** `/api/export/invitations.csv`: the invitation list as the Invitations page shows it (docs/api.md "List exports"). */
import { InvitationKind, InvitationStatus } from "@pn/shared";
import { EXPORT_PAGE_SIZE, type ListExport } from "../../http/list-export";
import { membersService } from "../members/members.service";
import { InvitationOrderField } from "./invitation.type";
import { invitationsService } from "./invitations.service";

export const invitationListExport: ListExport = {
  name: "invitations",
  label: "invitation list",
  permission: "readAccount",
  parameters: ["status", "kind"],
  columns: [
    "id",
    "email",
    "kind",
    "role",
    "status",
    "delivery",
    "expires_at",
    "send_count",
    "invited_by",
    "created_at",
  ],
  open(query) {
    const filter = {
      status: query.enumList("status", Object.values(InvitationStatus)),
      kind: query.enumValue("kind", Object.values(InvitationKind)),
    };
    const order = query.order(Object.values(InvitationOrderField));
    return async (context, accountId, after) => {
      const page = await invitationsService.list(
        context,
        accountId,
        { first: EXPORT_PAGE_SIZE, after },
        filter,
        order,
      );
      const rows = await Promise.all(
        page.nodes.map(async (invitation) => {
          const inviter = invitation.invitedByMemberId
            ? await membersService.memberById(context, invitation.invitedByMemberId)
            : null;
          return [
            invitation.id,
            invitation.email,
            invitation.kind,
            invitation.role,
            invitation.status,
            invitation.delivery,
            invitation.expiresAt,
            invitation.sendCount,
            inviter?.name ?? null,
            invitation.createdAt,
          ];
        }),
      );
      return { rows, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
    };
  },
};
