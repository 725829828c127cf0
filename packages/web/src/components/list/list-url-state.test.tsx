/**
 * The list kit on real pages: sorting by a column header, the list's state in the URL (reload,
 * back/forward, a pasted link, invalid values), and "Export CSV" with the page's filters and order.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { acmeAccount } from "../../testing/fixtures/accounts";
import { INITECH_ID } from "../../testing/fixtures/accounts";
import { installMockBackend, installNetworkBackend } from "../../testing/mock-backend";
import { server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

/** The names in a table's rows (the first row is the header; `column`: where the name is). */
function names(tableName: string, column = 0) {
  const table = screen.getByRole("table", { name: tableName });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[column]?.textContent);
}

function header(tableName: string, name: string) {
  return within(screen.getByRole("table", { name: tableName })).getByRole("columnheader", {
    name,
  });
}

function params(router: ReturnType<typeof renderApp>["router"]) {
  return new URLSearchParams(router.state.location.search);
}

describe("sorting by a column header", () => {
  it("sorts by the column, then flips the direction; aria-sort and the URL follow", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    const { router } = renderApp("/members");
    await screen.findByRole("cell", { name: "Grace Hopper" });
    expect(header("Active members", "Name")).not.toHaveAttribute("aria-sort");

    await user.click(within(header("Active members", "Name")).getByRole("button"));

    await waitFor(() =>
      expect(names("Active members")).toEqual([
        "Ada Lovelace",
        "Alan Turing",
        "Grace Hopper",
        "Pat Partner",
      ]),
    );
    expect(header("Active members", "Name")).toHaveAttribute("aria-sort", "ascending");
    expect(backend.operations("MembersList").at(-1)?.variables).toEqual({
      filter: { status: ["ACTIVE"] },
      orderBy: { field: "NAME", direction: "ASC" },
      first: 25,
    });
    expect(router.state.location.search).toBe("?sort=NAME&dir=ASC");
    expect(router.state.historyAction).toBe("PUSH");

    // The keyboard works the header's button too.
    within(header("Active members", "Name")).getByRole("button").focus();
    await user.keyboard("{Enter}");

    await waitFor(() =>
      expect(header("Active members", "Name")).toHaveAttribute("aria-sort", "descending"),
    );
    await waitFor(() => expect(names("Active members")[0]).toBe("Pat Partner"));
    expect(backend.operations("MembersList").at(-1)?.variables).toMatchObject({
      orderBy: { field: "NAME", direction: "DESC" },
    });
    expect(params(router).get("dir")).toBe("DESC");
  });

  it("sorts a partner's people on its page, with the order in the page's URL", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    const { router } = renderApp(`/partners/${INITECH_ID}?sort=NAME&dir=DESC`);
    const tableName = "External members from Initech";
    await screen.findByRole("table", { name: tableName });
    expect(header(tableName, "Name")).toHaveAttribute("aria-sort", "descending");
    expect(names(tableName)).toEqual([
      "Samir Nagheenanajar",
      "Pat Partner",
      "Milton Waddams",
      "Michael Bolton",
    ]);

    await user.click(within(header(tableName, "Email")).getByRole("button"));
    await waitFor(() => expect(names(tableName)[0]).toBe("Michael Bolton"));
    expect(header(tableName, "Email")).toHaveAttribute("aria-sort", "ascending");
    expect(header(tableName, "Name")).not.toHaveAttribute("aria-sort");
    expect(backend.operations("PartnerMembers").at(-1)?.variables).toEqual({
      id: INITECH_ID,
      orderBy: { field: "EMAIL", direction: "ASC" },
      first: 25,
    });
    expect(router.state.location.search).toBe("?sort=EMAIL&dir=ASC");
  });

  it("offers sorting only on the columns the server orders by", async () => {
    installMockBackend();
    renderApp("/partners");
    await screen.findByRole("table", { name: "Partners" });
    expect(within(header("Partners", "Company")).getByRole("button")).toBeInTheDocument();
    expect(within(header("Partners", "People")).getByRole("button")).toBeInTheDocument();
    expect(within(header("Partners", "Contact")).queryByRole("button")).not.toBeInTheDocument();
    expect(within(header("Partners", "Status")).queryByRole("button")).not.toBeInTheDocument();
  });
});

