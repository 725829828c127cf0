import { screen, waitFor, within } from "@testing-library/react";
import { VerifyEmailDocument } from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

describe("verify email", () => {
  it("verifies the token from the fragment once and opens the app, signed in and without the banner", async () => {
    const backend = installMockBackend({ signedIn: false, emailVerified: false });
    const { router } = renderApp("/verify-email#token=the-secret-from-the-email");

    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/members");
    expect(backend.operations("VerifyEmail").map((o) => o.variables)).toEqual([
      { input: { token: "the-secret-from-the-email" } },
    ]);
    expect(screen.queryByText("Confirm your email address")).not.toBeInTheDocument();
  });

  it.each([
    ["EXPIRED", "This link has expired", "This link has expired; log in and ask for a new link."],
    ["ALREADY_ACCEPTED", "This link was used already", "This link was used already."],
    ["INVALID", "This link is not valid", "This link is not valid."],
  ])("explains a %s link and offers to log in for a new one", async (code, title, message) => {
    installMockBackend({ signedIn: false });
    server.use(refuse(VerifyEmailDocument, code, message, ["token"]));
    renderApp("/verify-email#token=some-token");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(message);
    expect(within(alert).getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
  });

  it("says the link is incomplete without a token, and sends nothing", async () => {
    const backend = installMockBackend({ signedIn: false });
    renderApp("/verify-email");

    expect(await screen.findByRole("alert")).toHaveTextContent("This link is incomplete");
    await waitFor(() => expect(backend.operations("VerifyEmail")).toHaveLength(0));
  });
});
