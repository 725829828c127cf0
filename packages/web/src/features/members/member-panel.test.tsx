import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { acmeAccount, member, networkAcmeAccount } from "../../testing/fixtures/accounts";
import { UpdateMemberDocument } from "../../gql/graphql";
import { installNetworkBackend } from "../../testing/mock-backend";
import { refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

type User = ReturnType<typeof userEvent.setup>;

const ALAN_ID = member(2).id;
const PAT_ID = member(3).id;

async function openPanel(user: User, name: string) {
  const table = await screen.findByRole("table", { name: "Active members" });
  await user.click(within(table).getByRole("button", { name }));
  return screen.findByRole("dialog", { name });
}

function row(name: string): HTMLElement {
  const table = screen.getByRole("table", { name: "Active members" });
  const cell = within(table).getByRole("cell", { name });
  return cell.closest("tr") as HTMLElement;
}

describe("member side panel", () => {
  it("changes an internal member's role, and the list shows the new role", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");

    const panel = await openPanel(user, "Alan Turing");
    const role = await within(panel).findByRole("combobox", { name: "Role" });
    expect(role).toHaveValue("Editor");
    const save = within(panel).getByRole("button", { name: "Save changes" });
    expect(save).toBeDisabled();

    await user.click(role);
    await user.click(await within(panel).findByRole("option", { name: "Viewer" }));
    await user.click(save);

    expect(await within(panel).findByText("Changes saved.")).toBeInTheDocument();
    // Only the changed field is sent.
    expect(backend.operations("UpdateMember").map((o) => o.variables)).toEqual([
      { input: { memberId: ALAN_ID, role: "VIEWER" } },
    ]);
    // The list under the panel reads from the same cached member.
    await waitFor(() => expect(within(row("Alan Turing")).getByText("Viewer")).toBeInTheDocument());
    expect(within(panel).getByRole("button", { name: "Save changes" })).toBeDisabled();
  });

  it("turns login off and shows the server's refusal next to the switch", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");

    // Ada is the viewer: the server refuses to turn off her own login.
    const own = "You cannot turn off your own login.";
    server.use(refuse(UpdateMemberDocument, "INVALID_STATE", own, ["canLogin"]));
    const panel = await openPanel(user, "Ada Lovelace");
    const login = await within(panel).findByRole("switch", { name: "Can log in" });
    expect(login).toBeChecked();
    await user.click(login);
    await user.click(within(panel).getByRole("button", { name: "Save changes" }));

    await waitFor(() =>
      expect(login).toHaveAccessibleDescription(
        expect.stringContaining("You cannot turn off your own login."),
      ),
    );
    expect(backend.operations("UpdateMember")[0]?.variables).toEqual({
      input: { memberId: member(0, { id: "TWVtYmVyOmFkYQ" }).id, canLogin: false },
    });
    // The owner's role is not a choice.
    expect(within(panel).queryByRole("combobox", { name: "Role" })).not.toBeInTheDocument();
    expect(within(panel).getByRole("textbox", { name: "Role" })).toHaveValue("Owner");
  });

  it("shows an external member's role read-only, and archives after confirmation", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");

    const panel = await openPanel(user, "Pat Partner");
    const role = await within(panel).findByRole("textbox", { name: "Role" });
    expect(role).toHaveValue("External collaborator");
    expect(role).toHaveAttribute("readonly");
    expect(role).toHaveAccessibleDescription("External members are always collaborators.");
    expect(within(panel).getByText("External · Initech")).toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: "Archive" }));
    expect(
      within(panel).getByText(/^Archive Pat Partner\? They lose access to this account at once/),
    ).toBeInTheDocument();
    expect(backend.operations("ArchiveMembers")).toHaveLength(0);

    await user.click(within(panel).getByRole("button", { name: "Yes, archive" }));

    // Archived now: the panel offers Restore instead, and Pat left the Active list.
    expect(await within(panel).findByRole("button", { name: "Restore" })).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Archive" })).not.toBeInTheDocument();
    expect(backend.operations("ArchiveMembers").map((o) => o.variables)).toEqual([
      { input: { memberIds: [PAT_ID] } },
    ]);
    await waitFor(() =>
      expect(
        within(screen.getByRole("table", { name: "Active members" })).queryByRole("cell", {
          name: "Pat Partner",
        }),
      ).not.toBeInTheDocument(),
    );
  });

  it("shows an administrator the owner's login, role and status as locked, with the reasons", async () => {
    // Ada administers; Grace owns the account.
    const members = acmeAccount({ role: "ADMINISTRATOR" }).members.map((m) =>
      m.name === "Grace Hopper" ? { ...m, role: "OWNER" as const } : m,
    );
    const backend = installNetworkBackend({
      accounts: [networkAcmeAccount({ role: "ADMINISTRATOR", members })],
    });
    const user = userEvent.setup();
    renderApp("/members");

    const panel = await openPanel(user, "Grace Hopper");
    const login = await within(panel).findByRole("switch", { name: "Can log in" });
    expect(login).toBeChecked();
    expect(login).toBeDisabled();
    expect(login).toHaveAccessibleDescription("Only the owner changes the owner's login.");
    expect(within(panel).getByRole("textbox", { name: "Role" })).toHaveAccessibleDescription(
      "The owner's role changes only by transferring ownership.",
    );
    expect(within(panel).queryByRole("button", { name: "Archive" })).not.toBeInTheDocument();
    expect(within(panel).getByText(/The owner cannot be archived or removed/)).toBeInTheDocument();

    // The title is still theirs to set; saving sends no login change.
    await user.type(within(panel).getByRole("textbox", { name: "Title" }), "Founder");
    await user.click(within(panel).getByRole("button", { name: "Save changes" }));
    expect(await within(panel).findByText("Changes saved.")).toBeInTheDocument();
    expect(backend.operations("UpdateMember").map((o) => o.variables)).toEqual([
      { input: { memberId: member(1).id, title: "Founder" } },
    ]);
  });

  it("is read-only for a viewer", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "VIEWER" })] });
    const user = userEvent.setup();
    renderApp("/members");

    const panel = await openPanel(user, "Alan Turing");
    expect(await within(panel).findByText(/Role: Editor\. Can log in: yes\./)).toBeInTheDocument();
    expect(within(panel).queryByRole("textbox")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Archive" })).not.toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Save changes" })).not.toBeInTheDocument();
  });

  it("closes with Escape and returns to the list", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/members");

    await openPanel(user, "Grace Hopper");
    await user.keyboard("{Escape}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });
});
