import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AcceptInvitationDocument, InvitationPreviewDocument } from "../../gql/graphql";
import { HttpResponse } from "msw";
import { USER } from "../../testing/fixtures/accounts";
import { installMockBackend, installNetworkBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
jest.setTimeout(20_000);

function referrerMeta() {
  return document.head.querySelector('meta[name="referrer"]');
}

async function fillAndAccept(name: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("Name"), name);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Accept invitation" }));
  return user;
}

describe("accept invitation", () => {
  it("previews the invitation and lets a new user join; the app opens on Members", async () => {
    const backend = installMockBackend({ signedIn: false });
    const { router } = renderApp("/invite/tok-new");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Join Acme Corp" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Ada Lovelace invited you to join Acme Corp on Partner Network."),
    ).toBeInTheDocument();
    const details = screen.getByTestId("invitation-details");
    expect(details).toHaveTextContent("AccountAcme Corp");
    expect(details).toHaveTextContent("Emailnewbie@example.com");
    expect(details).toHaveTextContent("RoleEditor");
    expect(details).toHaveTextContent("Expiresin 2 days");
    // The token is in the address: no Referer leaves this page.
    expect(referrerMeta()).toHaveAttribute("content", "no-referrer");
    // Not inside the app's shell.
    expect(screen.queryByRole("navigation", { name: "Main" })).not.toBeInTheDocument();

    await fillAndAccept(" Nina Newbie ", "a long enough password");

    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/members");
    expect(backend.operations("AcceptInvitation").map((o) => o.variables)).toEqual([
      { input: { token: "tok-new", name: "Nina Newbie", password: "a long enough password" } },
    ]);
    // Signed in now: the store was reset and the viewer asked for again.
    expect(await within(screen.getByRole("banner")).findByText(USER.name)).toBeInTheDocument();
    expect(referrerMeta()).toBeNull();
  });

  it("checks name and password before sending", async () => {
    const backend = installMockBackend({ signedIn: false });
    renderApp("/invite/tok-new");

    await fillAndAccept("Nina", "short");

    const password = screen.getByLabelText("Password");
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining("Use at least 10 characters."),
    );
    expect(backend.operations("AcceptInvitation")).toHaveLength(0);
  });

  it.each([
    [
      "tok-expired",
      "This invitation has expired",
      "Invitation links work for 48 hours. Ask Ada Lovelace at Acme Corp to send it again.",
    ],
    ["tok-revoked", "This invitation was cancelled", "Acme Corp cancelled this invitation."],
    ["tok-used", "This invitation was used already", "Each invitation link works once."],
    ["no-such-token", "This invitation link is not valid", "Check that you opened the whole link"],
  ])("shows a clear page for %s", async (token, title, message) => {
    const backend = installMockBackend({ signedIn: false });
    renderApp(`/invite/${token}`);

    expect(await screen.findByRole("heading", { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByText(message, { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Accept invitation" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
    expect(backend.operations("AcceptInvitation")).toHaveLength(0);
  });

  it("shows the expired page when the link expires while the form is open", async () => {
    installMockBackend({ signedIn: false });
    renderApp("/invite/tok-new");
    await screen.findByRole("heading", { level: 1, name: "Join Acme Corp" });
    server.use(
      refuse(AcceptInvitationDocument, "EXPIRED", "This invitation has expired.", ["token"]),
    );

    await fillAndAccept("Nina", "a long enough password");

    expect(
      await screen.findByRole("heading", { level: 1, name: "This invitation has expired" }),
    ).toBeInTheDocument();
  });

  it("says the invitation must be sent again when its sender can no longer invite", async () => {
    installMockBackend({ signedIn: false });
    renderApp("/invite/tok-new");
    await screen.findByRole("heading", { level: 1, name: "Join Acme Corp" });
    server.use(
      refuse(
        AcceptInvitationDocument,
        "ISSUER_NOT_AUTHORIZED",
        "The person who sent this invitation can no longer invite; ask the account to send it again.",
      ),
    );

    await fillAndAccept("Nina", "a long enough password");

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "This invitation needs to be sent again",
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/can no longer invite\. Ask Acme Corp to send it again\./),
    ).toBeInTheDocument();
  });

  it("asks an existing user to log in first (SIGN_IN_REQUIRED), linking back to the invitation", async () => {
    installMockBackend({ signedIn: false });
    const logIn = "Log in as ada@example.com to accept this invitation.";
    server.use(refuse(AcceptInvitationDocument, "SIGN_IN_REQUIRED", logIn));
    renderApp("/invite/tok-ada");

    await fillAndAccept("Ada", "a long enough password");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Log in to accept");
    expect(alert).toHaveTextContent("ada@example.com already has a Partner Network account.");
    expect(alert).toHaveTextContent("Log in as ada@example.com to accept this invitation.");
    expect(within(alert).getByRole("link", { name: "Log in" })).toHaveAttribute(
      "href",
      "/login?next=%2Finvite%2Ftok-ada",
    );
  });

  it("lets the signed-in invitee accept with one click", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    const { router } = renderApp("/invite/tok-ada");

    expect(await screen.findByText("You are logged in as ada@example.com.")).toBeInTheDocument();
    expect(screen.queryByLabelText("Password")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/members"));
    expect(backend.operations("AcceptInvitation").map((o) => o.variables)).toEqual([
      { input: { token: "tok-ada" } },
    ]);
  });

  it("offers to log out when signed in with another email, then shows the form", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/invite/tok-someone");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "You are logged in as ada@example.com, but this invitation is for someone@example.com. Log out, then open the link again.",
    );
    await user.click(within(alert).getByRole("button", { name: "Log out" }));

    expect(await screen.findByLabelText("Name")).toBeInTheDocument();
    expect(backend.operations("InvitationLogOut")).toHaveLength(1);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a network failure with Retry", async () => {
    installMockBackend({ signedIn: false });
    let calls = 0;
    server.use(
      answer(InvitationPreviewDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/invite/tok-new");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the invitation");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Join Acme Corp" }),
    ).toBeInTheDocument();
  });
});

