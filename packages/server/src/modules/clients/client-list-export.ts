/** `/api/export/clients.csv`: the client list as the Clients page shows it (docs/api.md "List exports"). */
import { ClientStatus, inputRuleFor } from "@pn/shared";
import { EXPORT_PAGE_SIZE, type ListExport } from "../../http/list-export";
import { accountsService } from "../accounts/accounts.service";
import { teamsService } from "../teams/teams.service";
import { ClientOrderField } from "./client.type";
import { clientsService } from "./clients.service";

export const clientListExport: ListExport = {
  name: "clients",
  label: "client list",
  permission: "readAccount",
  parameters: ["status", "q"],
  columns: [
    "id",
    "name",
    "email",
    "account_id",
    "type",
    "status",
    "team_lead",
    "team_lead_email",
    "created_at",
  ],
  open(query) {
    const filter = {
      status: query.enumList("status", Object.values(ClientStatus)),
      search: query.text("q", inputRuleFor("ClientFilter", "search")!),
    };
    const order = query.order(Object.values(ClientOrderField));
    return async (context, accountId, after) => {
      const page = await clientsService.list(
        context,
        accountId,
        { first: EXPORT_PAGE_SIZE, after },
        filter,
        order,
      );
      const rows = await Promise.all(
        page.nodes.map(async (client) => {
          const [account, team] = await Promise.all([
            client.clientAccountId
              ? accountsService.summaryById(context, client.clientAccountId)
              : null,
            teamsService.teamOfClientForViewer(context, client),
          ]);
          const lead = team
            ? (await teamsService.membershipsOf(context, team)).find((m) => m.isLead)?.member
            : undefined;
          return [
            client.id,
            client.name,
            client.email,
            account?.handle ?? null,
            client.type,
            client.status,
            lead?.name ?? null,
            lead?.email ?? null,
            client.createdAt,
          ];
        }),
      );
      return { rows, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
    };
  },
};
