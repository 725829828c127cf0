import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { LogInDocument } from "../../gql/graphql";
import { PASSWORD, USER } from "../../testing/fixtures/accounts";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("Email"), email);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Log in" }));
  return user;
}

describe("log in", () => {
  it("shows BAD_CREDENTIALS as an alert and stays on the page", async () => {
    const backend = installMockBackend({ signedIn: false });
    server.use(refuse(LogInDocument, "BAD_CREDENTIALS", "Wrong email or password."));
    const { router } = renderApp("/login");

    await fillAndSubmit(USER.email, "not the password");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Wrong email or password.");
    // Not attached to a field.
    expect(screen.getByLabelText("Email")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Password")).not.toHaveAttribute("aria-invalid", "true");
    expect(backend.operations("LogIn")).toHaveLength(1);
    expect(router.state.location.pathname).toBe("/login");
  });

  it("shows a field error from the server next to the field it names", async () => {
    installMockBackend({ signedIn: false });
    server.use(refuse(LogInDocument, "INVALID", "This address cannot sign in.", ["email"]));
    renderApp("/login");

    await fillAndSubmit("someone@example.com", "whatever password");

    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription("This address cannot sign in.");
    expect(email).toHaveFocus();
    expect(screen.getByLabelText("Password")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("validates inline with the shared rules and sends nothing while invalid", async () => {
    const backend = installMockBackend({ signedIn: false });
    renderApp("/login");
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Log in" }));

    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter your email address.");
    expect(screen.getByLabelText("Email")).toHaveFocus();
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Enter your password.");

    await user.type(screen.getByLabelText("Email"), "not-an-email");
    await user.tab();
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription(
      "Enter a valid email address.",
    );
    expect(backend.operations("LogIn")).toHaveLength(0);
  });

  it("logs in, reloads the viewer and goes on to `next`", async () => {
    const backend = installMockBackend({ signedIn: false });
    const { router } = renderApp("/login?next=%2Fsettings%3Ffrom%3Dmail");

    await fillAndSubmit(USER.email, PASSWORD);

    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/settings");
    expect(router.state.location.search).toBe("?from=mail");
    expect(backend.operations("LogIn")[0]?.variables).toEqual({
      input: { email: USER.email, password: PASSWORD },
    });
    expect(await within(screen.getByRole("banner")).findByText(USER.name)).toBeInTheDocument();
  });

  it("ignores a `next` that would leave the site", async () => {
    installMockBackend({ signedIn: false });
    const { router } = renderApp("/login?next=%2F%2Fevil.example%2Fphish");

    await fillAndSubmit(USER.email, PASSWORD);

    await waitFor(() => expect(router.state.location.pathname).toBe("/members"));
    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeInTheDocument();
  });

  it("shows a network failure with Retry, and Retry submits again", async () => {
    installMockBackend({ signedIn: false });
    let calls = 0;
    server.use(
      answer(LogInDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const { router } = renderApp("/login");

    const user = await fillAndSubmit(USER.email, PASSWORD);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not reach the server");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/members"));
    expect(calls).toBe(2);
  });

  it("sends a signed-in visitor on to the members page", async () => {
    const { router } = renderApp("/login");

    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/members");
  });
});
