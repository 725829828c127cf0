import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import {
  AuditEventsDocument,
  type AuditEventsQuery,
  type AuditEventsQueryVariables,
} from "../../gql/graphql";
import { acmeAccount } from "../../testing/fixtures/accounts";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";
import type { AuditEventRow } from "./api/get-audit-events";

// Whole-app renders with several requests each: leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

const GRACE = {
  __typename: "User" as const,
  id: "VXNlcjoy",
  name: "Grace Hopper",
  email: "grace@example.com",
};

/** Event n happened n minutes ago; even ones by API token. */
function auditEvent(n: number, overrides: Partial<AuditEventRow> = {}): AuditEventRow {
  return {
    __typename: "AuditEvent",
    id: `QXVkaXRFdmVudDo${n}`,
    action: "member.archived",
    objectType: "Member",
    objectId: `TWVtYmVyOj${n}`,
    via: n % 2 === 0 ? "API_TOKEN" : "SESSION",
    apiTokenName: n % 2 === 0 ? "CRM sync" : null,
    ip: "203.0.113.7",
    createdAt: new Date(Date.now() - n * 60_000).toISOString(),
    details: JSON.stringify({ type: "INTERNAL", from: "ACTIVE", to: "ARCHIVED" }),
    actor: GRACE,
    ...overrides,
  };
}

type Recorded = AuditEventsQueryVariables[];

/** Serves AuditEvents from `events` (newest first) with the server's filters and keyset pages. */
function serveAudit(
  events: AuditEventRow[],
  options: { forbidden?: boolean; fail?: boolean } = {},
): Recorded {
  const recorded: Recorded = [];
  server.use(
    answer(AuditEventsDocument, (variables) => {
      recorded.push(variables);
      if (options.fail) return HttpResponse.error();
      if (options.forbidden) {
        return HttpResponse.json({
          data: null,
          errors: [
            { message: "Your role does not allow this.", extensions: { code: "FORBIDDEN" } },
          ],
        });
      }
      const filter = variables.filter ?? {};
      const matching = events.filter(
        (e) =>
          (!filter.action?.length || filter.action.includes(e.action)) &&
          (!filter.from || e.createdAt >= filter.from) &&
          (!filter.to || e.createdAt < filter.to),
      );
      const afterIndex = variables.after
        ? matching.findIndex((e) => e.id === variables.after) + 1
        : 0;
      const size = variables.first ?? 25;
      const page = matching.slice(afterIndex, afterIndex + size);
      return HttpResponse.json({
        data: {
          __typename: "Query",
          viewer: {
            __typename: "Viewer",
            currentAccount: {
              __typename: "Account",
              id: "QWNjb3VudDox",
              auditEvents: {
                __typename: "AuditEventConnection",
                totalCount: matching.length,
                nodes: page,
                pageInfo: {
                  __typename: "PageInfo",
                  hasNextPage: afterIndex + size < matching.length,
                  hasPreviousPage: afterIndex > 0,
                  startCursor: page[0]?.id ?? null,
                  endCursor: page.at(-1)?.id ?? null,
                },
              },
            },
          },
        },
      } satisfies { data: AuditEventsQuery });
    }),
  );
  return recorded;
}

function rowOf(text: string): HTMLElement {
  const table = screen.getByRole("table", { name: "Audit log" });
  return within(table).getAllByText(text)[0]!.closest("tr") as HTMLElement;
}

