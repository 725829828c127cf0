import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PASSWORD, USER } from "../testing/fixtures/accounts";
import { installMockBackend } from "../testing/mock-backend";
import { renderApp } from "../testing/render-app";

describe("auth guard", () => {
  it.each([
    ["/members", "/login?next=%2Fmembers"],
    ["/settings?tab=tokens", "/login?next=%2Fsettings%3Ftab%3Dtokens"],
    ["/", "/login"],
  ])("sends a signed-out visit to %s to %s", async (path, expected) => {
    installMockBackend({ signedIn: false });
    const { router } = renderApp(path);

    expect(await screen.findByRole("heading", { level: 1, name: "Log in" })).toBeInTheDocument();
    const { pathname, search } = router.state.location;
    expect(`${pathname}${search}`).toBe(expected);
    expect(screen.queryByRole("navigation", { name: "Main" })).not.toBeInTheDocument();
  });

  it("brings the user back to the original page after logging in", async () => {
    installMockBackend({ signedIn: false });
    const user = userEvent.setup();
    const { router } = renderApp("/settings");

    await user.type(await screen.findByLabelText("Email"), USER.email);
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/settings");
  });

  it("keeps the not-found page public", async () => {
    installMockBackend({ signedIn: false });
    const { router } = renderApp("/no/such/page");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Page not found" }),
    ).toBeInTheDocument();
    expect(await screen.findByText("Not signed in")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/no/such/page");
  });

  it("keeps the sign-up page public", async () => {
    installMockBackend({ signedIn: false });
    const { router } = renderApp("/signup");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Create your account" }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/signup");
  });

  it("logs out from the user menu, resets the store and shows the log-in page", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    const { router } = renderApp("/members");
    const banner = screen.getByRole("banner");

    await user.click(await within(banner).findByRole("button", { name: "User menu" }));
    await user.click(await screen.findByRole("menuitem", { name: "Log out" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Log in" })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(backend.operations("LogOut")).toHaveLength(1);
    // The viewer was asked for again after logging out (store reset), not served from cache.
    const viewerCalls = backend.state.operations.map((o) => o.operationName);
    expect(viewerCalls.lastIndexOf("ShellViewer")).toBeGreaterThan(viewerCalls.indexOf("LogOut"));
    expect(screen.queryByText(USER.name)).not.toBeInTheDocument();
  });
});
