import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { describeError } from "../lib/errors";
import { formatDateTime, formatTime } from "../lib/format";
import { retryAfterOf, type UserErrorLike } from "../lib/user-errors";

/** What a resendInvitation payload tells the button: why it was refused, or the new expiry. */
export interface ResendOutcome {
  userErrors: readonly UserErrorLike[];
  invitation: { expiresAt: string } | null;
}

export interface ResendInvitationButtonProps {
  /** Accessible name naming the invitee, e.g. "Resend invitation to Umbrella". */
  label: string;
  /** Whom the new link goes to, for the notification: "jill@umbrella.example". */
  sentTo: string;
  /** Runs the feature's resendInvitation mutation; undefined when the server answered nothing. */
  resend: () => Promise<ResendOutcome | undefined>;
}

/**
 * "Resend" for an invitation shown on a client's or partner's page: the server issues a new
 * link (the old one stops working) and a new lifetime; the outcome is a notification.
 */
/** The notice for a resend refused as too soon: when it becomes possible, not an error. */
export function resendLaterNotice(retryAfter: string) {
  return {
    color: "yellow",
    title: "Invitation sent recently",
    message: `You can resend at ${formatTime(retryAfter)}.`,
  };
}

export function ResendInvitationButton({ label, sentTo, resend }: ResendInvitationButtonProps) {
  const [sending, setSending] = useState(false);
  /** Set when the server said "too soon": the button waits until then. */
  const [blockedUntil, setBlockedUntil] = useState<string | null>(null);

  useEffect(() => {
    if (!blockedUntil) return;
    const timer = setTimeout(
      () => setBlockedUntil(null),
      Math.max(0, new Date(blockedUntil).getTime() - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [blockedUntil]);

  async function send() {
    setSending(true);
    try {
      const outcome = await resend();
      const problems = outcome?.userErrors ?? [];
      const retryAfter = retryAfterOf(problems);
      if (retryAfter) {
        setBlockedUntil(retryAfter);
        notifications.show(resendLaterNotice(retryAfter));
        return;
      }
      if (!outcome?.invitation || problems.length > 0) {
        notifications.show({
          color: "red",
          title: "Could not resend the invitation",
          message: problems.map((problem) => problem.message).join(" ") || "Try again.",
        });
        return;
      }
      notifications.show({
        color: "green",
        title: "Invitation sent again",
        message: `A new link went to ${sentTo}, valid until ${formatDateTime(outcome.invitation.expiresAt)}; the old one no longer works.`,
      });
    } catch (failure) {
      notifications.show({
        color: "red",
        title: "Could not resend the invitation",
        message: describeError(failure).message,
      });
    } finally {
      setSending(false);
    }
  }

  return (
    <Button
      size="compact-sm"
      variant="default"
      aria-label={label}
      loading={sending}
      disabled={blockedUntil !== null}
      onClick={() => void send()}
    >
      {blockedUntil ? `Resend at ${formatTime(blockedUntil)}` : "Resend"}
    </Button>
  );
}
