import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { USER_INVITATION_CSV_SAMPLE } from "@pn/shared";
import { acmeAccount } from "../../testing/fixtures/accounts";
import { InviteUsersDocument } from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

type User = ReturnType<typeof userEvent.setup>;

async function openDialog(user: User) {
  await user.click(await screen.findByRole("button", { name: "Invite people" }));
  return screen.findByRole("dialog", { name: "Invite people" });
}

function chips(dialog: HTMLElement) {
  return within(dialog).queryAllByTestId("email-chip");
}

/** The address on each chip (the label's own text, without the hidden problem note). */
function chipTexts(dialog: HTMLElement) {
  return chips(dialog).map((element) => element.firstElementChild?.firstChild?.textContent);
}

function chip(dialog: HTMLElement, email: string): HTMLElement {
  const found = chips(dialog).find((element) => element.textContent?.startsWith(email));
  if (!found) throw new Error(`No chip for ${email}`);
  return found;
}

function invitee(dialog: HTMLElement, email: string): HTMLElement {
  const found = within(dialog)
    .getAllByTestId("invitee")
    .find((element) => within(element).queryByText(email));
  if (!found) throw new Error(`No invitee row for ${email}`);
  return found;
}

function emailsInput(dialog: HTMLElement) {
  return within(dialog).getByRole("combobox", { name: "Email addresses" });
}

/** Adds addresses the quick way (one paste); typing itself is tested once. */
async function addEmails(user: User, dialog: HTMLElement, text: string) {
  await user.click(emailsInput(dialog));
  await user.paste(text);
}

