import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TEXT_LIMITS } from "@pn/shared";
import { HttpResponse } from "msw";
import {
  ClientDetailsDocument,
  RemoveTeamMemberDocument,
  ResendClientInvitationDocument,
  UpdateClientDocument,
} from "../../gql/graphql";
import { member, networkAcmeAccount } from "../../testing/fixtures/accounts";
import { acmeClients, type MockClient } from "../../testing/fixtures/network";
import { installNetworkBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const PAULA_PATH = "/clients/Q2xpZW50OjM";

async function teamTable() {
  return screen.findByRole("table", { name: "Team of Paula Person" });
}

function personRow(table: HTMLElement, name: string): HTMLElement {
  return within(table).getByText(name).closest("tr") as HTMLElement;
}

describe("client page", () => {
  it("shows the client's details and team, the lead marked", async () => {
    const backend = installNetworkBackend();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      answer(ClientDetailsDocument, async () => {
        await held;
        return undefined;
      }),
    );
    renderApp(PAULA_PATH);

    expect(await screen.findByText("Loading client")).toBeInTheDocument();
    release();
    expect(
      await screen.findByRole("heading", { level: 1, name: "Paula Person" }),
    ).toBeInTheDocument();
    const details = screen.getByTestId("client-details");
    expect(details).toHaveTextContent("Emailpaula@example.com");
    expect(details).toHaveTextContent("Phone+1 555 0100");
    expect(details).toHaveTextContent("TypePerson");

    const table = await teamTable();
    const alan = personRow(table, "Alan Turing");
    expect(within(alan).getByText("Lead")).toBeInTheDocument();
    expect(within(alan).getByText("alan@example.com")).toBeInTheDocument();
    expect(within(personRow(table, "Grace Hopper")).queryByText("Lead")).not.toBeInTheDocument();
    expect(backend.operations("ClientDetails")[0]?.variables).toEqual({ id: "Q2xpZW50OjM" });
  });

  it("disables removing the lead and says why; makes another lead, then removes the former", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp(PAULA_PATH);

    const table = await teamTable();
    const removeAlan = within(personRow(table, "Alan Turing")).getByRole("button", {
      name: "Remove Alan Turing",
    });
    expect(removeAlan).toBeDisabled();
    expect(removeAlan).toHaveAccessibleDescription(
      "The lead cannot be removed: make someone else lead first.",
    );

    await user.click(
      within(personRow(table, "Grace Hopper")).getByRole("button", {
        name: "Make lead: Grace Hopper",
      }),
    );
    expect(
      await screen.findByText("Grace Hopper now leads Paula Person's team."),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(personRow(table, "Grace Hopper")).getByText("Lead")).toBeInTheDocument(),
    );

    const removeFormer = within(personRow(table, "Alan Turing")).getByRole("button", {
      name: "Remove Alan Turing",
    });
    expect(removeFormer).toBeEnabled();
    await user.click(removeFormer);
    const dialog = await screen.findByRole("dialog", { name: "Remove from team" });
    expect(dialog).toHaveTextContent("They no longer serve Paula Person");
    expect(backend.operations("RemoveTeamMember")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Remove from team" }));

    await waitFor(() => expect(within(table).queryByText("Alan Turing")).not.toBeInTheDocument());
    expect(backend.operations("RemoveTeamMember").map((o) => o.variables)).toEqual([
      { input: { clientId: "Q2xpZW50OjM", memberId: member(2).id } },
    ]);
    // Grace is the lead and the last member: her removal is disabled, with the reason.
    expect(
      within(personRow(table, "Grace Hopper")).getByRole("button", {
        name: "Remove Grace Hopper",
      }),
    ).toBeDisabled();
  });

  it("shows a refusal from the server in the dialog and changes nothing", async () => {
    installNetworkBackend();
    const lead = "Make another member the lead before removing this one.";
    server.use(refuse(RemoveTeamMemberDocument, "TEAM_LEAD_REQUIRED", lead, ["memberId"]));
    const user = userEvent.setup();
    renderApp(PAULA_PATH);
    const table = await teamTable();

    await user.click(
      within(personRow(table, "Grace Hopper")).getByRole("button", { name: "Remove Grace Hopper" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Remove from team" });
    await user.click(within(dialog).getByRole("button", { name: "Remove from team" }));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Make another member the lead before removing this one.",
    );
    expect(within(table).getByText("Grace Hopper")).toBeInTheDocument();
  });

  it("replaces the lead with someone else, who takes over the lead", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp(PAULA_PATH);
    const table = await teamTable();

    await user.click(
      within(personRow(table, "Alan Turing")).getByRole("button", { name: "Replace Alan Turing" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Replace Alan Turing" });
    expect(dialog).toHaveTextContent("takes their place, as the lead");
    await user.click(within(dialog).getByRole("button", { name: "Replace" }));
    expect(await within(dialog).findByText("Choose a person.")).toBeInTheDocument();

    await user.click(within(dialog).getByRole("combobox", { name: "Person" }));
    // Team members are not offered.
    expect(screen.queryByRole("option", { name: /Grace Hopper/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole("option", { name: "Ada Lovelace (ada@example.com)" }));
    await user.click(within(dialog).getByRole("button", { name: "Replace" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("Ada Lovelace replaced Alan Turing.")).toBeInTheDocument();
    expect(within(personRow(table, "Ada Lovelace")).getByText("Lead")).toBeInTheDocument();
    expect(backend.operations("ReplaceTeamMember").map((o) => o.variables)).toEqual([
      {
        input: {
          clientId: "Q2xpZW50OjM",
          memberId: member(2).id,
          replacementMemberId: "TWVtYmVyOmFkYQ",
        },
      },
    ]);
  });

  it("adds a member", async () => {
    installNetworkBackend();
    const user = userEvent.setup();
    renderApp(PAULA_PATH);
    const table = await teamTable();

    await user.click(screen.getByRole("button", { name: "Add member" }));
    const dialog = await screen.findByRole("dialog", { name: "Add team member" });
    await user.click(within(dialog).getByRole("combobox", { name: "Person" }));
    await user.click(await screen.findByRole("option", { name: "Ada Lovelace (ada@example.com)" }));
    await user.click(within(dialog).getByRole("button", { name: "Add to team" }));

    expect(await screen.findByText("Ada Lovelace joined the team.")).toBeInTheDocument();
    expect(within(personRow(table, "Ada Lovelace")).queryByText("Lead")).not.toBeInTheDocument();
  });

  it("offers no team changes to a viewer", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "VIEWER" })] });
    renderApp(PAULA_PATH);
    const table = await teamTable();

    expect(within(table).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add member" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove from network" })).not.toBeInTheDocument();
  });

  it("says so when the client does not exist", async () => {
    installNetworkBackend();
    renderApp("/clients/Q2xpZW50Ojk5");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Client not found" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← All clients" })).toHaveAttribute("href", "/clients");
  });

  it("shows a failure with Retry", async () => {
    installNetworkBackend();
    let calls = 0;
    server.use(
      answer(ClientDetailsDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp(PAULA_PATH);

    const alert = await within(screen.getByRole("main")).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load this client");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await teamTable()).toBeInTheDocument();
  });
});

