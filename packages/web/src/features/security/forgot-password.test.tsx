import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RequestPasswordResetDocument } from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, operations, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(30_000);

describe("forgot password", () => {
  it("is linked from the log-in page", async () => {
    installMockBackend({ signedIn: false });
    const user = userEvent.setup();
    const { router } = renderApp("/login");
    await user.click(await screen.findByRole("link", { name: "Forgot password?" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Forgot password" }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/forgot-password");
  });

  it("always answers that a link went out if the account exists", async () => {
    installMockBackend({ signedIn: false });
    server.use(
      answer(RequestPasswordResetDocument, () => ({
        requestPasswordReset: { ok: true, userErrors: [] },
      })),
    );
    const user = userEvent.setup();
    renderApp("/forgot-password");
    await user.type(await screen.findByLabelText("Email"), "  Someone@Example.com ");
    await user.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(
      await screen.findByText(/If an account exists for Someone@Example.com, we sent a link/),
    ).toBeInTheDocument();
    expect(operations.find((o) => o.operationName === "RequestPasswordReset")?.variables).toEqual({
      input: { email: "Someone@Example.com" },
    });
  });

  it("validates the email inline and sends nothing while invalid", async () => {
    installMockBackend({ signedIn: false });
    const user = userEvent.setup();
    renderApp("/forgot-password");
    await user.click(await screen.findByRole("button", { name: "Send reset link" }));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter your email address.");
    await user.type(screen.getByLabelText("Email"), "not-an-email");
    await user.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription(
      "Enter a valid email address.",
    );
    expect(operations.filter((o) => o.operationName === "RequestPasswordReset")).toHaveLength(0);
  });

  it("shows RATE_LIMITED with the time to wait, next to the email", async () => {
    installMockBackend({ signedIn: false });
    const message =
      "Too many reset links were asked for this email or from this network. Try again in 42 minutes.";
    server.use(
      answer(RequestPasswordResetDocument, () => ({
        requestPasswordReset: {
          ok: false,
          userErrors: [{ code: "RATE_LIMITED", message, field: ["email"] }],
        },
      })),
    );
    const user = userEvent.setup();
    renderApp("/forgot-password");
    await user.type(await screen.findByLabelText("Email"), "someone@example.com");
    await user.click(screen.getByRole("button", { name: "Send reset link" }));
    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(email).toHaveAccessibleDescription(message));
    expect(screen.queryByText(/If an account exists/)).not.toBeInTheDocument();
  });
});
