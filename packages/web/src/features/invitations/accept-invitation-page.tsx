import { useApolloClient } from "@apollo/client/react";
import { Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import { Page } from "../../components/page";
import { PageLoading } from "../../components/page-status";
import { QueryError } from "../../components/query-error";
import { useNow } from "../../hooks/use-now";
import {
  CLIENT_HOME_PATH,
  HOME_PATH,
  logInPathFor,
  PARTNER_ACCEPTED_PATH,
} from "../../lib/safe-redirect";
import { type InvitationPreview, useInvitationPreview } from "./api/get-invitation-preview";
import { useInvitationSwitchAccount } from "./api/switch-account";
import { AcceptInvitationForm } from "./components/accept-invitation-form";
import { ConfirmClaim } from "./components/confirm-claim";
import {
  AcceptPartnerInvitationForm,
  type PartnerAccount,
} from "./components/accept-partner-invitation-form";
import { InvitationDetails } from "./components/invitation-details";
import { InvitationUnavailable, type UnavailableReason } from "./components/invitation-unavailable";
import { SetPasswordForm } from "./components/set-password-form";

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

const ACCEPTED_HERE = ["USER", "CLIENT", "PARTNER", "LOGIN"];

/** The page's title and the sentence under it: what accepting means for this kind. */
function introOf(invitation: InvitationPreview): { title: string; description: string } {
  const { accountName, inviterName } = invitation;
  if (invitation.kind === "PARTNER") {
    return {
      title: `Become a partner of ${accountName}`,
      description: `${inviterName ? `${inviterName} at ${accountName}` : accountName} invites your company to its partner network: ${accountName} will see your company's people as partner members, and your company will see ${accountName} among its clients.`,
    };
  }
  if (invitation.kind === "LOGIN") {
    return {
      title: `Log in to ${accountName}`,
      description: `${inviterName ? `${inviterName} at ${accountName}` : accountName} gave you access to ${accountName} on Partner Network.`,
    };
  }
  const lead =
    invitation.kind === "CLIENT"
      ? " as a client: you will see the team that works for you and how to reach them."
      : " on Partner Network.";
  return {
    title: `Join ${accountName}`,
    description: inviterName
      ? `${inviterName} invited you to join ${accountName}${lead}`
      : `You are invited to join ${accountName}${lead}`,
  };
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
  // A shareable link's confirmation email comes back with `#claim=…` (never sent to the server's logs).
  const claimToken = new URLSearchParams(useLocation().hash.replace(/^#/, "")).get("claim");
  const { data, loading, error, refetch } = useInvitationPreview(token);
  const client = useApolloClient();
  const navigate = useNavigate();
  const now = useNow();
  const [switchAccount] = useInvitationSwitchAccount();
  /** The title shown while the app opens after accepting. */
  const [opening, setOpening] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState<UnavailableReason | null>(null);
  const logInPath = logInPathFor(`/invite/${token}${claimToken ? `#claim=${claimToken}` : ""}`);

  async function accepted(accountName: string, role: string | null) {
    setOpening(`Welcome to ${accountName}`);
    // Signed in now (new user) or moved into the account: everything cached is stale.
    await client.resetStore().catch(() => undefined);
    // A client opens on their team; the account's people on the home page.
    await navigate(role === "CLIENT" ? CLIENT_HOME_PATH : HOME_PATH, { replace: true });
  }

  /** The session stays where it was on accepting: it moves into the new partner to show it. */
  async function acceptedAsPartner(inviterAccountName: string, partner: PartnerAccount | null) {
    setOpening(
      partner ? `${partner.name} is a partner of ${inviterAccountName}` : "Invitation accepted",
    );
    let entered = partner !== null && partner.switchTo === null;
    if (partner?.switchTo) {
      const switched = await switchAccount({
        variables: { input: { accountId: partner.switchTo } },
      }).catch(() => null);
      entered = Boolean(switched?.data?.switchAccount.account);
    }
    await client.resetStore().catch(() => undefined);
    // Not in the partner's account (the server chose it, or the switch failed): the home page.
    await navigate(entered ? PARTNER_ACCEPTED_PATH : HOME_PATH, { replace: true });
  }

  if (opening) {
    return (
      <Page title={opening}>
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
    return (
      <Page title="Invitation">
        <QueryError title="Could not load the invitation" error={error} refetch={refetch} />
      </Page>
    );
  }

  const invitation = data.invitation;
  const reason: UnavailableReason | null =
    unavailable ??
    (!invitation
      ? "unknown"
      : !ACCEPTED_HERE.includes(invitation.kind)
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

  const viewer = data.viewer ?? null;
  const isLink = invitation.email === null;
  const { title, description } = introOf(invitation);
  // A new session (log out, log in) starts the form afresh.
  const formKey = viewer?.user.id ?? "signed-out";
  const formProps = {
    token,
    invitation,
    logInPath,
    onUnavailable: setUnavailable,
  };
  return (
    <Page title={title} description={description}>
      <Stack gap="lg">
        <InvitationDetails invitation={invitation} now={now} />
        {claimToken && isLink ? (
          <ConfirmClaim
            token={token}
            claimToken={claimToken}
            logInPath={logInPath}
            onUnavailable={setUnavailable}
            onAccepted={(accountName, role) =>
              void accepted(accountName || invitation.accountName, role)
            }
          />
        ) : invitation.kind === "LOGIN" ? (
          <SetPasswordForm
            key={formKey}
            {...formProps}
            onAccepted={(accountName) => void accepted(accountName, null)}
          />
        ) : invitation.kind === "PARTNER" ? (
          <AcceptPartnerInvitationForm
            key={formKey}
            {...formProps}
            viewer={viewer}
            onAccepted={(partner) => void acceptedAsPartner(invitation.accountName, partner)}
          />
        ) : (
          <AcceptInvitationForm
            key={formKey}
            {...formProps}
            viewer={viewer?.user ?? null}
            onAccepted={(accountName, role) => void accepted(accountName, role)}
          />
        )}
        <Text size="xs" c="dimmed">
          {isLink
            ? `Anyone with this link can sign up as a client of ${invitation.accountName}: do not share it further.`
            : "The link works once. Do not forward it: anyone with the link can accept."}
        </Text>
      </Stack>
    </Page>
  );
}
