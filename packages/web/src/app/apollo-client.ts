import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

export interface CreateApolloClientOptions {
  /** GraphQL endpoint; same-origin `/graphql` in the browser (Vite proxies it in dev). */
  uri?: string;
}

export function createApolloClient({ uri = "/graphql" }: CreateApolloClientOptions = {}) {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: "same-origin" }),
    cache: new InMemoryCache(),
  });
}