describe("client page: the client's title", () => {
  it("an editor changes the title; the server's refusal shows at the field", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp(PAULA_PATH);

    const form = await screen.findByRole("form", { name: "Title of Paula Person" });
    const input = within(form).getByRole("textbox", { name: /^Title/ });
    expect(input).toHaveValue("Head of purchasing");
    expect(input).toHaveAttribute("maxLength", String(TEXT_LIMITS.title));
    const save = within(form).getByRole("button", { name: "Save title" });
    expect(save).toBeDisabled();

    await user.clear(input);
    await user.type(input, "  Chief buyer ");
    await user.click(save);
    expect(await within(form).findByRole("status")).toHaveTextContent("Title saved.");
    expect(backend.operations("UpdateClient")[0]?.variables).toEqual({
      input: { clientId: "Q2xpZW50OjM", title: "Chief buyer" },
    });
    expect(input).toHaveValue("Chief buyer");
    expect(save).toBeDisabled();

    server.use(
      refuse(UpdateClientDocument, "INVALID", "Title must be a single line.", ["title"], {
        once: true,
      }),
    );
    await user.type(input, " and more");
    await user.click(save);
    expect(await within(form).findByText("Title must be a single line.")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
  });

  it("a viewer reads the title and gets no form", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "VIEWER" })] });
    renderApp(PAULA_PATH);
    const details = await screen.findByTestId("client-details");
    expect(details).toHaveTextContent("TitleHead of purchasing");
    expect(screen.queryByRole("form", { name: "Title of Paula Person" })).not.toBeInTheDocument();
  });
});

