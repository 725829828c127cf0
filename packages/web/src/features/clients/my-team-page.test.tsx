import { configure, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse } from "msw";
import userEvent from "@testing-library/user-event";
import { MyClientDocument } from "../../gql/graphql";
import { networkAcmeAccount } from "../../testing/fixtures/accounts";
import { acmeClients } from "../../testing/fixtures/network";
import { installNetworkBackend } from "../../testing/mock-backend";
import { answer, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const ADA_MEMBER_ID = "TWVtYmVyOmFkYQ";

/** Ada is a CLIENT of Acme: Paula's record is hers, served by Alan (lead) and Grace. */
function asClient() {
  return installNetworkBackend({
    accounts: [networkAcmeAccount({ role: "CLIENT" })],
    // The server scopes a CLIENT's list to their own record.
    clients: acmeClients()
      .filter((c) => c.type === "PERSON")
      .map((c) => ({ ...c, memberId: ADA_MEMBER_ID })),
  });
}

describe("a client's own team", () => {
  it("shows the team, the lead marked, with how to reach them; the nav offers only this page", async () => {
    asClient();
    const { router } = renderApp("/my-team");

    expect(await screen.findByRole("heading", { level: 1, name: "Your team" })).toBeInTheDocument();
    const team = await screen.findByRole("list", { name: "Team members" });
    const items = within(team).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Alan TuringLeadalan@example.com",
      "Grace Hoppergrace@example.com",
    ]);
    expect(within(items[0]!).getByRole("link", { name: "alan@example.com" })).toHaveAttribute(
      "href",
      "mailto:alan@example.com",
    );
    expect(screen.getByText(/Your first contact is/)).toHaveTextContent(
      "Your first contact is Alan Turing, who leads your team: write to alan@example.com.",
    );
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Your team"]);
    expect(router.state.location.pathname).toBe("/my-team");
  });

  it("sends a client away from the account's pages", async () => {
    asClient();
    const { router } = renderApp("/members");

    expect(await screen.findByRole("heading", { level: 1, name: "Your team" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/my-team");
  });

  it("sends the account's people away from the client page", async () => {
    installNetworkBackend();
    const { router } = renderApp("/my-team");

    await waitFor(() => expect(router.state.location.pathname).toBe("/members"));
  });

  it("says so when there is no team", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "CLIENT" })] });
    renderApp("/my-team");

    expect(await screen.findByRole("heading", { name: "No team yet" })).toBeInTheDocument();
  });

  it("shows a failure with Retry", async () => {
    asClient();
    let calls = 0;
    server.use(
      answer(MyClientDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/my-team");

    const alert = await within(screen.getByRole("main")).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load your team");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("list", { name: "Team members" })).toBeInTheDocument();
  });
});
