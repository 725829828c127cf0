import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { acmeAccount, globexAccount } from "../testing/fixtures/accounts";
import { installMockBackend } from "../testing/mock-backend";
import { renderApp } from "../testing/render-app";

describe("account selector", () => {
  it("lists the user's accounts with the current one marked", async () => {
    installMockBackend();
    const user = userEvent.setup();
    renderApp("/members");
    const banner = screen.getByRole("banner");

    const trigger = await within(banner).findByRole("button", { name: "Account: Acme Corp" });
    expect(within(banner).getByText("Owner")).toBeInTheDocument();
    await user.click(trigger);

    const acme = await screen.findByRole("menuitem", { name: "Acme Corp" });
    const globex = screen.getByRole("menuitem", { name: "Globex" });
    expect(acme).toHaveAttribute("aria-current", "true");
    expect(globex).not.toHaveAttribute("aria-current");
  });

  it("switches account, then the header and the page reload for that account", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/members");
    const banner = screen.getByRole("banner");
    // Acme's members are on screen first.
    expect(await screen.findByRole("cell", { name: "Grace Hopper" })).toBeInTheDocument();

    await user.click(await within(banner).findByRole("button", { name: "Account: Acme Corp" }));
    await user.click(await screen.findByRole("menuitem", { name: "Globex" }));

    expect(
      await within(banner).findByRole("button", { name: "Account: Globex" }),
    ).toBeInTheDocument();
    expect(backend.operations("SwitchAccount").map((o) => o.variables)).toEqual([
      { input: { accountId: globexAccount().id } },
    ]);
    // The role shown is the one in the new account.
    expect(within(banner).getByText("Viewer")).toBeInTheDocument();
    // The members list reloaded for Globex.
    expect(await screen.findByRole("cell", { name: "Hank Scorpio" })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole("cell", { name: "Grace Hopper" })).not.toBeInTheDocument(),
    );

    // The menu now marks Globex as current.
    await user.click(within(banner).getByRole("button", { name: "Account: Globex" }));
    expect(await screen.findByRole("menuitem", { name: "Globex" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    expect(screen.getByRole("menuitem", { name: acmeAccount().name })).not.toHaveAttribute(
      "aria-current",
    );
  });

  it("choosing the current account sends nothing", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/members");
    const banner = screen.getByRole("banner");

    await user.click(await within(banner).findByRole("button", { name: "Account: Acme Corp" }));
    await user.click(await screen.findByRole("menuitem", { name: "Acme Corp" }));

    await waitFor(() =>
      expect(screen.queryByRole("menuitem", { name: "Acme Corp" })).not.toBeInTheDocument(),
    );
    expect(backend.operations("SwitchAccount")).toHaveLength(0);
  });
});
