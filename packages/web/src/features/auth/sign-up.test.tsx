import { TEXT_LIMITS } from "@pn/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { USER } from "../../testing/fixtures/accounts";
import { SignUpDocument } from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

async function fill(values: { name: string; email: string; password: string; company: string }) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("Name"), values.name);
  await user.type(screen.getByLabelText("Email"), values.email);
  await user.type(screen.getByLabelText("Password"), values.password);
  await user.type(screen.getByLabelText("Company name"), values.company);
  await user.click(screen.getByRole("button", { name: "Create account" }));
  return user;
}

describe("sign up", () => {
  it("caps each input at the input policy's maximum length", async () => {
    installMockBackend({ signedIn: false });
    renderApp("/signup");

    expect(await screen.findByLabelText("Name")).toHaveAttribute(
      "maxLength",
      String(TEXT_LIMITS.name),
    );
    expect(screen.getByLabelText("Email")).toHaveAttribute("maxLength", String(TEXT_LIMITS.email));
    expect(screen.getByLabelText("Password")).toHaveAttribute(
      "maxLength",
      String(TEXT_LIMITS.password),
    );
    expect(screen.getByLabelText("Company name")).toHaveAttribute("maxLength", "200");
  });

  it("checks the password rule before sending", async () => {
    const backend = installMockBackend({ signedIn: false });
    renderApp("/signup");

    await fill({ name: "Bo", email: "bo@example.com", password: "short", company: "Bo Inc" });

    const password = screen.getByLabelText("Password");
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining("Use at least 10 characters."),
    );
    expect(password).toHaveFocus();
    expect(backend.operations("SignUp")).toHaveLength(0);
  });

  it("shows a RATE_LIMITED refusal with when to try again, and keeps the form", async () => {
    installMockBackend({ signedIn: false });
    const limited = "Too many sign-ups from this network. Try again in 12 minutes.";
    server.use(refuse(SignUpDocument, "RATE_LIMITED", limited));
    renderApp("/signup");

    await fill({
      name: "Ada",
      email: USER.email,
      password: "a long enough password",
      company: "Analytical Engines",
    });

    expect(await screen.findByRole("alert")).toHaveTextContent(limited);
    expect(screen.getByRole("button", { name: "Create account" })).toBeInTheDocument();
  });

  it("sends the form's values and says to check the inbox, without signing in", async () => {
    const backend = installMockBackend({ signedIn: false });
    const { router } = renderApp("/signup");

    await fill({
      name: " Bo Peep ",
      email: "bo@example.com",
      password: "a long enough password",
      company: "Sheep Co",
    });

    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("Check your inbox at bo@example.com");
    expect(status).toHaveTextContent(/spam or junk folder/);
    expect(within(status).getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
    expect(router.state.location.pathname).toBe("/signup");
    expect(backend.operations("SignUp")[0]?.variables).toEqual({
      input: {
        name: "Bo Peep",
        email: "bo@example.com",
        password: "a long enough password",
        accountName: "Sheep Co",
      },
    });
    // Nobody is signed in: no viewer was fetched again.
    expect(backend.operations("ShellViewer")).toHaveLength(1);
  });
});
