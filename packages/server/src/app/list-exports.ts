/** The lists `/api/export/<name>.csv` serves; each module describes its own (http/list-export.ts). */
import type { ListExport } from "../http/list-export";
import { clientListExport } from "../modules/clients/client-list-export";
import { invitationListExport } from "../modules/invitations/invitation-list-export";
import { memberListExport } from "../modules/members/member-list-export";
import { partnerListExport } from "../modules/partners/partner-list-export";

export function listExports(): ListExport[] {
  return [memberListExport, invitationListExport, partnerListExport, clientListExport];
}
