import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  ChangePasswordDocument,
  EndOtherSessionsDocument,
  EndSessionDocument,
  MySessionsDocument,
} from "../../gql/graphql";
import { PASSWORD } from "../../testing/fixtures/accounts";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, operations, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(30_000);

const NEW_PASSWORD = "a brand new passphrase";

const HERE = {
  id: "U2Vzc2lvbjpoZXJl",
  createdAt: "2026-12-01T09:00:00.000Z",
  lastSeenAt: "2026-12-07T09:00:00.000Z",
  expiresAt: "2027-01-06T09:00:00.000Z",
  userAgent:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
  ip: "203.0.113.7",
  current: true,
};
const PHONE = {
  id: "U2Vzc2lvbjpwaG9uZQ",
  createdAt: "2026-11-20T18:30:00.000Z",
  lastSeenAt: "2026-12-05T07:00:00.000Z",
  expiresAt: "2027-01-04T07:00:00.000Z",
  userAgent:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
  ip: "198.51.100.23",
  current: false,
};
const TABLET = { ...PHONE, id: "U2Vzc2lvbjp0YWJsZXQ", userAgent: null, ip: null };

/** Answers the sessions list from `list`, which the mutations below change as the server would. */
type SessionFixture = Omit<typeof HERE, "userAgent" | "ip"> & {
  userAgent: string | null;
  ip: string | null;
};

function sessionsBackend(initial: SessionFixture[]) {
  let list = initial;
  server.use(
    answer(MySessionsDocument, () => ({ viewer: { sessions: list } })),
    answer(EndSessionDocument, ({ input }) => {
      list = list.filter((session) => session.id !== input.sessionId);
      return { endSession: { endedSessionId: input.sessionId, userErrors: [] } };
    }),
    answer(EndOtherSessionsDocument, () => {
      const ended = list.filter((session) => !session.current).length;
      list = list.filter((session) => session.current);
      return { endOtherSessions: { endedSessionCount: ended, userErrors: [] } };
    }),
  );
}

/** changePassword's refusal: its count is not nullable, so `refuse` alone cannot answer it. */
function refuseChange(code: string, message: string, field: string[]) {
  return answer(ChangePasswordDocument, () => ({
    changePassword: { endedSessionCount: 0, userErrors: [{ code, message, field }] },
  }));
}

async function sessionsSection() {
  return screen.findByRole("region", { name: "Where you are signed in" });
}

