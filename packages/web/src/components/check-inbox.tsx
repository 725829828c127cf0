import { Alert, Anchor, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

export interface CheckInboxProps {
  /** Where the email went. */
  email: string;
  /** What following the emailed link will do, e.g. "confirm your address and open your account". */
  next: string;
  /** Extra actions under the note, e.g. a link back to log in. */
  children?: ReactNode;
}

/**
 * "Check your inbox": shown after sign-up and after a shareable link's first step. The same
 * whether the address was new or known, so it tells nobody which.
 */
export function CheckInbox({ email, next, children }: CheckInboxProps) {
  return (
    <Alert color="blue" variant="light" title={`Check your inbox at ${email}`} role="status">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          We sent an email to {email}. Follow its link to {next}. The link works once, for 24 hours.
        </Text>
        <Text size="sm">Nothing there after a few minutes? Look in your spam or junk folder.</Text>
        {children ?? (
          // Darker than the default link blue: on the light blue panel that falls below 4.5:1.
          <Anchor component={Link} to="/login" fw={600} c="var(--pn-color-text-link-strong)">
            Back to log in
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
