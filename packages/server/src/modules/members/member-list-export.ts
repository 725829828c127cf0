/** `/api/export/members.csv`: the member list as the Members page shows it (docs/api.md "List exports"). */
import { inputRuleFor, MemberStatus, MemberType } from "@pn/shared";
import { EXPORT_PAGE_SIZE, type ListExport } from "../../http/list-export";
import { partnersService } from "../partners/partners.service";
import { MemberOrderField } from "./member.type";
import { membersService } from "./members.service";

export const memberListExport: ListExport = {
  name: "members",
  label: "member list",
  permission: "readAccount",
  parameters: ["status", "type", "partnerId", "q"],
  columns: [
    "id",
    "name",
    "email",
    "role",
    "type",
    "status",
    "partner",
    "accepted_at",
    "created_at",
  ],
  open(query) {
    const filter = {
      status: query.enumList("status", Object.values(MemberStatus)),
      type: query.enumValue("type", Object.values(MemberType)),
      partnerId: query.globalId("partnerId", "Partner", inputRuleFor("MemberFilter", "partnerId")!),
      search: query.text("q", inputRuleFor("MemberFilter", "search")!),
    };
    const order = query.order(Object.values(MemberOrderField));
    return async (context, accountId, after) => {
      const page = await membersService.listMembers(
        context,
        accountId,
        { first: EXPORT_PAGE_SIZE, after },
        filter,
        order,
      );
      const rows = await Promise.all(
        page.nodes.map(async (member) => {
          // Loaded together for the page: one partner read per page, however many rows.
          const partner = member.partnerId
            ? await partnersService.partnerById(context, member.partnerId)
            : null;
          return [
            member.id,
            member.name,
            member.email,
            member.role,
            member.type,
            member.status,
            partner?.companyName ?? null,
            member.acceptedAt,
            member.createdAt,
          ];
        }),
      );
      return { rows, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
    };
  },
};
