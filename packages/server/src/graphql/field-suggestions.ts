/**
 * Removes graphql-js's "Did you mean …?" hints from every error message, so a
 * probe for near-miss names learns nothing about the schema: fields, arguments,
 * types, and enum values (also in variables). graphql-armor's own plugin misses
 * the enum and inline-fragment forms ("Did you mean the enum value …?").
 */
import type { ApolloServerPlugin } from "@apollo/server";

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, "");
}

export function hideSuggestionsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = withoutSuggestions(error.message);
        },
      };
    },
  };
}
