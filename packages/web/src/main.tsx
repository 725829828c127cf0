import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/color-schemes.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { createApolloClient } from "./app/apollo-client";
import { AppProviders } from "./app/providers";
import { createAppRouter } from "./app/router";

const container = document.getElementById("root");
if (!container) throw new Error("Missing #root element");

const client = createApolloClient();
const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <AppProviders client={client}>
      {/* No transitions: list pages' query variables come from the URL (use-list-state.ts), and a
          render of the old location interleaved with one of the new asks for both, over and over. */}
      <RouterProvider router={router} useTransitions={false} />
    </AppProviders>
  </StrictMode>,
);
