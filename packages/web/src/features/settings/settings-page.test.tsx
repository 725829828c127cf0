import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { acmeAccount } from "../../testing/fixtures/accounts";
import {
  AccountSettingsDocument,
  ApiTokensDocument,
  ChangePlanDocument,
  CreateApiTokenDocument,
} from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

async function tokensSection() {
  return screen.findByRole("region", { name: "API tokens" });
}

describe("settings: plan", () => {
  it("shows the plan and the seats used", async () => {
    installMockBackend();
    renderApp("/settings");

    const plan = await screen.findByRole("region", { name: "Plan" });
    expect(within(plan).getByTestId("current-plan")).toHaveTextContent("Team");
    expect(within(plan).getByText("4 of 10 seats used")).toBeInTheDocument();
  });

  it('says "unlimited" when the plan has no seat limit', async () => {
    installMockBackend({ accounts: [acmeAccount({ plan: "ENTERPRISE", seatsUsed: 70 })] });
    renderApp("/settings");

    expect(await screen.findByText("70 of unlimited seats used")).toBeInTheDocument();
  });

  it("lets the owner change plan, showing the INVALID_STATE message next to the plan", async () => {
    const backend = installMockBackend();
    const tooSmall = "4 seats are in use; the FREE plan has 3. Free seats first.";
    server.use(refuse(ChangePlanDocument, "INVALID_STATE", tooSmall, ["plan"], { once: true }));
    const user = userEvent.setup();
    renderApp("/settings");
    const plan = await screen.findByRole("region", { name: "Plan" });
    const change = within(plan).getByRole("button", { name: "Change plan" });
    expect(change).toBeDisabled();

    await user.click(within(plan).getByRole("combobox", { name: "Plan" }));
    await user.click(await within(plan).findByRole("option", { name: /^Free/ }));
    await user.click(change);

    const select = within(plan).getByRole("combobox", { name: "Plan" });
    await waitFor(() => expect(select).toHaveAttribute("aria-invalid", "true"));
    expect(select).toHaveAccessibleDescription(
      "4 seats are in use; the FREE plan has 3. Free seats first.",
    );
    expect(within(plan).getByTestId("current-plan")).toHaveTextContent("Team");

    await user.click(select);
    await user.click(await within(plan).findByRole("option", { name: /^Business/ }));
    await user.click(within(plan).getByRole("button", { name: "Change plan" }));

    await waitFor(() =>
      expect(within(plan).getByTestId("current-plan")).toHaveTextContent("Business"),
    );
    expect(within(plan).getByText("4 of 50 seats used")).toBeInTheDocument();
    expect(backend.operations("ChangePlan").map((o) => o.variables)).toEqual([
      { input: { plan: "FREE" } },
      { input: { plan: "BUSINESS" } },
    ]);
  });

  it("shows no plan change and no API tokens to a viewer", async () => {
    const backend = installMockBackend({ accounts: [acmeAccount({ role: "VIEWER" })] });
    renderApp("/settings");

    const plan = await screen.findByRole("region", { name: "Plan" });
    expect(within(plan).getByText("4 of 10 seats used")).toBeInTheDocument();
    expect(within(plan).queryByRole("button", { name: "Change plan" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "API tokens" })).not.toBeInTheDocument();
    expect(backend.operations("ApiTokens")).toHaveLength(0);
  });

  it("shows API tokens but no plan change to an administrator", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "ADMINISTRATOR" })] });
    renderApp("/settings");

    expect(await tokensSection()).toBeInTheDocument();
    const plan = screen.getByRole("region", { name: "Plan" });
    expect(within(plan).queryByRole("button", { name: "Change plan" })).not.toBeInTheDocument();
  });
});

