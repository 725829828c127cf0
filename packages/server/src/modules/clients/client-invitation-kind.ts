/** Wiring: CLIENT invitations are accepted and resent by the clients module. */
import type { InvitationKindRegistry } from "../invitations/invitation-kinds";
import { clientsService } from "./clients.service";

export function registerClientInvitationKinds(registry: InvitationKindRegistry): void {
  registry.register("CLIENT", {
    accept: (context, db, row, input) => clientsService.acceptInvitation(context, db, row, input),
    resendPlan: (_db, row) => clientsService.resendPlan(row),
  });
}
