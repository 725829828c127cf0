/** Wiring: CLIENT invitations are accepted and resent by the clients module. */
import type { InvitationKindRegistry } from "../invitations/invitation-kinds";
import { clientsService } from "./clients.service";

export function registerClientInvitationKinds(registry: InvitationKindRegistry): void {
  registry.register("CLIENT", {
    // Whoever may invite a client (editors too) may send the invitation again.
    resendPermission: "manageClientsAndTeams",
    accept: (context, db, row, input) => clientsService.acceptInvitation(context, db, row, input),
    resendPlan: (_db, row) => clientsService.resendPlan(row),
  });
}
