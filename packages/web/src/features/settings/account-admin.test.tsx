import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { acmeAccount, PASSWORD } from "../../testing/fixtures/accounts";
import { BACKUP_FILE_NAME } from "../../testing/handlers/account";
import { HandleAvailabilityDocument, TransferOwnershipDocument } from "../../gql/graphql";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(30_000);

async function accountSection() {
  return screen.findByRole("region", { name: "Account" });
}

describe("settings: account name and handle", () => {
  it("checks a new handle while typing and saves only what changed", async () => {
    const backend = installMockBackend({ accounts: [acmeAccount({ role: "ADMINISTRATOR" })] });
    const reason = "Another account uses this account ID.";
    server.use(
      answer(HandleAvailabilityDocument, ({ handle }) =>
        handle === "initech"
          ? { handleAvailability: { handle, available: false, reason } }
          : undefined,
      ),
    );
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await accountSection();
    const handle = await within(section).findByRole("textbox", { name: "Account ID" });
    const save = within(section).getByRole("button", { name: "Save account" });
    expect(handle).toHaveValue("acme");
    expect(save).toBeDisabled();

    // Malformed: said at once, without asking the server.
    await user.clear(handle);
    await user.type(handle, "a--b");
    expect(handle).toHaveAccessibleDescription(/do not use two hyphens in a row/);
    expect(backend.operations("HandleAvailability")).toHaveLength(0);

    // Taken by another account: the server says so.
    await user.clear(handle);
    await user.type(handle, "initech");
    await waitFor(() =>
      expect(handle).toHaveAccessibleDescription("Another account uses this account ID."),
    );
    expect(save).toBeDisabled();

    await user.clear(handle);
    await user.type(handle, "Acme-Works");
    await waitFor(() => expect(handle).toHaveAccessibleDescription("acme-works is available."));
    expect(
      within(section).getByText(/Partners who use the old account ID \(acme\)/),
    ).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Save account" }));

    await waitFor(() => expect(handle).toHaveValue("acme-works"));
    expect(backend.operations("UpdateAccount").map((o) => o.variables)).toEqual([
      { input: { handle: "acme-works" } },
    ]);
    expect(await screen.findByText("Your changes are saved.")).toBeInTheDocument();
  });

  it("renames the account and shows a refused name next to the field", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await accountSection();
    const name = await within(section).findByRole("textbox", { name: "Company name" });

    await user.clear(name);
    await user.click(within(section).getByRole("button", { name: "Save account" }));
    expect(name).toHaveAccessibleDescription("The company name is required.");
    expect(backend.operations("UpdateAccount")).toHaveLength(0);

    await user.type(name, "Acme Holdings");
    await user.click(within(section).getByRole("button", { name: "Save account" }));
    await waitFor(() =>
      expect(backend.operations("UpdateAccount").map((o) => o.variables)).toEqual([
        { input: { name: "Acme Holdings" } },
      ]),
    );
  });

  it("is read-only for editors and viewers", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "EDITOR" })] });
    renderApp("/settings");
    const section = await accountSection();
    expect(await within(section).findByText("acme")).toBeInTheDocument();
    expect(within(section).queryByRole("textbox")).not.toBeInTheDocument();
    expect(within(section).getByTestId("viewer-role")).toHaveTextContent("Editor");
    expect(screen.queryByRole("region", { name: "Backup" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Transfer ownership" })).not.toBeInTheDocument();
  });
});