describe("client page: resending an email invitation", () => {
  const RHEA_ID = "Q2xpZW50Ojk";
  /** A fresh copy per test: the mock backend changes the invitation in place. */
  const rhea = (): MockClient => ({
    id: RHEA_ID,
    accountId: networkAcmeAccount().id,
    type: "PERSON",
    name: "Rhea Resend",
    email: "rhea@client.example",
    status: "INVITED",
    createdAt: "2026-01-05T10:00:00.000Z",
    removedAt: null,
    clientAccount: null,
    phone: null,
    teamMemberIds: [member(2).id],
    memberId: null,
    invitation: {
      __typename: "Invitation",
      id: "SW52aXRhdGlvbjpyaGVh",
      email: "rhea@client.example",
      status: "EXPIRED",
      expiresAt: "2026-01-07T10:00:00.000Z",
    },
  });

  it("resends an expired invitation: a notification, and the invitation shows as sent again", async () => {
    const backend = installNetworkBackend({ clients: [...acmeClients(), rhea()] });
    const user = userEvent.setup();
    renderApp(`/clients/${RHEA_ID}`);

    const details = await screen.findByTestId("client-details");
    expect(details).toHaveTextContent("Invitationexpired");
    await user.click(
      within(details).getByRole("button", { name: "Resend invitation to rhea@client.example" }),
    );

    expect(await screen.findByText("Invitation sent again")).toBeInTheDocument();
    expect(
      screen.getByText(
        /^A new link went to rhea@client\.example, valid until .+; the old one no longer works\.$/,
      ),
    ).toBeInTheDocument();
    expect(backend.operations("ResendClientInvitation").map((o) => o.variables)).toEqual([
      { input: { invitationId: "SW52aXRhdGlvbjpyaGVh" } },
    ]);
    await waitFor(() => expect(details).toHaveTextContent(/InvitationSent; expires/));
  });

  it("shows the server's reason when it refuses", async () => {
    installNetworkBackend({ clients: [...acmeClients(), rhea()] });
    const tooMany = "This account sent too many invitation emails today; try again tomorrow.";
    server.use(refuse(ResendClientInvitationDocument, "RATE_LIMITED", tooMany, ["invitationId"]));
    const user = userEvent.setup();
    renderApp(`/clients/${RHEA_ID}`);

    await user.click(
      await screen.findByRole("button", { name: "Resend invitation to rhea@client.example" }),
    );

    expect(await screen.findByText("Could not resend the invitation")).toBeInTheDocument();
    expect(
      screen.getByText("This account sent too many invitation emails today; try again tomorrow."),
    ).toBeInTheDocument();
    expect(screen.getByTestId("client-details")).toHaveTextContent("Invitationexpired");
  });

  it("says when a resend will be possible when it was sent too recently, and waits until then", async () => {
    installNetworkBackend({ clients: [...acmeClients(), rhea()] });
    const retryAfter = new Date(Date.now() + 45_000).toISOString();
    const at = new Intl.DateTimeFormat("en", { timeStyle: "short" }).format(new Date(retryAfter));
    server.use(
      answer(ResendClientInvitationDocument, {
        resendInvitation: {
          invitation: null,
          userErrors: [
            {
              code: "RATE_LIMITED",
              field: ["invitationId"],
              message: "This invitation may be emailed to the same address once a minute.",
              retryAfter,
            },
          ],
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/clients/${RHEA_ID}`);

    await user.click(
      await screen.findByRole("button", { name: "Resend invitation to rhea@client.example" }),
    );

    expect(await screen.findByText(`You can resend at ${at}.`)).toBeInTheDocument();
    // A notice, not an error: the server's message is not shown.
    expect(screen.getByText("Invitation sent recently")).toBeInTheDocument();
    expect(
      screen.queryByText("This invitation may be emailed to the same address once a minute."),
    ).not.toBeInTheDocument();
    const button = screen.getByRole("button", { name: "Resend invitation to rhea@client.example" });
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent(`Resend at ${at}`);
  });

  it("offers no Resend to a viewer", async () => {
    installNetworkBackend({
      accounts: [networkAcmeAccount({ role: "VIEWER" })],
      clients: [...acmeClients(), rhea()],
    });
    renderApp(`/clients/${RHEA_ID}`);

    expect(await screen.findByTestId("client-details")).toHaveTextContent("Invitationexpired");
    expect(screen.queryByRole("button", { name: /^Resend invitation/ })).not.toBeInTheDocument();
  });
});