describe("settings: failures", () => {
  it("shows a network failure with Retry for the page and for the token list", async () => {
    installMockBackend();
    let settingsCalls = 0;
    let tokenCalls = 0;
    server.use(
      answer(AccountSettingsDocument, () => {
        settingsCalls += 1;
        return settingsCalls === 1 ? HttpResponse.error() : undefined;
      }),
      answer(ApiTokensDocument, () => {
        tokenCalls += 1;
        return tokenCalls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/settings");

    const main = screen.getByRole("main");
    const pageAlert = await within(main).findByRole("alert");
    expect(pageAlert).toHaveTextContent("Could not load settings");
    await user.click(within(pageAlert).getByRole("button", { name: "Retry" }));

    const section = await tokensSection();
    const listAlert = await within(section).findByRole("alert");
    expect(listAlert).toHaveTextContent("Could not load API tokens");
    expect(screen.getByText("4 of 10 seats used")).toBeInTheDocument();
    await user.click(within(listAlert).getByRole("button", { name: "Retry" }));

    expect(await within(section).findByRole("cell", { name: "CRM sync" })).toBeInTheDocument();
    expect(within(main).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a failed create with Retry, and Retry creates the token", async () => {
    const backend = installMockBackend();
    let calls = 0;
    server.use(
      answer(CreateApiTokenDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await tokensSection();

    await user.type(within(section).getByLabelText("Token name"), "Nightly");
    await user.click(within(section).getByRole("checkbox", { name: /^Read/ }));
    await user.click(within(section).getByRole("button", { name: "Create token" }));

    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("Could not reach the server");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await screen.findByTestId("api-token-secret")).toHaveTextContent("pn_secret_1_");
    expect(backend.operations("CreateApiToken")).toHaveLength(1);
  });
});

describe("settings: API tokens", () => {
  it("lists tokens with scopes, created, last used and status", async () => {
    installMockBackend();
    renderApp("/settings");

    const section = await tokensSection();
    const row = (await within(section).findByRole("cell", { name: "CRM sync" })).closest("tr");
    const cells = within(row as HTMLElement)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells.slice(0, 6)).toEqual([
      "CRM sync",
      "Read",
      "Jan 5, 2026, 10:00 AM",
      "never",
      "never",
      "Active",
    ]);
  });

  it("needs a name and at least one scope before creating", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await tokensSection();

    await user.click(within(section).getByRole("button", { name: "Create token" }));

    expect(within(section).getByLabelText("Token name")).toHaveAccessibleDescription(
      expect.stringContaining("Give the token a name."),
    );
    expect(within(section).getByRole("group", { name: "Scopes" })).toHaveAccessibleDescription(
      expect.stringContaining("Choose at least one scope."),
    );
    expect(backend.operations("CreateApiToken")).toHaveLength(0);
  });

  it("shows a new token's secret once, with a copy button; afterwards only the list shows it", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await tokensSection();

    await user.type(within(section).getByLabelText("Token name"), "Billing export");
    await user.click(within(section).getByRole("checkbox", { name: /^Read/ }));
    await user.click(within(section).getByRole("checkbox", { name: /^Write/ }));
    await user.click(within(section).getByRole("button", { name: "Create token" }));

    const dialog = await screen.findByRole("dialog", { name: "API token created" });
    expect(within(dialog).getByText("You will not see this token again")).toBeInTheDocument();
    const secret = within(dialog).getByTestId("api-token-secret");
    expect(secret).toHaveTextContent("pn_secret_1_AbCdEfGhIjKlMnOpQrStUvWxYz");
    expect(backend.operations("CreateApiToken")[0]?.variables).toEqual({
      input: { name: "Billing export", scopes: ["READ", "WRITE"], expiresAt: expect.any(String) },
    });

    // userEvent.setup() installed a clipboard stub on navigator.
    const writeText = jest.spyOn(navigator.clipboard, "writeText");
    await user.click(within(dialog).getByRole("button", { name: "Copy token" }));
    expect(await within(dialog).findByRole("button", { name: "Copied" })).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith("pn_secret_1_AbCdEfGhIjKlMnOpQrStUvWxYz");

    await user.click(within(dialog).getByRole("button", { name: "Done" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.queryByTestId("api-token-secret")).not.toBeInTheDocument();
    expect(screen.queryByText(/pn_secret_1/)).not.toBeInTheDocument();
    const row = within(section).getByRole("cell", { name: "Billing export" }).closest("tr");
    expect(within(row as HTMLElement).getByText("Write")).toBeInTheDocument();
    // The form is ready for the next token.
    expect(within(section).getByLabelText("Token name")).toHaveValue("");
  });

  it("expires a new token in 90 days unless another expiry is chosen, and lists the expiry", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await tokensSection();
    const DAY = 24 * 60 * 60 * 1000;

    await user.type(within(section).getByLabelText("Token name"), "Quarterly");
    await user.click(within(section).getByRole("checkbox", { name: /^Read/ }));
    await user.click(within(section).getByRole("button", { name: "Create token" }));
    await user.click(await screen.findByRole("button", { name: "Done" }));
    const first = backend.operations("CreateApiToken")[0]?.variables as {
      input: { expiresAt: string };
    };
    const daysAhead = (new Date(first.input.expiresAt).getTime() - Date.now()) / DAY;
    expect(daysAhead).toBeGreaterThan(89.9);
    expect(daysAhead).toBeLessThanOrEqual(90);
    const row = within(section).getByRole("cell", { name: "Quarterly" }).closest("tr");
    expect(within(row as HTMLElement).getAllByRole("cell")[4]).not.toHaveTextContent("never");

    await user.type(within(section).getByLabelText("Token name"), "Forever");
    await user.click(within(section).getByRole("checkbox", { name: /^Read/ }));
    await user.click(within(section).getByRole("combobox", { name: "Expires" }));
    await user.click(await within(section).findByRole("option", { name: "Never" }));
    await user.click(within(section).getByRole("button", { name: "Create token" }));
    await user.click(await screen.findByRole("button", { name: "Done" }));
    expect(backend.operations("CreateApiToken")[1]?.variables).toEqual({
      input: { name: "Forever", scopes: ["READ"], expiresAt: null },
    });
  });

  it("shows a token past its expiry as Expired", async () => {
    installMockBackend({
      accounts: [
        acmeAccount({
          apiTokens: [
            {
              ...acmeAccount().apiTokens[0]!,
              expiresAt: new Date(Date.now() - 60_000).toISOString(),
            },
          ],
        }),
      ],
    });
    renderApp("/settings");
    const section = await tokensSection();
    const row = (await within(section).findByRole("cell", { name: "CRM sync" })).closest("tr");
    expect(within(row as HTMLElement).getByText("Expired")).toBeInTheDocument();
    expect(within(row as HTMLElement).queryByText("Active")).not.toBeInTheDocument();
  });

  it("shows the server's refusal of an expiry next to the choice", async () => {
    installMockBackend();
    server.use(
      answer(CreateApiTokenDocument, () => ({
        createApiToken: {
          apiToken: null,
          secret: null,
          userErrors: [
            { field: ["expiresAt"], code: "INVALID", message: "Choose an expiry in the future." },
          ],
        },
      })),
    );
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await tokensSection();
    await user.type(within(section).getByLabelText("Token name"), "Late");
    await user.click(within(section).getByRole("checkbox", { name: /^Read/ }));
    await user.click(within(section).getByRole("button", { name: "Create token" }));
    expect(await within(section).findByText("Choose an expiry in the future.")).toBeInTheDocument();
    expect(screen.queryByTestId("api-token-secret")).not.toBeInTheDocument();
  });

  it("asks for confirmation before revoking, and Cancel revokes nothing", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await tokensSection();

    await user.click(await within(section).findByRole("button", { name: "Revoke CRM sync" }));

    const dialog = await screen.findByRole("dialog", { name: "Revoke API token" });
    expect(dialog).toHaveTextContent(
      "Revoke token CRM sync? Systems using it will stop working at once.",
    );
    expect(backend.operations("RevokeApiToken")).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.operations("RevokeApiToken")).toHaveLength(0);
    expect(within(section).getByRole("button", { name: "Revoke CRM sync" })).toBeInTheDocument();
  });

  it("revokes after confirmation and refetches the list", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await tokensSection();
    const listRequestsBefore = () => backend.operations("ApiTokens").length;

    await user.click(await within(section).findByRole("button", { name: "Revoke CRM sync" }));
    const requestsBeforeConfirm = listRequestsBefore();
    const dialog = await screen.findByRole("dialog", { name: "Revoke API token" });
    await user.click(within(dialog).getByRole("button", { name: "Revoke token" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const row = within(section).getByRole("cell", { name: "CRM sync" }).closest("tr");
    expect(within(row as HTMLElement).getByText("Revoked")).toBeInTheDocument();
    expect(
      within(section).queryByRole("button", { name: "Revoke CRM sync" }),
    ).not.toBeInTheDocument();
    expect(backend.operations("RevokeApiToken").map((o) => o.variables)).toEqual([
      { input: { apiTokenId: acmeAccount().apiTokens[0]?.id } },
    ]);
    await waitFor(() => expect(listRequestsBefore()).toBeGreaterThan(requestsBeforeConfirm));
  });
});
