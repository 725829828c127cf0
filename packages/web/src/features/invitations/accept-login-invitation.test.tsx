import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { USER } from "../../testing/fixtures/accounts";
import { AcceptInvitationDocument } from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
jest.setTimeout(20_000);

describe("accept a LOGIN invitation (set a password)", () => {
  it("lets a person who was given login choose a password; the app opens signed in", async () => {
    const backend = installMockBackend({ signedIn: false });
    const { router } = renderApp("/invite/tok-login");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Log in to Acme Corp" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Ada Lovelace at Acme Corp gave you access to Acme Corp on Partner Network.",
      ),
    ).toBeInTheDocument();
    // A login is not a role: no Role row.
    expect(screen.getByTestId("invitation-details")).not.toHaveTextContent("Role");

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Password"), "a long enough password");
    await user.click(screen.getByRole("button", { name: "Set password and log in" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/members");
    expect(backend.operations("AcceptInvitation").map((o) => o.variables)).toEqual([
      { input: { token: "tok-login", password: "a long enough password" } },
    ]);
    expect(await within(screen.getByRole("banner")).findByText(USER.name)).toBeInTheDocument();
  });

  it("checks the password before sending", async () => {
    const backend = installMockBackend({ signedIn: false });
    renderApp("/invite/tok-login");

    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Password"), "short");
    await user.click(screen.getByRole("button", { name: "Set password and log in" }));

    const password = screen.getByLabelText("Password");
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Use at least 10 characters.")).toBeInTheDocument();
    expect(password).toHaveFocus();
    expect(backend.operations("AcceptInvitation")).toEqual([]);
  });

  it("asks someone who has set a password since to log in instead", async () => {
    installMockBackend({ signedIn: false });
    const logIn = `Log in as ${USER.email} to continue.`;
    server.use(refuse(AcceptInvitationDocument, "SIGN_IN_REQUIRED", logIn));
    renderApp("/invite/tok-login-set");

    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Password"), "a long enough password");
    await user.click(screen.getByRole("button", { name: "Set password and log in" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(`Log in as ${USER.email} to continue.`);
    expect(within(alert).getByRole("link", { name: "Log in" })).toHaveAttribute(
      "href",
      "/login?next=%2Finvite%2Ftok-login-set",
    );
  });
});