describe("list state in the URL", () => {
  it("a pasted link shows its tab, search, filter and order and asks for them", async () => {
    const backend = installNetworkBackend();
    renderApp(`/members?tab=pending&q=initech&partner=${INITECH_ID}&sort=EMAIL&dir=DESC`);

    expect(
      await screen.findByRole("tab", { name: /^Pending/, selected: true }),
    ).toBeInTheDocument();
    await screen.findByRole("cell", { name: "Samir Nagheenanajar" });
    expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue("initech");
    expect(header("Pending members", "Email")).toHaveAttribute("aria-sort", "descending");
    expect(backend.operations("MemberQueue")[0]?.variables).toEqual({
      filter: { status: ["PENDING"], partnerId: INITECH_ID, search: "initech" },
      orderBy: { field: "EMAIL", direction: "DESC" },
      first: 25,
    });
    // After the selection checkbox.
    expect(names("Pending members", 1)).toEqual([
      "Samir Nagheenanajar",
      "Milton Waddams",
      "Michael Bolton",
    ]);
  });

  it("falls back to the defaults for values it cannot use, without crashing", async () => {
    const backend = installNetworkBackend();
    renderApp("/partners?sort=DROP_TABLE&dir=SIDEWAYS&status=NOPE&after=%3Cscript%3E");
    await screen.findByRole("table", { name: "Partners" });
    expect(backend.operations("PartnersList")[0]?.variables).toEqual({ filter: {}, first: 25 });
    expect(screen.getByRole("combobox", { name: "Status" })).toHaveValue("");
    expect(header("Partners", "Company")).not.toHaveAttribute("aria-sort");
  });

  it("an unknown tab opens the default one", async () => {
    const backend = installMockBackend();
    renderApp("/members?tab=deleted");
    expect(await screen.findByRole("tab", { name: /^Active/, selected: true })).toBeInTheDocument();
    await screen.findByRole("cell", { name: "Grace Hopper" });
    expect(backend.operations("MembersList")[0]?.variables).toMatchObject({
      filter: { status: ["ACTIVE"] },
    });
  });

  it("typing replaces the history entry; a filter pushes one; back and forward restore the view", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    const { router } = renderApp("/partners");
    await screen.findByRole("table", { name: "Partners" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "REMOVED");
    await waitFor(() => expect(params(router).get("status")).toBe("REMOVED"));
    expect(router.state.historyAction).toBe("PUSH");

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "vandelay");
    await waitFor(() => expect(params(router).get("q")).toBe("vandelay"));
    expect(router.state.historyAction).toBe("REPLACE");
    await screen.findByRole("link", { name: "Vandelay Industries" });

    // Back: the entry before the filter (typing replaced the filter's entry, it added none).
    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Status" })).toHaveValue(""));
    expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue("");
    expect(await screen.findByRole("link", { name: "Initech" })).toBeInTheDocument();

    await act(() => router.navigate(1));
    await waitFor(() =>
      expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue("vandelay"),
    );
    expect(screen.getByRole("combobox", { name: "Status" })).toHaveValue("REMOVED");
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "Initech" })).not.toBeInTheDocument(),
    );
    expect(backend.operations("PartnersList").at(-1)?.variables).toEqual({
      filter: { status: ["REMOVED"], search: "vandelay" },
      first: 25,
    });
  });

  it("the page is in the URL; a new search or order starts at the first page", async () => {
    const many = Array.from({ length: 30 }, (_, index) => ({
      ...acmeAccount().members[1]!,
      id: `TWVtYmVyOm1hbnk${index}`,
      name: `Person ${String(index).padStart(2, "0")}`,
      email: `person${index}@example.com`,
    }));
    const backend = installMockBackend({ accounts: [acmeAccount({ members: many })] });
    const user = userEvent.setup();
    const { router } = renderApp("/members");
    await screen.findByRole("cell", { name: "Person 00" });

    await user.click(
      within(screen.getByRole("navigation", { name: "Members pages" })).getByRole("button", {
        name: "Next",
      }),
    );
    await screen.findByRole("cell", { name: "Person 25" });
    const after = params(router).get("after");
    expect(after).toBeTruthy();
    expect(backend.operations("MembersList").at(-1)?.variables).toMatchObject({ after });

    await user.click(within(header("Active members", "Email")).getByRole("button"));
    await waitFor(() => expect(params(router).get("sort")).toBe("EMAIL"));
    expect(params(router).get("after")).toBeNull();
    expect(backend.operations("MembersList").at(-1)?.variables).toEqual({
      filter: { status: ["ACTIVE"] },
      orderBy: { field: "EMAIL", direction: "ASC" },
      first: 25,
    });
  });
});

