import { useApolloClient } from "@apollo/client/react";
import { Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { Page } from "../../components/page";
import { PageError, PageLoading } from "../../components/page-status";
import { useNow } from "../../hooks/use-now";
import { describeError } from "../../utils/errors";
import { CLIENT_HOME_PATH, HOME_PATH, logInPathFor } from "../../utils/safe-redirect";
import { useInvitationPreview } from "./api/get-invitation-preview";
import { AcceptInvitationForm } from "./components/accept-invitation-form";
import { InvitationDetails } from "./components/invitation-details";
import { InvitationUnavailable, type UnavailableReason } from "./components/invitation-unavailable";

/**
 * The token is in the address: while this page is open, nothing it links to or loads may see
 * the address in a Referer header. The policy goes back to the browser's default on leaving.
 */
function useNoReferrer() {
  useEffect(() => {
    const meta = document.createElement("meta");
    meta.name = "referrer";
    meta.content = "no-referrer";
    document.head.appendChild(meta);
    return () => {
      // Removing the element does not restore the policy; changing its content does.
      meta.content = "strict-origin-when-cross-origin";
      meta.remove();
    };
  }, []);
}

const STATUS_REASONS: Partial<Record<string, UnavailableReason>> = {
  EXPIRED: "expired",
  REVOKED: "revoked",
  ACCEPTED: "accepted",
};

/** `/invite/:token`: the invitee previews the invitation and accepts it. Public. */
export function AcceptInvitationPage() {
  useNoReferrer();
  const { token = "" } = useParams();
  const { data, loading, error, refetch } = useInvitationPreview(token);
  const client = useApolloClient();
  const navigate = useNavigate();
  const now = useNow();
  const [joined, setJoined] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState<UnavailableReason | null>(null);
  const logInPath = logInPathFor(`/invite/${token}`);

  async function accepted(accountName: string, role: string | null) {
    setJoined(accountName);
    // Signed in now (new user) or moved into the account: everything cached is stale.
    await client.resetStore().catch(() => undefined);
    // A client opens on their team; the account's people on the home page.
    await navigate(role === "CLIENT" ? CLIENT_HOME_PATH : HOME_PATH, { replace: true });
  }

  if (joined) {
    return (
      <Page title={`Welcome to ${joined}`}>
        <PageLoading label="Opening your account" />
      </Page>
    );
  }

  if (!data && loading) {
    return (
      <Page title="Invitation">
        <PageLoading label="Loading the invitation" />
      </Page>
    );
  }

  if (!data) {
    const { message, retryable } = describeError(error);
    return (
      <Page title="Invitation">
        <PageError
          title="Could not load the invitation"
          message={message}
          onRetry={
            retryable
              ? () => {
                  refetch().catch(() => undefined);
                }
              : undefined
          }
        />
      </Page>
    );
  }

  const invitation = data.invitation;
  const reason: UnavailableReason | null =
    unavailable ??
    (!invitation
      ? "unknown"
      : invitation.kind !== "USER" && invitation.kind !== "CLIENT"
        ? "unsupported"
        : (STATUS_REASONS[invitation.status] ?? null));
  if (reason || !invitation) {
    return (
      <InvitationUnavailable
        reason={reason ?? "unknown"}
        accountName={invitation?.accountName}
        inviterName={invitation?.inviterName}
      />
    );
  }

  const viewer = data.viewer?.user ?? null;
  const asClient = invitation.kind === "CLIENT";
  const isLink = invitation.email === null;
  const lead = asClient
    ? " as a client: you will see the team that works for you and how to reach them."
    : " on Partner Network.";
  return (
    <Page
      title={`Join ${invitation.accountName}`}
      description={
        invitation.inviterName
          ? `${invitation.inviterName} invited you to join ${invitation.accountName}${lead}`
          : `You are invited to join ${invitation.accountName}${lead}`
      }
    >
      <Stack gap="lg">
        <InvitationDetails invitation={invitation} now={now} />
        <AcceptInvitationForm
          // A new session (log out, log in) starts the form afresh.
          key={viewer?.id ?? "signed-out"}
          token={token}
          invitation={invitation}
          viewer={viewer}
          logInPath={logInPath}
          onAccepted={(accountName, role) => void accepted(accountName, role)}
          onUnavailable={setUnavailable}
        />
        <Text size="xs" c="gray.7">
          {isLink
            ? `Anyone with this link can sign up as a client of ${invitation.accountName}: do not share it further.`
            : "The link works once. Do not forward it: anyone with the link can accept."}
        </Text>
      </Stack>
    </Page>
  );
}
