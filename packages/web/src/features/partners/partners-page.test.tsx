import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { networkAcmeAccount } from "../../testing/fixtures/accounts";
import { InvitePartnerDocument, PartnersListDocument } from "../../gql/graphql";
import { installNetworkBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

type User = ReturnType<typeof userEvent.setup>;

function partnerRow(name: string): HTMLElement {
  const table = screen.getByRole("table", { name: "Partners" });
  return within(table).getByRole("link", { name }).closest("tr") as HTMLElement;
}

async function openInvite(user: User) {
  await user.click(await screen.findByRole("button", { name: "Invite partner" }));
  return screen.findByRole("dialog", { name: "Invite partner" });
}

describe("partners page", () => {
  it("lists partners with contact, status and people counts, linking to each partner", async () => {
    const backend = installNetworkBackend();
    renderApp("/partners");

    await screen.findByRole("table", { name: "Partners" });
    const initech = partnerRow("Initech");
    expect(within(initech).getByText("Peter Gibbons")).toBeInTheDocument();
    expect(within(initech).getByText("peter@initech.example")).toBeInTheDocument();
    expect(within(initech).getByText("Active")).toBeInTheDocument();
    expect(within(initech).getByText("Account ID: initech")).toBeInTheDocument();
    // Pat is active, Milton, Samir and Michael are pending.
    expect(within(initech).getByTestId("partner-member-counts")).toHaveTextContent(
      "3 pending · 1 active",
    );
    expect(within(initech).getByRole("link", { name: "Initech" })).toHaveAttribute(
      "href",
      "/partners/UGFydG5lcjo1",
    );
    expect(within(partnerRow("Umbrella")).getByText("Invited")).toBeInTheDocument();
    expect(within(partnerRow("Hooli Guests")).getByText("Guest")).toBeInTheDocument();
    expect(screen.getByText("4 partners")).toBeInTheDocument();
    expect(backend.operations("PartnersList")[0]?.variables).toEqual({ filter: {}, first: 25 });
  });

  it("filters by status and searches", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/partners");
    await screen.findByRole("table", { name: "Partners" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "REMOVED");
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "Initech" })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole("link", { name: "Vandelay Industries" })).toBeInTheDocument();

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "nobody");
    expect(await screen.findByRole("heading", { name: "No partners match" })).toBeInTheDocument();
    expect(backend.operations("PartnersList").at(-1)?.variables).toEqual({
      filter: { status: ["REMOVED"], search: "nobody" },
      first: 25,
    });
  });

  it("shows a failure with Retry, and Retry loads the list", async () => {
    installNetworkBackend();
    let calls = 0;
    server.use(
      answer(PartnersListDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/partners");

    const alert = await within(screen.getByRole("main")).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load partners");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("link", { name: "Initech" })).toBeInTheDocument();
  });

  it("shows an empty state with an invitation to invite", async () => {
    installNetworkBackend({ partners: [] });
    renderApp("/partners");

    expect(await screen.findByRole("heading", { name: "No partners yet" })).toBeInTheDocument();
    // One in the header, one in the empty state.
    expect(screen.getAllByRole("button", { name: "Invite partner" })).toHaveLength(2);
  });

  it("offers no invite or add to a viewer", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "VIEWER" })] });
    renderApp("/partners");

    expect(await screen.findByRole("link", { name: "Initech" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Invite partner" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add partner" })).not.toBeInTheDocument();
  });
});