describe("invite dialog", () => {
  it("makes chips from typing: Enter, comma and space end an address", async () => {
    installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    await user.type(emailsInput(dialog), "a@x.io{Enter}b@x.io,c@x.io d@x.io ");

    expect(chipTexts(dialog)).toEqual(["a@x.io", "b@x.io", "c@x.io", "d@x.io"]);
    expect(emailsInput(dialog)).toHaveValue("");
    // Every invitee starts as Viewer.
    expect(within(dialog).getByRole("combobox", { name: "Role for c@x.io" })).toHaveValue("VIEWER");
  });

  it("splits a pasted comma- or newline-separated list into chips, skipping duplicates", async () => {
    installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    await user.click(emailsInput(dialog));
    await user.paste("ann@example.com, bob@example.com\ncid@example.com;\nANN@example.com");

    expect(chipTexts(dialog)).toEqual(["ann@example.com", "bob@example.com", "cid@example.com"]);
    expect(within(dialog).getByText("ANN@example.com is in the list already.")).toBeInTheDocument();
    expect(screen.getByTestId("invite-seat-line")).toHaveTextContent(
      "4 of 10 seats used; this invitation uses 3",
    );
  });

  it("marks an invalid address and keeps Send disabled until it is removed", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    await addEmails(user, dialog, "good@example.com not-an-email");

    expect(chip(dialog, "not-an-email")).toHaveAttribute("data-invalid", "true");
    expect(chip(dialog, "good@example.com")).not.toHaveAttribute("data-invalid");
    expect(
      within(invitee(dialog, "not-an-email")).getByText("Not a valid email address."),
    ).toBeInTheDocument();
    expect(emailsInput(dialog)).toHaveAttribute("aria-invalid", "true");
    const send = within(dialog).getByRole("button", { name: "Send invitations" });
    expect(send).toBeDisabled();
    expect(send).toHaveAccessibleDescription("Fix or remove 1 address before sending.");

    await user.click(within(dialog).getByRole("button", { name: "Remove not-an-email" }));

    expect(chipTexts(dialog)).toEqual(["good@example.com"]);
    expect(send).toBeEnabled();
    expect(backend.operations("InviteUsers")).toHaveLength(0);
  });

  it("blocks Send when the invitation would pass the plan's seats", async () => {
    installMockBackend({ accounts: [acmeAccount({ seatsUsed: 8 })] });
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    await addEmails(user, dialog, "one@example.com two@example.com");
    expect(screen.getByTestId("invite-seat-line")).toHaveTextContent(
      "8 of 10 seats used; this invitation uses 2",
    );
    expect(within(dialog).getByRole("button", { name: "Send invitations" })).toBeEnabled();

    await addEmails(user, dialog, "three@example.com");

    expect(screen.getByTestId("invite-seat-line")).toHaveTextContent(
      "8 of 10 seats used; this invitation uses 3",
    );
    expect(screen.getByTestId("invite-seat-problem")).toHaveTextContent(
      "Only 2 seats are free: remove 1 from the list, or change the plan in Settings.",
    );
    expect(within(dialog).getByRole("button", { name: "Send invitations" })).toBeDisabled();
  });

  it("has no seat limit on an unlimited plan", async () => {
    installMockBackend({ accounts: [acmeAccount({ plan: "ENTERPRISE", seatsUsed: 70 })] });
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    await addEmails(user, dialog, "one@example.com");

    expect(screen.getByTestId("invite-seat-line")).toHaveTextContent(
      "70 seats used (unlimited); this invitation uses 1",
    );
    expect(within(dialog).getByRole("button", { name: "Send invitations" })).toBeEnabled();
  });

  it("shows the server's TAKEN error on the right chip and invites nobody", async () => {
    const backend = installMockBackend();
    const taken = (index: number, message: string) => {
      return { code: "TAKEN", message, field: ["invitees", String(index), "email"] };
    };
    const userErrors = [
      taken(1, "grace@example.com is already a member of this account."),
      taken(2, "new.hire@example.com already has an open invitation; resend it instead."),
    ];
    server.use(answer(InviteUsersDocument, { inviteUsers: { userErrors } }));
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    await addEmails(user, dialog, "fresh@example.com grace@example.com new.hire@example.com");
    await user.click(within(dialog).getByRole("button", { name: "Send invitations" }));

    await waitFor(() =>
      expect(chip(dialog, "grace@example.com")).toHaveAttribute("data-invalid", "true"),
    );
    expect(
      within(invitee(dialog, "grace@example.com")).getByText(
        "grace@example.com is already a member of this account.",
      ),
    ).toBeInTheDocument();
    expect(chip(dialog, "new.hire@example.com")).toHaveAttribute("data-invalid", "true");
    expect(
      within(invitee(dialog, "new.hire@example.com")).getByText(
        "new.hire@example.com already has an open invitation; resend it instead.",
      ),
    ).toBeInTheDocument();
    expect(chip(dialog, "fresh@example.com")).not.toHaveAttribute("data-invalid");
    expect(screen.getByRole("dialog", { name: "Invite people" })).toBeInTheDocument();
    expect(backend.operations("InviteUsers")).toHaveLength(1);

    // Removing the refused addresses clears their errors; the rest can go.
    await user.click(within(dialog).getByRole("button", { name: "Remove grace@example.com" }));
    await user.click(within(dialog).getByRole("button", { name: "Remove new.hire@example.com" }));
    expect(within(dialog).getByRole("button", { name: "Send invitations" })).toBeEnabled();
  });

  it("shows a seat refusal from the server as an alert", async () => {
    const user = userEvent.setup();
    // The page loaded with a free seat; someone else took it meanwhile.
    installMockBackend({ accounts: [acmeAccount({ seatsUsed: 9 })] });
    renderApp("/invitations");
    const dialog = await openDialog(user);
    const full =
      "10 of 10 seats are used and this needs 1 more; change the plan or free seats first.";
    server.use(refuse(InviteUsersDocument, "SEAT_LIMIT_REACHED", full, ["invitees"]));

    await addEmails(user, dialog, "late@example.org");
    await user.click(within(dialog).getByRole("button", { name: "Send invitations" }));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "10 of 10 seats are used and this needs 1 more",
    );
  });

  it("sends each invitee with their role, closes, notifies and refreshes the list", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    await user.selectOptions(
      within(dialog).getByRole("combobox", { name: "Role for all" }),
      "EDITOR",
    );
    await addEmails(user, dialog, "Zoe@Example.com\nyann@example.com");
    await user.selectOptions(
      within(dialog).getByRole("combobox", { name: "Role for yann@example.com" }),
      "ADMINISTRATOR",
    );
    expect(within(dialog).getByRole("combobox", { name: "Role for all" })).toHaveValue("");
    // The server counts the two new seats.
    server.use(answer(InviteUsersDocument, () => void (backend.state.accounts[0]!.seatsUsed = 6)));
    await user.click(within(dialog).getByRole("button", { name: "Send invitations" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("2 invitations sent")).toBeInTheDocument();
    expect(backend.operations("InviteUsers").map((o) => o.variables)).toEqual([
      {
        input: {
          invitees: [
            { email: "Zoe@Example.com", role: "EDITOR" },
            { email: "yann@example.com", role: "ADMINISTRATOR" },
          ],
        },
      },
    ]);
    expect(await screen.findByRole("cell", { name: "yann@example.com" })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId("invitation-seats")).toHaveTextContent("6 of 10 seats used"),
    );

    // Opening again starts with an empty list.
    const again = await openDialog(user);
    expect(chips(again)).toHaveLength(0);
  });

  it("fills the chips from a CSV file with each row's role and reports rows it left out", async () => {
    installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);
    await addEmails(user, dialog, "first@example.com");

    const csv =
      '\uFEFFEmail,Role\r\nkim@example.com,Editor\r\n\r\n"lee@example.com",administrator\r\nmax@example.com,Owner\r\nfirst@example.com,Viewer\r\nbad address,Viewer\r\n';
    const input = dialog.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input).not.toBeNull();
    await user.upload(input as HTMLInputElement, new File([csv], "team.csv", { type: "text/csv" }));

    await waitFor(() =>
      expect(chipTexts(dialog)).toEqual([
        "first@example.com",
        "kim@example.com",
        "lee@example.com",
        "bad address",
      ]),
    );
    expect(within(dialog).getByRole("combobox", { name: "Role for kim@example.com" })).toHaveValue(
      "EDITOR",
    );
    expect(within(dialog).getByRole("combobox", { name: "Role for lee@example.com" })).toHaveValue(
      "ADMINISTRATOR",
    );
    expect(within(dialog).getByText("Added 3 people from team.csv.")).toBeInTheDocument();
    expect(
      within(dialog).getByText("Line 4: role “Owner” must be Viewer, Editor or Administrator."),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText("first@example.com is in the list already."),
    ).toBeInTheDocument();
    expect(chip(dialog, "bad address")).toHaveAttribute("data-invalid", "true");
  });

  it("refuses a CSV without an email column", async () => {
    installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    const input = dialog.querySelector<HTMLInputElement>('input[type="file"]');
    await user.upload(
      input as HTMLInputElement,
      new File(["name,role\nKim,Editor\n"], "wrong.csv", { type: "text/csv" }),
    );

    expect(
      await within(dialog).findByText(
        "The first line must be a header with the columns email and role.",
      ),
    ).toBeInTheDocument();
    expect(chips(dialog)).toHaveLength(0);
  });

  it("links a sample CSV to download", async () => {
    installMockBackend();
    const user = userEvent.setup();
    renderApp("/invitations");
    const dialog = await openDialog(user);

    const link = within(dialog).getByRole("link", { name: "Download sample CSV" });
    expect(link).toHaveAttribute("download", "invitations-sample.csv");
    expect(decodeURIComponent(link.getAttribute("href") ?? "")).toBe(
      `data:text/csv;charset=utf-8,${USER_INVITATION_CSV_SAMPLE}`,
    );
  });

  it("opens from the Members page for an administrator", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "ADMINISTRATOR" })] });
    const user = userEvent.setup();
    const { router } = renderApp("/members");

    await user.click(await screen.findByRole("link", { name: "Invite people" }));

    expect(await screen.findByRole("dialog", { name: "Invite people" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/invitations");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("is not offered on the Members page to a viewer", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "VIEWER" })] });
    renderApp("/members");
    await screen.findByRole("cell", { name: "Grace Hopper" });
    expect(screen.queryByRole("link", { name: "Invite people" })).not.toBeInTheDocument();
  });
});