describe("audit page", () => {
  it("lists events with time, actor, action, object and where they came from", async () => {
    serveAudit([
      auditEvent(1, {
        action: "partner.removed",
        objectType: "Partner",
        details: JSON.stringify({ companyName: "Initech", archivedMemberCount: 3 }),
      }),
      auditEvent(2, { action: "api_token.created", objectType: "ApiToken" }),
      auditEvent(3, { actor: null, ip: null }),
    ]);
    renderApp("/audit");

    expect(await screen.findByRole("heading", { level: 1, name: "Audit log" })).toBeInTheDocument();
    await screen.findByRole("table", { name: "Audit log" });
    const removal = rowOf("Partner removed from the network");
    expect(within(removal).getByText("Grace Hopper")).toBeInTheDocument();
    expect(within(removal).getByText("partner.removed")).toBeInTheDocument();
    expect(within(removal).getByText(/companyName: Initech/)).toBeInTheDocument();
    expect(within(removal).getByText("Browser session")).toBeInTheDocument();
    expect(within(removal).getByText("IP 203.0.113.7")).toBeInTheDocument();
    expect(
      within(rowOf("API token created")).getByText("API token “CRM sync”"),
    ).toBeInTheDocument();
    expect(within(rowOf("System")).queryByText(/^IP /)).not.toBeInTheDocument();
    expect(screen.getByText("3 events")).toBeInTheDocument();
  });

  it("pages forwards by cursor", async () => {
    const recorded = serveAudit(Array.from({ length: 30 }, (_, i) => auditEvent(i + 1)));
    const user = userEvent.setup();
    renderApp("/audit");
    await screen.findByRole("table", { name: "Audit log" });
    expect(
      within(screen.getByRole("table", { name: "Audit log" })).getAllByRole("row"),
    ).toHaveLength(26);

    const pager = screen.getByRole("navigation", { name: "Audit log pages" });
    await user.click(within(pager).getByRole("button", { name: "Next" }));

    await waitFor(() =>
      expect(
        within(screen.getByRole("table", { name: "Audit log" })).getAllByRole("row"),
      ).toHaveLength(6),
    );
    expect(recorded.at(-1)).toMatchObject({ first: 25, after: "QXVkaXRFdmVudDo25" });
    expect(within(pager).getByRole("button", { name: "Next" })).toBeDisabled();
  });

  it("filters by action and by date range", async () => {
    const recorded = serveAudit([auditEvent(1, { action: "member.activated" }), auditEvent(2)]);
    const user = userEvent.setup();
    renderApp("/audit");
    await screen.findByRole("table", { name: "Audit log" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Action" }), "member.activated");
    await waitFor(() =>
      expect(
        within(screen.getByRole("table", { name: "Audit log" })).queryByText("Member archived"),
      ).not.toBeInTheDocument(),
    );
    expect(rowOf("Member activated")).toBeInTheDocument();
    expect(recorded.at(-1)?.filter).toEqual({ action: ["member.activated"] });

    const from = screen.getByLabelText("From");
    await user.type(from, "2030-01-01");
    expect(await screen.findByRole("heading", { name: "No events match" })).toBeInTheDocument();
    expect(recorded.at(-1)?.filter).toEqual({
      action: ["member.activated"],
      from: new Date("2030-01-01T00:00:00").toISOString(),
    });

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(screen.getByText("2 events")).toBeInTheDocument());
  });

  it("reports an impossible date range beside the field and does not send it", async () => {
    const recorded = serveAudit([auditEvent(1)]);
    const user = userEvent.setup();
    renderApp("/audit");
    await screen.findByRole("table", { name: "Audit log" });
    await user.type(screen.getByLabelText("From"), "2026-03-10");
    await user.type(screen.getByLabelText("To"), "2026-03-01");
    expect(await screen.findByText("Pick a day on or after the start.")).toBeInTheDocument();
    expect(recorded.every((variables) => !variables.filter?.to)).toBe(true);
  });

  it("shows the empty state", async () => {
    serveAudit([]);
    renderApp("/audit");
    expect(await screen.findByRole("heading", { name: "No events yet" })).toBeInTheDocument();
  });

  it("shows a retryable error when the server cannot be reached", async () => {
    serveAudit([], { fail: true });
    renderApp("/audit");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the audit log");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("explains FORBIDDEN without a retry, and hides the nav item from roles without access", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "EDITOR" })] });
    serveAudit([], { forbidden: true });
    renderApp("/audit");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your role does not allow this.");
    expect(within(alert).queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    // Once the viewer (and so the role) is known, the item stays hidden.
    expect(await within(screen.getByRole("banner")).findByText("Ada Lovelace")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("link", { name: "Audit log" })).not.toBeInTheDocument();
  });

  it("shows the nav item to owners", async () => {
    serveAudit([]);
    renderApp("/members");
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "Audit log" })).toHaveAttribute(
      "href",
      "/audit",
    );
  });
});