describe("security page: change password", () => {
  it("is reached from the user menu", async () => {
    installMockBackend();
    sessionsBackend([HERE]);
    const user = userEvent.setup();
    const { router } = renderApp("/members");
    await user.click(await screen.findByRole("button", { name: "User menu" }));
    await user.click(await screen.findByRole("menuitem", { name: "Security" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Security" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/security");
  });

  it("validates inline with the shared rules and sends nothing while invalid", async () => {
    installMockBackend();
    sessionsBackend([HERE]);
    const user = userEvent.setup();
    renderApp("/security");
    await user.click(await screen.findByRole("button", { name: "Change password" }));
    expect(screen.getByLabelText("Current password")).toHaveAccessibleDescription(
      "Enter your current password.",
    );
    expect(screen.getByLabelText("Current password")).toHaveFocus();
    await user.type(screen.getByLabelText("Current password"), PASSWORD);
    await user.type(screen.getByLabelText(/^New password/), "short");
    await user.type(screen.getByLabelText("Repeat new password"), "shorter");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(screen.getByLabelText(/^New password/)).toHaveAccessibleDescription(
      expect.stringContaining("Use at least 10 characters."),
    );
    expect(screen.getByLabelText("Repeat new password")).toHaveAccessibleDescription(
      "The two new passwords do not match.",
    );
    expect(operations.filter((o) => o.operationName === "ChangePassword")).toHaveLength(0);
  });

  it("shows a wrong current password next to that field", async () => {
    installMockBackend();
    sessionsBackend([HERE]);
    server.use(
      refuseChange("BAD_CREDENTIALS", "That is not your current password.", ["currentPassword"]),
    );
    const user = userEvent.setup();
    renderApp("/security");
    await user.type(await screen.findByLabelText("Current password"), "not it at all");
    await user.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await user.type(screen.getByLabelText("Repeat new password"), NEW_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Change password" }));
    const current = screen.getByLabelText("Current password");
    await waitFor(() => expect(current).toHaveAttribute("aria-invalid", "true"));
    expect(current).toHaveAccessibleDescription("That is not your current password.");
    expect(current).toHaveFocus();
  });

  it("shows RATE_LIMITED with its retry time", async () => {
    installMockBackend();
    sessionsBackend([HERE]);
    const message =
      "Too many wrong passwords for this email or from this network. Try again in 15 minutes.";
    server.use(refuseChange("RATE_LIMITED", message, ["currentPassword"]));
    const user = userEvent.setup();
    renderApp("/security");
    await user.type(await screen.findByLabelText("Current password"), PASSWORD);
    await user.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await user.type(screen.getByLabelText("Repeat new password"), NEW_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() =>
      expect(screen.getByLabelText("Current password")).toHaveAccessibleDescription(message),
    );
  });

  it("changes the password, says how many sessions ended, clears the form and reloads the list", async () => {
    installMockBackend();
    sessionsBackend([HERE, PHONE]);
    server.use(
      answer(ChangePasswordDocument, () => ({
        changePassword: { endedSessionCount: 1, userErrors: [] },
      })),
    );
    const user = userEvent.setup();
    renderApp("/security");
    await user.type(await screen.findByLabelText("Current password"), PASSWORD);
    await user.type(screen.getByLabelText(/^New password/), NEW_PASSWORD);
    await user.type(screen.getByLabelText("Repeat new password"), NEW_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText("1 other session was signed out.")).toBeInTheDocument();
    expect(operations.find((o) => o.operationName === "ChangePassword")?.variables).toEqual({
      input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    await waitFor(() => expect(screen.getByLabelText("Current password")).toHaveValue(""));
    expect(operations.filter((o) => o.operationName === "MySessions").length).toBeGreaterThan(1);
  });
});

describe("security page: sessions", () => {
  it("lists the sessions with device, IP and a This device badge; only other sessions can be signed out", async () => {
    installMockBackend();
    sessionsBackend([HERE, PHONE, TABLET]);
    renderApp("/security");
    const section = await sessionsSection();
    const rows = await within(section).findAllByRole("row");
    // The header row, then one per session.
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByText("Chrome on Linux")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("This device")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("203.0.113.7")).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole("button", { name: /Sign out/ })).not.toBeInTheDocument();
    expect(within(rows[2]!).getByText("Safari on iOS")).toBeInTheDocument();
    expect(within(rows[2]!).getByRole("button", { name: /^Sign out Safari on iOS/ })).toBeEnabled();
    expect(within(rows[3]!).getByText("Unknown device")).toBeInTheDocument();
    expect(within(rows[3]!).getByText("Unknown")).toBeInTheDocument();
  });

  it("signs out one session after a confirmation, and Cancel changes nothing", async () => {
    installMockBackend();
    sessionsBackend([HERE, PHONE]);
    const user = userEvent.setup();
    renderApp("/security");
    const section = await sessionsSection();
    await user.click(await within(section).findByRole("button", { name: /^Sign out Safari/ }));
    let dialog = await screen.findByRole("dialog", { name: "Sign out this session" });
    expect(dialog).toHaveTextContent("Whoever uses it will have to log in again.");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(operations.filter((o) => o.operationName === "EndSession")).toHaveLength(0);

    await user.click(within(section).getByRole("button", { name: /^Sign out Safari/ }));
    dialog = await screen.findByRole("dialog", { name: "Sign out this session" });
    await user.click(within(dialog).getByRole("button", { name: "Sign out" }));
    await waitFor(() =>
      expect(within(section).queryByText("Safari on iOS")).not.toBeInTheDocument(),
    );
    expect(operations.find((o) => o.operationName === "EndSession")?.variables).toEqual({
      input: { sessionId: PHONE.id },
    });
  });

  it("shows the server's refusal inside the dialog", async () => {
    installMockBackend();
    sessionsBackend([HERE, PHONE]);
    server.use(refuse(EndSessionDocument, "NOT_FOUND", "No such session.", ["sessionId"]));
    const user = userEvent.setup();
    renderApp("/security");
    const section = await sessionsSection();
    await user.click(await within(section).findByRole("button", { name: /^Sign out Safari/ }));
    const dialog = await screen.findByRole("dialog", { name: "Sign out this session" });
    await user.click(within(dialog).getByRole("button", { name: "Sign out" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("No such session.");
  });

  it("signs out everywhere else after a confirmation that states the consequence", async () => {
    installMockBackend();
    sessionsBackend([HERE, PHONE, TABLET]);
    const user = userEvent.setup();
    renderApp("/security");
    const section = await sessionsSection();
    await user.click(
      await within(section).findByRole("button", { name: "Sign out everywhere else…" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Sign out everywhere else" });
    expect(dialog).toHaveTextContent("Sign out 2 other sessions?");
    expect(dialog).toHaveTextContent("This device stays signed in.");
    await user.click(within(dialog).getByRole("button", { name: "Sign out everywhere else" }));
    expect(await screen.findByText("2 sessions were signed out.")).toBeInTheDocument();
    await waitFor(() => expect(within(section).getAllByRole("row")).toHaveLength(2));
    expect(
      within(section).getByRole("button", { name: "Sign out everywhere else…" }),
    ).toBeDisabled();
  });

  it("shows a load failure with Retry", async () => {
    installMockBackend();
    let calls = 0;
    server.use(
      answer(MySessionsDocument, () => {
        calls += 1;
        return calls === 1
          ? Response.json({
              errors: [{ message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
            })
          : { viewer: { sessions: [HERE] } };
      }),
    );
    const user = userEvent.setup();
    renderApp("/security");
    const section = await sessionsSection();
    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load your sessions");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await within(section).findByText("This device")).toBeInTheDocument();
  });
});
