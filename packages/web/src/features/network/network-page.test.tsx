import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { NetworkMapDocument } from "../../gql/graphql";
import { client, partner } from "../../testing/fixtures/network";
import { installNetworkBackend } from "../../testing/mock-backend";
import { answer, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

async function map() {
  return screen.findByRole("group", { name: "Network map of Acme Corp" });
}

describe("network page", () => {
  it("is in the main navigation and draws partners and clients as links with their counts", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    await user.click(within(nav).getByRole("link", { name: "Network" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Network" })).toBeInTheDocument();
    const svg = await map();
    // Removed partners and clients are not on the map.
    expect(within(svg).queryByRole("link", { name: /^Vandelay/ })).not.toBeInTheDocument();
    expect(within(svg).queryByRole("link", { name: /^Cyberdyne/ })).not.toBeInTheDocument();
    expect(
      within(svg).getByRole("link", {
        name: "Initech: partner, active: 1 active person, 3 pending",
      }),
    ).toHaveAttribute("href", "/partners/UGFydG5lcjo1");
    expect(
      within(svg).getByRole("link", {
        name: "Umbrella: partner, invited: 0 active people, 0 pending",
      }),
    ).toBeInTheDocument();
    expect(
      within(svg).getByRole("link", {
        name: "Paula Person: client, active: 2 active in its team, 0 pending invitations",
      }),
    ).toHaveAttribute("href", "/clients/Q2xpZW50OjM");
    expect(screen.getByTestId("network-summary")).toHaveTextContent("3 partners and 2 clients.");
    expect(backend.operations("NetworkMap")[0]?.variables).toEqual({ first: 500 });
  });

  it("a node leads to its page", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/network");
    const svg = await map();
    await user.click(within(svg).getByRole("link", { name: /^Initech:/ }));
    expect(await screen.findByRole("heading", { level: 1, name: "Initech" })).toBeInTheDocument();
  });

  it("shows the same nodes as a table, kept in the URL", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    const { router } = renderApp("/network");
    await map();
    await user.click(screen.getByRole("radio", { name: "Table" }));
    const table = await screen.findByRole("table", { name: "Partners and clients" });
    expect(router.state.location.search).toBe("?view=table");
    expect(screen.queryByRole("group", { name: /^Network map/ })).not.toBeInTheDocument();
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "Hooli GuestsPartnerActive00",
      "InitechPartnerActive13",
      "UmbrellaPartnerInvited00",
      "Paula PersonClientActive20",
      "SoylentClientActive00",
    ]);
    expect(within(rows[0]!).getByRole("link", { name: "Hooli Guests" })).toHaveAttribute(
      "href",
      "/partners/UGFydG5lcjo3",
    );
  });

  it("draws 150 partners and 200 clients, each a link", async () => {
    installNetworkBackend({
      partners: Array.from({ length: 150 }, (_, i) =>
        partner(100 + i, { companyName: `Partner ${String(i).padStart(3, "0")}` }),
      ),
      clients: Array.from({ length: 200 }, (_, i) =>
        client(`Q2xpZW50Ok${i}`, { name: `Client ${String(i).padStart(3, "0")}` }),
      ),
    });
    renderApp("/network");
    const svg = await map();
    expect(within(svg).getAllByRole("link")).toHaveLength(350);
    expect(screen.getByTestId("network-summary")).toHaveTextContent(
      "150 partners and 200 clients.",
    );
  });

  it("says so when there are no partners or clients yet", async () => {
    installNetworkBackend({ partners: [], clients: [] });
    renderApp("/network");
    expect(
      await screen.findByRole("heading", { name: "No partners or clients yet" }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /^Network map/ })).not.toBeInTheDocument();
  });

  it("shows loading, then an error with Retry that loads the map", async () => {
    installNetworkBackend();
    let calls = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      answer(NetworkMapDocument, async () => {
        calls += 1;
        if (calls > 1) return undefined;
        await held;
        return HttpResponse.error();
      }),
    );
    const user = userEvent.setup();
    renderApp("/network");
    expect(await screen.findByText("Loading the network")).toBeInTheDocument();
    release();
    const alert = await within(screen.getByRole("main")).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the network");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await map()).toBeInTheDocument();
    await waitFor(() => expect(calls).toBe(2));
  });
});
