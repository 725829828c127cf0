import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { createApolloClient } from "../app/apollo-client";
import { AppProviders } from "../app/providers";
import { routes } from "../app/router";

/** Renders the whole app (providers, router, layout) at `path` with a fresh Apollo cache. */
export function renderApp(path = "/members") {
  // Absolute URL: Node's fetch has no document base to resolve "/graphql" against.
  const client = createApolloClient({ uri: "http://localhost/graphql" });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const utils = render(
    <AppProviders client={client} mantineEnv="test">
      <RouterProvider router={router} useTransitions={false} />
    </AppProviders>,
  );
  return { ...utils, client, router };
}
