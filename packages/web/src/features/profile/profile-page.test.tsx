import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { UpdateProfileDocument } from "../../gql/graphql";
import { USER } from "../../testing/fixtures/accounts";
import { answer, operations, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

describe("your profile", () => {
  it("changes the person's own name", async () => {
    server.use(
      answer(UpdateProfileDocument, {
        updateProfile: { user: { ...USER, name: "Ada King" }, userErrors: [] },
      }),
    );
    const user = userEvent.setup();
    renderApp("/profile");
    const name = await screen.findByRole("textbox", { name: "Your name" });
    expect(name).toHaveValue(USER.name);
    const save = screen.getByRole("button", { name: "Save name" });
    expect(save).toBeDisabled();
    await user.clear(name);
    await user.type(name, "Ada King");
    await user.click(save);
    await waitFor(() =>
      expect(operations.filter((o) => o.operationName === "UpdateProfile")).toEqual([
        { operationName: "UpdateProfile", variables: { input: { name: "Ada King" } } },
      ]),
    );
  });

  it("shows the server's refusal on the field", async () => {
    server.use(refuse(UpdateProfileDocument, "INVALID", "Your name is too long.", ["name"]));
    const user = userEvent.setup();
    renderApp("/profile");
    const name = await screen.findByRole("textbox", { name: "Your name" });
    await user.type(name, " Extra");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(expect.stringContaining("Your name is too long.")),
    );
  });
});
