import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { ShellViewerDocument } from "../gql/graphql";
import { installMockBackend } from "../testing/mock-backend";
import { answer, server } from "../testing/msw-server";
import { renderApp } from "../testing/render-app";

describe("app shell", () => {
  it("renders the product name, the navigation and the signed-in user's name", async () => {
    renderApp("/members");

    const banner = screen.getByRole("banner");
    expect(within(banner).getByRole("link", { name: "Partner Network" })).toHaveAttribute(
      "href",
      "/",
    );

    const nav = screen.getByRole("navigation", { name: "Main" });
    for (const [name, href] of [
      ["Members", "/members"],
      ["Partners", "/partners"],
      ["Clients", "/clients"],
      ["Invitations", "/invitations"],
      ["Settings", "/settings"],
      ["GraphQL playground", "/graphiql"],
    ]) {
      expect(within(nav).getByRole("link", { name })).toHaveAttribute("href", href);
    }

    expect(await within(banner).findByText("Ada Lovelace")).toBeInTheDocument();
    expect(within(banner).queryByText("Not signed in")).not.toBeInTheDocument();

    // The lazy Members route renders inside the <main> landmark with its own <h1>.
    const main = screen.getByRole("main");
    expect(await within(main).findByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    expect(within(nav).getByRole("link", { name: "Members" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  it('shows "Not signed in" and a log-in link on a public page when the viewer is null', async () => {
    installMockBackend({ signedIn: false });
    renderApp("/no/such/page");

    const banner = screen.getByRole("banner");
    expect(await within(banner).findByText("Not signed in")).toBeInTheDocument();
    expect(within(banner).getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
    expect(within(banner).queryByText("Ada Lovelace")).not.toBeInTheDocument();
    expect(within(banner).queryByRole("button", { name: "User menu" })).not.toBeInTheDocument();
  });

  it("shows a loader while the viewer loads", async () => {
    renderApp("/members");

    const banner = screen.getByRole("banner");
    expect(
      within(banner).getByRole("status", { name: "Loading your account" }),
    ).toBeInTheDocument();
    expect(await within(banner).findByText("Ada Lovelace")).toBeInTheDocument();
    expect(
      within(banner).queryByRole("status", { name: "Loading your account" }),
    ).not.toBeInTheDocument();
  });

  it("shows an error with Retry on a network error, and Retry refetches", async () => {
    let calls = 0;
    server.use(
      answer(ShellViewerDocument, () => {
        calls += 1;
        // Later calls fall through to the default mock backend.
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/members");

    const banner = screen.getByRole("banner");
    const alert = await within(banner).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load your account.");
    expect(within(banner).queryByText("Ada Lovelace")).not.toBeInTheDocument();

    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await within(banner).findByText("Ada Lovelace")).toBeInTheDocument();
    expect(within(banner).queryByRole("alert")).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it("navigates between lazy feature routes from the navbar", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/members");
    const main = screen.getByRole("main");
    await within(main).findByRole("heading", { level: 1, name: "Members" });

    await user.click(screen.getByRole("link", { name: "Partners" }));

    expect(await within(main).findByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
    expect(router.state.location.pathname).toBe("/partners");
    await waitFor(() => expect(document.title).toBe("Partners · Partner Network"));
  });

  it("redirects / to the members page", async () => {
    const { router } = renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/members");
  });

  it("shows NotFound with a link home for an unknown route", async () => {
    renderApp("/no/such/page");

    const main = screen.getByRole("main");
    expect(
      await within(main).findByRole("heading", { level: 1, name: "Page not found" }),
    ).toBeInTheDocument();
    expect(within(main).getByRole("link", { name: "Go to the home page" })).toHaveAttribute(
      "href",
      "/",
    );
    // Still inside the shell.
    expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
  });
});
