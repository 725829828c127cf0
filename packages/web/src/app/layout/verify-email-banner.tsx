import { useMutation } from "@apollo/client/react";
import { Alert, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { graphql } from "../../gql";
import { describeError } from "../../lib/errors";
import { useShellViewer } from "../viewer-query";

export const resendVerificationEmailMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail {
      sent
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/**
 * Shown above every page while the viewer's email is unconfirmed: until then, memberships
 * others created for that email stay out of reach. "Resend email" sends a new link; when it
 * is too soon, the server's message says when it can be sent again.
 */
export function VerifyEmailBanner() {
  const user = useShellViewer().data?.viewer?.user;
  const [resend, { loading }] = useMutation(resendVerificationEmailMutation);
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);
  if (!user || user.emailVerified) return null;

  async function send() {
    setNote(null);
    try {
      const { data } = await resend();
      const error = data?.resendVerificationEmail.userErrors[0];
      setNote(
        error
          ? { text: error.message, ok: false }
          : { text: `Sent. Check your inbox at ${user!.email}.`, ok: true },
      );
    } catch (error) {
      setNote({ text: describeError(error).message, ok: false });
    }
  }

  return (
    <Alert
      color="yellow"
      variant="light"
      title="Confirm your email address"
      // A standing notice, not an alert: it is there on every page until the email is confirmed.
      role="region"
      aria-label="Confirm your email address"
      mb="md"
      // Yellow title text on the light panel is below 4.5:1 contrast.
      styles={{ title: { color: "var(--mantine-color-text)" } }}
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">
          We sent a link to {user.email}. Follow it to confirm that the address is yours.
        </Text>
        <Button size="compact-sm" variant="default" loading={loading} onClick={() => void send()}>
          Resend email
        </Button>
      </Group>
      {note && (
        <Text size="sm" mt="xs" role={note.ok ? "status" : "alert"}>
          {note.text}
        </Text>
      )}
    </Alert>
  );
}