describe("accept a client invitation", () => {
  it("by email: a new user joins as a client and the app opens on their team", async () => {
    const backend = installNetworkBackend({ signedIn: false });
    const { router } = renderApp("/invite/tok-client");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Join Acme Corp" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/as a client: you will see the team that works for you/)).toBeVisible();
    expect(screen.getByTestId("invitation-details")).toHaveTextContent("RoleClient");
    // The email comes from the invitation: not asked for.
    expect(screen.queryByLabelText("Email")).not.toBeInTheDocument();

    await fillAndAccept("Cleo Client", "a long enough password");

    expect(await screen.findByRole("heading", { level: 1, name: "Your team" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/my-team");
    expect(backend.operations("AcceptInvitation").map((o) => o.variables)).toEqual([
      { input: { token: "tok-client", name: "Cleo Client", password: "a long enough password" } },
    ]);
  });

  it("by a shared link: asks for the email too, and checks it before sending", async () => {
    const backend = installNetworkBackend({ signedIn: false });
    const { router } = renderApp("/invite/tok-client-link");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Join Acme Corp" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Anyone with this link can sign up as a client/)).toBeInTheDocument();
    const user = await fillAndAccept("Lina Linked", "a long enough password");
    const email = screen.getByLabelText("Email");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Enter your email address.")).toBeInTheDocument();
    expect(backend.operations("AcceptInvitation")).toHaveLength(0);

    await user.type(email, "lina@client.example");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));

    // Nothing exists until the typed address confirms: the page says to check the inbox.
    expect(await screen.findByText("Check your inbox at lina@client.example")).toBeInTheDocument();
    expect(screen.getByText(/Look in your spam or junk folder/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/invite/tok-client-link");
    expect(backend.operations("AcceptInvitation").map((o) => o.variables)).toEqual([
      {
        input: {
          token: "tok-client-link",
          email: "lina@client.example",
          name: "Lina Linked",
          password: "a long enough password",
        },
      },
    ]);
  });

  it("by a shared link: the confirmation email's link completes the acceptance and opens their team", async () => {
    const backend = installNetworkBackend({ signedIn: false });
    const { router } = renderApp("/invite/tok-client-link#claim=claim-secret-0123456789abcdef");

    await waitFor(() => expect(router.state.location.pathname).toBe("/my-team"));
    expect(backend.operations("AcceptInvitation").map((o) => o.variables)).toEqual([
      { input: { token: "tok-client-link", claimToken: "claim-secret-0123456789abcdef" } },
    ]);
  });

  it("by a shared link: a confirmed email that has an account asks to log in, back to the same link", async () => {
    installNetworkBackend({ signedIn: false });
    server.use(
      refuse(
        AcceptInvitationDocument,
        "SIGN_IN_REQUIRED",
        "lina@client.example has an account: log in as lina@client.example and open the link again.",
      ),
    );
    renderApp("/invite/tok-client-link#claim=claim-secret-0123456789abcdef");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/open the link again/);
    expect(within(alert).getByRole("link", { name: "Log in" })).toHaveAttribute(
      "href",
      `/login?next=${encodeURIComponent("/invite/tok-client-link#claim=claim-secret-0123456789abcdef")}`,
    );
  });

  it("by a shared link: shows the server's email error on the field", async () => {
    installNetworkBackend({ signedIn: false });
    server.use(refuse(AcceptInvitationDocument, "INVALID", "Enter your email address.", ["email"]));
    const user = userEvent.setup();
    renderApp("/invite/tok-client-link");

    await user.type(await screen.findByLabelText("Email"), "odd@client.example");
    await fillAndAccept("Odd One", "a long enough password");

    await waitFor(() =>
      expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true"),
    );
    expect(screen.getByText("Enter your email address.")).toBeInTheDocument();
  });
});
