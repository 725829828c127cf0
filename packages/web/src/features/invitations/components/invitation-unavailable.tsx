import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { Page } from "../../../components/page";

export type UnavailableReason =
  "expired" | "revoked" | "accepted" | "unknown" | "unsupported" | "issuer";

export interface InvitationUnavailableProps {
  reason: UnavailableReason;
  accountName?: string | null;
  inviterName?: string | null;
}

const TITLES: Record<UnavailableReason, string> = {
  expired: "This invitation has expired",
  revoked: "This invitation was cancelled",
  accepted: "This invitation was used already",
  unknown: "This invitation link is not valid",
  unsupported: "This invitation cannot be accepted here yet",
  issuer: "This invitation needs to be sent again",
};

/** A clear dead end for a link that no longer works, and what to do instead. */
export function InvitationUnavailable({
  reason,
  accountName,
  inviterName,
}: InvitationUnavailableProps) {
  const who = inviterName
    ? `${inviterName}${accountName ? ` at ${accountName}` : ""}`
    : accountName
      ? `the person at ${accountName} who invited you`
      : "the person who invited you";
  let message: string;
  switch (reason) {
    case "expired":
      message = `Invitation links work for 48 hours. Ask ${who} to send it again.`;
      break;
    case "revoked":
      message = `${accountName ?? "The account"} cancelled this invitation. Ask ${who} for a new one if you still need access.`;
      break;
    case "accepted":
      message = "Each invitation link works once. If you accepted it, log in to continue.";
      break;
    case "issuer":
      // ISSUER_NOT_AUTHORIZED: the sender was demoted or lost access since sending it.
      message = `The person who sent this invitation can no longer invite. Ask ${accountName ?? "the account"} to send it again.`;
      break;
    case "unsupported":
      message = `This kind of invitation cannot be accepted on this page. Ask ${who} for help.`;
      break;
    default:
      message =
        "Check that you opened the whole link from the email. A link stops working when the invitation is sent again; use the newest email, or ask for a new invitation.";
  }
  return (
    <Page title={TITLES[reason]}>
      <Stack gap="md">
        <Text>{message}</Text>
        <Group gap="md">
          <Anchor component={Link} to="/login">
            Log in
          </Anchor>
        </Group>
      </Stack>
    </Page>
  );
}
