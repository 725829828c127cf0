import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { member, networkAcmeAccount } from "../../testing/fixtures/accounts";
import {
  CreateClientInviteLinkDocument,
  ImportClientsDocument,
  InviteClientDocument,
  TeamCandidatesDocument,
} from "../../gql/graphql";
import { client } from "../../testing/fixtures/network";
import { installNetworkBackend, type MockBackend } from "../../testing/mock-backend";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const GRACE = { id: member(1).id, label: "Grace Hopper (grace@example.com)" };
const ALAN = { id: member(2).id, label: "Alan Turing (alan@example.com)" };

async function openDialog(user: UserEvent, button: string, title: string) {
  renderApp("/clients");
  await user.click(await screen.findByRole("button", { name: button }));
  return screen.findByRole("dialog", { name: title });
}

async function pick(user: UserEvent, dialog: HTMLElement, label: string) {
  await user.click(within(dialog).getByRole("combobox", { name: "Team members" }));
  await user.click(await screen.findByRole("option", { name: label }));
}

describe("invite client dialog", () => {
  it("needs a team, shows who leads, and sends the people in the order chosen", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    const dialog = await openDialog(user, "Invite client", "Invite client");

    await user.type(within(dialog).getByLabelText("Name"), "Cleo Client");
    await user.type(within(dialog).getByLabelText("Email"), "cleo@client.example");
    await user.click(within(dialog).getByRole("button", { name: "Send invitation" }));
    expect(
      await within(dialog).findByText("Choose at least one person for the team."),
    ).toBeInTheDocument();
    expect(backend.operations("InviteClient")).toHaveLength(0);

    await pick(user, dialog, ALAN.label);
    await pick(user, dialog, GRACE.label);
    expect(within(dialog).getByText(/^Lead:/)).toHaveTextContent(
      "Lead: Alan Turing (the first person chosen).",
    );
    await user.click(within(dialog).getByRole("button", { name: "Send invitation" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.operations("InviteClient").map((o) => o.variables)).toEqual([
      {
        input: {
          name: "Cleo Client",
          email: "cleo@client.example",
          teamMemberIds: [ALAN.id, GRACE.id],
        },
      },
    ]);
    // The list is refetched with the new client, led by Alan.
    const table = await screen.findByRole("table", { name: "Clients" });
    const row = (await within(table).findByText("Cleo Client")).closest("tr") as HTMLElement;
    expect(within(row).getByText("Alan Turing")).toBeInTheDocument();
  });

  it("shows the server's userErrors on their fields", async () => {
    installNetworkBackend();
    server.use(refuse(InviteClientDocument, "TAKEN", "This email is a client already.", ["email"]));
    const user = userEvent.setup();
    const dialog = await openDialog(user, "Invite client", "Invite client");

    await user.type(within(dialog).getByLabelText("Name"), "Paula Again");
    // Paula is a client already: the server answers TAKEN on the email.
    await user.type(within(dialog).getByLabelText("Email"), "paula@example.com");
    await pick(user, dialog, GRACE.label);
    await user.click(within(dialog).getByRole("button", { name: "Send invitation" }));

    const email = within(dialog).getByLabelText("Email");
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText("This email is a client already.")).toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "Invite client" })).toBeInTheDocument();
  });

  it("says so when the people cannot be loaded, with Retry", async () => {
    installNetworkBackend();
    let calls = 0;
    server.use(
      answer(TeamCandidatesDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    const dialog = await openDialog(user, "Invite client", "Invite client");

    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load your people");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(
      await within(dialog).findByRole("combobox", { name: "Team members" }),
    ).toBeInTheDocument();
  });

  it("is not offered to a viewer", async () => {
    installNetworkBackend({ accounts: [networkAcmeAccount({ role: "VIEWER" })] });
    renderApp("/clients");

    await screen.findByRole("table", { name: "Clients" });
    expect(screen.queryByRole("button", { name: "Invite client" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Copy invite link" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import" })).not.toBeInTheDocument();
  });
});

describe("copy invite link dialog", () => {
  it("creates a link with the chosen team and shows it with its expiry", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    const dialog = await openDialog(user, "Copy invite link", "Copy invite link");

    await user.click(within(dialog).getByRole("button", { name: "Create link" }));
    expect(
      await within(dialog).findByText("Choose at least one person for the team."),
    ).toBeInTheDocument();

    await pick(user, dialog, GRACE.label);
    await user.click(within(dialog).getByRole("button", { name: "Create link" }));

    const link = await within(dialog).findByRole("textbox", { name: "Invite link" });
    expect(link).toHaveValue("http://localhost/invite/link-token-2");
    expect(within(dialog).getByText(/^Valid until Dec 24, 2026/)).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Copy link" })).toBeInTheDocument();
    expect(backend.operations("CreateClientInviteLink").map((o) => o.variables)).toEqual([
      { input: { teamMemberIds: [GRACE.id] } },
    ]);
  });

  it("shows a failed request with Retry", async () => {
    installNetworkBackend();
    let calls = 0;
    server.use(
      answer(CreateClientInviteLinkDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    const dialog = await openDialog(user, "Copy invite link", "Copy invite link");
    await pick(user, dialog, ALAN.label);
    await user.click(within(dialog).getByRole("button", { name: "Create link" }));

    const alert = await within(dialog).findByRole("alert");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await within(dialog).findByRole("textbox", { name: "Invite link" })).toBeInTheDocument();
  });
});

