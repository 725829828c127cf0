import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ActivateMembersDocument } from "../../gql/graphql";
import { acmeAccount, networkAcmeAccount, PENDING_PEOPLE } from "../../testing/fixtures/accounts";
import { INITECH } from "../../testing/fixtures/network";
import { installNetworkBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

type User = ReturnType<typeof userEvent.setup>;

const [MILTON, SAMIR, MICHAEL] = PENDING_PEOPLE;

async function openTab(user: User, name: RegExp) {
  await user.click(await screen.findByRole("tab", { name }));
}

function pendingTable() {
  return screen.findByRole("table", { name: "Pending members" });
}

function tabCount(name: RegExp) {
  return within(screen.getByRole("tab", { name })).getByTestId("tab-count");
}

/** A promise to hold a request on, and the function that lets it go. */
function gate() {
  let open: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { closed, open };
}

describe("members: tabs", () => {
  it("shows each status's total on its tab", async () => {
    installNetworkBackend();
    renderApp("/members");

    // Acme: 4 active, Initech's 3 pending plus one internal, Bob archived.
    await waitFor(() => expect(tabCount(/^Pending/)).toHaveTextContent("4"));
    expect(tabCount(/^Active/)).toHaveTextContent("4");
    expect(tabCount(/^Archived/)).toHaveTextContent("1");
    expect(screen.getByRole("tab", { name: "Pending 4" })).toBeInTheDocument();
  });
});

describe("members: pending", () => {
  it("selects two people, activates them in one request and reports the count", async () => {
    const backend = installNetworkBackend();
    const hold = gate();
    const held: unknown[] = [];
    server.use(
      answer(ActivateMembersDocument, async (variables) => {
        held.push(variables);
        await hold.closed;
        // Falls through to the network backend.
        return undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/members");
    await openTab(user, /^Pending/);
    const table = await pendingTable();
    expect(within(table).getByRole("cell", { name: "Milton Waddams" })).toBeInTheDocument();

    const selectAll = within(table).getByRole("checkbox", { name: "Select all on this page" });
    const activate = screen.getByRole("button", { name: "Activate" });
    expect(activate).toBeDisabled();

    await user.click(within(table).getByRole("checkbox", { name: `Select ${MILTON!.name}` }));
    expect(selectAll).toBePartiallyChecked();
    await user.click(within(table).getByRole("checkbox", { name: `Select ${SAMIR!.name}` }));
    expect(screen.getByText("2 selected")).toBeInTheDocument();

    await user.click(activate);

    // One request for both, with a busy button and an announcement while it runs.
    await waitFor(() => expect(held).toHaveLength(1));
    expect(held[0]).toEqual({ input: { memberIds: [MILTON!.id, SAMIR!.id] } });
    expect(screen.getByRole("button", { name: "Activate" })).toHaveAttribute("data-loading");
    expect(screen.getByText("Activating 2 members…")).toBeInTheDocument();
    expect(within(table).getByRole("checkbox", { name: `Select ${MICHAEL!.name}` })).toBeDisabled();
    hold.open();

    const result = await screen.findByTestId("bulk-result");
    expect(result).toHaveTextContent("2 members activated");
    // Both left the pending list; Michael is still there, and nothing is selected.
    await waitFor(() =>
      expect(within(table).queryByRole("cell", { name: "Milton Waddams" })).not.toBeInTheDocument(),
    );
    expect(within(table).queryByRole("cell", { name: SAMIR!.name })).not.toBeInTheDocument();
    expect(within(table).getByRole("cell", { name: MICHAEL!.name })).toBeInTheDocument();
    expect(screen.getByText("None selected")).toBeInTheDocument();
    await waitFor(() => expect(tabCount(/^Pending/)).toHaveTextContent("2"));
    expect(tabCount(/^Active/)).toHaveTextContent("6");
    expect(backend.operations("ActivateMembers")).toHaveLength(1);
  });

  it("selects all on the page, and clears them all again", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");
    await openTab(user, /^Pending/);
    const table = await pendingTable();
    const selectAll = within(table).getByRole("checkbox", { name: "Select all on this page" });

    await user.click(selectAll);
    expect(selectAll).toBeChecked();
    const rows = within(table).getAllByRole("checkbox", { name: /^Select (?!all)/ });
    expect(rows).toHaveLength(4);
    rows.forEach((checkbox) => expect(checkbox).toBeChecked());
    expect(screen.getByText("4 selected")).toBeInTheDocument();

    await user.click(selectAll);
    rows.forEach((checkbox) => expect(checkbox).not.toBeChecked());
    expect(screen.getByText("None selected")).toBeInTheDocument();
  });

  it("filters by partner", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");
    await openTab(user, /^Pending/);
    const table = await pendingTable();
    expect(within(table).getByRole("cell", { name: "Pending Person" })).toBeInTheDocument();

    await user.click(screen.getByRole("combobox", { name: "Partner" }));
    await user.click(await screen.findByRole("option", { name: "Initech" }));

    await waitFor(() =>
      expect(within(table).queryByRole("cell", { name: "Pending Person" })).not.toBeInTheDocument(),
    );
    expect(within(table).getAllByRole("cell", { name: "Initech" })).toHaveLength(3);
    expect(backend.operations("MemberQueue").at(-1)?.variables).toEqual({
      filter: { status: ["PENDING"], partnerId: INITECH.id },
      first: 25,
    });
  });

  it("names who could not change when the server refuses, and changes nothing", async () => {
    installNetworkBackend();
    const archived = "This member cannot be activated: they are archived.";
    server.use(refuse(ActivateMembersDocument, "INVALID_STATE", archived, ["memberIds", "1"]));
    const user = userEvent.setup();
    renderApp("/members");
    await openTab(user, /^Pending/);
    const table = await pendingTable();
    await user.click(within(table).getByRole("checkbox", { name: `Select ${MILTON!.name}` }));
    await user.click(within(table).getByRole("checkbox", { name: `Select ${SAMIR!.name}` }));
    await user.click(screen.getByRole("button", { name: "Activate" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not activate the selected members; nothing changed.");
    expect(alert).toHaveTextContent(
      `${SAMIR!.name}: This member cannot be activated: they are archived.`,
    );
    // The selection stays for another try.
    expect(screen.getByText("2 selected")).toBeInTheDocument();
  });

  it("asks before archiving in bulk", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");
    await openTab(user, /^Pending/);
    const table = await pendingTable();
    await user.click(within(table).getByRole("checkbox", { name: `Select ${MICHAEL!.name}` }));
    await user.click(screen.getByRole("button", { name: "Archive" }));

    const dialog = await screen.findByRole("dialog", { name: "Archive members" });
    expect(dialog).toHaveTextContent("Archive 1 member? They lose access to this account at once");
    expect(backend.operations("ArchiveMembers")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Archive 1 member" }));

    expect(await screen.findByTestId("bulk-result")).toHaveTextContent("1 member archived");
    expect(backend.operations("ArchiveMembers")[0]?.variables).toEqual({
      input: { memberIds: [MICHAEL!.id] },
    });
  });

  it("offers no selection or bulk actions to a viewer", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "VIEWER" })] });
    const user = userEvent.setup();
    renderApp("/members");
    await openTab(user, /^Pending/);
    const table = await pendingTable();

    expect(within(table).getByRole("cell", { name: MILTON!.name })).toBeInTheDocument();
    expect(within(table).queryByRole("checkbox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Activate" })).not.toBeInTheDocument();
  });
});

describe("members: archived", () => {
  it("restores archived members", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");
    await openTab(user, /^Archived/);
    const table = await screen.findByRole("table", { name: "Archived members" });

    await user.click(within(table).getByRole("checkbox", { name: "Select Bob Slydell" }));
    await user.click(screen.getByRole("button", { name: "Restore" }));

    expect(await screen.findByTestId("bulk-result")).toHaveTextContent("1 member restored");
    expect(backend.operations("RestoreMembers")).toHaveLength(1);
    expect(await screen.findByRole("heading", { name: "No archived members" })).toBeInTheDocument();
  });

  it("shows an empty state when nobody is archived", async () => {
    installNetworkBackend({ accounts: [acmeAccount()] });
    const user = userEvent.setup();
    renderApp("/members");
    await openTab(user, /^Archived/);

    expect(await screen.findByRole("heading", { name: "No archived members" })).toBeInTheDocument();
  });
});
