import { useApolloClient } from "@apollo/client/react";
import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { Page } from "../../components/page";
import { PageLoading } from "../../components/page-status";
import { describeError } from "../../lib/errors";
import { HOME_PATH } from "../../lib/safe-redirect";
import { useVerifyEmail } from "./api/verify-email";

type Outcome =
  | { state: "verifying" }
  | { state: "verified" }
  | { state: "refused"; code: string; message: string }
  | { state: "failed"; message: string; retryable: boolean };

const TITLES: Record<string, string> = {
  EXPIRED: "This link has expired",
  ALREADY_ACCEPTED: "This link was used already",
};

/** The secret from `#token=…`: kept in the fragment so no server log or Referer ever holds it. */
function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? "";
}

/**
 * `/verify-email#token=…`: the link from the verification email. Confirms the address, which
 * also signs the person in, then opens the app. Public.
 */
export function VerifyEmailPage() {
  const { hash } = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [verifyEmail] = useVerifyEmail();
  const [outcome, setOutcome] = useState<Outcome>({ state: "verifying" });
  const token = tokenFromHash(hash);
  // One attempt per token: React's development double effects must not spend the link twice.
  const attempted = useRef<string | null>(null);

  async function verify() {
    setOutcome({ state: "verifying" });
    try {
      const { data } = await verifyEmail({ variables: { input: { token } } });
      const error = data?.verifyEmail.userErrors[0];
      if (error) {
        setOutcome({ state: "refused", code: error.code, message: error.message });
        return;
      }
      setOutcome({ state: "verified" });
      // Signed in now, or the banner's "unverified" is stale: reload everything.
      await client.resetStore().catch(() => undefined);
      await navigate(HOME_PATH, { replace: true });
    } catch (error) {
      const described = describeError(error);
      setOutcome({ state: "failed", message: described.message, retryable: described.retryable });
    }
  }

  useEffect(() => {
    if (!token || attempted.current === token) return;
    attempted.current = token;
    void verify();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per token
  }, [token]);

  if (!token) {
    return (
      <Page title="Confirm your email">
        <Alert color="red" variant="light" title="This link is incomplete" role="alert">
          <Text size="sm">
            Open the link from the email again, or copy all of it into the address bar.
          </Text>
        </Alert>
      </Page>
    );
  }

  if (outcome.state === "verifying" || outcome.state === "verified") {
    return (
      <Page title="Confirm your email">
        <PageLoading
          label={outcome.state === "verified" ? "Opening your account" : "Confirming your email"}
        />
      </Page>
    );
  }

  return (
    <Page title="Confirm your email">
      <Alert
        color="red"
        variant="light"
        title={
          outcome.state === "refused"
            ? (TITLES[outcome.code] ?? "This link is not valid")
            : "Could not confirm your email"
        }
        role="alert"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{outcome.message}</Text>
          {outcome.state === "failed" && outcome.retryable && (
            <Button size="compact-sm" variant="default" onClick={() => void verify()}>
              Retry
            </Button>
          )}
          <Text size="sm">
            Log in to ask for a new link: the banner at the top of the app has a “Resend email”
            button.
          </Text>
          <Anchor component={Link} to="/login" fw={600} c="var(--pn-color-text-danger)">
            Log in
          </Anchor>
        </Stack>
      </Alert>
    </Page>
  );
}
