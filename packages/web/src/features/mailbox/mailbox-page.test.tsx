import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { installMockBackend } from "../../testing/mock-backend";
import { server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";
import type { MailboxMessage } from "./api/get-mailbox";

const MAILBOX_URL = "http://localhost/api/dev/mailbox";

function message(index: number, overrides: Partial<MailboxMessage> = {}): MailboxMessage {
  return {
    id: `m${index}`,
    to: `person${index}@example.com`,
    subject: `Subject ${index}`,
    text: `Body ${index}`,
    html: `<p>Body ${index}</p>`,
    sentAt: "2026-01-05T10:00:00.000Z",
    ...overrides,
  };
}

function serveMailbox(...batches: MailboxMessage[][]) {
  let calls = 0;
  server.use(
    http.get(MAILBOX_URL, () => {
      const messages = batches[Math.min(calls, batches.length - 1)] ?? [];
      calls += 1;
      return HttpResponse.json({ messages });
    }),
  );
  return () => calls;
}

describe("dev mailbox", () => {
  it("lists emails; choosing one shows its text with clickable links", async () => {
    serveMailbox([
      message(1, {
        to: "nina@example.com",
        subject: "Ada Lovelace invited you to Acme Corp on Partner Network",
        text: "Ada invited you.\n\nAccept the invitation: http://localhost:4000/invite/abc_DEF-123\n\nThe link works once.",
      }),
      message(2),
    ]);
    const user = userEvent.setup();
    renderApp("/dev/mailbox");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Dev mailbox" }),
    ).toBeInTheDocument();
    const invite = await screen.findByRole("button", { name: /invited you to Acme Corp/ });
    expect(invite).toHaveTextContent("To nina@example.com · Jan 5, 2026, 10:00 AM");
    expect(screen.getByText("2 emails")).toBeInTheDocument();
    expect(screen.getByText("Choose an email to read it.")).toBeInTheDocument();

    await user.click(invite);

    const article = screen.getByRole("article", {
      name: "Ada Lovelace invited you to Acme Corp on Partner Network",
    });
    expect(
      within(article).getByText("To nina@example.com · Jan 5, 2026, 10:00 AM"),
    ).toBeInTheDocument();
    expect(within(article).getByTestId("mailbox-message-text")).toHaveTextContent(
      "Accept the invitation: http://localhost:4000/invite/abc_DEF-123 The link works once.",
    );
    expect(
      within(article).getByRole("link", { name: "http://localhost:4000/invite/abc_DEF-123" }),
    ).toHaveAttribute("href", "http://localhost:4000/invite/abc_DEF-123");
    expect(invite).toHaveAttribute("aria-current", "true");
  });

  it('says "No emails yet", and Refresh loads new ones', async () => {
    const calls = serveMailbox([], [message(3, { subject: "Fresh email" })]);
    const user = userEvent.setup();
    renderApp("/dev/mailbox");

    expect(await screen.findByRole("heading", { name: "No emails yet" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Refresh" }));

    expect(await screen.findByRole("button", { name: /Fresh email/ })).toBeInTheDocument();
    expect(calls()).toBe(2);
  });

  it("says the mailbox is off when the endpoint answers 404 (SMTP configured)", async () => {
    server.use(
      http.get(MAILBOX_URL, () => HttpResponse.json({ error: "Not found" }, { status: 404 })),
    );
    renderApp("/dev/mailbox");

    expect(
      await screen.findByRole("heading", { name: "The dev mailbox is off (SMTP is configured)" }),
    ).toBeInTheDocument();
  });

  it("shows a network failure with Retry", async () => {
    let calls = 0;
    server.use(
      http.get(MAILBOX_URL, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : HttpResponse.json({ messages: [message(4)] });
      }),
    );
    const user = userEvent.setup();
    renderApp("/dev/mailbox");

    const main = screen.getByRole("main");
    const alert = await within(main).findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the mailbox");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("button", { name: /Subject 4/ })).toBeInTheDocument();
    await waitFor(() => expect(within(main).queryByRole("alert")).not.toBeInTheDocument());
  });

  it("works signed out too", async () => {
    installMockBackend({ signedIn: false });
    serveMailbox([message(5)]);
    const { router } = renderApp("/dev/mailbox");

    expect(await screen.findByRole("button", { name: /Subject 5/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/dev/mailbox");
  });
});
