import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { rateLimitRetryLink } from "./rate-limit-retry-link";

export interface CreateApolloClientOptions {
  /** GraphQL endpoint; same-origin `/graphql` in the browser (Vite proxies it in dev). */
  uri?: string;
}

export function createApolloClient({ uri = "/graphql" }: CreateApolloClientOptions = {}) {
  return new ApolloClient({
    link: ApolloLink.from([
      rateLimitRetryLink(),
      new HttpLink({ uri, credentials: "same-origin" }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // The viewer has no id: one per session, so the header's, guards' and pages' queries
        // merge their fields into the same object instead of replacing each other.
        Viewer: { merge: true },
      },
    }),
  });
}
