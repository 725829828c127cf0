import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { Link } from "react-router";

export interface LogInToAcceptProps {
  /** The invited email, when the invitation has one. */
  email: string | null;
  /** What the server said to do, e.g. "Log in as … to accept this invitation." */
  message: string;
  /** The path to log in and come back to the invitation. */
  logInPath: string;
}

/** The invited email has a login already: accepting needs that person signed in. */
export function LogInToAccept({ email, message, logInPath }: LogInToAcceptProps) {
  return (
    <Alert color="blue" variant="light" title="Log in to accept" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {email ?? "This email"} already has a Partner Network account. {message}
        </Text>
        <Anchor component={Link} to={logInPath} fw={600}>
          Log in
        </Anchor>
      </Stack>
    </Alert>
  );
}
