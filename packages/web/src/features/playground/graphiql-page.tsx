import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { VisuallyHidden } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { GraphiQL } from "graphiql";
import { Link } from "react-router";
import { EXAMPLE_TABS } from "./example-operations";

// Same-origin POST with JSON, so the session cookie is sent and Apollo's CSRF check passes.
const fetcher = createGraphiQLFetcher({ url: "/graphql" });

export function GraphiQLPage() {
  useDocumentTitle("GraphQL playground · Partner Network");
  return (
    <main style={{ height: "100dvh", display: "flex", flexDirection: "column" }}>
      <VisuallyHidden component="h1">GraphQL playground</VisuallyHidden>
      {/* The examples open as tabs on a first visit; afterwards GraphiQL restores the user's own tabs. */}
      <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLE_TABS}>
        <GraphiQL.Logo>
          {/* Full-strength neutral colour: GraphiQL's default logo misses 4.5:1 contrast. */}
          <Link to="/" style={{ color: "hsl(var(--color-neutral))", textDecoration: "none" }}>
            Partner Network
          </Link>
        </GraphiQL.Logo>
      </GraphiQL>
    </main>
  );
}