describe("invite partner dialog", () => {
  it("checks the fields, then shows the server's errors next to the field at fault", async () => {
    const backend = installNetworkBackend();
    const field = ["accountHandle"];
    server.use(
      refuse(InvitePartnerDocument, "NOT_FOUND", 'No account has the ID "nosuch".', field, {
        once: true,
      }),
      refuse(InvitePartnerDocument, "TAKEN", "Initech is already your partner.", field, {
        once: true,
      }),
    );
    const user = userEvent.setup();
    renderApp("/partners");
    const dialog = await openInvite(user);

    // Email is the default way; an empty form is stopped before any request.
    await user.click(within(dialog).getByRole("button", { name: "Send invitation" }));
    const email = within(dialog).getByRole("textbox", { name: "Email" });
    expect(email).toHaveAccessibleDescription(
      expect.stringContaining("Enter the partner's email address."),
    );
    expect(email).toHaveFocus();
    await user.type(email, "not-an-email");
    await user.click(within(dialog).getByRole("button", { name: "Send invitation" }));
    expect(email).toHaveAccessibleDescription(
      expect.stringContaining("Enter a valid email address."),
    );

    // By account ID: the server does not know this one.
    await user.click(within(dialog).getByRole("radio", { name: "Account ID" }));
    expect(within(dialog).queryByRole("textbox", { name: "Email" })).not.toBeInTheDocument();
    const handle = within(dialog).getByRole("textbox", { name: "Account ID" });
    await user.type(handle, "nosuch");
    await user.click(within(dialog).getByRole("button", { name: "Send invitation" }));

    await waitFor(() =>
      expect(handle).toHaveAccessibleDescription(
        expect.stringContaining('No account has the ID "nosuch".'),
      ),
    );
    expect(handle).toHaveAttribute("aria-invalid", "true");
    expect(handle).toHaveFocus();

    // Typing clears the error; a partner already linked is refused too.
    await user.clear(handle);
    expect(handle).not.toHaveAttribute("aria-invalid");
    await user.type(handle, "initech");
    await user.click(within(dialog).getByRole("button", { name: "Send invitation" }));
    await waitFor(() =>
      expect(handle).toHaveAccessibleDescription(
        expect.stringContaining("Initech is already your partner."),
      ),
    );

    expect(backend.operations("InvitePartner").map((o) => o.variables)).toEqual([
      { input: { accountHandle: "nosuch", allowLogin: false } },
      { input: { accountHandle: "initech", allowLogin: false } },
    ]);
    expect(screen.getByRole("dialog", { name: "Invite partner" })).toBeInTheDocument();
  });

  it("invites by account ID with contact, company and login, and lists the partner as invited", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/partners");
    const dialog = await openInvite(user);

    await user.click(within(dialog).getByRole("radio", { name: "Account ID" }));
    await user.type(within(dialog).getByRole("textbox", { name: "Account ID" }), "Soylent");
    await user.type(within(dialog).getByRole("textbox", { name: "Contact name" }), "Sol Roth");
    await user.type(within(dialog).getByRole("textbox", { name: "Company name" }), "Soylent Corp");
    await user.click(within(dialog).getByRole("checkbox", { name: "Allow login" }));
    await user.click(within(dialog).getByRole("button", { name: "Send invitation" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.operations("InvitePartner")[0]?.variables).toEqual({
      input: {
        accountHandle: "soylent",
        contactName: "Sol Roth",
        companyName: "Soylent Corp",
        allowLogin: true,
      },
    });
    const row = await waitFor(() => partnerRow("Soylent Corp"));
    expect(within(row).getByText("Invited")).toBeInTheDocument();
  });
});

describe("add partner dialog", () => {
  it("adds a guest company and opens its page; the server's errors show next to fields", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    const { router } = renderApp("/partners");
    await user.click(await screen.findByRole("button", { name: "Add partner" }));
    const dialog = await screen.findByRole("dialog", { name: "Add partner" });
    expect(within(dialog).getByRole("checkbox", { name: "Guest company" })).toBeChecked();

    await user.type(within(dialog).getByRole("textbox", { name: "Domain" }), "bad domain");
    await user.click(within(dialog).getByRole("button", { name: "Add partner" }));
    expect(
      within(dialog).getByRole("textbox", { name: /^Company name/ }),
    ).toHaveAccessibleDescription(expect.stringContaining("Company name is required."));
    expect(within(dialog).getByRole("textbox", { name: "Domain" })).toHaveAccessibleDescription(
      expect.stringContaining("Enter a domain such as example.com."),
    );
    expect(backend.operations("CreatePartner")).toHaveLength(0);

    await user.type(within(dialog).getByRole("textbox", { name: /^Company name/ }), "Pied Piper");
    await user.clear(within(dialog).getByRole("textbox", { name: "Domain" }));
    await user.type(within(dialog).getByRole("textbox", { name: "Domain" }), "piedpiper.example");
    await user.click(within(dialog).getByRole("button", { name: "Add partner" }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/partners\/.+/));
    expect(backend.operations("CreatePartner")[0]?.variables).toEqual({
      input: {
        companyName: "Pied Piper",
        domain: "piedpiper.example",
        guest: true,
        allowLogin: false,
      },
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Pied Piper" }),
    ).toBeInTheDocument();
  });
});