describe("Export CSV", () => {
  let saved: string[];
  const originalCreate = URL.createObjectURL;
  const originalRevoke = URL.revokeObjectURL;

  beforeEach(() => {
    saved = [];
    URL.createObjectURL = jest.fn(() => "blob:export");
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
  });

  afterEach(() => {
    URL.createObjectURL = originalCreate;
    URL.revokeObjectURL = originalRevoke;
    jest.restoreAllMocks();
  });

  it("downloads the list with the page's filters and order", async () => {
    const backend = installNetworkBackend();
    const user = userEvent.setup();
    renderApp(`/members?tab=pending&q=mi&partner=${INITECH_ID}&sort=NAME&dir=DESC`);
    await screen.findByRole("cell", { name: "Milton Waddams" });

    await user.click(screen.getByRole("button", { name: "Export CSV of members" }));

    expect(await screen.findByText("Saved members-2026-02-01.csv.")).toBeInTheDocument();
    expect(saved).toEqual(["members-2026-02-01.csv"]);
    const [request] = backend.operations("ListExport");
    const url = new URL(String(request?.variables["path"]), "http://localhost");
    expect(url.pathname).toBe("/api/export/members.csv");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: "PENDING",
      q: "mi",
      partnerId: INITECH_ID,
      orderBy: "NAME",
      direction: "DESC",
    });
  });

  it("exports user invitations of the tab on screen, and clients with no filter as the whole list", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    const { router } = renderApp("/invitations?tab=expired&sort=EXPIRES_AT&dir=ASC");
    await screen.findByRole("cell", { name: "late@example.com" });
    await user.click(screen.getByRole("button", { name: "Export CSV of invitations" }));
    await screen.findByText("Saved invitations-2026-02-01.csv.");
    expect(backend.operations("ListExport")[0]?.variables["path"]).toBe(
      "/api/export/invitations.csv?kind=USER&status=EXPIRED&orderBy=EXPIRES_AT&direction=ASC",
    );

    await act(() => router.navigate("/clients"));
    await screen.findByRole("table", { name: "Clients" });
    await user.click(screen.getByRole("button", { name: "Export CSV of clients" }));
    await screen.findByText("Saved clients-2026-02-01.csv.");
    expect(backend.operations("ListExport")[1]?.variables["path"]).toBe("/api/export/clients.csv");
  });

  it("says why a refused export failed", async () => {
    installMockBackend();
    server.use(
      http.get("/api/export/:file", () =>
        HttpResponse.json({ error: "`q` is too long." }, { status: 400 }),
      ),
    );
    const user = userEvent.setup();
    renderApp("/partners");
    await screen.findByRole("table", { name: "Partners" });
    await user.click(screen.getByRole("button", { name: "Export CSV of partners" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not export: `q` is too long.",
    );
    expect(saved).toEqual([]);
  });

  it("is not offered to a role that may not read the whole list", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "COLLABORATOR_EXTERNAL" })] });
    renderApp("/partners");
    // The list shows (the server decides what this role reads), but not the export.
    await screen.findByRole("table", { name: "Partners" });
    expect(
      screen.queryByRole("button", { name: "Export CSV of partners" }),
    ).not.toBeInTheDocument();
  });
});
