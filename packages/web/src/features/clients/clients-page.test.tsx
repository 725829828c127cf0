import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { ClientsListDocument } from "../../gql/graphql";
import { networkAcmeAccount } from "../../testing/fixtures/accounts";
import { installNetworkBackend } from "../../testing/mock-backend";
import { answer, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

function clientRow(name: string): HTMLElement {
  const table = screen.getByRole("table", { name: "Clients" });
  return within(table).getByText(name).closest("tr") as HTMLElement;
}

describe("clients page", () => {
  it("lists accounts that have us as their partner, and people, with status badges", async () => {
    installNetworkBackend();
    renderApp("/clients");

    await screen.findByRole("table", { name: "Clients" });
    const soylent = clientRow("Soylent");
    expect(within(soylent).getByText("Account ID: soylent")).toBeInTheDocument();
    expect(within(soylent).getByText("Account")).toBeInTheDocument();
    expect(within(soylent).getByText("Active")).toBeInTheDocument();
    expect(within(clientRow("Cyberdyne")).getByText("Removed")).toBeInTheDocument();
    expect(within(clientRow("Paula Person")).getByText("Person")).toBeInTheDocument();
    // The team lead, with how to reach them; a linked account has none.
    expect(within(clientRow("Paula Person")).getByText("Alan Turing")).toBeInTheDocument();
    expect(within(clientRow("Paula Person")).getByText("alan@example.com")).toBeInTheDocument();
    expect(within(soylent).getByText("—")).toBeInTheDocument();
    expect(within(soylent).getByRole("link", { name: "Soylent" })).toHaveAttribute(
      "href",
      "/clients/Q2xpZW50OjE",
    );
    // Clients not yet removed can be removed from the network.
    expect(
      within(soylent).getByRole("button", { name: "Remove Soylent from network" }),
    ).toBeInTheDocument();
    expect(within(clientRow("Cyberdyne")).queryByRole("button")).not.toBeInTheDocument();
    expect(
      within(clientRow("Paula Person")).getByRole("button", {
        name: "Remove Paula Person from network",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText("3 clients")).toBeInTheDocument();
  });

  it("removes a client account after confirmation and reports the people archived", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/clients");

    await user.click(await screen.findByRole("button", { name: "Remove Soylent from network" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove from network" });
    expect(dialog).toHaveTextContent("Remove Soylent from your network?");
    expect(dialog).toHaveTextContent("your people there are archived");
    expect(backend.operations("RemoveClientFromNetwork")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Remove from network" }));

    expect(
      await screen.findByText(
        /Soylent is no longer your client; 2 of your people there were archived\./,
      ),
    ).toBeInTheDocument();
    expect(backend.operations("RemoveClientFromNetwork").map((o) => o.variables)).toEqual([
      { input: { clientId: "Q2xpZW50OjE" } },
    ]);
    await waitFor(() =>
      expect(within(clientRow("Soylent")).getByText("Removed")).toBeInTheDocument(),
    );
    expect(within(clientRow("Soylent")).queryByRole("button")).not.toBeInTheDocument();
  });

  it("removes a person after a confirmation that says they can no longer sign in", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/clients");

    await user.click(
      await screen.findByRole("button", { name: "Remove Paula Person from network" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Remove from network" });
    expect(dialog).toHaveTextContent("Remove Paula Person from your network?");
    expect(dialog).toHaveTextContent("can no longer sign in to see their team");
    await user.click(within(dialog).getByRole("button", { name: "Remove from network" }));

    expect(
      await screen.findByText(/Paula Person is no longer your client and can no longer sign in\./),
    ).toBeInTheDocument();
    expect(backend.operations("RemoveClientFromNetwork").map((o) => o.variables)).toEqual([
      { input: { clientId: "Q2xpZW50OjM" } },
    ]);
  });

  it("shows the empty state", async () => {
    installNetworkBackend({ clients: [] });
    renderApp("/clients");

    expect(await screen.findByRole("heading", { name: "No clients yet" })).toBeInTheDocument();
  });

  it("filters by status", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/clients");
    await screen.findByRole("table", { name: "Clients" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "REMOVED");

    await waitFor(() => expect(screen.queryByText("Soylent")).not.toBeInTheDocument());
    expect(clientRow("Cyberdyne")).toBeInTheDocument();
    expect(backend.operations("ClientsList").at(-1)?.variables).toEqual({
      filter: { status: ["REMOVED"] },
      first: 25,
    });
  });

  it("offers no removal to an editor", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "EDITOR" })] });
    renderApp("/clients");

    await screen.findByRole("table", { name: "Clients" });
    expect(screen.queryByRole("button", { name: /from network/ })).not.toBeInTheDocument();
  });

  it("shows a failure with Retry", async () => {
    installNetworkBackend();
    let calls = 0;
    server.use(
      answer(ClientsListDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/clients");

    const alert = await within(screen.getByRole("main")).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load clients");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Soylent")).toBeInTheDocument();
  });
});
