import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { acmeAccount, invitation } from "../../testing/fixtures/accounts";
import { InvitationsListDocument, RevokeInvitationDocument } from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

function rowOf(email: string): HTMLElement {
  const row = screen.getByRole("cell", { name: email }).closest("tr");
  if (!row) throw new Error(`No row for ${email}`);
  return row;
}

describe("invitations page", () => {
  it("lists pending user invitations with role, status, delivery, expiry, sends and inviter", async () => {
    const backend = installMockBackend();
    renderApp("/invitations");

    expect(await screen.findByRole("tab", { name: "Pending", selected: true })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Pending invitations" });
    expect(
      within(rowOf("new.hire@example.com"))
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual([
      "new.hire@example.com",
      "Editor",
      "Pending",
      "Sent",
      "in 2 days",
      "1",
      "Ada Lovelace",
      "Cancel",
    ]);
    expect(within(rowOf("bounced@example.com")).getByText("Failed")).toBeInTheDocument();
    // Other statuses are on their own tabs.
    expect(within(table).queryByRole("cell", { name: "late@example.com" })).not.toBeInTheDocument();
    expect(backend.operations("InvitationsList")[0]?.variables).toEqual({
      filter: { kind: "USER", status: ["PENDING"] },
      first: 25,
    });
    expect(screen.getByText("2 invitations")).toBeInTheDocument();
    expect(screen.getByTestId("invitation-seats")).toHaveTextContent("4 of 10 seats used");
  });

  it("offers Resend only for an expired invitation or a failed delivery", async () => {
    installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");

    await screen.findByRole("table", { name: "Pending invitations" });
    expect(
      screen.getByRole("button", { name: "Resend invitation to bounced@example.com" }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: "Resend invitation to new.hire@example.com" }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: "Expired" }));
    await screen.findByRole("table", { name: "Expired invitations" });
    const late = rowOf("late@example.com");
    expect(within(late).getByText("Expired")).toBeInTheDocument();
    expect(within(late).getByText("yesterday")).toBeInTheDocument();
    expect(
      within(late).getByRole("button", { name: "Resend invitation to late@example.com" }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: "Accepted" }));
    await screen.findByRole("table", { name: "Accepted invitations" });
    const joined = rowOf("joined@example.com");
    expect(within(joined).queryByRole("button")).not.toBeInTheDocument();
    expect(within(joined).getAllByRole("cell")[4]).toHaveTextContent("—");
  });

  it("marks an invitation whose sender can no longer invite, and re-sends it as the viewer", async () => {
    const orphan = invitation(7, {
      email: "orphan@example.com",
      issuerCanGrant: false,
      invitedBy: { __typename: "Member", id: "TWVtYmVyOmRhbg", name: "Demoted Dan" },
    });
    const backend = installMockBackend({
      accounts: [acmeAccount({ invitations: [orphan, ...acmeAccount().invitations] })],
    });
    const user = userEvent.setup();
    renderApp("/invitations");
    await screen.findByRole("table", { name: "Pending invitations" });

    const row = rowOf("orphan@example.com");
    expect(within(row).getByText("Demoted Dan")).toBeInTheDocument();
    expect(within(row).getByText("Sender can no longer invite")).toBeInTheDocument();
    expect(
      within(rowOf("new.hire@example.com")).queryByText("Sender can no longer invite"),
    ).toBeNull();

    await user.click(
      within(row).getByRole("button", { name: "Re-send invitation to orphan@example.com as me" }),
    );
    expect(await screen.findByText("Invitation sent again")).toBeInTheDocument();
    expect(backend.operations("ResendInvitation").map((o) => o.variables)).toEqual([
      { input: { invitationId: orphan.id } },
    ]);
    await waitFor(() =>
      expect(
        within(rowOf("orphan@example.com")).queryByText("Sender can no longer invite"),
      ).toBeNull(),
    );
    expect(within(rowOf("orphan@example.com")).getByText("Ada Lovelace")).toBeInTheDocument();
  });

  it("resends an expired invitation: it moves back to Pending", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");
    await user.click(await screen.findByRole("tab", { name: "Expired" }));
    await screen.findByRole("cell", { name: "late@example.com" });

    await user.click(screen.getByRole("button", { name: "Resend invitation to late@example.com" }));

    expect(await screen.findByText("Invitation sent again")).toBeInTheDocument();
    expect(backend.operations("ResendInvitation").map((o) => o.variables)).toEqual([
      { input: { invitationId: acmeAccount().invitations[2]?.id } },
    ]);
    expect(
      await screen.findByRole("heading", { name: "No expired invitations" }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Pending" }));
    await screen.findByRole("cell", { name: "late@example.com" });
    const cells = within(rowOf("late@example.com")).getAllByRole("cell");
    expect(cells[2]).toHaveTextContent("Pending");
    expect(cells[5]).toHaveTextContent("2");
  });

  it("asks before cancelling, names the email and the freed seat; Keep cancels nothing", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");

    await user.click(
      await screen.findByRole("button", { name: "Cancel invitation to new.hire@example.com" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Cancel invitation" });
    expect(dialog).toHaveTextContent(
      "Cancel the invitation to new.hire@example.com? The link in the email stops working and the seat is freed at once.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Keep invitation" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.operations("RevokeInvitation")).toHaveLength(0);
    expect(screen.getByRole("cell", { name: "new.hire@example.com" })).toBeInTheDocument();
  });

  it("cancels after confirmation: the row leaves Pending and the seat is free", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");

    await user.click(
      await screen.findByRole("button", { name: "Cancel invitation to new.hire@example.com" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Cancel invitation" });
    // The server frees the seat.
    server.use(
      answer(RevokeInvitationDocument, () => void (backend.state.accounts[0]!.seatsUsed = 3)),
    );
    await user.click(within(dialog).getByRole("button", { name: "Cancel invitation" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("Invitation cancelled")).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole("cell", { name: "new.hire@example.com" })).not.toBeInTheDocument(),
    );
    expect(backend.operations("RevokeInvitation").map((o) => o.variables)).toEqual([
      { input: { invitationId: acmeAccount().invitations[0]?.id } },
    ]);
    await waitFor(() =>
      expect(screen.getByTestId("invitation-seats")).toHaveTextContent("3 of 10 seats used"),
    );
    await user.click(screen.getByRole("tab", { name: "Revoked" }));
    expect(await screen.findByRole("cell", { name: "new.hire@example.com" })).toBeInTheDocument();
  });

  it("shows a viewer the list without Invite, Resend or Cancel", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "VIEWER" })] });
    renderApp("/invitations");

    await screen.findByRole("table", { name: "Pending invitations" });
    expect(screen.queryByRole("button", { name: "Invite people" })).not.toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: /^(Resend|Cancel) invitation/ }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole("columnheader", { name: "Actions" })).not.toBeInTheDocument();
  });

  it("shows an empty state", async () => {
    installMockBackend({ accounts: [acmeAccount({ invitations: [] })] });
    renderApp("/invitations");

    expect(
      await screen.findByRole("heading", { name: "No pending invitations" }),
    ).toBeInTheDocument();
  });

  it("pages with Next and Previous using cursors", async () => {
    const many = Array.from({ length: 30 }, (_, i) => invitation(i + 10));
    const backend = installMockBackend({ accounts: [acmeAccount({ invitations: many })] });
    const user = userEvent.setup();
    renderApp("/invitations");

    await screen.findByRole("cell", { name: "invitee10@example.com" });
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("cell", { name: "invitee39@example.com" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
    expect(backend.operations("InvitationsList")[1]?.variables).toMatchObject({
      first: 25,
      after: expect.any(String),
    });
    await user.click(screen.getByRole("button", { name: "Previous" }));
    expect(await screen.findByRole("cell", { name: "invitee10@example.com" })).toBeInTheDocument();
  });

  it("shows a network failure with Retry, and Retry loads the list", async () => {
    installMockBackend();
    let calls = 0;
    server.use(
      answer(InvitationsListDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/invitations");

    const main = screen.getByRole("main");
    const alert = await within(main).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load invitations");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("cell", { name: "new.hire@example.com" })).toBeInTheDocument();
  });

  it("announces loading while the first page loads", async () => {
    installMockBackend();
    renderApp("/invitations");

    const status = await screen.findByText("Loading invitations");
    expect(status.closest('[role="status"]')).not.toBeNull();
    await screen.findByRole("cell", { name: "new.hire@example.com" });
  });
});
