/** GraphQL calls from inside a page, as the SPA makes them: with the page's session cookie. */
import type { Page } from "playwright-core";

interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs a GraphQL operation from the page; throws on any error. */
export async function graphqlFrom<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as unknown;
    },
    { query, variables },
  );
  const { data, errors } = result as GraphQLResult<T>;
  if (errors?.length || !data) throw new Error(`GraphQL failed: ${JSON.stringify(errors)}`);
  return data;
}