const CSV = [
  "First Name,Last Name,Email,Phone Number,Team",
  "Ivy,Imported,ivy@client.example,+1 555 0101,alan@example.com;grace@example.com",
  "Bad,Row,not-an-email,,alan@example.com",
  "Paula,Person,paula@example.com,,grace@example.com",
].join("\n");

function csvFile(text: string, name = "clients.csv") {
  return new File([text], name, { type: "text/csv" });
}

/** The FileInput's own <input type="file">, as the browser's file chooser fills it. */
function fileInput(dialog: HTMLElement): HTMLInputElement {
  const input = dialog.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("No file input in the dialog");
  return input;
}

/** The server's check of CSV: a bad line, Paula (a client already) and Ivy, who is new. */
function answerImport(backend: MockBackend) {
  return answer(ImportClientsDocument, ({ input: { dryRun, updateExisting } }) => {
    const row = (line: number, email: string, outcome: string, message?: string) => {
      const code = outcome === "ERROR" ? "INVALID" : "TAKEN";
      const errors = message ? [{ code, message, field: [String(line), "email"] }] : [];
      return { line, email, outcome, errors };
    };
    const paula = updateExisting
      ? row(3, "paula@example.com", "UPDATED")
      : row(3, "paula@example.com", "SKIPPED", "Line 3: paula@example.com is a client already.");
    const rows = [
      row(1, "ivy@client.example", "CREATED"),
      row(2, "not-an-email", "ERROR", "Line 2: enter a valid email."),
      paula,
    ];
    const ivy = { name: "Ivy Imported", type: "PERSON", status: "INVITED" } as const;
    if (!dryRun) backend.state.clients.unshift(client("Q2xpZW50Oml2eQ", ivy));
    return { importClients: { created: 1, updated: updateExisting ? 1 : 0, rows } };
  });
}

describe("import clients dialog", () => {
  it("offers the template, previews the file by line, then imports", async () => {
    const backend = installNetworkBackend();
    server.use(answerImport(backend));
    const user = userEvent.setup();
    const dialog = await openDialog(user, "Import", "Import clients");

    const template = within(dialog).getByRole("link", { name: "Download template" });
    expect(template).toHaveAttribute("download", "clients-template.csv");
    expect(decodeURIComponent(template.getAttribute("href") ?? "")).toContain(
      "First Name,Last Name,Email,Phone Number,Team,Title\n",
    );
    expect(within(dialog).getByRole("button", { name: "Import" })).toBeDisabled();

    await user.upload(fileInput(dialog), csvFile(CSV));

    const preview = await within(dialog).findByRole("table", { name: "Preview" });
    const rows = within(preview).getAllByRole("row").slice(1);
    // Problems first: the bad line, then Paula (a client already), then the new one.
    expect(rows.map((row) => row.textContent)).toEqual([
      "2not-an-emailErrorLine 2: enter a valid email.",
      "3paula@example.comSkippedLine 3: paula@example.com is a client already.",
      "1ivy@client.exampleNew—",
    ]);
    expect(within(dialog).getByTestId("import-summary")).toHaveTextContent(
      "Preview: 1 new, 1 error, 1 skipped.",
    );
    expect(backend.operations("ImportClients").map((o) => o.variables)).toEqual([
      { input: { csv: CSV, updateExisting: false, dryRun: true } },
    ]);

    // Updating existing clients: a new dry run, Paula is now updated.
    await user.click(within(dialog).getByRole("checkbox", { name: "Update existing clients" }));
    await waitFor(() =>
      expect(within(dialog).getByTestId("import-summary")).toHaveTextContent(
        "Preview: 1 new, 1 error, 1 updated.",
      ),
    );

    await user.click(within(dialog).getByRole("button", { name: "Import" }));
    const status = await within(dialog).findByText(/Import finished\./);
    expect(status.closest("[role=status]")).toHaveTextContent(
      "Import finished. 1 client invited, 1 updated; 1 line has errors and was not imported.",
    );
    expect(backend.operations("ImportClients").at(-1)?.variables).toEqual({
      input: { csv: CSV, updateExisting: true, dryRun: false },
    });
    await user.click(within(dialog).getByRole("button", { name: "Done" }));
    const table = await screen.findByRole("table", { name: "Clients" });
    expect(await within(table).findByText("Ivy Imported")).toBeInTheDocument();
  });

  it("shows a file-level problem on the file field", async () => {
    installNetworkBackend();
    const header =
      "The first line must be the header First Name,Last Name,Email,Phone Number,Team.";
    const userErrors = [{ code: "INVALID", message: header, field: ["csv"] }];
    server.use(
      answer(ImportClientsDocument, { importClients: { created: 0, updated: 0, userErrors } }),
    );
    const user = userEvent.setup();
    const dialog = await openDialog(user, "Import", "Import clients");

    await user.upload(fileInput(dialog), csvFile("email,role\nann@example.com,Viewer\n"));

    expect(
      await within(dialog).findByText(/The first line must be the header First Name,Last Name/),
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole("table")).not.toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Import" })).toBeDisabled();
  });

  it("shows progress while the file is checked", async () => {
    const backend = installNetworkBackend();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      answer(ImportClientsDocument, async () => {
        await held;
        return undefined;
      }),
      answerImport(backend),
    );
    const user = userEvent.setup();
    const dialog = await openDialog(user, "Import", "Import clients");
    await user.upload(fileInput(dialog), csvFile(CSV));

    expect(
      await within(dialog).findByRole("progressbar", { name: "Checking the file" }),
    ).toBeInTheDocument();
    release();
    expect(await within(dialog).findByRole("table", { name: "Preview" })).toBeInTheDocument();
  });
});
