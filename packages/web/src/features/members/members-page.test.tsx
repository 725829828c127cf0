import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { MembersListDocument } from "../../gql/graphql";
import { acmeAccount, member } from "../../testing/fixtures/accounts";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

function bodyRows() {
  const table = screen.getByRole("table", { name: "Active members" });
  // The first row is the header.
  return within(table).getAllByRole("row").slice(1);
}

describe("members page", () => {
  it("lists active members with name, email, role, type and status", async () => {
    const backend = installMockBackend();
    renderApp("/members");

    expect(await screen.findByRole("tab", { name: /^Active/, selected: true })).toBeInTheDocument();
    const grace = (await screen.findByRole("cell", { name: "Grace Hopper" })).closest("tr");
    expect(grace).not.toBeNull();
    expect(
      within(grace as HTMLElement)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["Grace Hopper", "grace@example.com", "Administrator", "Internal", "Active"]);
    expect(screen.getByRole("cell", { name: "External collaborator" })).toBeInTheDocument();
    // The pending member is not in the Active list: the query asks for ACTIVE only.
    expect(screen.queryByRole("cell", { name: "Pending Person" })).not.toBeInTheDocument();
    expect(backend.operations("MembersList")[0]?.variables).toEqual({
      filter: { status: ["ACTIVE"] },
      first: 25,
    });
    expect(screen.getByText("4 members")).toBeInTheDocument();
  });

  it("searches after a pause in typing and shows the empty state", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    renderApp("/members");
    await screen.findByRole("cell", { name: "Grace Hopper" });

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "alan");

    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(screen.getByRole("cell", { name: "Alan Turing" })).toBeInTheDocument();
    const searches = backend
      .operations("MembersList")
      .map((o) => (o.variables["filter"] as { search?: string }).search);
    // Debounced: one request for the whole word, none per keystroke.
    expect(searches).toEqual([undefined, "alan"]);
    expect(backend.operations("MembersList")[1]?.variables).toEqual({
      filter: { status: ["ACTIVE"], search: "alan" },
      first: 25,
    });

    await user.clear(screen.getByRole("searchbox", { name: "Search" }));
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "nobody-here");
    expect(await screen.findByRole("heading", { name: "No members match" })).toBeInTheDocument();
  });

  it("pages with Next and Previous using cursors", async () => {
    const many = Array.from({ length: 30 }, (_, i) => member(i + 20));
    const backend = installMockBackend({ accounts: [acmeAccount({ members: many })] });
    const user = userEvent.setup();
    renderApp("/members");

    await screen.findByRole("cell", { name: "Member 20" });
    expect(bodyRows()).toHaveLength(25);
    const previous = screen.getByRole("button", { name: "Previous" });
    expect(previous).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("cell", { name: "Member 45" })).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(5);
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
    const afterPage = backend.operations("MembersList")[1]?.variables;
    expect(afterPage).toMatchObject({ first: 25, after: expect.any(String) });
    expect(afterPage).not.toHaveProperty("before");

    await user.click(screen.getByRole("button", { name: "Previous" }));
    expect(await screen.findByRole("cell", { name: "Member 20" })).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(25);
    expect(backend.operations("MembersList")[2]?.variables).toMatchObject({
      last: 25,
      before: expect.any(String),
    });
  });

  it("shows a network failure with Retry, and Retry loads the list", async () => {
    installMockBackend();
    let calls = 0;
    server.use(
      answer(MembersListDocument, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderApp("/members");

    const main = screen.getByRole("main");
    const alert = await within(main).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load members");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("cell", { name: "Grace Hopper" })).toBeInTheDocument();
    expect(within(main).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("retries once after a 429, then says when to try again if the budget is still spent", async () => {
    installMockBackend();
    let attempts = 0;
    server.use(
      answer(MembersListDocument, () => {
        attempts += 1;
        return HttpResponse.json(
          {
            errors: [
              {
                message: "This request costs 52 points and 10 are available.",
                extensions: { code: "RATE_LIMITED", retryAfter: 1 },
              },
            ],
          },
          {
            status: 429,
            headers: { "content-type": "application/graphql-response+json", "retry-after": "1" },
          },
        );
      }),
    );
    renderApp("/members");

    // The Apollo link waits `retryAfter` and tries once more before the page shows the error.
    const alert = await within(screen.getByRole("main")).findByRole("alert", {}, { timeout: 5000 });
    expect(attempts).toBe(2);
    expect(alert).toHaveTextContent("Could not load members");
    expect(alert).toHaveTextContent(
      "Too many requests from your session right now. Try again in 1 second.",
    );
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("announces loading while the first page loads", async () => {
    installMockBackend();
    renderApp("/members");

    const status = await screen.findByText("Loading members");
    expect(status.closest('[role="status"]')).not.toBeNull();
    await screen.findByRole("cell", { name: "Grace Hopper" });
    expect(screen.queryByText("Loading members")).not.toBeInTheDocument();
  });
});
