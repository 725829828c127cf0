/** `/api/export/partners.csv`: the partner list as the Partners page shows it (docs/api.md "List exports"). */
import { inputRuleFor, PartnerStatus } from "@pn/shared";
import { EXPORT_PAGE_SIZE, type ListExport } from "../../http/list-export";
import { accountsService } from "../accounts/accounts.service";
import { PartnerOrderField } from "./partner.type";
import { partnersService } from "./partners.service";

export const partnerListExport: ListExport = {
  name: "partners",
  label: "partner list",
  permission: "readAccount",
  parameters: ["status", "q"],
  columns: [
    "id",
    "company_name",
    "guest",
    "account_id",
    "contact_name",
    "contact_email",
    "status",
    "pending_members",
    "active_members",
    "created_at",
  ],
  open(query) {
    const filter = {
      status: query.enumList("status", Object.values(PartnerStatus)),
      search: query.text("q", inputRuleFor("PartnerFilter", "search")!),
    };
    const order = query.order(Object.values(PartnerOrderField));
    return async (context, accountId, after) => {
      const page = await partnersService.list(
        context,
        accountId,
        { first: EXPORT_PAGE_SIZE, after },
        filter,
        order,
      );
      const rows = await Promise.all(
        page.nodes.map(async (partner) => {
          // As Partner.partnerAccount: an invited partner's account is not shown until it accepts.
          const [account, counts] = await Promise.all([
            partner.partnerAccountId && partner.status !== PartnerStatus.INVITED
              ? accountsService.summaryById(context, partner.partnerAccountId)
              : null,
            context.loaders.memberCountsByPartnerId.load(partner.localId),
          ]);
          return [
            partner.id,
            partner.companyName,
            partner.guest,
            account?.handle ?? null,
            partner.contactName,
            partner.contactEmail,
            partner.status,
            counts.pending,
            counts.active,
            partner.createdAt,
          ];
        }),
      );
      return { rows, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
    };
  },
};
