import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ResetPasswordDocument } from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, operations, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(30_000);

const TOKEN = "dGhpcy1pcy1hLXRlc3QtdG9rZW4tb2YtNDMtY2hhcmFjdGVycw";
const NEW_PASSWORD = "a brand new passphrase";

async function choose(password: string, repeat = password) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/^New password/), password);
  await user.type(screen.getByLabelText("Repeat new password"), repeat);
  await user.click(screen.getByRole("button", { name: "Set new password" }));
  return user;
}

describe("reset password", () => {
  it("reads the token from the fragment, drops it from the address, and signs in on success", async () => {
    const backend = installMockBackend({ signedIn: false });
    server.use(
      answer(ResetPasswordDocument, () => {
        // The server set the session cookie: the viewer reloads signed in.
        backend.state.signedIn = true;
        return { resetPassword: { user: { id: "VXNlcjox" }, userErrors: [] } };
      }),
    );
    const { router } = renderApp(`/reset-password#token=${TOKEN}`);
    await waitFor(() => expect(router.state.location.hash).toBe(""));
    await choose(NEW_PASSWORD);
    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeInTheDocument();
    expect(operations.find((o) => o.operationName === "ResetPassword")?.variables).toEqual({
      input: { token: TOKEN, newPassword: NEW_PASSWORD },
    });
    expect(
      screen.getByText("You are signed in. Every other session was signed out."),
    ).toBeInTheDocument();
  });

  it("says clearly when the link expired, and offers a new one", async () => {
    installMockBackend({ signedIn: false });
    const message = "This reset link expired. Ask for a new link on the “Forgot password?” page.";
    server.use(refuse(ResetPasswordDocument, "EXPIRED", message, ["token"]));
    renderApp(`/reset-password#token=${TOKEN}`);
    const user = await choose(NEW_PASSWORD);
    expect(await screen.findByRole("alert")).toHaveTextContent(message);
    await user.click(screen.getByRole("link", { name: "Ask for a new link" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Forgot password" }),
    ).toBeInTheDocument();
  });

  it("says clearly when the link was used already", async () => {
    installMockBackend({ signedIn: false });
    const message =
      "This reset link was used already. Ask for a new link on the “Forgot password?” page.";
    server.use(refuse(ResetPasswordDocument, "INVALID", message, ["token"]));
    renderApp(`/reset-password#token=${TOKEN}`);
    await choose(NEW_PASSWORD);
    expect(await screen.findByRole("alert")).toHaveTextContent(message);
  });

  it("shows a weak password next to the field and sends nothing while the two differ", async () => {
    installMockBackend({ signedIn: false });
    renderApp(`/reset-password#token=${TOKEN}`);
    await choose("short", "other");
    expect(screen.getByLabelText(/^New password/)).toHaveAccessibleDescription(
      expect.stringContaining("Use at least 10 characters."),
    );
    expect(screen.getByLabelText("Repeat new password")).toHaveAccessibleDescription(
      "The two new passwords do not match.",
    );
    expect(operations.filter((o) => o.operationName === "ResetPassword")).toHaveLength(0);
  });

  it("without a token, explains the link is incomplete", async () => {
    installMockBackend({ signedIn: false });
    renderApp("/reset-password");
    expect(await screen.findByRole("alert")).toHaveTextContent("This link is incomplete.");
    expect(screen.queryByLabelText(/^New password/)).not.toBeInTheDocument();
  });
});
