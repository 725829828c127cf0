import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { acmeAccount, member } from "../../testing/fixtures/accounts";
import { installMockBackend } from "../../testing/mock-backend";
import { renderApp } from "../../testing/render-app";

configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

/** Acme with one person added by email who has not answered, and one who accepted. */
function backend() {
  const base = acmeAccount();
  return installMockBackend({
    accounts: [
      {
        ...base,
        members: [
          ...base.members,
          member(7, {
            name: "Typed Name",
            email: "typed@example.com",
            type: "EXTERNAL",
            role: "COLLABORATOR_EXTERNAL",
            acceptedAt: null,
            nameEditable: true,
          }),
          member(8, { name: "Accepted Person", email: "accepted@example.com" }),
        ],
      },
    ],
  });
}

async function openPanel(name: string) {
  const user = userEvent.setup();
  const table = await screen.findByRole("table", { name: "Active members" });
  await user.click(within(table).getByRole("button", { name }));
  return screen.findByRole("dialog", { name });
}

describe("members awaiting acceptance", () => {
  it("marks them in the list and explains in the panel; their name stays editable", async () => {
    backend();
    renderApp("/members");
    const table = await screen.findByRole("table", { name: "Active members" });
    const row = within(table).getByRole("cell", { name: "Typed Name" }).closest("tr")!;
    expect(within(row as HTMLElement).getByText("Awaiting acceptance")).toBeInTheDocument();
    const accepted = within(table).getByRole("cell", { name: "Accepted Person" }).closest("tr")!;
    expect(within(accepted as HTMLElement).queryByText("Awaiting acceptance")).toBeNull();

    const panel = await openPanel("Typed Name");
    expect(within(panel).getByText(/until they accept from their own account/)).toBeInTheDocument();
    const name = within(panel).getByRole("textbox", { name: "Name" });
    expect(name).not.toHaveAttribute("readonly");
  });

  it("explains why an accepted person's name cannot be edited here", async () => {
    backend();
    renderApp("/members");
    const panel = await openPanel("Accepted Person");
    const name = await within(panel).findByRole("textbox", { name: "Name" });
    expect(name).toHaveAttribute("readonly");
    expect(name).toHaveAccessibleDescription(
      "Accepted Person accepted this membership: only they change their own name.",
    );
  });
});
