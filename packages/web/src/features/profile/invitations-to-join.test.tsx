import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  AcceptMembershipDocument,
  DeclineMembershipDocument,
  PendingMembershipsDocument,
} from "../../gql/graphql";
import { operations } from "../../testing/msw-server";
import { answer, refuse, server } from "../../testing/msw-server";
import { renderApp } from "../../testing/render-app";

configure({ asyncUtilTimeout: 4000 });
jest.setTimeout(20_000);

const PENDING = {
  memberId: "TWVtYmVyOjk5",
  accountName: "Alpha Co",
  addedByName: "Eddie Editor",
  createdAt: "2026-01-02T10:00:00.000Z",
};

function pending(memberships: (typeof PENDING)[], emailVerified = true) {
  return answer(PendingMembershipsDocument, {
    viewer: {
      pendingMemberships: {
        emailVerified,
        hiddenReason: emailVerified
          ? null
          : "Verify your email first: memberships others created for this address are shown only to whoever proves they read its mailbox.",
        memberships,
      },
    },
  });
}

describe("invitations to join", () => {
  it("lists who added the person, and accepting sends the membership", async () => {
    server.use(
      pending([PENDING]),
      answer(AcceptMembershipDocument, {
        acceptMembership: { account: { id: "QWNjb3VudDo5", name: "Alpha Co" }, userErrors: [] },
      }),
    );
    const user = userEvent.setup();
    renderApp("/invitations-to-join");
    const card = await screen.findByRole("region", { name: "Alpha Co" });
    expect(within(card).getByText(/Eddie Editor added you/)).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Accept" }));
    await waitFor(() =>
      expect(operations.filter((o) => o.operationName === "AcceptMembership")).toEqual([
        { operationName: "AcceptMembership", variables: { input: { memberId: PENDING.memberId } } },
      ]),
    );
  });

  it("asks before declining, and sends nothing on Cancel", async () => {
    server.use(
      pending([PENDING]),
      answer(DeclineMembershipDocument, {
        declineMembership: { account: { id: "QWNjb3VudDo5", name: "Alpha Co" }, userErrors: [] },
      }),
    );
    const user = userEvent.setup();
    renderApp("/invitations-to-join");
    const card = await screen.findByRole("region", { name: "Alpha Co" });
    await user.click(within(card).getByRole("button", { name: "Decline" }));
    const dialog = await screen.findByRole("dialog", { name: "Decline membership" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(operations.filter((o) => o.operationName === "DeclineMembership")).toEqual([]);

    await user.click(within(card).getByRole("button", { name: "Decline" }));
    const again = await screen.findByRole("dialog", { name: "Decline membership" });
    await user.click(within(again).getByRole("button", { name: "Decline" }));
    await waitFor(() =>
      expect(operations.filter((o) => o.operationName === "DeclineMembership")).toHaveLength(1),
    );
  });

  it("shows the server's refusal next to the membership", async () => {
    server.use(
      pending([PENDING]),
      refuse(AcceptMembershipDocument, "EMAIL_NOT_VERIFIED", "Verify your email first."),
    );
    const user = userEvent.setup();
    renderApp("/invitations-to-join");
    const card = await screen.findByRole("region", { name: "Alpha Co" });
    await user.click(within(card).getByRole("button", { name: "Accept" }));
    expect(await within(card).findByText("Verify your email first.")).toBeInTheDocument();
  });

  it("tells an unverified person why nothing is listed", async () => {
    server.use(pending([], false));
    renderApp("/invitations-to-join");
    expect(await screen.findByText("Verify your email first")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Accept" })).toBeNull();
  });

  it("says when nothing waits for an answer", async () => {
    server.use(pending([]));
    renderApp("/invitations-to-join");
    expect(await screen.findByText("Nothing to answer")).toBeInTheDocument();
  });
});
