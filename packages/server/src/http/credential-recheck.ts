/**
 * The strict half of the credential cache (SECURITY.md "Credential cache"). A request whose
 * viewer the cache answered from memory carries a re-check in its BEGIN round trip, so it
 * sees everything committed before its transaction began; before anything executes, this
 * reads the answer. When the credential changed under the memory (the notification was
 * still on its way), the credential is forgotten and looked up again: a revoked token is
 * refused with 401, an ended session signs out, a new role applies to this very request.
 * The common case costs no round trip: the re-check rides with the cost budget's charge.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { StatementRows } from "../db/tenant-transaction";
import type { Context, Viewer } from "../graphql/context";
import { isInForce } from "../modules/identity/credential-check";

export type CredentialRecheck = {
  /** The re-check's rows; asking opens the request's transaction if nothing has yet. */
  rows(): Promise<StatementRows>;
  /** The caller as the database answers now; throws UNAUTHENTICATED for a bearer token gone. */
  lookUpAgain(): Promise<Viewer | null>;
  /** The request acts as `viewer` from now on (its tenant settings and its context). */
  actAs(context: Context, viewer: Viewer | null): Promise<void>;
};

export function credentialRecheckPlugin(
  recheckOf: (context: Context) => CredentialRecheck | undefined,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        // Before execution: Apollo awaits every plugin's didResolveOperation first.
        async didResolveOperation({ contextValue }) {
          const recheck = recheckOf(contextValue);
          if (!recheck) return;
          // Apollo starts every plugin's hook before any awaits: the cost budget's charge has
          // opened the transaction by now, and the re-check travelled in its round trip.
          await Promise.resolve();
          if (isInForce(await recheck.rows())) return;
          await recheck.actAs(contextValue, await recheck.lookUpAgain());
        },
      };
    },
  };
}
