import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import {
  CreateWebhookEndpointDocument,
  ReplayWebhookDeliveryDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
} from "../../gql/graphql";
import { acmeAccount } from "../../testing/fixtures/accounts";
import { installMockBackend } from "../../testing/mock-backend";
import { answer, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

const ENDPOINT = {
  __typename: "WebhookEndpoint",
  id: "V2ViaG9va0VuZHBvaW50OjE",
  url: "https://crm.example.com/hooks",
  description: "CRM sync",
  eventTypes: ["MEMBER_ACTIVATED", "MEMBER_ARCHIVED"],
  enabled: true,
  disabledReason: null,
  failingSince: "2026-11-25T08:00:00.000Z",
  createdAt: "2026-11-20T08:00:00.000Z",
};

const FAILED_DELIVERY = {
  __typename: "WebhookDelivery",
  id: "V2ViaG9va0RlbGl2ZXJ5OjE",
  messageId: "msg_1",
  eventType: "MEMBER_ACTIVATED",
  objectId: "TWVtYmVyOjE",
  status: "FAILED",
  attemptCount: 2,
  createdAt: "2026-11-25T08:00:00.000Z",
  completedAt: "2026-11-25T09:00:00.000Z",
  lastAttempt: {
    __typename: "WebhookAttempt",
    attempt: 2,
    attemptedAt: "2026-11-25T09:00:00.000Z",
    statusCode: null,
    durationMs: 10000,
    error: "timeout",
  },
};

function endpointsBody(endpoints: unknown[]) {
  return {
    data: {
      viewer: {
        __typename: "Viewer",
        currentAccount: { __typename: "Account", id: "QWNjb3VudDox", webhookEndpoints: endpoints },
      },
    },
  };
}

describe("webhooks page", () => {
  it("lists endpoints with their state, and opens the delivery log where a failed delivery can be replayed", async () => {
    installMockBackend();
    const replayed: unknown[] = [];
    server.use(
      answer(WebhookEndpointsDocument, () => HttpResponse.json(endpointsBody([ENDPOINT]))),
      answer(WebhookDeliveriesDocument, () =>
        HttpResponse.json({
          data: {
            node: {
              __typename: "WebhookEndpoint",
              id: ENDPOINT.id,
              deliveries: {
                __typename: "WebhookDeliveryConnection",
                totalCount: 1,
                pageInfo: {
                  __typename: "PageInfo",
                  hasNextPage: false,
                  hasPreviousPage: false,
                  startCursor: "a",
                  endCursor: "a",
                },
                nodes: [FAILED_DELIVERY],
              },
            },
          },
        }),
      ),
      answer(ReplayWebhookDeliveryDocument, (variables) => {
        replayed.push(variables);
        return HttpResponse.json({
          data: {
            replayWebhookDelivery: {
              __typename: "WebhookDeliveryPayload",
              delivery: { ...FAILED_DELIVERY, status: "PENDING" },
              userErrors: [],
            },
          },
        });
      }),
    );
    const user = userEvent.setup();
    renderApp("/webhooks");

    const table = await screen.findByRole("table", { name: "Webhook endpoints" });
    const row = within(table).getByText(ENDPOINT.url).closest("tr") as HTMLElement;
    expect(within(row).getByText("2 events")).toBeInTheDocument();
    expect(within(row).getByText("Failing")).toBeInTheDocument();

    await user.click(within(row).getByRole("button", { name: `Deliveries of ${ENDPOINT.url}` }));
    const log = await screen.findByRole("table", { name: "Deliveries" });
    expect(within(log).getByText("member.activated")).toBeInTheDocument();
    expect(within(log).getByText("Failed")).toBeInTheDocument();
    expect(within(log).getByText("timeout in 10000 ms")).toBeInTheDocument();
    await user.click(within(log).getByRole("button", { name: /^Replay member.activated/ }));
    await waitFor(() => expect(replayed).toEqual([{ input: { deliveryId: FAILED_DELIVERY.id } }]));
    expect(await screen.findByText("Replay queued")).toBeInTheDocument();
  }, 20_000);

  it("adds an endpoint: shows the server's URL error on the field, then the secret once", async () => {
    installMockBackend();
    const sent: unknown[] = [];
    server.use(
      answer(WebhookEndpointsDocument, () => HttpResponse.json(endpointsBody([]))),
      answer(CreateWebhookEndpointDocument, (variables) => {
        sent.push(variables);
        const input = (variables as { input: { url: string } }).input;
        if (input.url.includes("127.0.0.1")) {
          return HttpResponse.json({
            data: {
              createWebhookEndpoint: {
                __typename: "CreateWebhookEndpointPayload",
                webhookEndpoint: null,
                secret: null,
                userErrors: [
                  {
                    __typename: "UserError",
                    field: ["url"],
                    code: "INVALID",
                    message: "The URL points at a loopback, private or link-local address.",
                  },
                ],
              },
            },
          });
        }
        return HttpResponse.json({
          data: {
            createWebhookEndpoint: {
              __typename: "CreateWebhookEndpointPayload",
              webhookEndpoint: { ...ENDPOINT, url: input.url, failingSince: null },
              secret: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0",
              userErrors: [],
            },
          },
        });
      }),
    );
    const user = userEvent.setup();
    renderApp("/webhooks");

    expect(await screen.findByText("No webhook endpoints yet")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add endpoint" }));
    const dialog = await screen.findByRole("dialog", { name: "Add webhook endpoint" });
    await user.type(within(dialog).getByRole("textbox", { name: /URL/ }), "http://127.0.0.1/hooks");
    await user.click(within(dialog).getByRole("button", { name: "Add endpoint" }));
    expect(await within(dialog).findByText("Choose at least one event.")).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await user.click(within(dialog).getByRole("checkbox", { name: "member.activated" }));
    await user.click(within(dialog).getByRole("button", { name: "Add endpoint" }));
    const url = within(dialog).getByRole("textbox", { name: /URL/ });
    await waitFor(() => expect(url).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText(/loopback, private or link-local/)).toBeInTheDocument();

    await user.clear(url);
    await user.type(url, "https://crm.example.com/hooks");
    await user.click(within(dialog).getByRole("button", { name: "Add endpoint" }));
    const secretDialog = await screen.findByRole("dialog", { name: "Webhook endpoint added" });
    expect(within(secretDialog).getByTestId("webhook-secret")).toHaveTextContent(
      "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0",
    );
    expect(sent.at(-1)).toEqual({
      input: {
        url: "https://crm.example.com/hooks",
        description: null,
        eventTypes: ["MEMBER_ACTIVATED"],
      },
    });
  }, 20_000);

  it("says who may manage webhooks when the server refuses", async () => {
    installMockBackend({ accounts: [acmeAccount({ role: "VIEWER" })] });
    server.use(
      answer(WebhookEndpointsDocument, () =>
        HttpResponse.json({
          data: { viewer: { __typename: "Viewer", currentAccount: null } },
          errors: [
            {
              message: "You are not allowed to do this.",
              path: ["viewer", "currentAccount", "webhookEndpoints"],
              extensions: { code: "FORBIDDEN" },
            },
          ],
        }),
      ),
    );
    renderApp("/webhooks");
    expect(
      await screen.findByText("Only owners and administrators manage webhooks"),
    ).toBeInTheDocument();
  });
});
