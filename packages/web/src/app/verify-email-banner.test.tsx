import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ResendVerificationEmailDocument } from "../gql/graphql";
import { USER } from "../testing/fixtures/accounts";
import { installMockBackend } from "../testing/mock-backend";
import { refuse, server } from "../testing/msw-server";
import { renderApp } from "../testing/render-app";

describe("the unverified-email banner", () => {
  it("shows while the email is unconfirmed and resends the link on request", async () => {
    const backend = installMockBackend({ emailVerified: false });
    renderApp("/members");

    expect(await screen.findByText("Confirm your email address")).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole("button", { name: "Resend email" }));

    expect(await screen.findByText(`Sent. Check your inbox at ${USER.email}.`)).toBeInTheDocument();
    expect(backend.operations("ResendVerificationEmail")).toHaveLength(1);
  });

  it("says when a new email can be sent when it is too soon (RATE_LIMITED)", async () => {
    installMockBackend({ emailVerified: false });
    const tooSoon = "A confirmation email was sent recently. Try again in 1 minute.";
    server.use(refuse(ResendVerificationEmailDocument, "RATE_LIMITED", tooSoon));
    renderApp("/members");

    await userEvent.setup().click(await screen.findByRole("button", { name: "Resend email" }));
    expect(await screen.findByText(tooSoon)).toHaveAttribute("role", "alert");
  });

  it("is not there for a verified viewer", async () => {
    installMockBackend({ emailVerified: true });
    renderApp("/members");

    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeInTheDocument();
    expect(screen.queryByText("Confirm your email address")).not.toBeInTheDocument();
  });
});