describe("settings: transfer ownership", () => {
  it("names the consequence, asks for the password, and shows the owner's new role", async () => {
    const backend = installMockBackend();
    const wrong = "That password is not right.";
    server.use(
      refuse(TransferOwnershipDocument, "BAD_CREDENTIALS", wrong, ["password"], { once: true }),
    );
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await screen.findByRole("region", { name: "Transfer ownership" });
    expect(within(await accountSection()).getByTestId("viewer-role")).toHaveTextContent("Owner");

    // Only administrators are offered: Grace, not Alan the editor.
    await user.click(await within(section).findByRole("combobox", { name: "New owner" }));
    expect(within(section).queryByRole("option", { name: /Alan Turing/ })).not.toBeInTheDocument();
    await user.click(await within(section).findByRole("option", { name: /Grace Hopper/ }));
    await user.click(within(section).getByRole("button", { name: "Transfer ownership…" }));

    const dialog = await screen.findByRole("dialog", { name: "Transfer ownership" });
    expect(dialog).toHaveTextContent(
      "You will become an administrator; Grace Hopper becomes the owner.",
    );
    const password = within(dialog).getByLabelText("Your password");
    await user.click(within(dialog).getByRole("button", { name: "Transfer ownership" }));
    expect(password).toHaveAccessibleDescription(/Enter your password to confirm\./);

    await user.type(password, "not the password");
    await user.click(within(dialog).getByRole("button", { name: "Transfer ownership" }));
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(/That password is not right\./),
    );

    await user.clear(password);
    await user.type(password, PASSWORD);
    await user.click(within(dialog).getByRole("button", { name: "Transfer ownership" }));

    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "Account" })).getByTestId("viewer-role"),
      ).toHaveTextContent("Administrator"),
    );
    expect(screen.queryByRole("region", { name: "Transfer ownership" })).not.toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(backend.operations("TransferOwnership").map((o) => o.variables)).toEqual([
      { input: { memberId: "TWVtYmVyOj01", password: "not the password" } },
      { input: { memberId: "TWVtYmVyOj01", password: PASSWORD } },
    ]);
  });

  it("explains when there is no administrator to transfer to", async () => {
    const base = acmeAccount();
    installMockBackend({
      accounts: [acmeAccount({ members: base.members.filter((m) => m.role !== "ADMINISTRATOR") })],
    });
    renderApp("/settings");
    const section = await screen.findByRole("region", { name: "Transfer ownership" });
    expect(
      await within(section).findByText(/Make someone an administrator on the Members page first/),
    ).toBeInTheDocument();
    expect(
      within(section).queryByRole("button", { name: /Transfer ownership/ }),
    ).not.toBeInTheDocument();
  });

  it("is not offered to administrators", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "ADMINISTRATOR" })] });
    renderApp("/settings");
    expect(await screen.findByRole("region", { name: "Backup" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Transfer ownership" })).not.toBeInTheDocument();
  });
});

describe("settings: backup", () => {
  let clicked: { href: string; download: string }[];
  const originalCreate = URL.createObjectURL;
  const originalRevoke = URL.revokeObjectURL;

  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = jest.fn(() => "blob:backup");
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });
  });

  afterEach(() => {
    URL.createObjectURL = originalCreate;
    URL.revokeObjectURL = originalRevoke;
    jest.restoreAllMocks();
  });

  it("streams the download with the bytes received, then saves it under the server's file name", async () => {
    const backend = installMockBackend({ accounts: [acmeAccount({ role: "ADMINISTRATOR" })] });
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await screen.findByRole("region", { name: "Backup" });

    await user.click(within(section).getByRole("button", { name: "Download backup" }));

    expect(
      await within(section).findByText(`Saved ${BACKUP_FILE_NAME} (3.0 MB).`),
    ).toBeInTheDocument();
    expect(clicked).toEqual([{ href: "blob:backup", download: BACKUP_FILE_NAME }]);
    const blob = (URL.createObjectURL as jest.Mock).mock.calls[0]![0] as Blob;
    expect(blob.size).toBe(3 * 1024 * 1024);
    expect(backend.operations("AccountExport")).toHaveLength(1);
  });

  it("shows progress while the server is still sending", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "ADMINISTRATOR" })] });
    let finish: () => void = () => undefined;
    server.use(
      http.get("/api/account/export", () => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(2048));
            finish = () => {
              controller.enqueue(new Uint8Array(2048));
              controller.close();
            };
          },
        });
        return new HttpResponse(body, {
          headers: { "content-disposition": 'attachment; filename="slow.zip"' },
        });
      }),
    );
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await screen.findByRole("region", { name: "Backup" });
    await user.click(within(section).getByRole("button", { name: "Download backup" }));

    expect(await within(section).findByText("Downloading… 2.0 KB received")).toBeInTheDocument();
    expect(
      within(section).getByRole("progressbar", { name: "Downloading backup" }),
    ).toBeInTheDocument();
    finish();
    expect(await within(section).findByText("Saved slow.zip (4.0 KB).")).toBeInTheDocument();
  });

  it("says why a refused download failed and offers Retry", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "ADMINISTRATOR" })] });
    let calls = 0;
    server.use(
      http.get("/api/account/export", () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/settings");
    const section = await screen.findByRole("region", { name: "Backup" });
    await user.click(within(section).getByRole("button", { name: "Download backup" }));

    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("The download was interrupted.");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(
      await within(section).findByText(`Saved ${BACKUP_FILE_NAME} (3.0 MB).`),
    ).toBeInTheDocument();
  });
});
