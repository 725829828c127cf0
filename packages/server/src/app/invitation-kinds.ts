/**
 * Wiring: the modules that own the CLIENT and PARTNER invitation kinds register them with
 * the invitations module's registry here, above both, so modules/invitations never imports them.
 */
import { registerClientInvitationKinds } from "../modules/clients/client-invitation-kind";
import { invitationKinds } from "../modules/invitations/invitation-kinds";
import { registerPartnerInvitationKinds } from "../modules/partners/partner-invitation-kind";

let registered = false;

/** Idempotent: the schema build and anything else serving invitations may each call it. */
export function registerInvitationKinds(): void {
  if (registered) return;
  registered = true;
  registerClientInvitationKinds(invitationKinds);
  registerPartnerInvitationKinds(invitationKinds);
}
