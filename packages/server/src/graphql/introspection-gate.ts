/**
 * In production, the schema is shown only to signed-in callers (a session or an API
 * token): an operation that asks for `__schema` or `__type` while signed out gets
 * UNAUTHENTICATED and nothing runs. `__typename` stays available to everyone.
 * (Apollo's own `introspection` switch is all-or-nothing, so it stays on and this decides.)
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { BREAK, visit, type DocumentNode } from "graphql";
import type { Context } from "./context";
import { UnauthenticatedError } from "./errors";

const SCHEMA_FIELDS = new Set(["__schema", "__type"]);

export function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (SCHEMA_FIELDS.has(node.name.value)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function introspectionGatePlugin(options: {
  signedInOnly: boolean;
}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (!options.signedInOnly) return;
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!contextValue.viewer && asksForSchema(document)) {
            throw new UnauthenticatedError(
              "Sign in (session or API token) to read the schema by introspection.",
              401,
            );
          }
        },
      };
    },
  };
}
