import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { PageLoading } from "../../../components/page-status";
import { describeError } from "../../../lib/errors";
import { deadLinkReason } from "../accept-outcome";
import { useAcceptInvitation } from "../api/accept-invitation";
import type { UnavailableReason } from "./invitation-unavailable";
import { LogInToAccept } from "./log-in-to-accept";

export interface ConfirmClaimProps {
  token: string;
  /** The secret from the confirmation email's `#claim=…`. */
  claimToken: string;
  /** The path to log in and come back to this very link (claim included). */
  logInPath: string;
  onAccepted: (accountName: string, role: string | null) => void;
  onUnavailable: (reason: UnavailableReason) => void;
}

/**
 * A shareable link's second step: the confirmation email's link came back, so the address
 * is proven and the acceptance the person asked for completes (at once, no form).
 */
export function ConfirmClaim({
  token,
  claimToken,
  logInPath,
  onAccepted,
  onUnavailable,
}: ConfirmClaimProps) {
  const [acceptInvitation] = useAcceptInvitation();
  const [problem, setProblem] = useState<
    | { kind: "sign-in"; message: string }
    | { kind: "refused"; message: string }
    | { kind: "failed"; message: string; retryable: boolean }
    | null
  >(null);
  const attempted = useRef(false);

  async function confirm() {
    setProblem(null);
    try {
      const { data } = await acceptInvitation({ variables: { input: { token, claimToken } } });
      const payload = data?.acceptInvitation;
      const userErrors = payload?.userErrors ?? [];
      const first = userErrors[0];
      if (first) {
        if (first.code === "SIGN_IN_REQUIRED" || first.code === "EMAIL_MISMATCH") {
          setProblem({ kind: "sign-in", message: first.message });
          return;
        }
        const reason = deadLinkReason(userErrors);
        if (reason) {
          onUnavailable(reason);
          return;
        }
        setProblem({ kind: "refused", message: first.message });
        return;
      }
      onAccepted(payload?.account?.name ?? "", payload?.member?.role ?? null);
    } catch (error) {
      const described = describeError(error);
      setProblem({ kind: "failed", message: described.message, retryable: described.retryable });
    }
  }

  useEffect(() => {
    if (attempted.current) return;
    attempted.current = true;
    void confirm();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one attempt per link
  }, []);

  if (!problem) return <PageLoading label="Confirming your email" />;
  if (problem.kind === "sign-in")
    return <LogInToAccept email={null} message={problem.message} logInPath={logInPath} />;
  return (
    <Alert color="red" variant="light" title="Could not confirm your email" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problem.message}</Text>
        {problem.kind === "failed" && problem.retryable && (
          <Button size="compact-sm" variant="default" onClick={() => void confirm()}>
            Retry
          </Button>
        )}
        <Text size="sm">
          Open the sign-up link you were given again to send a new confirmation email.
        </Text>
        <Anchor component={Link} to="/login" fw={600} c="var(--pn-color-text-danger)">
          Log in
        </Anchor>
      </Stack>
    </Alert>
  );
}
