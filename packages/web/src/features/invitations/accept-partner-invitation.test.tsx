import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AcceptInvitationDocument } from "../../gql/graphql";
import { globexAccount, networkAcmeAccount } from "../../testing/fixtures/accounts";
import { installNetworkBackend } from "../../testing/mock-backend";
import { refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

const ACME_ID = networkAcmeAccount().id;
const GLOBEX_ID = globexAccount().id;

async function expectClientsOf(accountName: string) {
  expect(await screen.findByRole("heading", { level: 1, name: "Clients" })).toBeInTheDocument();
  await waitFor(() => expect(screen.getByTestId("current-account")).toHaveTextContent(accountName));
}

function accepted(backend: ReturnType<typeof installNetworkBackend>) {
  return backend.operations("AcceptInvitation").map((o) => o.variables);
}

describe("accept a partner invitation", () => {
  it("signed in with one account to administer: explains, preselects it and links it", async () => {
    // Ada owns Acme and only views Globex.
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    const { router } = renderApp("/invite/tok-partner");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Become a partner of Umbrella Corp" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Albert Wesker at Umbrella Corp invites your company to its partner network: Umbrella Corp will see your company's people as partner members, and your company will see Umbrella Corp among its clients.",
      ),
    ).toBeInTheDocument();
    const details = screen.getByTestId("invitation-details");
    expect(details).toHaveTextContent("AccountUmbrella Corp");
    expect(details).not.toHaveTextContent("Role");
    const choice = screen.getByRole("radiogroup", { name: "Your company" });
    expect(
      within(choice)
        .getAllByRole("radio")
        .map((radio) => radio.getAttribute("value")),
    ).toEqual([ACME_ID, "new"]);
    expect(within(choice).getByRole("radio", { name: "Acme Corp" })).toBeChecked();
    expect(screen.queryByLabelText("Company name")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Accept invitation" }));

    await expectClientsOf("Acme Corp");
    expect(router.state.location.pathname).toBe("/clients");
    expect(accepted(backend)).toEqual([
      { input: { token: "tok-partner", partnerAccountId: ACME_ID } },
    ]);
    // The session was in Acme already.
    expect(backend.operations("InvitationSwitchAccount")).toHaveLength(0);
  });

  it("signed in with two: the person chooses, and the app opens in the chosen account", async () => {
    const backend = installNetworkBackend({
      accounts: [networkAcmeAccount(), globexAccount({ role: "ADMINISTRATOR" })],
    });
    const user = userEvent.setup();
    const { router } = renderApp("/invite/tok-partner");

    const choice = await screen.findByRole("radiogroup", { name: "Your company" });
    expect(
      within(choice)
        .getAllByRole("radio")
        .filter((radio) => radio.matches(":checked")),
    ).toEqual([]);
    await user.click(within(choice).getByRole("radio", { name: "Globex" }));
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));

    await expectClientsOf("Globex");
    expect(router.state.location.pathname).toBe("/clients");
    expect(accepted(backend)).toEqual([
      { input: { token: "tok-partner", partnerAccountId: GLOBEX_ID } },
    ]);
    expect(backend.operations("InvitationSwitchAccount").map((o) => o.variables)).toEqual([
      { input: { accountId: GLOBEX_ID } },
    ]);
  });

  it("signed in: creates a new company account, which needs a name", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/invite/tok-partner");

    await user.click(await screen.findByRole("radio", { name: "Create a new company account" }));
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));
    const companyName = screen.getByLabelText("Company name");
    expect(companyName).toHaveAttribute("aria-invalid", "true");
    expect(companyName).toHaveAccessibleDescription("Company name is required.");
    expect(companyName).toHaveFocus();
    expect(accepted(backend)).toEqual([]);

    await user.type(companyName, " B Co ");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));

    await expectClientsOf("B Co");
    expect(accepted(backend)).toEqual([{ input: { token: "tok-partner", accountName: "B Co" } }]);
    const created = backend.state.accounts.find((account) => account.name === "B Co");
    expect(backend.operations("InvitationSwitchAccount").map((o) => o.variables)).toEqual([
      { input: { accountId: created?.id } },
    ]);
  });

  it("signed out, a new user: one request creates the login, the company and the link", async () => {
    const backend = installNetworkBackend({ signedIn: false });
    const user = userEvent.setup();
    const { router } = renderApp("/invite/tok-partner");

    expect(
      await screen.findByText("Create your login for bea@b-co.example and your company's account."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("radiogroup")).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Name"), " Bea Boss ");
    await user.type(screen.getByLabelText("Password"), "a long enough password");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));
    expect(screen.getByLabelText("Company name")).toHaveAccessibleDescription(
      "Company name is required.",
    );
    expect(accepted(backend)).toHaveLength(0);

    await user.type(screen.getByLabelText("Company name"), "B Co");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));

    await expectClientsOf("B Co");
    expect(router.state.location.pathname).toBe("/clients");
    expect(accepted(backend)).toEqual([
      {
        input: {
          token: "tok-partner",
          name: "Bea Boss",
          password: "a long enough password",
          accountName: "B Co",
        },
      },
    ]);
    // The server signed the newcomer in to the new account: nothing to switch.
    expect(backend.operations("InvitationSwitchAccount")).toHaveLength(0);
    expect(backend.operations("SignUp")).toHaveLength(0);
  });

  it("shows the server's error on the choice and stays on the page", async () => {
    installNetworkBackend();
    server.use(
      refuse(AcceptInvitationDocument, "INVALID", "This invitation was sent to another account.", [
        "partnerAccountId",
      ]),
    );
    const user = userEvent.setup();
    const { router } = renderApp("/invite/tok-partner");

    await user.click(await screen.findByRole("button", { name: "Accept invitation" }));

    const choice = screen.getByRole("radiogroup", { name: "Your company" });
    await waitFor(() =>
      expect(choice).toHaveAccessibleDescription(
        expect.stringContaining("This invitation was sent to another account."),
      ),
    );
    expect(within(choice).getByRole("radio", { name: "Acme Corp" })).toHaveFocus();
    expect(router.state.location.pathname).toBe("/invite/tok-partner");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("signed out with an email that has a login: log in first, then come back", async () => {
    const backend = installNetworkBackend({ signedIn: false });
    const logIn = "Log in as ada@example.com to accept this invitation.";
    server.use(refuse(AcceptInvitationDocument, "SIGN_IN_REQUIRED", logIn));
    const user = userEvent.setup();
    renderApp("/invite/tok-partner-ada");

    await user.type(await screen.findByLabelText("Name"), "Ada");
    await user.type(screen.getByLabelText("Password"), "a long enough password");
    await user.type(screen.getByLabelText("Company name"), "Ada Co");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Log in to accept");
    expect(alert).toHaveTextContent("ada@example.com already has a Partner Network account.");
    expect(within(alert).getByRole("link", { name: "Log in" })).toHaveAttribute(
      "href",
      "/login?next=%2Finvite%2Ftok-partner-ada",
    );
    // One request, not retried: the refusal is the server's answer.
    expect(accepted(backend)).toHaveLength(1);
  });

  it("asks to log in again when the server answers SIGN_IN_REQUIRED (the session ended)", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp("/invite/tok-partner");

    const accept = await screen.findByRole("button", { name: "Accept invitation" });
    // The session ended meanwhile.
    const logIn = "Log in (or sign up) as an administrator of your company to accept.";
    server.use(refuse(AcceptInvitationDocument, "SIGN_IN_REQUIRED", logIn));
    await user.click(accept);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Log in (or sign up) as an administrator of your company to accept.",
    );
    expect(within(alert).getByRole("link", { name: "Log in" })).toHaveAttribute(
      "href",
      "/login?next=%2Finvite%2Ftok-partner",
    );
    expect(accepted(backend)).toEqual([
      { input: { token: "tok-partner", partnerAccountId: ACME_ID } },
    ]);
  });
});
