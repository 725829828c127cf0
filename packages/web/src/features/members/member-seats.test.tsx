import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { member, networkAcmeAccount } from "../../testing/fixtures/accounts";
import { ArchiveMembersDocument, RestoreMembersDocument } from "../../gql/graphql";
import { installNetworkBackend, type MockBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(30_000);

type User = ReturnType<typeof userEvent.setup>;

/** The server frees the archived member's seat: `seatsUsed` of the plan's are used after. */
function freesSeat(backend: MockBackend, seatsUsed: number) {
  return answer(
    ArchiveMembersDocument,
    () => void (backend.state.accounts[0]!.seatsUsed = seatsUsed),
  );
}

async function openPanel(user: User, name: string) {
  const table = await screen.findByRole("table", { name: "Active members" });
  await user.click(within(table).getByRole("button", { name }));
  return screen.findByRole("dialog", { name });
}

describe("member panel: seats", () => {
  it("says what archiving and restoring an internal member do to the seats", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");

    // Acme: Team plan, 4 of 10 seats used.
    const panel = await openPanel(user, "Alan Turing");
    await user.click(await within(panel).findByRole("button", { name: "Archive" }));
    expect(await within(panel).findByTestId("seat-effect")).toHaveTextContent(
      "This frees 1 seat: 3 of 10 used.",
    );
    server.use(freesSeat(backend, 3));
    await user.click(within(panel).getByRole("button", { name: "Yes, archive" }));

    await user.click(await within(panel).findByRole("button", { name: "Restore" }));
    await waitFor(() =>
      expect(within(panel).getByTestId("seat-effect")).toHaveTextContent(
        "This uses 1 seat: 4 of 10 used.",
      ),
    );
    await user.click(within(panel).getByRole("button", { name: "Yes, restore" }));
    expect(await within(panel).findByRole("button", { name: "Archive" })).toBeInTheDocument();
    expect(backend.operations("RestoreMembers").map((o) => o.variables)).toEqual([
      { input: { memberIds: [member(2).id] } },
    ]);
  });

  it("warns when no seat is free, and shows the server's SEAT_LIMIT_REACHED when one was taken meanwhile", async () => {
    // Free plan, 3 of 3 used by Ada, Grace and Alan.
    const backend = installNetworkBackend({
      accounts: [networkAcmeAccount({ plan: "FREE", seatsUsed: 3 })],
    });
    const user = userEvent.setup();
    renderApp("/members");

    const panel = await openPanel(user, "Alan Turing");
    await user.click(await within(panel).findByRole("button", { name: "Archive" }));
    expect(await within(panel).findByTestId("seat-effect")).toHaveTextContent(
      "This frees 1 seat: 2 of 3 used.",
    );
    server.use(freesSeat(backend, 2));
    await user.click(within(panel).getByRole("button", { name: "Yes, archive" }));
    await user.click(await within(panel).findByRole("button", { name: "Restore" }));
    await waitFor(() =>
      expect(within(panel).getByTestId("seat-effect")).toHaveTextContent(
        "This uses 1 seat: 3 of 3 used.",
      ),
    );

    // Someone takes the freed seat before the restore is confirmed.
    backend.state.accounts[0]!.seatsUsed = 3;
    const full = "3 of 3 seats are used and this needs 1 more.";
    server.use(refuse(RestoreMembersDocument, "SEAT_LIMIT_REACHED", full, ["memberIds"]));
    await user.click(within(panel).getByRole("button", { name: "Yes, restore" }));
    expect(
      await within(panel).findByText("3 of 3 seats are used and this needs 1 more."),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(panel).getByTestId("seat-effect")).toHaveTextContent(
        "This needs 1 seat, but all 3 are used: archive someone or change the plan first.",
      ),
    );
  });

  it("shows no seat effect for external members", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");
    const panel = await openPanel(user, "Pat Partner");
    await user.click(await within(panel).findByRole("button", { name: "Archive" }));
    expect(await within(panel).findByText(/^Archive Pat Partner\?/)).toBeInTheDocument();
    expect(within(panel).queryByTestId("seat-effect")).not.toBeInTheDocument();
  });
});
