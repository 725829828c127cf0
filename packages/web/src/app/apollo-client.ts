import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

export interface CreateApolloClientOptions {
  /** GraphQL endpoint; same-origin `/graphql` in the browser (Vite proxies it in dev). */
  uri?: string;
}

export function createApolloClient({ uri = "/graphql" }: CreateApolloClientOptions = {}) {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: "same-origin" }),
    cache: new InMemoryCache({
      typePolicies: {
        // The viewer has no id: one per session, so the header's, guards' and pages' queries
        // merge their fields into the same object instead of replacing each other.
        Viewer: { merge: true },
      },
    }),
  });
}
